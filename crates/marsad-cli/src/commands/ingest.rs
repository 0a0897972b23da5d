use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use marsad_pipeline::{IngestOptions, IngestSummary};
use marsad_store::SqliteStore;

use crate::progress::Progress;

pub fn run(db: &Path, paths: &[PathBuf], json: bool, options: &IngestOptions) -> Result<()> {
    let summary = ingest_into(db, paths, options)?;
    if json {
        super::print_json_line(&summary)
    } else {
        print_summary(&summary)
    }
}

pub fn ingest_into(db: &Path, paths: &[PathBuf], options: &IngestOptions) -> Result<IngestSummary> {
    let mut store = SqliteStore::open(db).with_context(|| format!("opening {}", db.display()))?;
    // Passage alignment re-reads stored articles all over the file; through a memory
    // map every page read would stay resident (+200 MB on the whole SaudiNewsNet corpus).
    store.set_mmap_size(0).with_context(|| format!("configuring {}", db.display()))?;
    let progress = Progress::for_stderr();
    let summary = marsad_pipeline::ingest(paths, &mut store, options, &progress);
    progress.finish();
    let summary = summary.with_context(|| format!("storing into {}", db.display()))?;
    if summary.added + summary.updated > 0 {
        // Merge the index segments this ingest wrote so searches stay fast.
        store.optimize().with_context(|| format!("optimizing {}", db.display()))?;
    }
    Ok(summary)
}

pub fn print_summary(summary: &IngestSummary) -> Result<()> {
    let rate = summary.read as f64 / summary.seconds.max(1e-9);
    say!(
        "read {} articles in {:.2}s ({rate:.0}/s): {} added, {} unchanged, {} updated, {} skipped, \
         {} exact duplicates flagged, furniture removed from {}, {} near-duplicate pairs, \
         {} reused passages, {} articles annotated, {} articles clustered into {} new stories, \
         {} errors",
        summary.read,
        summary.seconds,
        summary.added,
        summary.unchanged,
        summary.updated,
        summary.skipped,
        summary.exact_duplicates,
        summary.furniture_removed,
        summary.near_duplicates,
        summary.passages,
        summary.annotated,
        summary.clustered,
        summary.stories,
        summary.errors.len()
    );
    if summary.skipped_records.is_empty() {
        return Ok(());
    }
    let mut reasons: std::collections::BTreeMap<&str, usize> = Default::default();
    for skipped in &summary.skipped_records {
        let reason = skipped.reason.split(" (").next().unwrap_or(&skipped.reason);
        *reasons.entry(reason).or_default() += 1;
    }
    for (reason, count) in reasons {
        say!("  skipped {count}: {reason}");
    }
    for skipped in summary.skipped_records.iter().take(3) {
        say!("    e.g. {skipped}");
    }
    Ok(())
}
