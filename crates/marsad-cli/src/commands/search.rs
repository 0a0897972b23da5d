use std::io::IsTerminal;

use anyhow::Result;
use marsad_store::{ArticleStore, SqliteStore};
use marsad_text::Snippet;
use serde::Serialize;

/// Characters of context shown around a match.
const SNIPPET_CHARS: usize = 200;

/// The JSON Lines shape of `marsad search --json`.
#[derive(Debug, Serialize)]
struct SearchLine<'a> {
    id: i64,
    url: &'a str,
    outlet: &'a str,
    title: &'a str,
    published: Option<String>,
    score: f64,
    duplicate_of: Option<i64>,
    snippet: &'a str,
    /// Byte spans of the matching words inside `snippet`.
    highlights: &'a [marsad_model::Span],
}

pub fn run(store: &SqliteStore, query: &str, json: bool, limit: usize) -> Result<()> {
    let terms = marsad_text::query_terms(query);
    if terms.is_empty() {
        anyhow::bail!("the query {query:?} has no words to search for");
    }
    let hits = store.search(&terms, limit)?;
    let bold = !json && std::io::stdout().is_terminal();
    if hits.is_empty() && !json {
        say!("no articles match {query:?}");
    }
    for (rank, hit) in hits.iter().enumerate() {
        let article = &hit.article;
        let snippet = marsad_text::snippet(&article.text, &terms, SNIPPET_CHARS);
        if json {
            super::print_json_line(&SearchLine {
                id: article.id,
                url: &article.url,
                outlet: &article.outlet,
                title: &article.title,
                published: article.published.map(|date| date.to_rfc3339()),
                score: hit.score,
                duplicate_of: article.duplicate_of,
                snippet: &snippet.text,
                highlights: &snippet.highlights,
            })?;
        } else {
            say!(
                "{}. #{} {} — {} ({})",
                rank + 1,
                article.id,
                article.title,
                article.outlet,
                super::human_date(article.published.as_ref())
            );
            say!("   {}", marked(&snippet, bold));
            say!("   {}", article.url);
        }
    }
    Ok(())
}

/// The snippet with its matches in bold (terminal) or between [ ] (pipes, files).
fn marked(snippet: &Snippet, bold: bool) -> String {
    let (open, close) = if bold { ("\x1b[1m", "\x1b[0m") } else { ("[", "]") };
    let mut out = String::with_capacity(snippet.text.len() + 8 * snippet.highlights.len());
    let mut at = 0;
    for span in &snippet.highlights {
        if span.start < at || snippet.text.get(span.start..span.end).is_none() {
            continue;
        }
        out.push_str(&snippet.text[at..span.start]);
        out.push_str(open);
        out.push_str(&snippet.text[span.start..span.end]);
        out.push_str(close);
        at = span.end;
    }
    out.push_str(&snippet.text[at..]);
    out.replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use marsad_model::Span;

    #[test]
    fn matches_are_bracketed_when_not_on_a_terminal() {
        let snippet = Snippet {
            text: "في العراق اليوم".into(),
            highlights: vec![Span::new(5, 17)],
        };
        assert_eq!(marked(&snippet, false), "في [العراق] اليوم");
    }
}
