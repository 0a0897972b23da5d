//! Finding the article body: which part of the page holds the main text.
//!
//! 1. **Pruning.** Subtrees that never hold article text are set aside: scripts,
//!    form controls, `nav`/`aside`/`footer`/`figure`, hidden elements; elements
//!    whose class/id/role name furniture (see [`super::hints`]) unless they hold
//!    half of the page's paragraph text or an element named like an article body
//!    (so a page wrapped in `<div class="main-menu-layout">` keeps its article);
//!    comment sections unless they hold three quarters of it (forums, live tickers).
//! 2. **Figures.** One backward pass adds up, per element, the visible characters,
//!    the characters inside links, the links, and the text each block owns
//!    (its own text and that of its inline descendants).
//! 3. **Choice.** Every element gets a value: the sum over the blocks inside it
//!    of `+chars − link chars` for paragraphs (25+ characters, under 30% links)
//!    and `−link chars − chars/4` for other blocks (menus, labels, link lists);
//!    headings count 0, and elements named like an article body get 20% more.
//!    The element with the highest value is the container: it holds the most
//!    paragraph text net of the furniture that came with it. Paragraph siblings
//!    of positive value join it (an intro set just before the body).
//! 4. **Assembly** into paragraphs, with a last cleanup, is [`super::blocks`].
//!
//! When that yields under 250 characters, a small page (500 characters or
//! fewer once pruned) is taken whole, and a larger one keeps its paragraphs of
//! 50+ characters when they are more than twice as much text.

use super::blocks::{emit, Line};
use super::dom::{Dom, Kind};
use super::dom::{DROPPED, HEADING, INLINE, LINK};
use super::hints::hint;

/// Per-node figures; all vectors are indexed like `Dom::nodes`.
#[derive(Debug)]
pub(crate) struct Figures {
    /// Set aside with its subtree.
    pub dropped: Vec<bool>,
    /// Inside an `<a href>`.
    pub in_link: Vec<bool>,
    /// Non-whitespace characters of the subtree (set-aside parts excluded).
    pub chars: Vec<u32>,
    /// Of those, inside links.
    pub link_chars: Vec<u32>,
    /// `<a>` elements in the subtree.
    pub links: Vec<u32>,
    /// Characters of text directly owned by this block (inline descendants included).
    pub own_chars: Vec<u32>,
    /// Of those, inside links.
    pub own_link_chars: Vec<u32>,
    /// Named like an article body.
    pub body: Vec<bool>,
}

impl Figures {
    pub fn link_density(&self, i: usize) -> f32 {
        let chars = self.chars.get(i).copied().unwrap_or(0);
        if chars == 0 {
            return 0.0;
        }
        self.link_chars.get(i).copied().unwrap_or(0) as f32 / chars as f32
    }
}

/// Text blocks shorter than this are not paragraphs.
const MIN_BLOCK_CHARS: u32 = 25;

/// The main text of the page, one entry per paragraph.
pub(crate) fn main_text(dom: &Dom<'_>) -> Vec<Line> {
    let figures = figures(dom);
    let roots = choose(dom, &figures);
    let lines = emit(dom, &figures, &roots);
    let chars: usize = lines.iter().map(|l| l.chars).sum();
    if chars >= 250 {
        return lines;
    }
    // No clear container: a small page is all its text (less the furniture),
    // a larger one every long paragraph.
    let all = emit(dom, &figures, &[0]);
    let all_chars: usize = all.iter().map(|l| l.chars).sum();
    if all_chars <= 500 {
        all
    } else if all_chars > chars * 2 {
        all.into_iter().filter(|l| l.chars >= 50 || l.heading).collect()
    } else {
        lines
    }
}

