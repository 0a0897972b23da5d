//! `analyze`: one article's annotations, no database. The JSON shape is the
//! contract in DESIGN.md (`marsad analyze --json`); later annotators add fields.

use marsad_annotate::entities::EntityMention;
use marsad_model::{Published, RawArticle, Span};
use marsad_text::furniture::NoLearnedLines;
use marsad_text::{RemovedBlock, TokenKind};
use serde::Serialize;

/// One article's annotations. Every span is `[start, end]` in bytes of `text`.
#[derive(Debug, Clone, Serialize)]
pub struct Analysis {
    pub title: String,
    pub text: String,
    pub published: Option<Published>,
    pub url: String,
    pub outlet: Option<String>,
    /// Search form of `text` (see marsad-text); offsets differ from `text`.
    pub normalized: String,
    pub tokens: Vec<AnalyzedToken>,
    pub sentences: Vec<TextSpan>,
    pub paragraphs: Vec<TextSpan>,
    /// Page furniture taken out before analysis (fixed rules only: no database), with
    /// spans into the text as read, so `text` is what ingest would store.
    pub furniture: Vec<RemovedBlock>,
    /// Named entities (spans into `text`), with their canonical name in the article.
    pub entities: Vec<EntityMention>,
    pub quotes: Vec<marsad_annotate::quotes::Quote>,
    pub quantities: Vec<marsad_annotate::quantities::Quantity>,
    pub dates: Vec<marsad_annotate::dates::DateMention>,
    /// (+) The date relative dates were resolved against: `published`, else the
    /// dateline's date, else the latest full date in the text.
    pub reference_date: Option<chrono::NaiveDate>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AnalyzedToken {
    pub span: Span,
    pub text: String,
    pub kind: TokenKind,
    /// Normalized form.
    pub norm: String,
    /// Index term (clitics stripped, stemmed) for words; the normalized form otherwise.
    pub stem: String,
    pub stopword: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct TextSpan {
    pub span: Span,
    pub text: String,
}

/// Annotate one article as read from a file (title derived when it has none).
pub fn analyze(raw: &RawArticle) -> Analysis {
    let cleaned = marsad_text::strip_furniture(&raw.text, &NoLearnedLines);
    let text: &str = &cleaned.text;
    let tokens = marsad_text::tokenize(text)
        .into_iter()
        .map(|token| {
            let is_word = token.kind == TokenKind::Word;
            AnalyzedToken {
                text: token.span.slice(text).to_owned(),
                stem: if is_word { marsad_text::stem(&token.norm) } else { token.norm.clone() },
                stopword: is_word && marsad_text::is_stopword(&token.norm),
                span: token.span,
                kind: token.kind,
                norm: token.norm,
            }
        })
        .collect();
    let spans_with_text = |spans: Vec<Span>| {
        spans.into_iter().map(|span| TextSpan { text: span.slice(text).to_owned(), span }).collect()
    };
    // The shipped model always loads (a test holds it); if it did not, no entities.
    let entities = marsad_annotate::entities::annotate_entities(text).unwrap_or_default();
    // Speakers resolve through the entity mentions (أوستن → لويد أوستن).
    let annotations =
        marsad_annotate::annotate(text, raw.published.map(|p| p.date_naive()), &entities);
    Analysis {
        title: crate::prepare::final_title(raw),
        // No date in the metadata: the dateline's, at midnight UTC (issue 7).
        published: raw.published.or_else(|| crate::prepare::dateline_published(text)),
        url: raw.locator().to_owned(),
        outlet: raw.outlet.clone(),
        normalized: marsad_text::normalize_str(text),
        tokens,
        sentences: spans_with_text(marsad_text::sentences(text)),
        paragraphs: spans_with_text(marsad_text::paragraphs(text)),
        entities,
        text: text.to_owned(),
        furniture: cleaned.removed,
        quotes: annotations.quotes,
        quantities: annotations.quantities,
        dates: annotations.dates,
        reference_date: annotations.reference_date,
    }
}
