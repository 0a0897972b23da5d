//! Building the word clusters ([`ClusterTable`](super::ClusterTable)) from unlabeled
//! text: cheap distributional clustering, deterministic for a given input order.
//!
//! 1. Every Arabic word token becomes its key (normalized, clitic-stripped).
//! 2. The `vocab` most frequent keys (seen at least `min_count` times) are clustered;
//!    the `contexts` most frequent keys are the context features.
//! 3. Each word is described by its immediate left and right neighbours among the
//!    context words (two blocks of counts), weighted by positive PMI (context
//!    distribution smoothed with exponent 0.75), then L2-normalised.
//! 4. Spherical k-means, hierarchically: 32 clusters, each split in 8, each of those
//!    split in 8 again (32 / 256 / 2048), 12 iterations per split.
//!
//! The output is the TSV the tagger loads; it holds keys and numbers, no text.

use std::collections::HashMap;

/// Options of [`build_clusters`].
#[derive(Debug, Clone)]
pub struct ClusterOptions {
    pub vocab: usize,
    pub contexts: usize,
    pub min_count: u32,
    pub seed: u64,
}

impl Default for ClusterOptions {
    fn default() -> Self {
        ClusterOptions { vocab: 40_000, contexts: 500, min_count: 5, seed: 5 }
    }
}

/// Collects token keys from texts, then clusters them.
#[derive(Debug, Default)]
pub struct ClusterBuilder {
    ids: HashMap<String, u32>,
    counts: Vec<u32>,
    /// Key ids in text order; `u32::MAX` between non-adjacent words.
    sequence: Vec<u32>,
    texts: usize,
}

const GAP: u32 = u32::MAX;

impl ClusterBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// Add one text.
    pub fn add_text(&mut self, text: &str) {
        self.texts += 1;
        for token in marsad_text::tokenize(text) {
            if token.kind != marsad_text::TokenKind::Word {
                self.sequence.push(GAP);
                continue;
            }
            let key = marsad_text::strip_clitics(&token.norm);
            let next = self.counts.len() as u32;
            let id = *self.ids.entry(key.to_owned()).or_insert(next);
            if id == next {
                self.counts.push(0);
            }
            self.counts[id as usize] += 1;
            self.sequence.push(id);
        }
        self.sequence.push(GAP);
    }

    /// Texts added so far.
    pub fn texts(&self) -> usize {
        self.texts
    }

    /// Word tokens added so far.
    pub fn tokens(&self) -> usize {
        self.sequence.iter().filter(|&&id| id != GAP).count()
    }

    /// Cluster and write the TSV table.
    pub fn build(&self, options: &ClusterOptions) -> String {
        let mut by_freq: Vec<u32> = (0..self.counts.len() as u32).collect();
        let mut names = vec![""; self.counts.len()];
        for (name, &id) in &self.ids {
            names[id as usize] = name.as_str();
        }
        // Ties broken by the key text so the result never depends on hash order.
        by_freq.sort_by(|&a, &b| {
            self.counts[b as usize]
                .cmp(&self.counts[a as usize])
                .then_with(|| names[a as usize].cmp(names[b as usize]))
        });
        let vocab: Vec<u32> = by_freq
            .iter()
            .copied()
            .filter(|&id| self.counts[id as usize] >= options.min_count)
            .take(options.vocab)
            .collect();
        let mut vocab_index = vec![u32::MAX; self.counts.len()];
        for (i, &id) in vocab.iter().enumerate() {
            vocab_index[id as usize] = i as u32;
        }
        let mut context_index = vec![u32::MAX; self.counts.len()];
        for (i, &id) in by_freq.iter().take(options.contexts).enumerate() {
            context_index[id as usize] = i as u32;
        }
        let vectors = self.context_vectors(&vocab_index, &context_index, vocab.len(), options);
        let assignment = hierarchical_kmeans(&vectors, 2 * options.contexts, options.seed);
        let mut out = String::new();
        out.push_str(&format!(
            "# marsad word clusters v1: {} keys from {} texts; levels 32/256/2048 (see cluster_build.rs)\n",
            vocab.len(),
            self.texts
        ));
        for (i, &id) in vocab.iter().enumerate() {
            let [a, b, c] = assignment[i];
            out.push_str(&format!("{}\t{a}\t{b}\t{c}\n", names[id as usize]));
        }
        out
    }

    /// PPMI-weighted counts of the immediate left and right neighbours among the
    /// context words: `vocab × 2·contexts`, dense, row-normalised.
    fn context_vectors(
        &self,
        vocab_index: &[u32],
        context_index: &[u32],
        vocab: usize,
        options: &ClusterOptions,
    ) -> Vec<f32> {
        let contexts = options.contexts;
        let width = 2 * contexts;
        let mut counts = vec![0f32; vocab * width];
        let seq = &self.sequence;
        for (i, &id) in seq.iter().enumerate() {
            if id == GAP || vocab_index[id as usize] == u32::MAX {
                continue;
            }
            let w = vocab_index[id as usize] as usize;
            if let Some(&left) = i.checked_sub(1).and_then(|p| seq.get(p)) {
                if left != GAP && context_index[left as usize] != u32::MAX {
                    counts[w * width + context_index[left as usize] as usize] += 1.0;
                }
            }
            if let Some(&right) = seq.get(i + 1) {
                if right != GAP && context_index[right as usize] != u32::MAX {
                    counts[w * width + contexts + context_index[right as usize] as usize] += 1.0;
                }
            }
        }
        let mut row_sum = vec![0f64; vocab];
        let mut col_sum = vec![0f64; width];
        for (w, row) in counts.chunks(width).enumerate() {
            for (c, &n) in row.iter().enumerate() {
                row_sum[w] += n as f64;
                col_sum[c] += n as f64;
            }
        }
        let total: f64 = row_sum.iter().sum();
        // Context-distribution smoothing (0.75) as in word2vec-era PPMI.
        let col_smoothed: Vec<f64> = col_sum.iter().map(|c| c.powf(0.75)).collect();
        let col_total: f64 = col_smoothed.iter().sum();
        for (w, row) in counts.chunks_mut(width).enumerate() {
            for (c, slot) in row.iter_mut().enumerate() {
                if *slot > 0.0 && row_sum[w] > 0.0 && col_smoothed[c] > 0.0 {
                    let pmi = ((*slot as f64 / total)
                        / ((row_sum[w] / total) * (col_smoothed[c] / col_total)))
                        .ln();
                    *slot = pmi.max(0.0) as f32;
                }
            }
            normalise(row);
        }
        counts
    }
}

