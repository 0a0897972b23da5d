//! JSON Lines: one record per line, read with a bounded line reader so that an
//! oversize line is skipped without being held in memory.
//!
//! Records are numbered by line (1-based, counting blank lines): origin
//! `file.jsonl#12`, problem record `line 12`.

use std::io::{BufRead, Read};

use serde_json::Value;

use crate::decode::decode_text;
use crate::emit::Emitter;
use crate::fields::record_to_article;
use crate::source::Source;
use crate::ReadOptions;

/// Give up on a file whose first this-many non-blank lines are all malformed.
const MAX_LEADING_BAD_LINES: usize = 100;

/// The message of a serde_json error without its " at line L column C" suffix.
pub(crate) fn json_message(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(at) => text[..at].to_owned(),
        None => text,
    }
}

/// Read JSON Lines from `reader`. `track` reports consumed bytes as progress
/// (false inside archives, whose progress is the compressed size). False when
/// reading stopped on an I/O error (reported).
pub(crate) fn read_jsonl<R: BufRead>(
    mut reader: R,
    src: &Source,
    options: &ReadOptions,
    em: &mut Emitter<'_>,
    track: bool,
) -> bool {
    let limit = options.max_record_bytes;
    let mut buf = Vec::new();
    let mut line_no = 0usize;
    let mut good = 0usize;
    let mut bad = 0usize;
    loop {
        buf.clear();
        let read = (&mut reader).take((limit as u64).saturating_add(1)).read_until(b'\n', &mut buf);
        let n = match read {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) => {
                em.problem(
                    &src.name,
                    Some(format!("line {}", line_no + 1)),
                    format!("read error: {e}"),
                );
                return false;
            }
        };
        line_no += 1;
        let record = || Some(format!("line {line_no}"));
        if track {
            em.advance(n as u64);
        }
        if buf.len() > limit && buf.last() != Some(&b'\n') {
            let skipped = match reader.skip_until(b'\n') {
                Ok(skipped) => skipped,
                Err(e) => {
                    em.problem(&src.name, record(), format!("read error: {e}"));
                    return false;
                }
            };
            if track {
                em.advance(skipped as u64);
            }
            let newline = usize::from(skipped > 0);
            em.problem(
                &src.name,
                record(),
                format!("record too large: {} bytes (limit {limit})", n + skipped - newline),
            );
            bad += 1;
            continue;
        }
        let mut line = buf.as_slice();
        if line_no == 1 {
            line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let result = decode_text(line).map_err(|e| e.to_string()).and_then(|text| {
            serde_json::from_str::<Value>(&text)
                .map_err(|e| format!("invalid JSON: {}", json_message(&e)))
        });
        match result.and_then(|value| {
            record_to_article(value, src.record_origin(line_no), src.outlet.as_deref(), limit)
                .map_err(|e| e.to_string())
        }) {
            Ok(article) => {
                good += 1;
                em.article(article);
            }
            Err(reason) => {
                bad += 1;
                em.problem(&src.name, record(), reason);
            }
        }
        if good == 0 && bad >= MAX_LEADING_BAD_LINES {
            em.problem(
                &src.name,
                None,
                format!(
                    "not JSON Lines: the first {bad} lines are all malformed; rest of file skipped"
                ),
            );
            break;
        }
    }
    true
}

/// [`read_jsonl`] for a whole stream: a UTF-16 stream (BOM) is decoded first,
/// within `max_file_bytes`.
pub(crate) fn read_jsonl_stream<R: BufRead>(
    mut reader: R,
    src: &Source,
    options: &ReadOptions,
    em: &mut Emitter<'_>,
    track: bool,
) -> bool {
    let utf16 = match reader.fill_buf() {
        Ok(head) => head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF"),
        Err(e) => {
            em.problem(&src.name, None, format!("read error: {e}"));
            return false;
        }
    };
    if !utf16 {
        return read_jsonl(reader, src, options, em, track);
    }
    let mut bytes = Vec::new();
    if let Err(e) = reader.take(options.max_file_bytes.saturating_add(1)).read_to_end(&mut bytes) {
        em.problem(&src.name, None, format!("read error: {e}"));
        return false;
    }
    if bytes.len() as u64 > options.max_file_bytes {
        em.problem(
            &src.name,
            None,
            format!("file too large: more than {} bytes", options.max_file_bytes),
        );
        return true;
    }
    match decode_text(&bytes) {
        Ok(text) => {
            read_jsonl(text.as_bytes(), src, options, em, false);
        }
        Err(e) => em.problem(&src.name, None, e),
    }
    true
}
