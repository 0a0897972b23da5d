//! Storage of Marsad articles: the [`ArticleStore`] trait and its SQLite implementation.
//!
//! Inputs: [`PreparedArticle`]s — a [`marsad_model::RawArticle`] plus what the analysis
//! derived from it (final title and outlet, normalized text, content hash, the
//! space-separated index terms of title and body, the page furniture removed from the
//! text and the hashes of its lines) — stored in batches by [`ArticleStore::insert_batch`].
//!
//! Outputs: an [`InsertOutcome`] per article (added, possibly as an exact copy of an
//! earlier article; unchanged; or updated), stored [`marsad_model::Article`]s (by id,
//! newest first, or ranked by full-text [`ArticleStore::search`] as [`SearchHit`]s), the
//! [`FurnitureBlock`]s removed from an article, what is learned about an outlet's lines
//! ([`OutletLines`]: lines that recur across its articles are its furniture),
//! database [`Stats`], and stories ([`StoryStore`]: each article's story, merges, story
//! summaries, the rows a resumed clusterer replays), and annotations ([`AnnotationStore`]:
//! entity mentions, quotes, quantities and dates per article, entities per story).
//!
//! Key types: [`SqliteStore`] (one SQLite file in WAL mode: one writer, many readers,
//! crash-safe; versioned migrations in `migrations/`, see [`schema`]) and
//! [`StoreError`] (every variant names the database).
//!
//! Storing is idempotent: an article's key is its URL, else its outlet and the content
//! hash of its text as read (`source_hash`), so ingesting the same input twice adds
//! nothing. After an ingest, call
//! [`SqliteStore::optimize`] once to compact the full-text index.
//!
//! ```
//! use marsad_model::RawArticle;
//! use marsad_store::{ArticleFilter, ArticleStore, InsertOutcome, PreparedArticle, SqliteStore};
//!
//! let mut store = SqliteStore::open_in_memory()?;
//! let mut raw = RawArticle::new("seeds/000.txt", "وزير الدفاع يلتقي نظيره");
//! raw.url = Some("https://example.com/a".into());
//! let article = PreparedArticle {
//!     raw,
//!     title: "لقاء وزيري الدفاع".into(),
//!     outlet: "example".into(),
//!     normalized: "وزير الدفاع يلتقي نظيره".into(),
//!     content_hash: "h1".into(),
//!     title_terms: "لقاء وزير دفاع".into(),
//!     body_terms: "وزير دفاع لتقي نظير".into(),
//!     source_hash: "h1".into(),
//!     furniture: Vec::new(),
//!     line_hashes: vec!["l1".into()],
//! };
//! let outcomes = store.insert_batch(&[article.clone()])?;
//! assert!(matches!(outcomes[0], InsertOutcome::Added { duplicate_of: None, .. }));
//! // The same record again changes nothing.
//! let again = store.insert_batch(&[article])?;
//! assert_eq!(again[0], InsertOutcome::Unchanged { id: outcomes[0].id() });
//!
//! // Its line was counted for its outlet.
//! assert_eq!(store.outlet_lines("example", 1)?.lines["l1"], 1);
//! let hits = store.search(&["دفاع".to_string()], 10)?;
//! assert_eq!(hits[0].article.title, "لقاء وزيري الدفاع");
//! assert_eq!(store.articles(&ArticleFilter::default())?.len(), 1);
//! assert_eq!(store.stats()?.articles, 1);
//! # Ok::<(), marsad_store::StoreError>(())
//! ```

mod annotations;
mod error;
pub mod schema;
mod sqlite;
mod stories;
mod types;

use marsad_model::{Article, ArticleId};

