//! Term keys and the hash maps keyed by them.
//!
//! A term (a stem from `marsad_text::index_terms`, a number, an entity key) is
//! kept as the 64-bit xxh3 hash of its text, tagged by kind so that the stem
//! `2015` and the entity key `2015` never meet. Hashes are the same in every
//! run and every process, which keeps the clusterer's state independent of
//! the order in which terms were first seen: a resumed clusterer holds the
//! same keys as one that ran from the start.
//!
//! Maps use FxHash (the multiply-rotate hash rustc uses). Their iteration
//! order depends on insertion history, so no float is ever summed in map
//! order: sums run over vectors sorted by key.

use std::collections::{HashMap, HashSet};

/// A term, number or entity key as a 64-bit hash.
pub type TermKey = u64;

/// The kind tag mixed into a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum KeyKind {
    /// A stem, Latin word or number from the text.
    Term = 1,
    /// A number token, as extra evidence.
    Number = 2,
    /// An entity key supplied by the caller.
    Entity = 3,
    /// An outlet.
    Outlet = 4,
}

/// The key of `text` as a `kind`.
pub(crate) fn key(kind: KeyKind, text: &str) -> TermKey {
    xxhash_rust::xxh3::xxh3_64_with_seed(text.as_bytes(), kind as u64)
}

/// `BuildHasher` for maps keyed by [`TermKey`] or article and story ids (marsad-text's FxHash).
pub(crate) type FxBuild = marsad_text::fxhash::FxBuildHasher;
/// A `HashMap` with FxHash.
pub(crate) type FxMap<K, V> = HashMap<K, V, FxBuild>;
/// A `HashSet` with FxHash.
pub(crate) type FxSet<K> = HashSet<K, FxBuild>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_stable_and_kind_tagged() {
        assert_eq!(key(KeyKind::Term, "عراق"), key(KeyKind::Term, "عراق"));
        assert_ne!(key(KeyKind::Term, "2015"), key(KeyKind::Number, "2015"));
        assert_ne!(key(KeyKind::Term, "2015"), key(KeyKind::Entity, "2015"));
    }

    #[test]
    fn fx_maps_work() {
        let mut m: FxMap<i64, u32> = FxMap::default();
        for i in 0..1000 {
            *m.entry(i).or_default() += 1;
        }
        assert_eq!(m.len(), 1000);
        let s: FxSet<u64> = (0..10).collect();
        assert!(s.contains(&3));
    }
}
