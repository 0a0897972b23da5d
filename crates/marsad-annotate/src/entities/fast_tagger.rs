//! The tagger's fast path for models read from a file (i16 weights): the same two
//! passes and the same tags as [`NerModel::tag_document_reference`], faster.
//!
//! Per token, the 33 one-word templates come as five cached sums (the token's own
//! type and its four neighbours', `word_types.rs`); only the 11 joined templates
//! and, in the second pass, the 5 hint templates are hashed and read from the weight
//! tables. Both passes' base sums are made in one sweep. Weights are summed as
//! integers exactly as the reference path sums them, so the emissions, and so the
//! Viterbi paths, are bit-for-bit the same (`fast_tagger_tests.rs` checks it).

use super::feature_parts::{joined_features, Around};
use super::features::hint_features;
use super::hints::document_hints;
use super::lexicon::{lexicon, ListFlags};
use super::model::NerModel;
use super::tags::{Tag, NUM_TAGS};
use super::weight_rows::{Scores, Tables};
use super::word_types::{with_word_types, WordTypes};

/// Viterbi with its buffers reused across sentences.
struct Decoder {
    delta: Vec<[f32; NUM_TAGS]>,
    back: Vec<[u8; NUM_TAGS]>,
}

/// A pass's transitions with the forbidden ones (`I-X` not after `B-X` / `I-X`) at
/// minus infinity: adding one gives minus infinity, which never beats the running
/// best (that starts at minus infinity and needs a strictly greater score), so the
/// path is the one `Layer::viterbi` finds by skipping them, without the branch.
struct Transitions {
    start: [f32; NUM_TAGS],
    /// `after[p][t]`: tag `t` after tag `p`.
    after: [[f32; NUM_TAGS]; NUM_TAGS],
}

impl Transitions {
    fn new(transitions: &[f32]) -> Transitions {
        let at = |i: usize| transitions.get(i).copied().unwrap_or(0.0);
        let mut start = [f32::NEG_INFINITY; NUM_TAGS];
        let mut after = [[f32::NEG_INFINITY; NUM_TAGS]; NUM_TAGS];
        for t in 0..NUM_TAGS {
            let tag = Tag::from_index(t);
            if tag.may_follow(None) {
                start[t] = at(t);
            }
            for (p, row) in after.iter_mut().enumerate() {
                if tag.may_follow(Some(Tag::from_index(p))) {
                    row[t] = at((p + 1) * NUM_TAGS + t);
                }
            }
        }
        Transitions { start, after }
    }
}

impl Decoder {
    fn new() -> Decoder {
        Decoder { delta: Vec::new(), back: Vec::new() }
    }

    /// The best path through one sentence's emissions: the same arithmetic in the
    /// same order as `Layer::viterbi`.
    fn decode(&mut self, emits: &[[f32; NUM_TAGS]], transitions: &Transitions) -> Vec<Tag> {
        let n = emits.len();
        if n == 0 {
            return Vec::new();
        }
        let (delta, back) = (&mut self.delta, &mut self.back);
        delta.clear();
        delta.resize(n, [0.0; NUM_TAGS]);
        back.clear();
        back.resize(n, [0; NUM_TAGS]);
        for t in 0..NUM_TAGS {
            delta[0][t] = transitions.start[t] + emits[0][t];
        }
        for i in 1..n {
            let prev = delta[i - 1];
            for t in 0..NUM_TAGS {
                let mut best = (f32::NEG_INFINITY, 0usize);
                for (p, row) in transitions.after.iter().enumerate() {
                    let s = prev[p] + row[t];
                    if s > best.0 {
                        best = (s, p);
                    }
                }
                delta[i][t] = best.0 + emits[i][t];
                back[i][t] = best.1 as u8;
            }
        }
        let last = &delta[n - 1];
        let mut t = (0..NUM_TAGS).fold(0, |b, x| if last[x] > last[b] { x } else { b });
        let mut out = vec![Tag::O; n];
        for i in (0..n).rev() {
            out[i] = Tag::from_index(t);
            t = back[i][t] as usize;
        }
        out
    }
}

#[inline]
fn add(acc: &mut Scores, part: &Scores) {
    for (a, p) in acc.iter_mut().zip(part) {
        *a += p;
    }
}

#[inline]
fn scaled(acc: &Scores, scale: f32) -> [f32; NUM_TAGS] {
    acc.map(|a| a as f32 * scale)
}

/// Gazetteer tags of one sentence's word types into `out`.
fn sentence_gazetteer(types: &WordTypes, ids: &[u32], out: &mut [u8]) {
    if !ids.iter().any(|&id| types.get(id).flags.starts_phrase) {
        return;
    }
    let keys: Vec<&str> = ids.iter().map(|&id| types.get(id).key.text()).collect();
    lexicon().gazetteer_tags_into(&keys, |i| types.get(ids[i]).flags.starts_phrase, out);
}

