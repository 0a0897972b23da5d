//! Quantities: how many, how much. Numbers in digits (2,500، 4.5، ٤٫٥) or words
//! (خمسة وعشرين، ألفين، عشرات), scaled (50 ألف، 4.5 مليون), ranges (بين 10 و20،
//! من 10 إلى 20، 10-20), approximations (نحو، حوالي، أكثر من …) and the unit or
//! counted noun after them (see [`units`]).
//!
//! Not quantities: years and dates (the date annotator's spans are passed in
//! and skipped, and a bare 1900–2100 integer is taken for a year), clock times
//! (10:30), phone-like digit strings, model numbers (F-16, COVID-19) and
//! references (المادة 5، رقم 3).

mod adjectival;
mod exclusions;
mod names;
mod units;
pub(crate) mod words;

use crate::doc::{without_particles, Doc};
use marsad_model::Span;
use marsad_text::TokenKind;
use serde::Serialize;

/// One quantity (`quantities` in `marsad analyze --json`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    pub span: Span,
    pub text: String,
    /// The value, scaled (50 ألف → 50000); for a range, its lower bound.
    pub value: f64,
    /// Unit label ("percent", "km2", "USD", "soldier" …) or the counted noun's
    /// normalized form; null when none follows.
    pub unit: Option<String>,
    pub approximate: bool,
    /// (+) `[low, high]` for a range.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub range: Option<[f64; 2]>,
}

/// Whether a unit from the lexicon (not just any noun) starts at token `j`.
pub fn unit_follows(doc: &Doc, j: usize) -> bool {
    units::unit_at(doc, j).is_some_and(|u| u.known && u.label != "year")
}

/// Every quantity in `doc`, skipping tokens inside `exclude` (date spans, sorted or not).
pub fn quantities(doc: &Doc, exclude: &[Span]) -> Vec<Quantity> {
    let mut sorted = exclude.to_vec();
    sorted.sort_unstable();
    let exclude = sorted.as_slice();
    let mut out = Vec::new();
    let mut i = 0;
    let n = doc.tokens.len();
    while i < n {
        let excluded = |k: usize| doc.tokens.get(k).is_some_and(|t| overlaps(exclude, t.span));
        if excluded(i) {
            i += 1;
            continue;
        }
        match number_at(doc, i) {
            Some(found) if !found_is_excluded(&found, doc, exclude) => {
                match build(doc, i, found) {
                    Ok((q, next)) => {
                        out.push(q);
                        i = next;
                    }
                    // Not a quantity, nor any number inside it (a year range, "(2-2)").
                    Err(next) => i = next.max(i + 1),
                }
            }
            _ => match adjectival::at(doc, i) {
                Some((q, next)) => {
                    out.push(q);
                    i = next;
                }
                None => i += 1,
            },
        }
    }
    out
}

/// A number at token `i`: value, end (exclusive), vague, written in digits.
#[derive(Debug, Clone, Copy)]
struct Number {
    value: f64,
    end: usize,
    vague: bool,
    digits: bool,
    /// The scale word the number ends with (ألف، مليون …).
    scale: Option<f64>,
}

/// Whether `span` overlaps one of the sorted, non-overlapping `spans` (binary search).
fn overlaps(spans: &[Span], span: Span) -> bool {
    let idx = spans.partition_point(|s| s.end <= span.start);
    spans.get(idx).is_some_and(|s| s.start < span.end)
}

fn found_is_excluded(found: &Number, doc: &Doc, exclude: &[Span]) -> bool {
    let last = doc.span(found.end.saturating_sub(1), found.end.saturating_sub(1));
    overlaps(exclude, last)
}

