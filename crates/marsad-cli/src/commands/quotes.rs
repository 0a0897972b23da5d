//! `marsad quotes`: who said what across the stored articles. For now an in-memory
//! pass like `marsad entities`: each stored article (exact copies skipped) is
//! annotated again (in parallel): entity mentions first, then quotes with speakers
//! resolved through them; storing quotes per article comes with the database step.
//! `--speaker NAME` keeps the quotes whose speaker's name (canonical or as written)
//! contains NAME after normalization; `--story ID` reads one story's members only.

use anyhow::{Context, Result};
use marsad_annotate::entities::{annotate_entities, NerModel};
use marsad_annotate::quotes::Quote;
use marsad_model::{Article, Published};
use marsad_store::{ArticleFilter, ArticleStore, SqliteStore};
use rayon::prelude::*;
use serde::Serialize;

/// One quote with the article it is in (`marsad quotes --json`).
#[derive(Debug, Serialize)]
struct QuoteLine<'a> {
    article: i64,
    url: &'a str,
    outlet: &'a str,
    published: Option<&'a Published>,
    #[serde(flatten)]
    quote: &'a Quote,
}

pub fn run(
    store: &SqliteStore,
    json: bool,
    speaker: Option<&str>,
    story: Option<i64>,
    limit: usize,
) -> Result<()> {
    NerModel::shipped().context("loading the shipped NER model")?;
    let articles = match story {
        None => store.articles(&ArticleFilter { outlet: None, limit: None })?,
        Some(id) => super::entities::story_articles(store, id, None)?,
    };
    let originals: Vec<&Article> = articles.iter().filter(|a| a.duplicate_of.is_none()).collect();
    let wanted = speaker.map(marsad_text::normalize_str);
    let quotes: Vec<Vec<Quote>> = originals
        .par_iter()
        .map(|a| {
            let mentions = annotate_entities(&a.text).unwrap_or_default();
            let published = a.published.map(|p| p.date_naive());
            let mut quotes = marsad_annotate::annotate(&a.text, published, &mentions).quotes;
            if let Some(name) = &wanted {
                quotes.retain(|q| said_by(q, name));
            }
            quotes
        })
        .collect();
    let found = originals.iter().zip(&quotes).flat_map(|(a, qs)| qs.iter().map(move |q| (*a, q)));
    for (article, quote) in found.take(limit) {
        if json {
            super::print_json_line(&QuoteLine {
                article: article.id,
                url: &article.url,
                outlet: &article.outlet,
                published: article.published.as_ref(),
                quote,
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
                one_line(&quote.text)
            );
        }
    }
    Ok(())
}

/// Whether the speaker's canonical name or the name as written contains `name`
/// (both normalized).
fn said_by(quote: &Quote, name: &str) -> bool {
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
