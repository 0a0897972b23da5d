//! Which reader a file needs, from its name.

use std::path::Path;

/// The input formats this crate reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// `.json`: an array of records, one record, an object wrapping an array
    /// (`{"articles": [...]}`), or JSON Lines after all.
    Json,
    /// `.jsonl`, `.ndjson`: one record per line.
    JsonLines,
    /// `.txt`: one article, title line heuristics.
    Text,
    /// `.html`, `.htm`: one page.
    Html,
    /// `.zip`: members read in place (nested folders and zips too).
    Zip,
    /// `.xml`, `.rss`, `.atom`, `.rdf`: an RSS (0.9x, 1.0, 2.0) or Atom feed.
    Feed,
}

impl Format {
    /// The format for a file extension (case-insensitive, without the dot).
    pub fn from_extension(extension: &str) -> Option<Format> {
        const TABLE: &[(&str, Format)] = &[
            ("json", Format::Json),
            ("jsonl", Format::JsonLines),
            ("ndjson", Format::JsonLines),
            ("txt", Format::Text),
            ("html", Format::Html),
            ("htm", Format::Html),
            ("zip", Format::Zip),
            ("xml", Format::Feed),
            ("rss", Format::Feed),
            ("atom", Format::Feed),
            ("rdf", Format::Feed),
        ];
        TABLE.iter().find(|(ext, _)| ext.eq_ignore_ascii_case(extension)).map(|&(_, f)| f)
    }

    /// The format for a path or zip member name, from its extension.
    pub fn from_name(name: &str) -> Option<Format> {
        let file = name.rsplit(['/', '\\']).next().unwrap_or(name);
        let (stem, extension) = file.rsplit_once('.')?;
        if stem.is_empty() {
            return None;
        }
        Format::from_extension(extension)
    }

    pub fn of_path(path: &Path) -> Option<Format> {
        path.extension().and_then(|e| e.to_str()).and_then(Format::from_extension)
    }
}

/// Hidden files and folders (`.git`, `.DS_Store`) and macOS resource forks (`__MACOSX`).
pub(crate) fn is_hidden_name(name: &str) -> bool {
    name.starts_with('.') || name == "__MACOSX"
}
