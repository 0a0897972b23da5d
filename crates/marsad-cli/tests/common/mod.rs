//! Helpers for running the real `marsad` binary in tests.
#![allow(dead_code, clippy::expect_used, clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn marsad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_marsad"))
}

/// Run `marsad --db DB ARGS...`.
pub fn run(db: &Path, args: &[&str]) -> Output {
    marsad().arg("--db").arg(db).args(args).output().expect("marsad runs")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Parse the single JSON object a `--json` summary command prints.
pub fn json(output: &Output) -> serde_json::Value {
    assert!(output.status.success(), "marsad failed: {}", stderr(output));
    serde_json::from_str(stdout(output).trim()).expect("one JSON object")
}

/// Parse JSON Lines output.
pub fn json_lines(output: &Output) -> Vec<serde_json::Value> {
    assert!(output.status.success(), "marsad failed: {}", stderr(output));
    stdout(output).lines().map(|line| serde_json::from_str(line).expect("a JSON line")).collect()
}

pub fn repo_root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

pub fn seeds() -> PathBuf {
    repo_root().join("examples/seeds")
}

/// The shared corpora (../shared beside the repository, or $MARSAD_SHARED).
/// None — with a note — when absent, unless MARSAD_REQUIRE_SHARED=1 (CI), where absence fails.
pub fn shared() -> Option<PathBuf> {
    let path = std::env::var_os("MARSAD_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("../shared"));
    if path.join("corpora/saudinewsnet").is_dir() {
        return Some(path);
    }
    if std::env::var("MARSAD_REQUIRE_SHARED").as_deref() == Ok("1") {
        panic!("shared data not found at {} (MARSAD_REQUIRE_SHARED=1)", path.display());
    }
    eprintln!("skipped: shared data not found at {}", path.display());
    None
}

/// The 18 SaudiNewsNet daily zips, in date order.
pub fn saudinewsnet_zips(shared: &Path) -> Vec<PathBuf> {
    let mut zips: Vec<PathBuf> = std::fs::read_dir(shared.join("corpora/saudinewsnet"))
        .expect("corpus folder")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "zip"))
        .collect();
    zips.sort();
    zips
}

/// The whole SaudiNewsNet corpus ingested once per test binary (None when ../shared is absent):
/// the temporary folder, the database and the ingest summary.
pub fn saudinewsnet_db() -> Option<&'static (tempfile::TempDir, PathBuf, serde_json::Value)> {
    static DB: std::sync::OnceLock<Option<(tempfile::TempDir, PathBuf, serde_json::Value)>> =
        std::sync::OnceLock::new();
    DB.get_or_init(|| {
        let shared = shared()?;
        let dir = tempfile::tempdir().expect("temporary folder");
        let db = dir.path().join("snn.db");
        let mut args = vec!["ingest".to_owned(), "--json".to_owned()];
        args.extend(saudinewsnet_zips(&shared).iter().map(|p| p.display().to_string()));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let summary = json(&run(&db, &args));
        Some((dir, db, summary))
    })
    .as_ref()
}
