//! API SKELETON — to be implemented.
use std::path::Path;

use marsad_model::{Article, ArticleId, RawArticle};
use serde::Serialize;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: not a Marsad database (file is not an SQLite database)")]
    NotADatabase { path: String },
    #[error("{path}: database is read-only")]
    ReadOnly { path: String },
    #[error("{path}: schema version {found} is newer than this marsad understands ({supported})")]
    TooNew { path: String, found: i64, supported: i64 },
    #[error("{path}: {source}")]
    Sqlite { path: String, source: rusqlite::Error },
}

/// An article ready to store: the raw record plus what the analysis derived from it.
#[derive(Debug, Clone)]
pub struct PreparedArticle {
    pub raw: RawArticle,
    /// Final title (the record's, else derived from the text).
    pub title: String,
    /// Final outlet (the reader's guess, else "unknown").
    pub outlet: String,
    /// Search form of the text (marsad_text::normalize_str).
    pub normalized: String,
    /// marsad_text::content_hash of the text: equal hashes = exact duplicates.
    pub content_hash: String,
    /// Space-separated index terms of the title and of the text (marsad_text::index_terms).
    pub title_terms: String,
    pub body_terms: String,
}

/// What storing one prepared article did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InsertOutcome {
    /// New article; `duplicate_of` is the first stored article with the same content hash.
    Added { id: ArticleId, duplicate_of: Option<ArticleId> },
    /// Same key (URL, else outlet + content hash) and same content: nothing changed.
    Unchanged { id: ArticleId },
    /// Same URL, new content: the stored text was replaced.
    Updated { id: ArticleId },
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Stats {
    pub articles: u64,
    pub outlets: u64,
    pub exact_duplicates: u64,
    pub first_published: Option<String>,
    pub last_published: Option<String>,
    pub per_outlet: Vec<OutletCount>,
    pub schema_version: i64,
}
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutletCount {
    pub outlet: String,
    pub articles: u64,
}

#[derive(Debug, Clone, Default)]
pub struct ArticleFilter {
    pub outlet: Option<String>,
    pub limit: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct SearchHit {
    pub article: Article,
    /// Higher is better.
    pub score: f64,
}

/// What every storage backend (SQLite now, PostgreSQL later) offers the pipeline and the CLI.
pub trait ArticleStore {
    /// Store a batch in one transaction; outcomes in batch order.
    fn insert_batch(&mut self, batch: &[PreparedArticle]) -> Result<Vec<InsertOutcome>, StoreError>;
    fn stats(&self) -> Result<Stats, StoreError>;
    /// Newest first (by published, then id).
    fn articles(&self, filter: &ArticleFilter) -> Result<Vec<Article>, StoreError>;
    fn article(&self, id: ArticleId) -> Result<Option<Article>, StoreError>;
    /// Full-text search over index terms (already analysed by marsad_text::query_terms); best first.
    fn search(&self, terms: &[String], limit: usize) -> Result<Vec<SearchHit>, StoreError>;
}

#[derive(Debug)]
pub struct SqliteStore {
    _conn: rusqlite::Connection,
}
impl SqliteStore {
    /// Open (creating and migrating as needed) a database file for reading and writing.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        unimplemented!("{path:?}")
    }
    /// Open an existing database without writing to it (for queries).
    pub fn open_read_only(path: &Path) -> Result<Self, StoreError> {
        unimplemented!("{path:?}")
    }
}
impl ArticleStore for SqliteStore {
    fn insert_batch(&mut self, batch: &[PreparedArticle]) -> Result<Vec<InsertOutcome>, StoreError> {
        unimplemented!("{}", batch.len())
    }
    fn stats(&self) -> Result<Stats, StoreError> {
        unimplemented!()
    }
    fn articles(&self, filter: &ArticleFilter) -> Result<Vec<Article>, StoreError> {
        unimplemented!("{filter:?}")
    }
    fn article(&self, id: ArticleId) -> Result<Option<Article>, StoreError> {
        unimplemented!("{id}")
    }
    fn search(&self, terms: &[String], limit: usize) -> Result<Vec<SearchHit>, StoreError> {
        unimplemented!("{terms:?}{limit}")
    }
}
