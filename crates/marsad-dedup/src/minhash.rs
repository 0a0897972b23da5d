//! MinHash signatures over hashed shingles.
//!
//! One 64-bit hash per shingle (xxh3 in `shingle.rs`), one pass over them:
//! see [`MinHasher`].

use crate::{shingle, DedupConfig, DedupError};

/// A MinHash signature: one minimum per permutation.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Signature(pub Vec<u32>);

impl Signature {
    /// Little-endian bytes (4 per slot), the stored form.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.iter().flat_map(|v| v.to_le_bytes()).collect()
    }

    /// Read the stored form back; `num_perm` slots expected.
    pub fn from_bytes(bytes: &[u8], num_perm: usize) -> Result<Self, DedupError> {
        if bytes.len() != num_perm * 4 {
            return Err(DedupError::SignatureLength { got: bytes.len(), expected: num_perm * 4 });
        }
        Ok(Self(
            bytes.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect(),
        ))
    }

    /// Slots.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when there are no slots.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Computes signatures: one-permutation MinHash with optimal densification.
///
/// Each shingle hash is sent to one of `num_perm` bins by its top bits, and
/// each bin keeps the minimum of the low 32 bits of the hashes it received
/// (Li, Owen & Zhang 2012): one pass, O(1) per shingle, instead of
/// `num_perm` hashes per shingle. Empty bins (short texts) borrow the value
/// of a non-empty bin chosen by a fixed probe sequence per bin (Shrivastava
/// 2017, "optimal densification"), so two texts that share shingles fill
/// their empty bins alike. The share of equal bins estimates the Jaccard
/// similarity, as with classic MinHash. Everything is fixed by constants, so
/// signatures are identical across runs and platforms and can be stored.
#[derive(Debug, Clone)]
pub struct MinHasher {
    shingle_size: usize,
    num_perm: usize,
}

impl MinHasher {
    /// A hasher for `config` (validated).
    pub fn new(config: &DedupConfig) -> Result<Self, DedupError> {
        config.validate()?;
        Ok(Self { shingle_size: config.shingle_size, num_perm: config.num_perm })
    }

    /// Signature of `text`, or `None` when it is shorter than one shingle.
    pub fn signature(&self, text: &str) -> Option<Signature> {
        let tokens = shingle::token_hashes(text);
        self.signature_of_shingles(&shingle::shingle_stream(&tokens, self.shingle_size))
    }

    /// Signature of hashed shingles (any order, repeats allowed), or `None`
    /// when there are none.
    pub fn signature_of_shingles(&self, shingles: &[u64]) -> Option<Signature> {
        if shingles.is_empty() {
            return None;
        }
        let k = self.num_perm as u64;
        let mut mins = vec![u32::MAX; self.num_perm];
        let mut filled = vec![false; self.num_perm];
        for &h in shingles {
            // Top 32 bits pick the bin (multiply-shift range reduction), low 32 are the value.
            let bin = (((h >> 32) * k) >> 32) as usize;
            let v = h as u32;
            if let (Some(slot), Some(f)) = (mins.get_mut(bin), filled.get_mut(bin)) {
                if v <= *slot {
                    *slot = v;
                }
                *f = true;
            }
        }
        if filled.iter().all(|&f| f) {
            return Some(Signature(mins));
        }
        let original = mins.clone();
        for (i, slot) in mins.iter_mut().enumerate() {
            if filled[i] {
                continue;
            }
            let mut state = 0x6D61_7273_6164_0001_u64 ^ ((i as u64) << 32);
            let mut chosen = None;
            for _ in 0..4096 {
                let j = (((splitmix64(&mut state) >> 32) * k) >> 32) as usize;
                if filled.get(j).copied().unwrap_or(false) {
                    chosen = Some(j);
                    break;
                }
            }
            // Astronomically unlikely: fall back to the first filled bin.
            let j = chosen.or_else(|| filled.iter().position(|&f| f)).unwrap_or(0);
            *slot = original.get(j).copied().unwrap_or(u32::MAX);
        }
        Some(Signature(mins))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_round_trips() -> Result<(), DedupError> {
        let h = MinHasher::new(&DedupConfig::default())?;
        let text = "قال وزير الخارجية اليوم إن المحادثات كانت مثمرة وبناءة";
        let a = h.signature(text).ok_or(DedupError::Config("none".into()))?;
        let b = MinHasher::new(&DedupConfig::default())?
            .signature(text)
            .ok_or(DedupError::Config("none".into()))?;
        assert_eq!(a, b);
        assert_eq!(Signature::from_bytes(&a.to_bytes(), 128)?, a);
        assert!(Signature::from_bytes(&[1, 2, 3], 128).is_err());
        Ok(())
    }
}
