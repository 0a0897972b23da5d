//! Extraction on hostile input: truncated pages, a 20 MB page, pages above the
//! size limit, binary bytes served as HTML, pathological nesting, and random
//! mutations of a real-looking page. Every case ends in a result or a clear
//! error, quickly, without a panic.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::{Duration, Instant};

use common::Rng;
use marsad_ingest::decode::DecodeError;
use marsad_ingest::extract::MAX_HTML_BYTES;
use marsad_ingest::{extract, extract_file, ExtractError};

const FIXTURE: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/tests/extract_fixtures/arabic_news.html");

fn fixture() -> Vec<u8> {
    std::fs::read(FIXTURE).unwrap()
}

#[test]
fn truncated_pages() {
    let html = fixture();
    // Every cut, including in the middle of tags, comments, scripts, JSON-LD and UTF-8 characters.
    for cut in (0..html.len()).step_by(37) {
        let result = extract(&html[..cut], None, None);
        match result {
            Ok(_) | Err(ExtractError::Decode(DecodeError::Empty)) => {}
            Err(e) => panic!("cut at {cut}: {e}"),
        }
    }
    // Cut in the middle of the article: what was there is kept.
    let cut = std::str::from_utf8(&html).unwrap().find("وبحسب البنتاغون").unwrap() + 40;
    let page = extract(&html[..cut], None, None).unwrap();
    assert!(page.text.contains("واستقبل وزير الدفاع"), "{}", page.text);
    assert_eq!(page.title.as_deref(), Some("واشنطن وبغداد تبحثان توسيع الشراكة الأمنية"));
}

/// A 20 MB page: a real-looking article followed by a huge comment thread and listing.
#[test]
fn twenty_megabyte_page() {
    let html = String::from_utf8(fixture()).unwrap();
    let at = html.find("<div id=\"comments\"").unwrap();
    let mut big = String::with_capacity(21 << 20);
    big.push_str(&html[..at]);
    big.push_str("<div class=\"archive-list\">");
    let item = "<div class=\"item\"><a href=\"/n/1\">عنوان خبر من الأرشيف</a><p>ملخص قصير للخبر من الأرشيف القديم.</p></div>\n";
    while big.len() < 20 << 20 {
        big.push_str(item);
    }
    big.push_str("</div>");
    big.push_str(&html[at..]);
    assert!(big.len() >= 20 << 20);
    let start = Instant::now();
    let page = extract(big.as_bytes(), None, None).unwrap();
    let took = start.elapsed();
    assert!(took < Duration::from_secs(20), "took {took:?}");
    assert_eq!(page.title.as_deref(), Some("واشنطن وبغداد تبحثان توسيع الشراكة الأمنية"));
    assert_eq!(page.published.unwrap().to_rfc3339(), "2023-08-07T21:15:00+03:00");
    assert!(page.text.contains("أمل مسؤولون عسكريون"), "article text kept");
}

#[test]
fn pages_above_the_limit_are_refused_by_size() {
    let huge = vec![b'a'; MAX_HTML_BYTES + 1];
    let err = extract(&huge, None, None).unwrap_err();
    assert_eq!(err, ExtractError::TooLarge { size: MAX_HTML_BYTES + 1, limit: MAX_HTML_BYTES });
    assert_eq!(
        err.to_string(),
        format!("HTML page too large: {} bytes (limit {MAX_HTML_BYTES})", MAX_HTML_BYTES + 1)
    );
    // A file is refused before it is read.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.html");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(MAX_HTML_BYTES as u64 + 10).unwrap();
    assert!(matches!(extract_file(&path), Err(ExtractError::TooLarge { .. })));
    let missing = extract_file(&dir.path().join("missing.html")).unwrap_err();
    assert!(missing.to_string().ends_with("missing.html: no such file or directory"), "{missing}");
}

#[test]
fn binary_served_as_html() {
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0".to_vec();
    png.extend((0..5000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    let err = extract(&png, None, Some("utf-8")).unwrap_err();
    assert_eq!(err, ExtractError::Decode(DecodeError::Binary));
    assert_eq!(err.to_string(), "binary file");
    assert_eq!(extract(&png, None, None).unwrap_err().to_string(), "binary file");
    // Noise without NUL bytes that no encoding reads as text.
    let noise: Vec<u8> = (0..4000u32).map(|i| (((i * 7919) % 251) as u8 | 0x80).max(1)).collect();
    let noise: Vec<u8> = noise.into_iter().chain([1u8, 2, 3, 4, 5, 6, 7, 8]).collect();
    assert_eq!(
        extract(&noise, None, None).unwrap_err(),
        ExtractError::Decode(DecodeError::NotText)
    );
    assert_eq!(extract(b"", None, None).unwrap_err(), ExtractError::Decode(DecodeError::Empty));
}

#[test]
fn deep_nesting_is_refused_quickly() {
    let start = Instant::now();
    let deep = "<div>".repeat(1 << 20);
    assert_eq!(extract(deep.as_bytes(), None, None).unwrap_err(), ExtractError::TooDeep);
    let deep_spans = format!("<p>{}x", "<span><b>".repeat(200_000));
    assert_eq!(extract(deep_spans.as_bytes(), None, None).unwrap_err(), ExtractError::TooDeep);
    assert!(start.elapsed() < Duration::from_secs(5));
    // Just under the limit parses.
    let ok = format!("{}نص{}", "<div>".repeat(4_000), "</div>".repeat(4_000));
    assert_eq!(extract(ok.as_bytes(), None, None).unwrap().text, "نص");
}

#[test]
fn mutated_pages_never_panic() {
    let html = fixture();
    let snippets: &[&[u8]] = &[
        b"<",
        b">",
        b"</div>",
        b"<div>",
        b"<p>",
        b"<!--",
        b"-->",
        b"<script>",
        b"</script>",
        b"<table><tr><td>",
        b"\"",
        b"'",
        b"&amp;",
        b"&#x0;",
        b"\xFF",
        b"\0",
        b"<svg>",
        b"<a href=",
        b"{\"@type\":",
        b"<time datetime=\"",
        b"<meta name=date content=\"2023-13-45\">",
    ];
    let mut rng = Rng(0x5EED_1234_ABCD_0001);
    for _ in 0..300 {
        let mut bytes = html.clone();
        for _ in 0..1 + rng.below(8) {
            let at = rng.below(bytes.len());
            match rng.below(4) {
                0 => {
                    let s = snippets[rng.below(snippets.len())];
                    bytes.splice(at..at, s.iter().copied());
                }
                1 => {
                    let end = (at + rng.below(400)).min(bytes.len());
                    bytes.drain(at..end);
                }
                2 => bytes[at] = rng.next() as u8,
                _ => {
                    let end = (at + rng.below(2000)).min(bytes.len());
                    let chunk = bytes[at..end].to_vec();
                    bytes.splice(at..at, chunk);
                }
            }
        }
        let _ = extract(&bytes, Some("https://example.com/2023/08/07/x"), None);
    }
}
