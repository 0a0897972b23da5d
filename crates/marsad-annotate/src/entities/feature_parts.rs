//! The templates of `features.rs`, split by what they read, for the fast tagger
//! (`fast_tagger.rs`). 33 of the 44 read one word at a fixed offset (the word itself,
//! or its neighbour at −2, −1, +1, +2): their summed weights depend only on that word's
//! type and the offset, so they are summed once per word type and cached
//! (`word_types.rs`). The other 11 join two or three words, or read the gazetteer
//! tags, which depend on the phrase around the word: those are hashed per token.
//!
//! Each template here must give exactly the hash `sentence_features` gives; the
//! tests in `fast_tagger_tests.rs` compare the two paths' tags.

use super::features::{prefix, suffix, WordInfo, H};

/// The offsets of the one-word templates, in the order word types store their sums.
pub(crate) const OFFSETS: [isize; 5] = [-2, -1, 0, 1, 2];

/// The stem template's value for a missing word (sentence edge).
const NO_STEM: &str = "\u{1}";

/// Append the one-word features a token reads of `word` when the word stands
/// `offset` positions from it (`None`: past the sentence edge), masked to `mask`.
/// At offset 0 the word is the token itself, so it is always present.
pub(crate) fn one_word_features(
    word: Option<&WordInfo>,
    offset: isize,
    mask: u32,
    out: &mut Vec<u32>,
) {
    let edge = if offset < 0 { "<s>" } else { "</s>" };
    let norm = word.map_or(edge, |w| w.norm.as_str());
    let key = word.map_or(edge, |w| w.key.as_str());
    let stem = word.map_or(NO_STEM, |w| w.stem.as_str());
    let cl = |level: usize| word.map_or(u16::MAX, |w| w.clusters[level]) as u64;
    let trig = word.map_or(9, |w| w.trigger) as u64;
    let start = out.len();
    match (offset, word) {
        (-2, _) => {
            out.extend(
                [H::new(12).s(norm), H::new(29).add(trig), H::new(41).add(cl(1))].map(H::finish),
            );
        }
        (-1, _) => out.extend(
            [
                H::new(11).s(norm),
                H::new(15).s(key),
                H::new(22).add(cl(1)),
                H::new(28).add(trig),
                H::new(34).s(stem),
            ]
            .map(H::finish),
        ),
        (1, _) => out.extend(
            [
                H::new(13).s(norm),
                H::new(16).s(key),
                H::new(23).add(cl(1)),
                H::new(31).add(trig),
                H::new(35).s(stem),
                H::new(37).add(cl(2)),
            ]
            .map(H::finish),
        ),
        (2, _) => out.extend([H::new(14).s(norm), H::new(42).add(cl(1))].map(H::finish)),
        (0, Some(w)) => {
            let clitic = &w.norm[..w.norm.len().saturating_sub(w.key.len())];
            let clitic = if w.norm.ends_with(w.key.as_str()) { clitic } else { "?" };
            out.extend(
                [
                    H::new(0),
                    H::new(1).s(&w.norm),
                    H::new(2).s(&w.key),
                    H::new(3).s(&w.stem),
                    H::new(4).s(clitic),
                    H::new(5).s(prefix(&w.key, 2)),
                    H::new(6).s(prefix(&w.key, 3)),
                    H::new(7).s(suffix(&w.norm, 1)),
                    H::new(8).s(suffix(&w.norm, 2)),
                    H::new(9).s(suffix(&w.norm, 3)),
                    H::new(10).add(w.shape as u64),
                    H::new(19).add(cl(0)),
                    H::new(20).add(cl(1)),
                    H::new(21).add(cl(2)),
                    H::new(30).add(trig),
                    H::new(36).s(suffix(&w.key, 2)).add(cl(0)),
                    H::new(40).add(w.clusters[3] as u64),
                ]
                .map(H::finish),
            );
        }
        _ => {}
    }
    for f in &mut out[start..] {
        *f &= mask;
    }
}