fn number_at(doc: &Doc, i: usize) -> Option<Number> {
    let t = doc.tokens.get(i)?;
    match t.kind {
        TokenKind::Number => {
            let mut value: f64 = t.norm.parse().ok()?;
            let mut end = i + 1;
            let mut scale = None;
            let touching = |a: usize, b: usize| matches!((doc.tokens.get(a), doc.tokens.get(b)), (Some(x), Some(y)) if x.span.end == y.span.start);
            let digits_after = |k: usize| {
                doc.tokens
                    .get(k)
                    .filter(|f| f.kind == TokenKind::Number && !f.norm.contains('.'))
                    .map(|f| f.norm.as_str())
            };
            // "11،000": the Arabic comma as a thousands separator.
            let mut grouped = t.norm.clone();
            while doc.is_punct(end, &['،']) && touching(end - 1, end) && touching(end, end + 1) {
                match digits_after(end + 1) {
                    Some(g) if g.len() == 3 && !grouped.contains('.') => {
                        grouped.push_str(g);
                        end += 2;
                    }
                    _ => break,
                }
            }
            if end > i + 1 {
                value = grouped.parse().ok()?;
            }
            // "1،6 مليون": the Arabic comma as the decimal point, before a scale word.
            if end == i + 1 && doc.is_punct(end, &['،', ',']) && !t.norm.contains('.') {
                if let Some(f) = digits_after(end + 1).filter(|f| f.len() <= 2) {
                    if touching(i, end)
                        && touching(end, end + 1)
                        && words::scale(doc.norm(end + 2)).is_some()
                    {
                        value = format!("{}.{}", t.norm, f).parse().ok()?;
                        end += 2;
                    }
                }
            }
            // "5ر64 مليون": ر as the decimal point (some Gulf papers).
            if end == i + 1 && doc.norm(end) == "ر" && touching(i, end) && touching(end, end + 1) {
                if let Some(f) = digits_after(end + 1) {
                    value = format!("{}.{}", t.norm, f).parse().ok()?;
                    end += 2;
                }
            }
            // "80.000 متر": a point before exactly three zeros groups thousands.
            if let Some((whole, "000")) = t.norm.split_once('.') {
                value = whole.parse::<f64>().ok()? * 1000.0;
            }
            // A scale word after digits: 50 ألف، 4.5 مليون (also و-less "2 مليار").
            if doc.is_word(end) && doc.same_line(end - 1, end) {
                if let Some(m) = words::scale(doc.norm(end)) {
                    value *= m;
                    end += 1;
                    scale = Some(m);
                }
            }
            Some(Number { value, end, vague: false, digits: true, scale })
        }
        TokenKind::Word => {
            let p = words::parse(doc, i)?;
            Some(Number {
                value: p.value,
                end: p.end,
                vague: p.vague,
                digits: false,
                scale: p.scale,
            })
        }
        _ => None,
    }
}

/// Whether token `i` follows عام / العام / سنة (a year, whatever comes after it).
fn follows_year_word(doc: &Doc, i: usize) -> bool {
    i >= 1 && matches!(without_particles(doc.norm(i - 1)), "عام" | "العام" | "سنه" | "السنه")
}

