//! Each input format, and records that are wrong in each way.

mod common;

use std::fs;

use common::{read, read_one};
use marsad_ingest::{read_stream, ReadEvent, ReadOptions};
use serde_json::json;

#[test]
fn json_array_records_are_numbered_and_mapped() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("okaz").join("day.json");
    fs::create_dir(path.parent().unwrap()).unwrap();
    let records = json!([
        {"title": "عنوان أول", "content": "نص أول", "url": "http://www.okaz.com.sa/1", "date": "2015-07-21 02:51:32", "tags": ["x"]},
        {"headline": "عنوان ثان", "text": "نص ثان", "source": "عكاظ", "author": "محرر", "pubDate": "yesterday"},
        {"title": "بلا رابط", "body": "نص ثالث"},
        {"title": "بلا نص", "content": null},
        {"title": "نص رقمي", "content": 42},
        "just a string"
    ]);
    fs::write(&path, serde_json::to_vec_pretty(&records).unwrap()).unwrap();
    let events = read_one(&path);
    let origin = |n: usize| format!("{}#{n}", path.display());

    assert_eq!(events.origins(), [origin(1), origin(2), origin(3), origin(4)]);
    let first = events.article(&origin(1));
    assert_eq!(first.outlet.as_deref(), Some("okaz.com.sa"));
    assert_eq!(first.url.as_deref(), Some("http://www.okaz.com.sa/1"));
    assert_eq!(first.published.unwrap().to_rfc3339(), "2015-07-21T02:51:32+00:00");
    assert_eq!(first.metadata.get("tags"), Some(&json!(["x"])));
    let second = events.article(&origin(2));
    assert_eq!((second.title.as_deref(), second.text.as_str()), (Some("عنوان ثان"), "نص ثان"));
    assert_eq!(second.outlet.as_deref(), Some("عكاظ"));
    assert_eq!(second.author.as_deref(), Some("محرر"));
    assert_eq!(second.published, None);
    assert_eq!(second.metadata.get("pubDate"), Some(&json!("yesterday")));
    // No outlet, no URL: the parent folder.
    assert_eq!(events.article(&origin(3)).outlet.as_deref(), Some("okaz"));
    assert_eq!(events.article(&origin(3)).url, None);
    // A record with no text is still an article, with empty text.
    assert_eq!(events.article(&origin(4)).text, "");

    let file = path.display().to_string();
    assert_eq!(events.problems.len(), 2, "{:?}", events.reasons());
    assert_eq!(events.problems[0].file, file);
    assert_eq!(events.problems[0].record.as_deref(), Some("record 5"));
    assert_eq!(events.problems[0].reason, "field \"content\" is a number, expected a string");
    assert_eq!(events.problems[1].record.as_deref(), Some("record 6"));
    assert_eq!(events.problems[1].reason, "record is a string, not a JSON object");
}

#[test]
fn json_single_object_wrapper_and_jsonl_in_disguise() {
    let dir = tempfile::tempdir().unwrap();
    let single = dir.path().join("one.json");
    fs::write(&single, r#"{"title": "عنوان", "content": "نص"}"#).unwrap();
    let wrapped = dir.path().join("wrapped.json");
    fs::write(&wrapped, r#"{"status": "ok", "Articles": [{"title": "أ", "content": "نص أ"}, {"title": "ب", "content": "نص ب"}]}"#)
        .unwrap();
    let lines = dir.path().join("lines.json");
    fs::write(&lines, "{\"content\": \"سطر أول\"}\n{\"content\": \"سطر ثان\"}\n").unwrap();

    let events = read(&[single.clone(), wrapped.clone(), lines.clone()]);
    assert!(events.problems.is_empty(), "{:?}", events.reasons());
    assert_eq!(
        events.origins(),
        [
            single.display().to_string(),
            format!("{}#1", wrapped.display()),
            format!("{}#2", wrapped.display()),
            format!("{}#1", lines.display()),
            format!("{}#2", lines.display()),
        ]
    );
    assert_eq!(events.articles[0].title.as_deref(), Some("عنوان"));
    assert_eq!(events.articles[2].text, "نص ب");
    assert_eq!(events.articles[4].text, "سطر ثان");
}

#[test]
fn json_syntax_error_keeps_earlier_records() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.json");
    fs::write(&path, "[{\"content\": \"أ\"},\n {\"content\": \"ب\"},\n {\"content\": oops}]")
        .unwrap();
    let events = read_one(&path);
    assert_eq!(events.articles.len(), 2);
    assert_eq!(events.problems.len(), 1);
    assert_eq!(events.problems[0].record.as_deref(), Some("record 3"));
    assert!(
        events.problems[0].reason.starts_with("invalid JSON at line 3 column"),
        "{}",
        events.problems[0].reason
    );
}

#[test]
fn jsonl_malformed_line_in_the_middle() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("feed.ndjson");
    let mut text = String::new();
    for i in 1..=20 {
        if i == 12 {
            text.push_str("{\"content\": \"مقطوع\n");
        } else if i == 5 {
            text.push('\n');
        } else {
            text.push_str(&format!("{{\"title\": \"خبر {i}\", \"content\": \"نص {i}\"}}\n"));
        }
    }
    fs::write(&path, text).unwrap();
    let events = read_one(&path);
    assert_eq!(events.articles.len(), 18);
    assert_eq!(
        events.articles[10].origin,
        format!("{}#13", path.display()),
        "line numbers, blank lines counted"
    );
    assert_eq!(events.articles[10].title.as_deref(), Some("خبر 13"));
    assert_eq!(events.problems.len(), 1);
    assert_eq!(events.problems[0].file, path.display().to_string());
    assert_eq!(events.problems[0].record.as_deref(), Some("line 12"));
    assert!(events.problems[0].reason.starts_with("invalid JSON"), "{}", events.problems[0].reason);
}

