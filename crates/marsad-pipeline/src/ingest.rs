//! `ingest`: read → analyse (furniture removed, with what is learned about each
//! outlet) → store → link (near duplicates and reused passages), with every record
//! accounted for, then cluster (stories: `stories.rs`).
//!
//! One entry point stores articles whatever their source: [`ingest`] reads paths,
//! [`ingest_articles`] takes records already read (feed items from `watch`); both run
//! the same three stages and the same dedup step (`write.rs`, `reuse.rs`).

use std::collections::BTreeSet;
use std::hash::{Hash, Hasher};
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Instant;

use crossbeam_channel::{bounded, unbounded, Receiver, Sender};
use marsad_cluster::{ClusterConfig, ClusterError};
use marsad_dedup::passage::PassageConfig;
use marsad_dedup::{DedupConfig, DedupError, MinHasher};
use marsad_ingest::{read_inputs, ReadEvent, ReadOptions};
use marsad_model::{RawArticle, ReadProblem};
use marsad_store::{ArticleStore, PreparedArticle, StoreError};
use marsad_text::furniture::line_hashes;
use rayon::prelude::*;
use serde::Serialize;

use crate::learned::{Counted, Learned, Seen};
use crate::prepare::{final_outlet, prepare_with_line_hashes};
use crate::reuse::TextPrints;
use crate::write::write_batches;

/// Batch k is cleaned with the line counts the writer confirmed up to batch k − LAG,
/// plus tentative counts of the batches after it (see `learned.rs`): deterministic, and
/// the analyser may run up to LAG − 1 batches ahead of the writer — as far as the
/// channel between them lets it — so that neither waits for the other's jitter.
const LAG: usize = 4;

#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Articles per store transaction: large enough to amortise the commit,
    /// small enough that an interrupted run loses little work.
    pub batch_size: usize,
    pub read: ReadOptions,
    /// Near-duplicate detection settings (marsad-dedup).
    pub dedup: DedupConfig,
    /// Passage reuse settings (marsad-dedup `passage`).
    pub passages: PassageConfig,
    /// Story clustering settings (marsad-cluster).
    pub stories: ClusterConfig,
    /// Annotate (entities, quotes, quantities, dates) as articles are stored. When
    /// off, the next ingest with it on annotates what is missing.
    pub annotate: bool,
}

impl Default for IngestOptions {
    fn default() -> Self {
        Self {
            batch_size: 1000,
            read: ReadOptions::default(),
            dedup: DedupConfig::default(),
            passages: PassageConfig::default(),
            stories: ClusterConfig::default(),
            annotate: true,
        }
    }
}

/// A prepared batch with each article's tokens, MinHash signature and fingerprints.
pub(crate) type AnalysedBatch = Vec<(PreparedArticle, TextPrints)>;

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
    /// Added or updated articles whose page furniture was removed (kept aside in the store).
    pub furniture_removed: u64,
    /// Near-duplicate pairs found (and stored) for the added and updated articles,
    /// exact copies included.
    pub near_duplicates: u64,
    /// Reused passages found (and stored) between the added or updated articles and
    /// the articles stored before them.
    pub passages: u64,
    /// Articles stored before this build's schema (no signature or fingerprints yet)
    /// that this run fingerprinted and linked.
    pub backfilled: u64,
    /// (+) Articles this run annotated (entities, quotes, quantities, dates): the added
    /// and updated ones, and any stored without annotations of this version.
    pub annotated: u64,
    /// (+) Seconds spent annotating and storing annotations.
    pub annotation_seconds: f64,
    /// (+) Articles given a story by this run (the added ones, and any an interrupted
    /// run left unclustered).
    pub clustered: u64,
    /// (+) New stories those articles started.
    pub stories: u64,
    /// (+) Seconds spent clustering (features, decisions, storing them).
    pub clustering_seconds: f64,
    pub errors: Vec<ReadProblem>,
    /// Records read but not stored, each with its reason (e.g. no text).
    pub skipped_records: Vec<ReadProblem>,
    pub seconds: f64,
}