fn normalise(row: &mut [f32]) {
    let norm = row.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        row.iter_mut().for_each(|x| *x /= norm);
    }
}

fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// Cluster numbers at three levels for each row.
fn hierarchical_kmeans(vectors: &[f32], dims: usize, seed: u64) -> Vec<[u16; 3]> {
    let n = vectors.len() / dims.max(1);
    let all: Vec<usize> = (0..n).collect();
    let mut out = vec![[0u16; 3]; n];
    let top = kmeans(vectors, dims, &all, 32, seed);
    for c1 in 0..32usize {
        let members: Vec<usize> = all.iter().copied().filter(|&i| top[i] == c1).collect();
        let mid = kmeans(vectors, dims, &members, 8, seed ^ c1 as u64);
        for c2 in 0..8usize {
            let sub: Vec<usize> =
                members.iter().zip(&mid).filter(|(_, &m)| m == c2).map(|(&i, _)| i).collect();
            let low = kmeans(vectors, dims, &sub, 8, seed ^ (c1 * 8 + c2) as u64 ^ 0xABCD);
            for (&i, &c3) in sub.iter().zip(&low) {
                let l2 = c1 * 8 + c2;
                out[i] = [c1 as u16, l2 as u16, (l2 * 8 + c3) as u16];
            }
        }
    }
    out
}

/// Spherical k-means over `members`; returns each member's cluster (`0..k`).
fn kmeans(vectors: &[f32], dims: usize, members: &[usize], k: usize, seed: u64) -> Vec<usize> {
    if members.len() <= k {
        return (0..members.len()).collect();
    }
    let mut state = seed | 1;
    let mut centroids: Vec<f32> = Vec::with_capacity(k * dims);
    let mut taken = std::collections::HashSet::new();
    while taken.len() < k {
        state = splitmix(state);
        let pick = members[(state % members.len() as u64) as usize];
        if taken.insert(pick) {
            centroids.extend_from_slice(&vectors[pick * dims..(pick + 1) * dims]);
        }
    }
    let mut assign = vec![0usize; members.len()];
    for _ in 0..12 {
        for (slot, &m) in assign.iter_mut().zip(members) {
            let v = &vectors[m * dims..(m + 1) * dims];
            let mut best = (f32::MIN, 0);
            for (c, centroid) in centroids.chunks(dims).enumerate() {
                let dot: f32 = v.iter().zip(centroid).map(|(a, b)| a * b).sum();
                if dot > best.0 {
                    best = (dot, c);
                }
            }
            *slot = best.1;
        }
        let mut sums = vec![0f32; k * dims];
        for (&c, &m) in assign.iter().zip(members) {
            for (s, x) in
                sums[c * dims..(c + 1) * dims].iter_mut().zip(&vectors[m * dims..(m + 1) * dims])
            {
                *s += x;
            }
        }
        for (c, sum) in sums.chunks_mut(dims).enumerate() {
            if sum.iter().any(|&x| x != 0.0) {
                normalise(sum);
                centroids[c * dims..(c + 1) * dims].copy_from_slice(sum);
            }
        }
    }
    assign
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_corpus_is_deterministic() {
        let mut b = ClusterBuilder::new();
        for i in 0..50 {
            b.add_text(&format!(
                "قال الوزير في بغداد إن العراق {i} يريد السلام. زار الرئيس دمشق وسوريا."
            ));
        }
        let opts = ClusterOptions { min_count: 2, ..ClusterOptions::default() };
        let a = b.build(&opts);
        assert_eq!(a, b.build(&opts));
        let t = super::super::ClusterTable::parse(&a);
        assert!(t.len() > 5);
    }
}
