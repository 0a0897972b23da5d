//! The tagger's reference path: every feature of every token hashed
//! (`features.rs`) and its weight rows read, then Viterbi, for both passes. Models
//! in training (f32 weights) tag this way; for models read from a file it is the
//! yardstick the fast path (`fast_tagger.rs`) must match tag for tag.

use super::clusters::ClusterTable;
use super::features::{
    sentence_features, stacked_features, WordCache, WordInfo, NUM_FEATURES, NUM_HINT_FEATURES,
};
use super::hints::document_hints;
use super::model::NerModel;
use super::tags::Tag;

/// Tag the sentences of one document the straightforward way.
pub(crate) fn tag_document<T: AsRef<[S]>, S: AsRef<str>>(
    model: &NerModel,
    sentences: &[T],
) -> Vec<Vec<Tag>> {
    let clusters = ClusterTable::shipped();
    let mask = model.mask();
    let mut cache = WordCache::default();
    let ids: Vec<Vec<usize>> = sentences
        .iter()
        .map(|s| s.as_ref().iter().map(|t| cache.id(t.as_ref(), clusters)).collect())
        .collect();
    let words: Vec<Vec<&WordInfo>> =
        ids.iter().map(|s| s.iter().map(|&i| cache.get(i)).collect()).collect();
    let base: Vec<Vec<u32>> = words
        .iter()
        .map(|w| {
            let mut f = Vec::new();
            sentence_features(w, mask, &mut f);
            f
        })
        .collect();
    let first: Vec<Vec<Tag>> = base.iter().map(|f| model.first.viterbi(f, NUM_FEATURES)).collect();
    let keys: Vec<Vec<Option<&str>>> =
        words.iter().map(|w| w.iter().map(|x| x.hint_key()).collect()).collect();
    let hints = document_hints(&keys, &first, model.window as usize);
    let mut stacked = Vec::new();
    base.iter()
        .zip(&hints)
        .zip(&first)
        .map(|((f, h), t)| {
            stacked.clear();
            stacked_features(f, h, t, mask, &mut stacked);
            model.second.viterbi(&stacked, NUM_FEATURES + NUM_HINT_FEATURES)
        })
        .collect()
}
