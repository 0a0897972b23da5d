//! Issue 4, near duplicates through the real `marsad` binary: `marsad dups --json`
//! prints one pair per line {"a", "b", "similarity", "kind"} (url, or the article id
//! when there is none), exact copies with kind "exact" and similarity 1.0; the readable
//! form groups copies under the earliest article.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code

mod common;

use common::*;

const STORY: &str = "قال وزير الخارجية إن المحادثات مع الوفد الأمريكي كانت مثمرة وبناءة \
    وتناولت التعاون الأمني والاقتصادي بين البلدين في المرحلة المقبلة وأضاف أن الجانبين \
    اتفقا على مواصلة الحوار الاستراتيجي وعقد جولة جديدة في واشنطن قبل نهاية العام \
    كما بحث الجانبان تطورات الأوضاع في المنطقة وسبل دعم الاستقرار ومكافحة الإرهاب";

#[test]
fn dups_lists_near_and_exact_copies() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("day.json");
    let records = serde_json::json!([
        {"source": "a", "url": "https://a.example/1", "title": "الأصل", "content": STORY,
         "date_extracted": "2015-07-21 10:00:00"},
        {"source": "b", "url": "https://b.example/2", "title": "نسخة معدلة",
         "content": format!("{STORY} وذلك بحسب وكالة الأنباء الرسمية"),
         "date_extracted": "2015-07-21 12:00:00"},
        {"source": "c", "url": "https://c.example/3", "title": "نسخة", "content": STORY,
         "date_extracted": "2015-07-22 09:00:00"},
        {"source": "d", "url": "https://d.example/4", "title": "خبر آخر",
         "content": "ارتفعت درجات الحرارة في معظم مناطق المملكة اليوم وتوقعت الأرصاد استمرار الأجواء الحارة"}
    ]);
    std::fs::write(&input, records.to_string()).unwrap();
    let db = dir.path().join("dups.db");
    let ingest = run(&db, &["ingest", "--json", input.to_str().unwrap()]);
    assert!(ingest.status.success(), "{}", stderr(&ingest));
    assert_eq!(json(&ingest)["near_duplicates"], 3, "{}", stdout(&ingest));

    let out = run(&db, &["dups", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut pairs: Vec<(String, String, f64, String)> = json_lines(&out)
        .iter()
        .map(|p| {
            (
                p["a"].as_str().unwrap().to_owned(),
                p["b"].as_str().unwrap().to_owned(),
                p["similarity"].as_f64().unwrap(),
                p["kind"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    pairs.sort_by(|x, y| x.0.cmp(&y.0).then(x.1.cmp(&y.1)));
    let names: Vec<(&str, &str, &str)> =
        pairs.iter().map(|p| (p.0.as_str(), p.1.as_str(), p.3.as_str())).collect();
    assert_eq!(
        names,
        [
            ("https://a.example/1", "https://b.example/2", "near"),
            ("https://a.example/1", "https://c.example/3", "exact"),
            ("https://b.example/2", "https://c.example/3", "near"),
        ]
    );
    assert_eq!(pairs[1].2, 1.0);
    assert!(pairs[0].2 >= 0.5 && pairs[0].2 < 1.0, "{pairs:?}");

    let readable = run(&db, &["dups"]);
    assert!(readable.status.success(), "{}", stderr(&readable));
    let text = stdout(&readable);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].contains("https://a.example/1"), "{text}");
    assert!(lines[1].trim_start().starts_with("0.") && lines[1].contains(" b "), "{text}");
    assert!(lines[2].contains("1.00 exact") && lines[2].contains(" c "), "{text}");
    assert!(text.contains("3 pairs in 1 groups"), "{text}");
    assert!(!text.contains("d.example"), "{text}");
}