#[test]
fn not_jsonl_at_all_gives_up() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fake.jsonl");
    fs::write(&path, "not json\n".repeat(1000)).unwrap();
    let events = read_one(&path);
    assert!(events.articles.is_empty());
    assert_eq!(events.problems.len(), 101);
    assert!(events.problems[100].reason.starts_with("not JSON Lines"));
}

#[test]
fn txt_title_and_body() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("news.txt");
    fs::write(&path, "بغداد – (26/7/2021)\nالعراق وأميركا يؤكدان التزامهما بالتعاون الأمني\nأصدرت وزارة الدفاع بياناً.\n")
        .unwrap();
    let events = read_one(&path);
    assert_eq!(events.articles.len(), 1);
    let a = &events.articles[0];
    assert_eq!(a.origin, path.display().to_string());
    assert_eq!(a.title.as_deref(), Some("العراق وأميركا يؤكدان التزامهما بالتعاون الأمني"));
    assert_eq!(a.text, "بغداد – (26/7/2021)\nأصدرت وزارة الدفاع بياناً.\n");
    assert_eq!(a.metadata.get("header_lines"), Some(&json!(["بغداد – (26/7/2021)"])));
    assert_eq!(a.url, None);
}

#[test]
fn windows_1256_and_utf16_text() {
    let dir = tempfile::tempdir().unwrap();
    let text = "تقرير أميركي يكشف عدد أفراد داعش\nذكر تقرير لموقع أميركي أن الولايات المتحدة والعراق يأملان.\n";
    let cp1256 = dir.path().join("cp1256.txt");
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1256.encode(text);
    assert!(!unmappable);
    fs::write(&cp1256, &bytes).unwrap();
    let utf16 = dir.path().join("utf16.txt");
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    fs::write(&utf16, &bytes).unwrap();
    let jsonl = dir.path().join("cp1256.jsonl");
    let (bytes, _, _) = encoding_rs::WINDOWS_1256
        .encode("{\"title\": \"عنوان عربي\", \"content\": \"نص عربي طويل بعض الشيء\"}\n");
    fs::write(&jsonl, &bytes).unwrap();

    let events = read(&[cp1256, utf16, jsonl]);
    assert!(events.problems.is_empty(), "{:?}", events.reasons());
    for a in &events.articles[..2] {
        assert_eq!(a.title.as_deref(), Some("تقرير أميركي يكشف عدد أفراد داعش"));
        assert_eq!(a.text, "ذكر تقرير لموقع أميركي أن الولايات المتحدة والعراق يأملان.\n");
    }
    assert_eq!(events.articles[2].title.as_deref(), Some("عنوان عربي"));
}

#[test]
fn undecodable_binary_and_empty_files() {
    let dir = tempfile::tempdir().unwrap();
    let binary = dir.path().join("image.txt");
    fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let noise = dir.path().join("noise.txt");
    let bytes: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8 | 0x80)
        .chain([1, 2, 3, 4, 5, 6, 7, 8])
        .collect();
    fs::write(&noise, bytes).unwrap();
    let empty = dir.path().join("empty.json");
    fs::write(&empty, "").unwrap();
    let blank = dir.path().join("blank.json");
    fs::write(&blank, "  \n").unwrap();

    let events = read(&[binary.clone(), noise.clone(), empty.clone(), blank.clone()]);
    assert!(events.articles.is_empty());
    let got: Vec<(String, Option<String>, String)> = events
        .problems
        .iter()
        .map(|p| (p.file.clone(), p.record.clone(), p.reason.clone()))
        .collect();
    assert_eq!(
        got,
        [
            (binary.display().to_string(), None, "binary file".to_owned()),
            (noise.display().to_string(), None, "not UTF-8 or windows-1256 text".to_owned()),
            (empty.display().to_string(), None, "empty file".to_owned()),
            (blank.display().to_string(), None, "empty file".to_owned()),
        ]
    );
}

