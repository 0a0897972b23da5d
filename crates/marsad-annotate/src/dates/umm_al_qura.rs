//! The Umm al-Qura calendar (the Saudi official calendar, what Saudi outlets
//! print) as a table: for each Hijri year 1365–1500 (1945–2077 CE), which of
//! its twelve months have 30 days (before 1365 the published months are
//! irregular, 28 to 31 days, and the table starts after them). Month starts
//! follow by adding month lengths from 1 Muharram 1365.
//!
//! Generated from Python `hijridate` 2.x (its Umm al-Qura data, the same the
//! gold sets were labeled with): for y in 1365..=1500, bit m-1 of the mask is
//! set when `Hijri(y, m, 1).month_length() == 30`.
//! Outside the table [`super::hijri`] falls back to the tabular calendar.

use chrono::NaiveDate;

/// First Hijri year in [`MONTH_LENGTHS`].
pub(crate) const FIRST_YEAR: i64 = 1365;

/// Days from CE (chrono's `num_days_from_ce`) of 1 Muharram [`FIRST_YEAR`].
const FIRST_DAY_FROM_CE: i64 = 710370;

/// Bit `m - 1` set: month `m` of that year has 30 days (else 29).
const MONTH_LENGTHS: [u16; 136] = [
    0xd55, 0x555, 0x555, 0xd55, 0x6d5, 0x555, 0xea5, 0xd2a, 0xaaa, 0xcd5, 0x655, 0x572, 0xda9,
    0x555, 0xaaa, 0x555, 0x52d, 0xa6d, 0x55a, 0x555, 0x74d, 0xd53, 0xd54, 0x556, 0xd55, 0x2d5,
    0xd55, 0xd54, 0xd45, 0x655, 0x52d, 0xa5d, 0x55a, 0xad5, 0x6aa, 0xd4b, 0x52a, 0xa57, 0x4ae,
    0x976, 0x56c, 0xb55, 0xaaa, 0xa55, 0x4ad, 0x95d, 0x2da, 0x5d9, 0xdb2, 0xba4, 0xb4a, 0xa55,
    0x2b5, 0x575, 0xb6a, 0xbd2, 0xbc4, 0xb89, 0xa95, 0x52d, 0x5ad, 0xb6a, 0x6d4, 0xdc9, 0xd92,
    0xaa6, 0x956, 0x2ae, 0x56d, 0x36a, 0xb55, 0xaaa, 0x94d, 0x49d, 0x95d, 0x2ba, 0x5b5, 0x5aa,
    0xd55, 0xa9a, 0x92e, 0x26e, 0x55d, 0xada, 0x6d4, 0x6a5, 0x54b, 0xa97, 0x54e, 0xaae, 0x5ac,
    0xba9, 0xd92, 0xb25, 0x64b, 0xcab, 0x55a, 0xb55, 0x6d2, 0xea5, 0xe4a, 0xa95, 0x52d, 0xaad,
    0x36c, 0x759, 0x6d2, 0x695, 0x52d, 0xa5b, 0x4ba, 0x9ba, 0x3b4, 0xb69, 0xb52, 0xaa6, 0x4b6,
    0x96d, 0x2ec, 0x6d9, 0xeb2, 0xd54, 0xd2a, 0xa56, 0x4ae, 0x96d, 0xd6a, 0xb54, 0xb29, 0xa93,
    0x52b, 0xa57, 0x536, 0xab5, 0x6aa, 0xe93,
];

/// Days from CE of 1 Muharram of each table year (prefix sums, built once).
static YEAR_STARTS: std::sync::LazyLock<Vec<i64>> = std::sync::LazyLock::new(|| {
    let mut day = FIRST_DAY_FROM_CE;
    MONTH_LENGTHS
        .iter()
        .map(|mask| {
            let start = day;
            day += 12 * 29 + i64::from(mask.count_ones());
            start
        })
        .collect()
});

fn year_index(year: i64) -> Option<usize> {
    usize::try_from(year - FIRST_YEAR).ok().filter(|i| *i < MONTH_LENGTHS.len())
}

/// Length of a Hijri month (29 or 30), when the year is in the table.
pub(crate) fn month_length(year: i64, month: u32) -> Option<u32> {
    let mask = MONTH_LENGTHS[year_index(year)?];
    (1..=12).contains(&month).then(|| if mask & (1 << (month - 1)) != 0 { 30 } else { 29 })
}

/// The Gregorian date of a Hijri date, when the year is in the table and the
/// day exists in that month.
pub(crate) fn to_gregorian(year: i64, month: u32, day: u32) -> Option<NaiveDate> {
    let index = year_index(year)?;
    // "30 رمضان" in a 29-day month is the day after the 29th, as the tabular
    // calendar would have it; only a month that does not exist is refused.
    month_length(year, month)?;
    if day == 0 || day > 30 {
        return None;
    }
    let before: i64 = (1..month).map(|m| i64::from(month_length(year, m).unwrap_or(29))).sum();
    let days = YEAR_STARTS[index] + before + i64::from(day) - 1;
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(days).ok()?)
}
