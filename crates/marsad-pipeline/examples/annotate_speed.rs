//! Single-core speed of the annotation ingest runs on every added article
//! (`marsad_pipeline::annotate_article`: entity tagger, linking and roles, then quotes,
//! quantities and dates), over the articles of a database, on this thread only.
//!
//! ```text
//! cargo run --release -p marsad-pipeline --example annotate_speed -- DB [LIMIT]
//! ```
//!
//! Prints articles, tokens (marsad-text tokens) and bytes per second of CPU time on one
//! thread, and how many mentions, quotes, quantities and dates were found.

use std::path::PathBuf;
use std::time::Instant;

use marsad_store::{ArticleFilter, ArticleStore, SqliteStore};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let db = PathBuf::from(args.next().ok_or("usage: annotate_speed DB [LIMIT]")?);
    let limit: Option<usize> = args.next().map(|l| l.parse()).transpose()?;
    let store = SqliteStore::open_read_only(&db)?;
    let articles = store.articles(&ArticleFilter { outlet: None, limit })?;
    let tokens: usize = articles.iter().map(|a| marsad_text::tokenize(&a.text).len()).sum();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    // Load the model before timing (ingest loads it once per process).
    marsad_annotate::entities::NerModel::shipped()?;
    let started = Instant::now();
    let mut found = [0usize; 4];
    for a in &articles {
        let annotations = marsad_pipeline::annotate_article(a.id, &a.text, a.published.as_ref());
        found[0] += annotations.mentions.len();
        found[1] += annotations.quotes.len();
        found[2] += annotations.quantities.len();
        found[3] += annotations.dates.len();
    }
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "annotate_article, 1 thread: {} articles, {tokens} tokens, {:.1} MB in {seconds:.2} s = \
         {:.0} articles/s, {:.0} tokens/s, {:.2} MB/s",
        articles.len(),
        bytes as f64 / 1e6,
        articles.len() as f64 / seconds,
        tokens as f64 / seconds,
        bytes as f64 / 1e6 / seconds
    );
    println!(
        "found: {} entity mentions, {} quotes, {} quantities, {} dates",
        found[0], found[1], found[2], found[3]
    );
    Ok(())
}
