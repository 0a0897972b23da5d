//! Absolute dates at a token: numeric (26/7/2021, 2021-07-26, 26.7.2021), day
//! (or day range) + month name (+ a second name: آب / أغسطس، ديسمبر (كانون
//! الأول)) + year, month + year, and years after a cue (عام 2008، في 2008) or
//! with an era mark (2008م، 1436هـ).

use super::months::{month_at, Calendar, Month};
use super::relative::{direction, future_context, Direction};
use super::{hijri, plausible_year, DateValue, Found};
use crate::doc::{norm, without_conjunction, Doc};
use chrono::{Datelike, NaiveDate};
use marsad_text::TokenKind;
use std::sync::LazyLock;

/// Words before a bare year that make it a year: عام 2008، في 2008.
const YEAR_CUES: &[&str] = &[
    "عام",
    "العام",
    "لعام",
    "للعام",
    "بعام",
    "سنة",
    "السنة",
    "لسنة",
    "للسنة",
    "في",
    "منذ",
    "خلال",
    "حتى",
    "بحلول",
    "مطلع",
    "أواخر",
    "أوائل",
    "منتصف",
    "نهاية",
    "بداية",
    "أواسط",
    "ربيع",
    "صيف",
    "خريف",
    "شتاء",
    "قبل",
    "بعد",
    "عامي",
    "العامين",
    "عامين",
    "موسم",
    "ميزانية",
];

/// Words before a month name with no day or year that make it a date: في مارس.
const MONTH_CUES: &[&str] = &[
    "في",
    "منذ",
    "خلال",
    "حتى",
    "بحلول",
    "مطلع",
    "أواخر",
    "أوائل",
    "منتصف",
    "نهاية",
    "بداية",
    "أواسط",
    "شهر",
    "الشهر",
    "قبل",
    "بعد",
    "من",
];

static YEAR_CUE_WORDS: LazyLock<Vec<String>> =
    LazyLock::new(|| YEAR_CUES.iter().map(|w| norm(w)).collect());
static MONTH_CUE_WORDS: LazyLock<Vec<String>> =
    LazyLock::new(|| MONTH_CUES.iter().map(|w| norm(w)).collect());

fn is_cue(words: &[String], w: &str) -> bool {
    let bare = without_conjunction(w);
    words.iter().any(|c| c == w || c == bare)
}

/// Integer value of a number token without a decimal point.
fn int(doc: &Doc, i: usize) -> Option<i64> {
    let t = doc.tokens.get(i)?;
    if t.kind != TokenKind::Number || t.norm.contains('.') || t.norm.len() > 4 {
        return None;
    }
    t.norm.parse().ok()
}

/// Whether tokens `a` and `b` touch (no space between).
fn touching(doc: &Doc, a: usize, b: usize) -> bool {
    match (doc.tokens.get(a), doc.tokens.get(b)) {
        (Some(x), Some(y)) => x.span.end == y.span.start,
        _ => false,
    }
}

/// An absolute date starting at token `i`.
pub(crate) fn at(doc: &Doc, i: usize, reference: Option<NaiveDate>) -> Option<Found> {
    numeric(doc, i)
        .or_else(|| day_month(doc, i, reference))
        .or_else(|| month_year(doc, i, reference))
        .or_else(|| year_range(doc, i))
        .or_else(|| year(doc, i))
}

/// Two years joined by - / – or / (1861-1865، موسم 2015/ 2016), at most ten
/// years apart and not followed by a unit (not "1500-2000 ريال").
fn year_range(doc: &Doc, i: usize) -> Option<Found> {
    let a = int(doc, i).filter(|y| (1800..=2100).contains(y))?;
    if !doc.is_punct(i + 1, &['-', '–', '/']) || !doc.same_line(i, i + 2) {
        return None;
    }
    let b = int(doc, i + 2).filter(|b| (1..=10).contains(&(b - a)))?;
    if crate::quantities::unit_follows(doc, i + 3) {
        return None;
    }
    let value = DateValue::Years(i32::try_from(a).ok()?, i32::try_from(b).ok()?);
    Some(Found { start: i, end: i + 3, value, relative: false })
}

