//! The SQLite backend: one file, WAL, versioned migrations, FTS5 over pre-analysed terms.

mod annotations;
mod dedup;
mod insert;
mod open;
mod passages;
mod query;
mod row;
mod stories;

use std::path::Path;
use std::time::Duration;

use marsad_model::{Article, ArticleId};
use rusqlite::Connection;

use crate::annotations::{
    AnnotationInput, ArticleAnnotations, ArticleMention, ArticleQuote, QuoteFilter, StoryEntity,
};
use crate::error::StoreError;
use crate::schema;
use crate::stories::{
    ClusterText, StoryAssignment, StoryFilter, StoryId, StoryMember, StoryMerge, StoryRecord,
};
use crate::types::{
    ArticleFilter, FurnitureBlock, InsertOutcome, NearDuplicate, OutletLines, PreparedArticle,
    ReusedPassage, SearchHit, Stats, StoredText,
};
use crate::{AnnotationStore, ArticleStore, StoryStore};

/// An [`ArticleStore`] in one SQLite file.
///
/// One writer at a time (others wait up to the busy timeout, then get
/// [`StoreError::Locked`]); any number of readers, also while a writer works.
#[derive(Debug)]
pub struct SqliteStore {
    conn: Connection,
    /// The database path as given, for messages.
    path: String,
    busy_timeout: Duration,
}

impl SqliteStore {
    fn new(conn: Connection, path: String, busy_timeout: Duration) -> Self {
        Self { conn, path, busy_timeout }
    }

    /// Open (creating and migrating as needed) a database file for reading and writing.
    ///
    /// Fails with [`StoreError::NotADatabase`] for a file that is not SQLite,
    /// [`StoreError::ReadOnly`] when the file or its directory cannot be written, and
    /// [`StoreError::TooNew`] for a schema newer than this build knows.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        open::open(path)
    }

    /// Open an existing database without writing to it (for queries). Works on
    /// read-only files and directories, and while another process writes.
    pub fn open_read_only(path: &Path) -> Result<Self, StoreError> {
        open::open_read_only(path)
    }

    /// A private, empty database in memory (tests, `analyze`-style one-offs).
    pub fn open_in_memory() -> Result<Self, StoreError> {
        open::open_in_memory()
    }

    /// The database path as given to `open` (`:memory:` for an in-memory database).
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The schema version of the open database (`PRAGMA user_version`).
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        schema::user_version(&self.conn).map_err(|e| self.error(e))
    }

    /// How long to wait for another writer before failing with [`StoreError::Locked`]
    /// (default 10 s).
    pub fn set_busy_timeout(&mut self, timeout: Duration) -> Result<(), StoreError> {
        self.conn.busy_timeout(timeout).map_err(|e| self.error(e))?;
        self.busy_timeout = timeout;
        Ok(())
    }

    /// How much of the file SQLite may map into memory (bytes; 0 turns mapping off).
    /// Mapped pages that are read count towards the process's resident memory, so a long
    /// ingest that re-reads stored articles (passage alignment) maps less of the file.
    pub fn set_mmap_size(&mut self, bytes: i64) -> Result<(), StoreError> {
        self.conn.pragma_update(None, "mmap_size", bytes).map_err(|e| self.error(e))
    }

    /// Compact the full-text index into one segment, refresh the query planner's
    /// statistics and checkpoint the WAL. Call once after an ingest (not after every
    /// batch): it rewrites the whole index (~1 s per 30k articles).
    pub fn optimize(&mut self) -> Result<(), StoreError> {
        self.conn
            .execute_batch(
                "INSERT INTO article_fts(article_fts) VALUES('optimize');
                 PRAGMA optimize;",
            )
            .map_err(|e| self.error(e))?;
        // A no-op for a database in memory.
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .map_err(|e| self.error(e))
    }

    /// Problems found by SQLite's and FTS5's integrity checks, plus a full-text index
    /// that does not hold exactly one row per article. Empty when all is well.
    pub fn integrity_check(&self) -> Result<Vec<String>, StoreError> {
        query::integrity_check(&self.conn).map_err(|e| self.error(e))
    }

    fn error(&self, e: rusqlite::Error) -> StoreError {
        StoreError::from_sqlite(&self.path, open::millis(self.busy_timeout), e)
    }
}

impl ArticleStore for SqliteStore {
    fn insert_batch(
        &mut self,
        batch: &[PreparedArticle],
    ) -> Result<Vec<InsertOutcome>, StoreError> {
        let result = insert::insert_batch(&mut self.conn, batch);
        result.map_err(|e| self.error(e))
    }

    fn stats(&self) -> Result<Stats, StoreError> {
        query::stats(&self.conn).map_err(|e| self.error(e))
    }

    fn articles(&self, filter: &ArticleFilter) -> Result<Vec<Article>, StoreError> {
        query::articles(&self.conn, filter).map_err(|e| self.error(e))
    }

    fn article(&self, id: ArticleId) -> Result<Option<Article>, StoreError> {
        query::article(&self.conn, id).map_err(|e| self.error(e))
    }

    fn search(&self, terms: &[String], limit: usize) -> Result<Vec<SearchHit>, StoreError> {
        query::search(&self.conn, terms, limit).map_err(|e| self.error(e))
    }

    fn furniture(&self, id: ArticleId) -> Result<Option<Vec<FurnitureBlock>>, StoreError> {
        query::furniture(&self.conn, id).map_err(|e| self.error(e))
    }

    fn outlet_lines(&self, outlet: &str, min_articles: u64) -> Result<OutletLines, StoreError> {
        query::outlet_lines(&self.conn, outlet, min_articles).map_err(|e| self.error(e))
    }

