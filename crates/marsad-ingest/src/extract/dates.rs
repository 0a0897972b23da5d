//! Dates as pages write them: machine dates in metadata, dates in URLs, and
//! visible datelines with month names.
//!
//! - [`parse_meta_date`]: everything [`crate::parse_date`] accepts (ISO 8601,
//!   RFC 2822, `DD/MM/YYYY`…), Unix timestamps, `20230807`, and written dates.
//! - [`date_in_url`]: `/2023/08/07/`, `/2023-08-07/`, `/20230807/`, `_2023_08_07`.
//! - [`date_in_text`]: the first written date in a text: `7 آب/أغسطس 2023`,
//!   `الاثنين 7 كانون الثاني 2023`, `٧ أغسطس ٢٠٢٣`, `August 7, 2023`,
//!   `7. August 2023`, `7 août 2023`, `07.08.2023`, `2023-08-07`. Month names:
//!   English, Arabic (Egyptian/Gulf يناير…ديسمبر, Levantine كانون الثاني…كانون الأول,
//!   Maghrebi جانفي/جويلية/أوت…), German, French, Spanish.
//!
//! Dates without a time are midnight UTC. Years outside 1990–2100 are ignored.

use chrono::{FixedOffset, NaiveDate, TimeZone};
use marsad_model::Published;

use crate::dates::parse_date;

/// A date from a `<meta>` content, a JSON-LD value or a `datetime` attribute.
pub(crate) fn parse_meta_date(value: &str) -> Option<Published> {
    let value = value.trim();
    if value.is_empty() || value.len() > 100 {
        return None;
    }
    if let Some(date) = parse_date(value).filter(plausible) {
        return Some(date);
    }
    // `2023-08-07T10:00:00.000+03:00[Asia/Riyadh]`, `2023-08-07 10:00:00 +0300 AST`.
    if let Some(head) =
        value.split(['[', ' ']).next().filter(|h| h.len() >= 10 && h.len() < value.len())
    {
        if let Some(date) = parse_date(head).filter(plausible) {
            return Some(date);
        }
    }
    // `2022-01-10T22:06:08:684Z` and other damaged times: the day still counts.
    if let Some(day) = value.get(..10).filter(|d| d.as_bytes().get(4) == Some(&b'-')) {
        if let Some(date) = parse_date(day).filter(plausible) {
            return Some(date);
        }
    }
    if value.bytes().all(|b| b.is_ascii_digit()) {
        return match value.len() {
            8 => compact(value),
            10 | 13 => crate::dates::from_epoch(value.parse::<f64>().ok()?).filter(plausible),
            _ => None,
        };
    }
    date_in_text(value)
}

/// `20230807`.
fn compact(digits: &str) -> Option<Published> {
    let year = digits.get(0..4)?.parse().ok()?;
    let month = digits.get(4..6)?.parse().ok()?;
    let day = digits.get(6..8)?.parse().ok()?;
    midnight(year, month, day)
}

fn plausible(date: &Published) -> bool {
    use chrono::Datelike;
    (1990..=2100).contains(&date.year())
}

