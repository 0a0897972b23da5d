//! Cluster a whole corpus without the database: quality, speed and resume stability.
//!
//! ```text
//! cargo run --release -p marsad-cluster --example cluster_corpus -- \
//!     ../shared/corpora/saudinewsnet/*.zip --out stories.jsonl [--resume] [--dedup] \
//!     [--pairs ../shared/eval/stories/dev_pairs.jsonl] [--set threshold=0.3 ...] [--grid]
//! ```
//!
//! Reads `.zip` files of JSON arrays (SaudiNewsNet fields `source`, `url`,
//! `date_extracted`, `title`, `content`) in the order given, skips empty
//! content, and clusters every article in that (ingest) order, the id of an
//! article being its position. Prints the time per article (overall and per
//! 5,000-article slice) and, when the dev pairs are found, pairwise P/R/F1
//! on them. `--out` writes the stories as JSON Lines in the shape of
//! `marsad stories --json --all` (DESIGN.md), for `score_story_pairs.py`.
//!
//! - `--dedup`: link near-duplicates with `marsad-dedup` first (`duplicate_of`).
//! - `--resume`: also cluster one file at a time, each time rebuilding the
//!   clusterer with `Clusterer::resume_features` from the assignments made so
//!   far, and report the agreement with the one-run clustering (dev pairs,
//!   2,000 random co-clustered pairs, and identical story ids).
//! - `--grid`: the F1 landscape over threshold × half-life and a few other settings.
//! - `--set name=value`: override a `ClusterConfig` field.
//! - `CLUSTER_DIAG=1` in the environment: print, per dev pair, the direct
//!   cosine of the two articles (whole-corpus IDF), title and lead cosines,
//!   the time gap and whether they share an outlet.

mod corpus;
mod diag;
mod eval;
mod output;

use std::collections::HashMap;
use std::time::Instant;

use anyhow::{bail, Context};
use marsad_cluster::{ClusterConfig, Clusterer, Decision, Features};

struct Args {
    paths: Vec<String>,
    out: Option<String>,
    pairs: Option<String>,
    resume: bool,
    dedup: bool,
    grid: bool,
    config: ClusterConfig,
}

fn parse_args() -> anyhow::Result<Args> {
    let mut args = Args {
        paths: Vec::new(),
        out: None,
        pairs: None,
        resume: false,
        dedup: false,
        grid: false,
        config: ClusterConfig::default(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--out" => args.out = Some(it.next().context("--out needs a path")?),
            "--pairs" => args.pairs = Some(it.next().context("--pairs needs a path")?),
            "--resume" => args.resume = true,
            "--dedup" => args.dedup = true,
            "--grid" => args.grid = true,
            "--set" => set(&mut args.config, &it.next().context("--set needs name=value")?)?,
            _ if a.starts_with("--") => bail!("unknown option {a}"),
            _ => args.paths.push(a),
        }
    }
    if args.paths.is_empty() {
        bail!(
            "usage: cluster_corpus FILE.zip... [--out stories.jsonl] [--resume] [--dedup] [--grid]"
        );
    }
    if args.pairs.is_none() {
        let default =
            concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/eval/stories/dev_pairs.jsonl");
        if std::path::Path::new(default).is_file() {
            args.pairs = Some(default.to_string());
        }
    }
    args.config.validate()?;
    Ok(args)
}

/// Apply `name=value` to the config.
fn set(c: &mut ClusterConfig, kv: &str) -> anyhow::Result<()> {
    let (k, v) = kv.split_once('=').context("--set needs name=value")?;
    let f = || v.parse::<f64>().with_context(|| format!("bad number {v}"));
    match k {
        "window_secs" => c.window_secs = f()? as i64,
        "idf_refresh_secs" => c.idf_refresh_secs = f()? as i64,
        "idf_growth" => c.idf_growth = f()?,
        "title_weight" => c.title_weight = f()? as u32,
        "lead_weight" => c.lead_weight = f()? as u32,
        "lead_terms" => c.lead_terms = f()? as usize,
        "max_text_bytes" => c.max_text_bytes = f()? as usize,
        "query_terms" => c.query_terms = f()? as usize,
        "max_query_df" => c.max_query_df = f()?,
        "max_candidates" => c.max_candidates = f()? as usize,
        "threshold" => c.threshold = f()?,
        "prior_weight" => c.prior_weight = f()?,
        "half_life_secs" => c.half_life_secs = f()?,
        "merge_threshold" => c.merge_threshold = f()?,
        "entity_weight" => c.entity_weight = f()?,
        "same_outlet_factor" => c.same_outlet_factor = f()?,
        "number_weight" => c.number_weight = f()?,
        "min_number_digits" => c.min_number_digits = f()? as usize,
        _ => bail!("unknown setting {k}"),
    }
    Ok(())
}

