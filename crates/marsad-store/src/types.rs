//! Plain data the store takes and gives: prepared articles in; outcomes, stats and hits out.

use marsad_model::{Article, ArticleId, RawArticle};
use serde::Serialize;

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

impl PreparedArticle {
    /// The record's own URL, when it has a non-blank one.
    pub fn record_url(&self) -> Option<&str> {
        self.raw.url.as_deref().filter(|url| !url.trim().is_empty())
    }

    /// The idempotency key: `url:<url>` when the record has a URL, else
    /// `hash:<outlet>\u{1f}<content_hash>`. Storing a record whose key is already
    /// stored never adds a second article.
    pub fn key(&self) -> String {
        match self.record_url() {
            Some(url) => format!("url:{url}"),
            None => format!("hash:{}\u{1f}{}", self.outlet, self.content_hash),
        }
    }

    /// The URL a person follows back to the original: the record's URL, else its origin.
    pub fn locator(&self) -> &str {
        self.record_url().unwrap_or(&self.raw.origin)
    }
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

impl InsertOutcome {
    /// The stored article's id, whatever happened.
    pub fn id(&self) -> ArticleId {
        match *self {
            InsertOutcome::Added { id, .. }
            | InsertOutcome::Unchanged { id }
            | InsertOutcome::Updated { id } => id,
        }
    }
}

/// A summary of what a database holds.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Stats {
    pub articles: u64,
    /// Distinct outlets.
    pub outlets: u64,
    /// Articles that are exact copies of an earlier one (`duplicate_of` set).
    pub exact_duplicates: u64,
    /// Earliest and latest publication time (RFC 3339, in the offset the source gave).
    pub first_published: Option<String>,
    pub last_published: Option<String>,
    /// Articles per outlet, most first (ties by name).
    pub per_outlet: Vec<OutletCount>,
    pub schema_version: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutletCount {
    pub outlet: String,
    pub articles: u64,
}

/// Which articles [`crate::ArticleStore::articles`] lists.
#[derive(Debug, Clone, Default)]
pub struct ArticleFilter {
    /// Only this outlet (exact name).
    pub outlet: Option<String>,
    /// At most this many.
    pub limit: Option<usize>,
}

/// One search result.
#[derive(Debug, Clone)]
pub struct SearchHit {
    pub article: Article,
    /// Higher is better (negated BM25, the title weighted above the body).
    pub score: f64,
}
