//! Page furniture in plain text: the blocks a web page wraps around an article
//! («اقرأ أيضاً», «مقالات مشابهة», tags, share buttons, «زر الذهاب إلى الأعلى»,
//! lists of other headlines, an outlet's standing footer lines) that exports and
//! scrapers leave in the text.
//!
//! Input: one article's text, and what the caller has learned about its outlet
//! ([`LearnedLines`]: lines that recur across many of the outlet's articles).
//! Output: [`Cleaned`]: the text without its furniture — a concatenation of slices of
//! the input, byte for byte, trailing whitespace trimmed — the removed blocks with
//! their byte [`Span`]s in the input and a reason, and the source credits found at
//! the end («المصدر: واس» → `واس`), which are information to keep as metadata.
//!
//! Rules (markers are listed in `furniture_markers.txt`, matched on whole lines in
//! the search form, so hamza/alef forms and harakat do not matter):
//! - a trailing block starts at an `end` marker line («مقالات مشابهة», «الوسوم»,
//!   «شارك» ...) that lies in the second half of the text, after some report, when
//!   everything after it is furniture: other markers, short lines, lists, or text
//!   introduced by «اقرأ أيضا». It is removed to the end, one [`RemovedBlock`] per
//!   marker;
//! - any other marker line is inline: only that line goes (with the headline under a
//!   bare «اقرأ أيضا», or the bulleted list under a bare `end` marker);
//! - a source credit («المصدر: …») goes when it ends the article (only furniture
//!   after it) and is returned in [`Cleaned::credits`]; elsewhere it stays;
//! - a trailing list of at least three bulleted or numbered headlines that follows
//!   the last paragraph directly goes (a list introduced by a heading or a line
//!   ending with ':' is content and stays);
//! - learned lines go wherever they are, except in the header (bylines and
//!   datelines above the first paragraph, which carry information); a learned line
//!   in the second half followed only by learned or tiny lines starts a trailing
//!   block.
//!
//! Conservative by design: text before a trailing block's first marker always stays,
//! and when in doubt a line is kept.
//!
//! ```
//! use marsad_text::furniture::{strip_furniture, NoLearnedLines};
//!
//! let text = "قال الوزير إن المحادثات كانت مثمرة جدا وإن البلدين سيواصلان التعاون.\n\
//!             وأضاف أن الجولة المقبلة من الحوار ستعقد في بغداد خلال الشهر المقبل.\n\
//!             المصدر: واس\n\
//!             إقرأ أيضاً:\n\
//!             عنوان خبر آخر";
//! let cleaned = strip_furniture(text, &NoLearnedLines);
//! assert!(cleaned.text.ends_with("خلال الشهر المقبل."));
//! assert_eq!(cleaned.credits, ["واس"]);
//! assert_eq!(cleaned.removed[0].reason, "source credit");
//! let block = &cleaned.removed[1];
//! assert_eq!(block.reason, "marker: اقرأ أيضا");
//! assert_eq!(block.span.slice(text), block.text);
//! ```

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::OnceLock;

use marsad_model::Span;
use serde::{Deserialize, Serialize};

use crate::analyze::content_hash_of_normalized;
use crate::normalize::{fold, normalize_str, Fold};

/// Lines longer than this (in chars, as written and in the search form) are never
/// learned: they are paragraphs.
pub const MAX_LEARNED_LINE_CHARS: usize = 200;
/// Lines of fewer words are never learned (section labels, lone words).
pub const MIN_LEARNED_LINE_WORDS: usize = 2;

/// Reason of a removed source credit.
pub const REASON_CREDIT: &str = "source credit";
/// Reason of a removed trailing list of headlines.
pub const REASON_HEADLINE_LIST: &str = "headline list";
/// Reason of a removed line the caller learned from the outlet's other articles.
pub const REASON_LEARNED: &str = "repeated line (outlet)";

