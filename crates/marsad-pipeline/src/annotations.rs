//! The annotation stage of ingest: every added or updated article gets its entity
//! mentions, quotes, quantities and dates (marsad-annotate), stored with byte spans
//! into its stored text (schema v6), right after its batch is stored and before it
//! is linked and clustered. Every story an ingest touched gets its entity list rebuilt
//! once, at the end ([`refresh_stale_stories`]: the store marks a story whose summary
//! changed).
//!
//! An article with no annotations of [`ANNOTATION_VERSION`] (stored before v6, left by
//! an interrupted ingest, or annotated by an older version) is annotated by
//! [`annotate_pending`] at the start of the next ingest: a backfill, like
//! fingerprints in `reuse.rs` and stories in `stories.rs`.

use std::collections::BTreeMap;
use std::sync::Mutex;

use marsad_annotate::entities::{annotate_entities, EntityKind, EntityMention, EntityResolver};
use marsad_model::{ArticleId, Published};
use marsad_store::{
    ArticleAnnotations, ArticleMention, ArticleStore, StoredDate, StoredMention, StoredQuantity,
    StoredQuote, StoredSpeaker, StoryEntity, StoryId,
};
use rayon::prelude::*;

use crate::ingest::PipelineError;

/// The version of what the annotators write. Bump it when their output changes
/// (a retrained model, new rules): the next ingest annotates every article again.
pub const ANNOTATION_VERSION: i64 = 1;

/// Entities kept per story (most mentioned first).
const STORY_ENTITIES: usize = 40;

/// Annotate one article's stored text (what ingest does for every added or updated
/// article). `published` resolves relative dates.
pub fn annotate_article(
    id: ArticleId,
    text: &str,
    published: Option<&Published>,
) -> ArticleAnnotations {
    // The shipped model always loads (a test holds it); if it did not, no entities.
    let mentions = annotate_entities(text).unwrap_or_default();
    let found = marsad_annotate::annotate(text, published.map(|p| p.date_naive()), &mentions);
    ArticleAnnotations {
        article: id,
        version: ANNOTATION_VERSION,
        reference_date: found.reference_date.map(|d| d.to_string()),
        mentions: mentions.into_iter().map(stored_mention).collect(),
        quotes: found
            .quotes
            .into_iter()
            .map(|q| StoredQuote {
                span: q.span,
                direct: q.direct,
                cue: q.cue,
                speaker: q.speaker.map(|s| StoredSpeaker {
                    span: s.span,
                    text: s.text,
                    entity: s.entity,
                }),
            })
            .collect(),
        quantities: found
            .quantities
            .into_iter()
            .map(|q| StoredQuantity {
                span: q.span,
                value: q.value,
                unit: q.unit,
                approximate: q.approximate,
                range: q.range,
            })
            .collect(),
        dates: found
            .dates
            .into_iter()
            .map(|d| StoredDate {
                span: d.span,
                value: d.value,
                precision: precision_name(&d.precision),
                relative: d.relative,
            })
            .collect(),
    }
}

/// A precision as `analyze --json` writes it (`day`, `month`, `year`).
fn precision_name(precision: &impl serde::Serialize) -> String {
    match serde_json::to_value(precision) {
        Ok(serde_json::Value::String(name)) => name,
        _ => String::new(),
    }
}

fn stored_mention(m: EntityMention) -> StoredMention {
    StoredMention {
        span: m.span,
        surface: m.text,
        kind: m.kind.as_str().to_owned(),
        entity: m.entity,
        role: m.role,
    }
}

/// A stored mention as the entity resolver takes it (`None` for an unknown kind).
fn entity_mention(m: &StoredMention) -> Option<EntityMention> {
    Some(EntityMention {
        span: m.span,
        text: m.surface.clone(),
        kind: EntityKind::parse(&m.kind)?,
        entity: m.entity.clone(),
        role: m.role.clone(),
    })
}

/// Annotate (in parallel) and store these articles in one transaction.
pub(crate) fn annotate_and_store<S: ArticleStore>(
    store: &Mutex<&mut S>,
    articles: &[(ArticleId, &str, Option<&Published>)],
) -> Result<u64, PipelineError> {
    if articles.is_empty() {
        return Ok(0);
    }
    let annotated: Vec<ArticleAnnotations> = articles
        .par_iter()
        .map(|&(id, text, published)| annotate_article(id, text, published))
        .collect();
    let mut store = store.lock().map_err(|_| PipelineError::ThreadPanicked)?;
    store.store_annotations(&annotated)?;
    Ok(annotated.len() as u64)
}

