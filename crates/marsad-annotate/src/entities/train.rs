//! Training the tagger: an averaged structured perceptron (Collins 2002) over the
//! hashed features, decoded with the same Viterbi the tagger uses, and k-fold
//! cross-validation over contiguous blocks of sentences.
//!
//! Deterministic: sentences are visited in an order shuffled by a fixed-seed
//! xorshift generator, so the same file and options give the same model bytes.

use super::clusters::ClusterTable;
use super::conll::LabeledSentence;
use super::features::{
    sentence_features, stacked_features, word_infos, WordInfo, NUM_FEATURES, NUM_HINT_FEATURES,
};
use super::hints::document_hints;
use super::model::{mask, Layer, NerModel};
use super::tags::{Tag, NUM_TAGS};

/// Training options.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    pub epochs: usize,
    /// The weight table has `2^bits` rows.
    pub bits: u32,
    pub seed: u64,
    /// Sentences either side that count as the document for the second pass.
    pub window: u32,
    /// Folds of the jackknife that gives the second pass honest first-pass tags.
    pub jackknife: usize,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions { epochs: 12, bits: 20, seed: 2015, window: 15, jackknife: 5 }
    }
}

/// Features of every sentence, computed once.
struct Prepared {
    feats: Vec<u32>,
    stride: usize,
    /// Token offset of each sentence (`len + 1` entries).
    starts: Vec<usize>,
    gold: Vec<Tag>,
}

impl Prepared {
    fn sentence(&self, s: usize) -> (&[u32], &[Tag]) {
        let (a, b) = (self.starts[s], self.starts[s + 1]);
        (&self.feats[a * self.stride..b * self.stride], &self.gold[a..b])
    }
}

/// Train on labeled sentences with the shipped clusters.
pub fn train(sentences: &[LabeledSentence], options: &TrainOptions) -> NerModel {
    let refs: Vec<&LabeledSentence> = sentences.iter().collect();
    train_refs(&refs, options, &mut |_, _| {})
}

/// Train, reporting `(epoch, token errors)` after each epoch of the final second pass.
pub fn train_with_progress(
    sentences: &[LabeledSentence],
    options: &TrainOptions,
    progress: &mut dyn FnMut(usize, usize),
) -> NerModel {
    let refs: Vec<&LabeledSentence> = sentences.iter().collect();
    train_refs(&refs, options, progress)
}

/// Two passes: the first on the sentences' own features; a jackknife over contiguous
/// folds gives first-pass tags for every training sentence from a model that did not
/// see it; the second pass learns from those tags and the document hints made of them.
fn train_refs(
    sentences: &[&LabeledSentence],
    options: &TrainOptions,
    progress: &mut dyn FnMut(usize, usize),
) -> NerModel {
    let clusters = ClusterTable::shipped();
    let mask = mask(options.bits);
    let words: Vec<Vec<WordInfo>> =
        sentences.iter().map(|s| word_infos(&s.tokens, clusters)).collect();
    let mut base =
        Prepared { feats: Vec::new(), stride: NUM_FEATURES, starts: vec![0], gold: Vec::new() };
    for (s, w) in sentences.iter().zip(&words) {
        sentence_features(w, mask, &mut base.feats);
        base.gold.extend_from_slice(&s.tags);
        base.starts.push(base.gold.len());
    }
    let n = sentences.len();
    let all: Vec<usize> = (0..n).collect();
    let folds = options.jackknife.clamp(2, n.max(2));
    let mut first_tags: Vec<Vec<Tag>> = vec![Vec::new(); n];
    for k in 0..folds {
        let (lo, hi) = (k * n / folds, (k + 1) * n / folds);
        let subset: Vec<usize> = (0..lo).chain(hi..n).collect();
        let layer = train_layer(&base, &subset, options, &mut |_, _| {});
        for (s, slot) in first_tags.iter_mut().enumerate().take(hi).skip(lo) {
            *slot = layer.viterbi(base.sentence(s).0, NUM_FEATURES);
        }
    }
    let first = train_layer(&base, &all, options, &mut |_, _| {});
    let keys: Vec<Vec<Option<&str>>> =
        words.iter().map(|w| w.iter().map(WordInfo::hint_key).collect()).collect();
    let hints = document_hints(&keys, &first_tags, options.window as usize);
    let stride = NUM_FEATURES + NUM_HINT_FEATURES;
    let mut stacked = Prepared {
        feats: Vec::new(),
        stride,
        starts: base.starts.clone(),
        gold: base.gold.clone(),
    };
    for s in 0..n {
        stacked_features(base.sentence(s).0, &hints[s], &first_tags[s], mask, &mut stacked.feats);
    }
    let second = train_layer(&stacked, &all, options, progress);
    NerModel { bits: options.bits, window: options.window, first, second, id: 0 }
}

