//! Turning the chosen containers into paragraphs, and dropping the furniture
//! that sits inside article bodies.
//!
//! Every block element (`p`, `div`, `li`, headings, `blockquote`, `tr`, `br`…)
//! ends a paragraph; inline elements (`a`, `span`, `b`…) and table cells stay on
//! their line; `<pre>` keeps its line breaks. Whitespace is collapsed.
//!
//! Inside the containers, these are left out:
//! - lists, tables and link-heavy blocks that are mostly links (related-article
//!   lists, tag clouds, "more on this"), with a heading right before them;
//! - paragraphs that are mostly link text;
//! - short lines that are interface text (`Share`, `Read more`, `اقرأ أيضاً`,
//!   `Anzeige`…, see [`is_interface_text`]);
//! - headings that announce only what was left out, or end the text;
//! - short lines (under 100 characters) standing alone between left-out blocks.

use super::content::Figures;
use super::dom::{push_collapsed, Dom, Kind, INLINE, LINK};

/// One paragraph of the main text.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Line {
    pub text: String,
    /// Non-whitespace characters.
    pub chars: usize,
    /// Of those, inside links.
    pub link_chars: usize,
    /// A heading (`h1`…`h6`).
    pub heading: bool,
    /// A placeholder for something left out (dropped before the text is returned).
    pub removed: bool,
}

/// Paragraphs of the subtrees rooted at `roots` (in document order).
pub(crate) fn emit(dom: &Dom<'_>, f: &Figures, roots: &[usize]) -> Vec<Line> {
    let total: u32 = roots.iter().map(|&r| f.chars.get(r).copied().unwrap_or(0)).sum();
    let mut out = Emitter { total, ..Emitter::default() };
    for &root in roots {
        out.subtree(dom, f, root);
    }
    out.flush();
    finish(out.lines)
}

#[derive(Default)]
struct Emitter {
    lines: Vec<Line>,
    current: Line,
    /// Open block elements: (end of subtree, name).
    open: Vec<(usize, &'static str)>,
    pre: usize,
    /// Characters of the containers: a link list holding most of them is the content.
    total: u32,
}

impl Emitter {
    fn subtree(&mut self, dom: &Dom<'_>, f: &Figures, root: usize) {
        let end = dom.end(root);
        let mut j = root;
        while j < end {
            self.close_until(j);
            if f.dropped.get(j).copied().unwrap_or(true) {
                let end = dom.end(j).max(j + 1);
                // Note where a set-aside link list was, for the heading announcing it.
                if (j..end).filter(|&k| dom.is(k, LINK)).nth(1).is_some() {
                    self.removed();
                }
                j = end;
                continue;
            }
            match dom.nodes[j].kind {
                Kind::Text(t) => {
                    self.text(t, f.in_link[j]);
                    j += 1;
                }
                Kind::Element(el) => {
                    let name = el.name();
                    if j != root && f.chars[j] * 2 < self.total && is_link_block(dom, f, j, name) {
                        self.removed();
                        j = dom.end(j).max(j + 1);
                        continue;
                    }
                    match name {
                        "br" | "hr" => self.flush(),
                        "td" | "th" => self.current.text.push(' '),
                        _ if dom.is(j, INLINE) => {}
                        _ => {
                            self.flush();
                            let kind = block_kind(name);
                            self.open.push((dom.end(j), kind));
                            if kind == "pre" {
                                self.pre += 1;
                            }
                        }
                    }
                    j += 1;
                }
                Kind::Root => j += 1,
            }
        }
        self.close_until(usize::MAX);
    }

    /// Close the blocks that end at or before `j`.
    fn close_until(&mut self, j: usize) {
        while let Some(&(end, kind)) = self.open.last() {
            if end > j {
                break;
            }
            self.mark(kind);
            self.flush();
            self.open.pop();
            if kind == "pre" {
                self.pre = self.pre.saturating_sub(1);
            }
        }
    }

    /// Note what kind of block the current line is in.
    fn mark(&mut self, kind: &str) {
        if kind == "h" {
            self.current.heading = true;
        }
    }

    fn text(&mut self, t: &str, in_link: bool) {
        if self.pre > 0 && t.contains('\n') {
            for (n, part) in t.split('\n').enumerate() {
                if n > 0 {
                    self.flush();
                }
                self.text(part, in_link);
            }
            return;
        }
        let chars = t.chars().filter(|c| !c.is_whitespace()).count();
        if chars == 0 {
            if !self.current.text.is_empty() && !self.current.text.ends_with(' ') {
                self.current.text.push(' ');
            }
            return;
        }
        push_collapsed(&mut self.current.text, t);
        self.current.chars += chars;
        if in_link {
            self.current.link_chars += chars;
        }
    }

    /// Mark the place of something left out.
    fn removed(&mut self) {
        self.flush();
        self.lines.push(Line { removed: true, ..Line::default() });
    }

    fn flush(&mut self) {
        if let Some(&(_, kind)) = self.open.last() {
            self.mark(kind);
        }
        let mut line = std::mem::take(&mut self.current);
        if line.chars == 0 {
            return;
        }
        let trimmed = line.text.trim();
        if trimmed.len() != line.text.len() {
            line.text = trimmed.to_owned();
        }
        self.lines.push(line);
    }
}

/// The block kinds the emitter tells apart.
fn block_kind(name: &str) -> &'static str {
    match name {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => "h",
        "li" | "dt" | "dd" => "li",
        "pre" => "pre",
        _ => "block",
    }
}

