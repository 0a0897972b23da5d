//! Damaged input of every kind: reading must never panic, and must report
//! every damaged file it gets no article from.

#![allow(clippy::unwrap_used)]

mod common;

use std::fs;

use common::{arabic, read_with, zip_bytes, Rng};
use marsad_ingest::{read_stream, ReadOptions};

fn samples() -> Vec<(&'static str, Vec<u8>)> {
    let story = format!("عنوان الخبر المهم اليوم\n{}", arabic(3000, 7));
    let json = serde_json::to_vec(&serde_json::json!([
        {"title": "أ", "content": arabic(800, 1), "url": "http://a.com/1", "date": "2015-07-21 02:51:32"},
        {"title": "ب", "content": arabic(800, 2)}
    ]))
    .unwrap();
    let jsonl = format!(
        "{{\"content\": \"{}\"}}\n{{\"content\": \"{}\"}}\n",
        arabic(500, 3),
        arabic(500, 4)
    );
    let html = format!(
        "<html><head><title>عنوان</title></head><body><div><p>{}</p></div></body></html>",
        arabic(800, 5)
    );
    let inner = zip_bytes(&[("x.txt", story.as_bytes())]);
    let zip = zip_bytes(&[
        ("a.json", &json),
        ("b/c.jsonl", jsonl.as_bytes()),
        ("d.txt", story.as_bytes()),
        ("e.html", html.as_bytes()),
        ("f.zip", &inner),
    ]);
    vec![
        ("s.zip", zip),
        ("s.json", json),
        ("s.jsonl", jsonl.into_bytes()),
        ("s.html", html.into_bytes()),
        ("s.txt", story.into_bytes()),
    ]
}

#[test]
fn mutated_files_never_panic() {
    let dir = tempfile::tempdir().unwrap();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let options = ReadOptions { max_record_bytes: 1 << 20, max_file_bytes: 4 << 20 };
    let mut paths = Vec::new();
    for (name, bytes) in samples() {
        for round in 0..60 {
            let mut bytes = bytes.clone();
            match round % 3 {
                0 => {
                    for _ in 0..1 + rng.below(8) {
                        let at = rng.below(bytes.len());
                        bytes[at] = rng.next() as u8;
                    }
                }
                1 => bytes.truncate(rng.below(bytes.len())),
                _ => {
                    let at = rng.below(bytes.len());
                    let len = rng.below(64);
                    let end = (at + len).min(bytes.len());
                    bytes.drain(at..end);
                }
            }
            let path = dir.path().join(format!("{round:02}-{name}"));
            fs::write(&path, &bytes).unwrap();
            paths.push(path);
            // The same bytes as a sniffed stream.
            read_stream(bytes.as_slice(), "-", &options, &mut |_| {});
        }
    }
    let events = read_with(&paths, &options);
    for path in &paths {
        let name = path.display().to_string();
        let articles = events.articles.iter().filter(|a| a.origin.starts_with(&name)).count();
        let problems = events.problems.iter().filter(|p| p.file.starts_with(&name)).count();
        assert!(
            articles + problems > 0
                || fs::metadata(path).unwrap().len() > 0 && name.ends_with(".zip"),
            "{name}: silently nothing"
        );
    }
    assert!(
        !events.problems.iter().any(|p| p.reason.starts_with("internal error")),
        "{:?}",
        events.reasons()
    );
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = Rng(42);
    let options = ReadOptions::default();
    for len in [1usize, 2, 3, 10, 100, 1000, 10_000] {
        for _ in 0..20 {
            let mut bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
            if let Some(first) = bytes.first_mut() {
                *first = *b"[{<a\xFF\xFE".get(rng.below(6)).unwrap_or(&b'a');
            }
            let mut seen = 0;
            read_stream(bytes.as_slice(), "-", &options, &mut |_| seen += 1);
            assert!(seen > 0, "{len} random bytes gave no article and no problem");
        }
    }
}
