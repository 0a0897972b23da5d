//! Relative days resolved against a reference date: أمس، أمس الأول، أول من
//! أمس، اليوم، غدا، بعد غد، الليلة الماضية، البارحة, each optionally naming its
//! weekday (اليوم الاثنين، أمس (الخميس)); and weekdays: (يوم) الاثنين
//! [المقبل/الماضي]، يومي الأحد والاثنين المقبلين. Periods (weeks, months, years,
//! quarters) are in [`super::periods`], "N units ago" in [`super::ago`].
//!
//! A weekday alone is the most recent such day on or before the reference
//! (news says "الاثنين" for the Monday just past, or today), or the first one on
//! or after it when the sentence speaks of the future (سيخوض … الاثنين);
//! المقبل moves it strictly after, الماضي strictly before. When a deictic day
//! names a weekday that the reference does not fall on (`اليوم الاثنين` in an
//! article crawled on Tuesday), the article was written earlier: the weekday
//! wins, as the latest such day on or before the deictic date.

use super::months::weekday;
use super::{ago, periods, DateValue, Found};
use crate::doc::{norm, without_conjunction, Doc};
use chrono::{Datelike, Days, NaiveDate};
use std::sync::LazyLock;

/// Which way a relative expression points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Direction {
    Past,
    This,
    Next,
}

/// The direction a normalized word gives (الماضي، المقبلين، الجاري …).
pub(crate) fn direction(word: &str) -> Option<Direction> {
    match word {
        "الماضي" | "الماضيه" | "المنصرم" | "المنصرمه" | "السابق" | "الفائت" | "الماضيين"
        | "الماضيتين" => Some(Direction::Past),
        "المقبل" | "المقبله" | "القادم" | "القادمه" | "المقبلين" | "المقبلتين" | "القادمين" => {
            Some(Direction::Next)
        }
        "الجاري" | "الحالي" | "الجاريه" | "الحاليه" => {
            Some(Direction::This)
        }
        _ => None,
    }
}

/// `date` moved by `days` (negative: back).
pub(crate) fn shift(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    if days >= 0 {
        date.checked_add_days(Days::new(days.unsigned_abs()))
    } else {
        date.checked_sub_days(Days::new(days.unsigned_abs()))
    }
}

/// A relative date starting at token `i`.
pub(crate) fn at(doc: &Doc, i: usize, r: NaiveDate) -> Option<Found> {
    if !doc.is_word(i) {
        return None;
    }
    deictic_day(doc, i, r)
        .or_else(|| weekdays(doc, i, r))
        .or_else(|| periods::at(doc, i, r))
        .or_else(|| ago::at(doc, i, r))
}

/// A deictic day word at `i`: its offset in days from the reference and the index after it.
fn deictic_word(doc: &Doc, i: usize) -> Option<(i64, usize)> {
    let bare = without_conjunction(doc.norm(i));
    let next = doc.norm(i + 1);
    match bare {
        "امس" | "بالامس" if next == "الاول" => Some((-2, i + 2)),
        "امس" | "بالامس" | "البارحه" => Some((-1, i + 1)),
        "اول" if next == "امس" => Some((-2, i + 2)),
        "اول" if next == "من" && doc.norm(i + 2) == "امس" => Some((-2, i + 3)),
        "الليله" if matches!(next, "الماضيه" | "البارحه") => Some((-1, i + 2)),
        "ليله" if next == "امس" => Some((-1, i + 2)),
        "غدا" => Some((1, i + 1)),
        "بعد" if next == "غد" => Some((2, i + 2)),
        "اليوم" => {
            // "عين اليوم" is an outlet; "اليوم التالي/الوطني/الذي" is not today.
            let before = i.checked_sub(1).map_or("", |k| doc.norm(k));
            let modifier = doc.is_word(i + 1) && next.starts_with("ال") && weekday(next).is_none();
            let named = before == "عين";
            (!modifier && !named && !matches!(next, "الذي" | "نفسه" | "ذاته")).then_some((0, i + 1))
        }
        _ => None,
    }
}

/// The weekday named right after a deictic day (اليوم الاثنين، أمس (الخميس)):
/// the weekday and the index after it (and after a closing bracket).
fn named_weekday(doc: &Doc, k: usize) -> Option<(u32, usize)> {
    let at = if doc.is_punct(k, &['(', '،', ',']) { k + 1 } else { k };
    if !doc.is_word(at) || !doc.same_line(k.saturating_sub(1), at) {
        return None;
    }
    let wd = weekday(doc.norm(at))?;
    let end = if doc.is_punct(at + 1, &[')']) { at + 2 } else { at + 1 };
    Some((wd, end))
}

/// The latest day on or before `date` that falls on weekday `wd` (Monday = 0).
fn on_or_before(date: NaiveDate, wd: u32) -> Option<NaiveDate> {
    let back = (i64::from(date.weekday().num_days_from_monday()) - i64::from(wd)).rem_euclid(7);
    shift(date, -back)
}

