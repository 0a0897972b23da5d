//! `CLUSTER_DIAG=1`: direct similarities (whole-corpus IDF, full text) of the dev pairs, to see what separates SAME from RELATED.

use std::collections::HashMap;

use crate::corpus::Doc;
use crate::eval::Pair;

fn terms(title: &str, text: &str) -> Vec<String> {
    let mut buf = String::new();
    marsad_text::index_terms(title, &mut buf);
    buf.push(' ');
    marsad_text::index_terms(text, &mut buf);
    buf.split_ascii_whitespace().map(str::to_string).collect()
}

pub fn run(docs: &[Doc], pairs: &[Pair]) {
    let mut df: HashMap<String, f64> = HashMap::new();
    for d in docs {
        let mut t = terms(&d.title, &d.text);
        t.sort();
        t.dedup();
        for x in t {
            *df.entry(x).or_default() += 1.0;
        }
    }
    let n = docs.len() as f64;
    let idf = |t: &str| ((n + 1.0) / (df.get(t).copied().unwrap_or(0.0) + 1.0)).ln() + 1.0;
    let vec = |title: &str, text: &str, tw: f64| -> HashMap<String, f64> {
        let mut v: HashMap<String, f64> = HashMap::new();
        let mut buf = String::new();
        marsad_text::index_terms(title, &mut buf);
        for t in buf.split_ascii_whitespace() {
            *v.entry(t.to_string()).or_default() += tw;
        }
        buf.clear();
        marsad_text::index_terms(text, &mut buf);
        for t in buf.split_ascii_whitespace() {
            *v.entry(t.to_string()).or_default() += 1.0;
        }
        v.iter_mut().for_each(|(t, w)| *w = (1.0 + w.ln()) * idf(t));
        let norm = v.values().map(|w| w * w).sum::<f64>().sqrt().max(1e-9);
        v.values_mut().for_each(|w| *w /= norm);
        v
    };
    let cos = |a: &HashMap<String, f64>, b: &HashMap<String, f64>| -> f64 {
        a.iter().map(|(t, w)| w * b.get(t).copied().unwrap_or(0.0)).sum()
    };
    let index: HashMap<&str, &Doc> = docs.iter().map(|d| (d.url.as_str(), d)).collect();
    for p in pairs {
        let (Some(a), Some(b)) = (index.get(p.a_url.as_str()), index.get(p.b_url.as_str())) else {
            continue;
        };
        let full = cos(&vec(&a.title, &a.text, 3.0), &vec(&b.title, &b.text, 3.0));
        let title = cos(&vec(&a.title, "", 1.0), &vec(&b.title, "", 1.0));
        let lead = |d: &Doc| d.text.chars().take(300).collect::<String>();
        let leadc = cos(&vec(&a.title, &lead(a), 2.0), &vec(&b.title, &lead(b), 2.0));
        let gap = (a.published.unwrap_or(0) - b.published.unwrap_or(0)).abs() as f64 / 3600.0;
        println!(
            "{}\t{}\tfull {full:.3}\ttitle {title:.3}\tlead {leadc:.3}\tgap {gap:.0}h\tsame_outlet {}",
            p.label,
            p.confidence,
            a.outlet == b.outlet
        );
    }
}
