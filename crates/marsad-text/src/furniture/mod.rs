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
//! Rules (markers are listed in `furniture/markers.txt`, matched on whole lines in
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

mod lines;
mod markers;
mod plan;

use lines::*;
use markers::*;
use plan::*;

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