fn deictic_day(doc: &Doc, i: usize, r: NaiveDate) -> Option<Found> {
    let (offset, end) = deictic_word(doc, i)?;
    let date = shift(r, offset)?;
    let (date, end) = match named_weekday(doc, end) {
        Some((wd, after)) => (on_or_before(date, wd)?, after),
        None => (date, end),
    };
    Some(Found { start: i, end, value: DateValue::Day(date), relative: true })
}

/// The day weekday `wd` names, seen from `r` in direction `dir` (None: a bare
/// weekday, past unless `future`).
fn resolve_weekday(
    r: NaiveDate,
    wd: u32,
    dir: Option<Direction>,
    future: bool,
) -> Option<NaiveDate> {
    let back = (i64::from(r.weekday().num_days_from_monday()) - i64::from(wd)).rem_euclid(7);
    let ahead = (7 - back) % 7;
    match dir {
        Some(Direction::Next) => shift(r, if ahead == 0 { 7 } else { ahead }),
        Some(Direction::Past) => shift(r, if back == 0 { -7 } else { -back }),
        _ if future => shift(r, ahead),
        _ => shift(r, -back),
    }
}

/// (يوم|يومي) weekday [و weekday] [direction].
fn weekdays(doc: &Doc, i: usize, r: NaiveDate) -> Option<Found> {
    let bare = without_conjunction(doc.norm(i));
    let wd_at = if matches!(bare, "يوم" | "يومي") && weekday(doc.norm(i + 1)).is_some() {
        i + 1
    } else {
        i
    };
    let first = weekday(doc.norm(wd_at))?;
    // "الأحد والاثنين": a second weekday joined by و shares the direction.
    let second = doc
        .norm(wd_at + 1)
        .strip_prefix('و')
        .and_then(weekday)
        .filter(|_| doc.same_line(wd_at, wd_at + 1));
    let last_at = if second.is_some() { wd_at + 1 } else { wd_at };
    let dir = direction(doc.norm(last_at + 1));
    let end = if dir.is_some() { last_at + 2 } else { last_at + 1 };
    let future = dir.is_none() && future_context(doc, i);
    let a = resolve_weekday(r, first, dir, future)?;
    let value = match second {
        Some(wd) => {
            let b = resolve_weekday(a, wd, Some(Direction::Next), false)?;
            DateValue::Days(a, b)
        }
        None => DateValue::Day(a),
    };
    Some(Found { start: i, end, value, relative: true })
}

/// Words before a date in its sentence that put it in the future.
const FUTURE_MARKERS: &[&str] = &[
    "المقرر",
    "المتوقع",
    "المزمع",
    "المنتظر",
    "يتوقع",
    "تتوقع",
    "يعتزم",
    "تعتزم",
    "بحلول",
    "موعد",
];

/// Nouns that begin like a future verb (سي…، ست…، سن…) but are not one.
const NOT_FUTURE: &[&str] = &[
    "سياره",
    "سيارات",
    "سياسه",
    "سياسي",
    "سياسيه",
    "سيدات",
    "سيده",
    "سيطره",
    "ستين",
    "سنوات",
    "سنويا",
    "سنوي",
    "سنويه",
    "سنين",
    "سنتين",
    "سنه",
    "سيناء",
    "سينما",
    "سيول",
    "ستاد",
    "سيتي",
];

static FUTURE_WORDS: LazyLock<Vec<String>> =
    LazyLock::new(|| FUTURE_MARKERS.iter().map(|w| norm(w)).collect());
static NOT_FUTURE_WORDS: LazyLock<Vec<String>> =
    LazyLock::new(|| NOT_FUTURE.iter().map(|w| norm(w)).collect());

/// Whether a word is a future verb (سيتم، ستقام، سنعمل) or a future marker.
fn is_future_word(word: &str) -> bool {
    let w = without_conjunction(word);
    if FUTURE_WORDS.iter().any(|m| m == w) {
        return true;
    }
    let verb = ["سي", "ست", "سن"].iter().any(|p| w.starts_with(p)) && w.chars().count() >= 5;
    verb && !NOT_FUTURE_WORDS.iter().any(|n| n == w)
}

/// Whether the words before token `i` in its sentence (at most twelve, not
/// across a line break or a full stop) speak of the future.
pub(crate) fn future_context(doc: &Doc, i: usize) -> bool {
    let mut k = i;
    for _ in 0..12 {
        if k == 0 || !doc.same_line(k - 1, k) || doc.is_punct(k - 1, &['.', '؛', ';']) {
            return false;
        }
        k -= 1;
        if doc.is_word(k) && is_future_word(doc.norm(k)) {
            return true;
        }
    }
    false
}
