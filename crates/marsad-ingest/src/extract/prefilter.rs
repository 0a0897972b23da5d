//! Cutting what extraction never reads before the HTML parser sees it.
//!
//! On the pages of the evaluation set scripts, styles, inline SVG and comments
//! are about 45% of the bytes, and the parser tokenizes all of them. This pass
//! removes comments, the contents of `<script>` (except JSON-LD, which the
//! metadata needs) and `<style>`, and whole `<svg>` elements, in one linear
//! scan. Tags and text elsewhere are copied as they are.

use std::borrow::Cow;

/// The page without comments, script/style bodies (JSON-LD kept) and SVG.
pub(crate) fn prefilter(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out: Option<String> = None;
    // Start of the stretch not yet copied.
    let mut copied = 0;
    let mut at = 0;
    while let Some(lt) = find_byte(bytes, at, b'<') {
        at = lt + 1;
        let skip: Option<(usize, usize)> = if bytes.get(lt + 1..lt + 4) == Some(b"!--") {
            let end = find_ci(bytes, lt + 4, b"-->").map_or(bytes.len(), |e| e + 3);
            Some((lt, end))
        } else if let Some(name) = tag_name(bytes, lt + 1) {
            if name.eq_ignore_ascii_case(b"script") || name.eq_ignore_ascii_case(b"style") {
                let tag_end = find_byte(bytes, lt, b'>').map_or(bytes.len(), |e| e + 1);
                let keep = name.eq_ignore_ascii_case(b"script")
                    && find_ci(bytes.get(lt..tag_end).unwrap_or_default(), 0, b"ld+json").is_some();
                let mut close = b"</".to_vec();
                close.extend_from_slice(name);
                let end = find_ci(bytes, tag_end, &close).unwrap_or(bytes.len());
                if keep {
                    at = end.max(at);
                    None
                } else {
                    Some((tag_end, end))
                }
            } else if name.eq_ignore_ascii_case(b"svg") {
                let end = find_ci(bytes, lt, b"</svg").map_or(bytes.len(), |e| {
                    find_byte(bytes, e, b'>').map_or(bytes.len(), |g| g + 1)
                });
                Some((lt, end))
            } else {
                None
            }
        } else {
            None
        };
        if let Some((from, to)) = skip {
            let buffer = out.get_or_insert_with(|| String::with_capacity(html.len() / 2));
            if let Some(kept) = html.get(copied..from) {
                buffer.push_str(kept);
            }
            copied = to;
            at = to.max(at);
        }
    }
    match out {
        None => Cow::Borrowed(html),
        Some(mut buffer) => {
            if let Some(rest) = html.get(copied..) {
                buffer.push_str(rest);
            }
            Cow::Owned(buffer)
        }
    }
}

/// The tag name starting at `at` (ASCII letters, digits, `-`), if any.
fn tag_name(bytes: &[u8], at: usize) -> Option<&[u8]> {
    if !bytes.get(at)?.is_ascii_alphabetic() {
        return None;
    }
    let len = bytes[at..].iter().position(|b| !b.is_ascii_alphanumeric() && *b != b'-')?;
    bytes.get(at..at + len)
}

fn find_byte(bytes: &[u8], from: usize, byte: u8) -> Option<usize> {
    bytes.get(from..)?.iter().position(|&b| b == byte).map(|p| from + p)
}

/// Position of `needle` (ASCII, case-insensitive) in `bytes` at or after `from`.
pub(crate) fn find_ci(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let (&first, rest) = needle.split_first()?;
    let (lower, upper) = (first.to_ascii_lowercase(), first.to_ascii_uppercase());
    let mut at = from;
    loop {
        let offset = bytes.get(at..)?.iter().position(|&b| b == lower || b == upper)?;
        let start = at + offset;
        let tail = bytes.get(start + 1..start + 1 + rest.len())?;
        if tail.eq_ignore_ascii_case(rest) {
            return Some(start);
        }
        at = start + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_scripts_styles_svg_and_comments() {
        let html = "<p>a</p><!-- x <p>no</p> --><SCRIPT>var s = '<p>';</SCRIPT>\
            <script type='application/ld+json'>{\"a\": 1}</script><style>p{}</style>\
            <svg><path d='M0'/></svg><p>b</p>";
        assert_eq!(
            prefilter(html),
            "<p>a</p><SCRIPT></SCRIPT><script type='application/ld+json'>{\"a\": 1}</script>\
             <style></style><p>b</p>"
        );
        assert!(matches!(prefilter("<p>plain</p>"), Cow::Borrowed(_)));
        assert_eq!(prefilter("<p>x<script>unterminated"), "<p>x<script>");
        assert_eq!(prefilter("<!-- open"), "");
        assert_eq!(prefilter("نص <b>عربي</b>"), "نص <b>عربي</b>");
    }
}
