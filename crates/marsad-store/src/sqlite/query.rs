//! Reading: one article, listings, statistics, full-text search, integrity checks.

use marsad_model::{Article, ArticleId};
use rusqlite::{params, Connection, OptionalExtension};

use super::row::{article_from_row, decode_furniture, ARTICLE_COLUMNS};
use crate::schema;
use crate::types::{ArticleFilter, FurnitureBlock, OutletCount, OutletLines, SearchHit, Stats};

/// BM25 weights of the `article_fts` columns: a title match counts three body matches.
const RANK: &str = "bm25(3.0, 1.0)";

pub(crate) fn article(conn: &Connection, id: ArticleId) -> rusqlite::Result<Option<Article>> {
    conn.prepare_cached(&format!("SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?1"))?
        .query_row([id], article_from_row)
        .optional()
}

pub(crate) fn furniture(
    conn: &Connection,
    id: ArticleId,
) -> rusqlite::Result<Option<Vec<FurnitureBlock>>> {
    let stored: Option<Option<String>> = conn
        .prepare_cached("SELECT furniture FROM articles WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?;
    stored
        .map(|json| json.map_or_else(|| Ok(Vec::new()), |json| decode_furniture(0, &json)))
        .transpose()
}

pub(crate) fn outlet_lines(
    conn: &Connection,
    outlet: &str,
    min_articles: u64,
) -> rusqlite::Result<OutletLines> {
    let articles: Option<i64> = conn
        .prepare_cached("SELECT articles FROM outlet_articles WHERE outlet = ?1")?
        .query_row([outlet], |r| r.get(0))
        .optional()?;
    let min = i64::try_from(min_articles).unwrap_or(i64::MAX);
    let lines = conn
        .prepare_cached(
            "SELECT line_hash, articles FROM outlet_lines WHERE outlet = ?1 AND articles >= ?2",
        )?
        .query_map(params![outlet, min], |r| {
            let n: i64 = r.get(1)?;
            Ok((r.get::<_, String>(0)?, u64::try_from(n).unwrap_or(0)))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(OutletLines { articles: articles.and_then(|n| u64::try_from(n).ok()).unwrap_or(0), lines })
}

/// Newest first: by publication time (unknown last), then by id, newest first.
pub(crate) fn articles(
    conn: &Connection,
    filter: &ArticleFilter,
) -> rusqlite::Result<Vec<Article>> {
    // SQLite reads a negative LIMIT as "no limit".
    let limit = filter.limit.map_or(-1, |limit| i64::try_from(limit).unwrap_or(i64::MAX));
    let order = "ORDER BY published_ts DESC NULLS LAST, id DESC";
    match &filter.outlet {
        Some(outlet) => conn
            .prepare_cached(&format!(
                "SELECT {ARTICLE_COLUMNS} FROM articles WHERE outlet = ?1 {order} LIMIT ?2"
            ))?
            .query_map(params![outlet, limit], article_from_row)?
            .collect(),
        None => conn
            .prepare_cached(&format!("SELECT {ARTICLE_COLUMNS} FROM articles {order} LIMIT ?1"))?
            .query_map([limit], article_from_row)?
            .collect(),
    }
}

pub(crate) fn stats(conn: &Connection) -> rusqlite::Result<Stats> {
    let count = |sql: &str| -> rusqlite::Result<u64> {
        let n: i64 = conn.prepare_cached(sql)?.query_row([], |r| r.get(0))?;
        Ok(u64::try_from(n).unwrap_or(0))
    };
    let published = |order: &str| -> rusqlite::Result<Option<String>> {
        conn.prepare_cached(&format!(
            "SELECT published FROM articles WHERE published_ts IS NOT NULL \
             ORDER BY published_ts {order}, id {order} LIMIT 1"
        ))?
        .query_row([], |r| r.get(0))
        .optional()
    };
    let per_outlet = conn
        .prepare_cached(
            "SELECT outlet, count(*) AS n FROM articles GROUP BY outlet ORDER BY n DESC, outlet",
        )?
        .query_map([], |r| {
            let n: i64 = r.get(1)?;
            Ok(OutletCount { outlet: r.get(0)?, articles: u64::try_from(n).unwrap_or(0) })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Stats {
        articles: count("SELECT count(*) FROM articles")?,
        outlets: per_outlet.len() as u64,
        exact_duplicates: count("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL")?,
        first_published: published("ASC")?,
        last_published: published("DESC")?,
        per_outlet,
        schema_version: schema::user_version(conn)?,
        annotated: count("SELECT count(*) FROM annotated")?,
        entity_mentions: count("SELECT count(*) FROM entity_mentions")?,
        quotes: count("SELECT count(*) FROM quotes")?,
        quantities: count("SELECT count(*) FROM quantities")?,
        dates: count("SELECT count(*) FROM dates")?,
    })
}

/// All `terms` (AND), best first; when no article has them all, any of them (OR).
pub(crate) fn search(
    conn: &Connection,
    terms: &[String],
    limit: usize,
) -> rusqlite::Result<Vec<SearchHit>> {
    let quoted: Vec<String> = terms.iter().filter(|t| !t.is_empty()).map(|t| quote(t)).collect();
    if quoted.is_empty() || limit == 0 {
        return Ok(Vec::new());
    }
    let mut ranked = ranked_ids(conn, &quoted.join(" "), limit)?;
    if ranked.is_empty() && quoted.len() > 1 {
        ranked = ranked_ids(conn, &quoted.join(" OR "), limit)?;
    }
    let mut hits = Vec::with_capacity(ranked.len());
    for (id, score) in ranked {
        if let Some(article) = article(conn, id)? {
            hits.push(SearchHit { article, score });
        }
    }
    Ok(hits)
}

/// Ids and scores (negated BM25: higher is better) of the best `limit` matches; equal
/// scores in id order, so an original comes before its copies.
fn ranked_ids(
    conn: &Connection,
    query: &str,
    limit: usize,
) -> rusqlite::Result<Vec<(ArticleId, f64)>> {
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    conn.prepare_cached(
        "SELECT rowid, -rank FROM article_fts WHERE article_fts MATCH ?1 AND rank MATCH ?2 \
         ORDER BY rank, rowid LIMIT ?3",
    )?
    .query_map(params![query, RANK, limit], |r| Ok((r.get(0)?, r.get(1)?)))?
    .collect()
}

/// An FTS5 string literal: the term in double quotes, inner quotes doubled. Inside
/// one, no character is query syntax.
fn quote(term: &str) -> String {
    format!("\"{}\"", term.replace('"', "\"\""))
}

pub(crate) fn integrity_check(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut problems = Vec::new();
    let mut statement = conn.prepare("PRAGMA integrity_check")?;
    for line in statement.query_map([], |r| r.get::<_, String>(0))? {
        let line = line?;
        if line != "ok" {
            problems.push(line);
        }
    }
    // FTS5 runs its own check as an INSERT command, which a read-only connection refuses.
    let query_only: bool = conn.query_row("PRAGMA query_only", [], |r| r.get(0))?;
    if !query_only && !conn.is_readonly("main")? {
        let check = "INSERT INTO article_fts(article_fts, rank) VALUES('integrity-check', 0)";
        if let Err(e) = conn.execute(check, []) {
            problems.push(format!("full-text index: {e}"));
        }
    }
    let articles: i64 = conn.query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?;
    let indexed: i64 =
        conn.query_row("SELECT count(*) FROM article_fts_docsize", [], |r| r.get(0))?;
    if articles != indexed {
        problems.push(format!("{articles} articles but {indexed} rows in the full-text index"));
    }
    Ok(problems)
}

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn quoting_neutralises_query_syntax() {
        assert_eq!(quote("سلام"), "\"سلام\"");
        assert_eq!(quote("a\"b"), "\"a\"\"b\"");
        assert_eq!(quote("NEAR(x y) OR *"), "\"NEAR(x y) OR *\"");
    }
}
