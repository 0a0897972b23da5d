//! Insert throughput of the SQLite store on real articles.
//!
//! ```text
//! cargo run --release -p marsad-store --example bench_insert -- \
//!     ../shared/corpora/saudinewsnet [--db /tmp/bench.db] [--batch 1000] [--twice]
//! ```
//!
//! Reads every `*.zip` in the folder (each one JSON array of SaudiNewsNet records:
//! source, url, date_extracted, title, author, content), prepares the articles with
//! stand-in analysis (terms = whitespace-separated words stripped to letters and digits,
//! normalized = the text, content hash = a 64-bit hash, line hashes = 128-bit-long hex
//! hashes of the lines of 2+ words and at most 200 chars), then times `insert_batch` over
//! a new database, and `optimize()`. `--twice` inserts everything a second time (all
//! `Unchanged`). Analysis is not timed: it belongs to marsad-text.
//!
//! Tuning knobs (environment), used to choose the schema's settings:
//! - `BENCH_SCHEMA_REPLACE="from=>to;from2=>to2"`: create the database from the v1
//!   migration with these text replacements (e.g. `detail = full=>detail = column`);
//! - `BENCH_FTS_CONFIG="hashsize=8388608,automerge=8"`: FTS5 configuration options;
//! - `BENCH_PRAGMAS="wal_autocheckpoint=1000,page_size=4096"`: pragmas set before the
//!   schema is created.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::{NaiveDateTime, TimeZone, Utc};
use marsad_model::RawArticle;
use marsad_store::{ArticleStore, InsertOutcome, PreparedArticle, SqliteStore};

type BoxError = Box<dyn std::error::Error>;

fn main() -> Result<(), BoxError> {
    let mut args = std::env::args().skip(1);
    let mut dir = None;
    let mut db = None;
    let mut batch_size = 1000usize;
    let mut twice = false;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--db" => db = args.next().map(PathBuf::from),
            "--batch" => batch_size = args.next().ok_or("--batch N")?.parse()?,
            "--twice" => twice = true,
            _ => dir = Some(PathBuf::from(arg)),
        }
    }
    let dir = dir.ok_or("usage: bench_insert DIR [--db PATH] [--batch N] [--twice]")?;
    let db = db.unwrap_or_else(|| std::env::temp_dir().join("marsad-bench-insert.db"));
    for suffix in ["", "-wal", "-shm"] {
        let mut name = db.clone().into_os_string();
        name.push(suffix);
        let _ = std::fs::remove_file(name);
    }

    let started = Instant::now();
    let articles = read_corpus(&dir)?;
    let bytes: usize = articles.iter().map(|a| a.raw.text.len()).sum();
    println!(
        "read and prepared {} articles ({} MB of text) in {:.2?}",
        articles.len(),
        bytes / 1_000_000,
        started.elapsed()
    );

    prepare_database(&db)?;
    let mut store = SqliteStore::open(&db)?;
    println!(
        "SQLite {}, batch {batch_size}, database {}",
        marsad_store::sqlite_version(),
        db.display()
    );
    let (added, copies) = timed_insert(&mut store, &articles, batch_size, "insert")?;
    println!("  added {added}, of which exact copies {copies}");
    if twice {
        timed_insert(&mut store, &articles, batch_size, "re-insert (all unchanged)")?;
    }
    let started = Instant::now();
    store.optimize()?;
    println!("optimize: {:.2?}", started.elapsed());
    let size = std::fs::metadata(&db)?.len();
    println!("database size: {} MB", size / 1_000_000);
    for query in [&["السعودية", "الرياض"][..], &["في"], &["داعش", "تفجير", "مسجد"]]
    {
        let terms: Vec<String> = query.iter().map(|t| (*t).to_owned()).collect();
        let started = Instant::now();
        let hits = store.search(&terms, 20)?;
        println!("search {query:?}: {:.2?}, {} hits", started.elapsed(), hits.len());
    }
    Ok(())
}

/// Apply the `BENCH_*` knobs to a new database before the store opens it.
fn prepare_database(db: &Path) -> Result<(), BoxError> {
    let replace = std::env::var("BENCH_SCHEMA_REPLACE").unwrap_or_default();
    let config = std::env::var("BENCH_FTS_CONFIG").unwrap_or_default();
    let pragmas = std::env::var("BENCH_PRAGMAS").unwrap_or_default();
    if replace.is_empty() && config.is_empty() && pragmas.is_empty() {
        return Ok(());
    }
    let conn = rusqlite::Connection::open(db)?;
    conn.pragma_update(None, "page_size", marsad_store::schema::PAGE_SIZE)?;
    for pragma in pragmas.split(',').filter(|p| !p.is_empty()) {
        println!("PRAGMA {pragma}");
        conn.execute_batch(&format!("PRAGMA {pragma}"))?;
    }
    conn.execute_batch("PRAGMA journal_mode = WAL")?;
    let mut sql = marsad_store::schema::MIGRATIONS[0].sql.to_owned();
    for pair in replace.split(';').filter(|p| !p.is_empty()) {
        let (from, to) = pair.split_once("=>").ok_or("BENCH_SCHEMA_REPLACE: from=>to")?;
        if !sql.contains(from) {
            return Err(format!("schema has no {from:?}").into());
        }
        println!("schema: {from:?} -> {to:?}");
        sql = sql.replace(from, to);
    }
    conn.execute_batch(&sql)?;
    for option in config.split(',').filter(|o| !o.is_empty()) {
        let (key, value) = option.split_once('=').ok_or("BENCH_FTS_CONFIG: key=value")?;
        println!("fts5 {key} = {value}");
        conn.execute(
            "INSERT INTO article_fts(article_fts, rank) VALUES(?1, ?2)",
            rusqlite::params![key, value.parse::<i64>()?],
        )?;
    }
    conn.pragma_update(None, "user_version", marsad_store::SCHEMA_VERSION)?;
    Ok(())
}

