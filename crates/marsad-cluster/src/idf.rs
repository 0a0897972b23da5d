//! Document frequencies over the window, and the IDF table read from them.
//!
//! `df` counts, for every term, the window's articles that contain it; it is
//! updated exactly (integers) as articles enter and leave the window. Scores
//! read the IDF from a *snapshot* of those counts, refreshed when publication
//! time enters a new period of [`idf_refresh_secs`](crate::ClusterConfig::idf_refresh_secs)
//! or when the window has grown or shrunk by
//! [`idf_growth`](crate::ClusterConfig::idf_growth) (at least 16 articles)
//! since the last snapshot. Between refreshes the IDF is constant, so the
//! window articles' weighted vectors can be cached; and since a refresh is triggered
//! by publication time or by the window's own size, a clusterer resumed from
//! the articles published since `period start − window` takes its last
//! snapshot at the same article, over the same counts, as one that ran from
//! the start (see [`Clusterer::horizon`](crate::Clusterer::horizon)).
//!
//! `idf(t) = ln((N + w·N₀ + 1) / (df(t) + w·df₀(t) + 1)) + 1` with `N` and `df` from
//! the snapshot and `w·N₀`, `w·df₀` from the document-frequency prior (`prior.rs`,
//! weight [`prior_weight`](crate::ClusterConfig::prior_weight); 0 turns it off).

use crate::hash::{FxMap, TermKey};
use crate::prior::{shipped, Prior};
use crate::ClusterConfig;

/// Live document frequencies and the snapshot scores read.
#[derive(Debug, Default)]
pub(crate) struct Idf {
    df: FxMap<TermKey, u32>,
    n: u32,
    snap: FxMap<TermKey, u32>,
    snap_n: u32,
    snap_period: Option<i64>,
    /// Bumped at each refresh; only used to invalidate caches.
    generation: u64,
    /// The prior and its weight (`None`: off).
    prior: Option<(&'static Prior, f64)>,
}

impl Idf {
    /// Empty counts, with the shipped prior at `weight` (0: no prior).
    pub(crate) fn new(weight: f64) -> Self {
        let prior = (weight > 0.0).then(|| (shipped(), weight));
        Self { prior, ..Self::default() }
    }

    /// Count an article entering the window.
    pub(crate) fn add(&mut self, terms: &[(TermKey, u32)]) {
        self.n += 1;
        for &(t, _) in terms {
            *self.df.entry(t).or_default() += 1;
        }
    }

    /// Uncount an article leaving the window.
    pub(crate) fn remove(&mut self, terms: &[(TermKey, u32)]) {
        self.n = self.n.saturating_sub(1);
        for &(t, _) in terms {
            if let Some(c) = self.df.get_mut(&t) {
                *c -= 1;
                if *c == 0 {
                    self.df.remove(&t);
                }
            }
        }
    }

    /// Refresh the snapshot if a new period began or the window changed
    /// size enough. Returns whether it did.
    pub(crate) fn maybe_refresh(&mut self, now: i64, config: &ClusterConfig) -> bool {
        let period = now.div_euclid(config.idf_refresh_secs);
        let step = (f64::from(self.snap_n) * config.idf_growth).ceil().max(16.0) as u64;
        let (n, snap_n) = (u64::from(self.n), u64::from(self.snap_n));
        let due = self.snap_period != Some(period) || n >= snap_n + step || n + step <= snap_n;
        if due {
            self.snap.clone_from(&self.df);
            self.snap_n = self.n;
            self.snap_period = Some(period);
            self.generation += 1;
        }
        due
    }

    /// The IDF of a term from the snapshot.
    #[inline]
    pub(crate) fn idf(&self, t: TermKey) -> f64 {
        let df = f64::from(self.snap.get(&t).copied().unwrap_or(0));
        let (n, df) = match self.prior {
            Some((p, w)) => {
                (f64::from(self.snap_n) + w * p.docs, df + w * p.df.get(&t).copied().unwrap_or(0.0))
            }
            None => (f64::from(self.snap_n), df),
        };
        ((n + 1.0) / (df + 1.0)).ln() + 1.0
    }

    /// Whether the term is rare enough to look up candidates with: in at
    /// most `max_share` of the snapshot's articles, or in at most 16 (so a
    /// small window still finds candidates).
    #[inline]
    pub(crate) fn is_query_term(&self, t: TermKey, max_share: f64) -> bool {
        let df = self.snap.get(&t).copied().unwrap_or(0);
        df <= 16 || f64::from(df) <= max_share * f64::from(self.snap_n)
    }

    /// The snapshot's generation (changes at every refresh).
    pub(crate) fn generation(&self) -> u64 {
        self.generation
    }

    /// Articles in the window.
    #[cfg(test)]
    pub(crate) fn window_len(&self) -> u32 {
        self.n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_come_and_go_exactly() {
        let mut idf = Idf::default();
        idf.add(&[(1, 10), (2, 10)]);
        idf.add(&[(1, 10)]);
        idf.remove(&[(1, 10), (2, 10)]);
        assert_eq!(idf.window_len(), 1);
        assert_eq!(idf.df.get(&1), Some(&1));
        assert_eq!(idf.df.get(&2), None);
    }

    #[test]
    fn refreshes_on_new_period_and_on_growth() {
        let config = ClusterConfig::default();
        let mut idf = Idf::default();
        assert!(idf.maybe_refresh(0, &config));
        assert!(!idf.maybe_refresh(10, &config));
        for _ in 0..16 {
            idf.add(&[(7, 1)]);
        }
        assert!(idf.maybe_refresh(20, &config));
        assert!(!idf.maybe_refresh(30, &config));
        assert!(idf.maybe_refresh(config.idf_refresh_secs, &config));
        // a rare term weighs more than a common one
        idf.add(&[(8, 1)]);
        assert!(idf.maybe_refresh(2 * config.idf_refresh_secs, &config));
        assert!(idf.idf(8) > idf.idf(7));
        assert!(idf.idf(999) > idf.idf(8));
    }

    #[test]
    fn the_prior_makes_common_news_words_weigh_less_on_a_cold_start() {
        use crate::hash::{key, KeyKind};
        let config = ClusterConfig::default();
        let (said, rare) = (key(KeyKind::Term, "قال"), key(KeyKind::Term, "زززز"));
        let mut plain = Idf::new(0.0);
        let mut prior = Idf::new(1.0);
        for idf in [&mut plain, &mut prior] {
            idf.add(&[(said, 1), (rare, 1)]);
            idf.add(&[(said, 1), (rare, 1)]);
            idf.maybe_refresh(0, &config);
        }
        assert_eq!(plain.idf(said), plain.idf(rare));
        assert!(prior.idf(said) + 1.0 < prior.idf(rare));
    }
}