/// Lines longer than this (bytes) are not compared with the markers.
const MAX_MARKER_LINE_BYTES: usize = 600;
/// Words allowed after an `end+`/`link+` phrase with ':' or '-' between.
const MAX_REMAINDER_WORDS: usize = 30;
/// Words allowed after an `end+` phrase with only a space between
/// («تابعونا على تويتر وفيسبوك»); a `link+` phrase allows a headline.
const MAX_BARE_END_REMAINDER_WORDS: usize = 6;
const MAX_BARE_LINK_REMAINDER_WORDS: usize = 20;
/// Words allowed after «المصدر:».
const MAX_CREDIT_WORDS: usize = 8;
/// Words allowed after «خدمة» (a `credit` phrase without ':').
const MAX_BARE_CREDIT_WORDS: usize = 4;
/// A line of prose ends like a sentence and has at least this many words, or is long.
const MIN_SENTENCE_WORDS: usize = 8;
const MIN_LONG_LINE_WORDS: usize = 30;
/// At most this many words: a time stamp or a signature under a learned footer.
const MAX_TINY_WORDS: usize = 4;
/// Trailing headline lists: at least this many items of this many words.
const MIN_LIST_ITEMS: usize = 3;
const MIN_HEADLINE_WORDS: usize = 3;
const MAX_HEADLINE_WORDS: usize = 25;

/// One block of furniture taken out of a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemovedBlock {
    /// Byte span in the ORIGINAL input: `span.slice(input) == text`.
    pub span: Span,
    pub text: String,
    /// Why: `marker: <phrase>`, [`REASON_CREDIT`], [`REASON_HEADLINE_LIST`] or [`REASON_LEARNED`].
    pub reason: String,
}

/// A text without its furniture.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cleaned<'t> {
    /// The kept text: slices of the input, byte for byte, trailing whitespace trimmed;
    /// the input itself, borrowed, when nothing was removed.
    pub text: Cow<'t, str>,
    /// Removed blocks, in text order.
    pub removed: Vec<RemovedBlock>,
    /// Source credits found at the end («المصدر: واس» → `واس`), in text order.
    pub credits: Vec<String>,
}

/// What the caller learned about the article's outlet: lines that recur across many
/// of its articles (footers, app promotions, contact lines).
///
/// Implemented by closures over the line text, and by a `HashSet<String>` of
/// [`line_hash`]es.
pub trait LearnedLines {
    /// Whether `line` (one line of the text, trimmed; `hash` is its [`line_hash`]) is a
    /// learned repeat. Asked only for lines that have a [`line_hash`].
    fn is_learned(&self, line: &str, hash: &str) -> bool;

    /// True when nothing is learned: no line is hashed or asked about.
    fn is_empty(&self) -> bool {
        false
    }
}

impl<F: Fn(&str) -> bool> LearnedLines for F {
    fn is_learned(&self, line: &str, _hash: &str) -> bool {
        self(line)
    }
}

impl<S: std::hash::BuildHasher> LearnedLines for HashSet<String, S> {
    fn is_learned(&self, _line: &str, hash: &str) -> bool {
        self.contains(hash)
    }

    fn is_empty(&self) -> bool {
        HashSet::is_empty(self)
    }
}

/// Nothing learned: only the fixed rules apply.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoLearnedLines;

impl LearnedLines for NoLearnedLines {
    fn is_learned(&self, _line: &str, _hash: &str) -> bool {
        false
    }

    fn is_empty(&self) -> bool {
        true
    }
}

/// The key under which a line is counted across an outlet's articles: the
/// [`content_hash`](crate::content_hash) of its search form, or `None` for lines that
/// are never learned (fewer than [`MIN_LEARNED_LINE_WORDS`] words, more than
/// [`MAX_LEARNED_LINE_CHARS`] chars as written or in the search form).
///
/// ```
/// use marsad_text::furniture::line_hash;
/// assert_eq!(line_hash("جميعُ الحقوق محفوظة "), line_hash("جميع  الحقوق محفوظة"));
/// assert_eq!(line_hash("الأمنية"), None);
/// ```
pub fn line_hash(line: &str) -> Option<String> {
    let line = line.trim();
    // Cheap bounds first: most lines are paragraphs.
    if line.len() > 4 * MAX_LEARNED_LINE_CHARS
        || line.chars().count() > MAX_LEARNED_LINE_CHARS
        || line.split_whitespace().nth(MIN_LEARNED_LINE_WORDS - 1).is_none()
    {
        return None;
    }
    let norm = normalize_str(line);
    let words = norm.split_whitespace().count();
    if words < MIN_LEARNED_LINE_WORDS || norm.trim().chars().count() > MAX_LEARNED_LINE_CHARS {
        return None;
    }
    Some(content_hash_of_normalized(&norm))
}

