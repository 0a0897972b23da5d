//! Issue 6 (stability), through the real binary: three SaudiNewsNet daily zips
//! ingested one at a time give every article the same story as one run over the
//! three (the clusterer resumes exactly from what was stored), and ingesting them
//! again changes no story id. The whole-corpus figures (18 zips, dev pairs, 2,000
//! random co-clustered pairs) come from `bench/stories.sh`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::*;

/// url → story id, from `marsad stories --json --all`.
fn assignment(db: &Path) -> BTreeMap<String, i64> {
    let mut out = BTreeMap::new();
    for story in json_lines(&run(db, &["stories", "--json", "--all"])) {
        for a in story["articles"].as_array().unwrap() {
            out.insert(a["url"].as_str().unwrap().to_owned(), story["id"].as_i64().unwrap());
        }
    }
    out
}

#[test]
fn three_zips_one_at_a_time_cluster_as_one_run_and_a_rerun_changes_no_id() {
    let Some(shared) = shared() else { return };
    let zips: Vec<String> =
        saudinewsnet_zips(&shared).iter().take(3).map(|p| p.display().to_string()).collect();
    let dir = tempfile::tempdir().unwrap();
    let (together, each) = (dir.path().join("together.db"), dir.path().join("each.db"));

    let mut args = vec!["ingest", "--json"];
    args.extend(zips.iter().map(String::as_str));
    let summary = json(&run(&together, &args));
    assert_eq!(summary["clustered"], summary["added"]);
    let added = summary["added"].as_u64().unwrap();
    let stories = summary["stories"].as_u64().unwrap();
    assert!(stories > 1_000 && stories < added, "{summary}");
    for zip in &zips {
        json(&run(&each, &["ingest", "--json", zip]));
    }
    let one_run = assignment(&together);
    assert_eq!(one_run.len() as u64, added);
    let one_by_one = assignment(&each);
    let differ = one_run.iter().filter(|&(url, story)| one_by_one.get(url) != Some(story)).count();
    assert_eq!(differ, 0, "articles whose story differs between one run and three");

    let again = json(&run(&together, &args));
    assert_eq!((again["added"].as_u64(), again["clustered"].as_u64()), (Some(0), Some(0)));
    assert_eq!(assignment(&together), one_run, "a rerun changes no story id");
}
