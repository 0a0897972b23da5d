//! `marsad entities`: the people, organisations and places across the stored
//! articles, with spelling variants merged, aliases, roles and counts. For now an
//! in-memory pass: every stored article (exact copies skipped) is tagged again
//! (in parallel) and the entities merged by `EntityResolver`; storing entities per
//! article comes with the database step. `--story ID` limits the pass to one story's
//! members.

use anyhow::{Context, Result};
use marsad_annotate::entities::{annotate_entities, EntityKind, EntityResolver, NerModel};
use marsad_model::Article;
use marsad_store::{ArticleFilter, ArticleStore, SqliteStore, StoryStore};
use rayon::prelude::*;

pub fn run(
    store: &SqliteStore,
    json: bool,
    outlet: Option<String>,
    kind: Option<String>,
    story: Option<i64>,
    limit: usize,
) -> Result<()> {
    NerModel::shipped().context("loading the shipped NER model")?;
    let kind = match kind.as_deref() {
        None => None,
        Some(k) => Some(
            EntityKind::parse(&k.to_uppercase())
                .with_context(|| format!("--kind {k}: expected PERS, ORG, LOC or MISC"))?,
        ),
    };
    let articles = match story {
        None => store.articles(&ArticleFilter { outlet, limit: None })?,
        Some(id) => story_articles(store, id, outlet.as_deref())?,
    };
    let originals: Vec<_> = articles.iter().filter(|a| a.duplicate_of.is_none()).collect();
    let mentions: Vec<_> =
        originals.par_iter().map(|a| annotate_entities(&a.text).unwrap_or_default()).collect();
    let mut resolver = EntityResolver::new();
    for m in &mentions {
        resolver.add_article(m);
    }
    let entities =
        resolver.entities().into_iter().filter(|e| kind.is_none_or(|k| e.kind == k)).take(limit);
    for e in entities {
        if json {
            super::print_json_line(&e)?;
        } else {
            say!("{:<4} {} ×{} in {} articles", e.kind.as_str(), e.canonical, e.count, e.articles);
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

/// The stored articles of story `id` (or of the story it was merged into), in
/// assignment order, optionally of one outlet.
pub(super) fn story_articles(
    store: &SqliteStore,
    id: i64,
    outlet: Option<&str>,
) -> Result<Vec<Article>> {
    let Some(resolved) = store.resolve_story(id)? else {
        anyhow::bail!("no story #{id} (see `marsad stories`)");
    };
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