/// The distinct [`line_hash`]es of a text's lines, in text order.
pub fn line_hashes(text: &str) -> Vec<String> {
    let mut hashes: Vec<String> = Vec::new();
    // Most texts have a few short lines: a linear scan; many lines: a set.
    let mut seen: Option<HashSet<String>> = None;
    for hash in text.lines().filter_map(line_hash) {
        let new = match seen.as_mut() {
            Some(seen) => seen.insert(hash.clone()),
            None if hashes.len() < 32 => !hashes.contains(&hash),
            None => {
                let mut set: HashSet<String> = hashes.iter().cloned().collect();
                let new = set.insert(hash.clone());
                seen = Some(set);
                new
            }
        };
        if new {
            hashes.push(hash);
        }
    }
    hashes
}

/// Remove the furniture from `text` (see the module docs for the rules).
pub fn strip_furniture<'t>(text: &'t str, learned: &dyn LearnedLines) -> Cleaned<'t> {
    let lines = split_lines(text);
    let plan = Plan::new(text, &lines, learned);
    plan.apply(text, &lines)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MarkerKind {
    End,
    Link,
    Credit,
}

#[derive(Debug)]
struct Marker {
    /// As written in the list: the reason names it.
    phrase: &'static str,
    /// Search form.
    key: String,
    kind: MarkerKind,
    /// The line may go on after the phrase.
    remainder: bool,
    /// ... only after ':' or '-' (`credit:`).
    punctuated: bool,
}

fn markers() -> &'static [Marker] {
    static MARKERS: OnceLock<Vec<Marker>> = OnceLock::new();
    MARKERS.get_or_init(|| parse_markers(include_str!("furniture_markers.txt")))
}

fn parse_markers(list: &'static str) -> Vec<Marker> {
    let mut markers: Vec<Marker> = Vec::new();
    for line in list.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let Some((kind, phrase)) = line.split_once('\t') else { continue };
        let (kind, remainder, punctuated) = match kind.trim() {
            "end" => (MarkerKind::End, false, false),
            "end+" => (MarkerKind::End, true, false),
            "link+" => (MarkerKind::Link, true, false),
            "credit:" => (MarkerKind::Credit, true, true),
            "credit" => (MarkerKind::Credit, true, false),
            _ => continue,
        };
        let phrase = phrase.trim();
        let key = marker_key(&normalize_str(phrase));
        if !key.is_empty() && !markers.iter().any(|m| m.key == key) {
            markers.push(Marker { phrase, key, kind, remainder, punctuated });
        }
    }
    markers
}

/// A line's search form without the bullets and punctuation around it, spaces collapsed.
fn marker_key(norm: &str) -> String {
    let core = norm.trim_matches(|c: char| !c.is_alphanumeric());
    let mut key = String::with_capacity(core.len());
    for word in core.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(word);
    }
    key
}

#[derive(Debug, Clone, Copy)]
struct MarkerMatch {
    marker: &'static Marker,
    /// Text follows the phrase on the same line.
    has_remainder: bool,
}

impl MarkerMatch {
    fn kind(&self) -> MarkerKind {
        self.marker.kind
    }

    fn reason(&self) -> String {
        match self.marker.kind {
            MarkerKind::Credit => REASON_CREDIT.to_owned(),
            MarkerKind::End | MarkerKind::Link => format!("marker: {}", self.marker.phrase),
        }
    }
}

/// The search forms of the markers' first words: a line whose first word is none of
/// them is no marker (most lines), and is not normalized whole.
fn marker_first_words() -> &'static HashSet<String> {
    static FIRST: OnceLock<HashSet<String>> = OnceLock::new();
    FIRST.get_or_init(|| {
        markers().iter().filter_map(|m| m.key.split(' ').next()).map(str::to_owned).collect()
    })
}

