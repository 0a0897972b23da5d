//! Document hints for the tagger's second pass: how the first pass tagged the other
//! occurrences of the same word key nearby. A name is often unambiguous in one
//! sentence (after وزير or before قال) and ambiguous in the next; the second pass sees
//! the first pass's tags of every other occurrence within `window` sentences.
//!
//! Hint bits per token: bit `t` (0..9) is set when some other occurrence of the same
//! key, within the window, got tag index `t` in the first pass; [`NO_OTHER`] when
//! there is none; [`NOT_ELIGIBLE`] for short words, stopwords, numbers and punctuation.

use std::collections::HashMap;
use std::hash::Hash;

use marsad_text::fxhash::FxBuildHasher;

use super::tags::{Tag, NUM_TAGS};

/// No other occurrence of the key within the window.
pub(crate) const NO_OTHER: u16 = 1 << 10;
/// The token is not a content word: no hint.
pub(crate) const NOT_ELIGIBLE: u16 = 1 << 11;

/// Whether a key carries document hints.
pub(crate) fn eligible(key: &str, norm: &str) -> bool {
    key.chars().count() >= 2
        && key.chars().all(char::is_alphabetic)
        && !marsad_text::is_stopword(norm)
}

/// Hints for each token of each sentence. `keys[s][i]` is `None` for tokens that are
/// not eligible (keys are word keys, or ids standing for them); `tags` are the first pass's tags. Sentences `s - window ..= s + window`
/// count as the document around sentence `s`.
pub(crate) fn document_hints<K: Copy + Eq + Hash>(
    keys: &[Vec<Option<K>>],
    tags: &[Vec<Tag>],
    window: usize,
) -> Vec<Vec<u16>> {
    let mut ids: HashMap<K, usize, FxBuildHasher> = HashMap::default();
    let sent_ids: Vec<Vec<Option<usize>>> = keys
        .iter()
        .map(|sentence| {
            sentence
                .iter()
                .map(|k| {
                    k.map(|k| {
                        let next = ids.len();
                        *ids.entry(k).or_insert(next)
                    })
                })
                .collect()
        })
        .collect();
    let mut counts = vec![[0u32; NUM_TAGS]; ids.len()];
    let n = keys.len();
    let add = |counts: &mut Vec<[u32; NUM_TAGS]>, s: usize, delta: i32| {
        for (id, tag) in sent_ids[s].iter().zip(&tags[s]) {
            if let Some(id) = id {
                let slot = &mut counts[*id][tag.index()];
                *slot = (*slot as i64 + delta as i64).max(0) as u32;
            }
        }
    };
    let mut out = Vec::with_capacity(n);
    // The window [lo, hi) currently counted.
    let (mut lo, mut hi) = (0usize, 0usize);
    for s in 0..n {
        let want_lo = s.saturating_sub(window);
        let want_hi = (s + window + 1).min(n);
        while hi < want_hi {
            add(&mut counts, hi, 1);
            hi += 1;
        }
        while lo < want_lo {
            add(&mut counts, lo, -1);
            lo += 1;
        }
        let hints = sent_ids[s]
            .iter()
            .zip(&tags[s])
            .map(|(id, tag)| match id {
                None => NOT_ELIGIBLE,
                Some(id) => {
                    let mut c = counts[*id];
                    c[tag.index()] = c[tag.index()].saturating_sub(1);
                    let bits = c
                        .iter()
                        .enumerate()
                        .fold(0u16, |b, (t, &n)| if n > 0 { b | 1 << t } else { b });
                    if bits == 0 {
                        NO_OTHER
                    } else {
                        bits
                    }
                }
            })
            .collect();
        out.push(hints);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::tags::EntityKind;

    #[test]
    fn other_occurrences_only() {
        let keys = vec![vec![Some("اوستن"), None], vec![Some("اوستن"), Some("عراق")]];
        let p = Tag::begin(EntityKind::Person);
        let tags = vec![vec![p, Tag::O], vec![Tag::O, Tag::O]];
        let h = document_hints(&keys, &tags, 5);
        assert_eq!(h[0][0], 1); // the other occurrence was O
        assert_eq!(h[1][0], 1 << p.index());
        assert_eq!(h[0][1], NOT_ELIGIBLE);
        assert_eq!(h[1][1], NO_OTHER);
        let h0 = document_hints(&keys, &tags, 0);
        assert_eq!(h0[1][0], NO_OTHER);
    }
}
