//! Dates: absolute dates in every month system (see [`months`]), Hijri dates
//! converted to Gregorian ([`hijri`]), numeric dates (26/7/2021, 2021-07-26),
//! day ranges (من 7 إلى 8 آب 2023، 7 و8 أغسطس), month + year, years alone
//! (عام 2008، في 2008، 1436هـ), and relative expressions (أمس، يوم الاثنين،
//! الأسبوع الماضي، العام المقبل …) resolved against a reference date.
//!
//! The reference date is the article's publication date; without one, its
//! dateline date ([`dateline`]); without one, the latest full date the text
//! states ([`reference_date`]). Expressions that need a reference (أمس, a
//! month without a year) are left out when there is none.

mod absolute;
mod ago;
pub mod hijri;
mod joined;
pub mod months;
mod periods;
mod relative;
mod umm_al_qura;

use crate::doc::Doc;
use chrono::NaiveDate;
use marsad_model::Span;
use serde::Serialize;

/// How precise a date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Month,
    Year,
}

/// A date value before formatting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateValue {
    Day(NaiveDate),
    /// Inclusive day range.
    Days(NaiveDate, NaiveDate),
    Month(i32, u32),
    Year(i32),
    /// A Hijri month as its Gregorian days: a day range at month precision.
    MonthDays(NaiveDate, NaiveDate),
    /// Inclusive month range (الربع الثاني → April–June).
    Months((i32, u32), (i32, u32)),
    /// A Hijri year as its Gregorian days: a day range at year precision.
    YearDays(NaiveDate, NaiveDate),
    /// Inclusive year range (1861-1865, the 2015/2016 season).
    Years(i32, i32),
}

impl DateValue {
    /// ISO form: `2023-08-07`, `2023-08-07/2023-08-08`, `2023-08`, `2023`.
    pub fn iso(&self) -> String {
        match self {
            DateValue::Day(d) => d.format("%Y-%m-%d").to_string(),
            DateValue::Days(a, b) | DateValue::MonthDays(a, b) | DateValue::YearDays(a, b) => {
                format!("{}/{}", a.format("%Y-%m-%d"), b.format("%Y-%m-%d"))
            }
            DateValue::Month(y, m) => format!("{y:04}-{m:02}"),
            DateValue::Year(y) => format!("{y:04}"),
            DateValue::Months((y1, m1), (y2, m2)) => format!("{y1:04}-{m1:02}/{y2:04}-{m2:02}"),
            DateValue::Years(a, b) => format!("{a:04}/{b:04}"),
        }
    }

    pub fn precision(&self) -> Precision {
        match self {
            DateValue::Day(_) | DateValue::Days(..) => Precision::Day,
            DateValue::Month(..) | DateValue::MonthDays(..) | DateValue::Months(..) => {
                Precision::Month
            }
            DateValue::Year(_) | DateValue::YearDays(..) | DateValue::Years(..) => Precision::Year,
        }
    }

    /// The last day the value covers (for picking a reference date).
    fn last_day(&self) -> Option<NaiveDate> {
        match self {
            DateValue::Day(d) | DateValue::Days(_, d) => Some(*d),
            _ => None,
        }
    }
}

/// One date mention (`dates` in `marsad analyze --json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateMention {
    pub span: Span,
    pub text: String,
    pub value: String,
    pub precision: Precision,
    /// Resolved against the reference date (أمس، يوم الاثنين، a month with no year).
    pub relative: bool,
}

/// A found date before it becomes a [`DateMention`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Found {
    pub start: usize,
    /// Token index after the last token.
    pub end: usize,
    pub value: DateValue,
    pub relative: bool,
}

/// Every date in `doc`; `reference` resolves relative expressions.
pub fn dates(doc: &Doc, reference: Option<NaiveDate>) -> Vec<DateMention> {
    scan(doc, reference)
        .into_iter()
        .map(|f| {
            let span = doc.span(f.start, f.end.saturating_sub(1));
            DateMention {
                span,
                text: doc.slice(span).to_owned(),
                value: f.value.iso(),
                precision: f.value.precision(),
                relative: f.relative,
            }
        })
        .collect()
}

fn scan(doc: &Doc, reference: Option<NaiveDate>) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < doc.tokens.len() {
        let found = absolute::at(doc, i, reference)
            .map(|f| joined::range_after(doc, f, reference))
            .or_else(|| {
                reference
                    .and_then(|r| relative::at(doc, i, r))
                    .map(|f| joined::weekday_with_date(doc, f, reference))
            });
        match found {
            Some(f) if f.end > i => {
                i = f.end;
                out.push(f);
            }
            _ => i += 1,
        }
    }
    out
}

/// The publication date a dateline gives in the first lines of an article
/// (`حرية – (26/7/2021)`, `الرياض 26 يوليو 2021`): the first full absolute
/// date in the first three paragraphs, if they are short (≤ 300 bytes each).
pub fn dateline(text: &str) -> Option<NaiveDate> {
    let head_end = marsad_text::paragraphs(text)
        .into_iter()
        .take(3)
        .take_while(|p| p.len() <= 300)
        .last()
        .map_or(0, |p| p.end);
    let head = text.get(..head_end)?;
    let doc = Doc::new(head);
    scan(&doc, None).into_iter().find_map(|f| match f.value {
        DateValue::Day(d) if !f.relative => Some(d),
        _ => None,
    })
}

/// The date relative expressions are resolved against: `published`, else the
/// dateline's date, else the latest full date (day precision) the text states.
pub fn reference_date(doc: &Doc, published: Option<NaiveDate>) -> Option<NaiveDate> {
    published.or_else(|| dateline(doc.text)).or_else(|| {
        scan(doc, None).into_iter().filter(|f| !f.relative).filter_map(|f| f.value.last_day()).max()
    })
}

/// Whether a normalized word is a month or weekday name (not a counted noun).
pub fn is_date_word(word: &str) -> bool {
    months::is_month_word(word) || months::weekday(word).is_some()
}

/// Clamp a year to the range dates are reported in.
pub(crate) fn plausible_year(y: i64) -> bool {
    (1000..=2200).contains(&y)
}

/// Shift a month by `delta` months.
pub(crate) fn add_months(year: i32, month: u32, delta: i32) -> (i32, u32) {
    let total = year * 12 + month as i32 - 1 + delta;
    (total.div_euclid(12), (total.rem_euclid(12) + 1) as u32)
}

#[cfg(test)]
mod tests;
