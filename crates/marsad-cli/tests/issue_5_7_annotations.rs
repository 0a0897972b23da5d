//! Issues 5 and 7 through the binary: `marsad annotations ID --json` shows what ingest
//! stored, the same entities, quotes, quantities and dates as `marsad analyze --json` on
//! the file, with spans into the stored text; `--no-annotate` leaves them to the next ingest.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code

mod common;

use common::*;

/// The fields of an annotation list that both commands print.
fn items(value: &serde_json::Value, fields: &[&str]) -> Vec<Vec<serde_json::Value>> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|item| fields.iter().map(|f| item[*f].clone()).collect())
        .collect()
}

#[test]
fn issue_5_7_stored_annotations_match_analyze() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    let out = run(&db, &["ingest", "--no-annotate", seeds().to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let waiting = run(&db, &["annotations", "1"]);
    assert!(!waiting.status.success());
    assert!(stderr(&waiting).contains("not annotated yet"), "{}", stderr(&waiting));
    let out = json(&run(&db, &["ingest", "--json", seeds().to_str().unwrap()]));
    assert_eq!(out["annotated"], 5);

    let articles = json_lines(&run(&db, &["articles", "--json"]));
    assert_eq!(articles.len(), 5);
    for article in articles {
        let id = article["id"].as_i64().unwrap().to_string();
        let stored = json(&run(&db, &["annotations", &id, "--json"]));
        let file = seeds()
            .join(std::path::Path::new(article["url"].as_str().unwrap()).file_name().unwrap());
        let fresh =
            json(&marsad().args(["analyze", "--json", file.to_str().unwrap()]).output().unwrap());
        let text = fresh["text"].as_str().unwrap();
        for list in ["entities", "quotes", "quantities", "dates"] {
            for item in stored[list].as_array().unwrap() {
                let (start, end) =
                    (item["span"][0].as_u64().unwrap(), item["span"][1].as_u64().unwrap());
                assert_eq!(&text[start as usize..end as usize], item["text"], "{list} of {id}");
            }
        }
        let fields: &[(&str, &[&str])] = &[
            ("entities", &["span", "text", "kind", "entity", "role"]),
            ("quotes", &["span", "text", "direct", "cue", "speaker"]),
            ("quantities", &["span", "text", "value", "unit", "approximate", "range"]),
            ("dates", &["span", "text", "value", "precision", "relative"]),
        ];
        for (list, fields) in fields {
            assert_eq!(
                items(&stored[list], fields),
                items(&fresh[list], fields),
                "{list} of {file:?}"
            );
        }
    }
    assert!(!run(&db, &["annotations", "999"]).status.success());
}