pub use annotations::{
    AnnotationInput, AnnotationStore, ArticleAnnotations, ArticleMention, ArticleQuote,
    QuoteFilter, StoredDate, StoredMention, StoredQuantity, StoredQuote, StoredSpeaker,
    StoryEntity,
};
pub use error::StoreError;
pub use schema::SCHEMA_VERSION;
pub use sqlite::SqliteStore;
pub use stories::{
    ClusterText, StoryAssignment, StoryFilter, StoryId, StoryMember, StoryMerge, StoryRecord,
    StoryStore,
};
pub use types::{
    ArticleFilter, FurnitureBlock, InsertOutcome, NearDuplicate, OutletCount, OutletLines,
    PreparedArticle, ReusedPassage, SearchHit, Stats, StoredText,
};

/// What every storage backend (SQLite now, PostgreSQL later) offers the pipeline and the CLI
/// (stories: the [`StoryStore`] part; annotations: the [`AnnotationStore`] part).
pub trait ArticleStore: StoryStore + AnnotationStore {
    /// Store a batch in one transaction; outcomes in batch order.
    fn insert_batch(&mut self, batch: &[PreparedArticle])
        -> Result<Vec<InsertOutcome>, StoreError>;
    fn stats(&self) -> Result<Stats, StoreError>;
    /// Newest first (by published, then id).
    fn articles(&self, filter: &ArticleFilter) -> Result<Vec<Article>, StoreError>;
    fn article(&self, id: ArticleId) -> Result<Option<Article>, StoreError>;
    /// Full-text search over index terms (already analysed by marsad_text::query_terms); best first.
    fn search(&self, terms: &[String], limit: usize) -> Result<Vec<SearchHit>, StoreError>;
    /// The page furniture removed from article `id` (empty when none; `None` when there
    /// is no such article).
    fn furniture(&self, id: ArticleId) -> Result<Option<Vec<FurnitureBlock>>, StoreError>;
    /// What is counted about `outlet`'s lines: how many of its articles were counted, and
    /// the lines found in at least `min_articles` of them (by line hash).
    fn outlet_lines(&self, outlet: &str, min_articles: u64) -> Result<OutletLines, StoreError>;
    /// Every stored MinHash signature (article id, bytes), by article id.
    fn signatures(&self) -> Result<Vec<(ArticleId, Vec<u8>)>, StoreError>;
    /// Store signatures and near-duplicate pairs in one transaction (existing
    /// rows are replaced; pairs are normalized to `a < b`).
    fn store_dedup(
        &mut self,
        signatures: &[(ArticleId, Vec<u8>)],
        pairs: &[NearDuplicate],
    ) -> Result<(), StoreError>;
    /// Every stored near-duplicate pair, by `a` then `b`.
    fn near_duplicates(&self) -> Result<Vec<NearDuplicate>, StoreError>;
    /// Every stored set of passage fingerprint keys (article id, bytes), by article id.
    fn passage_prints(&self) -> Result<Vec<(ArticleId, Vec<u8>)>, StoreError>;
    /// In one transaction: forget the passages of the `replaced` articles (their text
    /// changed), store fingerprint keys (replacing existing rows) and passages
    /// (normalized to `a < b`; a passage already stored is replaced, not doubled).
    fn store_passages(
        &mut self,
        prints: &[(ArticleId, Vec<u8>)],
        passages: &[ReusedPassage],
        replaced: &[ArticleId],
    ) -> Result<(), StoreError>;
    /// Every stored passage, by `a`, `b`, then the spans.
    fn passages(&self) -> Result<Vec<ReusedPassage>, StoreError>;
    /// The passages article `id` shares with other articles.
    fn passages_of(&self, id: ArticleId) -> Result<Vec<ReusedPassage>, StoreError>;
    /// Up to `limit` stored articles that have no fingerprints yet (stored before
    /// schema v4), by id: the ingest backfills them.
    fn unprinted_articles(&self, limit: usize) -> Result<Vec<StoredText>, StoreError>;
}

/// The version of the SQLite library compiled in (e.g. "3.54.1").
pub fn sqlite_version() -> &'static str {
    rusqlite::version()
}