/// 26/7/2021, 26-07-2021, 2021-07-26, 2021/7/26, 26.7.2021.
fn numeric(doc: &Doc, i: usize) -> Option<Found> {
    let t = doc.tokens.get(i)?;
    if t.kind != TokenKind::Number {
        return None;
    }
    // 26.7.2021 tokenizes as "26.7" "." "2021".
    if let Some((d, m)) = t.norm.split_once('.') {
        if doc.is_punct(i + 1, &['.']) && touching(doc, i, i + 1) && touching(doc, i + 1, i + 2) {
            let y = int(doc, i + 2)?;
            let date = ymd(y, m.parse().ok()?, d.parse().ok()?)?;
            return Some(Found {
                start: i,
                end: i + 3,
                value: DateValue::Day(date),
                relative: false,
            });
        }
        return None;
    }
    let sep = doc.tokens.get(i + 1)?.norm.chars().next()?;
    if !matches!(sep, '/' | '-')
        || !doc.is_punct(i + 1, &['/', '-'])
        || !doc.is_punct(i + 3, &[sep])
    {
        return None;
    }
    if !(touching(doc, i, i + 1) || doc.same_line(i, i + 4)) {
        return None;
    }
    let (a, b, c) = (int(doc, i)?, int(doc, i + 2)?, int(doc, i + 4)?);
    let (y, m, d) = if doc.tokens.get(i)?.norm.len() == 4 { (a, b, c) } else { (c, b, a) };
    let (end, hijri_mark) = era_mark(doc, i + 5);
    // 1436-10-6هـ: a year in 1300–1500 is a Hijri year.
    let date = if hijri_mark || (1300..=1500).contains(&y) {
        hijri::to_gregorian(y, u32::try_from(m).ok()?, u32::try_from(d).ok()?)
    } else {
        ymd(y, m, d)
    }?;
    Some(Found { start: i, end, value: DateValue::Day(date), relative: false })
}

fn ymd(y: i64, m: i64, d: i64) -> Option<NaiveDate> {
    if !plausible_year(y) {
        return None;
    }
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, u32::try_from(m).ok()?, u32::try_from(d).ok()?)
}

/// The month name at `k` and any second name after it (آب / أغسطس، ديسمبر
/// (كانون الأول)): month, index after, and whether a second name was there.
fn month_with_alt(doc: &Doc, k: usize) -> Option<(Month, usize, bool)> {
    if !doc.is_word(k) {
        return None;
    }
    let (month, n) = month_at(without_conjunction(doc.norm(k)), |j| doc.norm(k + j))
        .or_else(|| month_at(doc.norm(k), |j| doc.norm(k + j)))?;
    let mut end = k + n;
    let mut alt = false;
    // "أبريل نيسان 2016", "مايو أيار": the second name of the same month with no mark between.
    if doc.is_word(end) && doc.same_line(end - 1, end) {
        if let Some((second, m)) = month_at(doc.norm(end), |j| doc.norm(end + j)) {
            if second.number == month.number && second.calendar == month.calendar {
                return Some((month, end + m, true));
            }
        }
    }
    if doc.is_punct(end, &['/', '-', '(', '،', ',']) && doc.same_line(end - 1, end) {
        if let Some((_, m)) = month_at(doc.norm(end + 1), |j| doc.norm(end + 1 + j)) {
            alt = true;
            let close = end + 1 + m;
            end = if doc.is_punct(end, &['(']) && doc.is_punct(close, &[')']) {
                close + 1
            } else {
                close
            };
        }
    }
    Some((month, end, alt))
}

/// A year after a month name: `[عام] 2021 [م]` or `1436 [هـ]`: year, index after, Hijri mark.
fn year_after(doc: &Doc, k: usize) -> Option<(i64, usize, bool)> {
    let k = if doc.is_punct(k, &[',', '،']) { k + 1 } else { k };
    let k = if matches!(without_conjunction(doc.norm(k)), "عام" | "سنه" | "العام" | "لعام")
    {
        k + 1
    } else {
        k
    };
    let y = int(doc, k).filter(|y| plausible_year(*y))?;
    if !doc.same_line(k - 1, k) {
        return None;
    }
    let (end, hijri) = era_mark(doc, k + 1);
    Some((y, end, hijri))
}

/// An era mark after a year: م (Gregorian) or هـ (Hijri): index after it, Hijri.
fn era_mark(doc: &Doc, k: usize) -> (usize, bool) {
    if doc.is_word(k) && doc.same_line(k - 1, k) {
        match doc.norm(k) {
            "م" => return (k + 1, false),
            "ه" | "هـ" => return (k + 1, true),
            _ => {}
        }
    }
    (k, false)
}

