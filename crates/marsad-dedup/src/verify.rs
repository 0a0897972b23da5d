//! Verification of candidate pairs by their estimated Jaccard.

use crate::Signature;

/// Share of equal slots: an unbiased estimate of the Jaccard similarity of
/// the two shingle sets. Signatures of different lengths compare over the
/// shorter; empty signatures give 0.
pub fn estimated_jaccard(a: &Signature, b: &Signature) -> f64 {
    let n = a.0.len().min(b.0.len());
    if n == 0 {
        return 0.0;
    }
    let equal = a.0.iter().zip(&b.0).filter(|(x, y)| x == y).count();
    equal as f64 / n as f64
}

/// Exact Jaccard of two sorted, deduplicated shingle-hash lists.
pub fn exact_jaccard(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut inter) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                inter += 1;
                i += 1;
                j += 1;
            }
        }
    }
    inter as f64 / (a.len() + b.len() - inter) as f64
}
