//! Plain data shared by every Marsad stage.
//!
//! Inputs: nothing — this crate only defines types.
//! Outputs: the values stages pass to each other:
//! - [`RawArticle`]: one record as a reader found it (ingest → pipeline);
//! - [`Article`]: one stored article (store → CLI, later stages);
//! - [`Span`]: a byte range into an article's original text (every annotation);
//! - [`ReadProblem`]: a record or file that could not be read, naming where it was.
//!
//! ```
//! use marsad_model::{RawArticle, Span};
//! let raw = RawArticle::new("seeds/000.txt", "نص الخبر");
//! assert_eq!(raw.origin, "seeds/000.txt");
//! let span = Span::new(0, 4);
//! assert_eq!(span.slice(&raw.text), "نص");
//! ```

mod article;
mod problem;
mod span;

pub use article::{Article, ArticleId, Metadata, RawArticle};
pub use problem::ReadProblem;
pub use span::Span;

/// A publication time as found in a source (the offset it was given in, or UTC when none was).
pub type Published = chrono::DateTime<chrono::FixedOffset>;
