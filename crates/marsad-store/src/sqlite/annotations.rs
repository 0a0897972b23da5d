//! Entity mentions, quotes, quantities, dates and story entities (schema v6).

use marsad_model::{ArticleId, Span};
use rusqlite::{params, Connection, Row, TransactionBehavior};

use super::row::{decode_published, to_i64, to_usize};
use crate::annotations::{
    AnnotationInput, ArticleAnnotations, ArticleMention, ArticleQuote, QuoteFilter, StoredDate,
    StoredMention, StoredQuantity, StoredQuote, StoredSpeaker, StoryEntity,
};
use crate::stories::StoryId;

const TABLES: [&str; 4] = ["entity_mentions", "quotes", "quantities", "dates"];

pub(crate) fn store(conn: &mut Connection, all: &[ArticleAnnotations]) -> rusqlite::Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    {
        let mut forget: Vec<_> = TABLES
            .iter()
            .map(|t| tx.prepare_cached(&format!("DELETE FROM {t} WHERE article_id = ?1")))
            .collect::<Result<_, _>>()?;
        let mut annotated = tx.prepare_cached(
            "INSERT OR REPLACE INTO annotated (article_id, version, reference_date)
             VALUES (?1, ?2, ?3)",
        )?;
        let mut mention = tx.prepare_cached(
            "INSERT INTO entity_mentions (article_id, seq, start, end, surface, kind, entity, role)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        let mut quote = tx.prepare_cached(
            "INSERT INTO quotes (article_id, seq, start, end, direct, cue, speaker_start,
                                 speaker_end, speaker, speaker_entity)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )?;
        let mut quantity = tx.prepare_cached(
            "INSERT INTO quantities (article_id, seq, start, end, value, unit, approximate, low, high)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?;
        let mut date = tx.prepare_cached(
            "INSERT INTO dates (article_id, seq, start, end, value, precision, relative)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        for a in all {
            for statement in &mut forget {
                statement.execute([a.article])?;
            }
            annotated.execute(params![a.article, a.version, a.reference_date])?;
            for (seq, m) in a.mentions.iter().enumerate() {
                let (start, end) = span_columns(m.span);
                mention.execute(params![
                    a.article,
                    to_i64(seq),
                    start,
                    end,
                    m.surface,
                    m.kind,
                    m.entity,
                    m.role
                ])?;
            }
            for (seq, q) in a.quotes.iter().enumerate() {
                let (start, end) = span_columns(q.span);
                let speaker = q.speaker.as_ref();
                let speaker_span = speaker.map(|s| span_columns(s.span));
                quote.execute(params![
                    a.article,
                    to_i64(seq),
                    start,
                    end,
                    q.direct,
                    q.cue,
                    speaker_span.map(|s| s.0),
                    speaker_span.map(|s| s.1),
                    speaker.map(|s| &s.text),
                    speaker.and_then(|s| s.entity.as_ref()),
                ])?;
            }
            for (seq, q) in a.quantities.iter().enumerate() {
                let (start, end) = span_columns(q.span);
                quantity.execute(params![
                    a.article,
                    to_i64(seq),
                    start,
                    end,
                    q.value,
                    q.unit,
                    q.approximate,
                    q.range.map(|r| r[0]),
                    q.range.map(|r| r[1]),
                ])?;
            }
            for (seq, d) in a.dates.iter().enumerate() {
                let (start, end) = span_columns(d.span);
                date.execute(params![
                    a.article,
                    to_i64(seq),
                    start,
                    end,
                    d.value,
                    d.precision,
                    d.relative
                ])?;
            }
        }
    }
    tx.commit()
}

fn span_columns(span: Span) -> (i64, i64) {
    (to_i64(span.start), to_i64(span.end))
}

fn span_at(row: &Row<'_>, start: usize) -> rusqlite::Result<Span> {
    Ok(Span::new(to_usize(row.get(start)?), to_usize(row.get(start + 1)?)))
}

pub(crate) fn unannotated(
    conn: &Connection,
    limit: usize,
    after: ArticleId,
    version: i64,
) -> rusqlite::Result<Vec<AnnotationInput>> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.id, a.text, a.published FROM articles a
         LEFT JOIN annotated n ON n.article_id = a.id
         WHERE a.id > ?2 AND (n.version IS NULL OR n.version < ?3)
         ORDER BY a.id LIMIT ?1",
    )?;
    let rows = stmt.query_map(params![to_i64(limit), after, version], |row| {
        let published: Option<String> = row.get(2)?;
        Ok(AnnotationInput {
            id: row.get(0)?,
            text: row.get(1)?,
            published: published.as_deref().map(|p| decode_published(2, p)).transpose()?,
        })
    })?;
    rows.collect()
}

