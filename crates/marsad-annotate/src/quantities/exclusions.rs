//! Digit tokens that are not quantities: clock times (10:30), phone-like
//! strings, model numbers and codes glued to letters (F-16، جنيف1), and
//! references after a word that names a position (رقم 3، المادة 5، المرتبة الـ145).

use crate::doc::{without_particles, Doc};
use marsad_text::TokenKind;

static REFERENCE_SET: std::sync::LazyLock<crate::doc::WordSet> =
    std::sync::LazyLock::new(|| REFERENCE_WORDS.iter().map(|w| crate::doc::norm(w)).collect());

/// Words before a number that make it a reference, not a quantity.
const REFERENCE_WORDS: &[&str] = &[
    "رقم",
    "الـ",
    "ال",
    "الدقيقة",
    "الدور",
    "المركز",
    "المرتبة",
    "الجولة",
    "الطريق",
    "الأية",
    "الآية",
    "المادة",
    "البند",
    "الفقرة",
    "القرار",
    "الساعة",
    "الصفحة",
    "الفصل",
    "الماده",
    "الفقره",
    "الساعه",
    "الصفحه",
];

/// Whether the digit token `i` is not a quantity: a time, a phone number, a
/// model number or a reference.
pub(super) fn is_not_a_quantity(doc: &Doc, i: usize) -> bool {
    let Some(t) = doc.tokens.get(i) else { return true };
    let raw = doc.slice(t.span);
    let digits = t.norm.chars().filter(char::is_ascii_digit).count();
    let grouped = raw.contains([',', '\u{066C}']);
    if (t.norm.starts_with('0') && digits >= 4 && !t.norm.contains('.'))
        || (digits >= 9 && !grouped && !t.norm.contains('.'))
    {
        return true;
    }
    // 10:30, 26/7 (a date the date annotator did not take), F-16, COVID-19.
    if doc.is_punct(i + 1, &[':', '/']) && doc.kind(i + 2) == Some(TokenKind::Number) {
        return true;
    }
    if i >= 1
        && doc.is_punct(i - 1, &[':', '/'])
        && i >= 2
        && doc.kind(i - 2) == Some(TokenKind::Number)
    {
        return true;
    }
    // Glued to Latin letters or after a glued % (URL escapes: %D8%84), or to an Arabic
    // word that is not a one-letter preposition (جنيف1).
    let glued = |a: usize, b: usize| matches!((doc.tokens.get(a), doc.tokens.get(b)), (Some(x), Some(y)) if x.span.end == y.span.start);
    if i >= 1 && glued(i - 1, i) {
        let before = &doc.tokens[i - 1];
        let long_word = before.kind == TokenKind::Word && before.norm.chars().count() > 1;
        if before.kind == TokenKind::Latin || before.norm == "%" || long_word {
            return true;
        }
    }
    if doc.kind(i + 1) == Some(TokenKind::Latin) && glued(i, i + 1) {
        return true;
    }
    if i >= 2 && doc.is_punct(i - 1, &['-']) && doc.kind(i - 2) == Some(TokenKind::Latin) {
        return true;
    }
    if i >= 1
        && doc.kind(i - 1) == Some(TokenKind::Latin)
        && doc.same_line(i - 1, i)
        && doc.tokens[i - 1].span.end == t.span.start
    {
        return true;
    }
    if i >= 1 && doc.is_word(i - 1) {
        let before = without_particles(doc.norm(i - 1));
        // "صاحب الـ 60 عاما" is an age; "الدور الـ 32" a rank.
        let age = matches!(doc.norm(i + 1), "عاما" | "عام" | "سنه" | "سنوات" | "عاماً");
        if (REFERENCE_SET.contains(before) || REFERENCE_SET.contains(doc.norm(i - 1)))
            && !(age && matches!(doc.norm(i - 1), "الـ" | "ال"))
        {
            return true;
        }
    }
    false
}