/// The first letters of the markers (search form): cheaper still than the first words.
fn marker_first_letters() -> &'static HashSet<char> {
    static FIRST: OnceLock<HashSet<char>> = OnceLock::new();
    FIRST.get_or_init(|| markers().iter().filter_map(|m| m.key.chars().next()).collect())
}

fn match_marker(content: &str) -> Option<MarkerMatch> {
    if content.len() > MAX_MARKER_LINE_BYTES {
        return None;
    }
    let start = content.trim_start_matches(|c: char| !c.is_alphanumeric());
    let first = start.chars().next()?;
    let folded = match fold(first) {
        Fold::To(c) => c,
        _ => first,
    };
    // Presentation forms (Fold::Compat) go on to the full comparison.
    if !marker_first_letters().contains(&folded) && fold(first) != Fold::Compat {
        return None;
    }
    let first_word = start.split(|c: char| !c.is_alphanumeric() && fold(c) != Fold::Mark).next()?;
    if !marker_first_words().contains(&marker_key(&normalize_str(first_word))) {
        return None;
    }
    let key = marker_key(&normalize_str(content));
    if key.is_empty() {
        return None;
    }
    // «اقرأ أيضا ما كتبه ...» ending like a sentence is prose; a credit may end with '.'.
    let sentence = ends_like_sentence(content);
    for marker in markers() {
        if key == marker.key {
            return Some(MarkerMatch { marker, has_remainder: false });
        }
        if !marker.remainder || (sentence && marker.kind != MarkerKind::Credit) {
            continue;
        }
        let Some(rest) = key.strip_prefix(marker.key.as_str()) else { continue };
        // The phrase must end on a word boundary («شاركوا» is not «شارك»).
        if rest.chars().next().is_none_or(char::is_alphanumeric) {
            continue;
        }
        let remainder = rest.trim_start_matches(|c: char| !c.is_alphanumeric());
        let separator = rest.get(..rest.len() - remainder.len()).unwrap_or("");
        let punctuated = separator.contains([':', '-', '–', '—', '|', '،', ',']);
        let words = remainder.split_whitespace().count();
        let limit = match (marker.kind, punctuated) {
            (MarkerKind::Credit, true) => MAX_CREDIT_WORDS,
            (MarkerKind::Credit, false) if marker.punctuated => continue,
            (MarkerKind::Credit, false) => MAX_BARE_CREDIT_WORDS,
            (_, true) => MAX_REMAINDER_WORDS,
            (MarkerKind::Link, false) => MAX_BARE_LINK_REMAINDER_WORDS,
            (MarkerKind::End, false) => MAX_BARE_END_REMAINDER_WORDS,
        };
        if words <= limit {
            return Some(MarkerMatch { marker, has_remainder: words > 0 });
        }
    }
    None
}

/// The credited source of a credit line: what follows the phrase (and its ':' or '-').
fn credit_text(content: &str, marker: &Marker) -> String {
    let core = content.trim_start_matches(|c: char| !c.is_alphanumeric());
    let separated = core
        .split_once([':', '-', '–', '—'])
        .filter(|(before, _)| marker_key(&normalize_str(before)) == marker.key);
    let rest = match separated {
        Some((_, after)) => after,
        None => {
            let mut rest = core;
            for _ in 0..marker.key.split(' ').count() {
                rest = rest.trim_start();
                rest =
                    rest.get(rest.find(char::is_whitespace).unwrap_or(rest.len())..).unwrap_or("");
            }
            rest
        }
    };
    clean_credit(rest).to_owned()
}

