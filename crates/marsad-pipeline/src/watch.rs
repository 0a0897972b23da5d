//! `watch`: poll feeds and folders on an interval and store what is new.
//!
//! Inputs: a [`WatchConfig`] (from `sources.toml`, see [`load_sources`] and
//! `docs/watch.md`), an [`ArticleStore`], [`WatchOptions`]. Outputs: stored
//! articles, and a [`PollReport`] per source polled (told to a [`WatchObserver`]
//! as it happens, and gathered in a [`RoundSummary`]).
//!
//! A [`Watcher`] keeps per-source state ([`WatchState`]: ETag / Last-Modified,
//! the ids of entries already handled, folder file stamps) in memory and, when
//! given a state file, on disk after every round, so a restart does not refetch
//! everything. Each round polls the due feeds a few at a time in parallel
//! (fetching is I/O-bound; one [`Fetcher`] keeps the per-host politeness delay
//! and robots.txt across them), then stores their new entries on the calling
//! thread through [`crate::ingest_articles`], then reads changed files of due folders
//! through [`crate::ingest`]: watched items are deduplicated and linked like files.
//!
//! A source that is down, slow, malformed or redirects in a loop gives a
//! `Failed` report naming the reason; the others are polled as usual, and the
//! failing one is retried later with a growing interval (up to 8×). Only a store
//! failure stops a round ([`WatchError`]).

mod poll;
mod report;
mod sources;
mod state;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use marsad_ingest::fetch::Fetcher;
use marsad_ingest::{RawArticle, ReadOptions};
use marsad_store::{ArticleStore, StoreError};

pub use report::{PollOutcome, PollReport, RoundSummary};
pub use sources::{load_sources, parse_sources, SourceTarget, WatchConfig, WatchSource};
pub use state::{FileStamp, SourceState, WatchState, MAX_SEEN};

use crate::{IngestOptions, NoProgress, PipelineError};

/// Interval for sources that set none and when the caller gives none.
pub const DEFAULT_INTERVAL: Duration = Duration::from_secs(300);

