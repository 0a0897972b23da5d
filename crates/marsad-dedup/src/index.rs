//! The incremental near-duplicate index: add articles one by one, get back
//! the earlier articles each one duplicates.

use xxhash_rust::xxh3::xxh3_64;

use crate::lsh::KeyMap;
use crate::{estimated_jaccard, DedupConfig, DedupError, Lsh, Signature};

/// Whether a pair is an exact copy or a near copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PairKind {
    /// Same signature (same shingles): similarity 1.0.
    Exact,
    /// Estimated Jaccard at or above the threshold.
    Near,
}

impl PairKind {
    /// `"exact"` or `"near"`, as `marsad dups --json` prints it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Exact => "exact",
            Self::Near => "near",
        }
    }
}

/// An earlier article that the new one duplicates.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    /// The caller's id of the earlier article.
    pub other: u64,
    /// Estimated Jaccard (1.0 for exact copies).
    pub similarity: f64,
    /// Exact or near.
    pub kind: PairKind,
}

/// One distinct signature in the index, with the copies that share it.
#[derive(Debug, Clone)]
struct Rep {
    id: u64,
    sig: Signature,
    copies: Vec<u64>,
    /// Near matches found for this representative (capped), so later exact
    /// copies inherit them.
    near: Vec<(u64, f64)>,
}

/// Incremental MinHash-LSH index. Articles with identical signatures collapse
/// to one representative in the LSH buckets, so a flood of identical copies
/// costs one hash-map lookup each.
#[derive(Debug, Clone)]
pub struct DedupIndex {
    config: DedupConfig,
    lsh: Lsh,
    reps: Vec<Rep>,
    by_sig: KeyMap<u32>,
}

impl DedupIndex {
    /// An empty index.
    pub fn new(config: DedupConfig) -> Result<Self, DedupError> {
        config.validate()?;
        Ok(Self {
            lsh: Lsh::new(config.bands, config.rows, config.max_bucket),
            config,
            reps: Vec::new(),
            by_sig: KeyMap::default(),
        })
    }

    /// The settings.
    pub fn config(&self) -> &DedupConfig {
        &self.config
    }

    /// Articles indexed (copies included).
    pub fn len(&self) -> usize {
        self.reps.iter().map(|r| 1 + r.copies.len()).sum()
    }

    /// True when nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.reps.is_empty()
    }

    /// Add article `id` with signature `sig`; returns the earlier articles it
    /// duplicates. Each pair is reported once, when its later article arrives.
    pub fn insert(&mut self, id: u64, sig: Signature) -> Result<Vec<Match>, DedupError> {
        if sig.len() != self.config.num_perm {
            return Err(DedupError::SignatureLength {
                got: sig.len() * 4,
                expected: self.config.num_perm * 4,
            });
        }
        let cap = self.config.max_copy_pairs;
        let key = xxh3_64(&sig.to_bytes());
        if let Some(&slot) = self.by_sig.get(&key) {
            if let Some(rep) = self.reps.get_mut(slot as usize) {
                if rep.sig == sig {
                    let mut out = Vec::new();
                    out.push(exact(rep.id));
                    out.extend(rep.copies.iter().take(cap).map(|&c| exact(c)));
                    out.extend(rep.near.iter().take(cap).map(|&(o, s)| Match {
                        other: o,
                        similarity: s,
                        kind: PairKind::Near,
                    }));
                    rep.copies.push(id);
                    return Ok(out);
                }
            }
        }
        let mut out = Vec::new();
        let slot = u32::try_from(self.reps.len())
            .map_err(|_| DedupError::Config("more than 4 billion distinct signatures".into()))?;
        let mut near_here = Vec::new();
        for cand in self.lsh.candidates(&sig) {
            let Some(rep) = self.reps.get_mut(cand as usize) else {
                continue;
            };
            let s = estimated_jaccard(&rep.sig, &sig);
            if s < self.config.threshold {
                continue;
            }
            let kind = PairKind::Near;
            out.push(Match { other: rep.id, similarity: s, kind });
            out.extend(rep.copies.iter().take(cap).map(|&c| Match {
                other: c,
                similarity: s,
                kind,
            }));
            if rep.near.len() < cap {
                rep.near.push((id, s));
            }
            if near_here.len() < cap {
                near_here.push((rep.id, s));
                near_here.extend(rep.copies.iter().take(cap).map(|&c| (c, s)));
            }
        }
        self.lsh.insert(slot, &sig);
        self.by_sig.insert(key, slot);
        near_here.truncate(cap);
        self.reps.push(Rep { id, sig, copies: Vec::new(), near: near_here });
        Ok(out)
    }
}

fn exact(other: u64) -> Match {
    Match { other, similarity: 1.0, kind: PairKind::Exact }
}
