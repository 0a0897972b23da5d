//! Helpers shared by the integration tests.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};

use marsad_ingest::{read_inputs, ReadEvent, ReadOptions};
use marsad_model::{RawArticle, ReadProblem};

/// Everything one `read_inputs` call reported.
#[derive(Debug, Default)]
pub struct Events {
    pub articles: Vec<RawArticle>,
    pub problems: Vec<ReadProblem>,
    pub progress: u64,
}

impl Events {
    pub fn article(&self, origin: &str) -> &RawArticle {
        self.articles
            .iter()
            .find(|a| a.origin == origin)
            .unwrap_or_else(|| panic!("no article {origin} in {:#?}", self.origins()))
    }

    pub fn origins(&self) -> Vec<&str> {
        self.articles.iter().map(|a| a.origin.as_str()).collect()
    }

    pub fn reasons(&self) -> Vec<String> {
        self.problems.iter().map(ToString::to_string).collect()
    }
}

pub fn read(paths: &[PathBuf]) -> Events {
    read_with(paths, &ReadOptions::default())
}

pub fn read_with(paths: &[PathBuf], options: &ReadOptions) -> Events {
    let mut events = Events::default();
    read_inputs(paths, options, &mut |event| match event {
        ReadEvent::Article(a) => events.articles.push(a),
        ReadEvent::Problem(p) => events.problems.push(p),
        ReadEvent::Progress { bytes } => events.progress += bytes,
    });
    events
}

pub fn read_one(path: &Path) -> Events {
    read(&[path.to_path_buf()])
}

/// Build a zip in memory: `(name, bytes)`; names ending in `/` are folders.
pub fn zip_bytes(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in members {
        if name.ends_with('/') {
            writer.add_directory(*name, options).unwrap();
        } else {
            writer.start_file(*name, options).unwrap();
            writer.write_all(bytes).unwrap();
        }
    }
    writer.finish().unwrap().into_inner()
}

/// `../shared` (or `$MARSAD_SHARED`) when present; else prints why the test is
/// skipped (panics instead when `MARSAD_REQUIRE_SHARED=1`).
pub fn shared_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("MARSAD_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")));
    if dir.is_dir() {
        return Some(dir);
    }
    if std::env::var("MARSAD_REQUIRE_SHARED").as_deref() == Ok("1") {
        panic!("shared data not found at {} (MARSAD_REQUIRE_SHARED=1)", dir.display());
    }
    println!("skipped: shared data not found at {}", dir.display());
    None
}

/// Some Arabic text of roughly `len` bytes, with lines.
pub fn arabic(len: usize, seed: u32) -> String {
    const WORDS: &[&str] = &[
        "الولايات",
        "المتحدة",
        "العراق",
        "وزير",
        "الدفاع",
        "الأمني",
        "التعاون",
        "داعش",
        "بغداد",
        "واشنطن",
    ];
    let mut out = String::new();
    let mut x = seed.wrapping_mul(2_654_435_761).wrapping_add(1);
    while out.len() < len {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        out.push_str(WORDS[(x % WORDS.len() as u32) as usize]);
        out.push(if x.is_multiple_of(17) { '\n' } else { ' ' });
    }
    out
}

/// xorshift: reproducible pseudo-random mutations for the robustness tests.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}
