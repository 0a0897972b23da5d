//! Issue 4 (passage reuse): `marsad reuse ID [--json]` on the seeds and on SaudiNewsNet.
//!
//! Seeds: `000_…`, `002_…` and `004_…` carry the same US–Iraq joint statement; each pair
//! of them shares passages of it, with byte spans in both articles, and the earliest
//! source is the first ingested (the seeds carry no publication date). `001_…` (Biden
//! hosting al-Kadhimi) and `003_…` (a VOA report) share no passage with anyone.
//! SaudiNewsNet: the near-duplicate pairs of the exact truth (J ≥ 0.6) within two days
//! are linked by passages, and ingesting again adds nothing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::{BTreeSet, HashMap};

use common::*;

/// Ingest the seeds; article ids by seed number (000 → ids["000"]).
fn seeds_db(dir: &std::path::Path) -> (std::path::PathBuf, HashMap<String, i64>) {
    let db = dir.join("seeds.db");
    let summary = json(&run(&db, &["ingest", seeds().to_str().unwrap(), "--json"]));
    assert_eq!(summary["added"], 5, "{summary}");
    assert!(summary["passages"].as_u64().unwrap() > 0, "{summary}");
    let ids = json_lines(&run(&db, &["articles", "--json"]))
        .iter()
        .map(|a| {
            let url = a["url"].as_str().unwrap();
            let name = url.rsplit('/').next().unwrap();
            (name[..3].to_owned(), a["id"].as_i64().unwrap())
        })
        .collect();
    (db, ids)
}

fn seed_text(number: &str) -> String {
    let entry = std::fs::read_dir(seeds())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(number))
        .unwrap();
    std::fs::read_to_string(entry).unwrap()
}

fn reuse(db: &std::path::Path, id: i64) -> Vec<serde_json::Value> {
    json_lines(&run(db, &["reuse", &id.to_string(), "--json"]))
}

#[test]
fn seeds_joint_statement_passages_are_found_and_attributed() {
    let dir = tempfile::tempdir().unwrap();
    let (db, ids) = seeds_db(dir.path());
    let statement = ["000", "002", "004"];
    for number in statement {
        let id = ids[number];
        let lines = reuse(&db, id);
        let others: BTreeSet<i64> =
            lines.iter().map(|l| l["other"]["id"].as_i64().unwrap()).collect();
        let expected: BTreeSet<i64> =
            statement.iter().filter(|&&n| n != number).map(|n| ids[*n]).collect();
        assert_eq!(others, expected, "{number}: passages only with the other two reprints");
        let own = seed_text(number);
        for line in &lines {
            let span: Vec<usize> = line["span"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_u64().unwrap() as usize)
                .collect();
            let text = line["text"].as_str().unwrap();
            assert_eq!(text.len(), span[1] - span[0], "{line}");
            assert!(own.contains(text), "{number}: the passage is a slice of the stored text");
            assert!(line["words"].as_u64().unwrap() >= 16, "{line}");
            assert!(!line["other_text"].as_str().unwrap().is_empty());
            // No dates in the seeds: the first ingested (000) is the earliest source of
            // every passage it shares; otherwise 002.
            let group_has_000 = lines.iter().any(|l| {
                l["passage"] == line["passage"] && l["other"]["id"].as_i64() == Some(ids["000"])
            }) || number == "000";
            let earliest = if group_has_000 { ids["000"] } else { ids["002"] };
            assert_eq!(line["earliest"]["id"].as_i64(), Some(earliest), "{line}");
            let pair_first = id.min(line["other"]["id"].as_i64().unwrap());
            assert_eq!(line["first"].as_i64(), Some(pair_first));
        }
    }
    // The statement itself is found: words of its core in passages of 004 with 000.
    let all: String =
        reuse(&db, ids["004"]).iter().map(|l| l["text"].as_str().unwrap().to_owned()).collect();
    for phrase in ["ثابت العباسي", "سيليست والاندر", "هيئة الأركان المشتركة", "داعش"]
    {
        assert!(all.contains(phrase), "{phrase} missing from the passages of 004");
    }
    let total_words: u64 =
        reuse(&db, ids["004"]).iter().map(|l| l["words"].as_u64().unwrap()).sum();
    assert!(total_words >= 300, "004 reprints most of the statement: {total_words} words");
    // 001 and 003 share nothing with anyone.
    for number in ["001", "003"] {
        assert!(reuse(&db, ids[number]).is_empty(), "{number}");
    }
}

#[test]
fn reuse_prints_passages_readably_and_refuses_unknown_ids() {
    let dir = tempfile::tempdir().unwrap();
    let (db, ids) = seeds_db(dir.path());
    let output = run(&db, &["reuse", &ids["004"].to_string()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("earliest source: #"), "{text}");
    assert!(text.contains("000_3764c3d9eba899d3.txt"), "{text}");
    assert!(text.contains("shared with 2 articles"), "{text}");
    let none = run(&db, &["reuse", &ids["001"].to_string()]);
    assert!(stdout(&none).contains("0 passages shared with 0 articles"), "{}", stdout(&none));
    assert_eq!(run(&db, &["reuse", "999"]).status.code(), Some(1));
    assert_eq!(run(&db, &["reuse", "abc"]).status.code(), Some(2));
    let missing = dir.path().join("none.db");
    assert_eq!(run(&missing, &["reuse", "1"]).status.code(), Some(1));
}

#[test]
fn saudinewsnet_near_duplicates_are_linked_by_passages_and_reingest_adds_nothing() {
    let Some(shared) = shared() else { return };
    let zips: Vec<String> =
        saudinewsnet_zips(&shared).iter().take(2).map(|p| p.to_str().unwrap().to_owned()).collect();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("snn.db");
    let mut args = vec!["ingest", "--json"];
    args.extend(zips.iter().map(String::as_str));
    let first = json(&run(&db, &args));
    let passages = first["passages"].as_u64().unwrap();
    assert!(passages > 100, "{first}");

    let ids: HashMap<String, i64> =
        json_lines(&run(&db, &["articles", "--json", "--limit", "100000"]))
            .iter()
            .map(|a| (a["url"].as_str().unwrap().to_owned(), a["id"].as_i64().unwrap()))
            .collect();
    // Exact truth pairs (word-5-shingle Jaccard ≥ 0.6) whose articles are both stored.
    let truth =
        std::fs::read_to_string(shared.join("eval/dedup/saudinewsnet_pairs_j030.jsonl")).unwrap();
    let pairs: Vec<(i64, i64)> = truth
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|p| p["jaccard"].as_f64().unwrap() >= 0.6)
        .filter_map(|p| Some((*ids.get(p["a"].as_str()?)?, *ids.get(p["b"].as_str()?)?)))
        .collect();
    assert!(pairs.len() >= 50, "{} truth pairs in two days", pairs.len());
    let mut linked = 0usize;
    let mut by_article: HashMap<i64, BTreeSet<i64>> = HashMap::new();
    for &(a, b) in pairs.iter().take(150) {
        let others = by_article.entry(a).or_insert_with(|| {
            reuse(&db, a).iter().map(|l| l["other"]["id"].as_i64().unwrap()).collect()
        });
        linked += usize::from(others.contains(&b));
    }
    let checked = pairs.len().min(150);
    assert!(linked * 100 >= checked * 95, "{linked} of {checked} near-duplicate pairs linked");

    let again = json(&run(&db, &args));
    assert_eq!(
        (again["added"].as_u64(), again["passages"].as_u64()),
        (Some(0), Some(0)),
        "{again}"
    );
    assert_eq!(again["near_duplicates"], 0);
    assert_eq!(again["backfilled"], 0);
}
