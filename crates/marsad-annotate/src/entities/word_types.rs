//! Word types the fast tagger has seen on this thread, each analysed once and with
//! the summed weights of its one-word templates (`feature_parts.rs`) for both passes
//! and every offset. News repeats its vocabulary across articles, so most tokens
//! cost one hash lookup here instead of 33 scattered weight-row reads and the
//! normalization and stemming of the word.
//!
//! The cache lives in a thread-local, so parallel taggers never share or lock it.
//! It belongs to one model (a model read from bytes gets a fresh id; another model
//! empties it) and is bounded: once it holds [`MAX_BYTES`], its rarer half is evicted
//! before the next document. Sums are exact integer sums of the i16 weights, so tags
//! do not depend on what the cache held.

use std::cell::RefCell;

use super::clusters::ClusterTable;
use super::feature_parts::{one_word_features, JoinFacts, JoinStates, Joinable, OFFSETS};
use super::features::WordInfo;
use super::lexicon::ListFlags;
use super::surface_index::{surface_hash, Surface, SurfaceIndex};
use super::tags::NUM_TAGS;
use super::weight_rows::{Scores, Tables};

/// Upper bound of one thread's cache (about 40,000 word types), besides the 512 KiB
/// filter and one document's new words. Ingest tags on every rayon worker, and its
/// peak memory has a 500 MB budget: 28 MiB tagged ~10% faster and cost 32 MB more.
const MAX_BYTES: usize = 12 << 20;

/// The sums of a word's (or an edge's) one-word features at each offset, both passes.
fn offset_sums(tables: &Tables<'_>, word: Option<&WordInfo>) -> [[Scores; 2]; 5] {
    let mut sums = [[[0; NUM_TAGS]; 2]; 5];
    let mut feats = Vec::with_capacity(20);
    for (slot, &offset) in sums.iter_mut().zip(&OFFSETS) {
        feats.clear();
        one_word_features(word, offset, tables.mask, &mut feats);
        tables.add_both(&feats, slot);
    }
    sums
}

/// The one-word sums of a type, as i16 when every value fits (nearly always), which
/// halves the cache's size, else as i32.
#[derive(Debug)]
enum Sums {
    Narrow([[[i16; NUM_TAGS]; 2]; 5]),
    Wide(Box<[[Scores; 2]; 5]>),
}

impl Sums {
    fn new(sums: [[Scores; 2]; 5]) -> Sums {
        let fits = sums.iter().flatten().flatten().all(|v| i16::try_from(*v).is_ok());
        if fits {
            Sums::Narrow(sums.map(|offset| offset.map(|layer| layer.map(|v| v as i16))))
        } else {
            Sums::Wide(Box::new(sums))
        }
    }
}

/// One word type: what the joined templates read of it, the hash states it starts,
/// and its cached sums.
#[derive(Debug)]
pub(crate) struct WordType {
    surface: Surface,
    /// The word key, inline: the joined templates hash it for every token.
    pub(crate) key: Surface,
    pub(crate) facts: JoinFacts,
    pub(crate) states: JoinStates,
    /// Per offset (in [`OFFSETS`] order) and pass: the summed weights of the one-word
    /// features a token reads of this word when the word stands at that offset from it.
    sums: Sums,
    /// Whether the word carries document hints (under its key).
    pub(crate) eligible: bool,
    /// What the lists say of the word's key.
    pub(crate) flags: ListFlags,
    /// Tokens of this type seen since it entered the cache (halved at each eviction).
    hits: u32,
}

impl WordType {
    fn new(surface: &str, tables: &Tables<'_>) -> WordType {
        let info = WordInfo::new(surface, ClusterTable::shipped());
        WordType {
            surface: Surface::new(surface),
            key: Surface::new(&info.key),
            facts: JoinFacts::of(&info),
            states: JoinStates::of(Some(&info), true),
            sums: Sums::new(offset_sums(tables, Some(&info))),
            eligible: info.hint_key().is_some(),
            flags: ListFlags::of_key(&info.key),
            hits: 1,
        }
    }

    /// Add the sums for offset slot `slot` (index into [`OFFSETS`]) to both passes' accumulators.
    #[inline]
    pub(crate) fn add_sums(&self, slot: usize, acc: &mut [Scores; 2]) {
        match &self.sums {
            Sums::Narrow(sums) => {
                for (a, part) in acc.iter_mut().zip(&sums[slot]) {
                    for (a, p) in a.iter_mut().zip(part) {
                        *a += *p as i32;
                    }
                }
            }
            Sums::Wide(sums) => {
                for (a, part) in acc.iter_mut().zip(&sums[slot]) {
                    for (a, p) in a.iter_mut().zip(part) {
                        *a += p;
                    }
                }
            }
        }
    }

    /// The word as the joined templates see it.
    #[inline]
    pub(crate) fn joinable(&self) -> Joinable<'_> {
        Joinable { key: self.key.as_bytes(), facts: &self.facts, states: &self.states }
    }

    /// Bytes this type holds, roughly, with its key and index entry.
    fn bytes(&self) -> usize {
        let wide = if matches!(self.sums, Sums::Wide(_)) { 360 } else { 0 };
        std::mem::size_of::<WordType>()
            + wide
            + self.surface.heap_bytes()
            + self.key.heap_bytes()
            + 40
    }
}

/// Bits of the filter of surface forms seen once (512 KiB).
const SEEN_BITS: u32 = 22;

