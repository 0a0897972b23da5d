//! `ingest`: read → analyse → store, with every record accounted for.

use std::path::PathBuf;
use std::time::Instant;

use crossbeam_channel::{bounded, Receiver, Sender};
use marsad_ingest::{read_inputs, ReadEvent, ReadOptions};
use marsad_model::{RawArticle, ReadProblem};
use marsad_store::{ArticleStore, InsertOutcome, PreparedArticle, StoreError};
use rayon::prelude::*;
use serde::Serialize;

use crate::prepare::prepare;

#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Articles per store transaction: large enough to amortise the commit,
    /// small enough that an interrupted run loses little work.
    pub batch_size: usize,
    pub read: ReadOptions,
}

impl Default for IngestOptions {
    fn default() -> Self {
        Self { batch_size: 1000, read: ReadOptions::default() }
    }
}

/// What one ingest did. `read = added + updated + unchanged + skipped`;
/// `errors` are inputs that could not be read at all (not counted in `read`).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct IngestSummary {
    pub read: u64,
    pub added: u64,
    pub unchanged: u64,
    pub updated: u64,
    pub skipped: u64,
    /// Added articles whose normalized text repeats an article stored earlier.
    pub exact_duplicates: u64,
    pub errors: Vec<ReadProblem>,
    /// Records read but not stored, each with its reason (e.g. no text).
    pub skipped_records: Vec<ReadProblem>,
    pub seconds: f64,
}

#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("a pipeline thread stopped unexpectedly")]
    ThreadPanicked,
}

/// Told about progress as an ingest runs (progress bars, log lines).
pub trait IngestObserver: Sync {
    fn started(&self, _total_bytes: u64) {}
    fn advanced(&self, _bytes: u64) {}
    fn problem(&self, _problem: &ReadProblem) {}
    fn stored(&self, _articles_so_far: u64) {}
}

/// An observer that ignores everything.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoProgress;
impl IngestObserver for NoProgress {}

enum ReaderMessage {
    Batch(Vec<RawArticle>),
    Problem(ReadProblem),
    Progress(u64),
}

/// Ingest every input into `store`. Per-record problems are collected in the
/// summary; only a store failure is an error (what was committed stays committed).
pub fn ingest<S: ArticleStore + Send>(
    paths: &[PathBuf],
    store: &mut S,
    options: &IngestOptions,
    observer: &dyn IngestObserver,
) -> Result<IngestSummary, PipelineError> {
    let started = Instant::now();
    observer.started(marsad_ingest::input_size(paths));
    let batch_size = options.batch_size.max(1);
    let (raw_tx, raw_rx) = bounded::<ReaderMessage>(4);
    let (prepared_tx, prepared_rx) = bounded::<Vec<PreparedArticle>>(2);

    let mut summary = std::thread::scope(|scope| {
        scope.spawn(|| read_in_batches(paths, &options.read, batch_size, raw_tx));
        let writer = scope.spawn(|| write_batches(store, prepared_rx, observer));
        let mut summary = analyse_batches(raw_rx, prepared_tx, observer);
        match writer.join() {
            Ok(Ok(written)) => {
                summary.added = written.added;
                summary.unchanged = written.unchanged;
                summary.updated = written.updated;
                summary.exact_duplicates = written.exact_duplicates;
                Ok(summary)
            }
            Ok(Err(error)) => Err(PipelineError::Store(error)),
            Err(_) => Err(PipelineError::ThreadPanicked),
        }
    })?;
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

fn read_in_batches(
    paths: &[PathBuf],
    options: &ReadOptions,
    batch_size: usize,
    out: Sender<ReaderMessage>,
) {
    let mut batch = Vec::with_capacity(batch_size);
    // A send only fails when the analyser has stopped (store failure); reading on is pointless then.
    let mut receiver_gone = false;
    read_inputs(paths, options, &mut |event| {
        if receiver_gone {
            return;
        }
        let message = match event {
            ReadEvent::Article(article) => {
                batch.push(article);
                if batch.len() < batch_size {
                    return;
                }
                ReaderMessage::Batch(std::mem::replace(&mut batch, Vec::with_capacity(batch_size)))
            }
            ReadEvent::Problem(problem) => ReaderMessage::Problem(problem),
            ReadEvent::Progress { bytes } => ReaderMessage::Progress(bytes),
        };
        receiver_gone = out.send(message).is_err();
    });
    if !batch.is_empty() && !receiver_gone {
        let _ = out.send(ReaderMessage::Batch(batch));
    }
}

/// Runs on the calling thread: skips records with no text, analyses the rest in parallel.
fn analyse_batches(
    input: Receiver<ReaderMessage>,
    output: Sender<Vec<PreparedArticle>>,
    observer: &dyn IngestObserver,
) -> IngestSummary {
    let mut summary = IngestSummary::default();
    for message in input {
        match message {
            ReaderMessage::Problem(problem) => {
                observer.problem(&problem);
                summary.errors.push(problem);
            }
            ReaderMessage::Progress(bytes) => observer.advanced(bytes),
            ReaderMessage::Batch(batch) => {
                summary.read += batch.len() as u64;
                let (with_text, without): (Vec<_>, Vec<_>) =
                    batch.into_iter().partition(|article| !article.text.trim().is_empty());
                for article in without {
                    summary.skipped += 1;
                    summary.skipped_records.push(skip_reason(&article, "no text"));
                }
                let prepared: Vec<PreparedArticle> =
                    with_text.into_par_iter().map(prepare).collect();
                if output.send(prepared).is_err() {
                    break; // the writer failed; its error is reported by `ingest`
                }
            }
        }
    }
    summary
}

fn skip_reason(article: &RawArticle, reason: &str) -> ReadProblem {
    let (file, record) = match article.origin.rsplit_once('#') {
        Some((file, n)) if n.chars().all(|c| c.is_ascii_digit()) => {
            // Readers number JSON Lines records by line and JSON arrays by position.
            let unit = if file.ends_with(".jsonl") || file.ends_with(".ndjson") {
                "line"
            } else {
                "record"
            };
            (file.to_owned(), Some(format!("{unit} {n}")))
        }
        _ => (article.origin.clone(), None),
    };
    let mut problem = ReadProblem::new(file, record, reason);
    if let Some(url) = &article.url {
        problem.reason = format!("{reason} ({url})");
    }
    problem
}

#[derive(Default)]
struct Written {
    added: u64,
    unchanged: u64,
    updated: u64,
    exact_duplicates: u64,
}

fn write_batches<S: ArticleStore>(
    store: &mut S,
    input: Receiver<Vec<PreparedArticle>>,
    observer: &dyn IngestObserver,
) -> Result<Written, StoreError> {
    let mut written = Written::default();
    for batch in input {
        for outcome in store.insert_batch(&batch)? {
            match outcome {
                InsertOutcome::Added { duplicate_of, .. } => {
                    written.added += 1;
                    written.exact_duplicates += u64::from(duplicate_of.is_some());
                }
                InsertOutcome::Unchanged { .. } => written.unchanged += 1,
                InsertOutcome::Updated { .. } => written.updated += 1,
            }
        }
        observer.stored(written.added + written.updated + written.unchanged);
    }
    Ok(written)
}
