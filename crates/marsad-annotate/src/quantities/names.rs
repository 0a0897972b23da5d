//! Numbers that belong to a name, not to an amount: an index, a tournament or
//! a model named by a word and a number (يوروفرست 300، فايننشال تايمز 100 البريطاني،
//! كاك 40، خليجي 23، إف 16). The guidelines exclude "numbers that are part of
//! names or identifiers".
//!
//! The sign: the number follows a bare word (no article, not a function word,
//! not a verb or noun that takes a count) and nothing counted comes after it —
//! no unit, or a definite adjective (البريطاني), a word with a preposition
//! (لأسهم) or a conjunction-like word (رغم). "مقتل 32 شخصا" keeps its count.

use super::units::Unit;
use crate::doc::{without_conjunction, Doc};

/// Words before a bare number that take a count (بلغ 23، نحو 40 …): not names.
const COUNT_TAKERS: &[&str] = &[
    "بلغ",
    "بلغت",
    "يبلغ",
    "تبلغ",
    "سجل",
    "سجلت",
    "وصل",
    "وصلت",
    "ارتفع",
    "ارتفعت",
    "انخفض",
    "انخفضت",
    "تراجع",
    "تراجعت",
    "زاد",
    "زادت",
    "حقق",
    "حققت",
    "مقابل",
    "نحو",
    "حوالي",
    "حوالى",
    "قرابه",
    "عدد",
    "عددهم",
    "عددها",
    "اصل",
    "مجموع",
    "اجمالي",
    "بنسبه",
    "نسبه",
    "بواقع",
    "بمعدل",
    "بقيمه",
    "قيمه",
    "بلغا",
    "ضم",
    "يضم",
    "تضم",
    "قتل",
    "اصيب",
    "اعتقل",
    "نتيجه",
    "بنتيجه",
];

/// Words after a number that are not what it counts.
const NOT_COUNTED_AFTER: &[&str] = &["رغم", "بعد", "قبل", "عند", "حين", "بعدما", "منذ", "خلال"];

/// Whether the digit number at tokens `[i, end)` with `unit` after it is part of a name.
pub(super) fn inside_name(doc: &Doc, i: usize, end: usize, unit: Option<&Unit>) -> bool {
    let Some(before_at) = i.checked_sub(1) else { return false };
    if !doc.is_word(before_at) || !doc.same_line(before_at, i) {
        return false;
    }
    let before = doc.norm(before_at);
    let bare = without_conjunction(before);
    let name_word = !before.starts_with("ال")
        && !marsad_text::is_stopword(before)
        && !marsad_text::is_stopword(bare)
        && !COUNT_TAKERS.contains(&bare)
        && super::words::lookup(bare).is_none();
    if !name_word {
        return false;
    }
    if unit.is_some_and(|u| u.known) {
        return false;
    }
    // Nothing counted after it ("وإصابة 17 آخرين" counts people, "خليجي 23 في" names a cup).
    let next = doc.norm(end);
    !doc.is_word(end)
        || !doc.same_line(end - 1, end)
        || next.starts_with("ال")
        || next.starts_with("لل")
        || next.starts_with(['ل', 'ب']) && next.chars().count() > 3
        || marsad_text::is_stopword(next)
        || NOT_COUNTED_AFTER.contains(&next)
}
