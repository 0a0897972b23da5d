//! Near-duplicate detection over a whole corpus, without the database.
//!
//! ```text
//! cargo run --release -p marsad-dedup --example dedup_corpus -- \
//!     ../shared/corpora/saudinewsnet/*.zip > pairs.jsonl
//! ```
//!
//! Reads `.zip` files of JSON arrays (or plain `.json` arrays), skips empty
//! content, and prints one JSON line per pair:
//! `{"a": url, "b": url, "similarity": x, "kind": "near"|"exact"}` with `a < b`.
//! Timings go to stderr.

use std::io::{BufWriter, Read, Write};
use std::time::Instant;

use anyhow::Context;
use marsad_dedup::{DedupConfig, DedupIndex, MinHasher, Signature};

#[derive(serde::Deserialize)]
struct Record {
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    content: Option<String>,
}

/// One article: its url and signature (`None` when shorter than one shingle).
type Sigs = Vec<(String, Option<Signature>)>;

fn read_articles(path: &str, hasher: &MinHasher, out: &mut Sigs) -> anyhow::Result<()> {
    let mut push = |bytes: &[u8]| -> anyhow::Result<()> {
        let items: Vec<Record> = serde_json::from_slice(bytes)?;
        for item in items {
            let content = item.content.unwrap_or_default();
            if content.trim().is_empty() {
                continue;
            }
            let sig = hasher.signature(&content);
            out.push((item.url.unwrap_or_default(), sig));
        }
        Ok(())
    };
    if path.ends_with(".zip") {
        let file = std::fs::File::open(path).with_context(|| format!("opening {path}"))?;
        let mut zip = zip::ZipArchive::new(file).with_context(|| format!("reading {path}"))?;
        for i in 0..zip.len() {
            let mut member = zip.by_index(i)?;
            if !member.name().ends_with(".json") {
                continue;
            }
            let mut bytes = Vec::new();
            member.read_to_end(&mut bytes)?;
            push(&bytes).with_context(|| format!("{path}: {}", member.name()))?;
        }
    } else {
        let bytes = std::fs::read(path).with_context(|| format!("reading {path}"))?;
        push(&bytes).with_context(|| path.to_string())?;
    }
    Ok(())
}

fn main() -> anyhow::Result<()> {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        anyhow::bail!("usage: dedup_corpus FILE.zip|FILE.json...");
    }
    let start = Instant::now();
    let config = DedupConfig::default();
    let hasher = MinHasher::new(&config)?;
    // Read and sign the files on all cores while this thread inserts them
    // into the index in input order.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut index = DedupIndex::new(config)?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut urls: Vec<String> = Vec::new();
    let mut pairs = 0usize;
    std::thread::scope(|s| -> anyhow::Result<()> {
        let (tx, rx) = std::sync::mpsc::channel::<(usize, anyhow::Result<Sigs>)>();
        for t in 0..threads {
            let (hasher, paths, tx) = (&hasher, &paths, tx.clone());
            s.spawn(move || {
                for (i, p) in paths.iter().enumerate().skip(t).step_by(threads) {
                    let mut sigs = Vec::new();
                    let r = read_articles(p, hasher, &mut sigs).map(|()| sigs);
                    if tx.send((i, r)).is_err() {
                        return;
                    }
                }
            });
        }
        drop(tx);
        let mut pending = std::collections::BTreeMap::new();
        let mut next = 0usize;
        for (i, r) in rx {
            pending.insert(i, r?);
            while let Some(file) = pending.remove(&next) {
                next += 1;
                for (url, sig) in file {
                    let id = urls.len();
                    urls.push(url);
                    let Some(sig) = sig else { continue };
                    for m in index.insert(id as u64, sig)? {
                        let (x, y) = (&urls[m.other as usize], &urls[id]);
                        let (a, b) = if x <= y { (x, y) } else { (y, x) };
                        let line = serde_json::json!({"a": a, "b": b, "similarity": m.similarity, "kind": m.kind.as_str()});
                        writeln!(out, "{line}")?;
                        pairs += 1;
                    }
                }
            }
        }
        Ok(())
    })?;
    out.flush()?;
    eprintln!("{} articles, {pairs} pairs, {:.2}s", urls.len(), start.elapsed().as_secs_f64());
    Ok(())
}
