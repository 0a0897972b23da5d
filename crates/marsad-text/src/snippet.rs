//! Search-result excerpts with the matching words marked.

use crate::analyze::terms_into;
use crate::tokenize::{tokenize, TokenKind};
use marsad_model::Span;
use serde::Serialize;

/// An excerpt of an article around its best match for a query.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Snippet {
    /// The excerpt, cut on word boundaries, with "…" where text was cut.
    pub text: String,
    /// Byte spans of the matching words inside `text`.
    pub highlights: Vec<Span>,
}

const ELLIPSIS: &str = "…";

/// Excerpt of `text` (about `max_chars` chars) around the densest cluster of words whose stem is in `terms`
/// (terms as returned by `query_terms`). Falls back to the text's opening when nothing matches.
///
/// The window with the most distinct matched terms (then the most matches)
/// wins; about a third of the spare room goes before the first match. Line
/// breaks and whitespace runs become single spaces.
///
/// ```
/// let terms = marsad_text::query_terms("العراق");
/// let s = marsad_text::snippet("زار الوزير بغداد. وقال إن العراق شريك.", &terms, 20);
/// assert!(s.text.contains("العراق"));
/// assert_eq!(s.highlights.len(), 1);
/// ```
pub fn snippet(text: &str, terms: &[String], max_chars: usize) -> Snippet {
    let tokens = tokenize(text);
    if tokens.is_empty() {
        return Snippet { text: String::new(), highlights: Vec::new() };
    }
    // Char offsets of token starts and ends: the window is measured in chars.
    let mut char_pos = CharCounter::new(text);
    let mut starts = Vec::with_capacity(tokens.len());
    let mut ends = Vec::with_capacity(tokens.len());
    let mut matched: Vec<(usize, usize)> = Vec::new(); // (token index, term index)
    let mut term = String::new();
    for (i, t) in tokens.iter().enumerate() {
        starts.push(char_pos.at(t.span.start));
        ends.push(char_pos.at(t.span.end));
        if t.kind == TokenKind::Punct {
            continue;
        }
        term.clear();
        terms_into(t.kind, &t.norm, &mut term);
        if let Some(k) = term.split(' ').find_map(|p| terms.iter().position(|q| q == p)) {
            matched.push((i, k));
        }
    }
    let (first_tok, last_tok) = best_window(&matched, &starts, &ends, terms.len(), max_chars);
    let (window_start, window_end) = widen(&starts, &ends, first_tok, last_tok, max_chars);

    let Some(first) = tokens.get(window_start) else {
        return Snippet { text: String::new(), highlights: Vec::new() };
    };
    // Only whitespace and invisible marks lie outside tokens: starting and
    // ending on tokens trims them.
    let byte_start = first.span.start;
    let byte_end = tokens.get(window_end).map_or(text.len(), |t| t.span.end);
    let cut_start = window_start > 0;
    let cut_end = window_end + 1 < tokens.len();
    let marks: Vec<Span> = matched
        .iter()
        .filter(|(i, _)| (window_start..=window_end).contains(i))
        .filter_map(|(i, _)| tokens.get(*i).map(|t| t.span))
        .collect();
    render(text, byte_start, byte_end, cut_start, cut_end, &marks)
}

/// Token index range [first, last] of the best cluster of matches, or of the opening.
fn best_window(
    matched: &[(usize, usize)],
    starts: &[usize],
    ends: &[usize],
    n_terms: usize,
    max_chars: usize,
) -> (usize, usize) {
    let mut best: Option<((usize, usize), (usize, usize))> = None;
    let mut counts = vec![0usize; n_terms];
    let mut distinct = 0;
    let mut lo = 0;
    for hi in 0..matched.len() {
        let (ti, k) = matched[hi];
        if let Some(c) = counts.get_mut(k) {
            distinct += usize::from(*c == 0);
            *c += 1;
        }
        let end = ends.get(ti).copied().unwrap_or(0);
        while lo < hi {
            let start = matched.get(lo).and_then(|m| starts.get(m.0)).copied().unwrap_or(0);
            if end.saturating_sub(start) <= max_chars {
                break;
            }
            if let Some(c) = matched.get(lo).and_then(|m| counts.get_mut(m.1)) {
                *c -= 1;
                distinct -= usize::from(*c == 0);
            }
            lo += 1;
        }
        let score = (distinct, hi + 1 - lo);
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, (matched[lo].0, ti)));
        }
    }
    best.map_or((0, 0), |(_, w)| w)
}

/// Grow token range [first, last] to about `max_chars` chars, a third of the
/// spare room before it; stops at the text's ends.
fn widen(
    starts: &[usize],
    ends: &[usize],
    first: usize,
    last: usize,
    max_chars: usize,
) -> (usize, usize) {
    let n = starts.len().min(ends.len());
    if n == 0 {
        return (0, 0);
    }
    let first = first.min(n - 1);
    let (mut a, mut b) = (first, last.clamp(first, n - 1));
    let width = |a: usize, b: usize| ends[b].saturating_sub(starts[a]);
    let spare = max_chars.saturating_sub(width(a, b));
    let before_budget = spare / 3;
    while a > 0 && starts[first].saturating_sub(starts[a - 1]) <= before_budget {
        a -= 1;
    }
    while b + 1 < n && width(a, b + 1) <= max_chars {
        b += 1;
    }
    // Near the end of the text: give the unused room to the left side.
    while a > 0 && width(a - 1, b) <= max_chars {
        a -= 1;
    }
    (a, b)
}

