//! Issue 6 bar (quality): pairwise F1 on the high-confidence dev pairs
//! (`../shared/eval/stories/dev_pairs.jsonl`) after clustering the whole
//! SaudiNewsNet corpus, as `score_story_pairs.py` computes it, is ≥ 0.85.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::HashMap;

use marsad_cluster::{ClusterConfig, Clusterer, Features};

#[derive(serde::Deserialize)]
struct Pair {
    a_url: String,
    b_url: String,
    label: String,
    confidence: String,
}

#[test]
fn high_confidence_dev_pairs_f1_is_at_least_0_85() {
    let Some(shared) = common::shared() else { return };
    let mut docs = Vec::new();
    for zip in common::saudinewsnet_zips(&shared) {
        common::read_zip(&zip, &mut docs);
    }
    let config = ClusterConfig::default();
    let features: Vec<Features> = std::thread::scope(|s| {
        let half = docs.len() / 2;
        let (a, b) = docs.split_at(half);
        let config = &config;
        let left =
            s.spawn(move || a.iter().map(|d| Features::new(&d.input, config)).collect::<Vec<_>>());
        let right: Vec<Features> = b.iter().map(|d| Features::new(&d.input, config)).collect();
        let mut all = left.join().unwrap();
        all.extend(right);
        all
    });
    let mut c = Clusterer::new(config).unwrap();
    let mut story_of: HashMap<&str, i64> = HashMap::new();
    for (d, f) in docs.iter().zip(features) {
        story_of.insert(d.url.as_str(), c.assign_features(f).unwrap().story);
    }
    let pairs = std::fs::read_to_string(shared.join("eval/stories/dev_pairs.jsonl")).unwrap();
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    for line in pairs.lines().filter(|l| !l.trim().is_empty()) {
        let p: Pair = serde_json::from_str(line).unwrap();
        if p.confidence != "high" {
            continue;
        }
        let (a, b) = (story_of.get(p.a_url.as_str()), story_of.get(p.b_url.as_str()));
        let same = a.is_some() && a == b;
        let gold = p.label == "SAME";
        tp += usize::from(same && gold);
        fp += usize::from(same && !gold);
        fn_ += usize::from(!same && gold);
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    let f1 = 2.0 * precision * recall / (precision + recall).max(1e-9);
    eprintln!("dev pairs (high): P={precision:.4} R={recall:.4} F1={f1:.4}");
    assert!(f1 >= 0.85, "F1 {f1:.4} (P {precision:.4}, R {recall:.4})");
}
