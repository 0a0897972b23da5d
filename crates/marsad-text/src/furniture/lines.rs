//! Lines of a text as the rules see them: content, bullets, headline-like items.

use super::*;

/// Whether a line ends like a sentence: . ! ? ؟ … before any closing quotes or brackets.
pub(super) fn ends_like_sentence(content: &str) -> bool {
    let core = content.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '”' | '»' | ')' | '’' | '\'' | ']')
    });
    core.ends_with(['.', '!', '?', '؟', '…'])
}

/// The text of a bulleted or numbered list item, without its bullet.
pub(super) fn bullet_item(content: &str) -> Option<&str> {
    const BULLETS: &[char] = &['•', '·', '‣', '▪', '■', '●', '◦', '►', '▸', '-', '*', '–', '—'];
    let first = content.chars().next()?;
    let rest = if BULLETS.contains(&first) {
        content.trim_start_matches(BULLETS)
    } else if first.is_ascii_digit() || ('٠'..='٩').contains(&first) {
        let after_digits =
            content.trim_start_matches(|c: char| c.is_ascii_digit() || ('٠'..='٩').contains(&c));
        let digits = content.len() - after_digits.len();
        // One to three digits (at most 2 bytes each), then a list separator.
        if digits > 6 {
            return None;
        }
        let after = after_digits.trim_start();
        after.strip_prefix(['.', ')', '-', '–', '/'])?
    } else {
        return None;
    };
    let item = rest.trim();
    (!item.is_empty() && rest.len() < content.len()).then_some(item)
}

/// An item that reads like a headline: a few words, no "key: value", not a sentence.
pub(super) fn headline_like(item: &str) -> bool {
    let words = item.split_whitespace().count();
    (MIN_HEADLINE_WORDS..=MAX_HEADLINE_WORDS).contains(&words)
        && !item.contains(':')
        && !item.trim_end().ends_with(['.', '!', '؛', ':', '،', ',', ';'])
}

/// One line of the input.
#[derive(Debug)]
pub(super) struct Line {
    /// Byte offset of the line's first byte.
    pub(super) start: usize,
    /// Byte offset just past its line break (the next line's start).
    pub(super) next: usize,
    /// The line without surrounding whitespace.
    pub(super) content: Span,
    /// Only whitespace: the one kind of line that may go without being accounted for
    /// in a block (rules like "* * *" are lines like any other).
    pub(super) blank: bool,
    /// Whitespace-separated words, counted up to MIN_LONG_LINE_WORDS (all any rule needs).
    pub(super) words: usize,
    /// Reads like a paragraph of report.
    pub(super) prose: bool,
    pub(super) marker: Option<MarkerMatch>,
    pub(super) bullet: bool,
}

pub(super) fn split_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let next = start + piece.len();
        let body = piece.trim_end_matches(['\n', '\r']);
        let lead = body.len() - body.trim_start().len();
        let content = Span::new(start + lead, start + lead + body.trim().len());
        let slice = content.slice(text);
        let blank = slice.is_empty();
        let words = slice.split_whitespace().take(MIN_LONG_LINE_WORDS).count();
        let prose = !blank
            && (words >= MIN_LONG_LINE_WORDS
                || (words >= MIN_SENTENCE_WORDS && ends_like_sentence(slice)));
        lines.push(Line {
            start,
            next,
            content,
            blank,
            words,
            prose,
            marker: if blank || prose { None } else { match_marker(slice) },
            bullet: !blank && bullet_item(slice).is_some(),
        });
        start = next;
    }
    lines
}