fn midnight(year: i32, month: u32, day: u32) -> Option<Published> {
    if !(1990..=2100).contains(&year) {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    FixedOffset::east_opt(0)?.from_local_datetime(&date.and_hms_opt(0, 0, 0)?).single()
}

/// A full date in a URL's path.
pub(crate) fn date_in_url(url: &str) -> Option<Published> {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let path = path.find("://").map_or(path, |at| &path[at + 3..]);
    let path = path.find('/').map_or("", |at| &path[at..]);
    let parts: Vec<&str> = path.split(['/', '-', '_', '.']).collect();
    for (i, part) in parts.iter().enumerate() {
        if part.len() == 4 && part.bytes().all(|b| b.is_ascii_digit()) {
            let (Some(m), Some(d)) = (parts.get(i + 1), parts.get(i + 2)) else { continue };
            let numeric =
                |s: &str| (1..=2).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
            if numeric(m) && numeric(d) {
                if let (Ok(y), Ok(m), Ok(d)) = (part.parse(), m.parse(), d.parse()) {
                    if let Some(date) = midnight(y, m, d) {
                        return Some(date);
                    }
                }
            }
        }
        if part.len() == 8 && part.bytes().all(|b| b.is_ascii_digit()) {
            if let Some(date) = compact(part) {
                return Some(date);
            }
        }
    }
    None
}

/// The first written date in `text` (see the module docs).
pub(crate) fn date_in_text(text: &str) -> Option<Published> {
    let tokens = tokenize(text);
    for i in 0..tokens.len() {
        if let Some(date) = date_at(&tokens, i) {
            return Some(date);
        }
    }
    None
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Number(u32, usize),
    Word(String),
    /// `07.08.2023`, `2023-08-07`, `7/8/2023`.
    Numeric(Published),
}

/// Words and numbers (Arabic-Indic digits read as ASCII); numeric dates whole.
fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut word = String::new();
    let push = |word: &mut String, tokens: &mut Vec<Token>| {
        if word.is_empty() {
            return;
        }
        let w = std::mem::take(word);
        if let Some(date) = numeric_date(&w) {
            tokens.push(Token::Numeric(date));
            return;
        }
        for part in w.split(['.', '/', '-']).filter(|p| !p.is_empty()) {
            let token = match part.parse() {
                Ok(n) if part.bytes().all(|b| b.is_ascii_digit()) => Token::Number(n, part.len()),
                _ => Token::Word(part.to_lowercase()),
            };
            tokens.push(token);
        }
    };
    for c in text.chars() {
        let c = ascii_digit(c);
        if c.is_alphanumeric() || (matches!(c, '.' | '/' | '-') && !word.is_empty()) {
            word.push(c);
        } else {
            push(&mut word, &mut tokens);
        }
        if tokens.len() > 4000 {
            break;
        }
    }
    push(&mut word, &mut tokens);
    tokens
}

/// Arabic-Indic and Persian digits as ASCII.
fn ascii_digit(c: char) -> char {
    match c {
        '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
        '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
        _ => c,
    }
}

fn numeric_date(word: &str) -> Option<Published> {
    let w = word.trim_end_matches(['.', '/', '-']);
    if w.len() < 8 || w.len() > 10 || !w.bytes().any(|b| matches!(b, b'.' | b'/' | b'-')) {
        return None;
    }
    parse_date(w).filter(plausible)
}

fn date_at(tokens: &[Token], i: usize) -> Option<Published> {
    let number = |k: usize| match tokens.get(k) {
        Some(Token::Number(n, _)) => Some(*n),
        _ => None,
    };
    let year = |k: usize| match tokens.get(k) {
        Some(Token::Number(n, 4)) => Some(*n as i32),
        _ => None,
    };
    match tokens.get(i)? {
        Token::Numeric(date) => Some(*date),
        Token::Number(day, len) if *len <= 2 => {
            let (month, after) = month_at(tokens, i + 1)?;
            midnight(year(after)?, month, *day)
        }
        Token::Word(_) => {
            let (month, after) = month_at(tokens, i)?;
            let day = number(after).filter(|d| (1..=31).contains(d))?;
            midnight(year(after + 1)?, month, day)
        }
        _ => None,
    }
}

/// The month named at `tokens[i]` (one or two words, with an optional second
/// name as in `آب/أغسطس`), and the index after it.
fn month_at(tokens: &[Token], i: usize) -> Option<(u32, usize)> {
    let word = |k: usize| match tokens.get(k) {
        Some(Token::Word(w)) => Some(fold_arabic(w)),
        _ => None,
    };
    let first = word(i)?;
    let (month, mut next) = match first.as_str() {
        "كانون" | "تشرين" => {
            let second = word(i + 1)?;
            let first_one = matches!(second.as_str(), "الاول" | "اول");
            let second_one = matches!(second.as_str(), "الثاني" | "ثاني" | "الثانى");
            let month = match (first.as_str(), first_one, second_one) {
                ("كانون", true, _) => 12,
                ("كانون", _, true) => 1,
                ("تشرين", true, _) => 10,
                ("تشرين", _, true) => 11,
                _ => return None,
            };
            (month, i + 2)
        }
        other => (month_number(other)?, i + 1),
    };
    // `آب/أغسطس`, `آب (أغسطس)`: a second name of the same month.
    if word(next).and_then(|w| month_number(&w)) == Some(month) {
        next += 1;
    }
    Some((month, next))
}

