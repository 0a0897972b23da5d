//! RSS 0.9x/1.0/2.0 and Atom, streamed with `quick-xml`: each entry is handed
//! on as soon as its end tag is read, so a 10,000-item feed never becomes a tree
//! and a broken feed keeps the entries before the break.
//!
//! Safety: `quick-xml` never expands entities a document declares. A DOCTYPE
//! that declares any (`<!ENTITY`) — the shape of "billion laughs" and external
//! entity attacks — is refused outright; other references are resolved only when
//! predefined (`&amp;`, `&#1575;`) and otherwise kept as written, for the HTML
//! stripper to decode (`&nbsp;`). Nesting is capped at [`MAX_DEPTH`].
//!
//! Elements are matched by prefix and local name as feeds write them (`title`,
//! `content:encoded`, `dc:creator`, Atom with no prefix or `atom:`); only direct
//! children of an entry count, so `media:title` or an Atom `<source>`'s title
//! never replace the entry's own.

use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::reader::Reader;
use quick_xml::XmlVersion;

use super::error::FeedError;
use super::model::{FeedEntry, FeedKind, FeedMeta, Markup};
use super::text::is_block;

/// Elements nested deeper than this end the parse with [`FeedError::TooDeep`].
pub const MAX_DEPTH: usize = 256;

/// Where captured text goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    FeedTitle,
    FeedLink,
    FeedLanguage,
    Title,
    Link,
    Id,
    Published,
    DcDate,
    Updated,
    Author,
    Category,
    Content,
    Summary,
}

#[derive(Debug)]
struct Capture {
    slot: Slot,
    /// Depth of the element whose text is captured.
    depth: usize,
    /// HTML to strip later (`false`: plain text, or XHTML already flattened).
    html: bool,
    text: String,
}

/// Parse an RSS, RDF or Atom document, calling `on_entry` for each complete entry.
pub(crate) fn parse_xml(
    text: &str,
    on_entry: &mut dyn FnMut(&FeedMeta, FeedEntry),
) -> Result<FeedMeta, FeedError> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().allow_dangling_amp = true;
    let mut parser = Parser::default();
    loop {
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(e) => {
                let (line, column) = FeedError::position(text, reader.error_position() as usize);
                return Err(FeedError::Malformed {
                    line,
                    column,
                    reason: e.to_string(),
                    kept: parser.count,
                });
            }
        };
        match event {
            Event::DocType(doctype) => {
                if doctype.contains("<!ENTITY") {
                    return Err(FeedError::EntityDeclarations);
                }
            }
            Event::Start(start) => parser.start(&start, false)?,
            Event::Empty(start) => parser.start(&start, true)?,
            Event::End(_) => parser.end(on_entry),
            Event::Text(t) => parser.text(&t.xml10_content()),
            Event::CData(t) => parser.text(&t.xml10_content()),
            Event::GeneralRef(r) => parser.reference(&r),
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) => {}
        }
    }
    parser.finish(text)
}

#[derive(Debug, Default)]
struct Parser {
    meta: FeedMeta,
    root_seen: bool,
    /// Qualified names of the open elements.
    stack: Vec<String>,
    /// The open entry and its element's depth.
    entry: Option<(FeedEntry, usize)>,
    capture: Option<Capture>,
    /// Complete entries handed on.
    count: usize,
}

