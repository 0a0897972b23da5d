//! Which character encoding a page is in, in this order: a byte-order mark; the
//! charset of the HTTP `Content-Type` (unless it claims UTF-8 for bytes that
//! are not); the page's own `<meta charset>` / `http-equiv` declaration; UTF-8
//! when the bytes are (nearly) valid UTF-8; for a page whose `<html lang>` names
//! a language not written in Arabic script, that locale's legacy encoding
//! (windows-1252 for `de`, `fr`…, GBK for `zh`, windows-1251 for `ru`…, as
//! browsers default); else windows-1256 or ISO-8859-6, whichever reads as
//! Arabic. The declaration and detection steps are [`crate::decode::decode_html`].

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

use crate::decode::{arabic_single_byte, declared_charset, decode_html, DecodeError};

/// The page as text, and the name of the encoding it was decoded from.
pub(crate) fn decode_page<'a>(
    bytes: &'a [u8],
    http_charset: Option<&str>,
) -> Result<(Cow<'a, str>, &'static str), DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        return Ok((decode_html(bytes)?, encoding.name()));
    }
    let http = http_charset.and_then(|label| Encoding::for_label(label.trim().as_bytes()));
    if let Some(encoding) = http {
        let utf8_claimed = encoding == UTF_8 || encoding == UTF_16LE || encoding == UTF_16BE;
        if !utf8_claimed || std::str::from_utf8(bytes).is_ok() {
            if bytes.contains(&0) {
                return Err(DecodeError::Binary);
            }
            let (text, _) = encoding.decode_without_bom_handling(bytes);
            return Ok((text, encoding.name()));
        }
    }
    let undeclared = declared_charset(bytes).is_none();
    if undeclared && std::str::from_utf8(bytes).is_err() && !mostly_utf8(bytes) {
        if let Some(encoding) = legacy_encoding_of_lang(bytes) {
            if bytes.contains(&0) {
                return Err(DecodeError::Binary);
            }
            let (text, _) = encoding.decode_without_bom_handling(bytes);
            return Ok((text, encoding.name()));
        }
    }
    let text = decode_html(bytes)?;
    Ok((text, encoding_of(bytes)))
}

/// The legacy encoding browsers default to for the language of `<html lang>`;
/// `None` for Arabic-script languages (and pages without `lang`).
fn legacy_encoding_of_lang(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..8192).unwrap_or(bytes);
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let html = lower.windows(5).position(|w| w == b"<html")?;
    let tag_end = lower[html..].iter().position(|&b| b == b'>').map_or(lower.len(), |e| html + e);
    let tag = &lower[html..tag_end];
    let at = tag.windows(5).position(|w| w == b"lang=")? + 5;
    let value: Vec<u8> = tag[at..]
        .iter()
        .skip_while(|b| matches!(b, b'"' | b'\'' | b' '))
        .take_while(|b| b.is_ascii_alphabetic())
        .copied()
        .collect();
    let encoding = match value.as_slice() {
        b"ar" | b"fa" | b"ur" | b"ps" | b"ckb" | b"sd" | b"ug" | b"" => return None,
        b"zh" => encoding_rs::GBK,
        b"ja" => encoding_rs::SHIFT_JIS,
        b"ko" => encoding_rs::EUC_KR,
        b"ru" | b"uk" | b"be" | b"bg" | b"sr" | b"mk" => encoding_rs::WINDOWS_1251,
        b"el" => encoding_rs::WINDOWS_1253,
        b"tr" | b"az" => encoding_rs::WINDOWS_1254,
        b"he" | b"iw" | b"yi" => encoding_rs::WINDOWS_1255,
        b"pl" | b"cs" | b"sk" | b"hu" | b"sl" | b"hr" | b"ro" => encoding_rs::WINDOWS_1250,
        b"lt" | b"lv" | b"et" => encoding_rs::WINDOWS_1257,
        b"vi" => encoding_rs::WINDOWS_1258,
        b"th" => encoding_rs::WINDOWS_874,
        _ => encoding_rs::WINDOWS_1252,
    };
    Some(encoding)
}

/// The encoding [`decode_html`] picked for BOM-less `bytes`.
fn encoding_of(bytes: &[u8]) -> &'static str {
    match declared_charset(bytes) {
        Some(e) if e != UTF_8 && e != UTF_16LE && e != UTF_16BE => e.name(),
        _ if std::str::from_utf8(bytes).is_ok() || mostly_utf8(bytes) => UTF_8.name(),
        _ => arabic_single_byte(bytes).name(),
    }
}

/// Valid UTF-8 but for a few stray bytes (as `decode_text` accepts it).
fn mostly_utf8(bytes: &[u8]) -> bool {
    let lossy = String::from_utf8_lossy(bytes);
    let (replaced, non_ascii) = lossy.chars().fold((0usize, 0usize), |(r, n), c| {
        (r + usize::from(c == char::REPLACEMENT_CHARACTER), n + usize::from(!c.is_ascii()))
    });
    replaced * 100 <= non_ascii
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_of_evidence() {
        let (arabic, _, _) = encoding_rs::WINDOWS_1256.encode("خبر عاجل من بغداد");
        let (text, name) = decode_page(&arabic, Some("windows-1256")).unwrap();
        assert_eq!((text.as_ref(), name), ("خبر عاجل من بغداد", "windows-1256"));
        // HTTP says UTF-8, the bytes are not: detection.
        let (text, name) = decode_page(&arabic, Some("utf-8")).unwrap();
        assert_eq!((text.as_ref(), name), ("خبر عاجل من بغداد", "windows-1256"));
        let sentence = "قال وزير الخارجية في بيان يوم الاثنين إن المحادثات كانت مفيدة";
        let (iso, _, _) = encoding_rs::ISO_8859_6.encode(sentence);
        let (text, name) = decode_page(&iso, None).unwrap();
        assert_eq!((text.as_ref(), name), (sentence, "ISO-8859-6"));
        let (cp, _, _) = encoding_rs::WINDOWS_1256.encode(sentence);
        let (text, name) = decode_page(&cp, None).unwrap();
        assert_eq!((text.as_ref(), name), (sentence, "windows-1256"));
        let (_, name) = decode_page("<p>نص</p>".as_bytes(), None).unwrap();
        assert_eq!(name, "UTF-8");
        // A script's `charset` is not the page's.
        let mut page =
            b"<script src='a.js' charset='utf-8'></script><meta charset=windows-1256><p>".to_vec();
        page.extend_from_slice(&cp);
        let (text, name) = decode_page(&page, None).unwrap();
        assert!(text.ends_with(sentence));
        assert_eq!(name, "windows-1256");
        // An undeclared German page in windows-1252.
        let (german, _, _) =
            encoding_rs::WINDOWS_1252.encode("<html lang=\"de\"><p>Grüße aus Köln</p>");
        let (text, name) = decode_page(&german, None).unwrap();
        assert_eq!(
            (text.as_ref(), name),
            ("<html lang=\"de\"><p>Grüße aus Köln</p>", "windows-1252")
        );
        // An Arabic page stays with the Arabic encodings.
        let mut page = b"<html lang='ar'><p>".to_vec();
        page.extend_from_slice(&cp);
        let (text, name) = decode_page(&page, None).unwrap();
        assert!(text.ends_with(sentence));
        assert_eq!(name, "windows-1256");
        assert_eq!(decode_page(b"", None), Err(DecodeError::Empty));
        assert_eq!(decode_page(b"\x89PNG\r\n\x1a\n\0\0", Some("utf-8")), Err(DecodeError::Binary));
    }
}
