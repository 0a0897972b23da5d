//! The ingest hot path: one transaction per batch, cached statements, idempotent keys,
//! and the per-outlet line counts that furniture removal learns from.

use chrono::SecondsFormat;
use marsad_model::ArticleId;
use rusqlite::{
    params, CachedStatement, Connection, OptionalExtension, ToSql, Transaction, TransactionBehavior,
};

use super::row::{encode_furniture, encode_metadata, encode_published};
use crate::types::{InsertOutcome, PreparedArticle};

/// The stored source hash (v1 rows migrated without one compare by content hash, which
/// v1 computed on the text as read).
const FIND_KEY: &str =
    "SELECT id, coalesce(source_hash, content_hash) FROM articles WHERE key = ?1";
/// The original of a content hash: the first stored article with it (copies point at it).
const FIND_ORIGINAL: &str = "SELECT id FROM articles \
     WHERE content_hash = ?1 AND duplicate_of IS NULL ORDER BY id LIMIT 1";
const INSERT_ARTICLE: &str = "INSERT INTO articles \
     (key, url, origin, outlet, title, published, published_ts, author, text, normalized, \
      content_hash, duplicate_of, metadata, ingested_at, furniture, source_hash) \
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)";
const INSERT_FTS: &str = "INSERT INTO article_fts (rowid, title, body) VALUES (?1, ?2, ?3)";
const COUNT_LINE: &str =
    "INSERT INTO outlet_lines (outlet, line_hash, articles) VALUES (?1, ?2, 1) \
     ON CONFLICT (outlet, line_hash) DO UPDATE SET articles = articles + 1";
const COUNT_ARTICLE: &str = "INSERT INTO outlet_articles (outlet, articles) VALUES (?1, 1) \
     ON CONFLICT (outlet) DO UPDATE SET articles = articles + 1";

/// Store `batch` in one `BEGIN IMMEDIATE` transaction; outcomes in batch order.
/// Articles earlier in the batch are visible to later ones (keys and duplicates).
pub(crate) fn insert_batch(
    conn: &mut Connection,
    batch: &[PreparedArticle],
) -> rusqlite::Result<Vec<InsertOutcome>> {
    if batch.is_empty() {
        return Ok(Vec::new());
    }
    let tx = Transaction::new(conn, TransactionBehavior::Immediate)?;
    let now = chrono::Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true);
    let mut outcomes = Vec::with_capacity(batch.len());
    {
        let mut statements = Statements::new(&tx)?;
        for article in batch {
            outcomes.push(statements.store(&tx, article, &now)?);
        }
    }
    tx.commit()?;
    Ok(outcomes)
}

struct Statements<'c> {
    find_key: CachedStatement<'c>,
    find_original: CachedStatement<'c>,
    insert_article: CachedStatement<'c>,
    insert_fts: CachedStatement<'c>,
    count_line: CachedStatement<'c>,
    count_article: CachedStatement<'c>,
}

impl<'c> Statements<'c> {
    fn new(tx: &'c Transaction<'_>) -> rusqlite::Result<Self> {
        Ok(Self {
            find_key: tx.prepare_cached(FIND_KEY)?,
            find_original: tx.prepare_cached(FIND_ORIGINAL)?,
            insert_article: tx.prepare_cached(INSERT_ARTICLE)?,
            insert_fts: tx.prepare_cached(INSERT_FTS)?,
            count_line: tx.prepare_cached(COUNT_LINE)?,
            count_article: tx.prepare_cached(COUNT_ARTICLE)?,
        })
    }

    fn store(
        &mut self,
        tx: &Transaction<'_>,
        article: &PreparedArticle,
        now: &str,
    ) -> rusqlite::Result<InsertOutcome> {
        let key = article.key();
        let existing: Option<(ArticleId, String)> =
            self.find_key.query_row([&key], |r| Ok((r.get(0)?, r.get(1)?))).optional()?;
        match existing {
            Some((id, hash)) if hash == article.source_hash => Ok(InsertOutcome::Unchanged { id }),
            Some((id, _)) => {
                self.update(tx, id, article, now)?;
                Ok(InsertOutcome::Updated { id })
            }
            None => {
                let duplicate_of: Option<ArticleId> = self
                    .find_original
                    .query_row([&article.content_hash], |r| r.get(0))
                    .optional()?;
                let columns = ArticleColumns::new(article, duplicate_of, now)?;
                self.insert_article.execute(&columns.with_first(&key)[..])?;
                let id = tx.last_insert_rowid();
                self.insert_fts.execute(params![id, article.title_terms, article.body_terms])?;
                if duplicate_of.is_none() {
                    self.count_lines(article)?;
                }
                Ok(InsertOutcome::Added { id, duplicate_of })
            }
        }
    }

