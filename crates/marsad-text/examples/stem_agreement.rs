//! How often `stem` puts a word and its clitic or suffix variants on one term,
//! measured on a corpus: the check the clitic and plural rules were tuned with.
//!
//! ```text
//! unzip -d /tmp/snn ../shared/corpora/saudinewsnet/2015-07-21.zip
//! cargo run --release -p marsad-text --example stem_agreement -- /tmp/snn/*.json
//! ```
//!
//! For every frequent word w (>= 10 occurrences, 3+ letters, not a stopword)
//! and every variant v = prefix + w or w + suffix seen at least 3 times, it
//! counts whether stem(v) == stem(w), weighted by the rarer of the two. Some
//! pairs are not real variants (فكره is not ف + كره), so 100% is neither
//! reachable nor wanted. `TOP=n` prints the n heaviest disagreements.

use marsad_text::{is_stopword, stem, tokenize, TokenKind};
use std::collections::HashMap;

const PREFIXES: [&str; 17] = [
    "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "ال", "وال", "بال", "لل", "فال", "كال",
    "وبال", "ولل",
];
const SUFFIXES: [&str; 12] =
    ["ه", "ها", "هم", "ين", "ون", "ات", "ان", "ي", "يه", "يين", "يون", "يات"];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut freq: HashMap<String, usize> = HashMap::new();
    for path in std::env::args().skip(1) {
        let items: Vec<serde_json::Value> = serde_json::from_str(&std::fs::read_to_string(&path)?)?;
        for item in &items {
            let text = item.get("content").and_then(|c| c.as_str()).unwrap_or("");
            for t in tokenize(text).into_iter().filter(|t| t.kind == TokenKind::Word) {
                *freq.entry(t.norm).or_default() += 1;
            }
        }
    }
    if freq.is_empty() {
        eprintln!("usage: stem_agreement DAY.json...");
        std::process::exit(2);
    }
    let top: usize = std::env::var("TOP").ok().and_then(|v| v.parse().ok()).unwrap_or(0);
    let mut misses: Vec<(usize, String, String)> = Vec::new();
    let mut report = |label: &str, affixes: &[&str], join: fn(&str, &str) -> String| {
        let (mut agree, mut total) = (0, 0);
        let mut line = String::new();
        for affix in affixes {
            let (mut a, mut t) = (0, 0);
            for (w, &f) in &freq {
                if f < 10 || w.chars().count() < 3 || is_stopword(w) {
                    continue;
                }
                let v = join(affix, w);
                let Some(&vf) = freq.get(&v) else { continue };
                if vf < 3 || is_stopword(&v) {
                    continue;
                }
                let weight = vf.min(f);
                t += weight;
                let (sw, sv) = (stem(w), stem(&v));
                if sw == sv {
                    a += weight;
                } else {
                    misses.push((weight, format!("{v}→{sv}"), format!("{w}→{sw}")));
                }
            }
            line.push_str(&format!("{affix}:{:.2} ", a as f64 / t.max(1) as f64));
            agree += a;
            total += t;
        }
        println!("{label} agreement {:.3}\n    {line}", agree as f64 / total.max(1) as f64);
    };
    report("prefix", &PREFIXES, |p, w| format!("{p}{w}"));
    report("suffix", &SUFFIXES, |s, w| format!("{w}{s}"));
    misses.sort_by_key(|m| std::cmp::Reverse(m.0));
    for (weight, v, w) in misses.iter().take(top) {
        println!("{weight:6}  {v}  vs  {w}");
    }
    Ok(())
}
