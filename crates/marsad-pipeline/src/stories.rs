//! The story stage of ingest: every stored article gets a story (marsad-cluster), in
//! article-id order, after its batch is stored and linked, so its near-duplicate link
//! (`duplicate_of`: the store's exact original, else the earliest near-duplicate
//! partner) is known.
//!
//! At ingest start, [`Stories::resume`] rebuilds the clusterer from the assignments
//! stored since [`Clusterer::horizon`] of the latest one. After each batch,
//! [`Stories::cluster_pending`] reads the articles that have no story yet (the batch
//! just stored, and anything an interrupted run left behind: a backfill, like
//! fingerprints in `reuse.rs`), computes their features in parallel, assigns them in
//! order, and stores assignments, merges and the refreshed summaries of the stories
//! they touched in one transaction. An interrupted ingest loses nothing committed, and
//! the next one finishes the job.
//!
//! **Time.** The clusterer's time for an article is its publication time (metadata,
//! else the dateline: `prepare.rs`). An article with neither is timed by the latest
//! full date its text states, when that date is plausible: not after this ingest, and
//! within the window before the latest time seen (a text recalling an old event is
//! still today's news). Otherwise it gets the latest time the clusterer has seen
//! (ingest order: it arrived with what was just published), or, in an empty
//! database, the time of this ingest.
//!
//! **Entities.** `ArticleInput::entities` is empty: the clusterer's threshold was tuned
//! without entity keys. The mentions are stored (`annotations.rs`) before a batch is
//! clustered, so keys could plug in at [`input_of`]. Storing a story's summary marks
//! its entity list out of date; `annotations.rs` refreshes the marked ones at the end
//! of the ingest.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Mutex;

use marsad_cluster::summary::{summarize, MemberInfo};
use marsad_cluster::{ArticleInput, ClusterConfig, Clusterer, DecisionKind, Features};
use marsad_model::ArticleId;
use marsad_store::PreparedArticle;
use marsad_store::{ArticleStore, ClusterText, StoryAssignment, StoryMerge, StoryRecord};
use rayon::prelude::*;

use crate::ingest::PipelineError;

/// What one call clustered.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Clustered {
    /// Articles given a story.
    pub articles: u64,
    /// Stories they started.
    pub stories: u64,
}

/// The clusterer of one ingest run.
pub(crate) struct Stories {
    clusterer: Clusterer,
}

/// The clusterer's input for a stored article (no entity keys: see the module doc).
pub(crate) fn input_of(row: &ClusterText, published: Option<i64>) -> ArticleInput {
    ArticleInput {
        id: row.id,
        published,
        title: row.title.clone(),
        text: row.text.clone(),
        outlet: Some(row.outlet.clone()),
        duplicate_of: row.duplicate_of,
        entities: Vec::new(),
        numbers: Vec::new(),
    }
}

impl Stories {
    /// A clusterer resumed from the stored assignments since the horizon.
    pub fn resume<S: ArticleStore>(
        store: &Mutex<&mut S>,
        config: ClusterConfig,
    ) -> Result<Self, PipelineError> {
        let rows = {
            let store = store.lock().map_err(|_| PipelineError::ThreadPanicked)?;
            match store.latest_story_time()? {
                Some(latest) => store.clustered_since(Clusterer::horizon(&config, latest))?,
                None => Vec::new(),
            }
        };
        let stored: Vec<(Features, i64)> = rows
            .par_iter()
            .filter_map(|row| {
                let (time, story) = row.assigned?;
                Some((Features::new(&input_of(row, Some(time)), &config), story))
            })
            .collect();
        Ok(Self { clusterer: Clusterer::resume_features(config, stored)? })
    }

    /// Give a story to every stored article up to id `up_to` that has none, `batch` at a
    /// time.
    /// `known`: features already computed from the analysis of articles just stored
    /// (by id, without time or duplicate link); the others are analysed from their
    /// stored text.
    pub fn cluster_pending<S: ArticleStore>(
        &mut self,
        store: &Mutex<&mut S>,
        batch: usize,
        up_to: ArticleId,
        known: &mut HashMap<ArticleId, Features>,
    ) -> Result<Clustered, PipelineError> {
        let mut total = Clustered::default();
        loop {
            let pending = {
                let store = store.lock().map_err(|_| PipelineError::ThreadPanicked)?;
                store.unclustered_articles(batch.max(1), up_to)?
            };
            if pending.is_empty() {
                return Ok(total);
            }
            let done = self.cluster(store, &pending, known)?;
            total.articles += done.articles;
            total.stories += done.stories;
        }
    }