/// One averaged-perceptron pass over `subset` of the sentences.
fn train_layer(
    data: &Prepared,
    subset: &[usize],
    options: &TrainOptions,
    progress: &mut dyn FnMut(usize, usize),
) -> Layer {
    let stride = data.stride;
    let mut layer = Layer::zeros(options.bits);
    let mut acc_w = vec![0f64; layer.weights.len()];
    let mut acc_t = vec![0f64; layer.transitions.len()];
    let mut c = 1f64;
    let mut order: Vec<usize> = subset.to_vec();
    let mut rng = options.seed | 1;
    for epoch in 0..options.epochs {
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        let mut errors = 0;
        for &s in &order {
            let (feats, gold) = data.sentence(s);
            let pred = layer.viterbi(feats, stride);
            if pred != gold {
                for i in 0..gold.len() {
                    let (g, p) = (gold[i].index(), pred[i].index());
                    if g != p {
                        errors += 1;
                        for &f in &feats[i * stride..(i + 1) * stride] {
                            let base = f as usize * NUM_TAGS;
                            layer.weights[base + g] += 1.0;
                            acc_w[base + g] += c;
                            layer.weights[base + p] -= 1.0;
                            acc_w[base + p] -= c;
                        }
                    }
                    let gp = if i == 0 { 0 } else { gold[i - 1].index() + 1 };
                    let pp = if i == 0 { 0 } else { pred[i - 1].index() + 1 };
                    if (gp, g) != (pp, p) {
                        layer.transitions[gp * NUM_TAGS + g] += 1.0;
                        acc_t[gp * NUM_TAGS + g] += c;
                        layer.transitions[pp * NUM_TAGS + p] -= 1.0;
                        acc_t[pp * NUM_TAGS + p] -= c;
                    }
                }
            }
            c += 1.0;
        }
        progress(epoch + 1, errors);
    }
    for (w, a) in layer.weights.iter_mut().zip(&acc_w) {
        *w = (*w as f64 - a / c) as f32;
    }
    for (w, a) in layer.transitions.iter_mut().zip(&acc_t) {
        *w = (*w as f64 - a / c) as f32;
    }
    layer
}

/// k-fold cross-validation over contiguous blocks of sentences in file order: fold
/// `k` holds sentences `k·n/folds .. (k+1)·n/folds`. Each fold's model is trained on
/// the other folds and passed through the model file format (as shipped), then tags
/// its fold. Folds run on as many threads as the machine has cores; training is
/// deterministic, so the result does not depend on the thread count. Returns the
/// predicted tags of every sentence, in file order; `progress` hears the number of
/// folds done.
pub fn cross_validate(
    sentences: &[LabeledSentence],
    folds: usize,
    options: &TrainOptions,
    progress: &mut dyn FnMut(usize),
) -> Vec<Vec<Tag>> {
    let folds = folds.max(2);
    let n = sentences.len();
    let threads = std::thread::available_parallelism().map_or(1, |t| t.get()).min(folds);
    let run_fold = |k: usize| -> Vec<Vec<Tag>> {
        let (lo, hi) = (k * n / folds, (k + 1) * n / folds);
        let train: Vec<&LabeledSentence> = sentences[..lo].iter().chain(&sentences[hi..]).collect();
        let model = train_refs(&train, options, &mut |_, _| {});
        let model = NerModel::from_bytes(&model.to_bytes()).unwrap_or(model);
        let tokens: Vec<&[String]> =
            sentences[lo..hi].iter().map(|s| s.tokens.as_slice()).collect();
        model.tag_document(&tokens)
    };
    let mut predictions = Vec::with_capacity(n);
    let mut done = 0;
    for group in (0..folds).collect::<Vec<_>>().chunks(threads) {
        let results: Vec<Vec<Vec<Tag>>> = std::thread::scope(|scope| {
            let handles: Vec<_> = group.iter().map(|&k| scope.spawn(move || run_fold(k))).collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        });
        for tags in results {
            predictions.extend(tags);
            done += 1;
            progress(done);
        }
    }
    predictions
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::conll::read_labeled;

    const SAMPLE: &str =
        "قال O\nالرئيس O\nباراك B-PERS\nأوباما I-PERS\nفي O\nواشنطن B-LOC\n. O\n\n\
زار O\nجون B-PERS\nكيري I-PERS\nبغداد B-LOC\n. O\n\nأعلنت O\nوزارة B-ORG\nالدفاع I-ORG\n. O\n";

    #[test]
    fn learns_and_round_trips() {
        let data = read_labeled(SAMPLE);
        let opts = TrainOptions { epochs: 5, bits: 12, seed: 1, ..TrainOptions::default() };
        let model = train(&data, &opts);
        let tags = model.tag(&data[0].tokens);
        assert_eq!(tags, data[0].tags);
        let bytes = model.to_bytes();
        let again = NerModel::from_bytes(&bytes);
        assert!(again.is_ok());
        if let Ok(m) = again {
            assert_eq!(m.to_bytes(), bytes);
            assert_eq!(m.tag(&data[1].tokens), data[1].tags);
        }
        // Deterministic.
        assert_eq!(train(&data, &opts).to_bytes(), bytes);
    }

    #[test]
    fn cross_validation_tags_each_fold_with_the_model_of_the_others() {
        let data = read_labeled(&format!("{SAMPLE}\n").repeat(4));
        assert_eq!(data.len(), 12);
        let opts = TrainOptions { epochs: 3, bits: 12, seed: 1, ..TrainOptions::default() };
        let folds = 3;
        let mut done = Vec::new();
        let predictions = cross_validate(&data, folds, &opts, &mut |k| done.push(k));
        assert_eq!(done, vec![1, 2, 3]);
        assert_eq!(predictions.len(), data.len());
        for k in 0..folds {
            let (lo, hi) = (k * 12 / folds, (k + 1) * 12 / folds);
            let rest: Vec<LabeledSentence> =
                data[..lo].iter().chain(&data[hi..]).cloned().collect();
            let model = NerModel::from_bytes(&train(&rest, &opts).to_bytes());
            assert!(model.is_ok());
            if let Ok(model) = model {
                let tokens: Vec<&[String]> =
                    data[lo..hi].iter().map(|s| s.tokens.as_slice()).collect();
                assert_eq!(predictions[lo..hi], model.tag_document(&tokens)[..], "fold {k}");
            }
        }
    }
}
