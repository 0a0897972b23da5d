//! Settings of the dedup stage, with defaults tuned on SaudiNewsNet.

use crate::DedupError;

/// Settings for shingling, MinHash, LSH banding and verification.
///
/// The defaults: 5-word shingles, 128 permutations split into 32 bands of 4
/// rows, and a verification threshold of 0.5 on the estimated Jaccard.
///
/// The S-curve: a pair with true Jaccard `s` shares at least one band with
/// probability `1 − (1 − s^r)^b`. With b = 32, r = 4 that is 0.87 at s = 0.5,
/// 0.988 at s = 0.6 and > 0.9998 at s = 0.7, while the curve's midpoint
/// `(1/b)^(1/r)` ≈ 0.42 sits below the reporting threshold, so the candidates
/// lost are mostly pairs that verification would reject anyway. Candidates are
/// then kept when their estimated Jaccard (share of equal signature slots,
/// standard error ≈ 0.044 at s = 0.5) reaches `threshold`.
#[derive(Debug, Clone, PartialEq)]
pub struct DedupConfig {
    /// Words per shingle.
    pub shingle_size: usize,
    /// MinHash permutations (signature length).
    pub num_perm: usize,
    /// LSH bands; `bands × rows` must equal `num_perm`.
    pub bands: usize,
    /// Signature slots per band.
    pub rows: usize,
    /// Minimum estimated Jaccard for a reported pair.
    pub threshold: f64,
    /// A bucket holding this many articles takes no more (they are still
    /// compared against it): bounds the work on floods of near-copies.
    pub max_bucket: usize,
    /// At most this many pairs are reported for one exact copy, so 10,000
    /// identical articles cost 10,000 × this, not 50 million pairs.
    pub max_copy_pairs: usize,
}

impl Default for DedupConfig {
    fn default() -> Self {
        Self {
            shingle_size: 5,
            num_perm: 128,
            bands: 32,
            rows: 4,
            threshold: 0.5,
            max_bucket: 1000,
            max_copy_pairs: 100,
        }
    }
}

impl DedupConfig {
    /// Check that the settings fit together.
    pub fn validate(&self) -> Result<(), DedupError> {
        if self.shingle_size == 0 {
            return Err(DedupError::Config("shingle_size must be at least 1".into()));
        }
        if self.num_perm == 0 || self.bands == 0 || self.rows == 0 {
            return Err(DedupError::Config("num_perm, bands and rows must be at least 1".into()));
        }
        if self.bands.saturating_mul(self.rows) != self.num_perm {
            return Err(DedupError::Config(format!(
                "bands × rows ({} × {}) must equal num_perm ({})",
                self.bands, self.rows, self.num_perm
            )));
        }
        if !(0.0..=1.0).contains(&self.threshold) {
            return Err(DedupError::Config(format!(
                "threshold {} is not within 0..=1",
                self.threshold
            )));
        }
        if self.max_bucket == 0 {
            return Err(DedupError::Config("max_bucket must be at least 1".into()));
        }
        Ok(())
    }
}
