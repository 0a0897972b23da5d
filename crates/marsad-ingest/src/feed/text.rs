//! Feed markup to plain text: `description`, `content:encoded` and Atom
//! `type="html"` carry HTML fragments. Tags go, entities are decoded,
//! `script`/`style` contents dropped, and block elements (`p`, `br`, `li`, …)
//! become line breaks; runs of spaces collapse.
//!
//! Fragments are parsed with the same HTML parser as pages (`scraper`), guarded by
//! the crate's nesting estimate; a pathologically nested fragment falls back to a
//! plain tag stripper so no input can make this slow.

use scraper::{Html, Node};

use super::model::Markup;
use crate::html::{nesting_estimate, MAX_NESTING};

/// The text of `markup`, one line per block, trimmed.
pub fn markup_text(markup: &Markup) -> String {
    match markup {
        Markup::Text(text) => tidy(text),
        Markup::Html(html) => html_text(html),
    }
}

/// The visible text of an HTML fragment.
pub fn html_text(html: &str) -> String {
    if !html.contains(['<', '&']) {
        return tidy(html);
    }
    if nesting_estimate(html) > MAX_NESTING {
        return tidy(&strip_tags(html));
    }
    let fragment = Html::parse_fragment(html);
    let mut out = String::with_capacity(html.len());
    let root = fragment.tree.root();
    let Some(mut node) = root.first_child() else {
        return String::new();
    };
    let close = |out: &mut String, node: &Node| {
        if let Node::Element(el) = node {
            if is_block(el.name()) {
                out.push('\n');
            }
        }
    };
    'walk: loop {
        let mut descend = true;
        match node.value() {
            Node::Text(text) => out.push_str(text),
            Node::Element(el) => {
                let name = el.name();
                if matches!(name, "script" | "style" | "noscript" | "template" | "iframe") {
                    descend = false;
                } else if is_block(name) {
                    out.push('\n');
                }
            }
            _ => {}
        }
        if descend {
            if let Some(child) = node.first_child() {
                node = child;
                continue;
            }
            close(&mut out, node.value());
        }
        let mut current = node;
        loop {
            if let Some(sibling) = current.next_sibling() {
                node = sibling;
                continue 'walk;
            }
            match current.parent() {
                Some(parent) if parent.id() != root.id() => {
                    close(&mut out, parent.value());
                    current = parent;
                }
                _ => break 'walk,
            }
        }
    }
    tidy(&out)
}

/// Elements that start a new line of text (HTML in feed descriptions, XHTML in Atom).
pub(super) fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "br"
            | "div"
            | "li"
            | "ul"
            | "ol"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "blockquote"
            | "pre"
            | "table"
            | "tr"
            | "figure"
            | "figcaption"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "hr"
            | "dd"
            | "dt"
    )
}

/// Drop everything between `<` and `>`; used only for pathological fragments.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Collapse spaces within lines, drop blank lines, trim.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let mut first = true;
        for word in line.split_whitespace() {
            if first {
                if !out.is_empty() {
                    out.push('\n');
                }
                first = false;
            } else {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_markup_to_lines() {
        let html = "<p>أعلن <b>الوزير</b> &amp; الوفد</p><p>الفقرة&nbsp;الثانية<br>سطر</p>\
                    <script>alert(1)</script><ul><li>أ</li><li>ب</li></ul>";
        assert_eq!(html_text(html), "أعلن الوزير & الوفد\nالفقرة الثانية\nسطر\nأ\nب");
    }

    #[test]
    fn plain_text_is_tidied() {
        assert_eq!(markup_text(&Markup::Text("  نص   عادي \n\n سطر ".into())), "نص عادي\nسطر");
        assert_eq!(markup_text(&Markup::Text("a < b".into())), "a < b");
        assert_eq!(html_text("بلا وسوم"), "بلا وسوم");
    }

    #[test]
    fn deep_nesting_falls_back() {
        let html = "<div>".repeat(MAX_NESTING + 10) + "نص";
        assert_eq!(html_text(&html), "نص");
    }
}
