//! FxHash, the multiply-rotate hash rustc uses: several times faster than
//! the default SipHash on the short words this crate looks up on every token.
//!
//! Its weak resistance to crafted collisions can only make a lookup slow,
//! never wrong, and the keys are words from news text (or ids and hashes of them:
//! marsad-cluster keys its maps by these too).

use std::hash::{BuildHasherDefault, Hasher};

/// `BuildHasher` for `HashMap`/`HashSet` keyed by words.
pub type FxBuildHasher = BuildHasherDefault<FxHasher>;

/// FxHash over 64-bit words (see the module doc).
#[derive(Debug, Default)]
pub struct FxHasher(u64);

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            if let Some(w) = word.get_mut(..rest.len()) {
                w.copy_from_slice(rest);
            }
            self.add(u64::from_le_bytes(word));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_i64(&mut self, i: i64) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn distinguishes_words_and_lengths() {
        let words = ["", "a", "ab", "abcdefgh", "abcdefghi", "العراق", "عراق", "عراقي"];
        let set: HashSet<&str, FxBuildHasher> = words.iter().copied().collect();
        assert_eq!(set.len(), words.len());
        assert!(words.iter().all(|w| set.contains(w)));
    }
}
