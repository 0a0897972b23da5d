//! Feature extraction for the tagger: every token of a sentence gets exactly
//! [`NUM_FEATURES`] hashed feature indexes (one per template), so the weight lookups
//! are a fixed-stride loop.
//!
//! Templates (window ±2): the normalized word, its key (clitics stripped), stem,
//! the proclitic part (و، ب، ال…), prefixes and suffixes, shape and length; the
//! neighbours' words, keys and stems; key bigrams; word clusters at three levels
//! for the token and one level for its neighbours; gazetteer match tags (B/I per
//! class) for the token and its neighbours; trigger classes around it; given-name
//! hits. A template whose value is missing (sentence edge, unknown cluster) still
//! emits its "missing" value, which is a useful feature on its own.
//!
//! Changing a template changes [`FEATURE_VERSION`], which the model file records.

use std::borrow::Borrow;
use std::collections::HashMap;

use super::clusters::{ClusterIds, ClusterTable};
use super::lexicon::lexicon;
use super::tags::Tag;

/// Version of the feature templates below (bump on any change).
pub const FEATURE_VERSION: u32 = 2;

/// Features per token.
pub const NUM_FEATURES: usize = 44;

/// Extra features per token in the second pass (document hints, first-pass tags).
pub const NUM_HINT_FEATURES: usize = 5;

/// What the templates read of one token.
#[derive(Debug, Clone)]
pub(crate) struct WordInfo {
    pub(crate) norm: String,
    pub(crate) key: String,
    pub(crate) stem: String,
    pub(crate) shape: u8,
    pub(crate) clusters: ClusterIds,
    pub(crate) trigger: u8,
    pub(crate) given: bool,
    pub(crate) eligible: bool,
}

impl WordInfo {
    pub(crate) fn new(surface: &str, clusters: &ClusterTable) -> WordInfo {
        // One normalization serves both: the key is `word_key`, the normalized form
        // with clitics stripped (not lowercased).
        let normalized = marsad_text::normalize_str(surface);
        let key = marsad_text::strip_clitics(&normalized).to_owned();
        let norm = normalized.to_lowercase();
        let stem = if key.chars().count() > 3 { marsad_text::stem(&key) } else { key.clone() };
        let lex = lexicon();
        WordInfo {
            shape: shape(&norm),
            clusters: clusters.get(&key),
            trigger: lex.trigger(&key).map_or(0, |t| t as u8),
            given: lex.is_given_name(&key),
            eligible: super::hints::eligible(&key, &norm),
            stem,
            key,
            norm,
        }
    }
}

impl WordInfo {
    /// The key when the word carries document hints.
    pub(crate) fn hint_key(&self) -> Option<&str> {
        self.eligible.then_some(self.key.as_str())
    }
}

fn shape(norm: &str) -> u8 {
    let mut arabic = false;
    let mut digit = false;
    let mut latin = false;
    let mut other = false;
    for c in norm.chars() {
        if c.is_ascii_digit() {
            digit = true;
        } else if ('\u{0600}'..='\u{06FF}').contains(&c) {
            arabic = true;
        } else if c.is_alphabetic() {
            latin = true;
        } else {
            other = true;
        }
    }
    let class = match (arabic, digit, latin, other) {
        (true, false, false, false) => 1,
        (false, true, false, _) => 2,
        (false, false, true, false) => 3,
        (false, false, false, true) => 4,
        _ => 5,
    };
    let len = norm.chars().count().min(9) as u8;
    class * 16 + len
}

/// FxHash-style streaming hash for feature strings.
#[derive(Debug, Clone, Copy)]
pub(crate) struct H(pub(crate) u64);

const K: u64 = 0x517c_c1b7_2722_0a95;

impl H {
    #[inline]
    pub(crate) fn new(template: u32) -> H {
        H((template as u64 + 1).wrapping_mul(K))
    }
    #[inline]
    pub(crate) fn add(self, x: u64) -> H {
        H((self.0.rotate_left(5) ^ x).wrapping_mul(K))
    }
    #[inline]
    pub(crate) fn s(self, s: &str) -> H {
        self.bytes(s.as_bytes())
    }
    /// [`s`](Self::s) over the bytes of a string.
    #[inline]
    pub(crate) fn bytes(mut self, bytes: &[u8]) -> H {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut a = [0u8; 8];
            a.copy_from_slice(c);
            self = self.add(u64::from_le_bytes(a));
        }
        let mut tail = 0u64;
        for (i, b) in chunks.remainder().iter().enumerate() {
            tail |= (*b as u64) << (8 * i);
        }
        self.add(tail ^ ((bytes.len() as u64) << 56))
    }
    #[inline]
    pub(crate) fn finish(self) -> u32 {
        let x = self.0 ^ (self.0 >> 29);
        (x.wrapping_mul(0xbf58_476d_1ce4_e5b9) >> 32) as u32
    }
}

