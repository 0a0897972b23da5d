//! Plain data the store takes and gives: prepared articles in; outcomes, stats and hits out.

use std::collections::HashMap;

use marsad_model::{Article, ArticleId, Published, RawArticle, Span};
use serde::{Deserialize, Serialize};

/// An article ready to store: the raw record plus what the analysis derived from it.
///
/// `raw.text` is the text to store: the pipeline has already removed its page
/// furniture (listed in `furniture`), and `normalized`, `content_hash` and the index
/// terms are those of that text.
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
    /// marsad_text::content_hash of the text AS READ, before furniture removal (equal to
    /// `content_hash` when nothing was removed). The same record read again has the same
    /// source hash, whatever was learned meanwhile: it decides [`InsertOutcome::Unchanged`]
    /// and keys records without URL.
    pub source_hash: String,
    /// The furniture removed from the text as read, spans into that text.
    pub furniture: Vec<FurnitureBlock>,
    /// Distinct line keys of the text as read (marsad_text::furniture::line_hashes),
    /// counted for the outlet when the article is added as an original.
    pub line_hashes: Vec<String>,
}

impl PreparedArticle {
    /// The record's own URL, when it has a non-blank one.
    pub fn record_url(&self) -> Option<&str> {
        self.raw.url.as_deref().filter(|url| !url.trim().is_empty())
    }

    /// The idempotency key: `url:<url>` when the record has a URL, else
    /// `hash:<outlet>\u{1f}<source_hash>`. Storing a record whose key is already
    /// stored never adds a second article.
    pub fn key(&self) -> String {
        match self.record_url() {
            Some(url) => format!("url:{url}"),
            None => format!("hash:{}\u{1f}{}", self.outlet, self.source_hash),
        }
    }

    /// The URL a person follows back to the original: the record's URL, else its origin.
    pub fn locator(&self) -> &str {
        self.record_url().unwrap_or(&self.raw.origin)
    }
}

/// A block of page furniture removed from an article (see marsad_text::furniture),
/// kept aside in the store. Serialised as `{"span": [start, end], "text", "reason"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FurnitureBlock {
    /// Byte span in the article's text as read (before removal): `span.slice(read) == text`.
    pub span: Span,
    pub text: String,
    /// e.g. `marker: اقرأ أيضا`, `source credit`, `headline list`, `repeated line (outlet)`.
    pub reason: String,
}

/// What the store has counted about one outlet's lines ([`crate::ArticleStore::outlet_lines`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutletLines {
    /// Articles of the outlet whose lines were counted (those added as originals since
    /// schema v2).
    pub articles: u64,
    /// Line hash → number of those articles that have the line.
    pub lines: HashMap<String, u64>,
}

/// What storing one prepared article did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InsertOutcome {
    /// New article; `duplicate_of` is the first stored article with the same content hash.
    Added { id: ArticleId, duplicate_of: Option<ArticleId> },
    /// Same key (URL, else outlet + source hash) and same text as read: nothing changed.
    Unchanged { id: ArticleId },
    /// Same URL, new text as read: the stored text was replaced.
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
    /// (+) Articles annotated (any annotator version), and what they hold.
    pub annotated: u64,
    pub entity_mentions: u64,
    pub quotes: u64,
    pub quantities: u64,
    pub dates: u64,
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

/// A stored near-duplicate pair (`a < b`), as `marsad dups` lists them.
#[derive(Debug, Clone, PartialEq)]
pub struct NearDuplicate {
    /// The earlier article id.
    pub a: ArticleId,
    /// The later article id.
    pub b: ArticleId,
    /// Similarity, 0.0–1.0 (1.0 for exact copies).
    pub similarity: f64,
    /// `"near"` or `"exact"`.
    pub kind: String,
}

/// A passage shared by two stored articles (`a < b`), as `marsad reuse` lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReusedPassage {
    /// The lower article id.
    pub a: ArticleId,
    /// The higher article id.
    pub b: ArticleId,
    /// Byte span in `a`'s stored text.
    pub a_span: Span,
    /// Byte span in `b`'s stored text.
    pub b_span: Span,
    /// Words that match exactly.
    pub words: u64,
    /// `a` or `b`: the article published first (ties and unknown dates: the lower id).
    pub source: ArticleId,
}

impl ReusedPassage {
    /// The other article and the spans as seen from article `id` (its own span first);
    /// `None` when the passage does not involve `id`.
    pub fn seen_from(&self, id: ArticleId) -> Option<(ArticleId, Span, Span)> {
        if id == self.a {
            Some((self.b, self.a_span, self.b_span))
        } else if id == self.b {
            Some((self.a, self.b_span, self.a_span))
        } else {
            None
        }
    }
}

/// A stored article's text and date, for fingerprinting articles stored before the
/// passage step existed ([`crate::ArticleStore::unprinted_articles`]).
#[derive(Debug, Clone, PartialEq)]
pub struct StoredText {
    pub id: ArticleId,
    pub text: String,
    pub published: Option<Published>,
    /// Whether the article has a MinHash signature stored.
    pub has_signature: bool,
}
