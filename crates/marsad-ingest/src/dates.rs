//! Publication dates as sources write them.
//!
//! Accepted shapes (surrounding whitespace ignored):
//! - ISO 8601 / RFC 3339: `2015-07-21T02:51:32+03:00`, `2015-07-21 02:51:32.123Z`,
//!   `2015-07-21T02:51`, offsets `Z`, `+03:00`, `+0300`, `+03`, or ` UTC` / ` GMT`;
//! - `YYYY-MM-DD hh:mm:ss` (SaudiNewsNet's `date_extracted`), `YYYY-MM-DD`, `YYYY/MM/DD`;
//! - `DD/MM/YYYY` (also with `-` or `.`, and an optional time); when the day/month
//!   order is impossible (`07/21/2015`) the US order is accepted instead;
//! - RFC 2822: `Tue, 21 Jul 2015 02:51:32 +0300`, `... GMT`.
//!
//! A time without an offset is taken as UTC. Anything else is `None`.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use marsad_model::Published;

/// Parse a publication date (see the module docs for the accepted shapes).
pub fn parse_date(value: &str) -> Option<Published> {
    let s = value.trim();
    if s.is_empty() || s.len() > 80 {
        return None;
    }
    if let Some(date) = parse_numeric(s) {
        return Some(date);
    }
    DateTime::parse_from_rfc2822(s).ok()
}

/// A Unix timestamp (seconds, or milliseconds when it is too large to be seconds) as UTC.
pub(crate) fn from_epoch(value: f64) -> Option<Published> {
    if !value.is_finite() {
        return None;
    }
    let seconds = if value.abs() >= 1e11 { value / 1000.0 } else { value };
    if seconds.abs() > 1e13 {
        return None;
    }
    let whole = seconds.floor();
    let nanos = ((seconds - whole) * 1e9) as u32;
    DateTime::from_timestamp(whole as i64, nanos.min(999_999_999)).map(|d| d.fixed_offset())
}

struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn done(&self) -> bool {
        self.at >= self.bytes.len()
    }

    /// Between `min` and `max` ASCII digits (fails when there are more than `max`).
    fn number(&mut self, min: usize, max: usize) -> Option<(u32, usize)> {
        let start = self.at;
        let mut value: u32 = 0;
        while let Some(b) = self.peek().filter(u8::is_ascii_digit) {
            if self.at - start == max {
                return None;
            }
            value = value * 10 + u32::from(b - b'0');
            self.at += 1;
        }
        let len = self.at - start;
        (len >= min).then_some((value, len))
    }

    fn eat(&mut self, byte: u8) -> bool {
        if self.peek() == Some(byte) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn eat_any(&mut self, set: &[u8]) -> Option<u8> {
        let b = self.peek().filter(|b| set.contains(b))?;
        self.at += 1;
        Some(b)
    }

    fn spaces(&mut self) -> usize {
        let start = self.at;
        while self.peek() == Some(b' ') {
            self.at += 1;
        }
        self.at - start
    }

    fn rest(&self) -> &[u8] {
        self.bytes.get(self.at..).unwrap_or_default()
    }
}

fn parse_numeric(s: &str) -> Option<Published> {
    let mut c = Cursor { bytes: s.as_bytes(), at: 0 };
    let (first, first_len) = c.number(1, 4)?;
    let sep = c.eat_any(b"-/.")?;
    let date = if first_len == 4 {
        let (month, _) = c.number(1, 2)?;
        if !c.eat(sep) {
            return None;
        }
        let (day, _) = c.number(1, 2)?;
        NaiveDate::from_ymd_opt(first as i32, month, day)?
    } else if first_len <= 2 {
        let (second, _) = c.number(1, 2)?;
        if !c.eat(sep) {
            return None;
        }
        let (year, _) = c.number(4, 4)?;
        NaiveDate::from_ymd_opt(year as i32, second, first)
            .or_else(|| NaiveDate::from_ymd_opt(year as i32, first, second))?
    } else {
        return None;
    };
    if c.done() {
        return FixedOffset::east_opt(0)?
            .from_local_datetime(&date.and_time(NaiveTime::MIN))
            .single();
    }
    // Date/time separator.
    if c.eat_any(b"Tt").is_none() && c.spaces() == 0 {
        return None;
    }
    let (hour, _) = c.number(1, 2)?;
    if !c.eat(b':') {
        return None;
    }
    let (minute, _) = c.number(2, 2)?;
    let mut second = 0;
    let mut nanos = 0;
    if c.eat(b':') {
        second = c.number(2, 2)?.0;
        if c.eat_any(b".,").is_some() {
            let start = c.at;
            while c.peek().is_some_and(|b| b.is_ascii_digit()) {
                if c.at - start < 9 {
                    nanos = nanos * 10 + u32::from(c.bytes[c.at] - b'0');
                }
                c.at += 1;
            }
            let digits = c.at - start;
            if digits == 0 {
                return None;
            }
            for _ in digits..9 {
                nanos *= 10;
            }
        }
    }
    let time = NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)?;
    let naive = NaiveDateTime::new(date, time);
    c.spaces();
    let offset_seconds = parse_offset(&mut c)?;
    if !c.done() {
        return None;
    }
    FixedOffset::east_opt(offset_seconds)?.from_local_datetime(&naive).single()
}

