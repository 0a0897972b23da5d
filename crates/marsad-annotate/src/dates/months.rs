//! Month names in every system Arabic news uses, and weekday names.
//!
//! - Gregorian, Egyptian/Gulf spelling: يناير … ديسمبر (أغسطس/أغسطس، إبريل/أبريل …);
//! - Syriac/Levantine: كانون الثاني، شباط، آذار، نيسان، أيار، حزيران، تموز، آب،
//!   أيلول، تشرين الأول، تشرين الثاني، كانون الأول;
//! - Maghrebi: جانفي، فيفري، مارس، أفريل، ماي، جوان، جويلية، أوت، دجنبر …;
//! - Hijri: محرم … ذو الحجة.
//!
//! Some names are ordinary words too (مارس "practised", آب folds to أب "father",
//! صفر "zero", رمضان and رجب are first names): those count only next to a day,
//! a year, a second month name (آذار / مارس) or the word شهر.

use crate::doc::{norm, WordMap};

use std::sync::LazyLock;

/// Which calendar a month name belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Calendar {
    Gregorian,
    Hijri,
}

/// A month name: calendar, month number (1–12), and whether the name is safe alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Month {
    pub calendar: Calendar,
    pub number: u32,
    pub safe_alone: bool,
}

/// (name words, month, safe alone)
const GREGORIAN: &[(&str, u32, bool)] = &[
    ("يناير", 1, true),
    ("كانون الثاني", 1, true),
    ("جانفي", 1, true),
    ("ينير", 1, true),
    ("فبراير", 2, true),
    ("شباط", 2, true),
    ("فيفري", 2, true),
    ("فبرير", 2, true),
    ("مارس", 3, false),
    ("آذار", 3, true),
    ("أذار", 3, true),
    ("أبريل", 4, true),
    ("إبريل", 4, true),
    ("ابريل", 4, true),
    ("نيسان", 4, false),
    ("أفريل", 4, true),
    ("ابريل", 4, true),
    ("مايو", 5, true),
    ("أيار", 5, true),
    ("ماي", 5, false),
    ("مايو", 5, true),
    ("يونيو", 6, true),
    ("يونيه", 6, true),
    ("حزيران", 6, true),
    ("جوان", 6, true),
    ("يونيوز", 6, true),
    ("يوليو", 7, true),
    ("يوليه", 7, true),
    ("تموز", 7, true),
    ("جويلية", 7, true),
    ("يوليوز", 7, true),
    ("أغسطس", 8, true),
    ("اغسطس", 8, true),
    ("آب", 8, false),
    ("أوت", 8, false),
    ("غشت", 8, true),
    ("سبتمبر", 9, true),
    ("أيلول", 9, true),
    ("شتنبر", 9, true),
    ("أكتوبر", 10, true),
    ("تشرين الأول", 10, true),
    ("اكتوبر", 10, true),
    ("نوفمبر", 11, true),
    ("تشرين الثاني", 11, true),
    ("نونبر", 11, true),
    ("ديسمبر", 12, true),
    ("كانون الأول", 12, true),
    ("دجنبر", 12, true),
    ("دیسمبر", 12, true),
];

const HIJRI: &[(&str, u32, bool)] = &[
    ("محرم", 1, false),
    ("المحرم", 1, false),
    ("صفر", 2, false),
    ("ربيع الأول", 3, true),
    ("ربيع الاول", 3, true),
    ("ربيع أول", 3, true),
    ("ربيع الثاني", 4, true),
    ("ربيع الآخر", 4, true),
    ("ربيع ثاني", 4, true),
    ("جمادى الأولى", 5, true),
    ("جمادى الأول", 5, true),
    ("جمادى الاولى", 5, true),
    ("جمادى الآخرة", 6, true),
    ("جمادى الثانية", 6, true),
    ("جمادى الآخر", 6, true),
    ("جمادى الثاني", 6, true),
    ("رجب", 7, false),
    ("شعبان", 8, false),
    ("رمضان", 9, false),
    ("شوال", 10, false),
    ("ذو القعدة", 11, true),
    ("ذي القعدة", 11, true),
    ("ذو الحجة", 12, true),
    ("ذي الحجة", 12, true),
];

/// Month names keyed by their first normalized word; each entry lists the
/// remaining words (longest first) and the month.
type MonthTable = WordMap<Vec<(Vec<String>, Month)>>;

static MONTHS: LazyLock<MonthTable> = LazyLock::new(|| {
    let mut table = MonthTable::default();
    for (calendar, list) in [(Calendar::Gregorian, GREGORIAN), (Calendar::Hijri, HIJRI)] {
        for &(name, number, safe_alone) in list {
            let mut words = name.split_whitespace().map(norm);
            let Some(first) = words.next() else { continue };
            let rest: Vec<String> = words.collect();
            table.entry(first).or_default().push((rest, Month { calendar, number, safe_alone }));
        }
    }
    for entries in table.values_mut() {
        entries.sort_by_key(|(rest, _)| std::cmp::Reverse(rest.len()));
    }
    table
});

/// The month name starting with the normalized word `first` whose other words
/// are given by `next(k)` (k = 1, 2 …): the month and how many words it takes.
pub fn month_at<'a>(first: &str, next: impl Fn(usize) -> &'a str) -> Option<(Month, usize)> {
    let entries = MONTHS.get(first)?;
    entries.iter().find_map(|(rest, month)| {
        rest.iter().enumerate().all(|(k, w)| next(k + 1) == w).then_some((*month, rest.len() + 1))
    })
}

/// Whether a normalized word starts a month name.
pub fn is_month_word(word: &str) -> bool {
    MONTHS.contains_key(word)
}

/// Weekday names (with the article) → chrono weekday number from Monday (0).
const WEEKDAYS: &[(&str, u32)] = &[
    ("الاثنين", 0),
    ("الإثنين", 0),
    ("الثلاثاء", 1),
    ("الأربعاء", 2),
    ("الخميس", 3),
    ("الجمعة", 4),
    ("السبت", 5),
    ("الأحد", 6),
];

static WEEKDAY_WORDS: LazyLock<Vec<(String, u32)>> =
    LazyLock::new(|| WEEKDAYS.iter().map(|&(w, d)| (norm(w), d)).collect());

/// The weekday a normalized word names (Monday = 0), with a leading و/ف/ب allowed.
pub fn weekday(word: &str) -> Option<u32> {
    let w = crate::doc::without_conjunction(word);
    let w = if w.starts_with("بال") { &w['ب'.len_utf8()..] } else { w };
    WEEKDAY_WORDS.iter().find(|(name, _)| name == w).map(|&(_, d)| d)
}
