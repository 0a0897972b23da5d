//! Feeds: RSS 0.9x/1.0 (RDF)/2.0, Atom and JSON Feed, from files or fetched
//! URLs, to [`RawArticle`](marsad_model::RawArticle)s.
//!
//! **Inputs**: the feed's bytes, the charset its server sent (if any) and a
//! [`FeedSource`] naming it. XML is decoded by [`decode_xml`] (BOM, HTTP charset,
//! `<?xml encoding>`, UTF-8, windows-1256), JSON Feed is recognised by its version
//! URL ([`is_json_feed`]). Feed versus other XML is decided by the root element.
//!
//! **Outputs** ([`read_feed`]): one `ReadEvent::Article` per entry as soon as the
//! entry is complete (field mapping in [`article`](entry_article)), and
//! `ReadEvent::Problem`s: `item N` for an entry over the record size limit, and
//! one for the feed when it is not a feed, malformed, truncated, nested too deep
//! or declares XML entities — entries read before the error are kept, and the
//! message says how many.
//!
//! **Summary-only entries**: an entry without full content gets
//! `metadata["summary_only"] = true`; [`complete_from_page`] then reads the
//! linked page through a [`PageSource`] (over HTTP: [`crate::fetch::PageFetcher`]).
//! Reading a feed *file* never touches the network; `read_inputs` on a feed
//! *URL* and `marsad watch` fetch the pages.
//!
//! **Bounds**: parsing streams over the decoded text (memory: the feed itself plus
//! one entry), nesting is capped, entities are never expanded (XML bombs are
//! refused at their DOCTYPE).
//!
//! ```
//! use marsad_ingest::feed::{read_feed, FeedSource};
//! use marsad_ingest::{ReadEvent, ReadOptions};
//!
//! let rss = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>وكالة الأنباء</title>
//!   <item><title>عنوان الخبر</title><link>https://news.example/1</link>
//!   <description>&lt;p&gt;نص &amp;amp; ملخص&lt;/p&gt;</description>
//!   <pubDate>Mon, 07 Aug 2023 10:00:00 +0300</pubDate></item></channel></rss>"#;
//! let source = FeedSource { name: "feed.xml".into(), ..FeedSource::default() };
//! let mut articles = Vec::new();
//! read_feed(rss.as_bytes(), None, &source, &ReadOptions::default(), &mut |event| {
//!     if let ReadEvent::Article(a) = event { articles.push(a) }
//! });
//! assert_eq!(articles[0].title.as_deref(), Some("عنوان الخبر"));
//! assert_eq!(articles[0].text, "نص & ملخص");
//! assert_eq!(articles[0].outlet.as_deref(), Some("وكالة الأنباء"));
//! assert_eq!(articles[0].origin, "feed.xml#1");
//! ```

mod article;
mod decode;
mod error;
mod json_feed;
mod model;
mod text;
mod xml;

use marsad_model::ReadProblem;

pub use article::{
    complete_from_page, entry_article, is_summary_only, item_key, FeedSource, PageError,
    PageSource, SUMMARY_ONLY_CHARS,
};
pub use decode::decode_xml;
pub use error::FeedError;
pub use json_feed::is_json_feed;
pub use model::{FeedEntry, FeedKind, FeedMeta, Markup};
pub use text::{html_text, markup_text};
pub use xml::MAX_DEPTH;

use crate::{ReadEvent, ReadOptions};

/// Parse a feed's bytes (XML or JSON Feed), calling `on_entry` for each entry as it
/// completes. On error the entries already handed on stay valid.
pub fn parse_feed(
    bytes: &[u8],
    http_charset: Option<&str>,
    on_entry: &mut dyn FnMut(&FeedMeta, FeedEntry),
) -> Result<FeedMeta, FeedError> {
    let text = decode_xml(bytes, http_charset)?;
    parse_feed_text(&text, on_entry)
}

/// [`parse_feed`] on text already decoded.
pub fn parse_feed_text(
    text: &str,
    on_entry: &mut dyn FnMut(&FeedMeta, FeedEntry),
) -> Result<FeedMeta, FeedError> {
    if text.trim_start().starts_with('{') {
        json_feed::parse_json_feed(text, on_entry)
    } else {
        xml::parse_xml(text, on_entry)
    }
}

/// Read a feed into articles and problems (see the module docs); returns the
/// number of entries read.
pub fn read_feed(
    bytes: &[u8],
    http_charset: Option<&str>,
    source: &FeedSource,
    options: &ReadOptions,
    sink: &mut dyn FnMut(ReadEvent),
) -> usize {
    match decode_xml(bytes, http_charset) {
        Ok(text) => read_feed_text(&text, source, options, sink),
        Err(e) => {
            sink(ReadEvent::Problem(ReadProblem::new(&source.name, None, e.to_string())));
            0
        }
    }
}

/// [`read_feed`] on text already decoded.
pub fn read_feed_text(
    text: &str,
    source: &FeedSource,
    options: &ReadOptions,
    sink: &mut dyn FnMut(ReadEvent),
) -> usize {
    let mut count = 0usize;
    let outcome = parse_feed_text(text, &mut |meta, entry| {
        count += 1;
        let position = entry.position;
        let article = entry_article(entry, meta, source);
        if article.text.len() > options.max_record_bytes {
            sink(ReadEvent::Problem(ReadProblem::new(
                &source.name,
                Some(format!("item {position}")),
                format!(
                    "record too large: {} bytes of text (limit {})",
                    article.text.len(),
                    options.max_record_bytes
                ),
            )));
        } else {
            sink(ReadEvent::Article(article));
        }
    });
    if let Err(e) = outcome {
        sink(ReadEvent::Problem(ReadProblem::new(&source.name, None, e.to_string())));
    }
    count
}
