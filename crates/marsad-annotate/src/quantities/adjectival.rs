//! A cardinal after its noun, with the article: الدواوين الخمسة، المراحل
//! الخمس، السنوات العشر، الشعراء الخمسة والثلاثين. The guidelines label every
//! count with its counted noun; here the noun comes first.
//!
//! Only the cardinals three to ten (and their compounds with a ten) count:
//! الخامس، الثالث are ordinals, and a bare ten-word after a noun is usually an
//! ordinal too (القرن العشرين، الدورة الثلاثين).

use super::words::{lookup, Word};
use super::Quantity;
use crate::doc::{without_conjunction, Doc};

/// The cardinal 3–10 a word is when it carries the article (الخمسة → 5).
fn definite_cardinal(word: &str) -> Option<f64> {
    let rest = without_conjunction(word).strip_prefix("ال")?;
    match lookup(rest)? {
        Word::Small(v) if (3.0..=10.0).contains(&v) => Some(v),
        _ => None,
    }
}

/// A ten joined by و with the article (والعشرين، والثلاثين): its value.
fn joined_ten(word: &str) -> Option<f64> {
    let rest = word.strip_prefix("وال")?;
    match lookup(rest)? {
        Word::Small(v) if v >= 20.0 && v.fract() == 0.0 && v % 10.0 == 0.0 => Some(v),
        _ => None,
    }
}

/// Whether the word before the cardinal can be what it counts.
fn counted_noun(doc: &Doc, k: usize) -> bool {
    let w = doc.norm(k);
    doc.is_word(k)
        && w.chars().count() > 2
        && !marsad_text::is_stopword(w)
        && !marsad_text::is_stopword(without_conjunction(w))
        && lookup(w).is_none()
        && !crate::dates::is_date_word(w)
        && !matches!(without_conjunction(w), "القرن" | "قرن")
}

/// The quantity whose cardinal is token `i` (its noun is token `i - 1`) and the index after it.
pub(super) fn at(doc: &Doc, i: usize) -> Option<(Quantity, usize)> {
    let value = definite_cardinal(doc.norm(i))?;
    if crate::dates::is_date_word(doc.norm(i)) {
        return None;
    }
    let noun = i.checked_sub(1).filter(|&k| counted_noun(doc, k) && doc.same_line(k, i))?;
    let (value, end) = match joined_ten(doc.norm(i + 1)) {
        Some(ten) if doc.same_line(i, i + 1) => (value + ten, i + 2),
        _ => (value, i + 1),
    };
    let span = doc.span(noun, end - 1);
    let quantity = Quantity {
        span,
        text: doc.slice(span).to_owned(),
        value,
        unit: Some(doc.norm(noun).to_owned()),
        approximate: false,
        range: None,
    };
    Some((quantity, end))
}
