//! `sources.toml`: what `marsad watch` polls, and how politely (format in
//! `docs/watch.md`). Unknown keys are errors, so a typo is caught rather than
//! silently ignored; relative paths are taken from the file's own folder.

use std::path::{Path, PathBuf};
use std::time::Duration;

use marsad_ingest::fetch::{is_url, FetchOptions};
use serde::Deserialize;

use super::WatchError;

/// What one source is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceTarget {
    /// An RSS, Atom or JSON Feed URL.
    Feed(String),
    /// A folder (recursive) or a single file, read as `marsad ingest` would.
    Path(PathBuf),
}

/// One `[[source]]`.
#[derive(Debug, Clone, PartialEq)]
pub struct WatchSource {
    /// How log lines name it (default: the URL or path as written).
    pub name: String,
    pub target: SourceTarget,
    /// Its own polling interval; `None`: the watcher's default.
    pub interval: Option<Duration>,
    /// For feeds: fetch the linked page of entries that carry only a summary.
    pub fetch_pages: bool,
}

impl WatchSource {
    /// The key its state is kept under: `url:…` or `path:…`.
    pub fn key(&self) -> String {
        match &self.target {
            SourceTarget::Feed(url) => format!("url:{url}"),
            SourceTarget::Path(path) => format!("path:{}", path.display()),
        }
    }
}

/// A parsed sources file.
#[derive(Debug, Clone, PartialEq)]
pub struct WatchConfig {
    pub sources: Vec<WatchSource>,
    /// From the `[fetch]` table; defaults otherwise.
    pub fetch: FetchOptions,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    fetch: FetchTable,
    #[serde(default)]
    source: Vec<SourceTable>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FetchTable {
    user_agent: Option<String>,
    /// Seconds between two requests to one host.
    delay: Option<f64>,
    timeout: Option<f64>,
    connect_timeout: Option<f64>,
    retries: Option<u32>,
    /// Seconds before the first retry (doubled for each further one).
    backoff: Option<f64>,
    max_page_bytes: Option<u64>,
    max_redirects: Option<u32>,
    robots: Option<bool>,
    max_pages_per_poll: Option<usize>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceTable {
    url: Option<String>,
    path: Option<PathBuf>,
    name: Option<String>,
    interval: Option<f64>,
    fetch_pages: Option<bool>,
}

/// Read and check a sources file. Every error names the file (and the source's
/// position, 1-based, when it is about one source).
pub fn load_sources(path: &Path) -> Result<WatchConfig, WatchError> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        let reason = match e.kind() {
            std::io::ErrorKind::NotFound => "no such file".to_owned(),
            std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
            _ => e.to_string(),
        };
        WatchError::Sources { file: path.to_path_buf(), reason }
    })?;
    parse_sources(&text, path.parent().unwrap_or(Path::new("")))
        .map_err(|reason| WatchError::Sources { file: path.to_path_buf(), reason })
}

/// Parse sources text; relative paths are joined to `base`.
pub fn parse_sources(text: &str, base: &Path) -> Result<WatchConfig, String> {
    let file: File = toml::from_str(text).map_err(|e| e.to_string().trim_end().to_owned())?;
    let fetch = fetch_options(&file.fetch)?;
    if file.source.is_empty() {
        return Err("no [[source]] entries".into());
    }
    let mut sources = Vec::with_capacity(file.source.len());
    for (i, table) in file.source.into_iter().enumerate() {
        let at = |reason: String| format!("source {}: {reason}", i + 1);
        let (target, written) = match (table.url, table.path) {
            (Some(url), None) => {
                let url = url.trim().to_owned();
                if !is_url(&url) {
                    return Err(at(format!(
                        "url must start with http:// or https:// (got {url:?})"
                    )));
                }
                (SourceTarget::Feed(url.clone()), url)
            }
            (None, Some(path)) => {
                let written = path.display().to_string();
                let full = if path.is_absolute() { path } else { base.join(path) };
                (SourceTarget::Path(full), written)
            }
            (Some(_), Some(_)) => return Err(at("give either url or path, not both".into())),
            (None, None) => return Err(at("give a url or a path".into())),
        };
        let interval = match table.interval {
            Some(secs) if !(1.0..=31_536_000.0).contains(&secs) => {
                return Err(at(format!(
                    "interval must be between 1 and 31536000 seconds (got {secs})"
                )))
            }
            Some(secs) => Some(Duration::from_secs_f64(secs)),
            None => None,
        };
        let name = table.name.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty());
        sources.push(WatchSource {
            name: name.unwrap_or(written),
            target,
            interval,
            fetch_pages: table.fetch_pages.unwrap_or(true),
        });
    }
    Ok(WatchConfig { sources, fetch })
}

