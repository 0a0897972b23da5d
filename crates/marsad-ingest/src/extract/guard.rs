//! Limits that keep extraction bounded on hostile pages: size, nesting depth.
//!
//! html5ever's scope checks make pathologically nested pages quadratic (100,000
//! nested `<div>`s take 15 s), so nesting is estimated from the tags alone
//! before parsing and such pages are refused; real pages stay far below the limit.

use super::prefilter::find_ci;
use super::ExtractError;

/// Pages larger than this (64 MiB) are refused. Extraction costs about 13× the
/// page size in memory at its peak: a 20 MB page takes about 1.2 s and 260 MB
/// (release build).
pub const MAX_HTML_BYTES: usize = 64 << 20;

/// Refuse pages above [`MAX_HTML_BYTES`].
pub(crate) fn check_size(size: usize) -> Result<(), ExtractError> {
    if size > MAX_HTML_BYTES {
        return Err(ExtractError::TooLarge { size, limit: MAX_HTML_BYTES });
    }
    Ok(())
}

/// Refuse pages nested deeper than [`MAX_NESTING`] (see [`nesting_estimate`]).
pub(crate) fn check_nesting(source: &str) -> Result<(), ExtractError> {
    if nesting_estimate(source) > MAX_NESTING {
        return Err(ExtractError::TooDeep);
    }
    Ok(())
}

/// Pages nested deeper than this (by [`nesting_estimate`]) are refused.
pub const MAX_NESTING: usize = 5_000;

/// The most elements open at once, counted from the tags alone: void elements,
/// elements whose end tag is optional, and self-closing tags inside `<svg>` or
/// `<math>` do not count; script/style contents and comments are skipped.
pub fn nesting_estimate(source: &str) -> usize {
    const UNCOUNTED: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th",
        "tbody", "thead", "tfoot", "colgroup", "caption", "rb", "rt", "rtc", "rp", "html", "head",
        "body",
    ];
    let counted = |name: &[u8]| !UNCOUNTED.iter().any(|u| u.as_bytes().eq_ignore_ascii_case(name));
    let is_foreign =
        |name: &[u8]| name.eq_ignore_ascii_case(b"svg") || name.eq_ignore_ascii_case(b"math");
    let bytes = source.as_bytes();
    let (mut depth, mut max, mut foreign) = (0usize, 0usize, 0usize);
    let mut at = 0;
    while let Some(offset) = bytes.get(at..).and_then(|rest| rest.iter().position(|&b| b == b'<')) {
        at += offset + 1;
        let closing = bytes.get(at) == Some(&b'/');
        let name_start = at + usize::from(closing);
        match bytes.get(name_start) {
            Some(b) if b.is_ascii_alphabetic() => {}
            _ => {
                if bytes.get(at..at + 3) == Some(b"!--") {
                    at = find_ci(bytes, at + 3, b"-->").map_or(bytes.len(), |end| end + 3);
                }
                continue;
            }
        }
        let name_end = bytes[name_start..]
            .iter()
            .position(|b| !b.is_ascii_alphanumeric() && *b != b'-' && *b != b':')
            .map_or(bytes.len(), |n| name_start + n);
        let name = &bytes[name_start..name_end];
        let close =
            bytes[name_end..].iter().position(|&b| b == b'>').map_or(bytes.len(), |n| name_end + n);
        at = close;
        if closing {
            if is_foreign(name) {
                foreign = foreign.saturating_sub(1);
            }
            if counted(name) {
                depth = depth.saturating_sub(1);
            }
            continue;
        }
        let self_closing = close > name_end && bytes.get(close - 1) == Some(&b'/');
        if name.eq_ignore_ascii_case(b"script") || name.eq_ignore_ascii_case(b"style") {
            let mut end_tag = b"</".to_vec();
            end_tag.extend_from_slice(name);
            at = find_ci(bytes, close, &end_tag).unwrap_or(bytes.len());
            continue;
        }
        if self_closing && (foreign > 0 || is_foreign(name)) {
            continue;
        }
        if is_foreign(name) {
            foreign += 1;
        }
        if counted(name) {
            depth += 1;
            max = max.max(depth);
        }
    }
    max
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_is_estimated_from_tags() {
        assert!(nesting_estimate(&"<div>".repeat(1_000_000)) > MAX_NESTING);
        // Unclosed optional-end tags and void elements do not add up.
        let flat = "<p>a</p><li>b<br><img src=x><td>c<br/>".repeat(10_000);
        assert!(nesting_estimate(&flat) < 10);
        let icons = format!("<svg>{}</svg><div/>", "<path d='M0'/><g><path/></g>".repeat(10_000));
        assert_eq!(nesting_estimate(&icons), 2);
        let scripted =
            format!("<div><script>{}</script><!-- <div><div> --></div>", "'<div>'".repeat(10_000));
        assert_eq!(nesting_estimate(&scripted), 1);
    }

    #[test]
    fn size_limit() {
        assert!(check_size(MAX_HTML_BYTES).is_ok());
        assert_eq!(
            check_size(MAX_HTML_BYTES + 1),
            Err(ExtractError::TooLarge { size: MAX_HTML_BYTES + 1, limit: MAX_HTML_BYTES })
        );
    }
}
