//! Issue 7, `marsad quotes` over a database: who said what in the seeds, speakers
//! resolved through the entity tagger (ستراول → دانا سترول), `--speaker` and `--story`
//! filters, the JSON shape of `analyze --json` quotes plus the article.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code

mod common;

use common::*;

#[test]
fn issue_7_quotes_over_the_seeds() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    let out = run(&db, &["ingest", seeds().to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));

    let all = json_lines(&run(&db, &["quotes", "--json", "--limit", "1000"]));
    assert!(all.len() >= 40, "{}", all.len());
    for quote in &all {
        for field in ["article", "url", "outlet", "span", "text", "direct", "cue", "speaker"] {
            assert!(quote.get(field).is_some(), "missing {field}: {quote}");
        }
    }
    let speakers = |name: &str| -> Vec<String> {
        json_lines(&run(&db, &["quotes", "--json", "--speaker", name, "--limit", "1000"]))
            .iter()
            .map(|q| q["speaker"]["entity"].as_str().unwrap_or("").to_owned())
            .collect()
    };
    let austin = speakers("أوستن");
    assert!(austin.len() >= 5, "{austin:?}");
    assert!(austin.iter().all(|s| s.contains("أوستن") || s.contains("اوستن")), "{austin:?}");
    // The variant spelling is resolved to the one person.
    let stroul = speakers("ستراول");
    assert!(!stroul.is_empty() && stroul.iter().all(|s| s == "دانا سترول"), "{stroul:?}");

    // --story: 001's story is 001 alone, and Biden speaks in it.
    let stories = json_lines(&run(&db, &["stories", "--json", "--all"]));
    let visit = stories
        .iter()
        .find(|s| {
            s["articles"]
                .as_array()
                .unwrap()
                .iter()
                .any(|a| a["url"].as_str().unwrap().contains("001_"))
        })
        .unwrap();
    let story = visit["id"].as_i64().unwrap().to_string();
    let member = visit["articles"][0]["id"].as_i64().unwrap();
    let in_story =
        json_lines(&run(&db, &["quotes", "--json", "--story", &story, "--limit", "1000"]));
    assert!(!in_story.is_empty());
    assert!(in_story.iter().all(|q| q["article"].as_i64() == Some(member)));
    let readable = stdout(&run(&db, &["quotes", "--story", &story]));
    assert!(readable.contains("جو بايدن"), "{readable}");
    assert!(!run(&db, &["quotes", "--story", "999999"]).status.success());
}
