//! `marsad reuse ID [--json]`: the passages of article ID found in other articles,
//! with spans in both, and the earliest source of each passage.
//!
//! Passages are stored at ingest (one row per passage and pair of articles). Here the
//! rows of article ID are grouped by where they fall in ID's text: rows whose spans in
//! ID overlap are one passage found in several articles. The earliest source of a
//! passage is, among ID and all those articles, the one published first (undated after
//! dated, ties by id: the first ingested).

use std::collections::HashMap;

use anyhow::{bail, Result};
use marsad_model::{Article, ArticleId, Span};
use marsad_store::{ArticleStore, ReusedPassage, SqliteStore};
use serde::Serialize;

/// An article as a JSON line names it.
#[derive(Debug, Serialize)]
struct Named<'a> {
    id: ArticleId,
    url: &'a str,
    outlet: &'a str,
    published: Option<String>,
}

/// The JSON Lines shape: one line per passage and other article.
#[derive(Debug, Serialize)]
struct ReuseLine<'a> {
    id: ArticleId,
    /// Passage number within article `id` (rows with the same number overlap in `id`).
    passage: usize,
    span: Span,
    text: &'a str,
    words: u64,
    other: Named<'a>,
    other_span: Span,
    other_text: &'a str,
    /// Which of the two was published first (ties: the lower id).
    first: ArticleId,
    /// The earliest source of the passage among every article that shares it.
    earliest: Named<'a>,
}

fn named(article: &Article) -> Named<'_> {
    Named {
        id: article.id,
        url: &article.url,
        outlet: &article.outlet,
        published: article.published.map(|p| p.to_rfc3339()),
    }
}

fn order_key(article: &Article) -> (bool, i64, ArticleId) {
    let published = article.published.map(|p| p.timestamp());
    (published.is_none(), published.unwrap_or(0), article.id)
}

/// One row seen from article `id`: the other article, the span in `id`, the span there.
struct Row<'a> {
    row: &'a ReusedPassage,
    other: ArticleId,
    mine: Span,
    theirs: Span,
}

/// Rows grouped by overlap of their spans in `id`, in text order.
fn groups<'a>(id: ArticleId, rows: &'a [ReusedPassage]) -> Vec<Vec<Row<'a>>> {
    let mut seen: Vec<Row<'a>> = rows
        .iter()
        .filter_map(|row| {
            let (other, mine, theirs) = row.seen_from(id)?;
            Some(Row { row, other, mine, theirs })
        })
        .collect();
    seen.sort_by_key(|r| (r.mine.start, r.mine.end, r.other));
    let mut out: Vec<Vec<Row<'a>>> = Vec::new();
    let mut end = 0usize;
    for row in seen {
        match out.last_mut() {
            Some(group) if row.mine.start < end => {
                end = end.max(row.mine.end);
                group.push(row);
            }
            _ => {
                end = row.mine.end;
                out.push(vec![row]);
            }
        }
    }
    out
}

pub fn run(store: &SqliteStore, id: ArticleId, json: bool) -> Result<()> {
    let Some(article) = store.article(id)? else {
        bail!("no article {id} (see `marsad articles` for ids)");
    };
    let rows = store.passages_of(id)?;
    let mut others: HashMap<ArticleId, Article> = HashMap::new();
    for row in &rows {
        let other = if row.a == id { row.b } else { row.a };
        if let std::collections::hash_map::Entry::Vacant(entry) = others.entry(other) {
            if let Some(found) = store.article(other)? {
                entry.insert(found);
            }
        }
    }
    let grouped = groups(id, &rows);
    if !json {
        say!(
            "#{id} {}  {}  {}  {}",
            super::human_date(article.published.as_ref()),
            article.outlet,
            article.title,
            article.url
        );
    }
    for (number, group) in grouped.iter().enumerate() {
        let earliest = group
            .iter()
            .filter_map(|r| others.get(&r.other))
            .chain(std::iter::once(&article))
            .min_by_key(|a| order_key(a))
            .unwrap_or(&article);
        if !json {
            print_group(number, &article, group, &others, earliest)?;
            continue;
        }
        for r in group {
            let Some(other) = others.get(&r.other) else { continue };
            super::print_json_line(&ReuseLine {
                id,
                passage: number,
                span: r.mine,
                text: r.mine.slice(&article.text),
                words: r.row.words,
                other: named(other),
                other_span: r.theirs,
                other_text: r.theirs.slice(&other.text),
                first: r.row.source,
                earliest: named(earliest),
            })?;
        }
    }
    if !json {
        say!("{} passages shared with {} articles", grouped.len(), others.len());
    }
    Ok(())
}

/// A passage for people: where it is in the article, its text (shortened), the
/// earliest source, then each article that has it.
fn print_group(
    number: usize,
    article: &Article,
    group: &[Row<'_>],
    others: &HashMap<ArticleId, Article>,
    earliest: &Article,
) -> Result<()> {
    let start = group.iter().map(|r| r.mine.start).min().unwrap_or(0);
    let end = group.iter().map(|r| r.mine.end).max().unwrap_or(start);
    let text = Span::new(start, end).slice(&article.text);
    let shown: String = text.chars().take(160).collect();
    let more = if shown.len() < text.len() { " …" } else { "" };
    say!("");
    say!("passage {} [{start}, {end}] «{shown}{more}»", number + 1);
    let source = if earliest.id == article.id { " (this article)" } else { "" };
    say!(
        "  earliest source: #{} {}  {}{source}",
        earliest.id,
        super::human_date(earliest.published.as_ref()),
        earliest.outlet
    );
    for r in group {
        let Some(other) = others.get(&r.other) else { continue };
        say!(
            "  #{:<6} {}  {:<14} [{}, {}] here [{}, {}] there, {} words  {}",
            other.id,
            super::human_date(other.published.as_ref()),
            other.outlet,
            r.mine.start,
            r.mine.end,
            r.theirs.start,
            r.theirs.end,
            r.row.words,
            other.url
        );
    }
    Ok(())
}