/// Why watching stopped.
#[derive(Debug, thiserror::Error)]
pub enum WatchError {
    /// The sources file could not be read or is not valid.
    #[error("{}: {reason}", file.display())]
    Sources { file: PathBuf, reason: String },
    #[error(transparent)]
    Pipeline(#[from] PipelineError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// How a watcher runs.
#[derive(Debug, Clone)]
pub struct WatchOptions {
    /// Interval for sources that set none.
    pub default_interval: Duration,
    /// Where to keep state across restarts (`None`: memory only).
    pub state_file: Option<PathBuf>,
    pub read: ReadOptions,
    /// Articles per store transaction.
    pub batch_size: usize,
    /// Feeds polled at once.
    pub parallel: usize,
}

impl Default for WatchOptions {
    fn default() -> Self {
        Self {
            default_interval: DEFAULT_INTERVAL,
            state_file: None,
            read: ReadOptions::default(),
            batch_size: 500,
            parallel: 4,
        }
    }
}

/// Told about each source as it is polled (log lines, progress).
pub trait WatchObserver: Sync {
    fn polled(&self, _report: &PollReport) {}
    /// Something about the watcher itself (state file unreadable or unwritable).
    fn warning(&self, _message: &str) {}
}

/// An observer that ignores everything.
impl WatchObserver for NoProgress {}

/// Polls a fixed list of sources, remembering what it has seen.
#[derive(Debug)]
pub struct Watcher {
    config: WatchConfig,
    options: WatchOptions,
    fetcher: Fetcher,
    state: WatchState,
    next: Vec<Instant>,
    warnings: Vec<String>,
}

impl Watcher {
    /// A watcher with every source due now; loads the state file when there is one
    /// (an unreadable one is reported at the first poll and replaced).
    pub fn new(config: WatchConfig, options: WatchOptions) -> Self {
        let mut warnings = Vec::new();
        let state = match &options.state_file {
            Some(path) => WatchState::load(path).unwrap_or_else(|reason| {
                warnings.push(format!("starting from an empty state: {reason}"));
                WatchState::new()
            }),
            None => WatchState::new(),
        };
        let fetcher = Fetcher::new(config.fetch.clone());
        let next = vec![Instant::now(); config.sources.len()];
        Self { config, options, fetcher, state, next, warnings }
    }

    pub fn sources(&self) -> &[WatchSource] {
        &self.config.sources
    }

    pub fn state(&self) -> &WatchState {
        &self.state
    }

    /// When the next source is due.
    pub fn next_due(&self) -> Option<Instant> {
        self.next.iter().min().copied()
    }

    /// Poll every source once, due or not (`marsad watch --once`).
    pub fn poll_all<S: ArticleStore + Send>(
        &mut self,
        store: &mut S,
        observer: &dyn WatchObserver,
    ) -> Result<RoundSummary, WatchError> {
        let all: Vec<usize> = (0..self.config.sources.len()).collect();
        self.poll(&all, store, observer)
    }

    /// Poll the sources that are due.
    pub fn poll_due<S: ArticleStore + Send>(
        &mut self,
        store: &mut S,
        observer: &dyn WatchObserver,
    ) -> Result<RoundSummary, WatchError> {
        let now = Instant::now();
        let due: Vec<usize> = (0..self.next.len()).filter(|&i| self.next[i] <= now).collect();
        self.poll(&due, store, observer)
    }

    fn poll<S: ArticleStore + Send>(
        &mut self,
        indices: &[usize],
        store: &mut S,
        observer: &dyn WatchObserver,
    ) -> Result<RoundSummary, WatchError> {
        for warning in self.warnings.drain(..) {
            observer.warning(&warning);
        }
        let mut summary = RoundSummary::default();
        let (feeds, paths): (Vec<usize>, Vec<usize>) = indices
            .iter()
            .partition(|&&i| matches!(self.config.sources[i].target, SourceTarget::Feed(_)));
        for chunk in feeds.chunks(self.options.parallel.max(1)) {
            let polls = self.poll_feeds(chunk);
            for (i, took, polled) in polls {
                let started = Instant::now();
                let source = &self.config.sources[i];
                let report = match polled {
                    Some(polled) => {
                        let mut report = PollReport::new(&source.name, polled.outcome);
                        report.problems = polled.problems;
                        let options = self.ingest_options();
                        store_articles(store, polled.articles, &options, &mut report)?;
                        self.state.sources.insert(source.key(), polled.state);
                        report
                    }
                    None => {
                        let reason = "internal error while polling (please report it)".to_owned();
                        PollReport::new(&source.name, PollOutcome::Failed { reason })
                    }
                };
                summary.add(self.finish(i, report, started, took, observer));
            }
        }
        for i in paths {
            let started = Instant::now();
            let report = self.poll_path(i, store)?;
            summary.add(self.finish(i, report, started, Duration::ZERO, observer));
        }
        if let Some(path) = &self.options.state_file {
            if let Err(e) = self.state.save(path) {
                observer
                    .warning(&format!("could not save the watch state to {}: {e}", path.display()));
            }
        }
        Ok(summary)
    }

    /// Fetch a chunk of feeds in parallel: (source index, time taken, result or None on panic).
    fn poll_feeds(&self, chunk: &[usize]) -> Vec<(usize, Duration, Option<poll::FeedPoll>)> {
        std::thread::scope(|scope| {
            let handles: Vec<_> = chunk
                .iter()
                .map(|&i| {
                    let source = &self.config.sources[i];
                    let previous =
                        self.state.sources.get(&source.key()).cloned().unwrap_or_default();
                    let handle = scope.spawn(move || {
                        let started = Instant::now();
                        let polled = match &source.target {
                            SourceTarget::Feed(url) => Some(poll::poll_feed(
                                url,
                                source.fetch_pages,
                                &previous,
                                &self.fetcher,
                                &self.options.read,
                            )),
                            SourceTarget::Path(_) => None,
                        };
                        (started.elapsed(), polled)
                    });
                    (i, handle)
                })
                .collect();
            handles
                .into_iter()
                .map(|(i, handle)| match handle.join() {
                    Ok((took, polled)) => (i, took, polled),
                    Err(_) => (i, Duration::ZERO, None),
                })
                .collect()
        })
    }

    /// Read the new and changed files of a folder source.
    fn poll_path<S: ArticleStore + Send>(
        &mut self,
        i: usize,
        store: &mut S,
    ) -> Result<PollReport, WatchError> {
        let source = &self.config.sources[i];
        let SourceTarget::Path(root) = &source.target else {
            return Ok(PollReport::new(
                &source.name,
                PollOutcome::Failed { reason: "not a path".into() },
            ));
        };
        let key = source.key();
        let mut previous = self.state.sources.get(&key).cloned().unwrap_or_default();
        let (changed, stamps) = match poll::scan_folder(root, &previous) {
            Ok(found) => found,
            Err(reason) => {
                previous.failures = previous.failures.saturating_add(1);
                self.state.sources.insert(key, previous);
                return Ok(PollReport::new(&source.name, PollOutcome::Failed { reason }));
            }
        };
        let outcome = PollOutcome::Folder { files: stamps.len(), changed: changed.len() };
        let mut report = PollReport::new(&source.name, outcome);
        if !changed.is_empty() {
            let ingested = crate::ingest(&changed, store, &self.ingest_options(), &NoProgress)?;
            report.add_ingested(ingested);
        }
        previous.files = stamps;
        previous.failures = 0;
        self.state.sources.insert(key, previous);
        Ok(report)
    }

    /// How watched items are stored: the ingest defaults with this watcher's batch
    /// size and read options.
    fn ingest_options(&self) -> IngestOptions {
        IngestOptions {
            batch_size: self.options.batch_size,
            read: self.options.read.clone(),
            ..IngestOptions::default()
        }
    }

    /// Schedule the source's next poll, time the report (`took` before `started`)
    /// and tell the observer.
    fn finish(
        &mut self,
        i: usize,
        mut report: PollReport,
        started: Instant,
        took: Duration,
        observer: &dyn WatchObserver,
    ) -> PollReport {
        let source = &self.config.sources[i];
        let interval = source.interval.unwrap_or(self.options.default_interval);
        let failures = self.state.sources.get(&source.key()).map_or(0, |s| s.failures);
        let factor = 1u32 << failures.min(4).saturating_sub(1).min(3);
        self.next[i] = Instant::now() + interval.saturating_mul(factor);
        report.seconds = (took + started.elapsed()).as_secs_f64();
        observer.polled(&report);
        report
    }
}

/// Store a feed's new articles through the one ingest entry point
/// ([`crate::ingest_articles`]: furniture, exact copies, near duplicates and passages
/// as for files); counts and skipped records go into `report`.
fn store_articles<S: ArticleStore + Send>(
    store: &mut S,
    articles: Vec<RawArticle>,
    options: &IngestOptions,
    report: &mut PollReport,
) -> Result<(), PipelineError> {
    let ingested = crate::ingest_articles(articles, store, options, &NoProgress)?;
    report.add_ingested(ingested);
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use marsad_store::SqliteStore;

    use super::*;

    fn folder_config(folder: &Path) -> WatchConfig {
        let text = format!(
            "[[source]]\npath = {:?}\nname = \"drop\"\ninterval = 5\n",
            folder.display().to_string()
        );
        parse_sources(&text, Path::new(".")).unwrap()
    }

    #[test]
    fn folders_are_read_once_and_again_when_a_file_changes_even_after_a_restart() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("in");
        std::fs::create_dir(&folder).unwrap();
        std::fs::write(folder.join("a.txt"), "خبر أول عن بغداد اليوم\nنص الخبر الأول.").unwrap();
        std::fs::write(folder.join("notes.md"), "not read").unwrap();
        let mut store = SqliteStore::open_in_memory().unwrap();
        let options = WatchOptions {
            state_file: Some(dir.path().join("state.json")),
            ..WatchOptions::default()
        };
        let mut watcher = Watcher::new(folder_config(&folder), options.clone());
        let round = watcher.poll_all(&mut store, &NoProgress).unwrap();
        assert_eq!((round.polled, round.added), (1, 1));
        assert_eq!(round.sources[0].outcome, PollOutcome::Folder { files: 1, changed: 1 });
        assert!(watcher.next_due().unwrap() > Instant::now());
        assert_eq!(watcher.poll_due(&mut store, &NoProgress).unwrap().polled, 0, "not due yet");

        // A new watcher (a restart) reads the state file: nothing is read again.
        let mut watcher = Watcher::new(folder_config(&folder), options.clone());
        let round = watcher.poll_all(&mut store, &NoProgress).unwrap();
        assert_eq!(round.sources[0].outcome, PollOutcome::Folder { files: 1, changed: 0 });

        std::fs::write(folder.join("b.txt"), "خبر ثان عن البصرة اليوم\nنص الخبر الثاني.").unwrap();
        let round = watcher.poll_all(&mut store, &NoProgress).unwrap();
        assert_eq!(round.sources[0].outcome, PollOutcome::Folder { files: 2, changed: 1 });
        assert_eq!(round.added, 1);
    }

    #[test]
    fn a_missing_folder_fails_and_backs_off() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = SqliteStore::open_in_memory().unwrap();
        let mut watcher =
            Watcher::new(folder_config(&dir.path().join("absent")), WatchOptions::default());
        for _ in 0..3 {
            let round = watcher.poll_all(&mut store, &NoProgress).unwrap();
            assert_eq!(round.failed, 1);
            assert!(
                matches!(&round.sources[0].outcome, PollOutcome::Failed { reason } if reason.contains("absent"))
            );
        }
        assert_eq!(watcher.state().sources.values().next().unwrap().failures, 3);
        let wait = watcher.next_due().unwrap() - Instant::now();
        assert!(wait > Duration::from_secs(15), "third failure waits 4 intervals: {wait:?}");
    }
}
