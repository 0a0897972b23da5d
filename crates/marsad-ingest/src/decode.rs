//! Bytes to text: UTF-8 (BOM stripped), UTF-16 with a BOM, windows-1256, and the
//! charset an HTML page declares.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1256};

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
/// when the result reads as text (letters and whitespace, no control characters).
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
            let (text, _) = WINDOWS_1256.decode_without_bom_handling(bytes);
            if reads_as_text(&text) {
                Ok(Cow::Owned(text.into_owned()))
            } else {
                Err(DecodeError::NotText)
            }
        }
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
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if Encoding::for_bom(bytes).is_some() {
        return decode_text(bytes);
    }
    match declared_charset(bytes) {
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

/// The encoding named by the first `charset=` in the page's first 4 KiB.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..4096).unwrap_or(bytes);
    let mut from = 0;
    while let Some(pos) = find_ascii_ci(head.get(from..)?, b"charset") {
        let mut at = from + pos + b"charset".len();
        from = at;
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
