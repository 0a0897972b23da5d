//! Story assignments, merges and summaries (schema v5).

use marsad_model::ArticleId;
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

use super::row::decode_published;
use crate::stories::{
    ClusterText, StoryAssignment, StoryFilter, StoryId, StoryMember, StoryMerge, StoryRecord,
};

/// The columns [`text_from_row`] reads, from `articles a` left-joined to `story_articles sa`.
const TEXT_COLUMNS: &str = "a.id, a.outlet, a.title, a.text, a.published,
    COALESCE(a.duplicate_of,
             (SELECT MIN(n.a) FROM near_duplicates n WHERE n.b = a.id AND n.a < a.id)),
    sa.time, sa.story_id";

fn text_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<ClusterText> {
    let published: Option<String> = row.get(4)?;
    let time: Option<i64> = row.get(6)?;
    let story: Option<i64> = row.get(7)?;
    Ok(ClusterText {
        id: row.get(0)?,
        outlet: row.get(1)?,
        title: row.get(2)?,
        text: row.get(3)?,
        published: published.as_deref().map(|p| decode_published(4, p)).transpose()?,
        duplicate_of: row.get(5)?,
        assigned: time.zip(story),
    })
}

pub(crate) fn latest_time(conn: &Connection) -> rusqlite::Result<Option<i64>> {
    conn.query_row("SELECT MAX(time) FROM story_articles", [], |row| row.get(0))
}

pub(crate) fn clustered_since(
    conn: &Connection,
    horizon: i64,
) -> rusqlite::Result<Vec<ClusterText>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {TEXT_COLUMNS} FROM story_articles sa JOIN articles a ON a.id = sa.article_id
         WHERE sa.time >= ?1 ORDER BY sa.seq"
    ))?;
    let rows = stmt.query_map([horizon], text_from_row)?;
    rows.collect()
}

/// Articles are clustered in id order, and every stored article gets clustered, so
/// the clustered ones are always a prefix of the ids: the unclustered ones are those
/// after the largest clustered id (an index lookup, not a scan of the store).
pub(crate) fn unclustered(
    conn: &Connection,
    limit: usize,
    up_to: ArticleId,
) -> rusqlite::Result<Vec<ClusterText>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {TEXT_COLUMNS} FROM articles a LEFT JOIN story_articles sa ON sa.article_id = a.id
         WHERE a.id > COALESCE((SELECT MAX(article_id) FROM story_articles), 0) AND a.id <= ?2
         ORDER BY a.id LIMIT ?1"
    ))?;
    let rows = stmt.query_map([i64::try_from(limit).unwrap_or(i64::MAX), up_to], text_from_row)?;
    rows.collect()
}

pub(crate) fn of_articles(
    conn: &Connection,
    articles: &[ArticleId],
) -> rusqlite::Result<Vec<StoryId>> {
    let mut stmt =
        conn.prepare_cached("SELECT story_id FROM story_articles WHERE article_id = ?1")?;
    let mut out = std::collections::BTreeSet::new();
    for id in articles {
        if let Some(story) = stmt.query_row([id], |row| row.get(0)).optional()? {
            out.insert(story);
        }
    }
    Ok(out.into_iter().collect())
}

pub(crate) fn members(
    conn: &Connection,
    stories: &[StoryId],
) -> rusqlite::Result<Vec<StoryMember>> {
    let mut stmt = conn.prepare_cached(
        "SELECT sa.story_id, a.id, a.url, a.outlet, a.title, a.published, sa.time, sa.kind,
                sa.score, sa.duplicate_of
         FROM story_articles sa JOIN articles a ON a.id = sa.article_id
         WHERE sa.story_id = ?1 ORDER BY sa.seq",
    )?;
    let mut out = Vec::new();
    for story in stories {
        let rows = stmt.query_map([story], |row| {
            let published: Option<String> = row.get(5)?;
            Ok(StoryMember {
                story: row.get(0)?,
                article: row.get(1)?,
                url: row.get(2)?,
                outlet: row.get(3)?,
                title: row.get(4)?,
                published: published.as_deref().map(|p| decode_published(5, p)).transpose()?,
                time: row.get(6)?,
                kind: row.get(7)?,
                score: row.get(8)?,
                duplicate_of: row.get(9)?,
            })
        })?;
        for row in rows {
            out.push(row?);
        }
    }
    Ok(out)
}

