//! Bytes to text: UTF-8 (BOM stripped), UTF-16 with a BOM, windows-1256 or
//! ISO-8859-6 (whichever reads as Arabic), and the charset an HTML page declares.

use std::borrow::Cow;

use encoding_rs::{Encoding, ISO_8859_6, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1256};

/// Why bytes could not become text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("empty file")]
    Empty,
    /// NUL bytes: an image, an executable, a database…
    #[error("binary file")]
    Binary,
    #[error("not UTF-8 or windows-1256 text")]
    NotText,
}

/// Decode a text file: a BOM decides (UTF-8, UTF-16LE/BE); else UTF-8 when it is
/// valid (or has only stray invalid bytes, which become U+FFFD); else windows-1256
/// or ISO-8859-6 (see [`arabic_single_byte`]) when the result reads as text
/// (letters and whitespace, no control characters).
pub fn decode_text(bytes: &[u8]) -> Result<Cow<'_, str>, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let rest = bytes.get(bom_len..).unwrap_or_default();
        if encoding == UTF_8 {
            return decode_unlabelled(rest);
        }
        let (text, _) = encoding.decode_without_bom_handling(rest);
        return if text.contains('\0') { Err(DecodeError::Binary) } else { Ok(text) };
    }
    decode_unlabelled(bytes)
}

fn decode_unlabelled(bytes: &[u8]) -> Result<Cow<'_, str>, DecodeError> {
    if bytes.contains(&0) {
        return Err(DecodeError::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Cow::Borrowed(text)),
        Err(_) => {
            let lossy = String::from_utf8_lossy(bytes);
            let (replaced, non_ascii) = lossy.chars().fold((0usize, 0usize), |(r, n), c| {
                (r + usize::from(c == char::REPLACEMENT_CHARACTER), n + usize::from(!c.is_ascii()))
            });
            // A few stray bytes in otherwise valid UTF-8: keep it UTF-8.
            if replaced * 100 <= non_ascii {
                return Ok(Cow::Owned(lossy.into_owned()));
            }
            let (text, _) = arabic_single_byte(bytes).decode_without_bom_handling(bytes);
            if reads_as_text(&text) {
                Ok(Cow::Owned(text.into_owned()))
            } else {
                Err(DecodeError::NotText)
            }
        }
    }
}

/// The Arabic single-byte encoding the bytes read better in. Each one read as
/// the other gives tell-tale characters: windows-1256 read as ISO-8859-6 turns
/// ي and ف ق ك غ into harakat or undefined bytes; ISO-8859-6 read as windows-1256
/// turns و ي ه ق into accented Latin letters (è ê ç â). The encoding with fewer
/// such characters wins; windows-1256 on a tie.
pub fn arabic_single_byte(bytes: &[u8]) -> &'static Encoding {
    let (mut odd_as_1256, mut odd_as_iso) = (0usize, 0usize);
    for &b in bytes {
        if matches!(b, 0xE0 | 0xE2 | 0xE7..=0xEB | 0xEE | 0xEF | 0xF4 | 0xF9 | 0xFB | 0xFC) {
            odd_as_1256 += 1;
        }
        if matches!(
            b,
            0xA1..=0xA3 | 0xA5..=0xAB | 0xAE..=0xBA | 0xBC..=0xBE | 0xC0 | 0xDB..=0xDF | 0xEB..=0xFF
        ) {
            odd_as_iso += 1;
        }
    }
    if odd_as_iso < odd_as_1256 {
        ISO_8859_6
    } else {
        WINDOWS_1256
    }
}

/// Mostly letters, digits and whitespace; (almost) no control characters.
fn reads_as_text(text: &str) -> bool {
    let mut total = 0usize;
    let mut good = 0usize;
    let mut bad = 0usize;
    for c in text.chars() {
        total += 1;
        if c.is_alphanumeric() || c.is_whitespace() {
            good += 1;
        } else if (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c'))
            || c == char::REPLACEMENT_CHARACTER
        {
            bad += 1;
        }
    }
    total > 0 && bad * 1000 <= total && good * 10 >= total * 6
}

/// Decode an HTML page: a BOM decides; else a `<meta charset>` or
/// `<meta http-equiv="Content-Type" content="…; charset=…">` in the first 4 KiB;
/// else as [`decode_text`].
pub fn decode_html(bytes: &[u8]) -> Result<Cow<'_, str>, DecodeError> {
    decode_declared(bytes, || declared_charset(bytes))
}

