//! A flat, read-only view of a parsed page for the extraction passes.
//!
//! The html5ever tree (through `scraper`) is copied once into a vector in
//! document order, so that every node's subtree is the contiguous range
//! `index..end` and per-node figures live in plain vectors indexed like the
//! nodes. Text is borrowed from the parsed document; only elements and text
//! nodes are kept (comments, doctypes and processing instructions are dropped).

use ego_tree::iter::Edge;
use scraper::node::Element;

use super::hints::{is_dropped_tag, is_inline};
use scraper::{Html, Node};

/// One element or text node.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DomNode<'a> {
    pub parent: u32,
    /// One past the last node of this node's subtree.
    pub end: u32,
    /// What the tag is ([`DROPPED`], [`INLINE`], [`HEADING`], [`LINK`]), computed once.
    pub flags: u8,
    pub kind: Kind<'a>,
}

/// A tag whose subtree never holds article text ([`is_dropped_tag`]).
pub(crate) const DROPPED: u8 = 1;
/// A tag that keeps its text on the surrounding line ([`is_inline`]).
pub(crate) const INLINE: u8 = 2;
/// `h1`…`h6`.
pub(crate) const HEADING: u8 = 4;
/// `a`.
pub(crate) const LINK: u8 = 8;

fn flags_of(name: &str) -> u8 {
    if name == "a" {
        return INLINE | LINK;
    }
    if is_inline(name) {
        return INLINE;
    }
    if matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6") {
        return HEADING;
    }
    if is_dropped_tag(name) {
        return DROPPED;
    }
    0
}

#[derive(Debug, Clone, Copy)]
pub(crate) enum Kind<'a> {
    /// The document itself (index 0).
    Root,
    Element(&'a Element),
    Text(&'a str),
}

/// The page as a vector of nodes in document order; index 0 is the document root.
#[derive(Debug)]
pub(crate) struct Dom<'a> {
    pub nodes: Vec<DomNode<'a>>,
}

/// Deeper nodes are dropped (the nesting guard keeps real pages far below this).
const MAX_DEPTH: u16 = 8_000;

impl<'a> Dom<'a> {
    pub fn new(html: &'a Html) -> Self {
        let mut nodes = Vec::with_capacity(html.tree.values().len());
        nodes.push(DomNode { parent: 0, end: 1, flags: 0, kind: Kind::Root });
        // Indexes of the open elements; elements deeper than MAX_DEPTH are
        // skipped with their subtrees (`skipped` counts how deep into one we are).
        let mut stack: Vec<u32> = vec![0];
        let mut skipped = 0usize;
        for edge in html.tree.root().traverse() {
            match edge {
                Edge::Open(node) => {
                    let kind = match node.value() {
                        Node::Element(el) => Kind::Element(el),
                        Node::Text(text) => Kind::Text(text),
                        _ => continue,
                    };
                    let (is_element, flags) = match kind {
                        Kind::Element(el) => (true, flags_of(el.name())),
                        _ => (false, 0),
                    };
                    if skipped > 0 || stack.len() >= usize::from(MAX_DEPTH) {
                        skipped += usize::from(is_element);
                        continue;
                    }
                    let index = nodes.len() as u32;
                    let parent = stack.last().copied().unwrap_or(0);
                    nodes.push(DomNode { parent, end: index + 1, flags, kind });
                    if is_element {
                        stack.push(index);
                    }
                }
                Edge::Close(node) => {
                    if !node.value().is_element() {
                        continue;
                    }
                    if skipped > 0 {
                        skipped -= 1;
                    } else if stack.len() > 1 {
                        if let Some(open) = stack.pop() {
                            let end = nodes.len() as u32;
                            if let Some(n) = nodes.get_mut(open as usize) {
                                n.end = end;
                            }
                        }
                    }
                }
            }
        }
        let end = nodes.len() as u32;
        if let Some(root) = nodes.first_mut() {
            root.end = end;
        }
        Dom { nodes }
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn element(&self, i: usize) -> Option<&'a Element> {
        match self.nodes.get(i)?.kind {
            Kind::Element(el) => Some(el),
            Kind::Text(_) | Kind::Root => None,
        }
    }

    /// The element's local name ("" for text and the root).
    pub fn name(&self, i: usize) -> &'a str {
        self.element(i).map_or("", |el| el.name())
    }

    /// The tag flags of node `i` (0 for text and the root).
    pub fn flags(&self, i: usize) -> u8 {
        self.nodes.get(i).map_or(0, |n| n.flags)
    }

    pub fn is(&self, i: usize, flag: u8) -> bool {
        self.flags(i) & flag != 0
    }

    pub fn end(&self, i: usize) -> usize {
        self.nodes.get(i).map_or(i + 1, |n| n.end as usize)
    }

    pub fn parent(&self, i: usize) -> usize {
        self.nodes.get(i).map_or(0, |n| n.parent as usize)
    }

    /// Direct children of `i`, in order.
    pub fn children(&self, i: usize) -> Children<'_, 'a> {
        Children { dom: self, next: i + 1, end: self.end(i) }
    }

    /// All text of the subtree, whitespace collapsed.
    pub fn text(&self, i: usize) -> String {
        let mut out = String::new();
        for node in self.nodes.get(i..self.end(i)).unwrap_or_default() {
            if let Kind::Text(t) = node.kind {
                push_collapsed(&mut out, t);
            }
        }
        out.trim_end().to_owned()
    }
}

/// Iterator over a node's direct children.
#[derive(Debug)]
pub(crate) struct Children<'d, 'a> {
    dom: &'d Dom<'a>,
    next: usize,
    end: usize,
}

impl Iterator for Children<'_, '_> {
    type Item = usize;
    fn next(&mut self) -> Option<usize> {
        if self.next >= self.end {
            return None;
        }
        let at = self.next;
        self.next = self.dom.end(at).max(at + 1);
        Some(at)
    }
}

/// Append `text` to `out` with runs of whitespace collapsed to one space and
/// soft hyphens (U+00AD, invisible unless a word breaks there) removed.
pub(crate) fn push_collapsed(out: &mut String, text: &str) {
    for (n, word) in text.split_whitespace().enumerate() {
        if (n > 0 || text.starts_with(char::is_whitespace))
            && !out.is_empty()
            && !out.ends_with(' ')
        {
            out.push(' ');
        }
        if word.contains('\u{AD}') {
            out.extend(word.chars().filter(|&c| c != '\u{AD}'));
        } else {
            out.push_str(word);
        }
    }
    if text.ends_with(char::is_whitespace) && !out.is_empty() && !out.ends_with(' ') {
        out.push(' ');
    }
}
