//! Fingerprints and reused passages (schema v4).

use marsad_model::{ArticleId, Span};
use rusqlite::{params, Connection, TransactionBehavior};

use super::row::{decode_published, to_i64, to_usize};
use crate::types::{ReusedPassage, StoredText};

pub(crate) fn prints(conn: &Connection) -> rusqlite::Result<Vec<(ArticleId, Vec<u8>)>> {
    let mut stmt =
        conn.prepare_cached("SELECT article_id, prints FROM passage_prints ORDER BY article_id")?;
    let rows = stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
    rows.collect()
}

pub(crate) fn store(
    conn: &mut Connection,
    prints: &[(ArticleId, Vec<u8>)],
    passages: &[ReusedPassage],
    replaced: &[ArticleId],
) -> rusqlite::Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    {
        let mut forget = tx.prepare_cached("DELETE FROM passages WHERE a = ?1 OR b = ?1")?;
        for id in replaced {
            forget.execute([id])?;
        }
        let mut print = tx.prepare_cached(
            "INSERT OR REPLACE INTO passage_prints (article_id, prints) VALUES (?1, ?2)",
        )?;
        for (id, bytes) in prints {
            print.execute(params![id, bytes])?;
        }
        let mut passage = tx.prepare_cached(
            "INSERT OR REPLACE INTO passages (a, b, a_start, a_end, b_start, b_end, words, source)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        for p in passages {
            let (a, b, a_span, b_span) = if p.a <= p.b {
                (p.a, p.b, p.a_span, p.b_span)
            } else {
                (p.b, p.a, p.b_span, p.a_span)
            };
            if a == b {
                continue;
            }
            passage.execute(params![
                a,
                b,
                to_i64(a_span.start),
                to_i64(a_span.end),
                to_i64(b_span.start),
                to_i64(b_span.end),
                i64::try_from(p.words).unwrap_or(i64::MAX),
                p.source,
            ])?;
        }
    }
    tx.commit()
}

const COLUMNS: &str = "a, b, a_start, a_end, b_start, b_end, words, source";

fn passage_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<ReusedPassage> {
    Ok(ReusedPassage {
        a: row.get(0)?,
        b: row.get(1)?,
        a_span: Span::new(to_usize(row.get(2)?), to_usize(row.get(3)?)),
        b_span: Span::new(to_usize(row.get(4)?), to_usize(row.get(5)?)),
        words: u64::try_from(row.get::<_, i64>(6)?).unwrap_or(0),
        source: row.get(7)?,
    })
}

/// Every stored passage, by a, b, then a's span.
pub(crate) fn all(conn: &Connection) -> rusqlite::Result<Vec<ReusedPassage>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM passages ORDER BY a, b, a_start, b_start"
    ))?;
    let rows = stmt.query_map([], passage_from_row)?;
    rows.collect()
}

/// The passages article `id` shares, by the other article then the spans.
pub(crate) fn of(conn: &Connection, id: ArticleId) -> rusqlite::Result<Vec<ReusedPassage>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM passages WHERE a = ?1
         UNION ALL SELECT {COLUMNS} FROM passages WHERE b = ?1
         ORDER BY a, b, a_start, b_start"
    ))?;
    let rows = stmt.query_map([id], passage_from_row)?;
    rows.collect()
}

/// Up to `limit` articles without a `passage_prints` row, by id.
pub(crate) fn unprinted(conn: &Connection, limit: usize) -> rusqlite::Result<Vec<StoredText>> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.id, a.text, a.published, EXISTS (SELECT 1 FROM signatures s WHERE s.article_id = a.id)
         FROM articles a
         WHERE NOT EXISTS (SELECT 1 FROM passage_prints p WHERE p.article_id = a.id)
         ORDER BY a.id LIMIT ?1",
    )?;
    let rows = stmt.query_map([to_i64(limit)], |row| {
        let published: Option<String> = row.get(2)?;
        Ok(StoredText {
            id: row.get(0)?,
            text: row.get(1)?,
            published: published.as_deref().map(|p| decode_published(2, p)).transpose()?,
            has_signature: row.get(3)?,
        })
    })?;
    rows.collect()
}