fn day_value(month: Month, year: i64, day: i64) -> Option<NaiveDate> {
    match month.calendar {
        Calendar::Gregorian => ymd(year, i64::from(month.number), day),
        Calendar::Hijri => hijri::to_gregorian(year, month.number, u32::try_from(day).ok()?),
    }
}

/// Ordinal day words: الأول … العاشر، الحادي عشر … التاسع عشر، العشرين،
/// الحادي والعشرين … الثلاثين، الحادي والثلاثين.
const ORDINALS: &[&str] = &[
    "الأول",
    "الثاني",
    "الثالث",
    "الرابع",
    "الخامس",
    "السادس",
    "السابع",
    "الثامن",
    "التاسع",
    "العاشر",
];

static ORDINAL_WORDS: LazyLock<Vec<String>> =
    LazyLock::new(|| ORDINALS.iter().map(|w| norm(w)).collect());

/// An ordinal day at token `i` followed by من (السادس من أغسطس): the day and the index of من.
fn ordinal_day(doc: &Doc, i: usize) -> Option<(i64, usize)> {
    let unit = |w: &str| {
        let w = if w == "الحادي" { "الاول" } else { w };
        ORDINAL_WORDS.iter().position(|o| o == w).map(|p| p as i64 + 1)
    };
    let w = without_conjunction(doc.norm(i));
    let (day, next) = if w == "العشرين" {
        (20, i + 1)
    } else if w == "الثلاثين" {
        (30, i + 1)
    } else {
        let u = unit(w)?;
        match doc.norm(i + 1) {
            "عشر" if u < 10 => (u + 10, i + 2),
            "والعشرين" if u < 10 => (u + 20, i + 2),
            "والثلاثين" if u < 2 => (u + 30, i + 2),
            _ => (u, i + 1),
        }
    };
    (doc.norm(next) == "من").then_some((day, next))
}

/// A Hijri day (or day range) with no year: in the Hijri year that puts it nearest `r`.
fn hijri_day_near(month: u32, d1: u32, d2: Option<i64>, r: NaiveDate) -> Option<DateValue> {
    let y = hijri::year_near(r, month, d1)?;
    let first = hijri::to_gregorian(y, month, d1)?;
    match d2 {
        Some(d) => {
            Some(DateValue::Days(first, hijri::to_gregorian(y, month, u32::try_from(d).ok()?)?))
        }
        None => Some(DateValue::Day(first)),
    }
}

/// Day (or day range) + month name [+ year]: 26 تموز 2021، من 7 إلى 8 آب 2023، 7 و8 أغسطس.
fn day_month(doc: &Doc, i: usize, reference: Option<NaiveDate>) -> Option<Found> {
    let (d1, mut k) = match int(doc, i).filter(|d| (1..=31).contains(d)) {
        Some(d) => (d, i + 1),
        None => ordinal_day(doc, i)?,
    };
    let mut d2 = None;
    let joiner = doc.norm(k);
    if (doc.is_punct(k, &['-', '–']) || matches!(joiner, "الي" | "حتي" | "و" | "لغايه"))
        && doc.same_line(i, k)
    {
        if let Some(d) = int(doc, k + 1).filter(|d| (1..=31).contains(d) && *d > d1) {
            d2 = Some(d);
            k += 2;
        }
    }
    // "12 من أغسطس", "السادس من أغسطس"
    if doc.norm(k) == "من" && doc.same_line(k - 1, k) {
        k += 1;
    }
    if !doc.same_line(k - 1, k) {
        return None;
    }
    let (month, after_month, _) = month_with_alt(doc, k)?;
    let (year, end, relative) = match year_after(doc, after_month) {
        Some((y, end, _)) => (y, end, false),
        None => {
            let r = reference?;
            // "21 شوال الجاري", "22 ديسمبر المقبل": the direction word belongs to the date.
            let dir = direction(doc.norm(after_month));
            let end = if dir.is_some() { after_month + 1 } else { after_month };
            let y = match month.calendar {
                Calendar::Gregorian => {
                    let future = future_context(doc, i);
                    year_in_direction(r, month.number, u32::try_from(d1).ok()?, dir, future)
                }
                Calendar::Hijri => {
                    let d = u32::try_from(d1).ok()?;
                    return hijri_day_near(month.number, d, d2, r).map(|value| Found {
                        start: i,
                        end,
                        value,
                        relative: dir.is_some(),
                    });
                }
            };
            (i64::from(y), end, dir.is_some())
        }
    };
    let first = day_value(month, year, d1)?;
    let value = match d2 {
        Some(d) => DateValue::Days(first, day_value(month, year, d)?),
        None => DateValue::Day(first),
    };
    Some(Found { start: i, end, value, relative })
}

