//! What the feed parsers find: the feed itself ([`FeedMeta`]) and its entries
//! ([`FeedEntry`]), with values as written (dates unparsed, links unresolved).

/// The feed formats read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FeedKind {
    /// RSS 0.9x and 2.0 (`<rss>`).
    #[default]
    Rss,
    /// RSS 1.0 / 0.90 (`<rdf:RDF>`).
    Rdf,
    /// Atom 1.0 and 0.3 (`<feed>`).
    Atom,
    /// JSON Feed 1.0 / 1.1.
    JsonFeed,
}

impl FeedKind {
    pub fn name(self) -> &'static str {
        match self {
            FeedKind::Rss => "rss",
            FeedKind::Rdf => "rdf",
            FeedKind::Atom => "atom",
            FeedKind::JsonFeed => "jsonfeed",
        }
    }
}

/// The feed (channel) itself. Fields fill in as the parser meets them: in
/// practice the channel title comes before the first entry.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FeedMeta {
    pub kind: FeedKind,
    pub title: Option<String>,
    /// The site's home page.
    pub link: Option<String>,
    pub language: Option<String>,
}

/// Text as a feed carries it: markup to strip, or plain text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Markup {
    Html(String),
    Text(String),
}

impl Markup {
    pub fn as_str(&self) -> &str {
        match self {
            Markup::Html(s) | Markup::Text(s) => s,
        }
    }

    pub fn is_blank(&self) -> bool {
        self.as_str().trim().is_empty()
    }
}

/// One item (RSS) or entry (Atom, JSON Feed).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FeedEntry {
    /// Position in the feed, 1-based.
    pub position: usize,
    pub title: Option<Markup>,
    /// The article's link as written (may be relative).
    pub link: Option<String>,
    /// `guid` / `id`.
    pub id: Option<String>,
    /// RSS `guid isPermaLink="false"`: the id is not a URL to follow.
    pub id_is_permalink: bool,
    /// `pubDate`, `dc:date`, `published`, `issued`, `date_published`.
    pub published: Option<String>,
    /// `updated`, `modified`, `date_modified`.
    pub updated: Option<String>,
    pub authors: Vec<String>,
    pub categories: Vec<String>,
    /// The full text: `content:encoded`, Atom `content`, `content_html` / `content_text`.
    pub content: Option<Markup>,
    /// A summary: `description`, Atom `summary`, JSON Feed `summary`.
    pub summary: Option<Markup>,
}
