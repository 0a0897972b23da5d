//! A feed entry to a [`RawArticle`], and the linked page for entries that carry
//! only a summary.
//!
//! | article      | from                                                                   |
//! |--------------|------------------------------------------------------------------------|
//! | `origin`     | the feed (path or URL) with `#N`, N the entry's position (1-based)      |
//! | `url`        | the entry's link (resolved against the feed URL), else a permalink guid |
//! | `title`      | the entry title, markup stripped                                        |
//! | `text`       | `content:encoded` / Atom `content` / `content_html`, else the summary (`description`), markup stripped |
//! | `published`  | `pubDate` / `dc:date` / `published` / `date_published`, else the update date |
//! | `author`     | `author` / `dc:creator` / Atom `author/name` (RSS `mail (Name)` → Name), joined with `، ` |
//! | `outlet`     | the feed's title, else the feed URL's host, else the link's host, else the folder |
//!
//! `metadata`: `feed` (URL or path), `feed_kind`, `guid`, `categories`, `summary_only`
//! (no full content and a text under [`SUMMARY_ONLY_CHARS`] characters), `summary`
//! (when the text came from elsewhere), `updated`, `published_raw` (a date that did not
//! parse), `language`; after [`complete_from_page`]: `page_fetched` or `page_error`.

use marsad_model::RawArticle;
use serde_json::Value;

use super::model::{FeedEntry, FeedMeta};
use super::text::{html_text, markup_text};
use crate::dates::parse_date;
use crate::fetch::{is_url, resolve_url};
use crate::fields::url_host;

/// An entry with no full content and a text shorter than this many characters is
/// "summary only": its linked page is worth fetching.
pub const SUMMARY_ONLY_CHARS: usize = 2000;

/// Where a feed was read from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedSource {
    /// The path or URL reported in `origin` and problems.
    pub name: String,
    /// The feed's URL (after redirects) when it was fetched: resolves relative links.
    pub url: Option<String>,
    /// Outlet when neither the feed nor a URL names one (a file's parent folder).
    pub fallback_outlet: Option<String>,
}

/// The article for one entry.
pub fn entry_article(entry: FeedEntry, meta: &FeedMeta, source: &FeedSource) -> RawArticle {
    let origin = format!("{}#{}", source.name, entry.position);
    let content = entry.content.as_ref().map(markup_text).filter(|t| !t.is_empty());
    let summary = entry.summary.as_ref().map(markup_text).filter(|t| !t.is_empty());
    let has_content = content.is_some();
    let text = content.or_else(|| summary.clone()).unwrap_or_default();
    let mut article = RawArticle::new(origin, text);

    let base = source.url.as_deref().or(meta.link.as_deref());
    let link = entry.link.as_deref().and_then(|link| match base {
        Some(base) => resolve_url(base, link),
        None => is_url(link).then(|| link.to_owned()),
    });
    let permalink = entry.id.as_deref().filter(|id| entry.id_is_permalink && is_url(id));
    article.url = link.or_else(|| permalink.map(str::to_owned));
    article.title =
        entry.title.as_ref().map(|t| markup_text(t).replace('\n', " ")).filter(|t| !t.is_empty());
    article.published = entry.published.as_deref().and_then(parse_date);
    let updated = entry.updated.as_deref().and_then(parse_date);
    if article.published.is_none() {
        article.published = updated;
    }
    let authors: Vec<String> = entry.authors.iter().filter_map(|a| author_name(a)).collect();
    article.author = (!authors.is_empty()).then(|| authors.join("، "));
    article.outlet = meta
        .title
        .clone()
        .or_else(|| source.url.as_deref().and_then(url_host))
        .or_else(|| article.url.as_deref().and_then(url_host))
        .or_else(|| source.fallback_outlet.clone());

    let summary_only = !has_content && article.text.chars().count() < SUMMARY_ONLY_CHARS;
    let md = &mut article.metadata;
    md.insert(
        "feed".into(),
        Value::from(source.url.clone().unwrap_or_else(|| source.name.clone())),
    );
    md.insert("feed_kind".into(), Value::from(meta.kind.name()));
    if let Some(id) = entry.id {
        md.insert("guid".into(), Value::from(id));
    }
    if !entry.categories.is_empty() {
        let categories: Vec<String> = entry.categories.iter().map(|c| html_text(c)).collect();
        md.insert("categories".into(), Value::from(categories));
    }
    md.insert("summary_only".into(), Value::from(summary_only));
    if let Some(summary) = summary.filter(|s| has_content && *s != article.text) {
        md.insert("summary".into(), Value::from(summary));
    }
    if let Some(updated) = updated {
        md.insert("updated".into(), Value::from(updated.to_rfc3339()));
    }
    if let Some(raw) = entry.published.filter(|_| article.published.is_none()) {
        md.insert("published_raw".into(), Value::from(raw));
    }
    if let Some(language) = &meta.language {
        md.insert("language".into(), Value::from(language.clone()));
    }
    article
}