/// `Z`, `±hh[:mm]`, `±hhmm`, `UTC`, `GMT` or nothing (UTC); the offset in seconds east.
fn parse_offset(c: &mut Cursor<'_>) -> Option<i32> {
    if c.done() {
        return Some(0);
    }
    if c.eat_any(b"Zz").is_some() {
        return Some(0);
    }
    let rest = c.rest();
    if rest.len() == 3 && (rest.eq_ignore_ascii_case(b"UTC") || rest.eq_ignore_ascii_case(b"GMT")) {
        c.at += 3;
        return Some(0);
    }
    let sign = match c.eat_any(b"+-")? {
        b'-' => -1,
        _ => 1,
    };
    let (value, len) = c.number(2, 4)?;
    let (hours, minutes) = match len {
        2 if c.eat(b':') => (value, c.number(2, 2)?.0),
        2 => (value, 0),
        4 => (value / 100, value % 100),
        _ => return None,
    };
    if hours > 23 || minutes > 59 {
        return None;
    }
    Some(sign * (hours * 3600 + minutes * 60) as i32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(value: &str) -> Option<String> {
        parse_date(value).map(|d| d.to_rfc3339())
    }

    #[test]
    fn accepted_shapes() {
        let cases = [
            ("2015-07-21T02:51:32+03:00", "2015-07-21T02:51:32+03:00"),
            ("2015-07-21T02:51:32Z", "2015-07-21T02:51:32+00:00"),
            ("2015-07-21t02:51:32.250z", "2015-07-21T02:51:32.250+00:00"),
            ("2015-07-21 02:51:32", "2015-07-21T02:51:32+00:00"),
            ("  2015-07-21 02:51:32  ", "2015-07-21T02:51:32+00:00"),
            ("2015-07-21T02:51", "2015-07-21T02:51:00+00:00"),
            ("2015-07-21T02:51:32.123456789123+0300", "2015-07-21T02:51:32.123456789+03:00"),
            ("2015-07-21 02:51:32 +0300", "2015-07-21T02:51:32+03:00"),
            ("2015-07-21T02:51:32-05", "2015-07-21T02:51:32-05:00"),
            ("2015-07-21 02:51:32 UTC", "2015-07-21T02:51:32+00:00"),
            ("2015-07-21", "2015-07-21T00:00:00+00:00"),
            ("2015/07/21", "2015-07-21T00:00:00+00:00"),
            ("21/07/2015", "2015-07-21T00:00:00+00:00"),
            ("26/7/2021", "2021-07-26T00:00:00+00:00"),
            ("07/21/2015", "2015-07-21T00:00:00+00:00"),
            ("21-07-2015 14:05", "2015-07-21T14:05:00+00:00"),
            ("Tue, 21 Jul 2015 02:51:32 +0300", "2015-07-21T02:51:32+03:00"),
            ("Tue, 21 Jul 2015 02:51:32 GMT", "2015-07-21T02:51:32+00:00"),
            ("21 Jul 2015 02:51:32 +0000", "2015-07-21T02:51:32+00:00"),
        ];
        for (input, expected) in cases {
            assert_eq!(iso(input).as_deref(), Some(expected), "{input}");
        }
    }

    #[test]
    fn garbage_is_none() {
        for input in [
            "",
            "yesterday",
            "أمس",
            "2015-13-01",
            "2015-02-30",
            "2015-07-21T25:00",
            "2015-07-21T02:51:32+0300x",
            "20150721",
            "21/07/15",
            "2015-07-21T",
            "1",
            "2015-07-21 02:51:32.",
            "٢٠١٥-٠٧-٢١",
        ] {
            assert_eq!(iso(input), None, "{input}");
        }
    }

    #[test]
    fn epochs() {
        assert_eq!(
            from_epoch(1_437_447_092.0).map(|d| d.to_rfc3339()).as_deref(),
            Some("2015-07-21T02:51:32+00:00")
        );
        assert_eq!(
            from_epoch(1_437_447_092_000.0).map(|d| d.to_rfc3339()).as_deref(),
            Some("2015-07-21T02:51:32+00:00")
        );
        assert_eq!(from_epoch(f64::NAN), None);
        assert_eq!(from_epoch(1e300), None);
    }
}
