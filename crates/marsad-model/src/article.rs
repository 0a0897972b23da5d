use serde::{Deserialize, Serialize};

use crate::Published;

/// Fields of a record that Marsad has no column for, kept as they came.
pub type Metadata = serde_json::Map<String, serde_json::Value>;

/// Row id of a stored article: stable for the life of a database.
pub type ArticleId = i64;

/// One record as a reader found it, before any analysis.
///
/// `origin` always points a person back to the original: the file path as given,
/// `#N` for the Nth record (1-based) of a multi-record file, and
/// `archive.zip!/member` inside an archive.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct RawArticle {
    /// Where the record was read from (see above).
    pub origin: String,
    /// The record's own URL, when it had one.
    pub url: Option<String>,
    pub title: Option<String>,
    pub text: String,
    /// Outlet as the record named it, else the URL host, else the parent folder name.
    pub outlet: Option<String>,
    pub published: Option<Published>,
    pub author: Option<String>,
    pub metadata: Metadata,
}

impl RawArticle {
    pub fn new(origin: impl Into<String>, text: impl Into<String>) -> Self {
        Self { origin: origin.into(), text: text.into(), ..Self::default() }
    }

    /// The URL a person follows back to the original: the record's URL, else its origin.
    pub fn locator(&self) -> &str {
        self.url.as_deref().unwrap_or(&self.origin)
    }
}

/// One stored article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub id: ArticleId,
    /// The record's URL, else where it was read from (see [`RawArticle::origin`]).
    pub url: String,
    pub outlet: String,
    pub title: String,
    pub published: Option<Published>,
    pub author: Option<String>,
    /// The text as stored: the record's text, byte for byte, less the page furniture
    /// kept aside with the article (menus, «اقرأ أيضاً» lists, learned footer lines).
    pub text: String,
    /// The first stored article with the same normalized text, when this one is a copy.
    pub duplicate_of: Option<ArticleId>,
    pub metadata: Metadata,
}
