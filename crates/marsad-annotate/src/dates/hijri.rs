//! Hijri → Gregorian conversion: the Umm al-Qura calendar (the Saudi official
//! one, [`super::umm_al_qura`]) for 1365–1500 AH, the tabular (arithmetical)
//! Islamic calendar outside it: 30-year cycles, leap years 2, 5, 7, 10, 13, 16,
//! 18, 21, 24, 26, 29, civil epoch 1 Muharram 1 AH = 16 July 622 (Julian), JDN
//! 1948440.
//!
//! The tabular calendar is a day off Umm al-Qura about half the time (25 Shawwal
//! 1436 is 10 August 2015 in Saudi datelines, 11 August in the tabular one),
//! which made every such date wrong at day precision.

use super::umm_al_qura;
use chrono::NaiveDate;

/// JDN of 1 January 1 CE (proleptic Gregorian) minus one: chrono's day count base.
const JDN_CE_BASE: i64 = 1_721_425;

/// The Julian day number of a Hijri date (month 1–12, day 1–30).
fn jdn(year: i64, month: i64, day: i64) -> i64 {
    day + (59 * (month - 1) + 1) / 2 + (year - 1) * 354 + (3 + 11 * year).div_euclid(30) + 1_948_439
}

/// The Gregorian date of a Hijri date; `None` when out of range.
pub fn to_gregorian(year: i64, month: u32, day: u32) -> Option<NaiveDate> {
    if !(1..=12).contains(&month) || !(1..=30).contains(&day) || !(1..=3000).contains(&year) {
        return None;
    }
    umm_al_qura::to_gregorian(year, month, day).or_else(|| tabular(year, month, day))
}

/// The tabular calendar's Gregorian date of a Hijri date (arguments in range).
fn tabular(year: i64, month: u32, day: u32) -> Option<NaiveDate> {
    let days = jdn(year, i64::from(month), i64::from(day)) - JDN_CE_BASE;
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(days).ok()?)
}

/// Length of a Hijri month (29 or 30 days).
pub fn month_length(year: i64, month: u32) -> u32 {
    if let Some(days) = umm_al_qura::month_length(year, month) {
        return days;
    }
    let start = to_gregorian(year, month, 1);
    let next =
        if month == 12 { to_gregorian(year + 1, 1, 1) } else { to_gregorian(year, month + 1, 1) };
    match (start, next) {
        (Some(a), Some(b)) => u32::try_from((b - a).num_days()).unwrap_or(30),
        _ => 30,
    }
}

/// First and last Gregorian day of a Hijri month.
pub fn month_range(year: i64, month: u32) -> Option<(NaiveDate, NaiveDate)> {
    let first = to_gregorian(year, month, 1)?;
    let last = to_gregorian(year, month, month_length(year, month))?;
    Some((first, last))
}

/// First and last Gregorian day of a Hijri year.
pub fn year_range(year: i64) -> Option<(NaiveDate, NaiveDate)> {
    let first = to_gregorian(year, 1, 1)?;
    let last = to_gregorian(year, 12, month_length(year, 12))?;
    Some((first, last))
}

/// The Hijri year whose `month`/`day` falls nearest the Gregorian date `r`.
pub fn year_near(r: NaiveDate, month: u32, day: u32) -> Option<i64> {
    use chrono::Datelike;
    // 33 Hijri years ≈ 32 Gregorian years.
    let estimate = (i64::from(r.year()) - 622) * 33 / 32 + 1;
    (estimate - 1..=estimate + 1)
        .filter_map(|y| to_gregorian(y, month, day).map(|g| (y, (g - r).num_days().abs())))
        .min_by_key(|&(_, gap)| gap)
        .map(|(y, _)| y)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_dates() {
        assert_eq!(to_gregorian(1436, 9, 1), NaiveDate::from_ymd_opt(2015, 6, 18));
        assert_eq!(to_gregorian(1, 1, 1), NaiveDate::from_ymd_opt(622, 7, 19));
        assert_eq!(to_gregorian(1445, 1, 1), NaiveDate::from_ymd_opt(2023, 7, 19));
        // Umm al-Qura: Ramadan 1436 has 29 days, 25 Shawwal is 10 August 2015.
        assert_eq!(month_length(1436, 9), 29);
        assert_eq!(to_gregorian(1436, 10, 25), NaiveDate::from_ymd_opt(2015, 8, 10));
        assert_eq!(to_gregorian(1436, 10, 21), NaiveDate::from_ymd_opt(2015, 8, 6));
        assert_eq!(
            month_range(1436, 9),
            NaiveDate::from_ymd_opt(2015, 6, 18).zip(NaiveDate::from_ymd_opt(2015, 7, 16))
        );
        assert_eq!(to_gregorian(1436, 13, 1), None);
        assert_eq!(
            year_near(NaiveDate::from_ymd_opt(2015, 8, 3).unwrap_or_default(), 10, 21),
            Some(1436)
        );
        assert_eq!(
            year_near(NaiveDate::from_ymd_opt(2015, 8, 3).unwrap_or_default(), 9, 1),
            Some(1436)
        );
    }
}
