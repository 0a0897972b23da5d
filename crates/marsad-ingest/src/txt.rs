//! Plain-text articles: an optional headline line, then the body.
//!
//! The title is the first non-blank line that looks like a headline — at most
//! 200 characters, at least 3 words, not ending like a sentence or clause
//! (`.`, `:`, `،`, `,`, `؛`, `;`), with more text after it — once up to three
//! leading header lines are passed over: bylines (`*المرصد/فريق الرصد والمتابعة`,
//! lines starting with `*` or `|`, short lines with a `/`, `بقلم …`), datelines
//! (`حرية – (26/7/2021)`: a short line with a date, or `place – source`) and section
//! labels (lines of fewer than 3 words). When the first other line is a paragraph,
//! there is no title.
//!
//! The body is the text exactly as read minus the title line: header lines stay
//! in it (and are also listed in `metadata["header_lines"]`).

use marsad_model::RawArticle;
use serde_json::Value;

const MAX_TITLE_CHARS: usize = 200;
const MAX_HEADER_LINES: usize = 3;

/// A text split into its title line and the rest.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TxtParts {
    pub title: Option<String>,
    /// The input without the title line (byte-for-byte otherwise).
    pub body: String,
    /// Leading byline / dateline / section-label lines passed over (trimmed); still in `body`.
    pub header_lines: Vec<String>,
}

/// Find a plain-text article's title line (see the module docs).
pub fn split_title(text: &str) -> TxtParts {
    let mut header_lines = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        if is_header_line(trimmed) {
            header_lines.push(trimmed.to_owned());
            if header_lines.len() > MAX_HEADER_LINES {
                break;
            }
            continue;
        }
        let rest = text.get(offset..).unwrap_or_default();
        if is_title_line(trimmed) && !rest.trim().is_empty() {
            let mut body = String::with_capacity(text.len() - line.len());
            body.push_str(text.get(..start).unwrap_or_default());
            body.push_str(rest);
            return TxtParts { title: Some(trimmed.to_owned()), body, header_lines };
        }
        break;
    }
    TxtParts { title: None, body: text.to_owned(), header_lines }
}

/// The article for a `.txt` file's decoded text.
pub(crate) fn txt_article(text: &str, origin: String, outlet: Option<String>) -> RawArticle {
    let parts = split_title(text);
    let mut article = RawArticle::new(origin, parts.body);
    article.title = parts.title;
    article.outlet = outlet;
    if !parts.header_lines.is_empty() {
        let lines = parts.header_lines.into_iter().map(Value::String).collect();
        article.metadata.insert("header_lines".into(), Value::Array(lines));
    }
    article
}

fn is_title_line(line: &str) -> bool {
    line.chars().count() <= MAX_TITLE_CHARS
        && line.split_whitespace().count() >= 3
        && !line.ends_with(['.', ':', '،', ',', '؛', ';'])
}

fn is_header_line(line: &str) -> bool {
    let words = line.split_whitespace().count();
    if words < 3 || line.starts_with(['*', '|', '•']) {
        return true;
    }
    const BYLINE_STARTS: &[&str] = &["بقلم", "كتب ", "كتبت ", "بواسطة", "By ", "by "];
    if words <= 8 && BYLINE_STARTS.iter().any(|p| line.starts_with(p)) {
        return true;
    }
    let has_date = contains_date(line);
    if words <= 6 && has_date {
        return true;
    }
    // "place – source" / "outlet - (date)"
    let dashed = [" - ", " – ", " — "].iter().any(|d| line.contains(d));
    if dashed && (words <= 4 || (words <= 8 && line.ends_with(')'))) {
        return true;
    }
    // "المرصد/فريق الرصد": a short line with a slash that is not part of a date.
    words <= 8 && !has_date && line.contains('/')
}

/// `d/m/y`-like: digits, a separator, digits, the same separator, digits.
fn contains_date(line: &str) -> bool {
    let chars: Vec<char> = line.chars().collect();
    let digits_at = |mut i: usize| {
        let start = i;
        while chars.get(i).is_some_and(|c| c.is_numeric()) {
            i += 1;
        }
        (i > start).then_some(i)
    };
    let mut i = 0;
    while i < chars.len() {
        if let Some(end1) = digits_at(i).filter(|_| i == 0 || !chars[i - 1].is_numeric()) {
            if let Some(&sep) = chars.get(end1).filter(|c| matches!(c, '/' | '-' | '.')) {
                if let Some(end2) = digits_at(end1 + 1) {
                    if chars.get(end2) == Some(&sep) && digits_at(end2 + 1).is_some() {
                        return true;
                    }
                }
            }
            i = end1;
        } else {
            i += 1;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_then_body() {
        let parts = split_title("عنوان الخبر المهم اليوم\nالنص الأول.\nالنص الثاني.\n");
        assert_eq!(parts.title.as_deref(), Some("عنوان الخبر المهم اليوم"));
        assert_eq!(parts.body, "النص الأول.\nالنص الثاني.\n");
    }

    #[test]
    fn section_label_then_headline() {
        let text = "الامنية\n\nتقرير أميركي يكشف عدد أفراد داعش\n\nذكر تقرير لموقع.\n";
        let parts = split_title(text);
        assert_eq!(parts.title.as_deref(), Some("تقرير أميركي يكشف عدد أفراد داعش"));
        assert_eq!(parts.body, "الامنية\n\n\nذكر تقرير لموقع.\n");
        assert_eq!(parts.header_lines, vec!["الامنية"]);
    }

    #[test]
    fn byline_dateline_then_paragraph() {
        for first in
            ["*المرصد/فريق الرصد والمتابعة", "حرية – (26/7/2021)", "| وكالات", "بغداد - وكالات"]
        {
            let text =
                format!("{first}\nأمل مسؤولون عسكريون من الولايات المتحدة والعراق، خلال محادثات.\n");
            let parts = split_title(&text);
            assert_eq!(parts.title, None, "{first}");
            assert_eq!(parts.body, text);
            assert_eq!(parts.header_lines, vec![first.to_owned()]);
        }
    }

    #[test]
    fn no_title_cases() {
        // A sentence, a long line, a lone line.
        assert_eq!(split_title("هذا خبر عن شيء ما.\nوتابع.").title, None);
        assert_eq!(split_title(&format!("{}\nنص", "كلمة ".repeat(50))).title, None);
        assert_eq!(split_title("عنوان بلا نص بعده\n\n").title, None);
        assert_eq!(split_title("").title, None);
        assert_eq!(split_title("\r\n  \r\n").body, "\r\n  \r\n");
    }

    #[test]
    fn crlf() {
        let parts = split_title("عنوان الخبر المهم\r\nالنص.\r\n");
        assert_eq!(parts.title.as_deref(), Some("عنوان الخبر المهم"));
        assert_eq!(parts.body, "النص.\r\n");
    }

    #[test]
    fn dates_in_lines() {
        assert!(contains_date("حرية – (26/7/2021)"));
        assert!(contains_date("2021-07-26"));
        assert!(contains_date("٢٦/٧/٢٠٢١"));
        assert!(!contains_date("المرصد/فريق"));
        assert!(!contains_date("4.5 مليون"));
    }
}
