//! Speed of the quote, quantity and date annotators together, single-threaded,
//! over SaudiNewsNet article texts (issue 7 bar: ≥ 5 MB of text per second per core).
//!
//! ```text
//! cargo run --release -p marsad-annotate --example annotate_speed -- \
//!     ../shared/corpora/saudinewsnet/*.zip
//! ```
//!
//! Reads `.zip` files of JSON arrays (field `content`, and `date_extracted` as
//! the publication date), loads every text first, then times `annotate` alone
//! and prints MB/s with the counts of what it found.

use std::io::Read;
use std::time::Instant;

use anyhow::Context;
use chrono::NaiveDate;

#[derive(serde::Deserialize)]
struct Record {
    #[serde(default)]
    content: Option<String>,
    #[serde(default)]
    date_extracted: Option<String>,
}

fn read(path: &str, out: &mut Vec<(String, Option<NaiveDate>)>) -> anyhow::Result<()> {
    let mut push = |bytes: &[u8]| -> anyhow::Result<()> {
        let items: Vec<Record> = serde_json::from_slice(bytes)?;
        for item in items {
            let content = item.content.unwrap_or_default();
            if content.trim().is_empty() {
                continue;
            }
            let date = item
                .date_extracted
                .as_deref()
                .and_then(|d| NaiveDate::parse_from_str(d.get(..10)?, "%Y-%m-%d").ok());
            out.push((content, date));
        }
        Ok(())
    };
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
    Ok(())
}

fn main() -> anyhow::Result<()> {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        anyhow::bail!("usage: annotate_speed FILE.zip...");
    }
    let mut articles = Vec::new();
    for path in &paths {
        read(path, &mut articles)?;
    }
    let bytes: usize = articles.iter().map(|(t, _)| t.len()).sum();
    // Warm the lexicons once.
    let _ = marsad_annotate::annotate("قال الوزير إن 5 آلاف جندي وصلوا أمس", None, &[]);
    let start = Instant::now();
    let (mut quotes, mut quantities, mut dates) = (0usize, 0usize, 0usize);
    for (text, date) in &articles {
        let a = marsad_annotate::annotate(text, *date, &[]);
        quotes += a.quotes.len();
        quantities += a.quantities.len();
        dates += a.dates.len();
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = bytes as f64 / 1e6;
    println!(
        "articles: {}  text: {:.1} MB  time: {:.2} s  speed: {:.1} MB/s (1 thread; bar >= 5 MB/s)",
        articles.len(),
        mb,
        secs,
        mb / secs
    );
    println!("found: {quotes} quotes, {quantities} quantities, {dates} dates");
    Ok(())
}
