//! Shared helpers for the marsad-cluster tests: the seeds, the shared corpora
//! (found as `crates/marsad-cli/tests/common` finds them), and a zip reader.
#![allow(dead_code, clippy::expect_used, clippy::unwrap_used)]

use std::io::Read;
use std::path::{Path, PathBuf};

use marsad_cluster::ArticleInput;

pub fn repo_root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// The five seed articles (`examples/seeds`) as ingest reads them (title
/// from the first headline-like line, outlet from the folder), in name order.
pub fn seeds() -> Vec<marsad_model::RawArticle> {
    let mut out = Vec::new();
    let paths = [repo_root().join("examples/seeds")];
    marsad_ingest::read_inputs(&paths, &marsad_ingest::ReadOptions::default(), &mut |event| {
        if let marsad_ingest::ReadEvent::Article(a) = event {
            out.push(a);
        }
    });
    out.sort_by(|a, b| a.origin.cmp(&b.origin));
    out
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

/// One corpus article: its url and what the clusterer takes (id = position).
#[derive(Debug, Clone)]
pub struct Doc {
    pub url: String,
    pub input: ArticleInput,
}

#[derive(serde::Deserialize)]
struct Record {
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    date_extracted: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    content: Option<String>,
}

/// Read the zips in order (empty content skipped, as ingest does); ids
/// continue from `docs.len()`.
pub fn read_zip(path: &Path, docs: &mut Vec<Doc>) {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).expect("zip")).expect("zip");
    for i in 0..zip.len() {
        let mut member = zip.by_index(i).expect("member");
        if !member.name().ends_with(".json") {
            continue;
        }
        let mut bytes = Vec::new();
        member.read_to_end(&mut bytes).expect("member bytes");
        let records: Vec<Record> = serde_json::from_slice(&bytes).expect("JSON array");
        for r in records {
            let text = r.content.unwrap_or_default();
            if text.trim().is_empty() {
                continue;
            }
            let published = r.date_extracted.as_deref().and_then(|d| {
                chrono::NaiveDateTime::parse_from_str(d.trim(), "%Y-%m-%d %H:%M:%S").ok()
            });
            let mut input = ArticleInput::new(
                docs.len() as i64,
                published.map(|t| t.and_utc().timestamp()),
                r.title.unwrap_or_default(),
                text,
            );
            input.outlet = r.source;
            docs.push(Doc { url: r.url.unwrap_or_default(), input });
        }
    }
}
