//! Folders: recursion, order, hidden entries, progress; and the seed articles.

mod common;

use std::fs;
use std::path::PathBuf;

use common::{read, read_one, zip_bytes};
use marsad_ingest::input_size;

#[test]
fn folder_walk_skips_hidden_and_unknown_files_in_sorted_order() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("desk");
    let write = |rel: &str, bytes: &[u8]| {
        let path = root.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
    };
    let story = "عنوان الخبر المهم اليوم\nنص الخبر.\n".as_bytes();
    write("b.txt", story);
    write("a/z.jsonl", b"{\"content\": \"x\"}\n");
    write("a/y.htm", b"<p>y</p>");
    write("c.zip", &zip_bytes(&[("m.txt", story)]));
    write(".hidden.txt", story);
    write(".git/objects/x.json", b"[]");
    write("a/.cache/x.txt", story);
    write("__MACOSX/._b.txt", story);
    write("feed.xml", b"<rss/>");
    write("notes.md", b"# notes");
    write("photo.jpg", b"\xFF\xD8\xFF");

    let events = read_one(&root);
    let r = root.display().to_string();
    assert!(events.problems.is_empty(), "{:?}", events.reasons());
    assert_eq!(
        events.origins(),
        [
            format!("{r}/a/y.htm"),
            format!("{r}/a/z.jsonl#1"),
            format!("{r}/b.txt"),
            format!("{r}/c.zip!/m.txt")
        ]
    );
    assert_eq!(events.articles[0].outlet.as_deref(), Some("a"));
    assert_eq!(events.articles[2].outlet.as_deref(), Some("desk"));
    let size = input_size(std::slice::from_ref(&root));
    // feed.xml is read as a feed (an empty one: no articles, no problem).
    let expected: u64 = ["a/y.htm", "a/z.jsonl", "b.txt", "c.zip", "feed.xml"]
        .iter()
        .map(|rel| fs::metadata(root.join(rel)).unwrap().len())
        .sum();
    assert_eq!(size, expected);
    assert_eq!(events.progress, size);
}

#[test]
fn progress_sums_to_input_size_across_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.jsonl");
    let line = "{\"content\": \"نص طويل بعض الشيء للتجربة\"}\n";
    fs::write(&big, line.repeat(50_000)).unwrap();
    let missing = dir.path().join("missing.txt");
    let paths = vec![big.clone(), missing, dir.path().to_path_buf()];
    let events = read(&paths);
    assert_eq!(events.articles.len(), 100_000, "the file alone, then again inside its folder");
    assert_eq!(events.progress, input_size(&paths));
    assert_eq!(input_size(&paths), 2 * fs::metadata(&big).unwrap().len());
}

#[test]
fn seeds_folder() {
    let given = PathBuf::from("../../examples/seeds");
    assert!(given.is_dir(), "run from the crate folder (cargo test does)");
    let events = read_one(&given);
    assert!(events.problems.is_empty(), "{:?}", events.reasons());
    assert_eq!(events.articles.len(), 5);
    let names = [
        "000_3764c3d9eba899d3.txt",
        "001_b722c595d9660330.txt",
        "002_1664d10b82cc0e1f.txt",
        "003_7bb7ae16394dc573.txt",
        "004_4de39128c6cd87f4.txt",
    ];
    for (article, name) in events.articles.iter().zip(names) {
        assert_eq!(article.origin, format!("../../examples/seeds/{name}"));
        assert_eq!(article.outlet.as_deref(), Some("seeds"));
        assert_eq!(article.url, None);
        assert_eq!(article.published, None);
        let original = fs::read_to_string(given.join(name)).unwrap();
        match &article.title {
            None => assert_eq!(article.text, original, "{name}: body is the whole file"),
            Some(title) => {
                assert_eq!(
                    article.text.len() + title.len() + 1,
                    original.len(),
                    "{name}: only the title line is gone"
                );
            }
        }
    }
    let titles: Vec<_> = events.articles.iter().map(|a| a.title.as_deref()).collect();
    assert_eq!(
        titles,
        [
            None,
            None,
            None,
            Some("تقرير أميركي يكشف عدد أفراد داعش في العراق بعد اندحار التنظيم"),
            Some(
                "أعلنا العمل لتحديد كيفية تطور المهمة العسكرية لـ«التحالف» وفق جدول زمني … العراق وأميركا يؤكدان التزامهما بالتعاون الأمني واهتمامهما المشترك بالاستقرار الإقليمي"
            ),
        ]
    );
    assert_eq!(
        events.articles[0].metadata.get("header_lines"),
        Some(&serde_json::json!(["*المرصد/فريق الرصد والمتابعة"]))
    );
    assert_eq!(
        events.articles[1].metadata.get("header_lines"),
        Some(&serde_json::json!(["حرية – (26/7/2021)"]))
    );
    assert!(events.articles[4].text.starts_with("| وكالات\n"));
    assert_eq!(events.progress, input_size(&[given]));
}

#[cfg(unix)]
#[test]
fn unreadable_and_linked_entries() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("root");
    fs::create_dir(&root).unwrap();
    fs::write(root.join("a.txt"), "عنوان الخبر المهم اليوم\nنص.").unwrap();
    symlink(&root, root.join("loop")).unwrap();
    symlink(root.join("a.txt"), root.join("b.txt")).unwrap();
    symlink(root.join("gone.txt"), root.join("dangling.txt")).unwrap();
    let events = read_one(&root);
    let r = root.display().to_string();
    assert_eq!(events.origins(), [format!("{r}/a.txt"), format!("{r}/b.txt")]);
    assert_eq!(events.problems.len(), 2, "{:?}", events.reasons());
    assert_eq!(events.problems[0].file, format!("{r}/dangling.txt"));
    assert_eq!(events.problems[0].reason, "no such file or directory");
    assert_eq!(events.problems[1].file, format!("{r}/loop"));
    assert!(events.problems[1].reason.starts_with("symbolic link loop"));
}
