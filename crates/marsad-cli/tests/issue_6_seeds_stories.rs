//! Issue 6 (seeds): through the real binary, the four JSCD seed articles form one
//! story and `001_…` (the July 2021 visit) is another; `marsad story` lists the
//! members and why they are one story; the JSON contract of `stories --json`; a
//! rerun changes no id; an interrupted clustering is finished by the next ingest.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;

fn story_of(stories: &[serde_json::Value], file_prefix: &str) -> i64 {
    stories
        .iter()
        .find(|s| {
            s["articles"].as_array().unwrap().iter().any(|a| {
                a["url"].as_str().unwrap().rsplit('/').next().unwrap().starts_with(file_prefix)
            })
        })
        .unwrap_or_else(|| panic!("{file_prefix} in no story"))["id"]
        .as_i64()
        .unwrap()
}

#[test]
fn jscd_seeds_form_one_story_and_001_another() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    let seeds = seeds();
    let summary = json(&run(&db, &["ingest", seeds.to_str().unwrap(), "--json"]));
    assert_eq!((summary["clustered"].as_u64(), summary["stories"].as_u64()), (Some(5), Some(2)));

    let stories = json_lines(&run(&db, &["stories", "--json", "--all"]));
    assert_eq!(stories.len(), 2);
    let jscd = story_of(&stories, "000_");
    for seed in ["002_", "003_", "004_"] {
        assert_eq!(story_of(&stories, seed), jscd, "{seed} joins the JSCD story");
    }
    assert_ne!(story_of(&stories, "001_"), jscd, "001 is another story");
    // The contract: every field, members with url/outlet/title/published.
    let s = stories.iter().find(|s| s["id"] == jscd).unwrap();
    assert_eq!(s["articles"].as_array().unwrap().len(), 4);
    assert_eq!(s["size"], 4);
    assert_eq!(s["outlets"], serde_json::json!(["seeds"]));
    assert!(s["title"].as_str().unwrap().contains("العراق"));
    // Undated seeds are timed by the dates their text states (7–8 August 2023); 001
    // by its dateline (26 July 2021), stored as its publication date.
    assert_eq!(s["first_seen"], "2023-08-08T00:00:00Z");
    let visit = stories.iter().find(|s| s["id"] != jscd).unwrap();
    assert_eq!(visit["first_seen"], "2021-07-26T00:00:00Z");
    assert_eq!(visit["articles"][0]["published"], "2021-07-26T00:00:00+00:00");
    for member in s["articles"].as_array().unwrap() {
        for key in ["id", "url", "outlet", "title", "published"] {
            assert!(member.get(key).is_some(), "{key} in {member}");
        }
    }

    // One story: members and why.
    let one = json(&run(&db, &["story", &jscd.to_string(), "--json"]));
    assert_eq!(one["members"].as_array().unwrap().len(), 4);
    assert_eq!(one["members"][0]["kind"], "new");
    let why: Vec<&str> =
        one["why"].as_array().unwrap().iter().map(|t| t["term"].as_str().unwrap()).collect();
    assert!(why.contains(&"عراق") && why.contains(&"داعش"), "{why:?}");
    assert!(one["why"][0]["articles"].as_u64().unwrap() >= 2);
    // The people the four JSCD articles share, spelling variants merged.
    let shared: Vec<(&str, u64)> = one["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["canonical"].as_str().unwrap(), e["articles"].as_u64().unwrap()))
        .collect();
    assert!(shared.contains(&("لويد أوستن", 4)), "{shared:?}");
    assert!(shared.iter().all(|(_, n)| *n >= 2), "{shared:?}");
    let readable = stdout(&run(&db, &["story", &jscd.to_string()]));
    assert!(readable.contains("why one story") && readable.contains("joined"), "{readable}");
    let list = stdout(&run(&db, &["stories", "--since", "2023-01-01"]));
    assert!(list.contains("4 articles") && !list.contains("1 article "), "{list}");
    assert!(!run(&db, &["story", "999"]).status.success());

    // A rerun stores nothing and changes no story.
    let again = json(&run(&db, &["ingest", seeds.to_str().unwrap(), "--json"]));
    assert_eq!((again["added"].as_u64(), again["clustered"].as_u64()), (Some(0), Some(0)));
    assert_eq!(json_lines(&run(&db, &["stories", "--json", "--all"])), stories);
}

#[test]
fn articles_left_unclustered_are_clustered_by_the_next_ingest() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    let seeds = seeds();
    json(&run(&db, &["ingest", seeds.to_str().unwrap(), "--json"]));
    let before = json_lines(&run(&db, &["stories", "--json", "--all"]));
    // As if an ingest had stopped after storing articles but before clustering them.
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch("DELETE FROM story_articles; DELETE FROM stories;").unwrap();
    drop(conn);
    let summary = json(&run(&db, &["ingest", seeds.to_str().unwrap(), "--json"]));
    assert_eq!((summary["added"].as_u64(), summary["clustered"].as_u64()), (Some(0), Some(5)));
    assert_eq!(json_lines(&run(&db, &["stories", "--json", "--all"])), before);
}
