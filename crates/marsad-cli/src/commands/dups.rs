//! `marsad dups`: the near-duplicate pairs stored at ingest.

use std::collections::{BTreeMap, HashMap};

use anyhow::Result;
use marsad_model::{Article, ArticleId};
use marsad_store::{ArticleStore, NearDuplicate, SqliteStore};
use serde::Serialize;

/// The JSON Lines shape of `marsad dups --json`.
#[derive(Debug, Serialize)]
struct PairLine<'a> {
    a: serde_json::Value,
    b: serde_json::Value,
    similarity: f64,
    kind: &'a str,
}

/// The article's URL, or its id when it has none.
fn name(article: Option<&Article>, id: ArticleId) -> serde_json::Value {
    match article {
        Some(a) if !a.url.trim().is_empty() => serde_json::Value::from(a.url.as_str()),
        _ => serde_json::Value::from(id),
    }
}

fn sort_key(value: &serde_json::Value) -> String {
    value.as_str().map_or_else(|| value.to_string(), str::to_owned)
}

fn find(parent: &mut HashMap<ArticleId, ArticleId>, x: ArticleId) -> ArticleId {
    let mut root = x;
    while let Some(&p) = parent.get(&root) {
        if p == root {
            break;
        }
        root = p;
    }
    let mut node = x;
    while node != root {
        let next = parent.get(&node).copied().unwrap_or(root);
        parent.insert(node, root);
        node = next;
    }
    root
}

pub fn run(store: &SqliteStore, json: bool) -> Result<()> {
    let pairs = store.near_duplicates()?;
    let mut articles: HashMap<ArticleId, Option<Article>> = HashMap::new();
    for pair in &pairs {
        for id in [pair.a, pair.b] {
            if let std::collections::hash_map::Entry::Vacant(entry) = articles.entry(id) {
                entry.insert(store.article(id)?);
            }
        }
    }
    let get = |id: ArticleId| articles.get(&id).and_then(Option::as_ref);
    if json {
        for pair in &pairs {
            let (a, b) = (name(get(pair.a), pair.a), name(get(pair.b), pair.b));
            // a < b as strings, like the evaluation files.
            let (a, b) = if sort_key(&a) <= sort_key(&b) { (a, b) } else { (b, a) };
            super::print_json_line(&PairLine {
                a,
                b,
                similarity: pair.similarity,
                kind: &pair.kind,
            })?;
        }
        return Ok(());
    }
    print_groups(&pairs, &get)
}

/// Connected groups of pairs, each under its earliest article (publication time,
/// then id); each copy with its outlet and its best similarity within the group.
fn print_groups<'a>(
    pairs: &[NearDuplicate],
    get: &dyn Fn(ArticleId) -> Option<&'a Article>,
) -> Result<()> {
    let mut parent: HashMap<ArticleId, ArticleId> = HashMap::new();
    for pair in pairs {
        parent.entry(pair.a).or_insert(pair.a);
        parent.entry(pair.b).or_insert(pair.b);
        let (ra, rb) = (find(&mut parent, pair.a), find(&mut parent, pair.b));
        if ra != rb {
            parent.insert(ra.max(rb), ra.min(rb));
        }
    }
    let mut groups: BTreeMap<ArticleId, Vec<ArticleId>> = BTreeMap::new();
    let ids: Vec<ArticleId> = parent.keys().copied().collect();
    for id in ids {
        let root = find(&mut parent, id);
        groups.entry(root).or_default().push(id);
    }
    let mut best: HashMap<ArticleId, (f64, &str)> = HashMap::new();
    let key = |id: ArticleId| (get(id).and_then(|a| a.published).map(|p| p.timestamp()), id);
    for (_, members) in groups.iter_mut() {
        // Earliest first: articles without a date after dated ones, ties by id.
        members.sort_by_key(|&id| {
            let (published, id) = key(id);
            (published.is_none(), published, id)
        });
    }
    for pair in pairs {
        for id in [pair.a, pair.b] {
            let entry = best.entry(id).or_insert((pair.similarity, &pair.kind));
            if pair.similarity > entry.0 {
                *entry = (pair.similarity, &pair.kind);
            }
        }
    }
    let line = |id: ArticleId| -> String {
        match get(id) {
            Some(a) => format!(
                "#{id:<6} {}  {:<14} {}  {}",
                super::human_date(a.published.as_ref()),
                a.outlet,
                a.title,
                a.url
            ),
            None => format!("#{id}"),
        }
    };
    for members in groups.values() {
        let Some((&first, copies)) = members.split_first() else { continue };
        say!("{}", line(first));
        for &copy in copies {
            let (similarity, kind) = best.get(&copy).copied().unwrap_or((0.0, "near"));
            say!("    {similarity:.2} {kind:<5} {}", line(copy));
        }
    }
    say!("{} pairs in {} groups", pairs.len(), groups.len());
    Ok(())
}
