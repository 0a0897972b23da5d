//! LSH banding: signatures split into bands; two signatures that agree on a
//! whole band land in the same bucket and become candidates.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::Signature;

/// Band keys are already well mixed: the bucket maps use them as they are.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
    /// 32-bit keys (fingerprint keys) are spread over all 64 bits, so the map's
    /// control bytes (top bits) differ too.
    fn write_u32(&mut self, v: u32) {
        self.0 = u64::from(v).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

pub(crate) type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<PassThrough>>;

/// A map keyed by 32-bit fingerprint keys (8 bytes per `u32 → u32` entry).
pub(crate) type Key32Map<V> = HashMap<u32, V, BuildHasherDefault<PassThrough>>;

/// Mix one band's slots into a 64-bit key (seeded by the band number).
#[inline]
fn band_key(band: usize, slots: &[u32]) -> u64 {
    let mut h = (band as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x6D61_7273_6164;
    for &v in slots {
        h = (h ^ u64::from(v)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        h ^= h >> 31;
    }
    h ^ (h >> 29)
}

/// One bucket: most hold a single article, so that case needs no allocation.
#[derive(Debug, Clone)]
enum Bucket {
    One(u32),
    Many(Vec<u32>),
}

impl Bucket {
    fn as_slice(&self) -> &[u32] {
        match self {
            Self::One(v) => std::slice::from_ref(v),
            Self::Many(v) => v,
        }
    }
}

/// Buckets per band, holding internal slot numbers.
#[derive(Debug, Clone)]
pub struct Lsh {
    rows: usize,
    max_bucket: usize,
    bands: Vec<KeyMap<Bucket>>,
}

impl Lsh {
    /// An empty index with `bands` bands of `rows` rows; a bucket stops
    /// growing at `max_bucket` entries.
    pub fn new(bands: usize, rows: usize, max_bucket: usize) -> Self {
        Self { rows, max_bucket, bands: vec![KeyMap::default(); bands] }
    }

    fn keys<'a>(&'a self, sig: &'a Signature) -> impl Iterator<Item = u64> + 'a {
        sig.0
            .chunks(self.rows)
            .take(self.bands.len())
            .enumerate()
            .map(|(band, slots)| band_key(band, slots))
    }

    /// Slots sharing at least one band with `sig`, sorted and distinct.
    pub fn candidates(&self, sig: &Signature) -> Vec<u32> {
        let mut out = Vec::new();
        for (band, key) in self.keys(sig).enumerate() {
            if let Some(bucket) = self.bands[band].get(&key) {
                out.extend_from_slice(bucket.as_slice());
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Add `slot` under each of its band keys (full buckets are left as they are).
    pub fn insert(&mut self, slot: u32, sig: &Signature) {
        for (band, slots) in sig.0.chunks(self.rows).take(self.bands.len()).enumerate() {
            let key = band_key(band, slots);
            match self.bands[band].entry(key) {
                std::collections::hash_map::Entry::Vacant(e) => {
                    e.insert(Bucket::One(slot));
                }
                std::collections::hash_map::Entry::Occupied(mut e) => {
                    let bucket = e.get_mut();
                    match bucket {
                        Bucket::One(first) => {
                            if self.max_bucket > 1 {
                                *bucket = Bucket::Many(vec![*first, slot]);
                            }
                        }
                        Bucket::Many(v) => {
                            if v.len() < self.max_bucket {
                                v.push(slot);
                            }
                        }
                    }
                }
            }
        }
    }
}
