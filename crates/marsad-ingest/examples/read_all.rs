//! Read inputs (default: the SaudiNewsNet corpus in ../shared) and print how many
//! articles and problems were found and how long it took.
//!
//! ```text
//! cargo run --release -p marsad-ingest --example read_all [PATH...]
//! ```

use std::path::PathBuf;
use std::time::Instant;

use marsad_ingest::{input_size, read_inputs, ReadEvent, ReadOptions};

fn main() {
    let mut paths: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if paths.is_empty() {
        let shared = std::env::var_os("MARSAD_SHARED").map(PathBuf::from).unwrap_or_else(|| {
            PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"))
        });
        paths.push(shared.join("corpora/saudinewsnet"));
    }
    let size = input_size(&paths);
    let start = Instant::now();
    let (mut articles, mut empty, mut problems, mut progress, mut text_bytes) =
        (0u64, 0u64, 0u64, 0u64, 0u64);
    read_inputs(&paths, &ReadOptions::default(), &mut |event| match event {
        ReadEvent::Article(a) => {
            articles += 1;
            empty += u64::from(a.text.is_empty());
            text_bytes += a.text.len() as u64;
        }
        ReadEvent::Problem(p) => {
            problems += 1;
            if problems <= 10 {
                eprintln!("problem: {p}");
            }
        }
        ReadEvent::Progress { bytes } => progress += bytes,
    });
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "{articles} articles ({empty} with empty text, {:.1} MB of text), {problems} problems, \
         {progress}/{size} input bytes, {seconds:.3} s, {:.0} articles/s",
        text_bytes as f64 / 1e6,
        articles as f64 / seconds.max(1e-9)
    );
}
