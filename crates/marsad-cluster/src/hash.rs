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
use std::hash::{BuildHasherDefault, Hasher};

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

/// `BuildHasher` for maps keyed by [`TermKey`] or article and story ids.
pub(crate) type FxBuild = BuildHasherDefault<FxHasher>;
/// A `HashMap` with FxHash.
pub(crate) type FxMap<K, V> = HashMap<K, V, FxBuild>;
/// A `HashSet` with FxHash.
pub(crate) type FxSet<K> = HashSet<K, FxBuild>;

/// FxHash over 64-bit words.
#[derive(Debug, Default)]
pub(crate) struct FxHasher(u64);

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            if let Some(w) = word.get_mut(..chunk.len()) {
                w.copy_from_slice(chunk);
            }
            self.add(u64::from_le_bytes(word));
        }
    }

    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    #[inline]
    fn write_i64(&mut self, n: i64) {
        self.add(n as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

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