/// A credit without the punctuation around it; brackets and quotes only when they
/// have no partner inside («وكالة الأنباء (واس)» keeps its parentheses).
fn clean_credit(credit: &str) -> &str {
    let mut credit = credit;
    loop {
        let before = credit;
        credit = credit.trim_matches(|c: char| {
            c.is_whitespace() || matches!(c, '.' | ':' | '-' | '–' | '—' | '،' | ',' | '*')
        });
        let pairs = [('«', '»'), ('(', ')'), ('"', '"'), ('“', '”'), ('[', ']'), ('{', '}')];
        for (open, close) in pairs {
            let both = credit.strip_prefix(open).and_then(|c| c.strip_suffix(close));
            if let Some(inner) = both {
                if !inner.contains([open, close]) {
                    credit = inner;
                }
            } else if let Some(inner) = credit.strip_suffix(close) {
                if !inner.contains(open) {
                    credit = inner;
                }
            } else if let Some(inner) = credit.strip_prefix(open) {
                if !inner.contains(close) {
                    credit = inner;
                }
            }
        }
        if credit == before {
            return credit;
        }
    }
}

/// Whether a line ends like a sentence: . ! ? ؟ … before any closing quotes or brackets.
fn ends_like_sentence(content: &str) -> bool {
    let core = content.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '”' | '»' | ')' | '’' | '\'' | ']')
    });
    core.ends_with(['.', '!', '?', '؟', '…'])
}

