//! `marsad entities`: the people, organisations and places across the stored
//! articles, with spelling variants merged, aliases, roles and counts. Reads the
//! mentions ingest stored per article (exact copies left out) and merges them with
//! `EntityResolver`; `--story ID` reads the entity list stored for that story (or, with
//! `--outlet`, merges the mentions of that outlet's members).

use anyhow::{Context, Result};
use marsad_annotate::entities::EntityKind;
use marsad_model::Article;
use marsad_pipeline::merge_entities;
use marsad_store::{AnnotationStore, ArticleStore, SqliteStore, StoryEntity, StoryStore};

pub fn run(
    store: &SqliteStore,
    json: bool,
    outlet: Option<String>,
    kind: Option<String>,
    story: Option<i64>,
    limit: usize,
) -> Result<()> {
    let kind = match kind.as_deref() {
        None => None,
        Some(k) => Some(
            EntityKind::parse(&k.to_uppercase())
                .with_context(|| format!("--kind {k}: expected PERS, ORG, LOC or MISC"))?,
        ),
    };
    let entities = match (story, outlet.as_deref()) {
        (Some(id), None) => store.story_entities(resolve(store, id)?)?,
        (Some(id), Some(outlet)) => {
            let ids: Vec<i64> =
                story_articles(store, id, Some(outlet))?.iter().map(|a| a.id).collect();
            merged(store, Some(&ids), None)?
        }
        (None, outlet) => merged(store, None, outlet)?,
    };
    let wanted = entities.into_iter().filter(|e| kind.is_none_or(|k| e.kind == k.as_str()));
    for e in wanted.take(limit) {
        if json {
            super::print_json_line(&e)?;
        } else {
            say!("{:<4} {} ×{} in {} articles", e.kind, e.canonical, e.count, e.articles);
            if e.aliases.len() > 1 {
                say!("     aliases: {}", e.aliases.join("، "));
            }
            if !e.roles.is_empty() {
                say!("     roles: {}", e.roles.join("، "));
            }
        }
    }
    Ok(())
}

/// The stored mentions of these articles (all when `None`; exact copies left out),
/// merged across articles, most mentioned first.
fn merged(
    store: &SqliteStore,
    articles: Option<&[i64]>,
    outlet: Option<&str>,
) -> Result<Vec<StoryEntity>> {
    Ok(merge_entities(&store.entity_mentions(articles, outlet, true)?))
}

fn resolve(store: &SqliteStore, id: i64) -> Result<i64> {
    match store.resolve_story(id)? {
        Some(resolved) => Ok(resolved),
        None => anyhow::bail!("no story #{id} (see `marsad stories`)"),
    }
}

/// The stored articles of story `id` (or of the story it was merged into), in
/// assignment order, optionally of one outlet.
pub(super) fn story_articles(
    store: &SqliteStore,
    id: i64,
    outlet: Option<&str>,
) -> Result<Vec<Article>> {
    let resolved = resolve(store, id)?;
    let mut articles = Vec::new();
    for member in store.story_members(&[resolved])? {
        if outlet.is_some_and(|o| o != member.outlet) {
            continue;
        }
        if let Some(article) = store.article(member.article)? {
            articles.push(article);
        }
    }
    Ok(articles)
}