/// Both passes' base sums (one-word and joined templates) of one sentence's tokens.
fn sentence_sums(
    types: &WordTypes,
    tables: &Tables<'_>,
    ids: &[u32],
    gaz: &[u8],
    out: &mut Vec<[Scores; 2]>,
) {
    let n = ids.len();
    let (Some(edge_before), Some(edge_after)) = (&types.edge_before, &types.edge_after) else {
        return;
    };
    for i in 0..n {
        let mut acc = [[0i32; NUM_TAGS]; 2];
        for (slot, d) in [-2isize, -1, 0, 1, 2].into_iter().enumerate() {
            let j = i as isize + d;
            if j < 0 || j as usize >= n {
                let part = &types.edge_sums[slot];
                add(&mut acc[0], &part[0]);
                add(&mut acc[1], &part[1]);
            } else {
                types.get(ids[j as usize]).add_sums(slot, &mut acc);
            }
        }
        let word = types.get(ids[i]);
        let prev = (i > 0).then(|| types.get(ids[i - 1]).joinable());
        let next = ids.get(i + 1).map(|&id| types.get(id).joinable());
        let gz = |j: Option<usize>| j.and_then(|j| gaz.get(j)).copied().unwrap_or(9);
        let around = Around {
            word: word.joinable(),
            prev,
            next,
            edge_before,
            edge_after,
            gaz: [gz(i.checked_sub(1)), gz(Some(i)), gz(Some(i + 1))],
        };
        let feats = joined_features(&around, tables.mask);
        tables.add_both(&feats, &mut acc);
        out.push(acc);
    }
}

/// Tag a document's sentences through the cache, with `model`'s quantized tables
/// (`scales`: their weight scales); appends every token's [`ListFlags`] to `flags` if given.
pub(crate) fn tag_document_fast<T: AsRef<[S]>, S: AsRef<str>>(
    model: &NerModel,
    tables: &Tables<'_>,
    scales: [f32; 2],
    sentences: &[T],
    flags: Option<&mut Vec<ListFlags>>,
) -> Vec<Vec<Tag>> {
    with_word_types(|types| tag_with_types(types, model, tables, scales, sentences, flags))
}

/// [`tag_document_fast`] with a given cache.
pub(crate) fn tag_with_types<T: AsRef<[S]>, S: AsRef<str>>(
    types: &mut WordTypes,
    model: &NerModel,
    tables: &Tables<'_>,
    scales: [f32; 2],
    sentences: &[T],
    flags: Option<&mut Vec<ListFlags>>,
) -> Vec<Vec<Tag>> {
    types.prepare(model.id, tables);
    let mut ids = Vec::new();
    let mut starts = vec![0];
    for sentence in sentences {
        for token in sentence.as_ref() {
            ids.push(types.id(token.as_ref(), tables));
        }
        starts.push(ids.len());
    }
    if let Some(flags) = flags {
        flags.extend(ids.iter().map(|&id| types.get(id).flags));
    }
    let ranges: Vec<std::ops::Range<usize>> = starts.windows(2).map(|w| w[0]..w[1]).collect();
    let mut gaz = vec![0u8; ids.len()];
    let mut sums = Vec::with_capacity(ids.len());
    for range in &ranges {
        sentence_gazetteer(types, &ids[range.clone()], &mut gaz[range.clone()]);
        sentence_sums(types, tables, &ids[range.clone()], &gaz[range.clone()], &mut sums);
    }
    let mut decoder = Decoder::new();
    let first_transitions = Transitions::new(&model.first.transitions);
    let second_transitions = Transitions::new(&model.second.transitions);
    let mut emits = Vec::new();
    let mut first = Vec::with_capacity(ranges.len());
    for range in &ranges {
        emits.clear();
        emits.extend(sums[range.clone()].iter().map(|s| scaled(&s[0], scales[0])));
        first.push(decoder.decode(&emits, &first_transitions));
    }
    let hint_keys: Vec<Vec<Option<&[u8]>>> = ranges
        .iter()
        .map(|r| {
            ids[r.clone()]
                .iter()
                .map(|&id| types.get(id))
                .map(|w| w.eligible.then_some(w.key.as_bytes()))
                .collect()
        })
        .collect();
    let hints = document_hints(&hint_keys, &first, model.window as usize);
    ranges
        .iter()
        .zip(&hints)
        .zip(&first)
        .map(|((range, hints), first)| {
            emits.clear();
            for (j, s) in sums[range.clone()].iter().enumerate() {
                let mut acc = s[1];
                tables.add_second(&hint_features(hints, first, j, tables.mask), &mut acc);
                emits.push(scaled(&acc, scales[1]));
            }
            decoder.decode(&emits, &second_transitions)
        })
        .collect()
}

#[cfg(test)]
#[path = "fast_tagger_tests.rs"]
mod tests;
