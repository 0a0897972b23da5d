//! Issue 5 through the real binary: `marsad tag --conll` keeps the tokens, their
//! order and the blank lines (CRLF, BOM, empty input, labeled input, very long
//! sentences); `marsad train-ner` writes a model `tag --model` reads; `marsad analyze
//! --json` carries `entities` with spans into `text`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code

mod common;

use std::io::Write;
use std::process::Stdio;

use common::*;

fn tag(input: &str, extra: &[&str]) -> (String, String, bool) {
    let mut child = marsad()
        .args(["tag", "--conll"])
        .args(extra)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let owned = input.to_owned();
    let writer = std::thread::spawn(move || stdin.write_all(owned.as_bytes()));
    let out = child.wait_with_output().unwrap();
    // A run that fails early (bad --model) may close stdin before reading it.
    let _ = writer.join();
    (stdout(&out), stderr(&out), out.status.success())
}

fn tokens_of(output: &str) -> Vec<&str> {
    output.lines().filter(|l| !l.is_empty()).map(|l| l.split('\t').next().unwrap()).collect()
}

#[test]
fn issue_5_tag_conll_keeps_tokens_and_blank_lines() {
    let input = "\u{feff}قال\r\nالرئيس\r\nجو\r\nبايدن\r\n.\r\n\r\nزار\r\nبغداد\r\n";
    let (out, err, ok) = tag(input, &[]);
    assert!(ok, "{err}");
    assert_eq!(tokens_of(&out), ["قال", "الرئيس", "جو", "بايدن", ".", "زار", "بغداد"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 8);
    assert_eq!(lines[5], "");
    for line in lines.iter().filter(|l| !l.is_empty()) {
        let tag = line.split('\t').nth(1).unwrap();
        assert!(tag == "O" || tag.starts_with("B-") || tag.starts_with("I-"), "{line}");
    }
    assert!(lines[3].ends_with("PERS"), "{out}");
}

#[test]
fn issue_5_tag_conll_empty_labeled_and_long_input() {
    let (out, _, ok) = tag("", &[]);
    assert!(ok && out.is_empty());
    let (out, _, ok) = tag("\n\n", &[]);
    assert!(ok && out == "\n\n");
    // A labeled file: the first field is the token.
    let (out, _, ok) = tag("فرانكفورت B-LOC\n(د O\n", &[]);
    assert!(ok);
    assert_eq!(tokens_of(&out), ["فرانكفورت", "(د"]);
    let long: String = (0..30_000).map(|i| if i % 7 == 0 { "بغداد\n" } else { "في\n" }).collect();
    let (out, _, ok) = tag(&long, &[]);
    assert!(ok);
    assert_eq!(out.lines().count(), 30_000);
}

#[test]
fn issue_5_train_ner_writes_a_model_tag_reads() {
    let dir = tempfile::tempdir().unwrap();
    let train = dir.path().join("train.txt");
    std::fs::write(
        &train,
        "زار O\nجون B-PERS\nكيري I-PERS\nبغداد B-LOC\n. O\n\nأعلنت O\nوزارة B-ORG\nالدفاع I-ORG\n. O\n",
    )
    .unwrap();
    let model = dir.path().join("m.bin");
    let out = marsad()
        .args(["train-ner", "--train", train.to_str().unwrap(), "--out", model.to_str().unwrap()])
        .args(["--epochs", "3", "--bits", "12"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let (tagged, err, ok) =
        tag("زار\nجون\nكيري\nبغداد\n.\n", &["--model", model.to_str().unwrap()]);
    assert!(ok, "{err}");
    assert_eq!(tokens_of(&tagged).len(), 5);
    let bad = dir.path().join("bad.bin");
    std::fs::write(&bad, b"garbage").unwrap();
    let (_, err, ok) = tag("x\n", &["--model", bad.to_str().unwrap()]);
    assert!(!ok && err.contains("model"), "{err}");
}

#[test]
fn issue_5_analyze_json_has_entities() {
    let seed = seeds().join("000_3764c3d9eba899d3.txt");
    let out = marsad().args(["analyze", seed.to_str().unwrap(), "--json"]).output().unwrap();
    let analysis = &json_lines(&out)[0];
    let text = analysis["text"].as_str().unwrap();
    let entities = analysis["entities"].as_array().unwrap();
    assert!(entities.len() > 20);
    for e in entities {
        let span = e["span"].as_array().unwrap();
        let (a, b) = (span[0].as_u64().unwrap() as usize, span[1].as_u64().unwrap() as usize);
        assert_eq!(&text[a..b], e["text"].as_str().unwrap());
        assert!(["PERS", "ORG", "LOC", "MISC"].contains(&e["kind"].as_str().unwrap()));
        assert!(!e["entity"].as_str().unwrap().is_empty());
    }
    assert!(entities.iter().any(|e| e["entity"] == "لويد أوستن" && e["text"] == "أوستن"));
}
