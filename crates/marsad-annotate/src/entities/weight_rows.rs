//! Both passes' i16 weights for the fast tagger, interleaved per feature row: row
//! `f` holds the first pass's `NUM_TAGS` weights, then the second pass's. Every base
//! feature is read by both passes, so one (mostly one-cache-line) read serves both,
//! where two separate tables cost two cache misses per feature. The tables are too
//! large for any cache (2^20 rows), so these misses are most of the tagger's time.

use super::tags::NUM_TAGS;

/// Summed i16 weights of some features, one per tag.
pub(crate) type Scores = [i32; NUM_TAGS];

/// One feature's weights in both passes.
pub(crate) type Row = [i16; 2 * NUM_TAGS];

/// Interleave two passes' tables (`rows × NUM_TAGS` each, the same length).
pub(crate) fn interleave(first: &[i16], second: &[i16]) -> Vec<Row> {
    first
        .chunks_exact(NUM_TAGS)
        .zip(second.chunks_exact(NUM_TAGS))
        .map(|(a, b)| {
            let mut row = [0i16; 2 * NUM_TAGS];
            row[..NUM_TAGS].copy_from_slice(a);
            row[NUM_TAGS..].copy_from_slice(b);
            row
        })
        .collect()
}

/// The interleaved rows and the feature mask.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tables<'a> {
    pub(crate) rows: &'a [Row],
    pub(crate) mask: u32,
}

impl Tables<'_> {
    /// Add the weight rows of `feats` to both passes' accumulators.
    #[inline]
    pub(crate) fn add_both(&self, feats: &[u32], acc: &mut [Scores; 2]) {
        for &f in feats {
            if let Some(row) = self.rows.get(f as usize) {
                let (first, second) = row.split_at(NUM_TAGS);
                for (a, w) in acc[0].iter_mut().zip(first) {
                    *a += *w as i32;
                }
                for (a, w) in acc[1].iter_mut().zip(second) {
                    *a += *w as i32;
                }
            }
        }
    }

    /// Add the second pass's weight rows of `feats` to `acc`.
    #[inline]
    pub(crate) fn add_second(&self, feats: &[u32], acc: &mut Scores) {
        for &f in feats {
            if let Some(row) = self.rows.get(f as usize) {
                for (a, w) in acc.iter_mut().zip(&row[NUM_TAGS..]) {
                    *a += *w as i32;
                }
            }
        }
    }
}