/// Prune and add up (steps 1 and 2).
pub(crate) fn figures(dom: &Dom<'_>) -> Figures {
    let n = dom.len();
    let mut f = Figures {
        dropped: vec![false; n],
        in_link: vec![false; n],
        chars: vec![0; n],
        link_chars: vec![0; n],
        links: vec![0; n],
        own_chars: vec![0; n],
        own_link_chars: vec![0; n],
        body: vec![false; n],
    };
    // Soft drops (furniture) wait until the text figures are known.
    let mut soft = vec![false; n];
    let mut comments = vec![false; n];
    let mut owner = vec![0u32; n];
    for i in 1..n {
        let p = dom.parent(i);
        let parent_dropped = f.dropped[p];
        match dom.nodes[i].kind {
            Kind::Element(_) if parent_dropped => {
                f.dropped[i] = true;
                owner[i] = owner[p];
            }
            Kind::Element(el) => {
                let h = hint(el);
                f.body[i] = h.body;
                let hard = dom.is(i, DROPPED) || h.hidden;
                f.dropped[i] = parent_dropped || hard;
                soft[i] = !h.body && h.furniture;
                comments[i] = h.comments && !h.body;
                f.in_link[i] = f.in_link[p] || dom.is(i, LINK);
                owner[i] = if dom.is(i, INLINE) { owner[p] } else { i as u32 };
            }
            Kind::Text(_) => {
                f.dropped[i] = parent_dropped;
                f.in_link[i] = f.in_link[p];
                owner[i] = owner[p];
            }
            Kind::Root => {}
        }
    }
    add_up(dom, &mut f, &owner, false);
    // Whether a subtree holds an element named like an article body, and its paragraph text.
    let mut body_below = f.body.clone();
    let mut good = vec![0u32; n];
    for i in (1..n).rev() {
        if f.own_chars[i] >= MIN_BLOCK_CHARS && f.own_link_chars[i] * 10 < f.own_chars[i] * 3 {
            good[i] += f.own_chars[i];
        }
        let p = dom.parent(i);
        good[p] += good[i];
        if body_below[i] {
            body_below[p] = true;
        }
    }
    // Furniture holding less than half of the page's paragraph text, and no
    // article body, goes; so do comment sections holding less than three quarters.
    let total = good.first().copied().unwrap_or(0);
    let mut changed = false;
    // Inside a comment section kept because it is most of the page (a forum
    // thread, a live ticker), its items stay too.
    let mut kept_thread_end = 0;
    let mut i = 1;
    while i < n {
        if i < kept_thread_end {
            i += 1;
            continue;
        }
        if comments[i] && !f.dropped[i] && good[i] * 4 >= total * 3 {
            kept_thread_end = dom.end(i);
        }
        let container = matches!(dom.name(i), "article" | "main");
        let furniture = soft[i] && !body_below[i] && !container && good[i] * 2 < total;
        let comment_section = comments[i] && good[i] * 4 < total * 3;
        if (furniture || comment_section) && !f.dropped[i] {
            let end = dom.end(i);
            for d in f.dropped.get_mut(i..end).unwrap_or_default() {
                *d = true;
            }
            changed = true;
            i = end;
            continue;
        }
        i += 1;
    }
    if changed {
        add_up(dom, &mut f, &owner, true);
    }
    f
}

/// The backward pass: characters, link characters, links and owned text.
fn add_up(dom: &Dom<'_>, f: &mut Figures, owner: &[u32], reset: bool) {
    let n = dom.len();
    if reset {
        for v in
            [&mut f.chars, &mut f.link_chars, &mut f.links, &mut f.own_chars, &mut f.own_link_chars]
        {
            v.iter_mut().for_each(|x| *x = 0);
        }
    }
    for i in (1..n).rev() {
        if f.dropped[i] {
            continue;
        }
        match dom.nodes[i].kind {
            Kind::Text(t) => {
                let chars = count(t);
                f.chars[i] = chars;
                if f.in_link[i] {
                    f.link_chars[i] = chars;
                }
                let o = owner[i] as usize;
                f.own_chars[o] += chars;
                if f.in_link[i] {
                    f.own_link_chars[o] += chars;
                }
            }
            Kind::Element(_) => {
                if dom.is(i, LINK) {
                    f.links[i] += 1;
                }
            }
            Kind::Root => {}
        }
        let p = dom.parent(i);
        if p != i {
            f.chars[p] += f.chars[i];
            f.link_chars[p] += f.link_chars[i];
            f.links[p] += f.links[i];
        }
    }
}

/// Non-whitespace characters.
fn count(text: &str) -> u32 {
    text.chars().filter(|c| !c.is_whitespace()).count() as u32
}

/// The container and its paragraph siblings, in document order (step 3).
fn choose(dom: &Dom<'_>, f: &Figures) -> Vec<usize> {
    let n = dom.len();
    let mut value = vec![0f32; n];
    for i in (1..n).rev() {
        if f.dropped[i] {
            continue;
        }
        let own = f.own_chars[i];
        if own > 0 && dom.element(i).is_some() {
            let heading = dom.is(i, HEADING);
            let links = f.own_link_chars[i];
            let ld = links as f32 / own as f32;
            value[i] += if heading {
                0.0
            } else if own >= MIN_BLOCK_CHARS && ld < 0.3 {
                own as f32 - links as f32
            } else {
                -(links as f32) - 0.25 * (own - links.min(own)) as f32
            };
        }
        if f.body[i] {
            value[i] *= 1.2;
        }
        let p = dom.parent(i);
        if p != i {
            let v = value[i];
            value[p] += v;
        }
    }
    let mut best = (0usize, f32::MIN);
    for (i, &v) in value.iter().enumerate().skip(1) {
        if v > best.1 && !f.dropped[i] && dom.element(i).is_some() {
            best = (i, v);
        }
    }
    let top = best.0;
    let parent = dom.parent(top);
    if parent == top || top == 0 {
        return vec![top];
    }
    let mut roots = Vec::new();
    for s in dom.children(parent) {
        if s == top {
            roots.push(s);
            continue;
        }
        if f.dropped[s] || dom.element(s).is_none() {
            continue;
        }
        let para = matches!(dom.name(s), "p" | "blockquote" | "pre");
        if para && value[s] > 0.0 {
            roots.push(s);
        }
    }
    roots
}
