//! Issue 7: `marsad analyze --json` carries `quotes`, `quantities` and `dates`
//! with spans into `text`, relative dates resolved against the dateline when
//! the article has no publication date.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code

mod common;

use common::*;

fn analysis(seed: &str) -> serde_json::Value {
    let path = seeds().join(seed);
    let output = marsad().args(["analyze", path.to_str().unwrap(), "--json"]).output().unwrap();
    json(&output)
}

fn check_span(text: &str, item: &serde_json::Value) {
    let (start, end) =
        (item["span"][0].as_u64().unwrap() as usize, item["span"][1].as_u64().unwrap() as usize);
    assert_eq!(&text[start..end], item["text"].as_str().unwrap());
}

#[test]
fn issue_7_analyze_json_has_quotes_quantities_and_dates() {
    let a = analysis("001_b722c595d9660330.txt");
    let text = a["text"].as_str().unwrap();
    let quotes = a["quotes"].as_array().unwrap();
    assert!(!quotes.is_empty());
    for q in quotes {
        check_span(text, q);
        assert!(q["direct"].is_boolean());
        assert!(q.get("cue").is_some());
        if !q["speaker"].is_null() {
            check_span(text, &q["speaker"]);
        }
    }
    assert!(quotes.iter().any(|q| q["speaker"]["entity"] == "جو بايدن"));
    for q in a["quantities"].as_array().unwrap() {
        check_span(text, q);
        assert!(q["value"].is_number() && q["approximate"].is_boolean());
    }
    let dates = a["dates"].as_array().unwrap();
    for d in dates {
        check_span(text, d);
        assert!(["day", "month", "year"].contains(&d["precision"].as_str().unwrap()));
    }
    // No date in the metadata: the dateline (26/7/2021) gives one, and "الخميس" is resolved from it.
    assert!(a["published"].as_str().unwrap().starts_with("2021-07-26"));
    assert!(dates
        .iter()
        .any(|d| d["text"] == "الخميس" && d["value"] == "2021-07-22" && d["relative"] == true));
}
