//! `marsad quotes`: who said what across the stored articles, as ingest stored it
//! (each quote with its span, cue and speaker resolved through the article's entity
//! mentions; exact copies left out). `--speaker NAME` keeps the quotes whose
//! speaker's name (canonical or as written) contains NAME after normalization;
//! `--story ID` reads one story's members only.

use std::collections::hash_map::Entry;
use std::collections::HashMap;

use anyhow::Result;
use marsad_model::{Article, Published, Span};
use marsad_store::{
    AnnotationStore, ArticleQuote, ArticleStore, QuoteFilter, SqliteStore, StoredQuote,
    StoredSpeaker,
};
use serde::Serialize;

/// One quote with the article it is in (`marsad quotes --json`).
#[derive(Debug, Serialize)]
struct QuoteLine<'a> {
    article: i64,
    url: &'a str,
    outlet: &'a str,
    published: Option<&'a Published>,
    span: Span,
    text: &'a str,
    direct: bool,
    cue: Option<&'a str>,
    speaker: Option<&'a StoredSpeaker>,
}

pub fn run(
    store: &SqliteStore,
    json: bool,
    speaker: Option<&str>,
    story: Option<i64>,
    limit: usize,
) -> Result<()> {
    let members: Option<Vec<i64>> = match story {
        None => None,
        Some(id) => Some(super::stories::member_ids(store, id, None)?),
    };
    let filter = QuoteFilter { articles: members.as_deref(), originals_only: true };
    let wanted = speaker.map(marsad_text::normalize_str);
    let found: Vec<ArticleQuote> = store
        .quotes(&filter)?
        .into_iter()
        .filter(|q| wanted.as_deref().is_none_or(|name| said_by(&q.quote, name)))
        .take(limit)
        .collect();
    let mut articles: HashMap<i64, Article> = HashMap::new();
    for q in &found {
        if let Entry::Vacant(slot) = articles.entry(q.article) {
            if let Some(article) = store.article(q.article)? {
                slot.insert(article);
            }
        }
    }
    for ArticleQuote { article, quote } in &found {
        let Some(article) = articles.get(article) else { continue };
        let text = article.text.get(quote.span.start..quote.span.end).unwrap_or_default();
        if json {
            super::print_json_line(&QuoteLine {
                article: article.id,
                url: &article.url,
                outlet: &article.outlet,
                published: article.published.as_ref(),
                span: quote.span,
                text,
                direct: quote.direct,
                cue: quote.cue.as_deref(),
                speaker: quote.speaker.as_ref(),
            })?;
        } else {
            let who = quote
                .speaker
                .as_ref()
                .map(|s| s.entity.as_deref().unwrap_or(&s.text))
                .unwrap_or("(speaker unknown)");
            let how = if quote.direct { "said" } else { "said that" };
            say!(
                "#{:<6} {} {:<12} {who} {how}: «{}»",
                article.id,
                super::human_date(article.published.as_ref()),
                article.outlet,
                one_line(text)
            );
        }
    }
    Ok(())
}

/// Whether the speaker's canonical name or the name as written contains `name`
/// (both normalized).
fn said_by(quote: &StoredQuote, name: &str) -> bool {
    quote.speaker.as_ref().is_some_and(|s| {
        s.entity
            .iter()
            .chain(std::iter::once(&s.text))
            .any(|n| marsad_text::normalize_str(n).contains(name))
    })
}

/// The quote on one line, cut at 200 characters.
fn one_line(text: &str) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.char_indices().nth(200) {
        Some((cut, _)) => format!("{} …", &flat[..cut]),
        None => flat,
    }
}
