//! Issue 5, `marsad entities` over a database: the seeds give one entity per person
//! with variants merged and roles kept; `--kind` and `--story` filter; a missing database
//! or story is an error.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code

mod common;

use common::*;

#[test]
fn issue_5_entities_over_the_seeds() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    let out = run(&db, &["ingest", seeds().to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let people = json_lines(&run(&db, &["entities", "--json", "--kind", "PERS", "--limit", "500"]));
    assert!(people.iter().all(|e| e["kind"] == "PERS"));
    let holding = |name: &str| -> Vec<&serde_json::Value> {
        people
            .iter()
            .filter(|e| {
                e["aliases"].as_array().unwrap().iter().any(|a| a.as_str().unwrap().contains(name))
            })
            .collect()
    };
    let austin = holding("أوستن");
    assert_eq!(austin.len(), 1, "{austin:#?}");
    assert_eq!(austin[0]["canonical"], "لويد أوستن");
    assert!(austin[0]["roles"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r.as_str().unwrap().contains("وزير الدفاع")));
    assert_eq!(holding("والاندر").len(), 1);
    assert_eq!(holding("واندر"), holding("والاندر"));
    let text = stdout(&run(&db, &["entities"]));
    assert!(text.contains("داعش"), "{text}");
    let missing = run(&dir.path().join("none.db"), &["entities"]);
    assert!(!missing.status.success());

    // --story: only that story's articles. 001 (Biden hosting al-Kadhimi, 2021) is a
    // one-article story; the JSCD story (the other four) has Austin in all four.
    let story_of = |file: &str| -> i64 {
        let stories = json_lines(&run(&db, &["stories", "--json", "--all"]));
        let story = stories
            .iter()
            .find(|s| {
                s["articles"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|a| a["url"].as_str().unwrap().contains(file))
            })
            .unwrap();
        story["id"].as_i64().unwrap()
    };
    let names = |story: i64| -> Vec<(String, u64)> {
        let id = story.to_string();
        json_lines(&run(&db, &["entities", "--json", "--story", &id, "--limit", "500"]))
            .iter()
            .map(|e| (e["canonical"].as_str().unwrap().to_owned(), e["articles"].as_u64().unwrap()))
            .collect()
    };
    let visit = names(story_of("001_"));
    assert!(visit.iter().any(|(n, _)| n == "جو بايدن"), "{visit:?}");
    assert!(visit.iter().all(|(_, articles)| *articles == 1), "{visit:?}");
    let jscd = names(story_of("000_"));
    assert!(jscd.contains(&("لويد أوستن".to_owned(), 4)), "{jscd:?}");
    assert!(!run(&db, &["entities", "--story", "999999"]).status.success());
}
