//! HTML pages: the title and the visible text, kept simple and fast.
//!
//! Title: `<title>`, else the first `<h1>`, else `og:title`. Text: everything a
//! reader could see in `<body>` — `script`, `style`, `noscript`, `template`,
//! `svg`, `math`, `iframe`, `object`, `canvas` and `select` are dropped — with
//! whitespace collapsed and one line per block element (`p`, `div`, `li`, `h1`,
//! `br`, …; `<pre>` keeps its own whitespace). Cheap metadata from `<head>`:
//! `link rel=canonical` / `og:url` → url, `og:site_name` → outlet,
//! `article:published_time` (and similar) → published, `author` → author.
//! Real main-text extraction (boilerplate removal) is a later stage.

use marsad_model::RawArticle;
use scraper::{ElementRef, Html, Node};

use crate::dates::parse_date;
use crate::fields::url_host;

/// What [`parse_html`] found in a page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HtmlPage {
    pub title: Option<String>,
    /// Visible text, one line per block.
    pub text: String,
    pub url: Option<String>,
    pub site_name: Option<String>,
    pub published: Option<marsad_model::Published>,
    pub author: Option<String>,
}

/// Pages nested deeper than this (by [`nesting_estimate`]) are not parsed: the
/// HTML parser's scope checks make such pages quadratic (100,000 nested `<div>`s
/// take 15 s), and real pages stay far below it.
pub const MAX_NESTING: usize = 5_000;

/// Why a page was not parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum HtmlError {
    #[error("HTML nested too deeply (more than {MAX_NESTING} open elements)")]
    TooDeep,
}

/// Parse a page's title, visible text and head metadata; refuses pathologically
/// nested pages (see [`MAX_NESTING`]).
pub fn parse_html(source: &str) -> Result<HtmlPage, HtmlError> {
    if nesting_estimate(source) > MAX_NESTING {
        return Err(HtmlError::TooDeep);
    }
    Ok(parse_document(source))
}

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
                    at = find_from(bytes, at + 3, b"-->").map_or(bytes.len(), |end| end + 3);
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
            at = find_from(bytes, close, &end_tag).unwrap_or(bytes.len());
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

/// Position of `needle` (ASCII, case-insensitive) in `bytes` at or after `from`.
fn find_from(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| from + p)
}

fn parse_document(source: &str) -> HtmlPage {
    let doc = Html::parse_document(source);
    let mut page = HtmlPage::default();
    let mut head = HeadMeta::default();
    let mut text = TextBuilder::default();
    let mut h1: Option<String> = None;

    let root = doc.tree.root();
    let Some(mut node) = root.first_child() else {
        return page;
    };
    'walk: loop {
        let mut descend = true;
        match node.value() {
            Node::Text(t) => text.push_text(t),
            Node::Element(el) => {
                let name = el.name();
                match name {
                    "head" => {
                        for d in node.descendants() {
                            if let Some(e) = ElementRef::wrap(d) {
                                head.visit(e, &mut page);
                            }
                        }
                        descend = false;
                    }
                    "title" => {
                        if page.title.is_none() {
                            page.title = ElementRef::wrap(node).and_then(|e| collapsed(e.text()));
                        }
                        descend = false;
                    }
                    "meta" | "link" => {
                        if let Some(e) = ElementRef::wrap(node) {
                            head.visit(e, &mut page);
                        }
                    }
                    "h1" if h1.is_none() => {
                        h1 = ElementRef::wrap(node).and_then(|e| collapsed(e.text()));
                    }
                    _ if is_hidden(name) => descend = false,
                    _ => {}
                }
                if descend {
                    text.open(name);
                }
            }
            _ => {}
        }
        if descend {
            if let Some(child) = node.first_child() {
                node = child;
                continue;
            }
        }
        if descend {
            close(&mut text, node.value());
        }
        let mut current = node;
        loop {
            if let Some(sibling) = current.next_sibling() {
                node = sibling;
                continue 'walk;
            }
            match current.parent() {
                Some(parent) if parent.id() != root.id() => {
                    close(&mut text, parent.value());
                    current = parent;
                }
                _ => break 'walk,
            }
        }
    }
    page.text = text.finish();
    if page.title.is_none() {
        page.title = h1.or(head.og_title);
    }
    page
}

