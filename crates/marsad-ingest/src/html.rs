//! HTML pages (`.html`/`.htm` files, sniffed streams, fetched pages) to articles,
//! through main-text extraction ([`crate::extract`](mod@crate::extract)).
//!
//! The article's `text` is the page's main text (one paragraph per line, the
//! headline not repeated), `title` the page title, `url` its canonical URL,
//! `outlet` its site name (else the URL's host, else the folder), `published`
//! and `author` as found in the metadata. `metadata` gets `language`,
//! `direction` (`rtl`/`ltr`), `modified` (RFC 3339) and `description` when the
//! page has them.

use marsad_model::RawArticle;
use serde_json::Value;

use crate::extract::{extract_str, ExtractError};
use crate::fields::url_host;

pub use crate::extract::{nesting_estimate, MAX_NESTING};

/// The article for an HTML page's decoded text. When `origin` is an
/// `http(s)://` URL (a fetched page) it is the page's URL, used for dates in
/// the path and as the canonical URL when the page names none.
pub(crate) fn html_article(
    source: &str,
    origin: String,
    outlet: Option<String>,
) -> Result<RawArticle, ExtractError> {
    let lower = origin.get(..8).unwrap_or(&origin).to_ascii_lowercase();
    let url =
        (lower.starts_with("http://") || lower.starts_with("https://")).then_some(origin.as_str());
    let page = extract_str(source, url)?;
    let mut article = RawArticle::new(origin.clone(), page.text);
    article.title = page.title;
    article.outlet =
        page.site_name.or_else(|| page.canonical_url.as_deref().and_then(url_host)).or(outlet);
    article.url = page.canonical_url;
    article.published = page.published;
    article.author = page.author;
    let metadata = &mut article.metadata;
    if let Some(language) = page.language {
        metadata.insert("language".into(), Value::String(language));
    }
    if let Some(direction) = page.direction {
        metadata.insert("direction".into(), serde_json::to_value(direction).unwrap_or(Value::Null));
    }
    if let Some(modified) = page.modified {
        metadata.insert("modified".into(), Value::String(modified.to_rfc3339()));
    }
    if let Some(description) = page.description {
        metadata.insert("description".into(), Value::String(description));
    }
    Ok(article)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_to_article() {
        let html = r#"<!doctype html><html lang="ar" dir="rtl"><head><title>عنوان الخبر - الحياة</title>
            <meta property="og:site_name" content="الحياة">
            <link rel="canonical" href="https://www.example.com/a/1">
            <meta property="article:published_time" content="2021-07-26T10:00:00+03:00">
            <meta property="article:modified_time" content="2021-07-26T12:00:00+03:00">
            <meta name="description" content="ملخص">
            <meta name="author" content="كاتب"></head>
            <body><nav><a href="/">الرئيسية</a> <a href="/s">أخبار</a></nav>
            <article><h1>عنوان الخبر</h1>
            <p>قال وزير الخارجية إن المحادثات التي جرت اليوم كانت بناءة ومفيدة للطرفين.</p>
            <p>وأضاف أن الجانبين اتفقا على مواصلة الحوار خلال الأسابيع المقبلة في بغداد.</p>
            </article><footer>جميع الحقوق محفوظة</footer></body></html>"#;
        let a = html_article(html, "page.html".into(), Some("folder".into())).unwrap();
        assert_eq!(a.title.as_deref(), Some("عنوان الخبر"));
        assert_eq!(a.url.as_deref(), Some("https://www.example.com/a/1"));
        assert_eq!(a.outlet.as_deref(), Some("الحياة"));
        assert_eq!(a.author.as_deref(), Some("كاتب"));
        assert_eq!(a.published.unwrap().to_rfc3339(), "2021-07-26T10:00:00+03:00");
        assert_eq!(a.text.lines().count(), 2, "{}", a.text);
        assert!(a.text.starts_with("قال وزير الخارجية"));
        assert_eq!(a.metadata["language"], "ar");
        assert_eq!(a.metadata["direction"], "rtl");
        assert_eq!(a.metadata["modified"], "2021-07-26T12:00:00+03:00");
        assert_eq!(a.metadata["description"], "ملخص");
    }

    #[test]
    fn fetched_page_uses_its_url() {
        let html = "<title>t</title><p>نص قصير</p>";
        let a = html_article(html, "https://news.example.com/2023/08/07/x".into(), None).unwrap();
        assert_eq!(a.url.as_deref(), Some("https://news.example.com/2023/08/07/x"));
        assert_eq!(a.outlet.as_deref(), Some("news.example.com"));
        assert_eq!(a.published.unwrap().to_rfc3339(), "2023-08-07T00:00:00+00:00");
    }

    #[test]
    fn deep_nesting_is_refused() {
        let deep = format!("{}x{}", "<div>".repeat(1_000_000), "</div>".repeat(1_000_000));
        assert_eq!(html_article(&deep, "d.html".into(), None), Err(ExtractError::TooDeep));
        let ok = format!("{}x{}", "<div>".repeat(MAX_NESTING), "</div>".repeat(MAX_NESTING));
        assert_eq!(html_article(&ok, "o.html".into(), None).unwrap().text, "x");
    }
}