/// Month name [+ second name] + year, or a month alone after a cue (في مارس),
/// resolved to the latest such month on or before the reference.
fn month_year(doc: &Doc, i: usize, reference: Option<NaiveDate>) -> Option<Found> {
    let (month, after_month, alt) = month_with_alt(doc, i)?;
    if let Some((y, end, _)) = year_after(doc, after_month) {
        let value = match month.calendar {
            Calendar::Gregorian => DateValue::Month(i32::try_from(y).ok()?, month.number),
            Calendar::Hijri => {
                let (a, b) = hijri::month_range(y, month.number)?;
                DateValue::MonthDays(a, b)
            }
        };
        return Some(Found { start: i, end, value, relative: false });
    }
    let r = reference?;
    let before = i.checked_sub(1).map_or("", |k| doc.norm(k));
    if month.calendar == Calendar::Hijri {
        // "شهر رمضان", "خلال رمضان": the occurrence nearest the reference.
        let named = before == "شهر" || (month.safe_alone && is_cue(&MONTH_CUE_WORDS, before));
        if !named {
            return None;
        }
        let y = hijri::year_near(r, month.number, 1)?;
        let (a, b) = hijri::month_range(y, month.number)?;
        // A named Hijri month is not relative even when its year is inferred.
        return Some(Found {
            start: i,
            end: after_month,
            value: DateValue::MonthDays(a, b),
            relative: false,
        });
    }
    let cued = is_cue(&MONTH_CUE_WORDS, before) || without_conjunction(doc.norm(i)) != doc.norm(i);
    let dir = direction(doc.norm(after_month));
    if !(alt || (month.safe_alone && (cued || dir.is_some())) || before == "شهر") {
        return None;
    }
    // A month with no year: the latest such month on or before the reference
    // for past events, the next one for future events (the guidelines' rule);
    // المقبل / الماضي say which, else the sentence's tense does.
    let future = future_context(doc, i);
    let day = if dir == Some(Direction::This) { 1 } else { 0 };
    let year = year_in_direction(r, month.number, day, dir, future);
    let end = if dir.is_some() { after_month + 1 } else { after_month };
    let value = DateValue::Month(year, month.number);
    Some(Found { start: i, end, value, relative: dir.is_some() })
}

/// The year of `month` (and `day`; 0: the whole month) seen from `r`: strictly
/// after it for المقبل, strictly before for الماضي, this year for الجاري; with
/// no direction word, on or after for future events, else on or before.
fn year_in_direction(
    r: NaiveDate,
    month: u32,
    day: u32,
    dir: Option<Direction>,
    future: bool,
) -> i32 {
    let y = r.year();
    let this = (month, day);
    let now = (r.month(), if day == 0 { 0 } else { r.day() });
    match dir {
        Some(Direction::This) => y,
        Some(Direction::Next) if this > now => y,
        Some(Direction::Next) => y + 1,
        Some(Direction::Past) if this < now => y,
        Some(Direction::Past) => y - 1,
        None if future && this >= now => y,
        None if future => y + 1,
        None if this <= now => y,
        None => y - 1,
    }
}

/// A year: after a cue (عام 2008، في 2008), or with an era mark (2008م، 1436هـ).
fn year(doc: &Doc, i: usize) -> Option<Found> {
    let y = int(doc, i).filter(|y| plausible_year(*y))?;
    let (end, hijri) = era_mark(doc, i + 1);
    let marked = end > i + 1;
    let cued = i >= 1
        && doc.is_word(i - 1)
        && is_cue(&YEAR_CUE_WORDS, doc.norm(i - 1))
        && doc.same_line(i - 1, i);
    if !marked && !cued {
        return None;
    }
    // "في 2008" but not "في 2500 جندي": a year is 1900–2100 unless marked.
    if !marked && !(1900..=2100).contains(&y) {
        return None;
    }
    if !marked && crate::quantities::unit_follows(doc, i + 1) {
        return None;
    }
    let value = if hijri || (1300..=1600).contains(&y) && marked && !matches!(doc.norm(i + 1), "م")
    {
        let (a, b) = hijri::year_range(y)?;
        DateValue::YearDays(a, b)
    } else {
        DateValue::Year(i32::try_from(y).ok()?)
    };
    Some(Found { start: i, end, value, relative: false })
}