/// The text of a bulleted or numbered list item, without its bullet.
fn bullet_item(content: &str) -> Option<&str> {
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
fn headline_like(item: &str) -> bool {
    let words = item.split_whitespace().count();
    (MIN_HEADLINE_WORDS..=MAX_HEADLINE_WORDS).contains(&words)
        && !item.contains(':')
        && !item.trim_end().ends_with(['.', '!', '؛', ':', '،', ',', ';'])
}

/// One line of the input.
#[derive(Debug)]
struct Line {
    /// Byte offset of the line's first byte.
    start: usize,
    /// Byte offset just past its line break (the next line's start).
    next: usize,
    /// The line without surrounding whitespace.
    content: Span,
    /// Only whitespace: the one kind of line that may go without being accounted for
    /// in a block (rules like "* * *" are lines like any other).
    blank: bool,
    /// Whitespace-separated words, counted up to MIN_LONG_LINE_WORDS (all any rule needs).
    words: usize,
    /// Reads like a paragraph of report.
    prose: bool,
    marker: Option<MarkerMatch>,
    bullet: bool,
}

fn split_lines(text: &str) -> Vec<Line> {
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

/// A run of lines to remove, `first..=last` (line indices, both non-blank).
#[derive(Debug)]
struct Block {
    first: usize,
    last: usize,
    reason: String,
}

/// What to remove from one text.
struct Plan {
    blocks: Vec<Block>,
    /// (line index, credit).
    credits: Vec<(usize, String)>,
    /// Lines from here on are all removed (blank ones too).
    tail_from: usize,
}

impl Plan {
    fn new(text: &str, lines: &[Line], learned: &dyn LearnedLines) -> Self {
        let nonblank: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].blank).collect();
        let second_half = |k: usize| {
            let i = nonblank[k];
            2 * k >= nonblank.len() || 2 * lines[i].start >= text.len()
        };
        // The header: bylines, datelines and titles above the first paragraph.
        let header_end = nonblank.iter().position(|&i| lines[i].prose).unwrap_or(nonblank.len());
        let is_learned: Vec<bool> = (0..nonblank.len())
            .map(|k| {
                let line = &lines[nonblank[k]];
                if learned.is_empty()
                    || k < header_end
                    || line.marker.is_some()
                    || line.words < MIN_LEARNED_LINE_WORDS
                {
                    return false;
                }
                let slice = line.content.slice(text);
                line_hash(slice).is_some_and(|hash| learned.is_learned(slice, &hash))
            })
            .collect();

        let mut plan = Plan { blocks: Vec::new(), credits: Vec::new(), tail_from: lines.len() };
        // Where the kept text ends, as an index into `nonblank`.
        let mut end = nonblank.len();
        if let Some(k) = trailing_zone(lines, &nonblank, &second_half) {
            // The zone starts at a marker, which names the first block.
            plan.remove_tail(text, lines, &nonblank, k, "", None);
            end = k;
        }
        if let Some(k) = learned_tail(lines, &nonblank, &is_learned, header_end, end, &second_half)
        {
            plan.remove_tail(text, lines, &nonblank, k, REASON_LEARNED, Some(end));
            end = k;
        }
        // Credits that end the article, then a headline list right after its last paragraph.
        while end > 0 {
            let line = &lines[nonblank[end - 1]];
            if line.marker.is_some_and(|m| m.kind() == MarkerKind::Credit) {
                end -= 1;
                plan.remove_credit(text, lines, nonblank[end]);
            } else {
                break;
            }
        }
        if let Some(k) = trailing_list(text, lines, &nonblank, end) {
            plan.blocks.push(Block {
                first: nonblank[k],
                last: nonblank[end - 1],
                reason: REASON_HEADLINE_LIST.to_owned(),
            });
            end = k;
        }
        plan.remove_inline(lines, &nonblank, &is_learned, end);
        if end < nonblank.len() {
            // Everything after the last kept non-blank line goes (whitespace only).
            plan.tail_from = end.checked_sub(1).map_or(0, |k| nonblank[k] + 1);
        }
        plan.blocks.sort_by_key(|b| b.first);
        plan.credits.sort();
        plan
    }

    fn remove_credit(&mut self, text: &str, lines: &[Line], i: usize) {
        let credit = match lines[i].marker {
            Some(m) => credit_text(lines[i].content.slice(text), m.marker),
            None => String::new(),
        };
        if !credit.is_empty() {
            self.credits.push((i, credit));
        }
        self.blocks.push(Block { first: i, last: i, reason: REASON_CREDIT.to_owned() });
    }

    /// Remove non-blank lines `nonblank[k..until]`, one block per marker; other lines
    /// join the block before them (`reason` until the first marker).
    fn remove_tail(
        &mut self,
        text: &str,
        lines: &[Line],
        nonblank: &[usize],
        k: usize,
        reason: &str,
        until: Option<usize>,
    ) {
        let until = until.unwrap_or(nonblank.len());
        let mut reason = reason.to_owned();
        let mut open: Option<Block> = None;
        let mut credits = Vec::new();
        for &i in nonblank.get(k..until).unwrap_or_default() {
            match lines[i].marker {
                Some(m) if m.kind() == MarkerKind::Credit => {
                    self.blocks.extend(open.take());
                    credits.push(i);
                }
                Some(m) => {
                    self.blocks.extend(open.take());
                    reason = m.reason();
                    open = Some(Block { first: i, last: i, reason: reason.clone() });
                }
                None => match open.as_mut() {
                    Some(block) => block.last = i,
                    None => open = Some(Block { first: i, last: i, reason: reason.clone() }),
                },
            }
        }
        self.blocks.extend(open);
        for i in credits {
            self.remove_credit(text, lines, i);
        }
    }

    /// Marker lines and learned lines before `nonblank[end]`, one line at a time.
    fn remove_inline(
        &mut self,
        lines: &[Line],
        nonblank: &[usize],
        is_learned: &[bool],
        end: usize,
    ) {
        let mut k = 0;
        while k < end {
            let i = nonblank[k];
            let line = &lines[i];
            k += 1;
            match line.marker {
                Some(m) if m.kind() != MarkerKind::Credit => {
                    let mut last = i;
                    if !m.has_remainder {
                        if m.kind() == MarkerKind::Link {
                            // The linked headline on the next line.
                            if let Some(&j) = nonblank.get(k).filter(|_| k < end) {
                                let next = &lines[j];
                                if !next.prose
                                    && next.marker.is_none()
                                    && next.words <= MAX_HEADLINE_WORDS
                                {
                                    last = j;
                                    k += 1;
                                }
                            }
                        } else {
                            // A list under the marker.
                            while k < end && lines[nonblank[k]].bullet && !lines[nonblank[k]].prose
                            {
                                last = nonblank[k];
                                k += 1;
                            }
                        }
                    }
                    self.blocks.push(Block { first: i, last, reason: m.reason() });
                }
                Some(_) => {}
                None if is_learned[k - 1] => {
                    self.blocks.push(Block {
                        first: i,
                        last: i,
                        reason: REASON_LEARNED.to_owned(),
                    });
                }
                None => {}
            }
        }
    }

    fn apply<'t>(self, text: &'t str, lines: &[Line]) -> Cleaned<'t> {
        if self.blocks.is_empty() {
            return Cleaned { text: Cow::Borrowed(text), removed: Vec::new(), credits: Vec::new() };
        }
        let mut removed_line = vec![false; lines.len()];
        for block in &self.blocks {
            for flag in removed_line.iter_mut().take(block.last + 1).skip(block.first) {
                *flag = true;
            }
        }
        for flag in removed_line.iter_mut().skip(self.tail_from) {
            *flag = true;
        }
        // An inline line between blank lines takes the blank lines after it along, so
        // paragraphs stay one blank line apart.
        for block in &self.blocks {
            let blank_before = block.first == 0 || lines[block.first - 1].blank;
            if blank_before {
                let mut j = block.last + 1;
                while j < lines.len() && lines[j].blank && !removed_line[j] {
                    removed_line[j] = true;
                    j += 1;
                }
            }
        }
        let mut kept = String::with_capacity(text.len());
        for (line, removed) in lines.iter().zip(&removed_line) {
            if !removed {
                kept.push_str(text.get(line.start..line.next).unwrap_or(""));
            }
        }
        let kept_len = kept.trim_end().len();
        kept.truncate(kept_len);
        if !kept.chars().any(char::is_alphanumeric) {
            // Never empty an article: it was all "furniture", so none of it was.
            return Cleaned { text: Cow::Borrowed(text), removed: Vec::new(), credits: Vec::new() };
        }
        let removed = self
            .blocks
            .iter()
            .map(|block| {
                let span =
                    Span::new(lines[block.first].content.start, lines[block.last].content.end);
                RemovedBlock {
                    span,
                    text: span.slice(text).to_owned(),
                    reason: block.reason.clone(),
                }
            })
            .collect();
        let credits = self.credits.into_iter().map(|(_, credit)| credit).collect();
        Cleaned { text: Cow::Owned(kept), removed, credits }
    }
}

