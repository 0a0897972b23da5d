//! `marsad entities`: the people, organisations and places across the stored
//! articles, with spelling variants merged, aliases, roles and counts. Reads the
//! mentions ingest stored per article (exact copies left out) and merges them with
//! `EntityResolver`; `--story ID` reads the entity list stored for that story (or, with
//! `--outlet`, merges the mentions of that outlet's members).

use anyhow::{Context, Result};
use marsad_annotate::entities::EntityKind;
use marsad_pipeline::merge_entities;
use marsad_store::{AnnotationStore, SqliteStore, StoryEntity};

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
        (Some(id), None) => store.story_entities(super::stories::resolve(store, id)?)?,
        (Some(id), Some(outlet)) => {
            let ids = super::stories::member_ids(store, id, Some(outlet))?;
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