    /// Count an original's distinct lines for its outlet. Exact copies are not counted: a
    /// text reprinted five times must not teach that its lines are furniture. Updates are
    /// not counted either (the article was counted when added).
    fn count_lines(&mut self, article: &PreparedArticle) -> rusqlite::Result<()> {
        let mut hashes: Vec<&str> = article.line_hashes.iter().map(String::as_str).collect();
        hashes.sort_unstable();
        hashes.dedup();
        for hash in hashes {
            self.count_line.execute(params![article.outlet, hash])?;
        }
        self.count_article.execute([&article.outlet])?;
        Ok(())
    }

    /// Replace the content of article `id` (same key, new source hash) and its index row.
    ///
    /// Its copies, if it was an original, now copy a text it no longer has: the first of
    /// them becomes the original and the others point at it. The article itself becomes a
    /// copy of the original of its new content, if one is stored.
    fn update(
        &mut self,
        tx: &Transaction<'_>,
        id: ArticleId,
        article: &PreparedArticle,
        now: &str,
    ) -> rusqlite::Result<()> {
        let heir: Option<ArticleId> = tx
            .prepare_cached("SELECT min(id) FROM articles WHERE duplicate_of = ?1")?
            .query_row([id], |r| r.get(0))?;
        if let Some(heir) = heir {
            tx.prepare_cached("UPDATE articles SET duplicate_of = NULL WHERE id = ?1")?
                .execute([heir])?;
            tx.prepare_cached("UPDATE articles SET duplicate_of = ?1 WHERE duplicate_of = ?2")?
                .execute([heir, id])?;
        }
        let original: Option<ArticleId> = self
            .find_original
            .query_row([&article.content_hash], |r| r.get(0))
            .optional()?
            .filter(|&original| original != id);
        let columns = ArticleColumns::new(article, original, now)?;
        tx.prepare_cached(
            "UPDATE articles SET url = ?2, origin = ?3, outlet = ?4, title = ?5, published = ?6, \
             published_ts = ?7, author = ?8, text = ?9, normalized = ?10, content_hash = ?11, \
             duplicate_of = ?12, metadata = ?13, ingested_at = ?14, furniture = ?15, \
             source_hash = ?16 WHERE id = ?1",
        )?
        .execute(&columns.with_first(&id)[..])?;
        tx.prepare_cached("DELETE FROM article_fts WHERE rowid = ?1")?.execute([id])?;
        self.insert_fts.execute(params![id, article.title_terms, article.body_terms])?;
        Ok(())
    }
}

/// The values of columns ?2..?16 that [`INSERT_ARTICLE`] and the update share, in
/// that order; ?1 is the key (insert) or the id (update).
struct ArticleColumns<'a> {
    article: &'a PreparedArticle,
    locator: &'a str,
    published: Option<String>,
    published_ts: Option<i64>,
    duplicate_of: Option<ArticleId>,
    metadata: Option<String>,
    now: &'a str,
    furniture: Option<String>,
}

impl<'a> ArticleColumns<'a> {
    fn new(
        article: &'a PreparedArticle,
        duplicate_of: Option<ArticleId>,
        now: &'a str,
    ) -> rusqlite::Result<Self> {
        let raw = &article.raw;
        Ok(Self {
            article,
            locator: article.locator(),
            published: raw.published.as_ref().map(encode_published),
            published_ts: raw.published.as_ref().map(|p| p.timestamp()),
            duplicate_of,
            metadata: encode_metadata(&raw.metadata)?,
            now,
            furniture: encode_furniture(&article.furniture)?,
        })
    }

    fn with_first<'s>(&'s self, first: &'s dyn ToSql) -> [&'s dyn ToSql; 16] {
        let (article, raw) = (self.article, &self.article.raw);
        [
            first,
            &self.locator,
            &raw.origin,
            &article.outlet,
            &article.title,
            &self.published,
            &self.published_ts,
            &raw.author,
            &raw.text,
            &article.normalized,
            &article.content_hash,
            &self.duplicate_of,
            &self.metadata,
            &self.now,
            &self.furniture,
            &article.source_hash,
        ]
    }
}
