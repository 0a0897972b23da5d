//! What a poll reports: per source ([`PollReport`], with its [`PollOutcome`]) and
//! per round ([`RoundSummary`]); both serialise to the JSON `marsad watch --json` prints.

use marsad_model::ReadProblem;
use serde::Serialize;

/// What polling a source came to.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum PollOutcome {
    /// The feed answered 304: nothing new.
    NotModified,
    /// The feed was read: `entries` in it, `new` not seen before; linked pages
    /// fetched or failed for summary-only entries; `deferred` new entries left for
    /// the next poll because the page budget ran out.
    Fetched {
        entries: usize,
        new: usize,
        pages_fetched: usize,
        pages_failed: usize,
        deferred: usize,
    },
    /// A folder was scanned: `files` readable, `changed` new or modified and read.
    Folder { files: usize, changed: usize },
    /// The source could not be polled; it will be tried again later.
    Failed { reason: String },
}

/// One source polled.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PollReport {
    pub source: String,
    #[serde(flatten)]
    pub outcome: PollOutcome,
    pub added: u64,
    pub unchanged: u64,
    pub updated: u64,
    /// Entries read but not stored (no text).
    pub skipped: u64,
    /// Near-duplicate pairs and reused passages found for the stored items.
    pub near_duplicates: u64,
    pub passages: u64,
    /// Problems with the source's records (malformed entries, unreadable files, …).
    pub problems: Vec<ReadProblem>,
    pub seconds: f64,
}

impl PollReport {
    pub(crate) fn new(source: &str, outcome: PollOutcome) -> Self {
        Self {
            source: source.to_owned(),
            outcome,
            added: 0,
            unchanged: 0,
            updated: 0,
            skipped: 0,
            near_duplicates: 0,
            passages: 0,
            problems: Vec::new(),
            seconds: 0.0,
        }
    }

    /// Take the counts of an ingest of the source's items; its unreadable inputs and
    /// skipped records (no text) become the report's problems.
    pub(crate) fn add_ingested(&mut self, ingested: crate::IngestSummary) {
        self.added += ingested.added;
        self.unchanged += ingested.unchanged;
        self.updated += ingested.updated;
        self.skipped += ingested.skipped;
        self.near_duplicates += ingested.near_duplicates;
        self.passages += ingested.passages;
        self.problems.extend(ingested.errors);
        self.problems.extend(ingested.skipped_records);
    }
}

/// One round: every source polled in it.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct RoundSummary {
    pub polled: usize,
    pub failed: usize,
    pub added: u64,
    pub unchanged: u64,
    pub updated: u64,
    pub skipped: u64,
    pub sources: Vec<PollReport>,
}

impl RoundSummary {
    pub(crate) fn add(&mut self, report: PollReport) {
        self.polled += 1;
        self.failed += usize::from(matches!(report.outcome, PollOutcome::Failed { .. }));
        self.added += report.added;
        self.unchanged += report.unchanged;
        self.updated += report.updated;
        self.skipped += report.skipped;
        self.sources.push(report);
    }
}