/// The cache (see the module doc). A type enters it on its second sight only (a
/// bit filter remembers first sights): half of a news corpus's word types occur
/// once, and they would push out the ones that recur. Types seen for the first time
/// live in `local` until the next document.
#[derive(Debug, Default)]
pub(crate) struct WordTypes {
    model: Option<u64>,
    /// The bound in bytes; 0 for [`MAX_BYTES`] (tests set a small one to exercise eviction).
    limit: usize,
    index: SurfaceIndex,
    types: Vec<WordType>,
    bytes: usize,
    local_index: SurfaceIndex,
    local: Vec<WordType>,
    seen: Vec<u64>,
    seen_count: usize,
    /// The one-word sums past the sentence edges (index as [`OFFSETS`]).
    pub(crate) edge_sums: [[Scores; 2]; 5],
    /// The hash states before the first word and after the last.
    pub(crate) edge_before: Option<JoinStates>,
    pub(crate) edge_after: Option<JoinStates>,
}

/// Ids of types in `local` have this bit set.
const LOCAL: u32 = 1 << 31;

impl WordTypes {
    /// Get ready for a document tagged by model `model` (its id): drops the previous
    /// document's first sights, empties the cache when it belongs to another model,
    /// and evicts the rarer types when it has grown past its bound.
    pub(crate) fn prepare(&mut self, model: u64, tables: &Tables<'_>) {
        self.local.clear();
        self.local_index.clear();
        if self.model == Some(model) {
            let limit = if self.limit == 0 { MAX_BYTES } else { self.limit };
            if self.bytes > limit {
                self.evict();
            }
            return;
        }
        *self = WordTypes {
            model: Some(model),
            limit: self.limit,
            edge_sums: offset_sums(tables, None),
            edge_before: Some(JoinStates::of(None, true)),
            edge_after: Some(JoinStates::of(None, false)),
            seen: vec![0; 1 << (SEEN_BITS - 6)],
            ..WordTypes::default()
        };
    }

    /// An empty cache bounded to `limit` bytes.
    #[cfg(test)]
    pub(crate) fn with_limit(limit: usize) -> WordTypes {
        WordTypes { limit, ..WordTypes::default() }
    }

    /// Number of types in the cache (not counting this document's first sights).
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.types.len()
    }

    /// Keep the types seen more often than half of the others (news vocabulary is
    /// Zipfian: the frequent half covers nearly all tokens), with halved counts so
    /// that types which stop occurring age out. Ids change, which is why this runs
    /// between documents only.
    fn evict(&mut self) {
        let mut hits: Vec<u32> = self.types.iter().map(|t| t.hits).collect();
        let keep_above = match hits.len() {
            0 => 0,
            n => *hits.select_nth_unstable(n / 2).1,
        };
        let old = std::mem::take(&mut self.types);
        self.index.clear();
        self.bytes = 0;
        for mut word in old {
            if word.hits > keep_above {
                word.hits /= 2;
                let form = word.surface.text().to_owned();
                self.insert(surface_hash(&form), &form, word);
            }
        }
    }

    /// Add a type to the cache under form `form` (hash `hash`); returns its id.
    fn insert(&mut self, hash: u64, form: &str, word: WordType) -> u32 {
        self.bytes += word.bytes();
        let id = self.types.len() as u32;
        self.index.insert(hash, form, id);
        self.types.push(word);
        id
    }

    /// Whether the surface form was seen before (in an earlier document, or earlier
    /// in this one), marking it seen. The filter is emptied when a quarter full, so
    /// it says "seen" wrongly for at most about a quarter of new words.
    fn seen_before(&mut self, hash: u64) -> bool {
        let bit = (hash >> (64 - SEEN_BITS)) as usize;
        let (word, mask) = (bit / 64, 1u64 << (bit % 64));
        let Some(slot) = self.seen.get_mut(word) else { return false };
        if *slot & mask != 0 {
            return true;
        }
        *slot |= mask;
        self.seen_count += 1;
        if self.seen_count > 1 << (SEEN_BITS - 2) {
            self.seen.fill(0);
            self.seen_count = 0;
        }
        false
    }

    /// The id of a surface form's type, analysing it on first sight.
    pub(crate) fn id(&mut self, surface: &str, tables: &Tables<'_>) -> u32 {
        let hash = surface_hash(surface);
        if let Some(id) = self.index.get(hash, surface, |id| &self.types[id as usize].surface) {
            if let Some(word) = self.types.get_mut(id as usize) {
                word.hits = word.hits.saturating_add(1);
            }
            return id;
        }
        let local = &self.local;
        if let Some(id) =
            self.local_index.get(hash, surface, |id| &local[(id & !LOCAL) as usize].surface)
        {
            return id;
        }
        let word = WordType::new(surface, tables);
        if self.seen_before(hash) {
            return self.insert(hash, surface, word);
        }
        let id = self.local.len() as u32 | LOCAL;
        self.local.push(word);
        self.local_index.insert(hash, surface, id);
        id
    }

    /// The type of an id [`id`](Self::id) returned (in this document).
    #[inline]
    pub(crate) fn get(&self, id: u32) -> &WordType {
        if id & LOCAL != 0 {
            &self.local[(id & !LOCAL) as usize]
        } else {
            &self.types[id as usize]
        }
    }
}

thread_local! {
    static WORD_TYPES: RefCell<WordTypes> = RefCell::new(WordTypes::default());
}

/// Run `f` with this thread's cache (a fresh one if the cache is already in use
/// further up the stack, which the tagger never does, so this cannot panic).
pub(crate) fn with_word_types<R>(f: impl FnOnce(&mut WordTypes) -> R) -> R {
    WORD_TYPES.with(|cell| match cell.try_borrow_mut() {
        Ok(mut types) => f(&mut types),
        Err(_) => f(&mut WordTypes::default()),
    })
}
