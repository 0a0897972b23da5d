//! What a fetched body is (a page, a feed, something else) and how to turn it
//! into text: a byte-order mark first, then the charset the server sent, then
//! what the document itself declares or what detection finds.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

use super::client::Page;
use crate::decode::{decode_html, decode_text, DecodeError};

/// What a response body holds, from its media type and first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyKind {
    Html,
    /// RSS, RDF or Atom.
    XmlFeed,
    JsonFeed,
    /// Anything else (images, PDFs, plain JSON…), with no reader.
    Other,
}

/// Decide what `page` holds. The content wins over a generic or wrong media type:
/// feeds are often served as `text/html` or `application/octet-stream`.
pub fn body_kind(page: &Page) -> BodyKind {
    let media = page.media_type().unwrap_or_default();
    let head = sniff_head(&page.body);
    if head.starts_with('<') {
        let lower = head.to_ascii_lowercase();
        let xmlish = lower.starts_with("<?xml")
            || lower.starts_with("<rss")
            || lower.starts_with("<feed")
            || lower.starts_with("<rdf:rdf");
        let htmlish = lower.starts_with("<!doctype html") || lower.starts_with("<html");
        if htmlish {
            return BodyKind::Html;
        }
        if xmlish
            && (lower.contains("<rss") || lower.contains("<feed") || lower.contains("rdf:rdf"))
        {
            return BodyKind::XmlFeed;
        }
        if media.contains("html") {
            return BodyKind::Html;
        }
        if media.contains("xml") || media.contains("rss") || media.contains("atom") {
            return BodyKind::XmlFeed;
        }
        return BodyKind::Html;
    }
    if head.starts_with('{')
        && (media.contains("json") || media.is_empty() || media == "text/plain")
    {
        return if head.contains("jsonfeed.org/version") {
            BodyKind::JsonFeed
        } else {
            BodyKind::Other
        };
    }
    if media.contains("html") {
        // Declared HTML that does not start like markup: the decoder decides (binary is refused there).
        return BodyKind::Html;
    }
    BodyKind::Other
}

/// The first 2 KiB as text (BOM and leading whitespace skipped, UTF-16 decoded), for sniffing.
fn sniff_head(body: &[u8]) -> String {
    let head = &body[..body.len().min(2048)];
    let text = match Encoding::for_bom(head) {
        Some((encoding, bom)) => {
            let (text, _) = encoding.decode_without_bom_handling(&head[bom..]);
            text.into_owned()
        }
        None => String::from_utf8_lossy(head).into_owned(),
    };
    text.trim_start().to_owned()
}

/// Decode an HTML body: BOM, then the HTTP charset, then `<meta charset>` and detection.
pub fn decode_page<'a>(
    body: &'a [u8],
    http_charset: Option<&str>,
) -> Result<Cow<'a, str>, DecodeError> {
    if body.is_empty() {
        return Err(DecodeError::Empty);
    }
    if Encoding::for_bom(body).is_some() {
        return decode_text(body);
    }
    match http_charset.and_then(|label| Encoding::for_label(label.as_bytes())) {
        Some(encoding) if encoding != UTF_16LE && encoding != UTF_16BE => {
            if body.contains(&0) {
                return Err(DecodeError::Binary);
            }
            if encoding == UTF_8 {
                return decode_text(body);
            }
            let (text, _) = encoding.decode_without_bom_handling(body);
            Ok(text)
        }
        _ => decode_html(body),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fetch::client::Validators;

    fn page(content_type: &str, body: &[u8]) -> Page {
        Page {
            requested: "http://x/".into(),
            url: "http://x/".into(),
            status: 200,
            content_type: Some(content_type.into()),
            charset: None,
            validators: Validators::default(),
            body: body.to_vec(),
        }
    }

    #[test]
    fn kinds() {
        let rss = b"<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>";
        assert_eq!(body_kind(&page("text/html", rss)), BodyKind::XmlFeed);
        assert_eq!(body_kind(&page("application/atom+xml", b"<feed xmlns=")), BodyKind::XmlFeed);
        assert_eq!(body_kind(&page("text/html", b"<!DOCTYPE html><html>")), BodyKind::Html);
        assert_eq!(body_kind(&page("text/html", b"\x89PNG\r\n\x1a\n")), BodyKind::Html);
        assert_eq!(body_kind(&page("image/png", b"\x89PNG\r\n\x1a\n")), BodyKind::Other);
        let json = b"{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}";
        assert_eq!(body_kind(&page("application/feed+json", json)), BodyKind::JsonFeed);
        assert_eq!(body_kind(&page("application/json", b"{\"a\": 1}")), BodyKind::Other);
    }

    #[test]
    fn http_charset_decides_before_meta() {
        let (arabic, _, _) = encoding_rs::WINDOWS_1256.encode("<p>خبر</p>");
        assert!(decode_page(&arabic, Some("windows-1256")).unwrap().contains("خبر"));
        assert_eq!(decode_page(b"a\0b", Some("windows-1256")), Err(DecodeError::Binary));
        assert!(decode_page("<p>خبر".as_bytes(), Some("utf-8")).unwrap().contains("خبر"));
    }
}