/// The quantity starting at token `i` and the index after it; `Err(next)` when
/// there is none and scanning resumes at `next`.
fn build(doc: &Doc, i: usize, first: Number) -> Result<(Quantity, usize), usize> {
    if first.digits && exclusions::is_not_a_quantity(doc, i) {
        return Err(i + 1);
    }
    let mut start = i;
    let mut end = first.end;
    let mut approximate = first.vague;
    let mut range = None;
    let mut value = first.value;

    // Ranges: 10-20, بين 10 و20, من 10 إلى 20.
    let before = i.checked_sub(1).map_or("", |k| doc.norm(k));
    let joiner = doc.norm(end);
    let between = before == "بين" || before == "وبين";
    let second_at = if (doc.is_punct(end, &['-', '–', '—']) && doc.same_line(end - 1, end))
        || (between && joiner == "و")
    {
        Some(end + 1)
    } else if (before == "بين" || before == "وبين")
        && joiner.starts_with('و')
        && words::lookup(&joiner['و'.len_utf8()..]).is_some()
    {
        Some(end)
    } else if (before == "من" || before == "ومن" || between)
        && matches!(joiner, "الي" | "حتي" | "لغايه")
    {
        Some(end + 1)
    } else {
        None
    };
    if let Some(k) = second_at {
        let second = if doc.norm(k).starts_with('و') && doc.is_word(k) && k == end {
            words::parse(doc, k).map(|p| Number {
                value: p.value,
                end: p.end,
                vague: p.vague,
                digits: false,
                scale: p.scale,
            })
        } else {
            number_at(doc, k)
        };
        if let Some(second) =
            second.filter(|s| s.value > first.value || (s.value > 0.0 && first.scale.is_none()))
        {
            let (mut lo, hi) = (first.value, second.value);
            // "بين 10 و20 ألفا": the scale of the second applies to the first.
            if let (Some(scale), None) = (second.scale, first.scale) {
                if lo * scale <= hi {
                    lo *= scale;
                }
            }
            let yearish = |v: f64| (1900.0..=2100.0).contains(&v) && v.fract() == 0.0;
            let era_mark = doc.is_word(second.end) && matches!(doc.norm(second.end), "ه" | "م");
            // "(2-2)", "(1-2)": part numbers, not a range.
            let parenthesised =
                i >= 1 && doc.is_punct(i - 1, &['(']) && doc.is_punct(second.end, &[')']);
            if era_mark
                || lo == hi
                || parenthesised && units::unit_at(doc, second.end + 1).is_none_or(|u| !u.known)
            {
                return Err(second.end);
            }
            if yearish(lo)
                && yearish(hi)
                && first.scale.is_none()
                && second.scale.is_none()
                && units::unit_at(doc, second.end).is_none_or(|u| !u.known)
            {
                return Err(second.end);
            }
            if lo <= hi {
                range = Some([lo, hi]);
                value = lo;
                end = second.end;
                if !doc.is_punct(second_at.map_or(0, |k| k.saturating_sub(1)), &['-', '–', '—'])
                {
                    start = i - 1;
                }
            }
        }
    }

    // "(15516) جهازا", "(627.3) مليون عملية": the unit or scale after the parenthesis.
    if i >= 1 && doc.is_punct(i - 1, &['(']) && doc.is_punct(end, &[')']) && end == first.end {
        if let Some(m) = doc.tokens.get(end + 1).and_then(|t| words::scale(&t.norm)) {
            value *= m;
            end += 2;
        } else if units::unit_at(doc, end + 1).is_some() {
            end += 1;
        }
    }
    // A bare year-like integer with nothing after it is a year, not a quantity.
    let unit = units::unit_at(doc, end);
    if let Some(k) = units::approx_before(doc, start) {
        approximate = true;
        start = k;
    }
    if first.digits
        && range.is_none()
        && first.scale.is_none()
        && (unit.as_ref().is_none_or(|u| !u.known) || follows_year_word(doc, i))
        && !approximate
    {
        let is_int = doc.tokens.get(i).is_some_and(|t| !t.norm.contains('.'));
        if is_int && (1900.0..=2100.0).contains(&value) {
            return Err(i + 1);
        }
    }
    // Vague amounts (عشرات، بملايين الريالات) are not quantities in the guidelines.
    if first.vague && range.is_none() {
        return Err(first.end);
    }
    if first.digits
        && range.is_none()
        && first.scale.is_none()
        && names::inside_name(doc, i, end, unit.as_ref())
    {
        return Err(end);
    }
    // Numbers in words need a unit or a scale to be worth reporting.
    if !first.digits && unit.is_none() && first.value < 1000.0 && range.is_none() && !first.vague {
        return Err(i + 1);
    }
    if let Some(u) = &unit {
        end = u.end;
    }
    if units::approx_after(doc, end) {
        approximate = true;
        end += 1;
    }
    let span = doc.span(start, end - 1);
    Ok((
        Quantity {
            span,
            text: doc.slice(span).to_owned(),
            value,
            unit: unit.map(|u| u.label),
            approximate,
            range,
        },
        end,
    ))
}

#[cfg(test)]
mod tests;
