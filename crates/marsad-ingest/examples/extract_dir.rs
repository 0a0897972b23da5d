//! Extract every `.html`/`.htm` page of a folder, on all cores: the benchmark
//! driver of `bench/extract.sh`.
//!
//! ```text
//! cargo run --release -p marsad-ingest --example extract_dir -- IN_DIR OUT_DIR [THREADS]
//! ```
//!
//! Writes `OUT_DIR/<stem>.txt` (paragraphs separated by blank lines; empty when
//! the page could not be extracted) and `OUT_DIR/<stem>.json` (the metadata:
//! `Extracted::metadata`),
//! then prints one JSON line: `{"pages", "failed", "threads", "seconds",
//! "ms_per_page"}`, where `seconds` covers reading, extracting and writing.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(input), Some(output)) = (args.first(), args.get(1)) else {
        eprintln!("usage: extract_dir IN_DIR OUT_DIR [THREADS]");
        std::process::exit(2);
    };
    let threads = args
        .get(2)
        .and_then(|t| t.parse().ok())
        .or_else(|| std::thread::available_parallelism().ok().map(usize::from))
        .unwrap_or(1)
        .max(1);
    let pages = match list_pages(Path::new(input)) {
        Ok(pages) => pages,
        Err(e) => {
            eprintln!("{input}: {e}");
            std::process::exit(1);
        }
    };
    let output = Path::new(output);
    if let Err(e) = std::fs::create_dir_all(output) {
        eprintln!("{}: {e}", output.display());
        std::process::exit(1);
    }
    let start = Instant::now();
    let next = AtomicUsize::new(0);
    let failed = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                while let Some(page) = pages.get(next.fetch_add(1, Ordering::Relaxed)) {
                    if let Err(e) = extract_one(page, output) {
                        eprintln!("{}: {e}", page.display());
                        failed.fetch_add(1, Ordering::Relaxed);
                    }
                }
            });
        }
    });
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "{{\"pages\": {}, \"failed\": {}, \"threads\": {threads}, \"seconds\": {seconds:.3}, \"ms_per_page\": {:.2}}}",
        pages.len(),
        failed.load(Ordering::Relaxed),
        seconds * 1000.0 / pages.len().max(1) as f64
    );
}

fn list_pages(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut pages = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let html = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
        if html && path.is_file() {
            pages.push(path);
        }
    }
    pages.sort();
    Ok(pages)
}

fn extract_one(page: &Path, output: &Path) -> Result<(), String> {
    let stem = page.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let txt = output.join(format!("{stem}.txt"));
    match marsad_ingest::extract_file(page) {
        Ok(extracted) => {
            let json =
                serde_json::to_string_pretty(&extracted.metadata()).map_err(|e| e.to_string())?;
            std::fs::write(&txt, extracted.paragraphs_text()).map_err(|e| e.to_string())?;
            std::fs::write(output.join(format!("{stem}.json")), json).map_err(|e| e.to_string())
        }
        Err(e) => {
            let _ = std::fs::write(&txt, "");
            Err(e.to_string())
        }
    }
}
