//! Dates written as two pieces that the guidelines count as one item:
//! - a weekday (or a deictic day naming one) before a full date: `الأحد 19
//!   يوليو`, `يوم الخميس 28 شوال الجاري` take the date's value over the whole span;
//! - two day dates joined by و / إلى / حتى / - : `بين 22 ديسمبر المقبل والرابع
//!   من يناير 2016` is one day range.

use super::months::weekday;
use super::{absolute, DateValue, Found};
use chrono::NaiveDate;

use crate::doc::Doc;

/// The first and last day of a day-precision value.
fn days(value: DateValue) -> Option<(NaiveDate, NaiveDate)> {
    match value {
        DateValue::Day(d) => Some((d, d)),
        DateValue::Days(a, b) => Some((a, b)),
        _ => None,
    }
}

/// `found` (a relative date) widened over a full date right after it, when it names a weekday.
pub(crate) fn weekday_with_date(doc: &Doc, found: Found, reference: Option<NaiveDate>) -> Found {
    let names_weekday = (found.start..found.end).any(|k| weekday(doc.norm(k)).is_some());
    if !names_weekday {
        return found;
    }
    let at = if doc.is_punct(found.end, &['،', ',', '(', '-', '–']) {
        found.end + 1
    } else {
        found.end
    };
    if !doc.same_line(found.end.saturating_sub(1), at) {
        return found;
    }
    match absolute::at(doc, at, reference) {
        Some(date) if days(date.value).is_some() => {
            let end = if doc.is_punct(date.end, &[')']) && doc.is_punct(found.end, &['(']) {
                date.end + 1
            } else {
                date.end
            };
            range_after(doc, Found { start: found.start, end, ..date }, reference)
        }
        _ => found,
    }
}

/// `found` (a day date) extended to a day range when a second day date is joined to it.
pub(crate) fn range_after(doc: &Doc, found: Found, reference: Option<NaiveDate>) -> Found {
    let Some((first, _)) = days(found.value) else {
        return found;
    };
    let j = found.end;
    let next = if doc.is_punct(j, &['-', '–'])
        || matches!(doc.norm(j), "و" | "الي" | "حتي" | "لغايه")
    {
        j + 1
    } else if doc.norm(j).starts_with('و') {
        // "والرابع من يناير": the conjunction is part of the word.
        j
    } else {
        return found;
    };
    if !doc.same_line(j.saturating_sub(1), next) {
        return found;
    }
    match absolute::at(doc, next, reference).and_then(|second| {
        let (_, last) = days(second.value)?;
        let gap = (last - first).num_days();
        (1..=366).contains(&gap).then_some((second, last))
    }) {
        Some((second, last)) => Found {
            start: found.start,
            end: second.end,
            value: DateValue::Days(first, last),
            relative: found.relative || second.relative,
        },
        None => found,
    }
}