/// The first `end` or `link` marker that starts a trailing block (index into `nonblank`):
/// in the second half, after at least one paragraph, with only furniture after it.
fn trailing_zone(
    lines: &[Line],
    nonblank: &[usize],
    second_half: &dyn Fn(usize) -> bool,
) -> Option<usize> {
    let mut prose_before = 0;
    for (k, &i) in nonblank.iter().enumerate() {
        let line = &lines[i];
        if line.prose {
            prose_before += 1;
            continue;
        }
        let Some(m) = line.marker else { continue };
        if m.kind() != MarkerKind::Credit
            && prose_before > 0
            && second_half(k)
            && only_furniture_after(lines, nonblank, k)
        {
            return Some(k);
        }
    }
    None
}

/// After `nonblank[k]`, no paragraph except under a «اقرأ أيضا» marker (which
/// introduces another article's text).
fn only_furniture_after(lines: &[Line], nonblank: &[usize], k: usize) -> bool {
    let mut introduced = false;
    for &j in nonblank.get(k + 1..).unwrap_or_default() {
        let line = &lines[j];
        match line.marker.map(|m| m.kind()) {
            Some(MarkerKind::Link) => introduced = true,
            Some(MarkerKind::End) => introduced = false,
            Some(MarkerKind::Credit) => {}
            None if line.prose && !introduced => return false,
            None => {}
        }
    }
    true
}

/// The first learned line (index into `nonblank`, before `end`) in the second half
/// after which only learned, tiny, marker lines or short lines followed by a learned
/// one come.
fn learned_tail(
    lines: &[Line],
    nonblank: &[usize],
    is_learned: &[bool],
    header_end: usize,
    end: usize,
    second_half: &dyn Fn(usize) -> bool,
) -> Option<usize> {
    let last_learned = (0..end).rev().find(|&k| is_learned[k])?;
    let fits = |k: usize| {
        let line = &lines[nonblank[k]];
        is_learned[k]
            || line.marker.is_some()
            || (!line.prose && line.words <= MAX_TINY_WORDS)
            || (!line.prose && k < last_learned)
    };
    // The tail candidates: scanning back, the lines that fit.
    let mut start = end;
    while start > 0 && fits(start - 1) {
        start -= 1;
    }
    (start.max(header_end)..end).find(|&k| is_learned[k] && second_half(k))
}