#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Dedup(#[from] DedupError),
    #[error(transparent)]
    Cluster(#[from] ClusterError),
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

pub(crate) enum ReaderMessage {
    Batch(Vec<RawArticle>),
    Problem(ReadProblem),
    Progress(u64),
}

/// Ingest every input into `store`. Per-record problems are collected in the
/// summary; only a store failure is an error (what was committed stays committed).
///
/// Each article's page furniture is removed before it is stored (kept aside in the
/// store): the fixed rules of `marsad_text::furniture`, plus the lines learned for
/// its outlet from the articles stored before it (see `learned.rs`).
pub fn ingest<S: ArticleStore + Send>(
    paths: &[PathBuf],
    store: &mut S,
    options: &IngestOptions,
    observer: &dyn IngestObserver,
) -> Result<IngestSummary, PipelineError> {
    observer.started(marsad_ingest::input_size(paths));
    let batch_size = options.batch_size.max(1);
    run(store, options, observer, |out| read_in_batches(paths, &options.read, batch_size, out))
}

/// Store records already read (feed items, records built by a caller) exactly as
/// [`ingest`] stores what it reads: records without text are skipped and reported,
/// furniture is removed with what is learned per outlet, and every added or updated
/// article is linked to its near duplicates and reused passages.
pub fn ingest_articles<S: ArticleStore + Send>(
    articles: Vec<RawArticle>,
    store: &mut S,
    options: &IngestOptions,
    observer: &dyn IngestObserver,
) -> Result<IngestSummary, PipelineError> {
    let batch_size = options.batch_size.max(1);
    run(store, options, observer, move |out| {
        let mut articles = articles.into_iter().peekable();
        while articles.peek().is_some() {
            let batch: Vec<RawArticle> = articles.by_ref().take(batch_size).collect();
            if out.send(ReaderMessage::Batch(batch)).is_err() {
                return; // the analyser stopped (store failure): `run` reports it
            }
        }
    })
}

/// The three stages, fed by `source` on its own thread.
fn run<S: ArticleStore + Send>(
    store: &mut S,
    options: &IngestOptions,
    observer: &dyn IngestObserver,
    source: impl FnOnce(Sender<ReaderMessage>) + Send,
) -> Result<IngestSummary, PipelineError> {
    let started = Instant::now();
    // Short queues: with annotation the writer is the slowest stage, and each queued
    // batch (a thousand articles with texts, terms and prints) stays resident. Longer
    // queues bought no speed and cost ~25 MB of peak memory on the whole corpus.
    let (raw_tx, raw_rx) = bounded::<ReaderMessage>(2);
    let (prepared_tx, prepared_rx) = bounded::<AnalysedBatch>(1);
    let hasher = MinHasher::new(&options.dedup)?;
    let (counted_tx, counted_rx) = unbounded::<Vec<Counted>>();
    // The writer stores batches; the analyser reads what the store learned about an
    // outlet when it first meets it.
    let store = Mutex::new(store);

    let mut summary = std::thread::scope(|scope| {
        scope.spawn(move || source(raw_tx));
        let writer =
            scope.spawn(|| write_batches(&store, prepared_rx, counted_tx, options, observer));
        let analysis = Analysis { hasher: &hasher, options, observer };
        let analysed = analyse_batches(raw_rx, prepared_tx, counted_rx, &store, &analysis);
        let written = writer.join();
        // A store failure on either side is the error to report.
        match (written, analysed) {
            (Ok(Ok(mut summary)), Ok(analysed)) => {
                summary.read = analysed.read;
                summary.skipped = analysed.skipped;
                summary.errors = analysed.errors;
                summary.skipped_records = analysed.skipped_records;
                Ok(summary)
            }
            (Ok(Err(error)), _) => Err(error),
            (Ok(Ok(_)), Err(error)) => Err(error),
            (Err(_), _) => Err(PipelineError::ThreadPanicked),
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
///
/// Before cleaning batch k it applies the writer's report on batches up to k − LAG,
/// loads from the store the outlets it meets for the first time, and counts the
/// batch's own lines tentatively.
fn analyse_batches<S: ArticleStore>(
    input: Receiver<ReaderMessage>,
    output: Sender<AnalysedBatch>,
    counted: Receiver<Vec<Counted>>,
    store: &Mutex<&mut S>,
    analysis: &Analysis<'_>,
) -> Result<IngestSummary, PipelineError> {
    let observer = analysis.observer;
    let mut summary = IngestSummary::default();
    let mut learned = Learned::default();
    // Batches sent to the writer whose report is not applied yet.
    let mut in_flight = 0usize;
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
                while in_flight >= LAG {
                    let Ok(report) = counted.recv() else {
                        return Ok(summary); // the writer failed; `ingest` reports its error
                    };
                    learned.confirm(report);
                    in_flight -= 1;
                }
                let lines: Vec<(String, u64, Vec<String>)> = with_text
                    .par_iter()
                    .map(|raw| (final_outlet(raw), text_key(&raw.text), line_hashes(&raw.text)))
                    .collect();
                let new: BTreeSet<&str> = lines
                    .iter()
                    .map(|(outlet, ..)| outlet.as_str())
                    .filter(|outlet| !learned.knows(outlet))
                    .collect();
                if !new.is_empty() {
                    let store = store.lock().map_err(|_| PipelineError::ThreadPanicked)?;
                    learned.load(&**store, new)?;
                }
                let seen: Vec<Seen<'_>> = lines
                    .iter()
                    .map(|(outlet, text_key, hashes)| Seen {
                        outlet,
                        text_key: *text_key,
                        line_hashes: hashes,
                    })
                    .collect();
                learned.count_tentatively(&seen);
                let learned = &learned;
                let prepared: AnalysedBatch = with_text
                    .into_par_iter()
                    .zip(lines)
                    .map(|(raw, (outlet, _, hashes))| {
                        let prepared =
                            prepare_with_line_hashes(raw, learned.lines(&outlet), hashes);
                        let prints = analysis.prints(&prepared.raw.text);
                        (prepared, prints)
                    })
                    .collect();
                if output.send(prepared).is_err() {
                    break; // the writer failed; its error is reported by `ingest`
                }
                in_flight += 1;
            }
        }
    }
    Ok(summary)
}

/// What the analysis of a batch needs besides the records.
struct Analysis<'a> {
    hasher: &'a MinHasher,
    options: &'a IngestOptions,
    observer: &'a dyn IngestObserver,
}

impl Analysis<'_> {
    fn prints(&self, text: &str) -> TextPrints {
        TextPrints::of(text, self.hasher, &self.options.dedup, &self.options.passages)
    }
}

/// Equal for byte-identical texts (counted once among tentative counts). Cheap: the
/// length and both ends only, so texts that differ only in the middle count once too
/// (which only makes the learned rule stricter).
fn text_key(text: &str) -> u64 {
    const END: usize = 256;
    let bytes = text.as_bytes();
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    bytes.len().hash(&mut hasher);
    bytes.get(..END.min(bytes.len())).hash(&mut hasher);
    bytes.get(bytes.len().saturating_sub(END)..).hash(&mut hasher);
    hasher.finish()
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

#[cfg(test)]
mod tests;