/// Decode a document that may declare its own encoding: a BOM decides; else the
/// encoding `declared` finds (a legacy single-byte one is trusted as is); else as
/// [`decode_text`] (UTF-8, windows-1256 fallback).
pub(crate) fn decode_declared(
    bytes: &[u8],
    declared: impl FnOnce() -> Option<&'static Encoding>,
) -> Result<Cow<'_, str>, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if Encoding::for_bom(bytes).is_some() {
        return decode_text(bytes);
    }
    match declared() {
        Some(encoding) if encoding != UTF_8 && encoding != UTF_16LE && encoding != UTF_16BE => {
            if bytes.contains(&0) {
                return Err(DecodeError::Binary);
            }
            let (text, _) = encoding.decode_without_bom_handling(bytes);
            Ok(text)
        }
        _ => decode_text(bytes),
    }
}

/// The encoding named by the first `charset=` of a `<meta>` tag in the page's
/// first 8 KiB (`charset` attributes of `<script>` tags name the script's encoding).
pub(crate) fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..8192).unwrap_or(bytes);
    let mut from = 0;
    while let Some(pos) = find_ascii_ci(head.get(from..)?, b"charset") {
        let found = from + pos;
        let mut at = found + b"charset".len();
        from = at;
        let tag_start = head[..found].iter().rposition(|&b| b == b'<');
        let in_meta = tag_start.is_some_and(|lt| {
            head.get(lt + 1..lt + 5).is_some_and(|name| name.eq_ignore_ascii_case(b"meta"))
                && !head[lt..found].contains(&b'>')
        });
        if !in_meta {
            continue;
        }
        while head.get(at).is_some_and(|b| b.is_ascii_whitespace()) {
            at += 1;
        }
        if head.get(at) != Some(&b'=') {
            continue;
        }
        at += 1;
        while head.get(at).is_some_and(|b| b.is_ascii_whitespace() || *b == b'"' || *b == b'\'') {
            at += 1;
        }
        let start = at;
        while head.get(at).is_some_and(|b| b.is_ascii_alphanumeric() || b"-_.:".contains(b)) {
            at += 1;
        }
        if let Some(encoding) = head.get(start..at).and_then(Encoding::for_label) {
            return Some(encoding);
        }
    }
    None
}

fn find_ascii_ci(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode_text("نص".as_bytes()).unwrap(), "نص");
        assert_eq!(decode_text(b"\xEF\xBB\xBFabc").unwrap(), "abc");
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        for unit in "خبر عاجل".encode_utf16() {
            le.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode_text(&le).unwrap(), "خبر عاجل");
        let mut be = vec![0xFE, 0xFF];
        for unit in "خبر".encode_utf16() {
            be.extend_from_slice(&unit.to_be_bytes());
        }
        assert_eq!(decode_text(&be).unwrap(), "خبر");
    }

    #[test]
    fn windows_1256() {
        let text = "أعلن الرئيس الأميركي جو بايدن، أنه سيستضيف رئيس الوزراء.";
        let (bytes, _, _) = WINDOWS_1256.encode(text);
        assert!(std::str::from_utf8(&bytes).is_err());
        assert_eq!(decode_text(&bytes).unwrap(), text);
    }

    #[test]
    fn stray_invalid_byte_stays_utf8() {
        let mut bytes =
            "أعلن الرئيس الأميركي جو بايدن أنه سيستضيف رئيس الوزراء. ".repeat(3).into_bytes();
        bytes.push(0xFF);
        let text = decode_text(&bytes).unwrap();
        assert!(text.starts_with("أعلن"));
        assert!(text.ends_with('\u{FFFD}'));
    }

    #[test]
    fn binary_and_noise() {
        assert_eq!(decode_text(b"ab\0cd"), Err(DecodeError::Binary));
        assert_eq!(decode_text(b""), Err(DecodeError::Empty));
        let noise: Vec<u8> = (0..2000u32).map(|i| ((i * 7919) % 251) as u8 | 0x80).collect();
        let noise: Vec<u8> = noise.into_iter().chain([1u8, 2, 3, 4, 5, 6]).collect();
        assert_eq!(decode_text(&noise), Err(DecodeError::NotText));
    }

    #[test]
    fn html_meta_charset() {
        let (arabic, _, _) = WINDOWS_1256.encode("خبر");
        let mut page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\"></head><body>".to_vec();
        page.extend_from_slice(&arabic);
        assert!(decode_html(&page).unwrap().contains("خبر"));

        let mut page = b"<meta charset='ISO-8859-6'><p>".to_vec();
        let (arabic, _, _) = encoding_rs::ISO_8859_6.encode("خبر");
        page.extend_from_slice(&arabic);
        assert!(decode_html(&page).unwrap().contains("خبر"));

        let page = "<meta charset=utf-8><p>خبر".as_bytes();
        assert!(decode_html(page).unwrap().contains("خبر"));
    }
}
