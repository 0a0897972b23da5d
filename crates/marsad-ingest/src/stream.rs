//! Inputs without a usable name — stdin (`-`), pipes, files without an
//! extension — whose format is sniffed from the content: `[` → JSON array,
//! `{` → JSON Lines when the first line is a complete record and more follows,
//! else one JSON document; `<` → HTML; anything else → plain text.

use std::io::{BufRead, BufReader, Cursor, Read};

use serde::de::IgnoredAny;

use crate::decode::decode_text;
use crate::emit::Emitter;
use crate::format::Format;
use crate::html::html_article;
use crate::json::read_json_text;
use crate::jsonl::read_jsonl;
use crate::source::Source;
use crate::txt::txt_article;
use crate::{read_bytes, read_decoded, ReadOptions};

pub(crate) fn read_stream<R: Read>(
    reader: R,
    src: &Source,
    options: &ReadOptions,
    em: &mut Emitter<'_>,
) {
    let mut reader = BufReader::with_capacity(64 << 10, reader);
    let head = match reader.fill_buf() {
        Ok(head) => head,
        Err(e) => {
            em.problem(&src.name, None, format!("read error: {e}"));
            return;
        }
    };
    if head.is_empty() {
        em.problem(&src.name, None, if src.name == "-" { "empty input" } else { "empty file" });
        return;
    }
    let utf16 = head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF");
    let body = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let first = body.iter().find(|b| !b.is_ascii_whitespace()).copied();
    match (utf16, first) {
        (true, _) => {
            let Some(bytes) = read_all(reader, Vec::new(), options.max_file_bytes, src, em) else {
                return;
            };
            match decode_text(&bytes) {
                Ok(text) => read_sniffed_text(&text, src, options, em),
                Err(e) => em.problem(&src.name, None, e),
            }
        }
        (false, Some(b'{')) => {
            let mut line = Vec::new();
            let limit = (options.max_record_bytes as u64).saturating_add(1);
            if let Err(e) = (&mut reader).take(limit).read_until(b'\n', &mut line) {
                em.problem(&src.name, None, format!("read error: {e}"));
                return;
            }
            let record = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&line);
            let is_record =
                line.ends_with(b"\n") && serde_json::from_slice::<IgnoredAny>(record).is_ok();
            let more = is_record && reader.fill_buf().is_ok_and(|rest| !rest.is_empty());
            if more {
                read_jsonl(
                    BufReader::new(Cursor::new(line).chain(reader)),
                    src,
                    options,
                    em,
                    false,
                );
            } else if let Some(bytes) = read_all(reader, line, options.max_file_bytes, src, em) {
                read_decoded(&bytes, Format::Json, src, options, em);
            }
        }
        (false, Some(b'[')) => {
            if let Some(bytes) = read_all(reader, Vec::new(), options.max_file_bytes, src, em) {
                read_decoded(&bytes, Format::Json, src, options, em);
            }
        }
        (false, first) => {
            let format = match first {
                Some(b'<') if looks_like_feed(reader.fill_buf().unwrap_or_default()) => {
                    Format::Feed
                }
                Some(b'<') => Format::Html,
                _ => Format::Text,
            };
            let limit = if format == Format::Feed {
                options.max_file_bytes
            } else {
                options.max_record_bytes as u64
            };
            match read_bytes(reader, limit, 0) {
                Ok(Some(bytes)) => read_decoded(&bytes, format, src, options, em),
                Ok(None) => em.problem(
                    &src.name,
                    None,
                    format!("record too large: more than {limit} bytes"),
                ),
                Err(e) => em.problem(&src.name, None, format!("read error: {e}")),
            }
        }
    }
}

/// Append the rest of `reader` to `bytes`, within `limit` bytes in all.
fn read_all<R: Read>(
    reader: R,
    mut bytes: Vec<u8>,
    limit: u64,
    src: &Source,
    em: &mut Emitter<'_>,
) -> Option<Vec<u8>> {
    let room = limit.saturating_add(1).saturating_sub(bytes.len() as u64);
    if let Err(e) = reader.take(room).read_to_end(&mut bytes) {
        em.problem(&src.name, None, format!("read error: {e}"));
        return None;
    }
    if bytes.len() as u64 > limit {
        em.problem(&src.name, None, format!("file too large: more than {limit} bytes"));
        return None;
    }
    Some(bytes)
}

/// Already-decoded text (from UTF-16): sniff it the same way.
fn read_sniffed_text(text: &str, src: &Source, options: &ReadOptions, em: &mut Emitter<'_>) {
    let first = text.trim_start().chars().next();
    if matches!(first, Some('[' | '{')) {
        return read_json_text(text, src, options, em);
    }
    if text.len() > options.max_record_bytes {
        em.problem(
            &src.name,
            None,
            format!("record too large: {} bytes (limit {})", text.len(), options.max_record_bytes),
        );
        return;
    }
    if first == Some('<') {
        match html_article(text, src.name.clone(), src.outlet.clone()) {
            Ok(article) => em.article(article),
            Err(e) => em.problem(&src.name, None, e),
        }
    } else {
        em.article(txt_article(text, src.name.clone(), src.outlet.clone()));
    }
}

/// An RSS, RDF or Atom root element near the start of markup: a feed, not a page.
fn looks_like_feed(head: &[u8]) -> bool {
    let head = &head[..head.len().min(2048)];
    let head = String::from_utf8_lossy(head);
    ["<rss", "<feed", "<rdf:RDF"].iter().any(|root| head.contains(root))
}
