//! `marsad annotations ID [--json]`: what ingest stored about one article — its entity
//! mentions, quotes, quantities and dates — with each span's text read from the stored
//! article, in the item shapes of `marsad analyze --json`.

use anyhow::{bail, Result};
use marsad_model::Span;
use marsad_store::{AnnotationStore, ArticleStore, SqliteStore, StoredSpeaker};
use serde::Serialize;

#[derive(Debug, Serialize)]
struct AnnotationsJson<'a> {
    id: i64,
    url: &'a str,
    /// The annotator version that stored them.
    version: i64,
    reference_date: Option<&'a str>,
    entities: Vec<EntityJson<'a>>,
    quotes: Vec<QuoteJson<'a>>,
    quantities: Vec<QuantityJson<'a>>,
    dates: Vec<DateJson<'a>>,
}

#[derive(Debug, Serialize)]
struct EntityJson<'a> {
    span: Span,
    text: &'a str,
    kind: &'a str,
    entity: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'a str>,
}

#[derive(Debug, Serialize)]
struct QuoteJson<'a> {
    span: Span,
    text: &'a str,
    direct: bool,
    cue: Option<&'a str>,
    speaker: Option<&'a StoredSpeaker>,
}

#[derive(Debug, Serialize)]
struct QuantityJson<'a> {
    span: Span,
    text: &'a str,
    value: f64,
    unit: Option<&'a str>,
    approximate: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    range: Option<[f64; 2]>,
}

#[derive(Debug, Serialize)]
struct DateJson<'a> {
    span: Span,
    text: &'a str,
    value: &'a str,
    precision: &'a str,
    relative: bool,
}

pub fn run(store: &SqliteStore, id: i64, json: bool) -> Result<()> {
    let Some(article) = store.article(id)? else {
        bail!("no article #{id} (see `marsad articles`)");
    };
    let Some(stored) = store.annotations(id)? else {
        bail!("article #{id} is not annotated yet (run `marsad ingest` without --no-annotate)");
    };
    let text = |span: Span| article.text.get(span.start..span.end).unwrap_or_default();
    let out = AnnotationsJson {
        id,
        url: &article.url,
        version: stored.version,
        reference_date: stored.reference_date.as_deref(),
        entities: stored
            .mentions
            .iter()
            .map(|m| EntityJson {
                span: m.span,
                text: text(m.span),
                kind: &m.kind,
                entity: &m.entity,
                role: m.role.as_deref(),
            })
            .collect(),
        quotes: stored
            .quotes
            .iter()
            .map(|q| QuoteJson {
                span: q.span,
                text: text(q.span),
                direct: q.direct,
                cue: q.cue.as_deref(),
                speaker: q.speaker.as_ref(),
            })
            .collect(),
        quantities: stored
            .quantities
            .iter()
            .map(|q| QuantityJson {
                span: q.span,
                text: text(q.span),
                value: q.value,
                unit: q.unit.as_deref(),
                approximate: q.approximate,
                range: q.range,
            })
            .collect(),
        dates: stored
            .dates
            .iter()
            .map(|d| DateJson {
                span: d.span,
                text: text(d.span),
                value: &d.value,
                precision: &d.precision,
                relative: d.relative,
            })
            .collect(),
    };
    if json {
        return super::print_json_line(&out);
    }
    say!(
        "#{id} {} (annotator v{}, reference date {})",
        article.title,
        out.version,
        out.reference_date.unwrap_or("—")
    );
    say!("\nentities:");
    for e in &out.entities {
        let role = e.role.map(|r| format!(" [{r}]")).unwrap_or_default();
        say!("  {:<4} {} → {}{role}", e.kind, e.text, e.entity);
    }
    say!("\nquotes:");
    for q in &out.quotes {
        let who = q.speaker.map(|s| s.entity.as_deref().unwrap_or(&s.text)).unwrap_or("?");
        say!("  {who} ({}): «{}»", q.cue.unwrap_or("…"), q.text);
    }
    say!("\nquantities:");
    for q in &out.quantities {
        say!("  {} = {} {}", q.text, q.value, q.unit.unwrap_or(""));
    }
    say!("\ndates:");
    for d in &out.dates {
        say!("  {} = {} ({})", d.text, d.value, d.precision);
    }
    Ok(())
}