    fn cluster<S: ArticleStore>(
        &mut self,
        store: &Mutex<&mut S>,
        pending: &[ClusterText],
        known: &mut HashMap<ArticleId, Features>,
    ) -> Result<Clustered, PipelineError> {
        let config = self.clusterer.config().clone();
        let wall = chrono::Utc::now().timestamp();
        // Text analysis in parallel; an undated article's stated date too.
        let mut known: Vec<Option<Features>> =
            pending.iter().map(|r| known.remove(&r.id)).collect();
        let analysed: Vec<(Features, Option<i64>, Option<i64>)> = pending
            .par_iter()
            .zip(known.par_iter_mut())
            .map(|(row, known)| {
                let published = row.published.map(|p| p.timestamp());
                let stated = if published.is_none() { stated_time(&row.text, wall) } else { None };
                let features = match known.take() {
                    Some(f) => f.with_published(published).with_duplicate_of(row.duplicate_of),
                    None => Features::new(&input_of(row, published), &config),
                };
                (features, published, stated)
            })
            .collect();
        let mut assignments = Vec::with_capacity(pending.len());
        let mut merges = Vec::new();
        let mut touched = BTreeSet::new();
        let mut done = Clustered::default();
        for (f, published, stated) in analysed {
            let f = match published {
                Some(_) => f,
                None => f.with_published(undated_time(
                    stated,
                    self.clusterer.now(),
                    wall,
                    config.window_secs,
                )),
            };
            let d = self.clusterer.assign_features(f)?;
            let (score, duplicate_of) = match d.kind {
                DecisionKind::Joined { score } => (Some(score), None),
                DecisionKind::Duplicate { of } => (None, Some(of)),
                DecisionKind::New | DecisionKind::Stored => (None, None),
            };
            done.articles += 1;
            done.stories += u64::from(matches!(d.kind, DecisionKind::New));
            for &old in &d.merged {
                merges.push(StoryMerge { old, new: d.story, article: d.article, time: d.time });
                touched.remove(&old);
            }
            touched.insert(d.story);
            assignments.push(StoryAssignment {
                article: d.article,
                story: d.story,
                time: d.time,
                kind: d.kind.as_str().to_owned(),
                score,
                duplicate_of,
            });
        }
        let summaries = summaries(store, &assignments, &merges, pending, touched)?;
        let mut store = store.lock().map_err(|_| PipelineError::ThreadPanicked)?;
        store.store_stories(&assignments, &merges, &summaries)?;
        Ok(done)
    }
}

/// An added article's features from its analysis (`prepare.rs` computed its index
/// terms): no re-analysis unless its text is longer than the clusterer reads.
pub(crate) fn features_of(
    id: ArticleId,
    article: &PreparedArticle,
    config: &ClusterConfig,
) -> Features {
    let input =
        ArticleInput { id, outlet: Some(article.outlet.clone()), ..ArticleInput::default() };
    Features::from_analysed(
        &input,
        &article.raw.text,
        &article.title_terms,
        &article.body_terms,
        config,
    )
}

/// The latest full date an undated article's text states (midnight UTC), unless it is
/// after `wall` (the time of this ingest: nothing is published in the future).
fn stated_time(text: &str, wall: i64) -> Option<i64> {
    let doc = marsad_annotate::doc::Doc::new(text);
    let day = marsad_annotate::dates::reference_date(&doc, None)?;
    Some(day.and_hms_opt(0, 0, 0)?.and_utc().timestamp()).filter(|&t| t <= wall)
}

/// The time of an article with no publication date: the date its text states when the
/// clusterer has seen nothing yet or that date lies within the window around `now`;
/// else `None` (the clusterer's latest time); in an empty clusterer with no stated
/// date, `wall`.
fn undated_time(stated: Option<i64>, now: Option<i64>, wall: i64, window: i64) -> Option<i64> {
    match (stated, now) {
        (Some(t), Some(now)) if t.abs_diff(now) <= window.unsigned_abs() => Some(t),
        (_, Some(_)) => None,
        (stated, None) => Some(stated.unwrap_or(wall)),
    }
}

/// The summaries of the touched stories: their stored members (merged stories'
/// included) plus the new assignments.
fn summaries<S: ArticleStore>(
    store: &Mutex<&mut S>,
    assignments: &[StoryAssignment],
    merges: &[StoryMerge],
    pending: &[ClusterText],
    touched: BTreeSet<i64>,
) -> Result<Vec<StoryRecord>, PipelineError> {
    let resolve = |mut id: i64| {
        while let Some(m) = merges.iter().find(|m| m.old == id) {
            id = m.new;
        }
        id
    };
    let ids: Vec<i64> = touched
        .iter()
        .copied()
        .chain(merges.iter().map(|m| m.old))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let stored = {
        let store = store.lock().map_err(|_| PipelineError::ThreadPanicked)?;
        store.story_members(&ids)?
    };
    let mut members: BTreeMap<i64, Vec<MemberInfo<'_>>> = BTreeMap::new();
    for m in &stored {
        let info = MemberInfo { id: m.article, outlet: &m.outlet, title: &m.title, time: m.time };
        members.entry(resolve(m.story)).or_default().push(info);
    }
    for (a, row) in assignments.iter().zip(pending) {
        let info =
            MemberInfo { id: a.article, outlet: &row.outlet, title: &row.title, time: a.time };
        members.entry(resolve(a.story)).or_default().push(info);
    }
    Ok(members
        .into_iter()
        .filter(|(id, _)| touched.contains(id))
        .filter_map(|(id, members)| summarize(id, &members))
        .map(|s| StoryRecord {
            id: s.id,
            title: s.title,
            title_article: s.title_article,
            first_seen: s.first_seen,
            last_seen: s.last_seen,
            outlets: s.outlets,
            size: s.size as u64,
        })
        .collect())
}