/// A bulleted list of headlines that ends the kept text (`nonblank[..end]`) and follows
/// its last paragraph directly; its first item's index into `nonblank`.
fn trailing_list(text: &str, lines: &[Line], nonblank: &[usize], end: usize) -> Option<usize> {
    let mut start = end;
    while start > 0 && lines[nonblank[start - 1]].bullet {
        start -= 1;
    }
    if end - start < MIN_LIST_ITEMS || start == 0 {
        return None;
    }
    let all_headlines = nonblank[start..end]
        .iter()
        .all(|&i| bullet_item(lines[i].content.slice(text)).is_some_and(headline_like));
    let before = &lines[nonblank[start - 1]];
    let introduced = before.content.slice(text).trim_end().ends_with([':', '：']);
    (all_headlines && before.prose && !introduced).then_some(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_marker_list_parses() {
        let markers = markers();
        assert!(markers.len() > 25);
        assert!(markers.iter().any(|m| m.key == "اقرا ايضا" && m.kind == MarkerKind::Link));
        assert!(markers.iter().any(|m| m.key == "مقالات مشابهه" && m.kind == MarkerKind::End));
    }

    #[test]
    fn markers_match_whole_lines_only() {
        assert!(match_marker("إقرأ أيضاً:").is_some());
        assert!(match_marker("• شارك").is_some());
        assert!(match_marker("شاركوا").is_none());
        assert!(match_marker("شارك الوزير في الاجتماع").is_none());
        let tags = match_marker("كلمات دلالية: العراق، الولايات المتحدة").map(|m| m.has_remainder);
        assert_eq!(tags, Some(true));
        assert!(match_marker("المصدر: الحرة").is_some_and(|m| m.kind() == MarkerKind::Credit));
        assert!(match_marker("المصدر الرئيسي للدخل").is_none());
    }

    #[test]
    fn bullets_and_numbers() {
        assert_eq!(bullet_item("• عنوان خبر"), Some("عنوان خبر"));
        assert_eq!(bullet_item("12- عنوان"), Some("عنوان"));
        assert_eq!(bullet_item("١) عنوان"), Some("عنوان"));
        assert_eq!(bullet_item("2015 عام"), None);
        assert_eq!(bullet_item("العراق"), None);
    }

    #[test]
    fn credits() {
        let credit = |line: &str| {
            let m = match_marker(line).filter(|m| m.kind() == MarkerKind::Credit);
            m.map(|m| credit_text(line, m.marker))
        };
        assert_eq!(credit("المصدر: وكالة الأنباء").as_deref(), Some("وكالة الأنباء"));
        assert_eq!(credit("(المصدر: رويترز)").as_deref(), Some("رويترز"));
        assert_eq!(credit("المصدر:واس").as_deref(), Some("واس"));
        assert_eq!(credit("المصدر : واس.").as_deref(), Some("واس"));
        assert_eq!(credit("* خدمة «نيويورك تايمز»").as_deref(), Some("نيويورك تايمز"));
        assert_eq!(credit("* خدمة: {نيويورك تايمز}").as_deref(), Some("نيويورك تايمز"));
        assert_eq!(credit("* خدمة «نيويورك تايمز}").as_deref(), Some("نيويورك تايمز"));
        let two = credit("* خدمة: «واشنطن بوست» خاص بـ «الشرق الأوسط»");
        assert_eq!(two.as_deref(), Some("«واشنطن بوست» خاص بـ «الشرق الأوسط»"));
        assert_eq!(credit("خدمة العملاء متاحة على مدار الساعة طوال الأسبوع"), None);
        assert_eq!(credit("المصدر وكالات"), None);
        let agency = credit("المصدر: وكالة الأنباء السعودية (واس).");
        assert_eq!(agency.as_deref(), Some("وكالة الأنباء السعودية (واس)"));
    }
}
