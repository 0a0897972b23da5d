//! Polling one source: a feed (conditional GET, new entries only, linked pages
//! for summary-only entries) or a folder (files new or changed since the last
//! poll). Nothing here touches the store; `watch.rs` stores what comes back.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use marsad_ingest::feed::{complete_from_page, is_summary_only, item_key, read_feed, FeedSource};
use marsad_ingest::fetch::{body_kind, BodyKind, Fetched, Fetcher, PageFetcher, Validators};
use marsad_ingest::{Format, RawArticle, ReadEvent, ReadOptions, ReadProblem};

use super::state::{FileStamp, SourceState, MAX_SEEN};
use super::PollOutcome;

/// What polling a feed found.
#[derive(Debug)]
pub(crate) struct FeedPoll {
    pub outcome: PollOutcome,
    /// New entries, ready to store.
    pub articles: Vec<RawArticle>,
    /// Problems with the feed or its entries.
    pub problems: Vec<ReadProblem>,
    /// The state to keep when the articles have been stored.
    pub state: SourceState,
}

/// Poll one feed. `previous` is what was remembered about it.
pub(crate) fn poll_feed(
    url: &str,
    fetch_pages: bool,
    previous: &SourceState,
    fetcher: &Fetcher,
    options: &ReadOptions,
) -> FeedPoll {
    let mut state = previous.clone();
    let failed = |reason: String, mut state: SourceState| {
        state.failures = state.failures.saturating_add(1);
        FeedPoll {
            outcome: PollOutcome::Failed { reason },
            articles: Vec::new(),
            problems: Vec::new(),
            state,
        }
    };
    let validators =
        Validators { etag: previous.etag.clone(), last_modified: previous.last_modified.clone() };
    let page = match fetcher.get(url, &validators) {
        Ok(Fetched::Page(page)) => page,
        Ok(Fetched::NotModified { .. }) => {
            state.failures = 0;
            return FeedPoll {
                outcome: PollOutcome::NotModified,
                articles: Vec::new(),
                problems: Vec::new(),
                state,
            };
        }
        Err(error) => return failed(error.reason(), state),
    };
    if !matches!(body_kind(&page), BodyKind::XmlFeed | BodyKind::JsonFeed) {
        let served = page.content_type.as_deref().unwrap_or("no Content-Type");
        return failed(format!("not a feed (served as {served})"), state);
    }

    let source =
        FeedSource { name: url.to_owned(), url: Some(page.url.clone()), fallback_outlet: None };
    let (mut all, mut problems) = (Vec::new(), Vec::new());
    let entries =
        read_feed(
            &page.body,
            page.charset.as_deref(),
            &source,
            options,
            &mut |event| match event {
                ReadEvent::Article(article) => all.push(article),
                ReadEvent::Problem(problem) => problems.push(problem),
                ReadEvent::Progress { .. } => {}
            },
        );
    if entries == 0 && !problems.is_empty() {
        let reason = problems.iter().map(|p| p.reason.as_str()).collect::<Vec<_>>().join("; ");
        return failed(reason, state);
    }

    let seen = previous.seen_set();
    let pages = PageFetcher { fetcher, options };
    let budget = fetcher.options().max_pages_per_feed;
    let (mut fresh, mut current_keys) = (Vec::new(), Vec::with_capacity(all.len()));
    let (mut pages_fetched, mut pages_failed, mut deferred) = (0usize, 0usize, 0usize);
    for mut article in all {
        let key = item_key(&article);
        if seen.contains(key.as_str()) {
            current_keys.push(key);
            continue;
        }
        if fetch_pages && is_summary_only(&article) && article.url.is_some() {
            if pages_fetched + pages_failed >= budget {
                // Left for the next poll: not marked seen, and validators not kept.
                deferred += 1;
                continue;
            }
            match complete_from_page(&mut article, &pages) {
                Ok(_) => pages_fetched += 1,
                Err(_) => pages_failed += 1,
            }
        }
        current_keys.push(key);
        fresh.push(article);
    }
    let complete = deferred == 0 && problems.is_empty();
    state.etag = if complete { page.validators.etag } else { None };
    state.last_modified = if complete { page.validators.last_modified } else { None };
    if current_keys.len() > MAX_SEEN {
        current_keys.drain(..current_keys.len() - MAX_SEEN);
    }
    state.seen = current_keys;
    state.failures = 0;
    FeedPoll {
        outcome: PollOutcome::Fetched {
            entries,
            new: fresh.len(),
            pages_fetched,
            pages_failed,
            deferred,
        },
        articles: fresh,
        problems,
        state,
    }
}

/// Files under `root` (or `root` itself) that are new or changed since `previous`,
/// and the stamps of all readable files now.
pub(crate) fn scan_folder(
    root: &Path,
    previous: &SourceState,
) -> Result<(Vec<PathBuf>, BTreeMap<String, FileStamp>), String> {
    let meta = std::fs::metadata(root).map_err(|e| format!("{}: {e}", root.display()))?;
    let mut files = Vec::new();
    if meta.is_dir() {
        collect(root, &mut files, 0);
    } else {
        files.push(root.to_path_buf());
    }
    files.sort();
    let mut stamps = BTreeMap::new();
    let mut changed = Vec::new();
    for path in files {
        let Ok(meta) = std::fs::metadata(&path) else { continue };
        let modified = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        let stamp = FileStamp { size: meta.len(), modified };
        let key = path.display().to_string();
        if previous.files.get(&key) != Some(&stamp) {
            changed.push(path);
        }
        stamps.insert(key, stamp);
    }
    Ok((changed, stamps))
}

/// Readable files below `dir` (hidden entries skipped, symbolic links not followed
/// into folders, depth capped).
fn collect(dir: &Path, out: &mut Vec<PathBuf>, depth: usize) {
    if depth > 32 {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') || name == "__MACOSX" {
            continue;
        }
        let path = entry.path();
        match entry.file_type() {
            Ok(kind) if kind.is_dir() => collect(&path, out, depth + 1),
            Ok(_) if is_readable(&path) => out.push(path),
            _ => {}
        }
    }
}

/// A file `read_inputs` has a reader for (by extension, feeds included).
fn is_readable(path: &Path) -> bool {
    if Format::of_path(path).is_some() {
        return true;
    }
    let ext = path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase());
    matches!(ext.as_deref(), Some("xml" | "rss" | "atom" | "rdf"))
}