pub(crate) fn prefix(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

pub(crate) fn suffix(s: &str, n: usize) -> &str {
    let count = s.chars().count();
    if count <= n {
        return s;
    }
    match s.char_indices().nth(count - n) {
        Some((i, _)) => &s[i..],
        None => s,
    }
}

/// Analyse a sentence's tokens (surface strings) into [`WordInfo`]s.
pub(crate) fn word_infos<S: AsRef<str>>(tokens: &[S], clusters: &ClusterTable) -> Vec<WordInfo> {
    tokens.iter().map(|t| WordInfo::new(t.as_ref(), clusters)).collect()
}

/// Word analyses shared by every occurrence of a surface form in a document: news
/// repeats its words, and analysing each distinct word once is most of the speed.
#[derive(Debug, Default)]
pub(crate) struct WordCache<'a> {
    index: HashMap<&'a str, usize>,
    infos: Vec<WordInfo>,
}

impl<'a> WordCache<'a> {
    /// The index of a word's analysis, analysing it on first sight.
    pub(crate) fn id(&mut self, surface: &'a str, clusters: &ClusterTable) -> usize {
        if let Some(&i) = self.index.get(surface) {
            return i;
        }
        self.infos.push(WordInfo::new(surface, clusters));
        self.index.insert(surface, self.infos.len() - 1);
        self.infos.len() - 1
    }

    /// The analysis of an index [`id`](Self::id) returned.
    pub(crate) fn get(&self, id: usize) -> &WordInfo {
        &self.infos[id]
    }
}

/// Append the features of every token of a sentence to `out` (`NUM_FEATURES` each),
/// masked to `mask`.
pub(crate) fn sentence_features<W: Borrow<WordInfo>>(words: &[W], mask: u32, out: &mut Vec<u32>) {
    let words: Vec<&WordInfo> = words.iter().map(Borrow::borrow).collect();
    let keys: Vec<&str> = words.iter().map(|w| w.key.as_str()).collect();
    let gaz = lexicon().gazetteer_tags(&keys);
    let n = words.len();
    let none = "\u{1}";
    let at = |i: isize| -> Option<&WordInfo> {
        if i < 0 {
            None
        } else {
            words.get(i as usize).copied()
        }
    };
    let norm = |i: isize| at(i).map_or(if i < 0 { "<s>" } else { "</s>" }, |w| w.norm.as_str());
    let key = |i: isize| at(i).map_or(if i < 0 { "<s>" } else { "</s>" }, |w| w.key.as_str());
    let stem = |i: isize| at(i).map_or(none, |w| w.stem.as_str());
    let cl = |i: isize, level: usize| at(i).map_or(u16::MAX, |w| w.clusters[level]) as u64;
    let trig = |i: isize| at(i).map_or(9, |w| w.trigger) as u64;
    let gz = |i: isize| if i < 0 || i as usize >= n { 9 } else { gaz[i as usize] as u64 };
    let shp = |i: isize| at(i).map_or(0, |w| w.shape) as u64;
    out.reserve(n * NUM_FEATURES);
    for (idx, w) in words.iter().enumerate() {
        let i = idx as isize;
        let clitic = &w.norm[..w.norm.len().saturating_sub(w.key.len())];
        let clitic = if w.norm.ends_with(w.key.as_str()) { clitic } else { "?" };
        let f: [u32; NUM_FEATURES] = [
            H::new(0).finish(),
            H::new(1).s(&w.norm).finish(),
            H::new(2).s(&w.key).finish(),
            H::new(3).s(&w.stem).finish(),
            H::new(4).s(clitic).finish(),
            H::new(5).s(prefix(&w.key, 2)).finish(),
            H::new(6).s(prefix(&w.key, 3)).finish(),
            H::new(7).s(suffix(&w.norm, 1)).finish(),
            H::new(8).s(suffix(&w.norm, 2)).finish(),
            H::new(9).s(suffix(&w.norm, 3)).finish(),
            H::new(10).add(w.shape as u64).finish(),
            H::new(11).s(norm(i - 1)).finish(),
            H::new(12).s(norm(i - 2)).finish(),
            H::new(13).s(norm(i + 1)).finish(),
            H::new(14).s(norm(i + 2)).finish(),
            H::new(15).s(key(i - 1)).finish(),
            H::new(16).s(key(i + 1)).finish(),
            H::new(17).s(key(i - 1)).s(&w.key).finish(),
            H::new(18).s(&w.key).s(key(i + 1)).finish(),
            H::new(19).add(cl(i, 0)).finish(),
            H::new(20).add(cl(i, 1)).finish(),
            H::new(21).add(cl(i, 2)).finish(),
            H::new(22).add(cl(i - 1, 1)).finish(),
            H::new(23).add(cl(i + 1, 1)).finish(),
            H::new(24).add(cl(i - 1, 2)).add(cl(i, 1)).finish(),
            H::new(25).add(gz(i)).finish(),
            H::new(26).add(gz(i - 1)).add(gz(i)).finish(),
            H::new(27).add(gz(i + 1)).finish(),
            H::new(28).add(trig(i - 1)).finish(),
            H::new(29).add(trig(i - 2)).finish(),
            H::new(30).add(trig(i)).finish(),
            H::new(31).add(trig(i + 1)).finish(),
            H::new(32).add(w.given as u64).add(at(i - 1).is_some_and(|p| p.given) as u64).finish(),
            H::new(33).add(shp(i - 1)).add(w.shape as u64).add(shp(i + 1)).finish(),
            H::new(34).s(stem(i - 1)).finish(),
            H::new(35).s(stem(i + 1)).finish(),
            H::new(36).s(suffix(&w.key, 2)).add(cl(i, 0)).finish(),
            H::new(37).add(cl(i + 1, 2)).finish(),
            H::new(38).s(key(i - 1)).add(cl(i, 1)).finish(),
            H::new(39).add(trig(i - 1)).add(cl(i, 1)).finish(),
            H::new(40).add(w.clusters[3] as u64).finish(),
            H::new(41).add(cl(i - 2, 1)).finish(),
            H::new(42).add(cl(i + 2, 1)).finish(),
            H::new(43).s(key(i + 1)).add(cl(i, 1)).finish(),
        ];
        out.extend(f.iter().map(|h| h & mask));
    }
}