const MENTION_COLUMNS: &str = "m.article_id, m.start, m.end, m.surface, m.kind, m.entity, m.role";

fn mention_from_row(row: &Row<'_>) -> rusqlite::Result<ArticleMention> {
    Ok(ArticleMention {
        article: row.get(0)?,
        mention: StoredMention {
            span: span_at(row, 1)?,
            surface: row.get(3)?,
            kind: row.get(4)?,
            entity: row.get(5)?,
            role: row.get(6)?,
        },
    })
}

const QUOTE_COLUMNS: &str = "q.article_id, q.start, q.end, q.direct, q.cue, q.speaker_start,
    q.speaker_end, q.speaker, q.speaker_entity";

fn quote_from_row(row: &Row<'_>) -> rusqlite::Result<ArticleQuote> {
    let speaker_start: Option<i64> = row.get(5)?;
    let speaker = match speaker_start {
        Some(start) => Some(StoredSpeaker {
            span: Span::new(to_usize(start), to_usize(row.get(6)?)),
            text: row.get(7)?,
            entity: row.get(8)?,
        }),
        None => None,
    };
    Ok(ArticleQuote {
        article: row.get(0)?,
        quote: StoredQuote {
            span: span_at(row, 1)?,
            direct: row.get(3)?,
            cue: row.get(4)?,
            speaker,
        },
    })
}

pub(crate) fn of_article(
    conn: &Connection,
    article: ArticleId,
) -> rusqlite::Result<Option<ArticleAnnotations>> {
    let mut head =
        conn.prepare_cached("SELECT version, reference_date FROM annotated WHERE article_id = ?1")?;
    let mut rows = head.query([article])?;
    let Some(row) = rows.next()? else { return Ok(None) };
    let mut out = ArticleAnnotations {
        article,
        version: row.get(0)?,
        reference_date: row.get(1)?,
        ..ArticleAnnotations::default()
    };
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {MENTION_COLUMNS} FROM entity_mentions m WHERE m.article_id = ?1 ORDER BY m.seq"
    ))?;
    let mentions = stmt.query_map([article], mention_from_row)?;
    out.mentions = mentions.map(|m| m.map(|m| m.mention)).collect::<Result<_, _>>()?;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {QUOTE_COLUMNS} FROM quotes q WHERE q.article_id = ?1 ORDER BY q.seq"
    ))?;
    let quotes = stmt.query_map([article], quote_from_row)?;
    out.quotes = quotes.map(|q| q.map(|q| q.quote)).collect::<Result<_, _>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT start, end, value, unit, approximate, low, high FROM quantities
         WHERE article_id = ?1 ORDER BY seq",
    )?;
    let quantities = stmt.query_map([article], |row| {
        let low: Option<f64> = row.get(5)?;
        let high: Option<f64> = row.get(6)?;
        Ok(StoredQuantity {
            span: span_at(row, 0)?,
            value: row.get(2)?,
            unit: row.get(3)?,
            approximate: row.get(4)?,
            range: low.zip(high).map(|(l, h)| [l, h]),
        })
    })?;
    out.quantities = quantities.collect::<Result<_, _>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT start, end, value, precision, relative FROM dates WHERE article_id = ?1 ORDER BY seq",
    )?;
    let dates = stmt.query_map([article], |row| {
        Ok(StoredDate {
            span: span_at(row, 0)?,
            value: row.get(2)?,
            precision: row.get(3)?,
            relative: row.get(4)?,
        })
    })?;
    out.dates = dates.collect::<Result<_, _>>()?;
    Ok(Some(out))
}

/// The condition on `articles a` shared by the mention and quote readers: `?1` an
/// outlet or NULL, `?2` whether to leave out exact copies.
const ARTICLE_CONDITION: &str =
    "(?1 IS NULL OR a.outlet = ?1) AND (NOT ?2 OR a.duplicate_of IS NULL)";