fn close(text: &mut TextBuilder, node: &Node) {
    if let Node::Element(el) = node {
        text.close(el.name());
    }
}

/// The article for an HTML file's decoded text.
pub(crate) fn html_article(
    source: &str,
    origin: String,
    outlet: Option<String>,
) -> Result<RawArticle, HtmlError> {
    let page = parse_html(source)?;
    let mut article = RawArticle::new(origin, page.text);
    article.title = page.title;
    article.outlet = page.site_name.or_else(|| page.url.as_deref().and_then(url_host)).or(outlet);
    article.url = page.url;
    article.published = page.published;
    article.author = page.author;
    Ok(article)
}

fn is_hidden(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "iframe"
            | "object"
            | "canvas"
            | "select"
    )
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "body"
            | "br"
            | "caption"
            | "dd"
            | "details"
            | "dialog"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hr"
            | "li"
            | "main"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "tfoot"
            | "thead"
            | "tr"
            | "ul"
    )
}

fn collapsed<'a>(parts: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut out = String::new();
    for word in parts.flat_map(str::split_whitespace) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    (!out.is_empty()).then_some(out)
}

#[derive(Default)]
struct TextBuilder {
    out: String,
    pending_space: bool,
    pre_depth: usize,
}

impl TextBuilder {
    fn open(&mut self, name: &str) {
        if name == "pre" {
            self.pre_depth += 1;
        }
        if is_block(name) {
            self.newline();
        } else if matches!(name, "td" | "th") {
            self.pending_space = true;
        }
    }

    fn close(&mut self, name: &str) {
        if name == "pre" {
            self.pre_depth = self.pre_depth.saturating_sub(1);
        }
        if is_block(name) {
            self.newline();
        } else if matches!(name, "td" | "th") {
            self.pending_space = true;
        }
    }

    fn newline(&mut self) {
        if !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push('\n');
        }
        self.pending_space = false;
    }

    fn push_text(&mut self, text: &str) {
        if self.pre_depth > 0 {
            let text = text.replace("\r\n", "\n");
            if !text.trim().is_empty() {
                if self.pending_space && !self.out.is_empty() && !self.out.ends_with('\n') {
                    self.out.push(' ');
                }
                self.out.push_str(&text);
                self.pending_space = false;
            }
            return;
        }
        for c in text.chars() {
            if c.is_whitespace() {
                self.pending_space = true;
            } else {
                if self.pending_space && !self.out.is_empty() && !self.out.ends_with('\n') {
                    self.out.push(' ');
                }
                self.pending_space = false;
                self.out.push(c);
            }
        }
    }

    fn finish(self) -> String {
        let mut out = String::with_capacity(self.out.len());
        for line in self.out.lines() {
            let line = line.trim_end();
            if line.trim().is_empty() {
                continue;
            }
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(line);
        }
        out
    }
}

#[derive(Default)]
struct HeadMeta {
    og_title: Option<String>,
    og_url: Option<String>,
}