/// Second-pass features: `base` holds the first-pass features (`NUM_FEATURES` per
/// token); each token's are copied, then `NUM_HINT_FEATURES` more from its document
/// hints and the first pass's tags are appended.
pub(crate) fn stacked_features(
    base: &[u32],
    hints: &[u16],
    first: &[Tag],
    mask: u32,
    out: &mut Vec<u32>,
) {
    let n = hints.len();
    out.reserve(n * (NUM_FEATURES + NUM_HINT_FEATURES));
    for i in 0..n {
        out.extend_from_slice(&base[i * NUM_FEATURES..(i + 1) * NUM_FEATURES]);
        out.extend(hint_features(hints, first, i, mask));
    }
}

/// The second pass's own features of token `j` of a sentence: its document hints and
/// the first pass's tags around it, masked to `mask`.
#[inline]
pub(crate) fn hint_features(
    hints: &[u16],
    first: &[Tag],
    j: usize,
    mask: u32,
) -> [u32; NUM_HINT_FEATURES] {
    let n = hints.len();
    let j = j as isize;
    let tag =
        |i: isize| if i < 0 || i as usize >= n { 99 } else { first[i as usize].index() as u64 };
    let hint = |i: isize| if i < 0 || i as usize >= n { 1 << 12 } else { hints[i as usize] as u64 };
    [
        H::new(100).add(hint(j)),
        H::new(101).add(hint(j)).add(tag(j)),
        H::new(102).add(tag(j - 1)).add(tag(j)).add(tag(j + 1)),
        H::new(103).add(hint(j - 1)).add(hint(j)),
        H::new(104).add(hint(j + 1)).add(tag(j)),
    ]
    .map(|h| h.finish() & mask)
}

/// A hash of everything features depend on besides the words: template version,
/// lexicon files and cluster table. The model file records it.
pub fn feature_signature() -> u64 {
    let mut h = H::new(FEATURE_VERSION);
    for text in super::lexicon::SOURCES {
        h = h.s(text);
    }
    h = h.s(super::clusters::SHIPPED);
    h.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_stride_and_deterministic() {
        let table = ClusterTable::default();
        let words = word_infos(&["قال", "وزير", "الدفاع", "لويد", "أوستن", "."], &table);
        let mut a = Vec::new();
        sentence_features(&words, (1 << 20) - 1, &mut a);
        assert_eq!(a.len(), 6 * NUM_FEATURES);
        let mut b = Vec::new();
        sentence_features(&words, (1 << 20) - 1, &mut b);
        assert_eq!(a, b);
        assert_eq!(prefix("عراق", 2), "عر");
        assert_eq!(suffix("عراق", 2), "اق");
        assert!(sentence_features_empty_ok());
    }

    fn sentence_features_empty_ok() -> bool {
        let mut out = Vec::new();
        sentence_features::<WordInfo>(&[], 255, &mut out);
        out.is_empty()
    }
}
