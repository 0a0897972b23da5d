//! A writer killed with SIGKILL mid-ingest leaves a consistent database, and ingesting
//! the same input again completes it without duplicates.
//!
//! The writer is this test binary again (`crash_writer_child` with `MARSAD_STORE_CRASH_DB`
//! set): it inserts batches, then rewrites every article (updates) round after round,
//! printing a line after each commit, until the parent kills it.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

use marsad_store::{ArticleStore, InsertOutcome, PreparedArticle, SqliteStore};

const CHILD_ENV: &str = "MARSAD_STORE_CRASH_DB";
const ARTICLES: usize = 6000;
const BATCH: usize = 250;

fn data() -> Vec<PreparedArticle> {
    common::synthetic_articles(ARTICLES, 300)
}

#[test]
fn crash_writer_child() {
    let Some(path) = std::env::var_os(CHILD_ENV) else { return };
    let mut data = data();
    let mut store = SqliteStore::open(Path::new(&path)).unwrap();
    for round in 0.. {
        if round > 0 {
            for article in &mut data {
                article.raw.text.push_str(" تحديث");
                article.content_hash = common::content_hash(&article.raw.text);
                article.source_hash = article.content_hash.clone();
                article.body_terms.push_str(" تحديث");
            }
        }
        for (i, batch) in data.chunks(BATCH).enumerate() {
            store.insert_batch(batch).unwrap();
            println!("committed round {round} batch {}", i + 1);
        }
    }
}

/// Start the writer, let it commit `batches` batches of round `round`, then SIGKILL it.
fn kill_writer_after(path: &Path, round: usize, batches: usize) {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "crash_writer_child", "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, path)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let target = format!("committed round {round} batch {batches}");
    let reached = BufReader::new(stdout).lines().map_while(Result::ok).any(|line| line == target);
    // Kill at once: the writer is inside its next transaction.
    child.kill().unwrap();
    let status = child.wait().unwrap();
    assert!(reached, "the writer stopped before {target:?} ({status})");
    assert!(!status.success(), "{status}");
}

fn assert_consistent(path: &Path) -> u64 {
    let store = SqliteStore::open(path).unwrap();
    assert_eq!(store.integrity_check().unwrap(), Vec::<String>::new());
    let conn = rusqlite::Connection::open(path).unwrap();
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    let articles = count("SELECT count(*) FROM articles");
    assert_eq!(count("SELECT count(*) FROM article_fts_docsize"), articles);
    assert_eq!(count("SELECT count(DISTINCT key) FROM articles"), articles);
    store.stats().unwrap().articles
}

#[test]
fn sigkill_mid_ingest_leaves_a_consistent_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crash.db");

    // Killed while adding articles: whole batches are stored, nothing else.
    kill_writer_after(&path, 0, 5);
    let stored = assert_consistent(&path);
    assert!(stored >= 5 * BATCH as u64, "{stored}");
    assert_eq!(stored % BATCH as u64, 0, "a batch was stored in part");

    // Restarted and killed again while updating every article.
    kill_writer_after(&path, 1, 3);
    assert_eq!(assert_consistent(&path), ARTICLES as u64);

    // The original input once more: every article is there exactly once.
    let data = data();
    let mut store = SqliteStore::open(&path).unwrap();
    let mut updated = 0;
    for batch in data.chunks(BATCH) {
        for outcome in store.insert_batch(batch).unwrap() {
            match outcome {
                InsertOutcome::Added { .. } => panic!("all were stored before"),
                InsertOutcome::Updated { .. } => updated += 1,
                InsertOutcome::Unchanged { .. } => {}
            }
        }
    }
    assert!(updated >= 3 * BATCH, "{updated}");
    drop(store);
    assert_eq!(assert_consistent(&path), ARTICLES as u64);
    let store = SqliteStore::open_read_only(&path).unwrap();
    for i in [0, 1, 777, ARTICLES - 1] {
        let hits = store.search(&[i.to_string()], 10).unwrap();
        let urls: Vec<_> = hits.iter().map(|h| h.article.url.as_str()).collect();
        assert_eq!(urls, [format!("https://synthetic.example/{i}")]);
        assert!(!hits[0].article.text.ends_with("تحديث"));
    }
}
