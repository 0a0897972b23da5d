//! Relative dates resolved against a reference date: أمس، أمس الأول، اليوم،
//! غدا، بعد غد، (يوم) الاثنين [المقبل/الماضي]، الأسبوع الماضي/المقبل، الشهر
//! الماضي/الجاري/المقبل، العام الماضي/الجاري/المقبل (and السنة …).
//!
//! A weekday alone is the most recent such day on or before the reference
//! (news says "الاثنين" for the Monday just past, or today); المقبل/القادم
//! moves it to the next one, الماضي to the one strictly before.

use super::months::weekday;
use super::{add_months, DateValue, Found};
use crate::doc::{without_conjunction, Doc};
use chrono::{Datelike, Days, NaiveDate};

/// Which way a relative expression points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Direction {
    Past,
    This,
    Next,
}

fn direction(word: &str) -> Option<Direction> {
    match word {
        "الماضي" | "الماضيه" | "المنصرم" | "المنصرمه" | "السابق" | "الفائت" => {
            Some(Direction::Past)
        }
        "المقبل" | "المقبله" | "القادم" | "القادمه" => {
            Some(Direction::Next)
        }
        "الجاري" | "الحالي" | "الجاريه" | "الحاليه" => {
            Some(Direction::This)
        }
        _ => None,
    }
}

fn shift(date: NaiveDate, days: i64) -> Option<NaiveDate> {
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
    let w = doc.norm(i);
    let bare = without_conjunction(w);
    let next = doc.norm(i + 1);
    let day = |start: usize, end: usize, d: Option<NaiveDate>| {
        d.map(|d| Found { start, end, value: DateValue::Day(d), relative: true })
    };
    match bare {
        "امس" | "بالامس" => {
            if next == "الاول" {
                return day(i, i + 2, shift(r, -2));
            }
            return day(i, i + 1, shift(r, -1));
        }
        "اول" if next == "امس" => return day(i, i + 2, shift(r, -2)),
        "غدا" => return day(i, i + 1, shift(r, 1)),
        "بعد" if next == "غد" => return day(i, i + 2, shift(r, 2)),
        "اليوم" => {
            // Not "اليوم التالي" / "اليوم الذي" / "اليوم الوطني": a bare اليوم, or before a weekday.
            let n = doc.norm(i + 1);
            let modifier = doc.is_word(i + 1) && n.starts_with("ال") && weekday(n).is_none();
            if !modifier && !matches!(n, "الذي" | "نفسه" | "ذاته") {
                return day(i, i + 1, Some(r));
            }
            return None;
        }
        _ => {}
    }
    // (يوم) الاثنين [المقبل|الماضي]
    let (wd_at, start) = if matches!(bare, "يوم" | "يومي") && weekday(next).is_some() {
        (i + 1, i)
    } else {
        (i, i)
    };
    if let Some(wd) = weekday(doc.norm(wd_at)) {
        let dir = direction(doc.norm(wd_at + 1));
        let end = if dir.is_some() { wd_at + 2 } else { wd_at + 1 };
        let today = r.weekday().num_days_from_monday() as i64;
        let back = (today - i64::from(wd)).rem_euclid(7);
        let date = match dir {
            Some(Direction::Next) => shift(r, if back == 0 { 7 } else { 7 - back }),
            Some(Direction::Past) => shift(r, if back == 0 { -7 } else { -back }),
            _ => shift(r, -back),
        };
        return day(start, end, date);
    }
    // الأسبوع/الشهر/العام [الماضي|المقبل|الجاري], هذا الشهر/العام
    let (unit_at, dir, start) = if matches!(bare, "هذا" | "هذه") {
        (i + 1, Some(Direction::This), i)
    } else {
        (i, direction(next), i)
    };
    let dir = dir?;
    let unit = without_conjunction(doc.norm(unit_at));
    let end = i + 2;
    let value = match unit {
        "الاسبوع" => {
            let monday = shift(r, -(r.weekday().num_days_from_monday() as i64))?;
            let offset = match dir {
                Direction::Past => -7,
                Direction::This => 0,
                Direction::Next => 7,
            };
            let a = shift(monday, offset)?;
            DateValue::Days(a, shift(a, 6)?)
        }
        "الشهر" => {
            let delta = match dir {
                Direction::Past => -1,
                Direction::This => 0,
                Direction::Next => 1,
            };
            let (y, m) = add_months(r.year(), r.month(), delta);
            DateValue::Month(y, m)
        }
        "العام" | "السنه" | "عام" => {
            let delta = match dir {
                Direction::Past => -1,
                Direction::This => 0,
                Direction::Next => 1,
            };
            DateValue::Year(r.year() + delta)
        }
        _ => return None,
    };
    Some(Found { start, end, value, relative: true })
}
