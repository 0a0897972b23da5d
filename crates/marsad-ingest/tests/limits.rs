//! Hostile sizes: 50 MB single-line files, files and records over the limits.
//! One test per concern; the 50 MB test also checks that memory stays bounded.

mod common;

use std::fs;
use std::io::Write;

use common::{read_one, read_with};
use marsad_ingest::ReadOptions;

/// Peak resident memory of this process, from /proc (None elsewhere).
fn peak_rss_bytes() -> Option<u64> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

#[test]
fn fifty_megabyte_single_line_files() {
    const SIZE: usize = 50 << 20;
    let dir = tempfile::tempdir().unwrap();
    let chunk = "ب".repeat(1 << 19); // 1 MiB, no newline
    let txt = dir.path().join("huge.txt");
    let jsonl = dir.path().join("huge.jsonl");
    {
        let mut t = fs::File::create(&txt).unwrap();
        let mut j = fs::File::create(&jsonl).unwrap();
        j.write_all(b"{\"content\": \"before\"}\n{\"content\": \"").unwrap();
        for _ in 0..SIZE >> 20 {
            t.write_all(chunk.as_bytes()).unwrap();
            j.write_all(chunk.as_bytes()).unwrap();
        }
        j.write_all(b"\"}\n{\"content\": \"after\"}\n").unwrap();
    }
    let small = dir.path().join("small.txt");
    fs::write(&small, "عنوان خبر صغير اليوم\nنص.").unwrap();

    let before = peak_rss_bytes();
    let events = read_with(&[txt.clone(), jsonl.clone(), small.clone()], &ReadOptions::default());
    let after = peak_rss_bytes();

    let limit = 8 << 20;
    assert_eq!(
        events.reasons(),
        [
            format!("{}: record too large: {SIZE} bytes (limit {limit})", txt.display()),
            format!(
                "{} (line 2): record too large: {} bytes (limit {limit})",
                jsonl.display(),
                SIZE + 15
            ),
        ]
    );
    assert_eq!(
        events.origins(),
        [
            format!("{}#1", jsonl.display()),
            format!("{}#3", jsonl.display()),
            small.display().to_string()
        ]
    );
    assert_eq!(events.articles[1].text, "after");
    let total: u64 = [&txt, &jsonl, &small].iter().map(|p| fs::metadata(p).unwrap().len()).sum();
    assert_eq!(events.progress, total);
    if let (Some(before), Some(after)) = (before, after) {
        let grown = after.saturating_sub(before);
        assert!(grown < 30 << 20, "peak memory grew by {grown} bytes reading 50 MB lines");
    }
}

#[test]
fn file_over_the_file_limit_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.json");
    fs::write(&path, format!("[{}]", "{\"content\": \"x\"},".repeat(1000) + "{}")).unwrap();
    let size = fs::metadata(&path).unwrap().len();
    let options = ReadOptions { max_record_bytes: 1000, max_file_bytes: 1000 };
    let events = read_with(std::slice::from_ref(&path), &options);
    assert!(events.articles.is_empty());
    assert_eq!(
        events.reasons(),
        [format!("{}: file too large: {size} bytes (limit 1000)", path.display())]
    );
    assert_eq!(events.progress, size);
}

#[test]
fn record_over_the_record_limit_in_a_json_array() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("day.json");
    let big = "ن".repeat(600); // 1200 bytes
    fs::write(
        &path,
        format!("[{{\"content\": \"a\"}}, {{\"content\": \"{big}\"}}, {{\"content\": \"c\"}}]"),
    )
    .unwrap();
    let options = ReadOptions { max_record_bytes: 1000, ..ReadOptions::default() };
    let events = read_with(std::slice::from_ref(&path), &options);
    assert_eq!(
        events.origins(),
        [format!("{}#1", path.display()), format!("{}#3", path.display())]
    );
    assert_eq!(
        events.reasons(),
        [format!(
            "{} (record 2): record too large: 1200 bytes of text (limit 1000)",
            path.display()
        )]
    );
}

#[test]
fn html_over_the_record_limit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("page.html");
    fs::write(&path, format!("<p>{}</p>", "x".repeat(2000))).unwrap();
    let options = ReadOptions { max_record_bytes: 1000, ..ReadOptions::default() };
    let events = read_with(std::slice::from_ref(&path), &options);
    assert!(events.articles.is_empty());
    assert_eq!(
        events.reasons(),
        [format!("{}: record too large: 2007 bytes (limit 1000)", path.display())]
    );
}

#[test]
fn pathologically_nested_html() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deep.html");
    fs::write(&path, "<div>".repeat(1 << 20)).unwrap();
    let events = read_one(&path);
    assert!(events.articles.is_empty());
    assert!(
        events.problems[0].reason.starts_with("HTML nested too deeply"),
        "{:?}",
        events.reasons()
    );
}
