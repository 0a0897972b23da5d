//! "N units ago" resolved against a reference date: قبل يومين، قبل عام، منذ
//! أربع سنوات، قبل نحو 4 أشهر، قبل 40 سنة. The guidelines make these dates,
//! not quantities: the day (days, weeks), month or year that far back, at that
//! precision. A duration with no قبل/منذ (خلال 24 شهرا) stays a quantity.

use super::months::is_month_word;
use super::relative::shift;
use super::{add_months, plausible_year, DateValue, Found};
use crate::doc::{without_conjunction, Doc};
use crate::quantities::words;
use chrono::{Datelike, NaiveDate};
use marsad_text::TokenKind;

/// The calendar unit of a counted noun: singular, plural or dual (the count a dual implies).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Day,
    Week,
    Month,
    Year,
}

/// A unit word: the unit, and 1 for a singular, 2 for a dual, 0 for a plural.
fn unit(word: &str) -> Option<(Unit, u32)> {
    Some(match word {
        "يوم" => (Unit::Day, 1),
        "يومين" | "يومان" => (Unit::Day, 2),
        "ايام" => (Unit::Day, 0),
        "اسبوع" => (Unit::Week, 1),
        "اسبوعين" | "اسبوعان" => (Unit::Week, 2),
        "اسابيع" => (Unit::Week, 0),
        "شهر" => (Unit::Month, 1),
        "شهرين" | "شهران" => (Unit::Month, 2),
        "اشهر" | "شهور" => (Unit::Month, 0),
        "عام" | "سنه" => (Unit::Year, 1),
        "عامين" | "عامان" | "سنتين" | "سنتان" => (Unit::Year, 2),
        "اعوام" | "سنوات" | "سنين" | "عاما" => (Unit::Year, 0),
        "يوما" => (Unit::Day, 0),
        "اسبوعا" => (Unit::Week, 0),
        "شهرا" => (Unit::Month, 0),
        _ => return None,
    })
}

/// Approximation words that may stand between قبل/منذ and the count.
fn approximation(doc: &Doc, k: usize) -> usize {
    match doc.norm(k) {
        "نحو" | "حوالي" | "حوالى" | "قرابه" | "زهاء" => k + 1,
        "ما" if doc.norm(k + 1) == "يقارب" => k + 2,
        "اكثر" | "اقل" if doc.norm(k + 1) == "من" => k + 2,
        _ => k,
    }
}

/// A count at token `k` (digits or number words): the count and the index after it.
fn count(doc: &Doc, k: usize) -> Option<(u32, usize)> {
    let t = doc.tokens.get(k)?;
    if t.kind == TokenKind::Number {
        let n: u32 = t.norm.parse().ok()?;
        return Some((n, k + 1));
    }
    let parsed = words::parse(doc, k).filter(|p| !p.vague)?;
    let n = parsed.value;
    ((1.0..=1000.0).contains(&n) && n.fract() == 0.0).then_some((n as u32, parsed.end))
}

/// قبل|منذ [approximation] (count unit | dual unit | singular unit) at token `i`.
pub(crate) fn at(doc: &Doc, i: usize, r: NaiveDate) -> Option<Found> {
    if !matches!(without_conjunction(doc.norm(i)), "قبل" | "منذ") {
        return None;
    }
    let k = approximation(doc, i + 1);
    let (n, unit_at) = match count(doc, k) {
        Some((n, after)) => (Some(n), after),
        None => (None, k),
    };
    if !doc.same_line(i, unit_at) {
        return None;
    }
    let (unit, implied) = unit(doc.norm(unit_at))?;
    let n = match (n, implied) {
        (Some(n), _) => n,
        (None, 0) => return None,
        (None, implied) => implied,
    };
    // "منذ عام 2008" is a year and "منذ شهر يونيو" a month, read by the absolute reader.
    let after = doc.tokens.get(unit_at + 1);
    if after.is_some_and(|t| t.kind == TokenKind::Number) || is_month_word(doc.norm(unit_at + 1)) {
        return None;
    }
    let n = i64::from(n);
    let value = match unit {
        Unit::Day => DateValue::Day(shift(r, -n)?),
        Unit::Week => DateValue::Day(shift(r, -7 * n)?),
        Unit::Month => {
            let (y, m) = add_months(r.year(), r.month(), -i32::try_from(n).ok()?);
            DateValue::Month(y, m)
        }
        Unit::Year => {
            let y = i64::from(r.year()) - n;
            if !plausible_year(y) {
                return None;
            }
            DateValue::Year(i32::try_from(y).ok()?)
        }
    };
    Some(Found { start: i, end: unit_at + 1, value, relative: true })
}