/// Runs `sql` (which has `?3` for an article id when `articles` is given) once for
/// all articles or once per listed article, collecting the rows in that order.
fn per_article<T>(
    conn: &Connection,
    sql: &str,
    articles: Option<&[ArticleId]>,
    outlet: Option<&str>,
    originals_only: bool,
    read: fn(&Row<'_>) -> rusqlite::Result<T>,
) -> rusqlite::Result<Vec<T>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let Some(ids) = articles else {
        let rows = stmt.query_map(params![outlet, originals_only], read)?;
        return rows.collect();
    };
    let mut out = Vec::new();
    for id in ids {
        for row in stmt.query_map(params![outlet, originals_only, id], read)? {
            out.push(row?);
        }
    }
    Ok(out)
}

pub(crate) fn mentions(
    conn: &Connection,
    articles: Option<&[ArticleId]>,
    outlet: Option<&str>,
    originals_only: bool,
) -> rusqlite::Result<Vec<ArticleMention>> {
    let one = if articles.is_some() { "AND m.article_id = ?3" } else { "" };
    let sql = format!(
        "SELECT {MENTION_COLUMNS} FROM entity_mentions m JOIN articles a ON a.id = m.article_id
         WHERE {ARTICLE_CONDITION} {one} ORDER BY m.article_id, m.seq"
    );
    per_article(conn, &sql, articles, outlet, originals_only, mention_from_row)
}

pub(crate) fn quotes(
    conn: &Connection,
    filter: &QuoteFilter<'_>,
) -> rusqlite::Result<Vec<ArticleQuote>> {
    let one = if filter.articles.is_some() { "AND q.article_id = ?3" } else { "" };
    let sql = format!(
        "SELECT {QUOTE_COLUMNS} FROM quotes q JOIN articles a ON a.id = q.article_id
         WHERE {ARTICLE_CONDITION} {one} ORDER BY q.article_id, q.seq"
    );
    per_article(conn, &sql, filter.articles, None, filter.originals_only, quote_from_row)
}

pub(crate) fn store_story_entities(
    conn: &mut Connection,
    stories: &[(StoryId, Vec<StoryEntity>)],
) -> rusqlite::Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    {
        let mut forget = tx.prepare_cached("DELETE FROM story_entities WHERE story_id = ?1")?;
        let mut fresh =
            tx.prepare_cached("DELETE FROM story_entities_stale WHERE story_id = ?1")?;
        let mut insert = tx.prepare_cached(
            "INSERT INTO story_entities
               (story_id, rank, kind, canonical, aliases, roles, mentions, articles)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        for (story, entities) in stories {
            forget.execute([story])?;
            fresh.execute([story])?;
            for (rank, e) in entities.iter().enumerate() {
                insert.execute(params![
                    story,
                    to_i64(rank),
                    e.kind,
                    e.canonical,
                    json_list(&e.aliases)?,
                    json_list(&e.roles)?,
                    i64::try_from(e.count).unwrap_or(i64::MAX),
                    i64::try_from(e.articles).unwrap_or(i64::MAX),
                ])?;
            }
        }
    }
    tx.commit()
}

fn json_list(items: &[String]) -> rusqlite::Result<String> {
    serde_json::to_string(items).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
}

fn list_from_json(column: usize, text: &str) -> rusqlite::Result<Vec<String>> {
    serde_json::from_str(text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, Box::new(e))
    })
}

pub(crate) fn stale_stories(conn: &Connection, limit: usize) -> rusqlite::Result<Vec<StoryId>> {
    let mut stmt = conn
        .prepare_cached("SELECT story_id FROM story_entities_stale ORDER BY story_id LIMIT ?1")?;
    let rows = stmt.query_map([to_i64(limit)], |row| row.get(0))?;
    rows.collect()
}

pub(crate) fn story_entities(
    conn: &Connection,
    story: StoryId,
) -> rusqlite::Result<Vec<StoryEntity>> {
    let mut stmt = conn.prepare_cached(
        "SELECT kind, canonical, aliases, roles, mentions, articles FROM story_entities
         WHERE story_id = ?1 ORDER BY rank",
    )?;
    let rows = stmt.query_map([story], |row| {
        Ok(StoryEntity {
            kind: row.get(0)?,
            canonical: row.get(1)?,
            aliases: list_from_json(2, &row.get::<_, String>(2)?)?,
            roles: list_from_json(3, &row.get::<_, String>(3)?)?,
            count: u64::try_from(row.get::<_, i64>(4)?).unwrap_or(0),
            articles: u64::try_from(row.get::<_, i64>(5)?).unwrap_or(0),
        })
    })?;
    rows.collect()
}
