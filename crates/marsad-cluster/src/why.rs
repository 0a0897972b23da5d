//! Why articles are one story: the terms (and entity keys) their members share,
//! weighted the way the clusterer weighs them.
//!
//! Each member's terms are weighed as in [`Features`](crate::Features) (title ×3,
//! lead ×2, sublinear, L2-normalised), times the term's IDF under the shipped
//! document-frequency prior (`prior.rs`: common news words weigh little). A term's
//! score is the sum of its weights over the members that have it; terms found in
//! at least two members (when the story has two) rank first, best score first.
//! Entity keys are counted the same way with weight 1 per member.
//!
//! ```
//! use marsad_cluster::{why::shared_terms, ArticleInput, ClusterConfig};
//!
//! let members = [
//!     ArticleInput::new(1, None, "الذهب يهبط إلى 1088 دولارا", "تراجعت أسعار الذهب"),
//!     ArticleInput::new(2, None, "هبوط الذهب", "الذهب عند أدنى مستوى منذ خمس سنوات"),
//! ];
//! let terms = shared_terms(&members, &ClusterConfig::default(), 3);
//! assert_eq!(terms[0].term, "ذهب");
//! assert_eq!(terms[0].articles, 2);
//! ```

use std::collections::BTreeMap;

use crate::hash::{key, KeyKind};
use crate::prior::shipped;
use crate::{ArticleInput, ClusterConfig};

/// A term the members share.
#[derive(Debug, Clone, PartialEq)]
pub struct SharedTerm {
    /// The index term (stem), or the entity key.
    pub term: String,
    /// `term` or `entity`.
    pub kind: &'static str,
    /// Members that have it.
    pub articles: usize,
    /// Its summed weight over those members.
    pub weight: f64,
}

/// The `limit` terms and entity keys that best hold `members` together.
pub fn shared_terms(
    members: &[ArticleInput],
    config: &ClusterConfig,
    limit: usize,
) -> Vec<SharedTerm> {
    let prior = shipped();
    let idf = |t: &str| {
        let df = prior.df.get(&key(KeyKind::Term, t)).copied().unwrap_or(0.0);
        ((prior.docs + 1.0) / (df + 1.0)).ln() + 1.0
    };
    let mut acc: BTreeMap<(&'static str, String), (usize, f64)> = BTreeMap::new();
    let mut buf = String::new();
    for m in members {
        let mut tf: BTreeMap<String, u32> = BTreeMap::new();
        buf.clear();
        marsad_text::index_terms(&m.title, &mut buf);
        for t in buf.split_ascii_whitespace() {
            *tf.entry(t.to_owned()).or_default() += config.title_weight;
        }
        buf.clear();
        let text = crate::features::prefix(&m.text, config.max_text_bytes);
        marsad_text::index_terms(text, &mut buf);
        for (i, t) in buf.split_ascii_whitespace().enumerate() {
            let w = if i < config.lead_terms { config.lead_weight } else { 1 };
            *tf.entry(t.to_owned()).or_default() += w;
        }
        let raw: Vec<(String, f64)> =
            tf.into_iter().map(|(t, n)| (t, 1.0 + f64::from(n.max(1)).ln())).collect();
        let norm = raw.iter().map(|(_, w)| w * w).sum::<f64>().sqrt().max(f64::MIN_POSITIVE);
        for (t, w) in raw {
            let weight = w / norm * idf(&t);
            let e = acc.entry(("term", t)).or_default();
            e.0 += 1;
            e.1 += weight;
        }
        let mut entities: Vec<String> =
            m.entities.iter().map(|e| e.trim().to_owned()).filter(|e| !e.is_empty()).collect();
        entities.sort_unstable();
        entities.dedup();
        for e in entities {
            let entry = acc.entry(("entity", e)).or_default();
            entry.0 += 1;
            entry.1 += 1.0;
        }
    }
    let min_articles = members.len().min(2);
    let mut out: Vec<SharedTerm> = acc
        .into_iter()
        .map(|((kind, term), (articles, weight))| SharedTerm { term, kind, articles, weight })
        .collect();
    out.sort_by(|a, b| {
        (b.articles >= min_articles)
            .cmp(&(a.articles >= min_articles))
            .then(b.weight.total_cmp(&a.weight))
            .then(a.term.cmp(&b.term))
    });
    out.truncate(limit);
    out
}