pub(crate) fn store(
    conn: &mut Connection,
    assignments: &[StoryAssignment],
    merges: &[StoryMerge],
    summaries: &[StoryRecord],
) -> rusqlite::Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    {
        let mut assign = tx.prepare_cached(
            "INSERT OR REPLACE INTO story_articles
               (article_id, story_id, time, kind, score, duplicate_of)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        for a in assignments {
            assign.execute(params![a.article, a.story, a.time, a.kind, a.score, a.duplicate_of])?;
        }
        let mut move_members =
            tx.prepare_cached("UPDATE story_articles SET story_id = ?2 WHERE story_id = ?1")?;
        let mut move_merges =
            tx.prepare_cached("UPDATE story_merges SET new_id = ?2 WHERE new_id = ?1")?;
        let mut record = tx.prepare_cached(
            "INSERT OR REPLACE INTO story_merges (old_id, new_id, article_id, merged_at)
             VALUES (?1, ?2, ?3, ?4)",
        )?;
        let mut forget = tx.prepare_cached("DELETE FROM stories WHERE id = ?1")?;
        // A merged-away story's entities go with it (the new story's are refreshed).
        let mut forget_entities =
            tx.prepare_cached("DELETE FROM story_entities WHERE story_id = ?1")?;
        let mut forget_stale =
            tx.prepare_cached("DELETE FROM story_entities_stale WHERE story_id = ?1")?;
        for m in merges {
            move_members.execute([m.old, m.new])?;
            move_merges.execute([m.old, m.new])?;
            record.execute([m.old, m.new, m.article, m.time])?;
            forget.execute([m.old])?;
            forget_entities.execute([m.old])?;
            forget_stale.execute([m.old])?;
        }
        let mut summary = tx.prepare_cached(
            "INSERT OR REPLACE INTO stories
               (id, title, title_article, first_seen, last_seen, outlets, size)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        let mut stale =
            tx.prepare_cached("INSERT OR IGNORE INTO story_entities_stale (story_id) VALUES (?1)")?;
        for s in summaries {
            stale.execute([s.id])?;
            let outlets = serde_json::to_string(&s.outlets)
                .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
            summary.execute(params![
                s.id,
                s.title,
                s.title_article,
                s.first_seen,
                s.last_seen,
                outlets,
                i64::try_from(s.size).unwrap_or(i64::MAX)
            ])?;
        }
    }
    tx.commit()
}

const STORY_COLUMNS: &str = "id, title, title_article, first_seen, last_seen, outlets, size";

fn story_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<StoryRecord> {
    let outlets: String = row.get(5)?;
    Ok(StoryRecord {
        id: row.get(0)?,
        title: row.get(1)?,
        title_article: row.get(2)?,
        first_seen: row.get(3)?,
        last_seen: row.get(4)?,
        outlets: serde_json::from_str(&outlets).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(5, rusqlite::types::Type::Text, Box::new(e))
        })?,
        size: u64::try_from(row.get::<_, i64>(6)?).unwrap_or(0),
    })
}

pub(crate) fn list(conn: &Connection, filter: &StoryFilter) -> rusqlite::Result<Vec<StoryRecord>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {STORY_COLUMNS} FROM stories WHERE last_seen >= ?1
         ORDER BY last_seen DESC, id DESC LIMIT ?2"
    ))?;
    let limit = filter.limit.map_or(-1, |l| i64::try_from(l).unwrap_or(i64::MAX));
    let rows = stmt.query_map([filter.since.unwrap_or(i64::MIN), limit], story_from_row)?;
    rows.collect()
}

pub(crate) fn resolve(conn: &Connection, id: StoryId) -> rusqlite::Result<Option<StoryId>> {
    let merged: Option<ArticleId> = conn
        .query_row("SELECT new_id FROM story_merges WHERE old_id = ?1", [id], |row| row.get(0))
        .optional()?;
    let id = merged.unwrap_or(id);
    conn.query_row("SELECT id FROM stories WHERE id = ?1", [id], |row| row.get(0)).optional()
}

pub(crate) fn one(conn: &Connection, id: StoryId) -> rusqlite::Result<Option<StoryRecord>> {
    conn.query_row(
        &format!("SELECT {STORY_COLUMNS} FROM stories WHERE id = ?1"),
        [id],
        story_from_row,
    )
    .optional()
}
