//! Scoring a clustering: the labeled dev pairs, and agreement between two clusterings.

use std::collections::HashMap;

use anyhow::Context;

/// One labeled pair.
#[derive(serde::Deserialize, Debug, Clone)]
pub struct Pair {
    pub a_url: String,
    pub b_url: String,
    pub label: String,
    pub confidence: String,
}

pub fn read_pairs(path: &str) -> anyhow::Result<Vec<Pair>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {path}"))?;
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).with_context(|| format!("{path}: bad line")))
        .collect()
}

/// Pairwise precision, recall and F1, as `score_story_pairs.py` computes them.
#[derive(Debug, Clone, Copy, Default)]
pub struct Score {
    pub pairs: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

/// Score `story_of` (url → story) on the pairs (`all`: low confidence too).
pub fn score(pairs: &[Pair], story_of: &HashMap<&str, i64>, all: bool) -> Score {
    let (mut tp, mut fp, mut fn_, mut n) = (0usize, 0usize, 0usize, 0usize);
    for p in pairs.iter().filter(|p| all || p.confidence == "high") {
        n += 1;
        let (a, b) = (story_of.get(p.a_url.as_str()), story_of.get(p.b_url.as_str()));
        let pred = a.is_some() && a == b;
        let gold = p.label == "SAME";
        tp += usize::from(pred && gold);
        fp += usize::from(pred && !gold);
        fn_ += usize::from(!pred && gold);
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    Score { pairs: n, precision, recall, f1 }
}

/// Share of pairs on which two clusterings agree (same story in both, or different in both).
pub fn agreement(pairs: &[(usize, usize)], one: &[i64], other: &[i64]) -> f64 {
    if pairs.is_empty() {
        return 1.0;
    }
    let same = |s: &[i64], a: usize, b: usize| s.get(a).is_some() && s.get(a) == s.get(b);
    let agree = pairs.iter().filter(|&&(a, b)| same(one, a, b) == same(other, a, b)).count();
    agree as f64 / pairs.len() as f64
}

/// `n` random pairs of distinct articles that share a story in `stories` (deterministic).
pub fn sample_co_clustered(stories: &[i64], n: usize, seed: u64) -> Vec<(usize, usize)> {
    let mut groups: HashMap<i64, Vec<usize>> = HashMap::new();
    for (i, &s) in stories.iter().enumerate() {
        groups.entry(s).or_default().push(i);
    }
    let mut multi: Vec<Vec<usize>> = groups.into_values().filter(|g| g.len() > 1).collect();
    multi.sort();
    // weight groups by their pair count, by sampling a member article uniformly
    let members: Vec<(usize, usize)> =
        multi.iter().enumerate().flat_map(|(g, m)| m.iter().map(move |&a| (g, a))).collect();
    let mut rng = seed.max(1);
    let mut next = || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng
    };
    let mut out = Vec::new();
    if members.is_empty() {
        return out;
    }
    while out.len() < n {
        let (g, a) = members[(next() % members.len() as u64) as usize];
        let group = &multi[g];
        let b = group[(next() % group.len() as u64) as usize];
        if a != b {
            out.push((a.min(b), a.max(b)));
        }
    }
    out
}
