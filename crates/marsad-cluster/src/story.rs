//! A story's in-window state: its centroid and extra evidence as exact sums.
//!
//! The centroid is the sum of the quantised term vectors of the story's
//! members that are still in the window (integers, so removal is exact).
//! Scores read it through [`Story::centroid`]: the top
//! [`centroid_terms`](crate::ClusterConfig::centroid_terms) terms by
//! `sum × idf`, L2-normalised, sorted by term key, and cached until the story
//! changes or the IDF snapshot is refreshed. Numbers and entity keys are
//! counted per story the same way.

use crate::hash::{FxMap, TermKey};
use crate::idf::Idf;
use crate::input::StoryId;
use crate::features::QUANT;
use crate::Features;

/// One story while it has members in the window.
#[derive(Debug)]
pub(crate) struct Story {
    pub(crate) id: StoryId,
    /// Members in the window.
    pub(crate) members: u32,
    /// Latest publication time among the members that entered the window.
    pub(crate) last_time: i64,
    sums: FxMap<TermKey, u64>,
    /// Σ sums², exact: the squared length of the (IDF-free) centroid.
    square: u128,
    numbers: FxMap<TermKey, u32>,
    entities: FxMap<TermKey, u32>,
    outlets: FxMap<TermKey, u32>,
    version: u64,
    cache: Option<Centroid>,
}

/// A cached centroid and the state it was computed from.
#[derive(Debug)]
struct Centroid {
    version: u64,
    generation: u64,
    terms: Vec<(TermKey, f64)>,
}

impl Story {
    pub(crate) fn new(id: StoryId, time: i64) -> Self {
        Self {
            id,
            members: 0,
            last_time: time,
            sums: FxMap::default(),
            square: 0,
            numbers: FxMap::default(),
            entities: FxMap::default(),
            outlets: FxMap::default(),
            version: 0,
            cache: None,
        }
    }

    /// Add a member; calls `new_term` for each term the story did not hold.
    pub(crate) fn add(&mut self, f: &Features, time: i64, mut new_term: impl FnMut(TermKey)) {
        self.members += 1;
        self.last_time = self.last_time.max(time);
        for &(t, q) in &f.terms {
            let sum = self.sums.entry(t).or_default();
            if *sum == 0 {
                new_term(t);
            }
            let (old, q) = (u128::from(*sum), u128::from(q));
            self.square += 2 * old * q + q * q;
            *sum += q as u64;
        }
        count_in(&mut self.numbers, &f.numbers);
        count_in(&mut self.entities, &f.entities);
        count_in(&mut self.outlets, f.outlet.as_slice());
        self.version += 1;
    }

    /// Remove a member that leaves the window.
    pub(crate) fn remove(&mut self, f: &Features) {
        self.members = self.members.saturating_sub(1);
        for &(t, q) in &f.terms {
            if let Some(sum) = self.sums.get_mut(&t) {
                let new = sum.saturating_sub(u64::from(q));
                let (old, new128) = (u128::from(*sum), u128::from(new));
                self.square = self.square.saturating_sub(old * old - new128 * new128);
                *sum = new;
                if *sum == 0 {
                    self.sums.remove(&t);
                }
            }
        }
        count_out(&mut self.numbers, &f.numbers);
        count_out(&mut self.entities, &f.entities);
        count_out(&mut self.outlets, f.outlet.as_slice());
        self.version += 1;
    }

    /// How tight the story is: the length of the sum of its members' unit
    /// vectors over the member count (1 for one member or identical members,
    /// towards 0 for members that share nothing). Exact integer state.
    pub(crate) fn cohesion(&self) -> f64 {
        if self.members == 0 {
            return 1.0;
        }
        ((self.square as f64).sqrt() / (QUANT * f64::from(self.members))).min(1.0)
    }

    /// Whether a member in the window has the term.
    #[inline]
    pub(crate) fn has_term(&self, t: TermKey) -> bool {
        self.sums.contains_key(&t)
    }

