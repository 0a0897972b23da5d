//! Organisations a speaker phrase refers back to, so that a statement or an
//! unnamed spokesman takes the organisation behind it (the guidelines'
//! speaker rule):
//! - `بيان صادر عن ولاية غازي عنتاب` → the organisation after صادر عن;
//! - a bare definite head (البيان، التنظيم، الوزارة، المراسل) → the latest
//!   earlier phrase with the same head (`تنظيم داعش`, `وزارة الخارجية`,
//!   `مراسل الأناضول`), or for البيان the source of the latest statement.

use super::cues::{cue, is_complementizer};
use crate::doc::{without_conjunction, Doc};

/// Most words an organisation name is taken to have.
const MAX_NAME_WORDS: usize = 5;
/// How far back (in tokens) a bare head looks for its antecedent.
const LOOKBACK: usize = 600;

/// Whether a name phrase ends before token `k`.
fn ends_name(doc: &Doc, k: usize) -> bool {
    let w = doc.norm(k);
    !doc.is_word(k)
        || is_complementizer(w)
        || cue(w).is_some()
        || marsad_text::is_stopword(w)
        || matches!(without_conjunction(w), "امس" | "اليوم" | "غدا" | "الذي" | "التي")
}

/// The words from token `from` that form a name (at most [`MAX_NAME_WORDS`]).
fn name_from(doc: &Doc, from: usize) -> Option<String> {
    let mut end = from;
    while end < from + MAX_NAME_WORDS
        && !ends_name(doc, end)
        && (end == from || doc.same_line(end - 1, end))
    {
        end += 1;
    }
    (end > from).then(|| doc.slice(doc.span(from, end - 1)).to_owned())
}

/// The source a statement head at token `head` names: `بيان صادر عن X` /
/// `بيان عن X` / `بيان لـ X` → X.
pub(crate) fn statement_source(doc: &Doc, head: usize) -> Option<String> {
    let mut k = head + 1;
    if matches!(doc.norm(k), "صادر" | "صادره" | "الصادر" | "الصادره") {
        k += 1;
    }
    if !matches!(doc.norm(k), "عن" | "من") {
        return None;
    }
    name_from(doc, k + 1)
}

/// The latest phrase before token `head` whose first word is `noun` (a head
/// without its article): `تنظيم داعش` for التنظيم.
pub(crate) fn earlier_phrase(doc: &Doc, noun: &str, head: usize) -> Option<String> {
    let from = head.saturating_sub(LOOKBACK);
    (from..head)
        .rev()
        .filter(|&j| doc.is_word(j) && without_conjunction(doc.norm(j)) == noun)
        .find_map(|j| name_from(doc, j).filter(|name| name.split_whitespace().count() >= 2))
}
