//! Annotators for Marsad: who (named entities), who said what (quotes), how many
//! (quantities) and when (dates), each over one article's text.
//!
//! - **Input**: an article's text (`&str`, as stored) and, for relative dates, its
//!   publication date.
//! - **Output**: annotations with byte spans into that text (the shapes of
//!   `marsad analyze --json` in DESIGN.md).
//!
//! One annotator per folder or file: `entities` (tagger, mention linking,
//! aliases, roles), `quotes`, `quantities`, `dates`. [`annotate`] runs quotes,
//! quantities and dates over one shared tokenization ([`doc::Doc`]).

mod annotate;
pub mod dates;
pub mod doc;
pub mod entities;
pub mod quantities;
pub mod quotes;

pub use annotate::{annotate, Annotations};