/// Arabic letter variants folded (أإآ→ا, ى→ي, ة→ه), a leading `و`/`ب`/`في` kept.
fn fold_arabic(word: &str) -> String {
    word.chars()
        .map(|c| match c {
            'أ' | 'إ' | 'آ' => 'ا',
            'ى' => 'ي',
            'ة' => 'ه',
            _ => c,
        })
        .filter(|c| !matches!(c, '\u{064B}'..='\u{0652}' | 'ـ'))
        .collect()
}

fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.');
    let m = match w {
        "january" | "jan" | "januar" | "jänner" | "janvier" | "enero" | "يناير" | "جانفي" => {
            1
        }
        "february" | "feb" | "februar" | "février" | "fevrier" | "febrero" | "فبراير" | "شباط"
        | "فيفري" => 2,
        "march" | "mar" | "märz" | "mars" | "marzo" | "مارس" | "اذار" => 3,
        "april" | "apr" | "avril" | "abril" | "ابريل" | "نيسان" | "افريل" => 4,
        "may" | "mai" | "mayo" | "مايو" | "ايار" | "ماي" => 5,
        "june" | "jun" | "juni" | "juin" | "junio" | "يونيو" | "يونيه" | "حزيران" | "جوان" => {
            6
        }
        "july" | "jul" | "juli" | "juillet" | "julio" | "يوليو" | "يوليه" | "تموز" | "جويليه"
        | "يوليوز" => 7,
        "august" | "aug" | "août" | "aout" | "agosto" | "اغسطس" | "اب" | "اوت" | "غشت" => {
            8
        }
        "september" | "sep" | "sept" | "septembre" | "septiembre" | "سبتمبر" | "ايلول"
        | "شتنبر" => 9,
        "october" | "oct" | "oktober" | "octobre" | "octubre" | "اكتوبر" => 10,
        "november" | "nov" | "novembre" | "noviembre" | "نوفمبر" | "نونبر" => 11,
        "december" | "dec" | "dezember" | "décembre" | "decembre" | "diciembre" | "ديسمبر"
        | "دجنبر" => 12,
        _ => return None,
    };
    Some(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(date: Option<Published>) -> Option<String> {
        date.map(|d| d.format("%Y-%m-%d").to_string())
    }

    #[test]
    fn written_dates() {
        let cases = [
            ("نشر في 7 آب/أغسطس 2023 - 10:30", "2023-08-07"),
            ("الاثنين 7 كانون الثاني 2023", "2023-01-07"),
            ("١٥ تشرين الأول ٢٠٢٢", "2022-10-15"),
            ("الخميس، 3 أيلول 2020", "2020-09-03"),
            ("٧ أغسطس ٢٠٢٣", "2023-08-07"),
            ("Published August 7, 2023 at 10:00", "2023-08-07"),
            ("Veröffentlicht am 7. August 2023", "2023-08-07"),
            ("le 7 août 2023", "2023-08-07"),
            ("Stand: 07.08.2023, 10:00 Uhr", "2023-08-07"),
            ("updated 2023-08-07", "2023-08-07"),
            ("5 يونيو 2021", "2021-06-05"),
        ];
        for (text, expected) in cases {
            assert_eq!(day(date_in_text(text)).as_deref(), Some(expected), "{text}");
        }
        assert_eq!(date_in_text("في 7 آب قال الوزير"), None);
        assert_eq!(date_in_text("32 August 2023"), None);
    }

    #[test]
    fn urls_and_meta() {
        let cases = [
            ("https://www.example.com/2023/08/07/story-slug/", "2023-08-07"),
            ("https://example.com/news/20230807/123.html", "2023-08-07"),
            ("https://example.com/a/2023-08-07-slug", "2023-08-07"),
        ];
        for (url, expected) in cases {
            assert_eq!(day(date_in_url(url)).as_deref(), Some(expected), "{url}");
        }
        assert_eq!(date_in_url("https://example.com/2023/story/12345"), None);
        assert_eq!(date_in_url("https://2023.example.com/08/07"), None);
        assert_eq!(
            day(parse_meta_date("2023-08-07T10:00:00.000+03:00")).as_deref(),
            Some("2023-08-07")
        );
        assert_eq!(day(parse_meta_date("20230807")).as_deref(), Some("2023-08-07"));
        assert_eq!(day(parse_meta_date("1691402400")).as_deref(), Some("2023-08-07"));
        assert_eq!(day(parse_meta_date("Aug 7, 2023")).as_deref(), Some("2023-08-07"));
        assert_eq!(parse_meta_date("soon"), None);
    }
}