impl Parser {
    fn start(&mut self, e: &BytesStart<'_>, empty: bool) -> Result<(), FeedError> {
        let qname = e.name();
        let name: &str = qname.as_ref();
        let (prefix, local) = name.split_once(':').unwrap_or(("", name));
        let depth = self.stack.len();
        if depth >= MAX_DEPTH {
            return Err(FeedError::TooDeep { limit: MAX_DEPTH });
        }
        if depth == 0 && !self.root_seen {
            self.root_seen = true;
            self.meta.kind = match local {
                "rss" => FeedKind::Rss,
                "RDF" => FeedKind::Rdf,
                "feed" => FeedKind::Atom,
                _ => return Err(FeedError::NotAFeed { root: name.to_owned() }),
            };
            if let Some(lang) = attr(e, "xml:lang") {
                self.meta.language = Some(lang);
            }
        }
        if let Some(capture) = &mut self.capture {
            // Markup inside captured text (Atom XHTML content, stray tags): keep line breaks.
            if is_block(local) {
                capture.text.push('\n');
            }
        } else if let Some((entry, entry_depth)) = &mut self.entry {
            let atom = self.meta.kind == FeedKind::Atom;
            if depth == *entry_depth + 1 {
                let slot = entry_child(atom, prefix, local, e, entry);
                if let (Some((slot, html)), false) = (slot, empty) {
                    self.capture = Some(Capture { slot, depth, html, text: String::new() });
                }
            } else if depth == *entry_depth + 2 && atom && local == "name" && !empty {
                let parent = self.stack.last().map(String::as_str).unwrap_or_default();
                if parent.rsplit(':').next() == Some("author") {
                    self.capture = Some(Capture {
                        slot: Slot::Author,
                        depth,
                        html: false,
                        text: String::new(),
                    });
                }
            }
        } else if depth <= 2 && is_entry(self.meta.kind, prefix, local) {
            let mut entry = FeedEntry {
                position: self.count + 1,
                id_is_permalink: true,
                ..FeedEntry::default()
            };
            if self.meta.kind == FeedKind::Rdf {
                entry.link = attr(e, "rdf:about");
            }
            if !empty {
                self.entry = Some((entry, depth));
            }
        } else if self.is_channel_child(depth) && !empty {
            let atom = self.meta.kind == FeedKind::Atom;
            let slot = match (atom, prefix, local) {
                (_, "" | "atom", "title") if self.meta.title.is_none() => Some(Slot::FeedTitle),
                (false, "", "link") if self.meta.link.is_none() => Some(Slot::FeedLink),
                (false, "" | "dc", "language") => Some(Slot::FeedLanguage),
                _ => None,
            };
            if let Some(slot) = slot {
                self.capture = Some(Capture { slot, depth, html: true, text: String::new() });
            }
        }
        if self.meta.kind == FeedKind::Atom && depth == 1 && local == "link" {
            if let Some(href) = alternate_href(e) {
                self.meta.link.get_or_insert(href);
            }
        }
        if !empty {
            self.stack.push(name.to_owned());
        }
        Ok(())
    }

    /// Is an element at `depth` a child of the channel (RSS, RDF) or of `<feed>` (Atom)?
    fn is_channel_child(&self, depth: usize) -> bool {
        match self.meta.kind {
            FeedKind::Atom => depth == 1,
            _ => {
                depth == 2
                    && self.stack.last().is_some_and(|p| p.rsplit(':').next() == Some("channel"))
            }
        }
    }

    fn end(&mut self, on_entry: &mut dyn FnMut(&FeedMeta, FeedEntry)) {
        let Some(name) = self.stack.pop() else { return };
        let depth = self.stack.len();
        if let Some(capture) = self.capture.take() {
            if capture.depth == depth {
                self.store(capture);
            } else {
                let local = name.rsplit(':').next().unwrap_or_default();
                let mut capture = capture;
                if is_block(local) {
                    capture.text.push('\n');
                }
                self.capture = Some(capture);
            }
        }
        if self.entry.as_ref().is_some_and(|(_, d)| *d == depth) {
            if let Some((entry, _)) = self.entry.take() {
                self.count += 1;
                on_entry(&self.meta, entry);
            }
        }
    }

    fn text(&mut self, text: &str) {
        if let Some(capture) = &mut self.capture {
            capture.text.push_str(text);
        }
    }

    fn reference(&mut self, r: &BytesRef<'_>) {
        let Some(capture) = &mut self.capture else { return };
        match r.resolve_char_ref() {
            Ok(Some(c)) => capture.text.push(c),
            Ok(None) => match &**r {
                "lt" => capture.text.push('<'),
                "gt" => capture.text.push('>'),
                "amp" => capture.text.push('&'),
                "apos" => capture.text.push('\''),
                "quot" => capture.text.push('"'),
                // Undeclared (HTML) entities: kept for the HTML stripper, never expanded here.
                name => {
                    capture.text.push('&');
                    capture.text.push_str(name);
                    capture.text.push(';');
                }
            },
            Err(_) => {}
        }
    }

    fn store(&mut self, capture: Capture) {
        let value = capture.text;
        let trimmed = || value.trim().to_owned();
        let markup = |html: bool| {
            if html {
                Markup::Html(value.clone())
            } else {
                Markup::Text(value.clone())
            }
        };
        match capture.slot {
            Slot::FeedTitle => self.meta.title = non_empty(super::text::html_text(&value)),
            Slot::FeedLink => self.meta.link = non_empty(trimmed()),
            Slot::FeedLanguage => self.meta.language = non_empty(trimmed()),
            slot => {
                let Some((entry, _)) = &mut self.entry else { return };
                match slot {
                    Slot::Title if entry.title.is_none() => {
                        entry.title = Some(markup(capture.html))
                    }
                    Slot::Link if entry.link.is_none() || self.meta.kind == FeedKind::Rdf => {
                        if let Some(link) = non_empty(trimmed()) {
                            entry.link = Some(link);
                        }
                    }
                    Slot::Id if entry.id.is_none() => entry.id = non_empty(trimmed()),
                    Slot::Published if entry.published.is_none() => {
                        entry.published = non_empty(trimmed())
                    }
                    Slot::DcDate if entry.published.is_none() => {
                        entry.published = non_empty(trimmed())
                    }
                    Slot::Updated if entry.updated.is_none() => {
                        entry.updated = non_empty(trimmed())
                    }
                    Slot::Author => entry.authors.extend(non_empty(trimmed())),
                    Slot::Category => entry.categories.extend(non_empty(trimmed())),
                    Slot::Content if entry.content.is_none() => {
                        entry.content = Some(markup(capture.html))
                    }
                    Slot::Summary if entry.summary.is_none() => {
                        entry.summary = Some(markup(capture.html))
                    }
                    _ => {}
                }
            }
        }
    }

