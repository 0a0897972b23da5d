//! Main-text extraction from HTML news pages: the article body with its
//! paragraphs, and the page's metadata.
//!
//! ```text
//! bytes ─► limits ─► decode ─► cut scripts ─► parse ─► flat DOM ─┬─► metadata (meta, JSON-LD, <time>, URL, datelines)
//!          guard.rs  charset.rs prefilter.rs  html5ever dom.rs    │   metadata.rs jsonld.rs dates.rs
//!                                                                 └─► prune, score, assemble ─► paragraphs
//!                                                                     hints.rs content.rs blocks.rs
//! ```
//!
//! Entry points: [`extract`] (bytes, with the URL and HTTP charset when known),
//! [`extract_str`] (already decoded text) and [`extract_file`]. The result,
//! [`Extracted`], serialises to the JSON that `marsad extract` writes.
//!
//! **Text**: one paragraph per line (`\n`), as everywhere in Marsad (a line is a
//! paragraph for `marsad_text::paragraphs`); [`Extracted::paragraphs_text`]
//! gives the paragraphs separated by blank lines, as `marsad extract` writes them.
//! The title is not repeated in the text.
//!
//! **Limits**: pages above [`MAX_HTML_BYTES`] are refused with
//! [`ExtractError::TooLarge`], pages nested deeper than
//! [`MAX_NESTING`] with [`ExtractError::TooDeep`], bytes
//! that are not text (NUL bytes, undecodable noise) with
//! [`ExtractError::Decode`]. Nothing here panics on input.

use std::path::Path;

use marsad_model::Published;
use serde::Serialize;

use crate::decode::DecodeError;

mod blocks;
mod charset;
mod content;
mod dates;
mod dom;
pub(crate) mod guard;
mod hints;
mod jsonld;
mod metadata;
mod prefilter;

pub use guard::{nesting_estimate, MAX_HTML_BYTES, MAX_NESTING};

/// Text direction of the page's language or `dir` attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Rtl,
    Ltr,
}

/// What [`extract`] found in a page. Absent metadata is `None` (and left out of the JSON).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Extracted {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The main text, one paragraph per line.
    pub text: String,
    /// Publication date: JSON-LD, meta tags, `<time>`, the URL, then a visible dateline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<Published>,
    /// Where `published` came from: `json-ld`, `meta`, `time`, `url` or `text`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published_from: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modified: Option<Published>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// `<link rel=canonical>`, `og:url` or JSON-LD `url`, else the URL given to [`extract`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub canonical_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub site_name: Option<String>,
    /// BCP 47 tag from `<html lang>`, `content-language` or `og:locale` (`ar`, `en-US`…).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// `dir` attribute of `<html>`/`<body>`, else from the language, else from the text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The character encoding the page was decoded from (`UTF-8`, `windows-1256`…).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding: Option<&'static str>,
}

impl Extracted {
    /// Everything but the text, as a JSON object (absent fields left out): what
    /// `marsad extract` writes to `<stem>.json`.
    pub fn metadata(&self) -> serde_json::Value {
        let mut value = serde_json::to_value(self).unwrap_or_default();
        if let Some(object) = value.as_object_mut() {
            object.remove("text");
        }
        value
    }

    /// The main text with paragraphs separated by blank lines, ending with a newline
    /// (empty when there is no text): what `marsad extract` writes to `<stem>.txt`.
    pub fn paragraphs_text(&self) -> String {
        let mut out = String::with_capacity(self.text.len() + self.text.len() / 8);
        for line in self.text.lines().filter(|l| !l.trim().is_empty()) {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(line);
            out.push('\n');
        }
        out
    }
}

/// Why a page could not be extracted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExtractError {
    /// Empty, binary (NUL bytes) or undecodable bytes.
    #[error("{0}")]
    Decode(#[from] DecodeError),
    #[error("HTML page too large: {size} bytes (limit {limit})")]
    TooLarge { size: usize, limit: usize },
    #[error("HTML nested too deeply (more than {MAX_NESTING} open elements)")]
    TooDeep,
    #[error("{path}: {reason}")]
    Io { path: String, reason: String },
}

/// Extract a page from its bytes. `url` is where it was fetched from (used for
/// dates in the path and as canonical URL when the page names none);
/// `content_type_charset` the `charset` of an HTTP `Content-Type` header.
pub fn extract(
    html: &[u8],
    url: Option<&str>,
    content_type_charset: Option<&str>,
) -> Result<Extracted, ExtractError> {
    guard::check_size(html.len())?;
    let (text, encoding) = charset::decode_page(html, content_type_charset)?;
    let mut page = extract_str(&text, url)?;
    page.encoding = Some(encoding);
    Ok(page)
}

/// Extract a page that is already text.
pub fn extract_str(html: &str, url: Option<&str>) -> Result<Extracted, ExtractError> {
    guard::check_size(html.len())?;
    let html = prefilter::prefilter(html);
    guard::check_nesting(&html)?;
    let doc = scraper::Html::parse_document(&html);
    let dom = dom::Dom::new(&doc);
    let mut lines = content::main_text(&dom);
    let mut page = Extracted { text: join(&lines), ..Extracted::default() };
    metadata::fill(&dom, url, &mut page);
    // The headline is the title, not the text.
    if let Some(title) = page.title.as_deref() {
        let repeats = |l: &blocks::Line| {
            l.heading
                && (l.text == title || title.contains(&l.text) && l.text.len() * 2 > title.len())
        };
        if let Some(at) = lines.iter().take(3).position(repeats) {
            lines.remove(at);
            page.text = join(&lines);
        }
    }
    Ok(page)
}

/// Read and extract an HTML file (refusing files above [`MAX_HTML_BYTES`] before reading them).
pub fn extract_file(path: &Path) -> Result<Extracted, ExtractError> {
    let io = |e: std::io::Error| ExtractError::Io {
        path: path.display().to_string(),
        reason: crate::io_reason(&e),
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    guard::check_size(usize::try_from(size).unwrap_or(usize::MAX))?;
    let bytes = std::fs::read(path).map_err(io)?;
    extract(&bytes, None, None)
}

fn join(lines: &[blocks::Line]) -> String {
    let mut text = String::with_capacity(lines.iter().map(|l| l.text.len() + 1).sum());
    for line in lines {
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(&line.text);
    }
    text
}