/// Annotate every stored article that has no annotations of [`ANNOTATION_VERSION`],
/// `batch` at a time, and refresh the entity lists of the stories they are in (stored
/// before v6, or by `--no-annotate`); returns how many articles.
pub(crate) fn annotate_pending<S: ArticleStore>(
    store: &Mutex<&mut S>,
    batch: usize,
) -> Result<u64, PipelineError> {
    let mut done = 0;
    let mut after = 0;
    loop {
        let pending = {
            let store = store.lock().map_err(|_| PipelineError::ThreadPanicked)?;
            store.unannotated_articles(batch.max(1), after, ANNOTATION_VERSION)?
        };
        let Some(last) = pending.last() else { return Ok(done) };
        after = last.id;
        let articles: Vec<_> =
            pending.iter().map(|a| (a.id, a.text.as_str(), a.published.as_ref())).collect();
        done += annotate_and_store(store, &articles)?;
        let ids: Vec<ArticleId> = pending.iter().map(|a| a.id).collect();
        let mut store = store.lock().map_err(|_| PipelineError::ThreadPanicked)?;
        let stories = store.stories_of(&ids)?;
        rebuild_story_entities(&mut **store, &stories)?;
    }
}

/// Refresh the entity lists of every story marked out of date (touched by this ingest
/// or by an interrupted one), `batch` stories at a time; returns how many.
pub(crate) fn refresh_stale_stories<S: ArticleStore>(
    store: &Mutex<&mut S>,
    batch: usize,
) -> Result<u64, PipelineError> {
    let mut done = 0;
    loop {
        let mut store = store.lock().map_err(|_| PipelineError::ThreadPanicked)?;
        let stale = store.stale_story_entities(batch.max(1))?;
        if stale.is_empty() {
            return Ok(done);
        }
        rebuild_story_entities(&mut **store, &stale)?;
        done += stale.len() as u64;
    }
}

/// Rebuild and store the entity lists of these stories from their members' mentions
/// (a story with no members gets an empty list).
fn rebuild_story_entities<S: ArticleStore>(
    store: &mut S,
    stories: &[StoryId],
) -> Result<(), PipelineError> {
    let mut members: BTreeMap<StoryId, Vec<ArticleId>> =
        stories.iter().map(|&story| (story, Vec::new())).collect();
    for m in store.story_members(stories)? {
        members.entry(m.story).or_default().push(m.article);
    }
    let entities = story_entities(store, &members)?;
    store.store_story_entities(&entities)?;
    Ok(())
}

/// Stored mentions (grouped by article, as the store returns them) merged across
/// articles into entities with aliases, roles and counts, most mentioned first.
pub fn merge_entities(mentions: &[ArticleMention]) -> Vec<StoryEntity> {
    let mut resolver = EntityResolver::new();
    for chunk in mentions.chunk_by(|a, b| a.article == b.article) {
        let article: Vec<EntityMention> =
            chunk.iter().filter_map(|m| entity_mention(&m.mention)).collect();
        resolver.add_article(&article);
    }
    resolver
        .entities()
        .into_iter()
        .map(|e| StoryEntity {
            kind: e.kind.as_str().to_owned(),
            canonical: e.canonical,
            aliases: e.aliases,
            roles: e.roles,
            count: e.count as u64,
            articles: e.articles as u64,
        })
        .collect()
}

/// The entities of each story: its members' stored mentions (exact copies left out),
/// merged, the most mentioned [`STORY_ENTITIES`].
fn story_entities<S: ArticleStore>(
    store: &S,
    members: &BTreeMap<StoryId, Vec<ArticleId>>,
) -> Result<Vec<(StoryId, Vec<StoryEntity>)>, PipelineError> {
    let mut out = Vec::with_capacity(members.len());
    for (&story, ids) in members {
        let mut entities = merge_entities(&store.entity_mentions(Some(ids), None, true)?);
        entities.truncate(STORY_ENTITIES);
        out.push((story, entities));
    }
    Ok(out)
}