impl HeadMeta {
    fn visit(&mut self, e: ElementRef<'_>, page: &mut HtmlPage) {
        let el = e.value();
        match el.name() {
            "title" if page.title.is_none() => page.title = collapsed(e.text()),
            "link" => {
                let canonical = el.attr("rel").is_some_and(|rel| {
                    rel.split_whitespace().any(|r| r.eq_ignore_ascii_case("canonical"))
                });
                if canonical && page.url.is_none() {
                    page.url = el.attr("href").and_then(absolute_url);
                }
            }
            "meta" => {
                let Some(key) =
                    el.attr("property").or_else(|| el.attr("name")).or_else(|| el.attr("itemprop"))
                else {
                    return;
                };
                let Some(content) = el.attr("content").map(str::trim).filter(|c| !c.is_empty())
                else {
                    return;
                };
                let key = key.trim().to_ascii_lowercase();
                match key.as_str() {
                    "og:title" if self.og_title.is_none() => {
                        self.og_title = Some(content.to_owned())
                    }
                    "og:url" if self.og_url.is_none() => {
                        self.og_url = absolute_url(content);
                        if page.url.is_none() {
                            page.url = self.og_url.clone();
                        }
                    }
                    "og:site_name" if page.site_name.is_none() => {
                        page.site_name = Some(content.to_owned())
                    }
                    "article:published_time"
                    | "og:published_time"
                    | "datepublished"
                    | "date"
                    | "pubdate"
                    | "publishdate"
                    | "dc.date"
                    | "dc.date.issued"
                    | "parsely-pub-date"
                    | "sailthru.date"
                        if page.published.is_none() =>
                    {
                        page.published = parse_date(content);
                    }
                    "author" | "dc.creator" | "article:author" | "byl"
                        if page.author.is_none() && absolute_url(content).is_none() =>
                    {
                        page.author = Some(content.to_owned());
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
}

fn absolute_url(value: &str) -> Option<String> {
    let value = value.trim();
    let lower = value.get(..8).unwrap_or(value).to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")).then(|| value.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_text_and_meta() {
        let page = parse_document(
            r#"<!doctype html><html><head><title> عنوان
            الصفحة </title>
            <meta property="og:site_name" content="الحياة">
            <link rel="canonical" href="https://www.example.com/a/1">
            <meta property="article:published_time" content="2021-07-26T10:00:00+03:00">
            <meta name="author" content="كاتب">
            <style>body{}</style><script>var x = 1;</script></head>
            <body><nav>الرئيسية <a href="/">أخبار</a></nav>
            <h1>عنوان <b>كبير</b></h1>
            <p>فقرة   أولى
            مع سطر.</p><script>alert(1)</script><noscript>no</noscript>
            <div>فقرة<br>ثانية<svg><text>x</text></svg></div>
            <table><tr><td>a</td><td>b</td></tr></table>
            <pre>  code
  kept</pre><template><p>hidden</p></template></body></html>"#,
        );
        assert_eq!(page.title.as_deref(), Some("عنوان الصفحة"));
        assert_eq!(page.url.as_deref(), Some("https://www.example.com/a/1"));
        assert_eq!(page.site_name.as_deref(), Some("الحياة"));
        assert_eq!(page.author.as_deref(), Some("كاتب"));
        assert_eq!(page.published.unwrap().to_rfc3339(), "2021-07-26T10:00:00+03:00");
        assert_eq!(
            page.text,
            "الرئيسية أخبار\nعنوان كبير\nفقرة أولى مع سطر.\nفقرة\nثانية\na b\n  code\n  kept"
        );
    }

    #[test]
    fn h1_when_no_title_and_fragments() {
        let page = parse_html("<h1>الخبر</h1><p>نص</p>").unwrap();
        assert_eq!(page.title.as_deref(), Some("الخبر"));
        assert_eq!(page.text, "الخبر\nنص");
        assert_eq!(parse_html("").unwrap().text, "");
        assert_eq!(parse_html("just text").unwrap().text, "just text");
    }

    #[test]
    fn deep_nesting_is_refused_fast_and_moderate_nesting_parses() {
        let deep = format!("{}x{}", "<div>".repeat(1_000_000), "</div>".repeat(1_000_000));
        assert_eq!(parse_html(&deep), Err(HtmlError::TooDeep));
        let ok = format!("{}x{}", "<div>".repeat(MAX_NESTING), "</div>".repeat(MAX_NESTING));
        assert_eq!(parse_html(&ok).unwrap().text, "x");
        // Unclosed optional-end tags and void elements do not add up.
        let flat = "<p>a</p><li>b<br><img src=x><td>c<br/>".repeat(10_000);
        assert!(nesting_estimate(&flat) < 10);
        let icons = format!("<svg>{}</svg><div/>", "<path d='M0'/><g><path/></g>".repeat(10_000));
        assert_eq!(nesting_estimate(&icons), 2);
        let scripted =
            format!("<div><script>{}</script><!-- <div><div> --></div>", "'<div>'".repeat(10_000));
        assert_eq!(nesting_estimate(&scripted), 1);
    }
}