    fn signatures(&self) -> Result<Vec<(ArticleId, Vec<u8>)>, StoreError> {
        dedup::signatures(&self.conn).map_err(|e| self.error(e))
    }

    fn store_dedup(
        &mut self,
        signatures: &[(ArticleId, Vec<u8>)],
        pairs: &[NearDuplicate],
    ) -> Result<(), StoreError> {
        let result = dedup::store(&mut self.conn, signatures, pairs);
        result.map_err(|e| self.error(e))
    }

    fn near_duplicates(&self) -> Result<Vec<NearDuplicate>, StoreError> {
        dedup::near_duplicates(&self.conn).map_err(|e| self.error(e))
    }

    fn passage_prints(&self) -> Result<Vec<(ArticleId, Vec<u8>)>, StoreError> {
        passages::prints(&self.conn).map_err(|e| self.error(e))
    }

    fn store_passages(
        &mut self,
        prints: &[(ArticleId, Vec<u8>)],
        passages: &[ReusedPassage],
        replaced: &[ArticleId],
    ) -> Result<(), StoreError> {
        let result = passages::store(&mut self.conn, prints, passages, replaced);
        result.map_err(|e| self.error(e))
    }

    fn passages(&self) -> Result<Vec<ReusedPassage>, StoreError> {
        passages::all(&self.conn).map_err(|e| self.error(e))
    }

    fn passages_of(&self, id: ArticleId) -> Result<Vec<ReusedPassage>, StoreError> {
        passages::of(&self.conn, id).map_err(|e| self.error(e))
    }

    fn unprinted_articles(&self, limit: usize) -> Result<Vec<StoredText>, StoreError> {
        passages::unprinted(&self.conn, limit).map_err(|e| self.error(e))
    }
}

impl StoryStore for SqliteStore {
    fn latest_story_time(&self) -> Result<Option<i64>, StoreError> {
        stories::latest_time(&self.conn).map_err(|e| self.error(e))
    }

    fn clustered_since(&self, horizon: i64) -> Result<Vec<ClusterText>, StoreError> {
        stories::clustered_since(&self.conn, horizon).map_err(|e| self.error(e))
    }

    fn unclustered_articles(
        &self,
        limit: usize,
        up_to: ArticleId,
    ) -> Result<Vec<ClusterText>, StoreError> {
        stories::unclustered(&self.conn, limit, up_to).map_err(|e| self.error(e))
    }

    fn stories_of(&self, articles: &[ArticleId]) -> Result<Vec<StoryId>, StoreError> {
        stories::of_articles(&self.conn, articles).map_err(|e| self.error(e))
    }

    fn story_members(&self, ids: &[StoryId]) -> Result<Vec<StoryMember>, StoreError> {
        stories::members(&self.conn, ids).map_err(|e| self.error(e))
    }

    fn store_stories(
        &mut self,
        assignments: &[StoryAssignment],
        merges: &[StoryMerge],
        summaries: &[StoryRecord],
    ) -> Result<(), StoreError> {
        let result = stories::store(&mut self.conn, assignments, merges, summaries);
        result.map_err(|e| self.error(e))
    }

    fn stories(&self, filter: &StoryFilter) -> Result<Vec<StoryRecord>, StoreError> {
        stories::list(&self.conn, filter).map_err(|e| self.error(e))
    }

    fn resolve_story(&self, id: StoryId) -> Result<Option<StoryId>, StoreError> {
        stories::resolve(&self.conn, id).map_err(|e| self.error(e))
    }

    fn story(&self, id: StoryId) -> Result<Option<StoryRecord>, StoreError> {
        stories::one(&self.conn, id).map_err(|e| self.error(e))
    }
}

impl AnnotationStore for SqliteStore {
    fn store_annotations(&mut self, all: &[ArticleAnnotations]) -> Result<(), StoreError> {
        let result = annotations::store(&mut self.conn, all);
        result.map_err(|e| self.error(e))
    }

    fn unannotated_articles(
        &self,
        limit: usize,
        after: ArticleId,
        version: i64,
    ) -> Result<Vec<AnnotationInput>, StoreError> {
        annotations::unannotated(&self.conn, limit, after, version).map_err(|e| self.error(e))
    }

    fn annotations(&self, article: ArticleId) -> Result<Option<ArticleAnnotations>, StoreError> {
        annotations::of_article(&self.conn, article).map_err(|e| self.error(e))
    }

    fn entity_mentions(
        &self,
        articles: Option<&[ArticleId]>,
        outlet: Option<&str>,
        originals_only: bool,
    ) -> Result<Vec<ArticleMention>, StoreError> {
        annotations::mentions(&self.conn, articles, outlet, originals_only)
            .map_err(|e| self.error(e))
    }

    fn quotes(&self, filter: &QuoteFilter<'_>) -> Result<Vec<ArticleQuote>, StoreError> {
        annotations::quotes(&self.conn, filter).map_err(|e| self.error(e))
    }

    fn store_story_entities(
        &mut self,
        stories: &[(StoryId, Vec<StoryEntity>)],
    ) -> Result<(), StoreError> {
        let result = annotations::store_story_entities(&mut self.conn, stories);
        result.map_err(|e| self.error(e))
    }

    fn stale_story_entities(&self, limit: usize) -> Result<Vec<StoryId>, StoreError> {
        annotations::stale_stories(&self.conn, limit).map_err(|e| self.error(e))
    }

    fn story_entities(&self, story: StoryId) -> Result<Vec<StoryEntity>, StoreError> {
        annotations::story_entities(&self.conn, story).map_err(|e| self.error(e))
    }
}