/// Cluster all features in order; the story of each article, and the time per 5,000-slice.
fn run(config: &ClusterConfig, features: &[Features]) -> anyhow::Result<(Vec<Decision>, Vec<f64>)> {
    let mut c = Clusterer::new(config.clone())?;
    let mut decisions = Vec::with_capacity(features.len());
    let mut slices = Vec::new();
    let mut t = Instant::now();
    for (i, f) in features.iter().enumerate() {
        decisions.push(c.assign_features(f.clone())?);
        if (i + 1) % 5000 == 0 {
            slices.push(t.elapsed().as_secs_f64());
            t = Instant::now();
        }
    }
    slices.push(t.elapsed().as_secs_f64());
    Ok((decisions, slices))
}

/// Cluster one file at a time, resuming from the stored assignments each time.
fn run_resumed(
    config: &ClusterConfig,
    docs: &[corpus::Doc],
    features: &[Features],
) -> anyhow::Result<(Vec<Decision>, usize)> {
    let mut stored: Vec<Decision> = Vec::with_capacity(features.len());
    let mut replayed = 0usize;
    let files = docs.iter().map(|d| d.file).max().map_or(0, |m| m + 1);
    for file in 0..files {
        let latest = stored.iter().map(|d| d.time).max();
        let horizon = latest.map_or(i64::MIN, |t| Clusterer::horizon(config, t));
        let redirect = redirects(&stored);
        let replay = stored.iter().filter(|d| d.time >= horizon).map(|d| {
            let f = features[d.article as usize].clone().with_published(Some(d.time));
            (f, resolve(&redirect, d.story))
        });
        replayed += stored.iter().filter(|d| d.time >= horizon).count();
        let mut c = Clusterer::resume_features(config.clone(), replay)?;
        for (i, doc) in docs.iter().enumerate() {
            if doc.file == file {
                stored.push(c.assign_features(features[i].clone())?);
            }
        }
    }
    Ok((stored, replayed))
}

/// Where each merged story went.
fn redirects(decisions: &[Decision]) -> HashMap<i64, i64> {
    decisions.iter().flat_map(|d| d.merged.iter().map(move |&old| (old, d.story))).collect()
}

/// Follow merges to the story that holds `id` now.
fn resolve(redirect: &HashMap<i64, i64>, mut id: i64) -> i64 {
    while let Some(&next) = redirect.get(&id) {
        if next == id {
            break;
        }
        id = next;
    }
    id
}

/// The final story of every article (merges applied).
fn final_stories(decisions: &[Decision]) -> Vec<i64> {
    let redirect = redirects(decisions);
    decisions.iter().map(|d| resolve(&redirect, d.story)).collect()
}

fn story_of_urls<'a>(docs: &'a [corpus::Doc], stories: &[i64]) -> HashMap<&'a str, i64> {
    docs.iter().zip(stories).map(|(d, &s)| (d.url.as_str(), s)).collect()
}

