//! `ingest`: read → analyse (furniture removed, with what is learned about each
//! outlet) → store, with every record accounted for.

use std::collections::BTreeSet;
use std::hash::{Hash, Hasher};
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Instant;

use crossbeam_channel::{bounded, unbounded, Receiver, Sender};
use marsad_dedup::{DedupConfig, DedupError, DedupIndex, MinHasher, PairKind, Signature};
use marsad_ingest::{read_inputs, ReadEvent, ReadOptions};
use marsad_model::{RawArticle, ReadProblem};
use marsad_store::{ArticleStore, InsertOutcome, NearDuplicate, PreparedArticle, StoreError};
use marsad_text::furniture::line_hashes;
use rayon::prelude::*;
use serde::Serialize;

use crate::learned::{Counted, Learned, Seen};
use crate::prepare::{final_outlet, prepare_with_line_hashes};

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
}

impl Default for IngestOptions {
    fn default() -> Self {
        Self { batch_size: 1000, read: ReadOptions::default(), dedup: DedupConfig::default() }
    }
}

/// A prepared batch with each article's MinHash signature (`None`: shorter than one shingle).
type SignedBatch = Vec<(PreparedArticle, Option<Signature>)>;

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
    let started = Instant::now();
    observer.started(marsad_ingest::input_size(paths));
    let batch_size = options.batch_size.max(1);
    let (raw_tx, raw_rx) = bounded::<ReaderMessage>(4);
    let (prepared_tx, prepared_rx) = bounded::<SignedBatch>(2);
    let hasher = MinHasher::new(&options.dedup)?;
    let index = DedupIndex::new(options.dedup.clone())?;
    let (counted_tx, counted_rx) = unbounded::<Vec<Counted>>();
    // The writer stores batches; the analyser reads what the store learned about an
    // outlet when it first meets it.
    let store = Mutex::new(store);

    let mut summary = std::thread::scope(|scope| {
        scope.spawn(|| read_in_batches(paths, &options.read, batch_size, raw_tx));
        let writer =
            scope.spawn(|| write_batches(&store, prepared_rx, counted_tx, index, observer));
        let analysed = analyse_batches(raw_rx, prepared_tx, counted_rx, &store, &hasher, observer);
        let written = writer.join();
        // A store failure on either side is the error to report.
        match (written, analysed) {
            (Ok(Ok(written)), Ok(mut summary)) => {
                summary.added = written.added;
                summary.unchanged = written.unchanged;
                summary.updated = written.updated;
                summary.exact_duplicates = written.exact_duplicates;
                summary.furniture_removed = written.furniture_removed;
                summary.near_duplicates = written.near_duplicates;
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
    output: Sender<SignedBatch>,
    counted: Receiver<Vec<Counted>>,
    store: &Mutex<&mut S>,
    hasher: &MinHasher,
    observer: &dyn IngestObserver,
) -> Result<IngestSummary, PipelineError> {
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
                let prepared: SignedBatch = with_text
                    .into_par_iter()
                    .zip(lines)
                    .map(|(raw, (outlet, _, hashes))| {
                        let prepared =
                            prepare_with_line_hashes(raw, learned.lines(&outlet), hashes);
                        let signature = hasher.signature(&prepared.raw.text);
                        (prepared, signature)
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

#[derive(Default)]
struct Written {
    added: u64,
    unchanged: u64,
    updated: u64,
    exact_duplicates: u64,
    furniture_removed: u64,
    near_duplicates: u64,
}

/// Stores each batch, then reports the lines of the originals it added (the ones the
/// store counted) back to the analyser.
///
/// Near duplicates: the LSH index starts from every signature stored before this run
/// (in article-id order, the order they were added), so a run over new files finds the
/// same pairs as one run over everything. Each added or updated article is checked
/// against the index after its batch is stored; its signature and pairs are stored in
/// a second transaction.
fn write_batches<S: ArticleStore>(
    store: &Mutex<&mut S>,
    input: Receiver<SignedBatch>,
    report: Sender<Vec<Counted>>,
    mut index: DedupIndex,
    observer: &dyn IngestObserver,
) -> Result<Written, PipelineError> {
    let mut written = Written::default();
    let num_perm = index.config().num_perm;
    {
        let store = store.lock().map_err(|_| PipelineError::ThreadPanicked)?;
        for (id, bytes) in store.signatures()? {
            if let (Ok(id), Ok(sig)) = (u64::try_from(id), Signature::from_bytes(&bytes, num_perm))
            {
                index.insert(id, sig)?;
            }
        }
    }
    for batch in input {
        let (batch, signatures): (Vec<PreparedArticle>, Vec<Option<Signature>>) =
            batch.into_iter().unzip();
        let outcomes = {
            let mut store = store.lock().map_err(|_| PipelineError::ThreadPanicked)?;
            store.insert_batch(&batch)?
        };
        let mut new_signatures = Vec::new();
        let mut pairs = Vec::new();
        for (outcome, signature) in outcomes.iter().zip(signatures) {
            let (id, duplicate_of) = match *outcome {
                InsertOutcome::Added { id, duplicate_of } => (id, duplicate_of),
                InsertOutcome::Updated { id } => (id, None),
                InsertOutcome::Unchanged { .. } => continue,
            };
            if let (Some(signature), Ok(key)) = (signature, u64::try_from(id)) {
                new_signatures.push((id, signature.to_bytes()));
                for found in index.insert(key, signature)? {
                    let Ok(other) = i64::try_from(found.other) else { continue };
                    if other == id {
                        continue; // an updated article's earlier version
                    }
                    pairs.push(NearDuplicate {
                        a: other.min(id),
                        b: other.max(id),
                        similarity: found.similarity,
                        kind: found.kind.as_str().to_owned(),
                    });
                }
            }
            // The store's exact duplicates (same content hash) are pairs too.
            if let Some(original) = duplicate_of {
                pairs.push(NearDuplicate {
                    a: original.min(id),
                    b: original.max(id),
                    similarity: 1.0,
                    kind: PairKind::Exact.as_str().to_owned(),
                });
            }
        }
        // One row per pair; the store's exact verdict (pushed last) wins.
        let pairs: Vec<NearDuplicate> = pairs
            .into_iter()
            .map(|pair| ((pair.a, pair.b), pair))
            .collect::<std::collections::BTreeMap<_, _>>()
            .into_values()
            .collect();
        if !new_signatures.is_empty() || !pairs.is_empty() {
            written.near_duplicates += pairs.len() as u64;
            let mut store = store.lock().map_err(|_| PipelineError::ThreadPanicked)?;
            store.store_dedup(&new_signatures, &pairs)?;
        }
        let mut counted = Vec::new();
        for (article, outcome) in batch.into_iter().zip(outcomes) {
            let cleaned = !article.furniture.is_empty();
            match outcome {
                InsertOutcome::Added { duplicate_of, .. } => {
                    written.added += 1;
                    written.exact_duplicates += u64::from(duplicate_of.is_some());
                    written.furniture_removed += u64::from(cleaned);
                    if duplicate_of.is_none() {
                        counted.push((article.outlet, article.line_hashes));
                    }
                }
                InsertOutcome::Unchanged { .. } => written.unchanged += 1,
                InsertOutcome::Updated { .. } => {
                    written.updated += 1;
                    written.furniture_removed += u64::from(cleaned);
                }
            }
        }
        // The analyser stops listening only when it has nothing left to analyse.
        let _ = report.send(counted);
        observer.stored(written.added + written.updated + written.unchanged);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;
    use marsad_store::{ArticleFilter, SqliteStore};

    const FOOTER: &str = "حمّلوا تطبيق الصحيفة على هواتفكم الذكية";

    /// A JSON array of `n` articles of outlet `x`, numbered from `first`, with the text
    /// `body(i)`.
    fn write_records(
        dir: &std::path::Path,
        name: &str,
        first: usize,
        n: usize,
        body: impl Fn(usize) -> String,
    ) -> PathBuf {
        let records: Vec<serde_json::Value> = (first..first + n)
            .map(|i| {
                serde_json::json!({"source": "x", "url": format!("https://x.example/{i}"),
                                   "title": format!("خبر {i}"), "content": body(i)})
            })
            .collect();
        let path = dir.join(name);
        std::fs::write(&path, serde_json::to_string(&records).unwrap_or_default())
            .unwrap_or_else(|e| panic!("{e}"));
        path
    }

    /// Articles each ending with the outlet's footer.
    fn records(dir: &std::path::Path, name: &str, first: usize, n: usize) -> PathBuf {
        write_records(dir, name, first, n, |i| {
            format!(
                "أعلنت الوزارة اليوم عن المشروع رقم {i} في العاصمة بحضور عدد من المسؤولين.\n\
                 وأضاف المتحدث أن المرحلة {i} من المشروع ستكتمل خلال الأشهر المقبلة بإذن الله.\n{FOOTER}"
            )
        })
    }

    fn texts(store: &SqliteStore) -> Vec<(String, String)> {
        let mut all: Vec<(String, String)> = store
            .articles(&ArticleFilter::default())
            .unwrap_or_default()
            .into_iter()
            .map(|a| (a.url, a.text))
            .collect();
        all.sort();
        all
    }

    #[test]
    fn an_outlets_footer_is_learned_within_a_run_and_from_the_store() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let first = records(dir.path(), "first.json", 0, 12);
        let options = IngestOptions { batch_size: 4, ..IngestOptions::default() };
        let open = |name: &str| {
            SqliteStore::open(&dir.path().join(name)).unwrap_or_else(|e| panic!("{e}"))
        };
        let mut store = open("a.db");
        let summary = ingest(std::slice::from_ref(&first), &mut store, &options, &NoProgress)
            .unwrap_or_else(|e| panic!("{e}"));
        // The first batch (4 articles) is below the threshold of 5; from the second on,
        // the footer is learned (tentatively, then confirmed by the store).
        assert_eq!((summary.added, summary.furniture_removed), (12, 8));
        let stored = texts(&store);
        let with_footer = stored.iter().filter(|(_, text)| text.contains(FOOTER)).count();
        assert_eq!(with_footer, 4);

        // Another store, the same input: the same result whatever the thread timing.
        let mut other = open("b.db");
        ingest(std::slice::from_ref(&first), &mut other, &options, &NoProgress)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(texts(&other), stored);

        // The same input again: nothing changes, though the footer is known now.
        let again =
            ingest(&[first], &mut store, &options, &NoProgress).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((again.unchanged, again.updated, again.furniture_removed), (12, 0, 0));

        // A later run learns from the store: its first article is cleaned already.
        let later = records(dir.path(), "later.json", 100, 1);
        let summary =
            ingest(&[later], &mut store, &options, &NoProgress).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((summary.added, summary.furniture_removed), (1, 1));
        let lines = store.outlet_lines("x", 1).unwrap_or_default();
        assert_eq!(lines.articles, 13);
    }

    /// `n` reprints of one long wire story, each with its own closing line.
    fn similar_records(dir: &std::path::Path, name: &str, first: usize, n: usize) -> PathBuf {
        let story = "قال وزير الخارجية إن المحادثات مع الوفد الأمريكي كانت مثمرة وبناءة \
            وتناولت التعاون الأمني والاقتصادي بين البلدين في المرحلة المقبلة وأضاف أن الجانبين \
            اتفقا على مواصلة الحوار الاستراتيجي وعقد جولة جديدة في واشنطن قبل نهاية العام \
            كما بحث الجانبان تطورات الأوضاع في المنطقة وسبل دعم الاستقرار ومكافحة الإرهاب";
        write_records(dir, name, first, n, |i| {
            format!("{story} وذلك بحسب المصدر رقم {i} في العاصمة اليوم")
        })
    }

    #[test]
    fn near_duplicates_one_file_at_a_time_equal_all_at_once() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let files: Vec<PathBuf> = (0..3)
            .map(|k| similar_records(dir.path(), &format!("day{k}.json"), k * 5, 5))
            .collect();
        let options = IngestOptions { batch_size: 3, ..IngestOptions::default() };
        let open = |name: &str| {
            SqliteStore::open(&dir.path().join(name)).unwrap_or_else(|e| panic!("{e}"))
        };
        let mut together = open("together.db");
        let summary =
            ingest(&files, &mut together, &options, &NoProgress).unwrap_or_else(|e| panic!("{e}"));
        let mut one_by_one = open("one_by_one.db");
        for file in &files {
            ingest(std::slice::from_ref(file), &mut one_by_one, &options, &NoProgress)
                .unwrap_or_else(|e| panic!("{e}"));
        }
        let pairs = |store: &SqliteStore| store.near_duplicates().unwrap_or_default();
        assert_eq!(together.signatures().unwrap_or_default().len(), 15, "{summary:?}");
        assert!(!pairs(&together).is_empty());
        assert_eq!(summary.near_duplicates, pairs(&together).len() as u64);
        assert_eq!(pairs(&together), pairs(&one_by_one));
        assert_eq!(together.signatures().unwrap_or_default().len(), 15);
        // Ingesting again adds nothing.
        let again =
            ingest(&files, &mut together, &options, &NoProgress).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(again.near_duplicates, 0);
        assert_eq!(pairs(&together), pairs(&one_by_one));
    }
}