#[test]
fn html_pages() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.htm");
    let mut bytes = b"<html><head><meta charset=\"windows-1256\"><title>".to_vec();
    bytes.extend_from_slice(&encoding_rs::WINDOWS_1256.encode("عنوان الصفحة").0);
    bytes.extend_from_slice(b"</title><script>var a;</script></head><body><p>");
    bytes.extend_from_slice(&encoding_rs::WINDOWS_1256.encode("الفقرة الأولى").0);
    bytes.extend_from_slice(b"</p><div>");
    bytes.extend_from_slice(&encoding_rs::WINDOWS_1256.encode("الفقرة الثانية").0);
    bytes.extend_from_slice(b"</div></body></html>");
    fs::write(&page, bytes).unwrap();
    let h1 = dir.path().join("h1.html");
    fs::write(&h1, "<body><h1>عنوان رئيسي</h1><style>p{}</style><p>نص</p></body>").unwrap();

    let events = read(&[page.clone(), h1]);
    assert!(events.problems.is_empty(), "{:?}", events.reasons());
    let a = &events.articles[0];
    assert_eq!(a.origin, page.display().to_string());
    assert_eq!(a.title.as_deref(), Some("عنوان الصفحة"));
    assert_eq!(a.text, "الفقرة الأولى\nالفقرة الثانية");
    assert_eq!(events.articles[1].title.as_deref(), Some("عنوان رئيسي"));
    // The headline is the title, not repeated in the text.
    assert_eq!(events.articles[1].text, "نص");
}

#[test]
fn missing_path_and_unsupported_type() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope").join("missing.json");
    let csv = dir.path().join("table.csv");
    fs::write(&csv, "a,b\n").unwrap();
    let events = read(&[missing.clone(), csv.clone()]);
    assert!(events.articles.is_empty());
    assert_eq!(events.problems[0].file, missing.display().to_string());
    assert_eq!(events.problems[0].reason, "no such file or directory");
    assert_eq!(events.problems[1].file, csv.display().to_string());
    assert_eq!(events.problems[1].reason, "unsupported file type: .csv");
    assert_eq!(events.progress, 4, "the unsupported file still counts as consumed");
}

#[test]
fn streams_are_sniffed() {
    let read_str = |input: &str| {
        let mut articles = Vec::new();
        let mut problems = Vec::new();
        read_stream(input.as_bytes(), "-", &ReadOptions::default(), &mut |event| match event {
            ReadEvent::Article(a) => articles.push(a),
            ReadEvent::Problem(p) => problems.push(p),
            ReadEvent::Progress { .. } => panic!("streams report no progress"),
        });
        (articles, problems)
    };
    let (a, p) = read_str("  [{\"content\": \"أ\"}, {\"content\": \"ب\"}]");
    assert_eq!((a.len(), p.len()), (2, 0));
    assert_eq!(a[1].origin, "-#2");
    let (a, _) = read_str("{\"content\": \"أ\"}\n{\"content\": \"ب\"}\n{\"content\": \"ج\"}\n");
    assert_eq!(a.iter().map(|a| a.origin.as_str()).collect::<Vec<_>>(), ["-#1", "-#2", "-#3"]);
    let (a, _) = read_str("{\n  \"title\": \"عنوان\",\n  \"content\": \"نص\"\n}\n");
    assert_eq!((a.len(), a[0].origin.as_str(), a[0].title.as_deref()), (1, "-", Some("عنوان")));
    let (a, _) = read_str("{\"content\": \"وحيد\"}\n");
    assert_eq!(a[0].origin, "-");
    let (a, _) = read_str("<html><title>صفحة</title><p>نص</p>");
    assert_eq!((a[0].title.as_deref(), a[0].text.as_str()), (Some("صفحة"), "نص"));
    let (a, _) = read_str("عنوان الخبر اليوم هنا\nنص الخبر.");
    assert_eq!(
        (a[0].title.as_deref(), a[0].text.as_str()),
        (Some("عنوان الخبر اليوم هنا"), "نص الخبر.")
    );
    let (a, p) = read_str("");
    assert_eq!((a.len(), p[0].reason.as_str()), (0, "empty input"));
}
