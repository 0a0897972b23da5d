//! The writer stage of ingest: store each analysed batch in one transaction, link the
//! articles it added or updated (near duplicates, reused passages: `reuse.rs`), and
//! give them their stories (`stories.rs`), and report the lines of the originals it
//! added back to the analyser.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Instant;

use crossbeam_channel::{Receiver, Sender};
use marsad_store::{ArticleStore, InsertOutcome, PreparedArticle};
use rayon::prelude::*;

use crate::ingest::{AnalysedBatch, IngestObserver, IngestOptions, PipelineError};
use crate::learned::Counted;
use crate::reuse::{Linker, Stored, TextPrints};
use crate::stories::{features_of, Clustered, Stories};

impl Written {
    fn add_clustered(&mut self, clustered: Clustered, started: Instant) {
        self.clustered += clustered.articles;
        self.stories += clustered.stories;
        self.clustering_seconds += started.elapsed().as_secs_f64();
    }
}

/// What the writer did, for the summary.
#[derive(Debug, Default)]
pub(crate) struct Written {
    pub added: u64,
    pub unchanged: u64,
    pub updated: u64,
    pub exact_duplicates: u64,
    pub furniture_removed: u64,
    pub near_duplicates: u64,
    pub passages: u64,
    pub backfilled: u64,
    pub clustered: u64,
    pub stories: u64,
    pub clustering_seconds: f64,
}

/// Stores each batch, then reports the lines of the originals it added (the ones the
/// store counted) back to the analyser.
///
/// Before the first batch, the linker loads every stored signature and fingerprint set
/// and backfills the articles stored before schema v4 (see `reuse.rs`). Each added or
/// updated article is linked after its batch is stored; its signature, pairs,
/// fingerprints and passages are stored in two more transactions.
pub(crate) fn write_batches<S: ArticleStore>(
    store: &Mutex<&mut S>,
    input: Receiver<AnalysedBatch>,
    report: Sender<Vec<Counted>>,
    options: &IngestOptions,
    observer: &dyn IngestObserver,
) -> Result<Written, PipelineError> {
    let mut written = Written::default();
    let mut linker = Linker::load(store, &options.dedup, &options.passages)?;
    let backfilled = linker.backfill(store, options.batch_size.max(1))?;
    written.backfilled = backfilled.articles;
    written.near_duplicates += backfilled.pairs;
    written.passages += backfilled.passages;
    let batch_size = options.batch_size.max(1);
    let started = Instant::now();
    let mut stories = Stories::resume(store, options.stories.clone())?;
    let mut known = HashMap::new();
    written.add_clustered(stories.cluster_pending(store, batch_size, &mut known)?, started);
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
        if !stored.is_empty() {
            let linked = linker.link(store, stored)?;
            written.near_duplicates += linked.pairs;
            written.passages += linked.passages;
            let started = Instant::now();
            let config = &options.stories;
            known = outcomes
                .par_iter()
                .zip(&batch)
                .filter_map(|(outcome, article)| match *outcome {
                    InsertOutcome::Added { id, .. } => Some((id, features_of(id, article, config))),
                    _ => None,
                })
                .collect();
            written.add_clustered(stories.cluster_pending(store, batch_size, &mut known)?, started);
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