/// The excerpt text with whitespace runs collapsed and highlights re-based.
fn render(
    text: &str,
    start: usize,
    end: usize,
    cut_start: bool,
    cut_end: bool,
    marks: &[Span],
) -> Snippet {
    let slice = text.get(start..end).unwrap_or("");
    let mut out = String::with_capacity(slice.len() + 2 * ELLIPSIS.len());
    if cut_start {
        out.push_str(ELLIPSIS);
    }
    let mut highlights = Vec::with_capacity(marks.len());
    let mut mark_iter = marks.iter().peekable();
    let mut open: Option<(usize, usize)> = None; // (out start, original end)
    let mut in_space = false;
    let mut emitted = false;
    for (i, c) in slice.char_indices() {
        let at = start + i;
        if let Some((s, e)) = open {
            if at >= e {
                highlights.push(Span::new(s, out.len()));
                open = None;
            }
        }
        if c.is_whitespace() {
            in_space = true;
            continue;
        }
        if in_space && emitted {
            out.push(' ');
        }
        in_space = false;
        emitted = true;
        while let Some(m) = mark_iter.peek() {
            if m.start > at {
                break;
            }
            if m.start == at && open.is_none() {
                open = Some((out.len(), m.end));
            }
            mark_iter.next();
        }
        out.push(c);
    }
    if let Some((s, _)) = open {
        highlights.push(Span::new(s, out.len()));
    }
    if cut_end {
        out.push_str(ELLIPSIS);
    }
    Snippet { text: out, highlights }
}

/// Byte offset → char offset, for offsets asked in increasing order.
struct CharCounter<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharCounter<'a> {
    fn new(text: &'a str) -> Self {
        CharCounter { text, byte: 0, chars: 0 }
    }

    fn at(&mut self, byte: usize) -> usize {
        if byte > self.byte {
            let skipped = self.text.get(self.byte..byte).map_or(0, |s| s.chars().count());
            self.chars += skipped;
            self.byte = byte;
        }
        // Token ends can go backwards (ligature expansions share a span): an
        // approximate count is fine for window sizing.
        self.chars
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query_terms;

    fn marked(s: &Snippet) -> Vec<&str> {
        s.highlights.iter().map(|h| h.slice(&s.text)).collect()
    }

    #[test]
    fn whole_short_text_with_highlights() {
        let text = "زار الوزير العراق، وقال إن العراقيين شركاء.";
        let s = snippet(text, &query_terms("العراق"), 200);
        assert_eq!(s.text, text);
        assert_eq!(marked(&s), ["العراق", "العراقيين"]);
    }

    #[test]
    fn window_around_the_densest_cluster() {
        let filler = "كلام عام لا علاقة له بالموضوع ".repeat(20);
        let text = format!("{filler}وصل وزير الدفاع إلى بغداد لبحث التعاون مع بغداد. {filler}");
        let s = snippet(&text, &query_terms("وزير بغداد"), 80);
        assert!(s.text.starts_with('…') && s.text.ends_with('…'), "{}", s.text);
        assert_eq!(marked(&s), ["وزير", "بغداد", "بغداد"]);
        assert!(s.text.chars().count() <= 80 + 2, "{}", s.text.chars().count());
    }

    #[test]
    fn falls_back_to_the_opening() {
        let text = format!("البداية هنا {}", "ثم نص طويل ".repeat(50));
        let s = snippet(&text, &query_terms("مفقود"), 30);
        assert!(s.text.starts_with("البداية هنا"));
        assert!(s.text.ends_with('…'));
        assert!(s.highlights.is_empty());
    }

    #[test]
    fn whitespace_is_collapsed() {
        let text = "\u{FEFF}\r\n سطر أول\r\n\r\n  العراق   هنا \n";
        let s = snippet(text, &query_terms("العراق"), 100);
        assert_eq!(s.text, "سطر أول العراق هنا");
        assert_eq!(marked(&s), ["العراق"]);
    }

    #[test]
    fn numbers_and_latin_match_their_terms() {
        let text = "أكثر من ٤٫٥ مليون وفق NASA.";
        let s = snippet(text, &query_terms("4.5 nasa"), 100);
        assert_eq!(marked(&s), ["٤٫٥", "NASA"]);
    }

    #[test]
    fn odd_input_never_panics() {
        assert_eq!(snippet("", &[], 10).text, "");
        let s = snippet("العراق", &query_terms("العراق"), 0);
        assert_eq!(marked(&s), ["العراق"]);
        let s = snippet("\u{FDFA} \u{FEFB}", &query_terms("الله"), 3);
        assert!(s.highlights.iter().all(|h| s.text.get(h.start..h.end).is_some()));
    }
}
