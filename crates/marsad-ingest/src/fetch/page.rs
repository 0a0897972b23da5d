//! URLs as inputs: fetch, then hand the body to the reader it needs — an HTML
//! page to the HTML reader, a feed to the feed reader (with the linked pages of
//! summary-only entries fetched too), anything else becomes a problem.

use marsad_model::{RawArticle, ReadProblem};

use super::body::{body_kind, decode_page, BodyKind};
use super::client::{Fetched, Fetcher, Page, Validators};
use crate::feed::{
    complete_from_page, is_summary_only, read_feed, FeedSource, PageError, PageSource,
};
use crate::fields::url_host;
use crate::{html, ReadEvent, ReadOptions};

/// Fetch `url` and read what it holds, streaming articles and problems to `sink`
/// (as `read_inputs` does for a path). Records are named after `url` (`URL#N` for
/// a feed's entries).
pub fn read_url(
    url: &str,
    fetcher: &Fetcher,
    options: &ReadOptions,
    sink: &mut dyn FnMut(ReadEvent),
) {
    let problem = |reason: String| ReadEvent::Problem(ReadProblem::new(url, None, reason));
    let page = match fetcher.get(url, &Validators::default()) {
        Ok(Fetched::Page(page)) => page,
        Ok(Fetched::NotModified { .. }) => return sink(problem("not modified (HTTP 304)".into())),
        Err(error) => return sink(problem(error.reason())),
    };
    match body_kind(&page) {
        BodyKind::Html => match page_article(&page, options) {
            Ok(article) => sink(ReadEvent::Article(article)),
            Err(reason) => sink(problem(reason)),
        },
        BodyKind::XmlFeed | BodyKind::JsonFeed => {
            let source = FeedSource {
                name: url.to_owned(),
                url: Some(page.url.clone()),
                fallback_outlet: None,
            };
            let articles = read_fetched_feed(&page, &source, fetcher, options, sink);
            for article in articles {
                sink(ReadEvent::Article(article));
            }
        }
        BodyKind::Other => sink(problem(format!(
            "not an HTML page or a feed (Content-Type: {})",
            page.content_type.as_deref().unwrap_or("none")
        ))),
    }
}

/// Read a fetched feed: problems go to `sink` at once, articles are returned with
/// the pages of summary-only entries fetched (at most `max_pages_per_feed`).
pub fn read_fetched_feed(
    page: &Page,
    source: &FeedSource,
    fetcher: &Fetcher,
    options: &ReadOptions,
    sink: &mut dyn FnMut(ReadEvent),
) -> Vec<RawArticle> {
    let mut articles = Vec::new();
    read_feed(&page.body, page.charset.as_deref(), source, options, &mut |event| match event {
        ReadEvent::Article(article) => articles.push(article),
        other => sink(other),
    });
    let pages = PageFetcher { fetcher, options };
    let budget = fetcher.options().max_pages_per_feed;
    let mut fetched = 0usize;
    for article in &mut articles {
        if !is_summary_only(article) || article.url.is_none() {
            continue;
        }
        if fetched >= budget {
            article.metadata.insert(
                "page_error".into(),
                format!("not fetched: limit of {budget} pages per feed reached").into(),
            );
            continue;
        }
        fetched += 1;
        // A failure is recorded in the article's metadata; the summary stays its text.
        let _ = complete_from_page(article, &pages);
    }
    articles
}

/// Reads linked pages over HTTP for [`complete_from_page`].
#[derive(Debug, Clone, Copy)]
pub struct PageFetcher<'a> {
    pub fetcher: &'a Fetcher,
    pub options: &'a ReadOptions,
}

impl PageSource for PageFetcher<'_> {
    fn page(&self, url: &str) -> Result<RawArticle, PageError> {
        let error = |reason: String| PageError { url: url.to_owned(), reason };
        match self.fetcher.get(url, &Validators::default()) {
            Ok(Fetched::Page(page)) => match body_kind(&page) {
                BodyKind::Html => page_article(&page, self.options).map_err(error),
                _ => Err(error(format!(
                    "not an HTML page (Content-Type: {})",
                    page.content_type.as_deref().unwrap_or("none")
                ))),
            },
            Ok(Fetched::NotModified { .. }) => Err(error("not modified (HTTP 304)".into())),
            Err(e) => Err(error(e.reason())),
        }
    }
}

/// A fetched HTML page to an article: origin is the final URL, which is also the
/// article's URL unless the page names a canonical one.
pub fn page_article(page: &Page, options: &ReadOptions) -> Result<RawArticle, String> {
    if page.body.len() > options.max_record_bytes {
        return Err(format!(
            "record too large: {} bytes (limit {})",
            page.body.len(),
            options.max_record_bytes
        ));
    }
    let text = decode_page(&page.body, page.charset.as_deref()).map_err(|e| {
        let declared = page.content_type.as_deref().unwrap_or("no Content-Type");
        format!("{e} (served as {declared})")
    })?;
    let mut article = html::html_article(&text, page.url.clone(), url_host(&page.url))
        .map_err(|e| e.to_string())?;
    if article.url.is_none() {
        article.url = Some(page.url.clone());
    }
    Ok(article)
}
