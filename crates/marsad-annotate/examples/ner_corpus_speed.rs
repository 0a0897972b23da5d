//! Single-threaded speed of `annotate_entities` over real news articles, model loading
//! excluded: the first N article texts of SaudiNewsNet zips (N = 2,000 unless given),
//! loaded first, annotated once after the next N articles warmed the tagger's word-type
//! cache (as in a long ingest), and once on a fresh thread (cold cache).
//!
//! ```text
//! cargo run --release -p marsad-annotate --example ner_corpus_speed -- \
//!     [--articles N] ../shared/corpora/saudinewsnet/2015-07-21.zip ...
//! ```

use std::io::Read;
use std::time::Instant;

use anyhow::Context;
use marsad_annotate::entities::{annotate_entities_with, NerModel};

#[derive(serde::Deserialize)]
struct Record {
    #[serde(default)]
    content: Option<String>,
}

/// Append the non-empty article texts of one zip of JSON arrays, up to `limit` in all.
fn read(path: &str, limit: usize, out: &mut Vec<String>) -> anyhow::Result<()> {
    let file = std::fs::File::open(path).with_context(|| format!("opening {path}"))?;
    let mut zip = zip::ZipArchive::new(file).with_context(|| format!("reading {path}"))?;
    for i in 0..zip.len() {
        let mut member = zip.by_index(i)?;
        if !member.name().ends_with(".json") {
            continue;
        }
        let mut bytes = Vec::new();
        member.read_to_end(&mut bytes)?;
        let items: Vec<Record> =
            serde_json::from_slice(&bytes).with_context(|| format!("{path}: {}", member.name()))?;
        for content in items.into_iter().filter_map(|r| r.content) {
            if out.len() >= limit {
                return Ok(());
            }
            if !content.trim().is_empty() {
                out.push(content);
            }
        }
    }
    Ok(())
}

/// Annotate every text once; returns (seconds, mentions).
fn run(model: &NerModel, texts: &[String]) -> (f64, usize) {
    let start = Instant::now();
    let mentions = texts.iter().map(|t| annotate_entities_with(model, t).len()).sum();
    (start.elapsed().as_secs_f64(), mentions)
}

fn main() -> anyhow::Result<()> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut limit = 2_000;
    if args.first().map(String::as_str) == Some("--articles") {
        limit = args.get(1).context("--articles needs a number")?.parse()?;
        args.drain(..2);
    }
    if args.is_empty() {
        anyhow::bail!("usage: ner_corpus_speed [--articles N] FILE.zip...");
    }
    let mut articles = Vec::new();
    for path in &args {
        read(path, 2 * limit, &mut articles)?;
    }
    // The first N articles are timed; the next N only warm the tagger's word-type
    // cache, as the articles before them would in a long ingest.
    let warm = articles.split_off(limit.min(articles.len()));
    let model = NerModel::shipped()?;
    // The tokenizer and sentence splitter alone: the floor `annotate_entities` stands on.
    let start = Instant::now();
    let mut tokens = 0;
    let mut sentences = 0;
    for text in &articles {
        tokens += marsad_text::tokenize(text).len();
        sentences += marsad_text::sentences(text).len();
    }
    let floor = start.elapsed().as_secs_f64();
    let bytes: usize = articles.iter().map(String::len).sum();
    // Cold: a fresh thread, so an empty cache.
    let (cold, _) = std::thread::scope(|s| s.spawn(|| run(model, &articles)).join())
        .map_err(|_| anyhow::anyhow!("the tagging thread panicked"))?;
    run(model, &warm);
    let (secs, mentions) = run(model, &articles);
    println!(
        "annotate_entities (corpus, 1 thread): {} articles, {tokens} tokens, {:.1} MB in {secs:.3} s = {:.0} tokens/s, {:.0} articles/s ({mentions} mentions)",
        articles.len(),
        bytes as f64 / 1e6,
        tokens as f64 / secs,
        articles.len() as f64 / secs
    );
    println!(
        "  cold cache (new thread, first articles seen): {cold:.3} s = {:.0} tokens/s",
        tokens as f64 / cold
    );
    println!(
        "  tokenize + sentences alone ({sentences} sentences): {floor:.3} s = {:.0} tokens/s",
        tokens as f64 / floor
    );
    Ok(())
}
