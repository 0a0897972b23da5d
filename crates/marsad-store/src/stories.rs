//! Stories (schema v5): the [`StoryStore`] trait and the plain data it takes and gives.
//!
//! The pipeline clusters articles with marsad-cluster and stores, per batch and in one
//! transaction, each article's [`StoryAssignment`] (story, time used, kind, score), the
//! [`StoryMerge`]s the batch made and the refreshed [`StoryRecord`]s of the stories it
//! touched. To resume, it reads the [`ClusterText`]s assigned since a horizon (in
//! assignment order) and those not assigned yet (in id order). The CLI lists stories,
//! reads one story's [`StoryMember`]s, and resolves merged ids.

use marsad_model::{ArticleId, Published};
use serde::Serialize;

use crate::StoreError;

/// A story id: the id of the story's first article.
pub type StoryId = ArticleId;

/// One article's story, as the clusterer decided it.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryAssignment {
    pub article: ArticleId,
    pub story: StoryId,
    /// The time the clusterer used (Unix seconds).
    pub time: i64,
    /// `new`, `joined` or `duplicate`.
    pub kind: String,
    /// `joined`: the score.
    pub score: Option<f64>,
    /// `duplicate`: the earlier article it copies.
    pub duplicate_of: Option<ArticleId>,
}

/// Story `old` merged into `new` by `article` at `time`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoryMerge {
    pub old: StoryId,
    pub new: StoryId,
    pub article: ArticleId,
    pub time: i64,
}

/// A story as lists show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoryRecord {
    pub id: StoryId,
    /// The most central headline.
    pub title: String,
    pub title_article: ArticleId,
    /// Unix seconds.
    pub first_seen: i64,
    pub last_seen: i64,
    /// Distinct outlets, sorted.
    pub outlets: Vec<String>,
    pub size: u64,
}

/// One member of a story, in assignment order.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryMember {
    pub story: StoryId,
    pub article: ArticleId,
    pub url: String,
    pub outlet: String,
    pub title: String,
    pub published: Option<Published>,
    /// The time the clusterer used (Unix seconds).
    pub time: i64,
    pub kind: String,
    pub score: Option<f64>,
    pub duplicate_of: Option<ArticleId>,
}

/// What the clusterer reads of a stored article.
#[derive(Debug, Clone, PartialEq)]
pub struct ClusterText {
    pub id: ArticleId,
    pub outlet: String,
    pub title: String,
    pub text: String,
    pub published: Option<Published>,
    /// The earliest earlier article it (near-)duplicates: the store's exact copy, else
    /// the smallest near-duplicate partner with a smaller id.
    pub duplicate_of: Option<ArticleId>,
    /// Assigned articles: the stored time and (current) story.
    pub assigned: Option<(i64, StoryId)>,
}

/// Which stories to list: last seen at or after `since` (Unix seconds), newest first,
/// at most `limit`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StoryFilter {
    pub since: Option<i64>,
    pub limit: Option<usize>,
}

/// Storage of story assignments and summaries (every [`ArticleStore`](crate::ArticleStore) has it).
pub trait StoryStore {
    /// The latest stored assignment time, `None` when nothing is clustered.
    fn latest_story_time(&self) -> Result<Option<i64>, StoreError>;
    /// The assigned articles whose time is at or after `horizon`, in assignment order.
    fn clustered_since(&self, horizon: i64) -> Result<Vec<ClusterText>, StoreError>;
    /// Up to `limit` articles with no story yet and an id at most `up_to`, by id: those
    /// after the largest clustered id (the pipeline clusters every article, in id order).
    fn unclustered_articles(
        &self,
        limit: usize,
        up_to: ArticleId,
    ) -> Result<Vec<ClusterText>, StoreError>;
    /// The distinct stories of these articles (those clustered), sorted.
    fn stories_of(&self, articles: &[ArticleId]) -> Result<Vec<StoryId>, StoreError>;
    /// The members of these stories, by story then assignment order.
    fn story_members(&self, stories: &[StoryId]) -> Result<Vec<StoryMember>, StoreError>;
    /// In one transaction: store assignments (in order), apply merges (members move to
    /// the new story, old ids resolve to it, old summaries and entity lists go), and
    /// replace summaries (marking their entity lists out of date).
    fn store_stories(
        &mut self,
        assignments: &[StoryAssignment],
        merges: &[StoryMerge],
        summaries: &[StoryRecord],
    ) -> Result<(), StoreError>;
    /// Stories, newest (last seen) first.
    fn stories(&self, filter: &StoryFilter) -> Result<Vec<StoryRecord>, StoreError>;
    /// The story an id names now: itself, or the story it was merged into; `None` when
    /// no such story.
    fn resolve_story(&self, id: StoryId) -> Result<Option<StoryId>, StoreError>;
    /// One story's summary (by its current id).
    fn story(&self, id: StoryId) -> Result<Option<StoryRecord>, StoreError>;
}
