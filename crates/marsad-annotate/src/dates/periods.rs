//! Relative periods resolved against a reference date:
//! - a week, month or year with a direction or هذا: الأسبوع الماضي، الشهر
//!   الجاري، هذا العام، العام المقبل;
//! - the same after a part-of word, where the direction may be left out and
//!   means the current one: مطلع الأسبوع، منتصف الشهر، بنهاية العام، أواخر
//!   الشهر الماضي. The part does not narrow the value (the guidelines give
//!   `مطلع ذي الحجة` its whole month, `مطلع الأسبوع` its whole week);
//! - quarters and halves of a year: الربع الثاني [من العام المقبل 2016]،
//!   النصف الأول من العام → a month range.
//!
//! Weeks run Sunday to Saturday, the Saudi working week the guidelines use.

use super::relative::{direction, shift, Direction};
use super::{add_months, plausible_year, DateValue, Found};
use crate::doc::{without_conjunction, without_particles, Doc};
use chrono::{Datelike, NaiveDate};
use marsad_text::TokenKind;

/// The calendar unit a normalized word names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Week,
    Month,
    Year,
}

fn unit(word: &str) -> Option<Unit> {
    match without_particles(word) {
        "الاسبوع" => Some(Unit::Week),
        "الشهر" => Some(Unit::Month),
        "العام" | "السنه" => Some(Unit::Year),
        _ => None,
    }
}

/// Part-of words: مطلع، بداية، أوائل، منتصف، أواسط، أواخر، نهاية، ختام، مستهل
/// (بداية itself starts with ب, so the word is tried before stripping particles).
fn is_part(word: &str) -> bool {
    let part = |w: &str| {
        matches!(
            w,
            "مطلع"
                | "بدايه"
                | "اوائل"
                | "منتصف"
                | "اواسط"
                | "اواخر"
                | "نهايه"
                | "ختام"
                | "مستهل"
        )
    };
    part(without_conjunction(word)) || part(without_particles(word))
}

fn delta(dir: Direction) -> i32 {
    match dir {
        Direction::Past => -1,
        Direction::This => 0,
        Direction::Next => 1,
    }
}

/// A plausible year written in digits at token `k`.
fn year_at(doc: &Doc, k: usize) -> Option<i32> {
    let t = doc.tokens.get(k)?;
    if t.kind != TokenKind::Number || t.norm.len() != 4 {
        return None;
    }
    let y: i64 = t.norm.parse().ok()?;
    if !plausible_year(y) {
        return None;
    }
    i32::try_from(y).ok()
}

/// A relative period starting at token `i`.
pub(crate) fn at(doc: &Doc, i: usize, r: NaiveDate) -> Option<Found> {
    quarter(doc, i, r).or_else(|| unit_period(doc, i, r))
}

/// [part] [هذا|هذه] unit [direction]; without a part, a direction or هذا is required.
fn unit_period(doc: &Doc, i: usize, r: NaiveDate) -> Option<Found> {
    let part = is_part(doc.norm(i));
    let mut k = if part { i + 1 } else { i };
    let this = matches!(without_particles(doc.norm(k)), "هذا" | "هذه");
    if this {
        k += 1;
    }
    let unit = unit(doc.norm(k))?;
    let dir = direction(doc.norm(k + 1));
    let end = if dir.is_some() { k + 2 } else { k + 1 };
    let dir = match dir {
        Some(d) => d,
        None if this || part => Direction::This,
        None => return None,
    };
    // "مطلع العام 2016", "العام الماضي 2014": the year is stated; the absolute reader takes it.
    if year_at(doc, end).is_some() {
        return None;
    }
    let value = match unit {
        Unit::Week => {
            let sunday = shift(r, -i64::from(r.weekday().num_days_from_sunday()))?;
            let a = shift(sunday, 7 * i64::from(delta(dir)))?;
            DateValue::Days(a, shift(a, 6)?)
        }
        Unit::Month => {
            let (y, m) = add_months(r.year(), r.month(), delta(dir));
            DateValue::Month(y, m)
        }
        Unit::Year => DateValue::Year(r.year() + delta(dir)),
    };
    Some(Found { start: i, end, value, relative: true })
}

/// الربع الأول … الرابع / الأخير، النصف الأول / الثاني [من|خلال] [العام|السنة]
/// [direction] [year]. A half needs the year words (النصف الأول alone is a match half).
fn quarter(doc: &Doc, i: usize, r: NaiveDate) -> Option<Found> {
    let months_per_part = match without_particles(doc.norm(i)) {
        "الربع" => 3,
        "النصف" => 6,
        _ => return None,
    };
    let index: u32 = match doc.norm(i + 1) {
        "الاول" => 1,
        "الثاني" => 2,
        "الثالث" if months_per_part == 3 => 3,
        "الرابع" | "الاخير" if months_per_part == 3 => 4,
        "الاخير" => 2,
        _ => return None,
    };
    let mut k = i + 2;
    if matches!(doc.norm(k), "من" | "خلال") {
        k += 1;
    }
    let mut year = r.year();
    let mut stated = false;
    let mut numbered = false;
    if unit(doc.norm(k)) == Some(Unit::Year) || doc.norm(k) == "عام" {
        k += 1;
        stated = true;
        if let Some(dir) = direction(doc.norm(k)) {
            year += delta(dir);
            k += 1;
        }
    }
    if let Some(y) = year_at(doc, k) {
        year = y;
        k += 1;
        stated = true;
        numbered = true;
    }
    if months_per_part == 6 && !stated {
        return None;
    }
    let first = (index - 1) * months_per_part + 1;
    let value = DateValue::Months((year, first), (year, first + months_per_part - 1));
    // With its year written out the quarter is a named date, not a relative one.
    Some(Found { start: i, end: k, value, relative: !numbered })
}
