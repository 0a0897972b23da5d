//! XML feed bytes to text: a byte-order mark decides; else the charset the
//! server sent (RFC 7303 makes it authoritative); else the XML declaration's
//! `encoding="…"` (Arabic feeds still use windows-1256); else UTF-8, with the
//! same fallback to windows-1256 as plain text.

use std::borrow::Cow;

use encoding_rs::Encoding;

use crate::decode::{decode_declared, DecodeError};

/// Decode an XML document; `http_charset` is the Content-Type's charset, if any.
pub fn decode_xml<'a>(
    bytes: &'a [u8],
    http_charset: Option<&str>,
) -> Result<Cow<'a, str>, DecodeError> {
    decode_declared(bytes, || {
        http_charset
            .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
            .or_else(|| declared_encoding(bytes))
    })
}

/// The `encoding` pseudo-attribute of an `<?xml …?>` declaration at the start.
fn declared_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(512)];
    let start = head.iter().position(|b| !b.is_ascii_whitespace())?;
    let head = &head[start..];
    if !head.starts_with(b"<?xml") {
        return None;
    }
    let end = head.windows(2).position(|w| w == b"?>")?;
    let decl = std::str::from_utf8(&head[..end]).ok()?;
    let at = decl.find("encoding")?;
    let rest = decl[at + "encoding".len()..].trim_start().strip_prefix('=')?.trim_start();
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = rest[1..].split(quote).next()?;
    Encoding::for_label(value.trim().as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declaration_names_windows_1256() {
        let xml =
            "<?xml version=\"1.0\" encoding=\"windows-1256\"?><rss><title>أخبار</title></rss>";
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(xml);
        assert!(decode_xml(&bytes, None).unwrap().contains("أخبار"));
        // The server's charset wins over the declaration.
        let (bytes, _, _) = encoding_rs::ISO_8859_6
            .encode("<?xml version='1.0' encoding='windows-1256'?><a>خبر</a>");
        assert!(decode_xml(&bytes, Some("iso-8859-6")).unwrap().contains("خبر"));
    }

    #[test]
    fn utf8_and_boms() {
        assert_eq!(decode_xml("<a>خبر</a>".as_bytes(), None).unwrap(), "<a>خبر</a>");
        let mut le = vec![0xFF, 0xFE];
        for unit in "<a>خبر</a>".encode_utf16() {
            le.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode_xml(&le, Some("utf-8")).unwrap(), "<a>خبر</a>");
        assert_eq!(decode_xml(b"", None), Err(DecodeError::Empty));
        assert_eq!(decode_xml(b"<a>\0</a>", None), Err(DecodeError::Binary));
    }
}
