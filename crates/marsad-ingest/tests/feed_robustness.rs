//! Hostile and broken feeds: entity bombs, huge feeds, truncation, malformed XML,
//! deep nesting, binary data. Each gives a clear problem, keeps what came before
//! the damage, and finishes quickly with bounded memory.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use marsad_ingest::feed::{read_feed, FeedSource};
use marsad_ingest::{RawArticle, ReadEvent, ReadOptions, ReadProblem};

fn read_with(bytes: &[u8], options: &ReadOptions) -> (Vec<RawArticle>, Vec<ReadProblem>) {
    let source = FeedSource { name: "feed.xml".into(), ..FeedSource::default() };
    let (mut articles, mut problems) = (Vec::new(), Vec::new());
    read_feed(bytes, None, &source, options, &mut |event| match event {
        ReadEvent::Article(a) => articles.push(a),
        ReadEvent::Problem(p) => problems.push(p),
        ReadEvent::Progress { .. } => {}
    });
    (articles, problems)
}

fn read(bytes: &[u8]) -> (Vec<RawArticle>, Vec<ReadProblem>) {
    read_with(bytes, &ReadOptions::default())
}

fn item(i: usize) -> String {
    format!(
        "<item><title>الخبر رقم {i}</title><link>https://news.example/{i}</link>\
         <guid>id-{i}</guid><description>نص الخبر رقم {i} عن الحوار الأمني.</description></item>\n"
    )
}

fn rss(items: &str) -> String {
    format!("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>قناة</title>\n{items}</channel></rss>")
}

#[test]
fn billion_laughs_is_refused_at_once() {
    let mut bomb =
        String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n <!ENTITY lol \"lol\">\n");
    for i in 1..=9 {
        let prev = if i == 1 { "lol".to_owned() } else { format!("lol{}", i - 1) };
        writeln!(bomb, " <!ENTITY lol{i} \"{}\">", format!("&{prev};").repeat(10)).unwrap();
    }
    bomb.push_str("]>\n<rss version=\"2.0\"><channel><title>&lol9;</title>");
    bomb.push_str(
        "<item><title>&lol9;</title><description>&lol9;</description></item></channel></rss>",
    );
    let started = Instant::now();
    let (articles, problems) = read(bomb.as_bytes());
    assert!(started.elapsed() < Duration::from_secs(1));
    assert!(articles.is_empty());
    assert_eq!(problems.len(), 1);
    assert!(problems[0].reason.contains("declares XML entities"), "{}", problems[0].reason);
}

#[test]
fn external_entities_are_refused() {
    let xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\
               <rss><channel><item><title>&xxe;</title></item></channel></rss>";
    let (articles, problems) = read(xxe.as_bytes());
    assert!(articles.is_empty());
    assert!(problems[0].reason.starts_with("refused"), "{}", problems[0].reason);
}

#[test]
fn undeclared_entities_are_never_expanded() {
    // Without a DOCTYPE, references to unknown entities stay as written: no expansion, no error.
    let xml =
        rss("<item><title>&lol9;&lol9;</title><description>نص &unknown; هنا</description></item>");
    let (articles, problems) = read(xml.as_bytes());
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(articles[0].title.as_deref(), Some("&lol9;&lol9;"));
    assert_eq!(articles[0].text, "نص &unknown; هنا");
}

#[test]
fn ten_thousand_items() {
    let mut items = String::new();
    for i in 1..=10_000 {
        items.push_str(&item(i));
    }
    let xml = rss(&items);
    let started = Instant::now();
    let (articles, problems) = read(xml.as_bytes());
    let elapsed = started.elapsed();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(articles.len(), 10_000);
    assert_eq!(articles[9_999].origin, "feed.xml#10000");
    assert_eq!(articles[9_999].url.as_deref(), Some("https://news.example/10000"));
    assert!(elapsed < Duration::from_secs(20), "10,000 items took {elapsed:?}");
}

#[test]
fn malformed_xml_keeps_the_items_before_it() {
    let xml = rss(&format!("{}{}<item><title>مكسور</titel></item>{}", item(1), item(2), item(3)));
    let (articles, problems) = read(xml.as_bytes());
    assert_eq!(articles.len(), 2);
    assert_eq!(problems.len(), 1);
    let reason = &problems[0].reason;
    assert!(reason.starts_with("malformed XML at line 5, column"), "{reason}");
    assert!(reason.contains("kept the 2 entries before it"), "{reason}");
}

#[test]
fn truncated_feed_keeps_complete_items() {
    let xml = rss(&format!("{}{}", item(1), item(2)));
    let cut = &xml[..xml.find("<item><title>الخبر رقم 2").unwrap() + 30];
    let (articles, problems) = read(cut.as_bytes());
    assert_eq!(articles.len(), 1);
    assert!(problems[0].reason.contains("ends early"), "{}", problems[0].reason);
    assert!(
        problems[0].reason.contains("kept the 1 entry read before it"),
        "{}",
        problems[0].reason
    );

    let json = r#"{"version": "https://jsonfeed.org/version/1.1", "items": [
        {"id": "1", "content_text": "أول"}, {"id": "2", "content_text": "ثان"}, {"id": "3", "cont"#;
    let (articles, problems) = read(json.as_bytes());
    assert_eq!(articles.len(), 2);
    assert!(problems[0].reason.starts_with("invalid JSON at line 2"), "{}", problems[0].reason);
}

#[test]
fn deep_nesting_is_cut_off() {
    let xml = format!("<rss><channel><item>{}", "<x>".repeat(100_000));
    let started = Instant::now();
    let (articles, problems) = read(xml.as_bytes());
    assert!(started.elapsed() < Duration::from_secs(2));
    assert!(articles.is_empty());
    assert!(problems[0].reason.contains("nested more than"), "{}", problems[0].reason);
}

#[test]
fn binary_and_empty_input() {
    let (_, problems) = read(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    assert_eq!(problems[0].reason, "binary file");
    let (_, problems) = read(b"");
    assert_eq!(problems[0].reason, "empty file");
    let (_, problems) = read(b"just words, no markup");
    assert!(problems[0].reason.contains("no root element"), "{}", problems[0].reason);
}

#[test]
fn oversize_item_is_reported_and_the_rest_kept() {
    let big = format!(
        "<item><title>كبير</title><description>{}</description></item>",
        "كلمة ".repeat(2000)
    );
    let xml = rss(&format!("{}{big}{}", item(1), item(3)));
    let options = ReadOptions { max_record_bytes: 4000, ..ReadOptions::default() };
    let (articles, problems) = read_with(xml.as_bytes(), &options);
    assert_eq!(articles.len(), 2);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].record.as_deref(), Some("item 2"));
    assert!(problems[0].reason.starts_with("record too large"), "{}", problems[0].reason);
}