/// A list, table or box that is mostly links.
fn is_link_block(dom: &Dom<'_>, f: &Figures, i: usize, name: &str) -> bool {
    let ld = f.link_density(i);
    let links = f.links.get(i).copied().unwrap_or(0);
    match name {
        "ul" | "ol" | "dl" | "menu" | "table" => links >= 2 && ld > 0.5,
        "div" | "section" | "header" | "span" | "p" => {
            links >= 3 && ld > 0.6 && f.chars.get(i).copied().unwrap_or(0) < 2000
                || links >= 1 && ld > 0.9 && dom.children(i).count() > 0
        }
        _ => false,
    }
}

/// Lines shorter than this that stand alone between left-out blocks are left out too.
const ISOLATED_MAX_CHARS: usize = 100;

/// Drop link-only lines, interface text, headings that announce nothing but
/// what was left out (or end the text), and short lines isolated among left-out blocks.
fn finish(mut lines: Vec<Line>) -> Vec<Line> {
    for line in &mut lines {
        let link_only = line.link_chars * 2 > line.chars && line.chars < 200;
        let interface = line.chars < 60
            && (is_interface_text(&line.text) || is_dateline_only(&line.text))
            || line.chars < 100 && is_credit(&line.text);
        if link_only || interface {
            line.removed = true;
        }
    }
    let mut keep = vec![true; lines.len()];
    for (i, line) in lines.iter().enumerate() {
        if line.removed {
            keep[i] = false;
            continue;
        }
        if !line.heading {
            // A short line alone between left-out blocks (or a left-out block
            // and the edge) belongs with them: a list's caption, a contact line.
            let prev = i.checked_sub(1).and_then(|k| lines.get(k));
            let next = lines.get(i + 1);
            let left_out_or_edge = |l: Option<&Line>| l.is_none_or(|l| l.removed);
            if line.chars < ISOLATED_MAX_CHARS
                && (prev.is_some() || next.is_some())
                && left_out_or_edge(prev)
                && left_out_or_edge(next)
            {
                keep[i] = false;
            }
            continue;
        }
        let mut saw_removed = false;
        let mut next = None;
        for l in &lines[i + 1..] {
            if l.removed {
                saw_removed = true;
            } else {
                next = Some(l);
                break;
            }
        }
        let announces_removed = lines.get(i + 1).is_some_and(|l| l.removed);
        keep[i] = match next {
            None => false,
            Some(l) => !(announces_removed || l.heading && saw_removed),
        };
    }
    lines.into_iter().zip(keep).filter_map(|(l, k)| k.then_some(l)).collect()
}

/// Short interface strings that are never article text.
pub(crate) fn is_interface_text(text: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "share",
        "tweet",
        "related coverage",
        "related stories",
        "related content",
        "more stories",
        "more from",
        "you may also like",
        "you might also like",
        "recommended for you",
        "see also",
        "most popular",
        "most read",
        "latest news",
        "categories",
        "zum weiterlesen",
        "mehr themen",
        "mehr zum thema",
        "neueste artikel",
        "neueste beiträge",
        "ähnliche beiträge",
        "ähnliche artikel",
        "verwandte artikel",
        "kategorien",
        "vous aimerez aussi",
        "à lire aussi",
        "sur le même sujet",
        "te puede interesar",
        "noticias relacionadas",
        "lee también",
        "read more",
        "read also",
        "related:",
        "related articles",
        "related posts",
        "advertisement",
        "sponsored",
        "anzeige",
        "werbung",
        "teilen",
        "mehr zum thema",
        "lesen sie auch",
        "das könnte sie auch interessieren",
        "auch interessant",
        "weiterlesen",
        "publicité",
        "lire aussi",
        "partager",
        "zobacz też",
        "czytaj też",
        "udostępnij",
        "اقرأ أيضا",
        "اقرأ أيضاً",
        "إقرأ أيضا",
        "إقرأ أيضاً",
        "اقرأ ايضا",
        "إقرأ ايضا",
        "اقرأ المزيد",
        "شارك",
        "تابعونا",
        "مقالات مشابهة",
        "أخبار ذات صلة",
        "اخبار ذات صلة",
        "كلمات دلالية",
        "زر الذهاب إلى الأعلى",
        "إعلان",
        "اعلان",
    ];
    let lower = text.trim().to_lowercase();
    PREFIXES.iter().any(|p| lower.starts_with(p))
}

/// A photo credit or source line: `Foto: …`, `(Credit: …)`, `© …`, `Quelle: …`.
pub(crate) fn is_credit(text: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "foto:",
        "fotos:",
        "photo:",
        "photos:",
        "bild:",
        "credit:",
        "credits:",
        "crédits photos",
        "crédit photo",
        "copyright:",
        "©",
        "(c)",
        "quelle:",
        "bildquelle",
        "image:",
        "picture:",
        "source:",
        "(foto",
        "(photo",
        "(credit",
        "(bild",
        "(©",
        "مصدر الصورة",
        "الصورة:",
        "تصوير:",
    ];
    let lower = text.trim().to_lowercase();
    PREFIXES.iter().any(|p| lower.starts_with(p))
}

/// A line that is only a date, a time or a reading time (`03.04.2020`,
/// `20:37`, `4 Min Read`, `11 minut czytania`).
pub(crate) fn is_dateline_only(text: &str) -> bool {
    let (mut letters, mut digits) = (0usize, 0usize);
    for c in text.chars() {
        if c.is_alphabetic() {
            letters += 1;
        } else if c.is_numeric() {
            digits += 1;
        }
    }
    if digits >= 3 && letters <= 3 {
        return true;
    }
    let lower = text.to_lowercase();
    digits > 0
        && letters < 25
        && [
            "min read",
            "min. read",
            "minute read",
            "minuten lesezeit",
            "min. lesezeit",
            "min lesezeit",
            "minut czytania",
            "min de lecture",
            "دقائق للقراءة",
            "دقيقة للقراءة",
        ]
        .iter()
        .any(|p| lower.contains(p))
}
