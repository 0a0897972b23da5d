//! Winnowing (Schleimer, Wilkerson & Aiken 2003): the fingerprints of a text.
//!
//! From the hashed word k-grams (the same 5-word shingles as MinHash, in text order),
//! every window of `w` consecutive k-grams contributes its smallest hash (the rightmost
//! one on ties), and each selected position is recorded once. Two guarantees follow:
//!
//! - any run of at least `w + k − 1` words shared by two texts yields at least one
//!   shared fingerprint, and a run of `2w + k − 1` words at least two (the windows lying
//!   wholly inside the run select the same k-grams in both texts, because the choice
//!   depends only on the window's contents);
//! - about `2 / (w + 1)` of the k-grams are kept, so the index stays small.
//!
//! A fingerprint's index key is 32 bits of its k-gram hash ([`key`]): collisions only
//! add candidates, which alignment on the full token sequences then rejects.

/// One selected k-gram: its hash and the index of its first word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Print {
    /// The k-gram hash (`shingle::shingle_stream`).
    pub hash: u64,
    /// Index of the k-gram (= of its first token) in the text.
    pub pos: u32,
}

/// The 32-bit index key of a k-gram hash (both halves folded in).
#[inline]
pub fn key(hash: u64) -> u32 {
    (hash ^ (hash >> 32)) as u32
}

/// Winnow the hashed k-grams `grams` with windows of `window` k-grams (at least 1).
///
/// A text with fewer k-grams than one window keeps its smallest one; a text with none
/// (shorter than one k-gram) has no fingerprint.
pub fn winnow(grams: &[u64], window: usize) -> Vec<Print> {
    let window = window.max(1);
    let mut out: Vec<Print> = Vec::with_capacity(grams.len() * 2 / (window + 1) + 1);
    if grams.is_empty() {
        return out;
    }
    if grams.len() <= window {
        if let Some((pos, &hash)) = grams.iter().enumerate().rev().min_by_key(|(_, &h)| h) {
            out.push(Print { hash, pos: to_u32(pos) });
        }
        return out;
    }
    let mut last: Option<usize> = None;
    for start in 0..=grams.len() - window {
        // Rightmost minimum of grams[start .. start + window].
        let mut best = start;
        for i in start + 1..start + window {
            if grams[i] <= grams[best] {
                best = i;
            }
        }
        if last != Some(best) {
            out.push(Print { hash: grams[best], pos: to_u32(best) });
            last = Some(best);
        }
    }
    out
}

/// The distinct index keys of `prints`, sorted: what the store keeps per article.
pub fn keys(prints: &[Print]) -> Vec<u32> {
    let mut out: Vec<u32> = prints.iter().map(|p| key(p.hash)).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Keys as stored: 4 little-endian bytes each.
pub fn keys_to_bytes(keys: &[u32]) -> Vec<u8> {
    keys.iter().flat_map(|k| k.to_le_bytes()).collect()
}

/// Read stored keys back; a trailing partial key (a damaged row) is ignored.
pub fn keys_from_bytes(bytes: &[u8]) -> Vec<u32> {
    bytes.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect()
}

fn to_u32(v: usize) -> u32 {
    u32::try_from(v).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_window_holds_a_fingerprint() {
        let grams: Vec<u64> = (0..200u64).map(|i| i.wrapping_mul(0x9E37_79B9_7F4A_7C15)).collect();
        let prints = winnow(&grams, 4);
        for start in 0..=grams.len() - 4 {
            assert!(
                prints.iter().any(|p| (start..start + 4).contains(&(p.pos as usize))),
                "window {start}"
            );
        }
        // About 2 / (w + 1) of the k-grams.
        assert!(prints.len() < grams.len() / 2, "{}", prints.len());
    }

    #[test]
    fn short_and_empty_inputs() {
        assert!(winnow(&[], 4).is_empty());
        assert_eq!(winnow(&[7, 3, 9], 4), [Print { hash: 3, pos: 1 }]);
        assert_eq!(winnow(&[5, 5], 0).len(), 2, "window 0 acts as 1");
    }

    #[test]
    fn a_shared_run_selects_the_same_prints_in_both_texts() {
        let shared: Vec<u64> =
            (100..130u64).map(|i| i.wrapping_mul(0xBF58_476D_1CE4_E5B9)).collect();
        let a: Vec<u64> = [1u64, 2, 3].iter().copied().chain(shared.iter().copied()).collect();
        let b: Vec<u64> = shared.iter().copied().chain([9u64, 8]).collect();
        let (ka, kb) = (keys(&winnow(&a, 4)), keys(&winnow(&b, 4)));
        let common = ka.iter().filter(|k| kb.contains(k)).count();
        assert!(common >= 2, "{common}");
        assert_eq!(keys_from_bytes(&keys_to_bytes(&ka)), ka);
    }
}