fn timed_insert(
    store: &mut SqliteStore,
    articles: &[PreparedArticle],
    batch_size: usize,
    label: &str,
) -> Result<(usize, usize), BoxError> {
    let started = Instant::now();
    let cpu_started = cpu_seconds();
    let (mut added, mut copies) = (0, 0);
    for batch in articles.chunks(batch_size.max(1)) {
        for outcome in store.insert_batch(batch)? {
            if let InsertOutcome::Added { duplicate_of, .. } = outcome {
                added += 1;
                copies += usize::from(duplicate_of.is_some());
            }
        }
    }
    let elapsed = started.elapsed();
    let cpu = cpu_seconds() - cpu_started;
    println!(
        "{label}: {} articles in {:.2?} = {:.0} articles/s (CPU {cpu:.2} s = {:.0} articles/CPU-s)",
        articles.len(),
        elapsed,
        articles.len() as f64 / elapsed.as_secs_f64(),
        articles.len() as f64 / cpu
    );
    Ok((added, copies))
}

/// User + system CPU time of this process (Linux `/proc/self/stat`, 100 ticks/s); 0 elsewhere.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}

#[derive(serde::Deserialize)]
struct Record {
    source: Option<String>,
    url: Option<String>,
    date_extracted: Option<String>,
    title: Option<String>,
    author: Option<String>,
    #[serde(default)]
    content: String,
}

fn read_corpus(dir: &Path) -> Result<Vec<PreparedArticle>, BoxError> {
    let mut zips: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "zip"))
        .collect();
    zips.sort();
    let mut articles = Vec::new();
    for zip_path in zips {
        let mut archive = zip::ZipArchive::new(std::fs::File::open(&zip_path)?)?;
        for i in 0..archive.len() {
            let mut member = archive.by_index(i)?;
            let mut json = String::new();
            member.read_to_string(&mut json)?;
            let records: Vec<Record> = serde_json::from_str(&json)?;
            for (n, record) in records.into_iter().enumerate() {
                let origin = format!("{}!/{}#{}", zip_path.display(), member.name(), n + 1);
                articles.push(prepare(origin, record));
            }
        }
    }
    Ok(articles)
}

fn prepare(origin: String, record: Record) -> PreparedArticle {
    let published = record
        .date_extracted
        .as_deref()
        .and_then(|d| NaiveDateTime::parse_from_str(d, "%Y-%m-%d %H:%M:%S").ok())
        .map(|naive| Utc.from_utc_datetime(&naive).fixed_offset());
    let title = record.title.clone().unwrap_or_default();
    let mut hasher = DefaultHasher::new();
    record.content.hash(&mut hasher);
    let raw = RawArticle {
        origin,
        url: record.url,
        title: record.title,
        text: record.content,
        outlet: record.source,
        published,
        author: record.author,
        metadata: Default::default(),
    };
    PreparedArticle {
        title_terms: terms(&title),
        body_terms: terms(&raw.text),
        title,
        outlet: raw.outlet.clone().unwrap_or_else(|| "unknown".into()),
        normalized: raw.text.clone(),
        content_hash: format!("{:016x}", hasher.finish()),
        source_hash: format!("{:016x}", hasher.finish()),
        furniture: Vec::new(),
        line_hashes: line_hashes(&raw.text),
        raw,
    }
}

/// Stand-in for marsad_text::furniture::line_hashes: as many lines, as long hashes.
fn line_hashes(text: &str) -> Vec<String> {
    let mut hashes: Vec<String> = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.split_whitespace().count() < 2 || line.chars().count() > 200 {
            continue;
        }
        let mut hasher = DefaultHasher::new();
        line.hash(&mut hasher);
        let h = hasher.finish();
        let hash = format!("{h:016x}{:016x}", h.rotate_left(17));
        if !hashes.contains(&hash) {
            hashes.push(hash);
        }
    }
    hashes
}

/// Stand-in for marsad_text::index_terms: words reduced to their letters and digits.
fn terms(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        let word: String = word.chars().filter(|c| c.is_alphanumeric()).collect();
        if !word.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&word);
        }
    }
    out
}