/// `editor@example.com (اسم الكاتب)` → `اسم الكاتب`; `Name <mail>` → `Name`; markup stripped.
fn author_name(raw: &str) -> Option<String> {
    let raw = html_text(raw);
    let raw = raw.trim();
    if let (Some(open), true) = (raw.find('('), raw.ends_with(')')) {
        let name = raw[open + 1..raw.len() - 1].trim();
        if !name.is_empty() && raw[..open].contains('@') {
            return Some(name.to_owned());
        }
    }
    if let Some(open) = raw.find('<').filter(|_| raw.ends_with('>')) {
        let name = raw[..open].trim();
        if !name.is_empty() {
            return Some(name.to_owned());
        }
    }
    (!raw.is_empty()).then(|| raw.to_owned())
}

/// Was this article read from a feed entry that carried only a summary?
pub fn is_summary_only(article: &RawArticle) -> bool {
    article.metadata.get("summary_only").and_then(Value::as_bool).unwrap_or(false)
}

/// A stable key for a feed entry across polls: its guid/id, else its URL, else its origin.
pub fn item_key(article: &RawArticle) -> String {
    article
        .metadata
        .get("guid")
        .and_then(Value::as_str)
        .map(str::to_owned)
        .or_else(|| article.url.clone())
        .unwrap_or_else(|| {
            let title = article.title.as_deref().unwrap_or_default();
            format!("{}|{title}", article.origin)
        })
}

/// Why a linked page could not be had.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{url}: {reason}")]
pub struct PageError {
    pub url: String,
    pub reason: String,
}

/// Fetches and reads the page an entry links to (implemented over HTTP by
/// [`crate::fetch::PageFetcher`]; tests and offline runs can supply their own).
pub trait PageSource {
    /// The article on the page at `url`: its main text, title, date, author.
    fn page(&self, url: &str) -> Result<RawArticle, PageError>;
}

/// For a summary-only article with a URL, read the linked page: its text replaces
/// the summary when longer (the summary is kept in `metadata["summary"]`), and its
/// date and author fill in what the feed left out; the feed's title stays.
/// `Ok(false)`: nothing to do. On failure the summary stays and
/// `metadata["page_error"]` says why.
pub fn complete_from_page(
    article: &mut RawArticle,
    pages: &dyn PageSource,
) -> Result<bool, PageError> {
    if !is_summary_only(article) {
        return Ok(false);
    }
    let Some(url) = article.url.clone() else {
        return Ok(false);
    };
    match pages.page(&url) {
        Ok(page) => {
            if page.text.trim().chars().count() > article.text.trim().chars().count() {
                let summary = std::mem::replace(&mut article.text, page.text);
                if !summary.is_empty() {
                    article.metadata.insert("summary".into(), Value::from(summary));
                }
            }
            if article.title.is_none() {
                article.title = page.title;
            }
            if article.published.is_none() {
                article.published = page.published;
            }
            if article.author.is_none() {
                article.author = page.author;
            }
            article.metadata.insert("page_fetched".into(), Value::from(true));
            Ok(true)
        }
        Err(error) => {
            article.metadata.insert("page_error".into(), Value::from(error.reason.clone()));
            Err(error)
        }
    }
}