fn fetch_options(table: &FetchTable) -> Result<FetchOptions, String> {
    let mut options = FetchOptions::default();
    let seconds = |name: &str, value: Option<f64>, min: f64| -> Result<Option<Duration>, String> {
        match value {
            Some(v) if !(min..=86_400.0).contains(&v) => {
                Err(format!("[fetch] {name} must be between {min} and 86400 seconds (got {v})"))
            }
            Some(v) => Ok(Some(Duration::from_secs_f64(v))),
            None => Ok(None),
        }
    };
    if let Some(agent) = &table.user_agent {
        if agent.trim().is_empty() || agent.chars().any(char::is_control) {
            return Err("[fetch] user_agent must be a non-empty single line".into());
        }
        options.user_agent = agent.trim().to_owned();
    }
    if let Some(delay) = seconds("delay", table.delay, 0.0)? {
        options.host_delay = delay;
    }
    if let Some(timeout) = seconds("timeout", table.timeout, 0.1)? {
        options.timeout = timeout;
    }
    if let Some(timeout) = seconds("connect_timeout", table.connect_timeout, 0.1)? {
        options.connect_timeout = timeout;
    }
    if let Some(backoff) = seconds("backoff", table.backoff, 0.0)? {
        options.backoff = backoff;
    }
    if let Some(retries) = table.retries {
        options.retries = retries.min(10);
    }
    if let Some(bytes) = table.max_page_bytes {
        options.max_body_bytes = bytes.max(1024);
    }
    if let Some(redirects) = table.max_redirects {
        options.max_redirects = redirects.min(20);
    }
    if let Some(robots) = table.robots {
        options.respect_robots = robots;
    }
    if let Some(pages) = table.max_pages_per_poll {
        options.max_pages_per_feed = pages;
    }
    Ok(options)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_feeds_folders_and_fetch_settings() {
        let text = r#"
            [fetch]
            delay = 0.5
            timeout = 20
            robots = true
            max_pages_per_poll = 10

            [[source]]
            url = "https://www.example.com/rss.xml"
            name = "مثال"
            interval = 300

            [[source]]
            path = "incoming"
            fetch_pages = false
        "#;
        let config = parse_sources(text, Path::new("/etc/marsad")).unwrap();
        assert_eq!(config.fetch.host_delay, Duration::from_millis(500));
        assert_eq!(config.fetch.timeout, Duration::from_secs(20));
        assert_eq!(config.fetch.max_pages_per_feed, 10);
        assert_eq!(config.sources.len(), 2);
        let feed = &config.sources[0];
        assert_eq!(feed.name, "مثال");
        assert_eq!(feed.target, SourceTarget::Feed("https://www.example.com/rss.xml".into()));
        assert_eq!(feed.interval, Some(Duration::from_secs(300)));
        assert_eq!(feed.key(), "url:https://www.example.com/rss.xml");
        let folder = &config.sources[1];
        assert_eq!(folder.name, "incoming");
        assert_eq!(folder.target, SourceTarget::Path(PathBuf::from("/etc/marsad/incoming")));
        assert_eq!(folder.interval, None);
        assert!(!folder.fetch_pages);
    }

    #[test]
    fn the_example_file_parses() {
        let config =
            parse_sources(include_str!("../../../../examples/sources.toml"), Path::new("examples"))
                .unwrap();
        assert_eq!(config.sources.len(), 3);
        assert_eq!(config.sources[2].target, SourceTarget::Path(PathBuf::from("examples/seeds")));
    }

    #[test]
    fn mistakes_are_named() {
        let err = |text: &str| parse_sources(text, Path::new(".")).unwrap_err();
        assert_eq!(err(""), "no [[source]] entries");
        assert!(err("[[source]]\nurl = \"ftp://x\"").starts_with("source 1: url must start with"));
        assert_eq!(
            err("[[source]]\nurl = \"http://x\"\npath = \"y\""),
            "source 1: give either url or path, not both"
        );
        assert_eq!(err("[[source]]\nname = \"x\""), "source 1: give a url or a path");
        assert!(err("[[source]]\nurl = \"http://x\"\ninterval = 0").contains("interval must be"));
        assert!(err("[[source]]\nurl = \"http://x\"\nintervall = 5").contains("unknown field"));
        assert!(err("[[source]\nurl = 1").contains("line 1"), "{}", err("[[source]\nurl = 1"));
        assert!(
            err("[fetch]\ndelay = -1\n[[source]]\nurl = \"http://x\"").contains("[fetch] delay")
        );
    }
}
