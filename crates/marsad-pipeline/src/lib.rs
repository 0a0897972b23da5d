//! Stage wiring: readers → analysis → store → annotate → dedup (near duplicates, reused
//! passages) → stories.
//!
//! Inputs: paths (files, folders, zips, `-`) for [`ingest`], or records already read for
//! [`ingest_articles`] (what `watch` stores), and an [`ArticleStore`](marsad_store::ArticleStore).
//! Outputs: stored articles, their near-duplicate pairs and reused passages, their
//! annotations (entity mentions, quotes, quantities, dates: `annotations.rs`), their
//! stories with each story's entities, and an
//! [`IngestSummary`] counting what each stage received, emitted and dropped; [`analyze`]
//! gives one article's annotations without a database.
//!
//! Key types: [`IngestOptions`], [`IngestSummary`], [`IngestObserver`], [`Analysis`].
//!
//! Three stages run at once so both cores stay busy: a reader thread parses input
//! into batches, the calling thread analyses each batch in parallel (rayon), and a
//! writer thread stores the previous batch in one transaction, annotates its new
//! articles (in parallel), then links them to everything stored before them
//! (`reuse.rs`); a story thread clusters what was linked (`stories.rs`).
//!
//! ```
//! use marsad_pipeline::{ingest, IngestOptions, NoProgress};
//! use marsad_store::{ArticleStore, SqliteStore};
//!
//! let dir = tempfile::tempdir().unwrap();
//! let input = dir.path().join("a.txt");
//! std::fs::write(&input, "عنوان الخبر هنا\nنص الخبر عن العراق.").unwrap();
//! let mut store = SqliteStore::open(&dir.path().join("m.db")).unwrap();
//! let summary = ingest(&[input.clone()], &mut store, &IngestOptions::default(), &NoProgress).unwrap();
//! assert_eq!(summary.added, 1);
//! let again = ingest(&[input], &mut store, &IngestOptions::default(), &NoProgress).unwrap();
//! assert_eq!((again.added, again.unchanged), (0, 1));
//! ```

mod analysis;
mod annotations;
mod ingest;
mod learned;
mod prepare;
mod reuse;
mod stories;
pub mod watch;
mod write;

pub use analysis::{analyze, Analysis, AnalyzedToken, TextSpan};
pub use annotations::{annotate_article, merge_entities, ANNOTATION_VERSION};
pub use ingest::{
    ingest, ingest_articles, IngestObserver, IngestOptions, IngestSummary, NoProgress,
    PipelineError,
};
pub use learned::{learned_threshold, MIN_LEARNED_ARTICLES, MIN_LEARNED_SHARE};
pub use prepare::{derive_title, final_title, prepare};
pub use prepare::{final_outlet, prepare_learned, SOURCE_CREDITS_KEY};
pub use watch::{
    load_sources, PollOutcome, PollReport, RoundSummary, WatchConfig, WatchError, WatchObserver,
    WatchOptions, WatchSource, Watcher,
};
