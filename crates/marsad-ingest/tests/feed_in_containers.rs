//! Feeds are read wherever other inputs are: in folders, inside zip archives, and on stdin.

use std::io::Write;
use std::path::PathBuf;

use marsad_ingest::{read_inputs, read_stream, RawArticle, ReadEvent, ReadOptions, ReadProblem};

const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>وكالة الأنباء</title><link>https://news.example/</link>
<item><title>وزير الدفاع يستقبل نظيره</title><link>https://news.example/a/1</link>
<pubDate>Mon, 07 Aug 2023 10:00:00 +0300</pubDate>
<description>استقبل وزير الدفاع نظيره العراقي في واشنطن لبحث التعاون الأمني المشترك بين البلدين.</description></item>
<item><title>اختتام الحوار الأمني</title><link>https://news.example/a/2</link>
<description>اختتمت أمس أعمال الحوار الأمني المشترك بين الولايات المتحدة والعراق ببيان مشترك.</description></item>
</channel></rss>"#;

fn collect(events: impl FnOnce(&mut dyn FnMut(ReadEvent))) -> (Vec<RawArticle>, Vec<ReadProblem>) {
    let (mut articles, mut problems) = (Vec::new(), Vec::new());
    events(&mut |event| match event {
        ReadEvent::Article(article) => articles.push(article),
        ReadEvent::Problem(problem) => problems.push(problem),
        ReadEvent::Progress { .. } => {}
    });
    (articles, problems)
}

fn assert_two_feed_items(articles: &[RawArticle], problems: &[ReadProblem]) {
    assert!(problems.is_empty(), "{problems:?}");
    let urls: Vec<_> = articles.iter().filter_map(|a| a.url.as_deref()).collect();
    assert_eq!(urls, ["https://news.example/a/1", "https://news.example/a/2"]);
    assert!(articles[0].text.contains("التعاون الأمني"));
    assert!(articles[0].published.is_some());
}

#[test]
fn a_feed_in_a_folder_is_read() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("feeds")).unwrap();
    std::fs::write(dir.path().join("feeds/agency.rss"), RSS).unwrap();
    let (articles, problems) =
        collect(|sink| read_inputs(&[dir.path().to_path_buf()], &ReadOptions::default(), sink));
    assert_two_feed_items(&articles, &problems);
}

#[test]
fn a_feed_inside_a_zip_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path: PathBuf = dir.path().join("exports.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    zip.start_file("daily/agency.xml", zip::write::SimpleFileOptions::default()).unwrap();
    zip.write_all(RSS.as_bytes()).unwrap();
    zip.finish().unwrap();
    let (articles, problems) = collect(|sink| read_inputs(&[path], &ReadOptions::default(), sink));
    assert_two_feed_items(&articles, &problems);
}

#[test]
fn a_feed_on_stdin_is_recognised_as_a_feed_not_a_page() {
    let (articles, problems) = collect(|sink| {
        read_stream(RSS.as_bytes(), "-", &ReadOptions::default(), sink);
    });
    assert_two_feed_items(&articles, &problems);
}
