//! The document-frequency prior: how common each term is in general Arabic news,
//! so that the IDF means something before the window holds enough articles.
//!
//! On a cold start (the five seed articles alone) every term's window df is 1–5 of
//! 5: a topic word shared by every article (the United States, Iraq, security)
//! weighs as much as a name or a date only two articles share, and unrelated
//! articles on one topic look alike. The prior adds `prior_weight × N₀` pseudo
//! documents to the window, in which a term appears `prior_weight × df₀(t)` times
//! (`N₀`, `df₀` from `data/df_prior.tsv`), so
//!
//! `idf(t) = ln((N + w·N₀ + 1) / (df(t) + w·df₀(t) + 1)) + 1`.
//!
//! With `N₀ = 496` pseudo-documents the prior dominates a window of a few dozen
//! articles and fades as the window grows (a 3-day SaudiNewsNet window holds
//! ~4,000). `data/df_prior.tsv` is built from ANERcorp's training split (news, CC
//! BY-SA 4.0; attribution in `data/README.md`) by `examples/build_df_prior.rs`:
//! sentences grouped 8 at a time into pseudo-documents, distinct index terms
//! counted once per pseudo-document, terms in at least 2 kept.

use std::sync::OnceLock;

use crate::hash::{key, FxMap, KeyKind, TermKey};

/// The shipped table (see the module doc for how it is built).
const TABLE: &str = include_str!("../data/df_prior.tsv");

/// Pseudo-documents and document frequencies of the prior.
#[derive(Debug, Default)]
pub(crate) struct Prior {
    pub docs: f64,
    pub df: FxMap<TermKey, f64>,
}

impl Prior {
    /// Parse `# documents N` then `term<TAB>df` lines; malformed lines are skipped.
    pub(crate) fn parse(table: &str) -> Self {
        let mut prior = Self::default();
        for line in table.lines() {
            if let Some(n) = line.strip_prefix("# documents ") {
                prior.docs = n.trim().parse().unwrap_or(0.0);
            } else if let Some((term, df)) = line.split_once('\t') {
                if let Ok(df) = df.trim().parse::<f64>() {
                    prior.df.insert(key(KeyKind::Term, term), df);
                }
            }
        }
        prior
    }
}

/// The shipped prior, parsed once.
pub(crate) fn shipped() -> &'static Prior {
    static PRIOR: OnceLock<Prior> = OnceLock::new();
    PRIOR.get_or_init(|| Prior::parse(TABLE))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_prior_knows_common_and_rare_news_words() {
        let p = shipped();
        assert_eq!(p.docs, 496.0);
        assert!(p.df.len() > 5_000);
        let df = |t: &str| p.df.get(&key(KeyKind::Term, t)).copied().unwrap_or(0.0);
        assert!(df("قال") > 100.0);
        assert!(df("عراق") > df("جيش") / 10.0);
        assert_eq!(df("زززز"), 0.0);
    }

    #[test]
    fn malformed_lines_are_skipped() {
        let p = Prior::parse("# documents 10\nعراق\t3\nbad line\nx\ty\n");
        assert_eq!(p.docs, 10.0);
        assert_eq!(p.df.len(), 1);
    }
}
