//! Zip archives: nested folders and zips, hidden members, damage, bombs, progress.

mod common;

use std::fs;

use common::{arabic, read_one, read_with, zip_bytes};
use marsad_ingest::{input_size, ReadOptions};

#[test]
fn members_nested_folders_and_nested_zips() {
    let dir = tempfile::tempdir().unwrap();
    let inner = zip_bytes(&[(
        "deep/inner.jsonl",
        b"{\"content\": \"\xD8\xA3\"}\n{\"content\": \"\xD8\xA8\"}\n",
    )]);
    let outer = zip_bytes(&[
        ("day.json", br#"[{"title": "t1", "content": "c1"}, {"title": "t2", "content": "c2", "url": "https://www.spa.gov.sa/x"}]"#),
        ("okaz/", b""),
        ("okaz/a.txt", "عنوان الخبر في عكاظ اليوم\nنص الخبر.\n".as_bytes()),
        ("okaz/page.html", b"<title>T</title><p>P</p>"),
        ("nested.zip", &inner),
        (".hidden.txt", b"hidden"),
        ("okaz/.DS_Store", b"\0\0"),
        ("__MACOSX/okaz/._a.txt", b"\0\0"),
        ("notes.xml", b"<rss/>"),
        ("empty.txt", b""),
    ]);
    let corpus = dir.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    let path = corpus.join("batch.zip");
    fs::write(&path, &outer).unwrap();

    let events = read_one(&path);
    let z = path.display().to_string();
    assert_eq!(
        events.origins(),
        [
            format!("{z}!/day.json#1"),
            format!("{z}!/day.json#2"),
            format!("{z}!/okaz/a.txt"),
            format!("{z}!/okaz/page.html"),
            format!("{z}!/nested.zip!/deep/inner.jsonl#1"),
            format!("{z}!/nested.zip!/deep/inner.jsonl#2"),
        ]
    );
    // Outlet: the record's, the URL host, the folder inside the zip, the zip's folder.
    let outlets: Vec<_> = events.articles.iter().map(|a| a.outlet.as_deref()).collect();
    assert_eq!(
        outlets,
        [
            Some("corpus"),
            Some("spa.gov.sa"),
            Some("okaz"),
            Some("okaz"),
            Some("deep"),
            Some("deep")
        ]
    );
    assert_eq!(events.articles[2].title.as_deref(), Some("عنوان الخبر في عكاظ اليوم"));
    assert_eq!(events.articles[5].text, "ب");
    assert_eq!(events.reasons(), [format!("{z}!/empty.txt: empty file")]);
    assert_eq!(events.progress, outer.len() as u64);
    assert_eq!(input_size(&[path]), outer.len() as u64);
}

#[test]
fn truncated_zip_recovers_complete_members() {
    let dir = tempfile::tempdir().unwrap();
    let texts: Vec<String> =
        (0..6).map(|i| format!("عنوان الخبر رقم {i} اليوم\n{}", arabic(30_000, i))).collect();
    let names: Vec<String> = (0..6).map(|i| format!("news/{i}.txt")).collect();
    let members: Vec<(&str, &[u8])> =
        names.iter().map(String::as_str).zip(texts.iter().map(|t| t.as_bytes())).collect();
    let whole = zip_bytes(&members);
    let cut = whole.len() / 2;
    // Which members end before the cut?
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&whole)).unwrap();
    let complete = (0..archive.len())
        .filter(|&i| {
            let f = archive.by_index(i).unwrap();
            f.data_start() + f.compressed_size() <= cut as u64
        })
        .count();
    assert!((1..6).contains(&complete), "{complete}");

    let path = dir.path().join("cut.zip");
    fs::write(&path, &whole[..cut]).unwrap();
    let events = read_one(&path);
    let z = path.display().to_string();
    assert_eq!(events.articles.len(), complete);
    for (i, a) in events.articles.iter().enumerate() {
        assert_eq!(a.origin, format!("{z}!/news/{i}.txt"));
        assert_eq!(a.title.as_deref(), Some(format!("عنوان الخبر رقم {i} اليوم").as_str()));
        assert_eq!(a.text, arabic(30_000, i as u32));
    }
    // The member cut in half, then the archive.
    assert_eq!(events.problems.len(), 2, "{:?}", events.reasons());
    assert_eq!(events.problems[0].file, format!("{z}!/news/{complete}.txt"));
    assert!(
        events.problems[0].reason.starts_with("cannot read member"),
        "{}",
        events.problems[0].reason
    );
    assert_eq!(events.problems[1].file, z);
    assert!(
        events.problems[1].reason.starts_with("damaged zip archive"),
        "{}",
        events.problems[1].reason
    );
    assert!(
        events.problems[1]
            .reason
            .ends_with(&format!("recovered {complete} member(s) from local headers")),
        "{}",
        events.problems[1].reason
    );
    assert_eq!(events.progress, cut as u64);
}

#[test]
fn not_a_zip() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fake.zip");
    fs::write(&path, "this is not a zip archive").unwrap();
    let events = read_one(&path);
    assert!(events.articles.is_empty());
    assert_eq!(events.problems.len(), 1);
    assert!(
        events.problems[0].reason.starts_with("not a readable zip archive"),
        "{}",
        events.problems[0].reason
    );
}

#[test]
fn zip_bomb_members_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let zeros = vec![b' '; 20 << 20];
    let mut big_json = b"[".to_vec();
    big_json.extend_from_slice(&zeros);
    big_json.push(b']');
    let bytes = zip_bytes(&[
        ("bomb.json", &big_json),
        ("big.txt", &zeros),
        ("bomb.jsonl", &zeros),
        ("ok.txt", "عنوان خبر صغير جدا\nنص.".as_bytes()),
    ]);
    assert!(bytes.len() < 1 << 20);
    let path = dir.path().join("bomb.zip");
    fs::write(&path, &bytes).unwrap();
    let options = ReadOptions { max_record_bytes: 1 << 20, max_file_bytes: 10 << 20 };
    let events = read_with(std::slice::from_ref(&path), &options);
    let z = path.display().to_string();
    assert_eq!(events.origins(), [format!("{z}!/ok.txt")]);
    assert_eq!(
        events.reasons(),
        [
            format!(
                "{z}!/bomb.json: member too large: {} bytes uncompressed (limit {})",
                big_json.len(),
                10 << 20
            ),
            format!(
                "{z}!/big.txt: record too large: {} bytes uncompressed (limit {})",
                20 << 20,
                1 << 20
            ),
            format!(
                "{z}!/bomb.jsonl: member too large: {} bytes uncompressed (limit {})",
                20 << 20,
                10 << 20
            ),
        ]
    );
}

#[test]
fn zip_nested_too_deep() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = zip_bytes(&[("a.txt", "عنوان الخبر هنا اليوم\nنص.".as_bytes())]);
    for level in 0..6 {
        bytes = zip_bytes(&[(format!("l{level}.zip").as_str(), &bytes)]);
    }
    let path = dir.path().join("russian-doll.zip");
    fs::write(&path, &bytes).unwrap();
    let events = read_one(&path);
    assert!(events.articles.is_empty());
    assert_eq!(events.problems.len(), 1);
    assert!(
        events.problems[0].reason.starts_with("zip nested more than"),
        "{:?}",
        events.reasons()
    );
}
