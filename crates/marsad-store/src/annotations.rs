//! Annotations (schema v6): the [`AnnotationStore`] trait and the plain rows it takes
//! and gives.
//!
//! The pipeline annotates each added or updated article with marsad-annotate and
//! stores, per batch and in one transaction, its [`ArticleAnnotations`]: entity
//! mentions, quotes, quantities and dates, every one with a byte span into the stored
//! text. Per story it stores the [`StoryEntity`] list (the members' mentions with
//! spelling variants merged). An article annotated by an older annotator version (or
//! never, e.g. stored before v6 or by an interrupted ingest) is listed by
//! [`AnnotationStore::unannotated_articles`], so the next ingest does it.
//!
//! These types are the store's own (it depends on no annotator crate); the pipeline
//! converts from marsad-annotate's.

use marsad_model::{ArticleId, Published, Span};
use serde::Serialize;

use crate::stories::StoryId;
use crate::StoreError;

/// Everything the annotators found in one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleAnnotations {
    pub article: ArticleId,
    /// The annotator version that made these rows.
    pub version: i64,
    /// ISO date that relative dates were resolved against.
    pub reference_date: Option<String>,
    pub mentions: Vec<StoredMention>,
    pub quotes: Vec<StoredQuote>,
    pub quantities: Vec<StoredQuantity>,
    pub dates: Vec<StoredDate>,
}

/// One entity mention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredMention {
    pub span: Span,
    /// The mention as written.
    pub surface: String,
    /// `PERS`, `ORG`, `LOC` or `MISC`.
    pub kind: String,
    /// The canonical name within the article.
    pub entity: String,
    pub role: Option<String>,
}

/// One quote; its text is the span of the article's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredQuote {
    pub span: Span,
    pub direct: bool,
    pub cue: Option<String>,
    pub speaker: Option<StoredSpeaker>,
}

/// Who said a quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredSpeaker {
    pub span: Span,
    /// The speaker phrase as written.
    pub text: String,
    /// Its canonical name, when resolved.
    pub entity: Option<String>,
}

/// One quantity.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredQuantity {
    pub span: Span,
    pub value: f64,
    pub unit: Option<String>,
    pub approximate: bool,
    pub range: Option<[f64; 2]>,
}

/// One date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredDate {
    pub span: Span,
    /// ISO value (`2021-07-26`, `2021-07`, `2021`).
    pub value: String,
    /// `day`, `month` or `year`.
    pub precision: String,
    pub relative: bool,
}

/// One entity of a story.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoryEntity {
    pub kind: String,
    pub canonical: String,
    pub aliases: Vec<String>,
    pub roles: Vec<String>,
    /// Mentions in the story's members.
    pub count: u64,
    /// Members that mention it.
    pub articles: u64,
}

/// What the annotators read of a stored article.
#[derive(Debug, Clone, PartialEq)]
pub struct AnnotationInput {
    pub id: ArticleId,
    pub text: String,
    pub published: Option<Published>,
}

/// A stored mention with the article it is in (entity lists across articles).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleMention {
    pub article: ArticleId,
    pub mention: StoredMention,
}

/// Which stored quotes to read.
#[derive(Debug, Clone, Copy, Default)]
pub struct QuoteFilter<'a> {
    /// Only these articles (e.g. a story's members).
    pub articles: Option<&'a [ArticleId]>,
    /// Leave out exact copies of earlier articles.
    pub originals_only: bool,
}

/// A stored quote with the article it is in (its text is that article's span).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleQuote {
    pub article: ArticleId,
    pub quote: StoredQuote,
}

/// Storage of annotations (every [`ArticleStore`](crate::ArticleStore) has it).
pub trait AnnotationStore {
    /// In one transaction: replace the annotations of these articles.
    fn store_annotations(&mut self, annotations: &[ArticleAnnotations]) -> Result<(), StoreError>;
    /// Up to `limit` articles with an id above `after` that have no annotations of
    /// `version` or later (never annotated, or by an older version), by id.
    fn unannotated_articles(
        &self,
        limit: usize,
        after: ArticleId,
        version: i64,
    ) -> Result<Vec<AnnotationInput>, StoreError>;
    /// One article's annotations; `None` when it has none (or no such article).
    fn annotations(&self, article: ArticleId) -> Result<Option<ArticleAnnotations>, StoreError>;
    /// The mentions of these articles (all articles when `None`), leaving out exact
    /// copies when `originals_only`, optionally of one outlet; by article, then text order.
    fn entity_mentions(
        &self,
        articles: Option<&[ArticleId]>,
        outlet: Option<&str>,
        originals_only: bool,
    ) -> Result<Vec<ArticleMention>, StoreError>;
    /// Stored quotes matching `filter`, by article then text order.
    fn quotes(&self, filter: &QuoteFilter<'_>) -> Result<Vec<ArticleQuote>, StoreError>;
    /// Up to `limit` stories whose entity list is out of date (a summary was stored
    /// since the list was), by id.
    fn stale_story_entities(&self, limit: usize) -> Result<Vec<StoryId>, StoreError>;
    /// In one transaction: replace the entity lists of these stories (which are then
    /// up to date).
    fn store_story_entities(
        &mut self,
        stories: &[(StoryId, Vec<StoryEntity>)],
    ) -> Result<(), StoreError>;
    /// One story's entities, most mentioned first (empty when none are stored).
    fn story_entities(&self, story: StoryId) -> Result<Vec<StoryEntity>, StoreError>;
}
