//! `marsad entities`: the people, organisations and places across the stored
//! articles, with spelling variants merged, aliases, roles and counts. For now an
//! in-memory pass: every stored article (exact copies skipped) is tagged again
//! (in parallel) and the entities merged by `EntityResolver`; storing entities per
//! article comes with the database step.

use anyhow::{Context, Result};
use marsad_annotate::entities::{annotate_entities, EntityKind, EntityResolver, NerModel};
use marsad_store::{ArticleFilter, ArticleStore, SqliteStore};
use rayon::prelude::*;

pub fn run(
    store: &SqliteStore,
    json: bool,
    outlet: Option<String>,
    kind: Option<String>,
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
    let articles = store.articles(&ArticleFilter { outlet, limit: None })?;
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