    fn finish(self, text: &str) -> Result<FeedMeta, FeedError> {
        if !self.root_seen {
            return Err(if text.trim().is_empty() { FeedError::Empty } else { FeedError::NoRoot });
        }
        if let Some(open) = self.stack.last() {
            return Err(FeedError::Truncated { open: open.clone(), kept: self.count });
        }
        Ok(self.meta)
    }
}

/// Is this element an entry? (`item` in RSS and RDF, `entry` in Atom.)
fn is_entry(kind: FeedKind, prefix: &str, local: &str) -> bool {
    match kind {
        FeedKind::Atom => local == "entry" && matches!(prefix, "" | "atom"),
        _ => local == "item" && matches!(prefix, "" | "rss"),
    }
}

/// Handle a direct child of an entry: attributes now, or the slot its text goes to
/// (with `true` when that text is HTML).
fn entry_child(
    atom: bool,
    prefix: &str,
    local: &str,
    e: &BytesStart<'_>,
    entry: &mut FeedEntry,
) -> Option<(Slot, bool)> {
    if atom {
        if !matches!(prefix, "" | "atom") {
            return match (prefix, local) {
                ("dc", "creator") => Some((Slot::Author, false)),
                _ => None,
            };
        }
        return match local {
            "title" => Some((Slot::Title, atom_type(e)? == AtomType::Html)),
            "link" => {
                if let Some(href) = alternate_href(e) {
                    entry.link.get_or_insert(href);
                }
                None
            }
            "id" => Some((Slot::Id, false)),
            "published" | "issued" | "created" => Some((Slot::Published, false)),
            "updated" | "modified" => Some((Slot::Updated, false)),
            "category" => {
                entry.categories.extend(attr(e, "label").or_else(|| attr(e, "term")));
                None
            }
            "content" if attr(e, "src").is_none() => {
                Some((Slot::Content, atom_type(e)? == AtomType::Html))
            }
            "summary" => Some((Slot::Summary, atom_type(e)? == AtomType::Html)),
            _ => None,
        };
    }
    match (prefix, local) {
        ("", "title") => Some((Slot::Title, true)),
        ("", "link") => Some((Slot::Link, false)),
        ("", "description") => Some((Slot::Summary, true)),
        ("content", "encoded") => Some((Slot::Content, true)),
        ("", "guid") => {
            entry.id_is_permalink = attr(e, "isPermaLink").is_none_or(|v| v.trim() != "false");
            Some((Slot::Id, false))
        }
        ("", "pubDate") => Some((Slot::Published, false)),
        ("dc", "date") => Some((Slot::DcDate, false)),
        ("", "author") | ("dc", "creator") => Some((Slot::Author, false)),
        ("", "category") | ("dc", "subject") => Some((Slot::Category, false)),
        _ => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AtomType {
    Text,
    Html,
    Xhtml,
}

/// An Atom text construct's `type`; `None` for media types that are not text.
fn atom_type(e: &BytesStart<'_>) -> Option<AtomType> {
    let kind = attr(e, "type").unwrap_or_default().to_ascii_lowercase();
    match kind.as_str() {
        "" | "text" | "text/plain" => Some(AtomType::Text),
        "html" | "text/html" => Some(AtomType::Html),
        "xhtml" | "application/xhtml+xml" => Some(AtomType::Xhtml),
        _ => None,
    }
}

/// An Atom `<link>`'s `href` when it points at the article (`rel` absent or `alternate`).
fn alternate_href(e: &BytesStart<'_>) -> Option<String> {
    let rel = attr(e, "rel").unwrap_or_else(|| "alternate".into());
    if !rel.trim().eq_ignore_ascii_case("alternate") {
        return None;
    }
    attr(e, "href").and_then(non_empty)
}

/// An attribute's unescaped value.
fn attr(e: &BytesStart<'_>, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .and_then(|a| a.normalized_value(XmlVersion::Implicit1_0).ok().map(|v| v.trim().to_owned()))
}

fn non_empty(value: String) -> Option<String> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        None
    } else if trimmed.len() == value.len() {
        Some(value)
    } else {
        Some(trimmed.to_owned())
    }
}
