//! The writer stage of ingest: store each analysed batch in one transaction, link the
//! articles it added or updated (near duplicates, reused passages: `reuse.rs`), and
//! give them their stories (`stories.rs`), and report the lines of the originals it
//! added back to the analyser.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Instant;

use crossbeam_channel::{bounded, Receiver, Sender};
use marsad_cluster::Features;
use marsad_model::ArticleId;
use marsad_store::{ArticleStore, InsertOutcome, PreparedArticle};
use rayon::prelude::*;

use crate::annotations;
use crate::ingest::{AnalysedBatch, IngestObserver, IngestOptions, IngestSummary, PipelineError};
use crate::learned::Counted;
use crate::reuse::{Linker, Stored, TextPrints};
use crate::stories::{features_of, Clustered, Stories};

/// What the writer did goes into the ingest summary's store-side counts (added …
/// clustering_seconds); the analyser fills the read-side ones (read, skipped, errors).
type Written = IngestSummary;

fn add_clustered(written: &mut Written, clustered: Clustered, seconds: f64) {
    written.clustered += clustered.articles;
    written.stories += clustered.stories;
    written.clustering_seconds += seconds;
}

/// Features of the articles a batch added (by id), and the largest id linked so far:
/// what the story thread may cluster next.
type Linked = (HashMap<ArticleId, Features>, ArticleId);

/// Stores each batch, then reports the lines of the originals it added (the ones the
/// store counted) back to the analyser, and hands the linked articles to the story
/// thread.
///
/// Before the first batch, articles without annotations of this version are annotated
/// (`annotations.rs`), the linker loads every stored signature and fingerprint set
/// and backfills the articles stored before schema v4 (see `reuse.rs`), and the
/// clusterer resumes and clusters what an earlier run left (`stories.rs`). Each added
/// or updated article is annotated, then linked, after its batch is stored; its signature, pairs,
/// fingerprints and passages are stored in two more transactions. The story thread
/// clusters batch k (after it is linked, so its duplicate links are known) while this
/// thread stores and links batch k + 1. At the end, the stories touched get their
/// entity lists rebuilt once.
pub(crate) fn write_batches<S: ArticleStore + Send>(
    store: &Mutex<&mut S>,
    input: Receiver<AnalysedBatch>,
    report: Sender<Vec<Counted>>,
    options: &IngestOptions,
    observer: &dyn IngestObserver,
) -> Result<Written, PipelineError> {
    let mut written = Written::default();
    if options.annotate {
        let started = Instant::now();
        written.annotated = annotations::annotate_pending(store, options.batch_size.max(1))?;
        written.annotation_seconds = started.elapsed().as_secs_f64();
    }
    let mut linker = Linker::load(store, &options.dedup, &options.passages)?;
    let backfilled = linker.backfill(store, options.batch_size.max(1))?;
    written.backfilled = backfilled.articles;
    written.near_duplicates += backfilled.pairs;
    written.passages += backfilled.passages;
    let batch_size = options.batch_size.max(1);
    let started = Instant::now();
    let mut stories = Stories::resume(store, options.stories.clone())?;
    let backlog =
        stories.cluster_pending(store, batch_size, ArticleId::MAX, &mut HashMap::new())?;
    add_clustered(&mut written, backlog, started.elapsed().as_secs_f64());
    std::thread::scope(|scope| {
        let (linked_tx, linked_rx) = bounded::<Linked>(2);
        let story_thread =
            scope.spawn(move || cluster_batches(store, stories, linked_rx, batch_size));
        let stored = store_batches(store, input, report, options, observer, &mut linker, linked_tx);
        let clustered = story_thread.join().map_err(|_| PipelineError::ThreadPanicked)?;
        let mut all = stored?;
        let (clustered, seconds) = clustered?;
        all.backfilled = written.backfilled;
        all.annotated += written.annotated;
        all.annotation_seconds += written.annotation_seconds;
        all.near_duplicates += written.near_duplicates;
        all.passages += written.passages;
        all.clustered = written.clustered;
        all.stories = written.stories;
        all.clustering_seconds = written.clustering_seconds;
        add_clustered(&mut all, clustered, seconds);
        if options.annotate {
            // Once per touched story, not once per batch that touched it.
            let started = Instant::now();
            annotations::refresh_stale_stories(store, batch_size)?;
            all.annotation_seconds += started.elapsed().as_secs_f64();
        }
        Ok(all)
    })
}