/// What the joined templates read of a word besides its key.
#[derive(Debug, Clone, Copy)]
pub(crate) struct JoinFacts {
    /// Cluster at the middle level.
    pub(crate) cluster: u16,
    pub(crate) shape: u8,
    pub(crate) trigger: u8,
    pub(crate) given: bool,
}

impl JoinFacts {
    pub(crate) fn of(w: &WordInfo) -> JoinFacts {
        JoinFacts { cluster: w.clusters[1], shape: w.shape, trigger: w.trigger, given: w.given }
    }
}

/// Hash states of the joined templates after the part one word contributes, so a
/// token finishes them with its neighbour's part only.
#[derive(Debug, Clone, Copy)]
pub(crate) struct JoinStates {
    /// Template 17 after the previous word's key.
    pub(crate) prev_key_key: H,
    /// Template 18 after the word's own key.
    pub(crate) key_next_key: H,
    /// Template 24 after the previous word's finest cluster.
    pub(crate) prev_cluster: H,
    /// Template 38 after the previous word's key.
    pub(crate) prev_key_cluster: H,
    /// Template 43 after the next word's key.
    pub(crate) next_key_cluster: H,
}

impl JoinStates {
    /// The states a word (`None`: past the sentence edge on that side) starts.
    pub(crate) fn of(word: Option<&WordInfo>, before: bool) -> JoinStates {
        let edge = if before { "<s>" } else { "</s>" };
        let key = word.map_or(edge, |w| w.key.as_str());
        let cl2 = word.map_or(u16::MAX, |w| w.clusters[2]) as u64;
        JoinStates {
            prev_key_key: H::new(17).s(key),
            key_next_key: H::new(18).s(key),
            prev_cluster: H::new(24).add(cl2),
            prev_key_cluster: H::new(38).s(key),
            next_key_cluster: H::new(43).s(key),
        }
    }
}

/// One word as the joined templates see it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Joinable<'a> {
    pub(crate) key: &'a [u8],
    pub(crate) facts: &'a JoinFacts,
    pub(crate) states: &'a JoinStates,
}

/// What the joined templates read of the token's neighbourhood.
pub(crate) struct Around<'a> {
    pub(crate) word: Joinable<'a>,
    /// The previous word (`None` at the sentence start).
    pub(crate) prev: Option<Joinable<'a>>,
    /// The next word (`None` at the sentence end).
    pub(crate) next: Option<Joinable<'a>>,
    /// The states past the sentence start and end.
    pub(crate) edge_before: &'a JoinStates,
    pub(crate) edge_after: &'a JoinStates,
    /// Gazetteer tags of the previous word, the word and the next word (9: edge).
    pub(crate) gaz: [u8; 3],
}

/// The 11 features that join words or read gazetteer tags, masked to `mask`.
pub(crate) fn joined_features(a: &Around<'_>, mask: u32) -> [u32; 11] {
    let w = a.word.facts;
    let cl1 = w.cluster as u64;
    let prev_given = a.prev.is_some_and(|p| p.facts.given) as u64;
    let prev_shape = a.prev.map_or(0, |p| p.facts.shape) as u64;
    let prev_trig = a.prev.map_or(9, |p| p.facts.trigger) as u64;
    let prev_states = a.prev.map_or(a.edge_before, |p| p.states);
    let next_shape = a.next.map_or(0, |n| n.facts.shape) as u64;
    let next_key: &[u8] = a.next.map_or(b"</s>", |n| n.key);
    let next_states = a.next.map_or(a.edge_after, |n| n.states);
    let [gp, g, gn] = a.gaz.map(u64::from);
    [
        prev_states.prev_key_key.bytes(a.word.key),
        a.word.states.key_next_key.bytes(next_key),
        prev_states.prev_cluster.add(cl1),
        H::new(25).add(g),
        H::new(26).add(gp).add(g),
        H::new(27).add(gn),
        H::new(32).add(w.given as u64).add(prev_given),
        H::new(33).add(prev_shape).add(w.shape as u64).add(next_shape),
        prev_states.prev_key_cluster.add(cl1),
        H::new(39).add(prev_trig).add(cl1),
        next_states.next_key_cluster.add(cl1),
    ]
    .map(|h| h.finish() & mask)
}
