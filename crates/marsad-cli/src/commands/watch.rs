//! `marsad watch --sources FILE [--once] [--interval SECS] [--state FILE] [--json]`:
//! poll feeds and folders, store what is new. One log line per source polled goes
//! to stderr; `--once` ends with a summary on stdout (one JSON object with
//! `--json`, which in the endless mode prints one per round).

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use marsad_pipeline::{
    PollOutcome, PollReport, RoundSummary, WatchObserver, WatchOptions, Watcher,
};
use marsad_store::SqliteStore;

/// Problems listed per source and poll; the rest are counted.
const PROBLEMS_SHOWN: usize = 5;

pub fn run(
    db: &Path,
    sources: &Path,
    once: bool,
    interval: Option<u64>,
    state: Option<PathBuf>,
    json: bool,
) -> Result<()> {
    let config = marsad_pipeline::load_sources(sources)?;
    let mut store = SqliteStore::open(db).with_context(|| format!("opening {}", db.display()))?;
    let state_file = state.unwrap_or_else(|| default_state_file(db));
    let options = WatchOptions {
        default_interval: interval
            .map_or(marsad_pipeline::watch::DEFAULT_INTERVAL, Duration::from_secs),
        state_file: Some(state_file.clone()),
        ..WatchOptions::default()
    };
    let mut watcher = Watcher::new(config, options);
    let log = LogLines;
    if once {
        let summary = watcher.poll_all(&mut store, &log)?;
        optimize(&mut store, &summary, db)?;
        return print_summary(&summary, json);
    }
    eprintln!(
        "watch: polling {} sources (state in {}); Ctrl-C to stop",
        watcher.sources().len(),
        state_file.display()
    );
    loop {
        let summary = watcher.poll_due(&mut store, &log)?;
        optimize(&mut store, &summary, db)?;
        if json && summary.polled > 0 {
            super::print_json_line(&summary)?;
        }
        let wait = watcher
            .next_due()
            .map_or(Duration::from_secs(60), |due| due.saturating_duration_since(Instant::now()));
        std::thread::sleep(wait.max(Duration::from_millis(100)));
    }
}

/// `<db>.watch-state.json` beside the database.
fn default_state_file(db: &Path) -> PathBuf {
    let mut name: OsString =
        db.file_name().map(OsString::from).unwrap_or_else(|| "marsad.db".into());
    name.push(".watch-state.json");
    db.with_file_name(name)
}

/// Merge the index segments a round wrote so searches stay fast.
fn optimize(store: &mut SqliteStore, summary: &RoundSummary, db: &Path) -> Result<()> {
    if summary.added + summary.updated > 0 {
        store.optimize().with_context(|| format!("optimizing {}", db.display()))?;
    }
    Ok(())
}

fn print_summary(summary: &RoundSummary, json: bool) -> Result<()> {
    if json {
        return super::print_json_line(summary);
    }
    say!(
        "polled {} sources ({} failed): {} added, {} unchanged, {} updated, {} skipped",
        summary.polled,
        summary.failed,
        summary.added,
        summary.unchanged,
        summary.updated,
        summary.skipped
    );
    Ok(())
}

/// "1 entry", "3 entries".
fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// One stderr line per source polled, naming it and what happened.
#[derive(Debug)]
struct LogLines;

impl WatchObserver for LogLines {
    fn polled(&self, report: &PollReport) {
        let name = &report.source;
        let stored = format!(
            "{} added, {} unchanged, {} updated{}",
            report.added,
            report.unchanged,
            report.updated,
            if report.skipped > 0 {
                format!(", {} skipped", report.skipped)
            } else {
                String::new()
            }
        );
        match &report.outcome {
            PollOutcome::NotModified => eprintln!("watch: {name}: not modified"),
            PollOutcome::Fetched { entries, new, pages_fetched, pages_failed, deferred } => {
                let entries = plural(*entries, "entry", "entries");
                let mut line = format!("watch: {name}: {entries}, {new} new: {stored}");
                if pages_fetched + pages_failed > 0 {
                    line.push_str(&format!(
                        "; linked pages: {pages_fetched} read, {pages_failed} failed"
                    ));
                }
                if *deferred > 0 {
                    line.push_str(&format!("; {deferred} left for the next poll"));
                }
                eprintln!("{line} ({:.1}s)", report.seconds);
            }
            PollOutcome::Folder { files, changed } => {
                let files = plural(*files, "file", "files");
                eprintln!("watch: {name}: {changed} of {files} new or changed: {stored}")
            }
            PollOutcome::Failed { reason } => eprintln!("watch: {name}: failed: {reason}"),
        }
        for problem in report.problems.iter().take(PROBLEMS_SHOWN) {
            eprintln!("watch: {name}:   {problem}");
        }
        if report.problems.len() > PROBLEMS_SHOWN {
            eprintln!(
                "watch: {name}:   … and {} more problems",
                report.problems.len() - PROBLEMS_SHOWN
            );
        }
    }

    fn warning(&self, message: &str) {
        eprintln!("watch: warning: {message}");
    }
}