/// The story thread: clusters each linked batch; returns what it did and its busy time.
fn cluster_batches<S: ArticleStore>(
    store: &Mutex<&mut S>,
    mut stories: Stories,
    linked: Receiver<Linked>,
    batch_size: usize,
) -> Result<(Clustered, f64), PipelineError> {
    let mut total = Clustered::default();
    let mut busy = 0.0;
    let mut known = HashMap::new();
    for (features, up_to) in linked {
        let started = Instant::now();
        known.extend(features);
        let done = stories.cluster_pending(store, batch_size, up_to, &mut known)?;
        total.articles += done.articles;
        total.stories += done.stories;
        busy += started.elapsed().as_secs_f64();
    }
    Ok((total, busy))
}

/// Store and link each batch (see [`write_batches`]).
fn store_batches<S: ArticleStore>(
    store: &Mutex<&mut S>,
    input: Receiver<AnalysedBatch>,
    report: Sender<Vec<Counted>>,
    options: &IngestOptions,
    observer: &dyn IngestObserver,
    linker: &mut Linker,
    linked_tx: Sender<Linked>,
) -> Result<Written, PipelineError> {
    let mut written = Written::default();
    let mut up_to: ArticleId = 0;
    for batch in input {
        let (batch, prints): (Vec<PreparedArticle>, Vec<TextPrints>) = batch.into_iter().unzip();
        let outcomes = {
            let mut store = store.lock().map_err(|_| PipelineError::ThreadPanicked)?;
            store.insert_batch(&batch)?
        };
        let stored: Vec<Stored> = outcomes
            .iter()
            .zip(&batch)
            .zip(prints)
            .filter_map(|((outcome, article), prints)| {
                let (id, duplicate_of, replaced) = match *outcome {
                    InsertOutcome::Added { id, duplicate_of } => (id, duplicate_of, false),
                    InsertOutcome::Updated { id } => (id, None, true),
                    InsertOutcome::Unchanged { .. } => return None,
                };
                Some(Stored {
                    id,
                    duplicate_of,
                    replaced,
                    published: article.raw.published,
                    prints,
                })
            })
            .collect();
        // Annotated (in parallel) and stored right after the batch: an interrupted run
        // leaves at most this batch to the next one's backfill.
        if options.annotate {
            let started = Instant::now();
            let texts: Vec<_> = outcomes
                .iter()
                .zip(&batch)
                .filter_map(|(outcome, article)| match *outcome {
                    InsertOutcome::Added { id, .. } | InsertOutcome::Updated { id } => {
                        Some((id, article.raw.text.as_str(), article.raw.published.as_ref()))
                    }
                    InsertOutcome::Unchanged { .. } => None,
                })
                .collect();
            written.annotated += annotations::annotate_and_store(store, &texts)?;
            written.annotation_seconds += started.elapsed().as_secs_f64();
        }
        if !stored.is_empty() {
            let linked = linker.link(store, stored)?;
            written.near_duplicates += linked.pairs;
            written.passages += linked.passages;
            let config = &options.stories;
            let known: HashMap<ArticleId, Features> = outcomes
                .par_iter()
                .zip(&batch)
                .filter_map(|(outcome, article)| match *outcome {
                    InsertOutcome::Added { id, .. } => Some((id, features_of(id, article, config))),
                    _ => None,
                })
                .collect();
            up_to = known.keys().copied().fold(up_to, ArticleId::max);
            if linked_tx.send((known, up_to)).is_err() {
                break; // the story thread failed: `write_batches` reports its error
            }
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
