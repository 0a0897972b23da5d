//! What the watcher remembers between polls and across restarts: per source,
//! the feed's validators (ETag, Last-Modified), the ids of the entries already
//! handled, and for folders each file's size and modification time.
//!
//! Kept in memory and, when a state file is given (the CLI uses
//! `<db>.watch-state.json`), written after every round: to a temporary file
//! first, then renamed over the old one, so a crash never leaves half a file. A
//! missing file is an empty state; an unreadable one is reported and replaced
//! (the store's idempotency means the worst case is a full re-read).

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::Path;

use serde::{Deserialize, Serialize};

/// The state file's format version.
const VERSION: u32 = 1;

/// Entry ids remembered per feed at most (the newest are kept).
pub const MAX_SEEN: usize = 50_000;

/// Everything the watcher remembers, by source key (`url:…` / `path:…`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct WatchState {
    pub version: u32,
    #[serde(default)]
    pub sources: BTreeMap<String, SourceState>,
}

/// What is remembered about one source.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SourceState {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
    /// Keys (guid, else URL) of the feed entries handled, in feed order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub seen: Vec<String>,
    /// Files of a folder source: path → stamp.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub files: BTreeMap<String, FileStamp>,
    /// Polls in a row that failed (for backing off).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub failures: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl SourceState {
    pub fn seen_set(&self) -> BTreeSet<&str> {
        self.seen.iter().map(String::as_str).collect()
    }
}

/// A file as last read: size and modification time (nanoseconds since the epoch).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileStamp {
    pub size: u64,
    pub modified: u128,
}

impl WatchState {
    /// Read a state file; a missing file is an empty state.
    pub fn load(path: &Path) -> Result<Self, String> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Self::new()),
            Err(e) => return Err(format!("{}: {e}", path.display())),
        };
        let state: WatchState = serde_json::from_str(&text)
            .map_err(|e| format!("{}: not a watch state file ({e})", path.display()))?;
        if state.version != VERSION {
            return Err(format!("{}: unknown state version {}", path.display(), state.version));
        }
        Ok(state)
    }

    pub fn new() -> Self {
        Self { version: VERSION, sources: BTreeMap::new() }
    }

    /// Write the state atomically (temporary file, then rename).
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        let mut name = path.file_name().unwrap_or_default().to_os_string();
        name.push(".tmp");
        let temporary = path.with_file_name(name);
        {
            let mut file = std::fs::File::create(&temporary)?;
            serde_json::to_writer(&mut file, self)?;
            file.write_all(b"\n")?;
            file.sync_all()?;
        }
        std::fs::rename(&temporary, path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_tolerates_absence() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.db.watch-state.json");
        assert_eq!(WatchState::load(&path).unwrap(), WatchState::new());
        let mut state = WatchState::new();
        state.sources.insert(
            "url:http://x/feed".into(),
            SourceState {
                etag: Some("\"v1\"".into()),
                seen: vec!["a".into(), "b".into()],
                ..SourceState::default()
            },
        );
        state.save(&path).unwrap();
        assert_eq!(WatchState::load(&path).unwrap(), state);
        std::fs::write(&path, "{broken").unwrap();
        assert!(WatchState::load(&path).unwrap_err().contains("not a watch state file"));
    }
}
