//! `marsad ner-clusters`: build the tagger's word clusters from unlabeled articles
//! (any input `ingest` reads) and write the TSV table that ships in
//! `crates/marsad-annotate/models/clusters-v1.tsv`. Only keys and cluster numbers
//! are written, never article text.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use marsad_annotate::entities::{ClusterBuilder, ClusterOptions};
use marsad_ingest::{read_inputs, ReadEvent, ReadOptions};

pub fn run(paths: &[PathBuf], out: &Path, vocab: usize) -> Result<()> {
    let started = Instant::now();
    let mut builder = ClusterBuilder::new();
    let mut problems = 0usize;
    read_inputs(paths, &ReadOptions::default(), &mut |event| match event {
        ReadEvent::Article(article) => builder.add_text(&article.text),
        ReadEvent::Problem(_) => problems += 1,
        ReadEvent::Progress { .. } => {}
    });
    eprintln!(
        "marsad: {} texts, {} word tokens read ({problems} problems) in {:.1}s; clustering",
        builder.texts(),
        builder.tokens(),
        started.elapsed().as_secs_f64()
    );
    let table = builder.build(&ClusterOptions { vocab, ..ClusterOptions::default() });
    std::fs::write(out, &table).with_context(|| format!("writing {}", out.display()))?;
    eprintln!(
        "marsad: {} written ({} bytes, {:.1}s)",
        out.display(),
        table.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
