//! Issue 6 bar (stability): clustering zips one at a time, resuming from the
//! stored assignments each time, gives the same stories as one run; and a
//! run is deterministic.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::HashMap;

use marsad_cluster::{ClusterConfig, Clusterer, Decision, Features};

/// Follow merges to the story that holds `id` now.
fn resolve(redirect: &HashMap<i64, i64>, mut id: i64) -> i64 {
    while let Some(&next) = redirect.get(&id) {
        id = next;
    }
    id
}

fn final_stories(decisions: &[Decision]) -> Vec<i64> {
    let redirect: HashMap<i64, i64> =
        decisions.iter().flat_map(|d| d.merged.iter().map(move |&o| (o, d.story))).collect();
    decisions.iter().map(|d| resolve(&redirect, d.story)).collect()
}

/// Three days of the corpus; `parts[i]` = the ids of file i.
fn corpus() -> Option<(Vec<Features>, Vec<std::ops::Range<usize>>)> {
    let shared = common::shared()?;
    let zips = common::saudinewsnet_zips(&shared);
    let mut docs = Vec::new();
    let mut parts = Vec::new();
    for zip in zips.iter().skip(1).take(3) {
        let start = docs.len();
        common::read_zip(zip, &mut docs);
        parts.push(start..docs.len());
    }
    let config = ClusterConfig::default();
    Some((docs.iter().map(|d| Features::new(&d.input, &config)).collect(), parts))
}

fn one_run(config: &ClusterConfig, features: &[Features]) -> Vec<Decision> {
    let mut c = Clusterer::new(config.clone()).unwrap();
    features.iter().map(|f| c.assign_features(f.clone()).unwrap()).collect()
}

fn resumed(
    config: &ClusterConfig,
    features: &[Features],
    parts: &[std::ops::Range<usize>],
) -> Vec<Decision> {
    let mut stored: Vec<Decision> = Vec::new();
    for part in parts {
        let now = final_stories(&stored);
        let horizon = stored.iter().map(|d| d.time).max().map(|t| Clusterer::horizon(config, t));
        let replay =
            stored.iter().zip(&now).filter(|(d, _)| horizon.is_none_or(|h| d.time >= h)).map(
                |(d, &story)| {
                    (features[d.article as usize].clone().with_published(Some(d.time)), story)
                },
            );
        let mut c = Clusterer::resume_features(config.clone(), replay).unwrap();
        for f in &features[part.clone()] {
            stored.push(c.assign_features(f.clone()).unwrap());
        }
    }
    stored
}

#[test]
fn one_zip_at_a_time_equals_one_run() {
    let Some((features, parts)) = corpus() else { return };
    let config = ClusterConfig::default();
    let one = final_stories(&one_run(&config, &features));
    let split = final_stories(&resumed(&config, &features, &parts));
    assert_eq!(one.len(), split.len());
    let differ = one.iter().zip(&split).filter(|(a, b)| a != b).count();
    assert_eq!(differ, 0, "{differ} of {} articles changed story on resume", one.len());
}

#[test]
fn resume_with_merges_equals_one_run() {
    let Some((features, parts)) = corpus() else { return };
    let config = ClusterConfig { merge_threshold: 0.45, ..ClusterConfig::default() };
    let decisions = one_run(&config, &features);
    assert!(decisions.iter().any(|d| !d.merged.is_empty()), "some stories merge");
    let one = final_stories(&decisions);
    let split = final_stories(&resumed(&config, &features, &parts));
    assert_eq!(one, split);
}

#[test]
fn runs_are_deterministic() {
    let Some((features, _)) = corpus() else { return };
    let config = ClusterConfig::default();
    let a = one_run(&config, &features);
    let b = one_run(&config, &features);
    assert_eq!(a, b);
    // Story ids are the ids of first articles, so they never depend on the run.
    assert!(a.iter().all(|d| d.story <= d.article));
}
