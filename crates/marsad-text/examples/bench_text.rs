//! Throughput of the text core on a real corpus day.
//!
//! ```text
//! unzip -d /tmp/snn ../shared/corpora/saudinewsnet/2015-07-21.zip
//! cargo run --release -p marsad-text --example bench_text -- /tmp/snn/2015-07-21.json
//! ```
//!
//! The file is a JSON array of objects with a `content` field (SaudiNewsNet
//! layout); any other file is read as plain text. Prints MB/s per function,
//! single-threaded. A second argument runs only the functions whose name
//! contains it (handy under `perf record`).

use std::hint::black_box;
use std::time::{Duration, Instant};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: bench_text FILE.json|FILE.txt");
        std::process::exit(2);
    };
    let raw = std::fs::read_to_string(&path)?;
    let docs: Vec<String> = match serde_json::from_str::<Vec<serde_json::Value>>(&raw) {
        Ok(items) => items
            .iter()
            .filter_map(|v| v.get("content").and_then(|c| c.as_str()).map(str::to_string))
            .collect(),
        Err(_) => vec![raw],
    };
    let bytes: usize = docs.iter().map(String::len).sum();
    println!("{path}: {} documents, {:.1} MB", docs.len(), bytes as f64 / 1e6);

    run("normalize_str", &docs, bytes, |d| black_box(marsad_text::normalize_str(d)).len());
    run("normalize (with map)", &docs, bytes, |d| black_box(marsad_text::normalize(d)).text.len());
    run("tokenize", &docs, bytes, |d| black_box(marsad_text::tokenize(d)).len());
    let mut out = String::new();
    run("index_terms", &docs, bytes, |d| {
        out.clear();
        marsad_text::index_terms(d, &mut out);
        black_box(&out).len()
    });
    run("sentences", &docs, bytes, |d| black_box(marsad_text::sentences(d)).len());
    run("content_hash", &docs, bytes, |d| black_box(marsad_text::content_hash(d)).len());
    Ok(())
}

/// Run `f` over every document until at least a second has passed; print MB/s.
fn run(name: &str, docs: &[String], bytes: usize, mut f: impl FnMut(&str) -> usize) {
    if std::env::args().nth(2).is_some_and(|only| !name.contains(&only)) {
        return;
    }
    let start = Instant::now();
    let mut rounds = 0u32;
    let mut sink = 0usize;
    let mut first = Duration::ZERO;
    while rounds == 0 || start.elapsed() < Duration::from_secs(1) {
        for d in docs {
            sink = sink.wrapping_add(f(d));
        }
        if rounds == 0 {
            first = start.elapsed();
        }
        rounds += 1;
    }
    let secs = start.elapsed().as_secs_f64();
    let mbps = bytes as f64 * f64::from(rounds) / secs / 1e6;
    // The first round is what ingest sees: each text once, caches cold.
    let first_mbps = bytes as f64 / first.as_secs_f64().max(1e-9) / 1e6;
    println!("{name:<22} {mbps:8.1} MB/s  first round {first_mbps:8.1} MB/s  ({rounds} rounds, checksum {sink})");
}