    /// The normalised top-k centroid under the current IDF snapshot, sorted by key.
    pub(crate) fn centroid(&mut self, idf: &Idf, k: usize) -> &[(TermKey, f64)] {
        let fresh = self
            .cache
            .as_ref()
            .is_some_and(|c| c.version == self.version && c.generation == idf.generation());
        if !fresh {
            let mut all: Vec<(TermKey, f64)> =
                self.sums.iter().map(|(&t, &s)| (t, s as f64 * idf.idf(t))).collect();
            let by_weight =
                |a: &(TermKey, f64), b: &(TermKey, f64)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
            if all.len() > k {
                all.select_nth_unstable_by(k, by_weight);
                all.truncate(k);
            }
            all.sort_unstable_by_key(|&(t, _)| t);
            let norm = all.iter().map(|&(_, w)| w * w).sum::<f64>().sqrt();
            if norm > 0.0 {
                for (_, w) in &mut all {
                    *w /= norm;
                }
            }
            self.cache =
                Some(Centroid { version: self.version, generation: idf.generation(), terms: all });
        }
        self.cache.as_ref().map_or(&[], |c| c.terms.as_slice())
    }

    /// The share of `keys` (numbers) the story holds.
    pub(crate) fn number_share(&self, keys: &[TermKey]) -> f64 {
        share(&self.numbers, keys)
    }

    /// Whether a member in the window comes from the outlet.
    pub(crate) fn has_outlet(&self, outlet: Option<TermKey>) -> bool {
        outlet.is_some_and(|o| self.outlets.contains_key(&o))
    }

    /// The share of `keys` (entities) the story holds.
    pub(crate) fn entity_share(&self, keys: &[TermKey]) -> f64 {
        share(&self.entities, keys)
    }
}

fn count_in(map: &mut FxMap<TermKey, u32>, keys: &[TermKey]) {
    for &k in keys {
        *map.entry(k).or_default() += 1;
    }
}

fn count_out(map: &mut FxMap<TermKey, u32>, keys: &[TermKey]) {
    for k in keys {
        if let Some(c) = map.get_mut(k) {
            *c -= 1;
            if *c == 0 {
                map.remove(k);
            }
        }
    }
}

fn share(map: &FxMap<TermKey, u32>, keys: &[TermKey]) -> f64 {
    if keys.is_empty() {
        return 0.0;
    }
    let held = keys.iter().filter(|k| map.contains_key(k)).count();
    held as f64 / keys.len() as f64
}

/// Cosine of a normalised article vector and a normalised centroid, both sorted by key.
pub(crate) fn cosine(a: &[(TermKey, f64)], c: &[(TermKey, f64)]) -> f64 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while let (Some(&(ta, wa)), Some(&(tc, wc))) = (a.get(i), c.get(j)) {
        match ta.cmp(&tc) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += wa * wc;
                i += 1;
                j += 1;
            }
        }
    }
    dot
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ArticleInput, ClusterConfig};

    #[test]
    fn removing_a_member_restores_the_centroid_exactly() {
        let c = ClusterConfig::default();
        let a = Features::new(&ArticleInput::new(1, None, "زلزال في اليابان", "ضرب زلزال"), &c);
        let b = Features::new(&ArticleInput::new(2, None, "أسعار النفط", "ارتفعت الأسعار"), &c);
        let mut idf = Idf::default();
        idf.maybe_refresh(0, &c);
        let mut s = Story::new(1, 0);
        s.add(&a, 0, |_| {});
        let before = s.centroid(&idf, 60).to_vec();
        s.add(&b, 5, |_| {});
        s.remove(&b);
        assert_eq!(s.centroid(&idf, 60), before.as_slice());
        assert_eq!(s.members, 1);
        assert_eq!(s.last_time, 5);
    }

    #[test]
    fn cosine_of_sorted_vectors() {
        let a = [(1, 0.6), (2, 0.8)];
        assert!((cosine(&a, &a) - 1.0).abs() < 1e-12);
        assert_eq!(cosine(&a, &[(3, 1.0)]), 0.0);
    }
}