fn main() -> anyhow::Result<()> {
    let args = parse_args()?;
    let start = Instant::now();
    let mut docs = corpus::read(&args.paths)?;
    let read_secs = start.elapsed().as_secs_f64();
    eprintln!("read {} articles from {} files in {read_secs:.2}s", docs.len(), args.paths.len());
    if args.dedup {
        let t = Instant::now();
        let linked = corpus::link_duplicates(&mut docs)?;
        eprintln!(
            "dedup: {linked} articles linked to an earlier near-duplicate in {:.2}s",
            t.elapsed().as_secs_f64()
        );
    }
    let pairs = match &args.pairs {
        Some(p) => eval::read_pairs(p)?,
        None => Vec::new(),
    };
    if std::env::var_os("CLUSTER_DIAG").is_some() {
        diag::run(&docs, &pairs);
        return Ok(());
    }
    if args.grid {
        return grid(&args, &docs, &pairs);
    }

    let t = Instant::now();
    let features = corpus::features(&docs, &args.config);
    let feature_secs = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let (decisions, slices) = run(&args.config, &features)?;
    let assign_secs = t.elapsed().as_secs_f64();
    let stories = final_stories(&decisions);
    let n = docs.len().max(1) as f64;
    let total = feature_secs + assign_secs;
    eprintln!(
        "clustered {} articles into {} stories: features {feature_secs:.2}s (all cores), assign {assign_secs:.2}s; \
         {:.1} µs/article; read+cluster {:.2}s",
        docs.len(),
        stories.iter().collect::<std::collections::HashSet<_>>().len(),
        total / n * 1e6,
        read_secs + total
    );
    let per_slice: Vec<String> =
        slices.iter().map(|s| format!("{:.1}", s / 5000.0 * 1e6)).collect();
    eprintln!("assign µs/article per 5,000-article slice: {}", per_slice.join(" "));
    let kinds = ["new", "joined", "duplicate"]
        .map(|k| format!("{k} {}", decisions.iter().filter(|d| d.kind.as_str() == k).count()));
    let merges: usize = decisions.iter().map(|d| d.merged.len()).sum();
    eprintln!("decisions: {}; {merges} stories merged into older ones", kinds.join(", "));
    if !pairs.is_empty() {
        let map = story_of_urls(&docs, &stories);
        let high = eval::score(&pairs, &map, false);
        let all = eval::score(&pairs, &map, true);
        eprintln!(
            "dev pairs high: n={} P={:.4} R={:.4} F1={:.4} | all: n={} P={:.4} R={:.4} F1={:.4}",
            high.pairs,
            high.precision,
            high.recall,
            high.f1,
            all.pairs,
            all.precision,
            all.recall,
            all.f1
        );
    }
    if let Some(out) = &args.out {
        output::write_stories(out, &docs, &decisions, &stories)?;
        eprintln!("wrote {out}");
    }
    if args.resume {
        let t = Instant::now();
        let (resumed, replayed) = run_resumed(&args.config, &docs, &features)?;
        let other = final_stories(&resumed);
        eprintln!(
            "resume: {} files one at a time in {:.2}s ({replayed} stored assignments replayed)",
            args.paths.len(),
            t.elapsed().as_secs_f64()
        );
        let same = stories.iter().zip(&other).filter(|(a, b)| a == b).count();
        eprintln!("resume: identical story ids for {same}/{} articles", stories.len());
        let index: HashMap<&str, usize> =
            docs.iter().enumerate().map(|(i, d)| (d.url.as_str(), i)).collect();
        let dev: Vec<(usize, usize)> = pairs
            .iter()
            .filter_map(|p| Some((*index.get(p.a_url.as_str())?, *index.get(p.b_url.as_str())?)))
            .collect();
        let sample = eval::sample_co_clustered(&stories, 2000, 0x5eed);
        let sample_other = eval::sample_co_clustered(&other, 2000, 0xfeed);
        eprintln!(
            "resume agreement: dev pairs {:.4} ({} pairs), 2,000 co-clustered (one run) {:.4}, 2,000 co-clustered (resumed) {:.4}",
            eval::agreement(&dev, &stories, &other),
            dev.len(),
            eval::agreement(&sample, &stories, &other),
            eval::agreement(&sample_other, &stories, &other),
        );
    }
    Ok(())
}

/// The F1 landscape on the dev pairs around the defaults.
fn grid(args: &Args, docs: &[corpus::Doc], pairs: &[eval::Pair]) -> anyhow::Result<()> {
    let base = args.config.clone();
    let features = corpus::features(docs, &base);
    let eval_config = |c: &ClusterConfig, features: &[Features]| -> anyhow::Result<String> {
        let (decisions, _) = run(c, features)?;
        let stories = final_stories(&decisions);
        let map = story_of_urls(docs, &stories);
        let h = eval::score(pairs, &map, false);
        let a = eval::score(pairs, &map, true);
        Ok(format!("{:.3} ({:.2}/{:.2}) all {:.3}", h.f1, h.precision, h.recall, a.f1))
    };
    eprintln!("F1 high (P/R) all: threshold × half-life (hours)");
    for half in [24.0, 72.0, 168.0, 1e9] {
        for th in [0.3, 0.32, 0.35, 0.38, 0.4, 0.45] {
            let c = ClusterConfig { threshold: th, half_life_secs: half * 3600.0, ..base.clone() };
            eprintln!("half-life {half:>5}h threshold {th:.2}: {}", eval_config(&c, &features)?);
        }
    }
    for (name, c) in [
        ("same_outlet_factor 0.8", ClusterConfig { same_outlet_factor: 0.8, ..base.clone() }),
        ("query_terms 20", ClusterConfig { query_terms: 20, ..base.clone() }),
        ("window 1 day", ClusterConfig { window_secs: 86_400, ..base.clone() }),
        ("window 7 days", ClusterConfig { window_secs: 7 * 86_400, ..base.clone() }),
        ("number_weight 0", ClusterConfig { number_weight: 0.0, ..base.clone() }),
        ("number_weight 0.2", ClusterConfig { number_weight: 0.2, ..base.clone() }),
        ("max_candidates 32", ClusterConfig { max_candidates: 32, ..base.clone() }),
    ] {
        eprintln!("{name}: {}", eval_config(&c, &features)?);
    }
    for (name, c) in [
        (
            "title_weight 1 lead_weight 1",
            ClusterConfig { title_weight: 1, lead_weight: 1, ..base.clone() },
        ),
        ("title_weight 5", ClusterConfig { title_weight: 5, ..base.clone() }),
        ("max_text_bytes 3000", ClusterConfig { max_text_bytes: 3000, ..base.clone() }),
    ] {
        let f = corpus::features(docs, &c);
        eprintln!("{name}: {}", eval_config(&c, &f)?);
    }
    Ok(())
}
