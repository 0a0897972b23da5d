//! Typed errors of the clustering stage.
//!
//! Article text never fails: empty, odd or hostile text yields an article
//! with no terms, which starts its own story. Only settings and the caller's
//! bookkeeping (an article id assigned twice inside the window) are errors.

use marsad_model::ArticleId;

/// What can go wrong in the clustering stage.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ClusterError {
    /// The settings are out of range (e.g. a negative window).
    #[error("invalid cluster settings: {0}")]
    Config(String),
    /// The article id is already held in the window: an article is assigned
    /// once; re-assigning it would count its terms twice.
    #[error("article {0} was already assigned")]
    DuplicateArticle(ArticleId),
}
