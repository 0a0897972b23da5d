//! The dedup stage of ingest: near-duplicate pairs and reused passages of newly
//! stored articles, against everything stored before them.
//!
//! A [`Linker`] starts from what the store holds: every MinHash signature goes into a
//! `DedupIndex` and every set of passage fingerprint keys into a `PrintIndex`, in
//! article-id order (the order they were added), so a run over new files finds what
//! one run over everything finds. For each article stored since (in batch order):
//!
//! 1. its signature is checked against the LSH index: near-duplicate pairs, plus the
//!    store's exact copies (same content hash) as kind `exact`;
//! 2. its fingerprint keys are looked up in the fingerprint index: the stored articles
//!    sharing at least `min_shared` fingerprints are its passage candidates, together
//!    with its near-duplicate partners, so every near-duplicate pair is aligned too and
//!    the two kinds of link agree;
//! 3. each candidate pair is aligned on the full token sequences (in parallel; stored
//!    candidates are re-read from their stored text), and each passage records which
//!    article was published first (ties and unknown dates: the lower id).
//!
//! Signatures, pairs, fingerprint keys and passages are stored per batch. Articles
//! stored before schema v3/v4 (no signature, no fingerprints) are backfilled by
//! [`Linker::backfill`] the same way, in id order and in batches.

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::sync::Mutex;

use marsad_dedup::passage::{
    self, align_texts, keys_from_bytes, keys_to_bytes, AlignText, PassageConfig, PrintIndex, Token,
};
use marsad_dedup::{DedupConfig, DedupIndex, MinHasher, PairKind, Signature};
use marsad_model::{ArticleId, Published};
use marsad_store::{ArticleStore, NearDuplicate, ReusedPassage};
use rayon::prelude::*;

use crate::ingest::PipelineError;

/// What the dedup stage needs of one stored text, computed in the parallel analysis.
#[derive(Debug, Clone, Default)]
pub(crate) struct TextPrints {
    /// `None`: shorter than one shingle.
    pub signature: Option<Signature>,
    pub tokens: Vec<Token>,
    /// Distinct winnowed fingerprint keys.
    pub keys: Vec<u32>,
}

impl TextPrints {
    /// One tokenization for both the MinHash signature and the fingerprints.
    pub fn of(text: &str, hasher: &MinHasher, dedup: &DedupConfig, config: &PassageConfig) -> Self {
        let tokens = passage::tokens(text);
        let hashes = passage::hashes(&tokens);
        let grams = marsad_dedup::shingle::shingle_stream(&hashes, dedup.shingle_size);
        let signature = hasher.signature_of_shingles(&grams);
        let keys = if config.shingle_size == dedup.shingle_size {
            passage::keys(&passage::winnow(&grams, config.window))
        } else {
            passage::winnow_keys(&tokens, config)
        };
        Self { signature, tokens, keys }
    }
}

/// One article stored (or found unfingerprinted) in this run, ready to link.
#[derive(Debug)]
pub(crate) struct Stored {
    pub id: ArticleId,
    /// The first stored article with the same content hash, when it is a copy.
    pub duplicate_of: Option<ArticleId>,
    /// Its text changed (a known URL): its earlier passages are forgotten.
    pub replaced: bool,
    pub published: Option<Published>,
    pub prints: TextPrints,
}

/// How many links one call stored.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Linked {
    pub pairs: u64,
    pub passages: u64,
    pub articles: u64,
}

/// The incremental near-duplicate and passage indexes of one run.
pub(crate) struct Linker {
    dedup: DedupIndex,
    prints: PrintIndex,
    config: PassageConfig,
    hasher: MinHasher,
    dedup_config: DedupConfig,
    /// Tokens of the last [`RECENT`] articles linked in this run, by id: most passage
    /// candidates are recent (the same news cycle), and these need no re-reading.
    recent: HashMap<ArticleId, (Option<Published>, Vec<Token>)>,
    recent_order: VecDeque<ArticleId>,
}

/// Articles an exact copy is aligned with (its original first).
const COPY_CANDIDATES: usize = 8;

/// Articles whose tokens the linker keeps after linking them (≈ 10 MB per 1,000).
const RECENT: usize = 3000;

/// Publication order: dated before undated, earlier first, then the lower id.
fn order_key(published: Option<&Published>, id: ArticleId) -> (bool, i64, ArticleId) {
    (published.is_none(), published.map_or(0, Published::timestamp), id)
}

impl Linker {
    /// Indexes loaded from every stored signature and fingerprint set.
    pub fn load<S: ArticleStore>(
        store: &Mutex<&mut S>,
        dedup_config: &DedupConfig,
        config: &PassageConfig,
    ) -> Result<Self, PipelineError> {
        let mut dedup = DedupIndex::new(dedup_config.clone())?;
        let mut prints = PrintIndex::new(config);
        let num_perm = dedup_config.num_perm;
        let store = store.lock().map_err(|_| PipelineError::ThreadPanicked)?;
        for (id, bytes) in store.signatures()? {
            if let (Ok(id), Ok(sig)) = (u64::try_from(id), Signature::from_bytes(&bytes, num_perm))
            {
                dedup.insert(id, sig)?;
            }
        }
        for (id, bytes) in store.passage_prints()? {
            if let Ok(id) = u64::try_from(id) {
                prints.insert(id, &keys_from_bytes(&bytes))?;
            }
        }
        let hasher = MinHasher::new(dedup_config)?;
        Ok(Self {
            dedup,
            prints,
            config: config.clone(),
            hasher,
            dedup_config: dedup_config.clone(),
            recent: HashMap::new(),
            recent_order: VecDeque::new(),
        })
    }

    /// Fingerprint (and sign, when they have no signature) the stored articles that
    /// have no fingerprints yet, `batch` at a time, and link them like new articles.
    pub fn backfill<S: ArticleStore>(
        &mut self,
        store: &Mutex<&mut S>,
        batch: usize,
    ) -> Result<Linked, PipelineError> {
        let mut total = Linked::default();
        loop {
            let waiting = {
                let store = store.lock().map_err(|_| PipelineError::ThreadPanicked)?;
                store.unprinted_articles(batch.max(1))?
            };
            if waiting.is_empty() {
                return Ok(total);
            }
            let (hasher, dedup, config) = (&self.hasher, &self.dedup_config, &self.config);
            let items: Vec<Stored> = waiting
                .into_par_iter()
                .map(|article| {
                    let mut prints = TextPrints::of(&article.text, hasher, dedup, config);
                    if article.has_signature {
                        prints.signature = None; // already in the index
                    }
                    Stored {
                        id: article.id,
                        duplicate_of: None,
                        replaced: false,
                        published: article.published,
                        prints,
                    }
                })
                .collect();
            let linked = self.link(store, items)?;
            total.pairs += linked.pairs;
            total.passages += linked.passages;
            total.articles += linked.articles;
        }
    }

    /// Link articles just stored, in order: each against everything before it.
    pub fn link<S: ArticleStore>(
        &mut self,
        store: &Mutex<&mut S>,
        items: Vec<Stored>,
    ) -> Result<Linked, PipelineError> {
        let mut new_signatures = Vec::new();
        let mut new_prints = Vec::with_capacity(items.len());
        let mut pairs = Vec::new();
        let mut jobs: Vec<(usize, ArticleId)> = Vec::new();
        for (slot, item) in items.iter().enumerate() {
            let Ok(key) = u64::try_from(item.id) else { continue };
            // Near-duplicate partners first (every pair the LSH flags is aligned), then
            // the fingerprint candidates; at most `max_candidates` in all.
            let mut partners: Vec<ArticleId> = Vec::new();
            if let Some(signature) = &item.prints.signature {
                new_signatures.push((item.id, signature.to_bytes()));
                for found in self.dedup.insert(key, signature.clone())? {
                    let Ok(other) = i64::try_from(found.other) else { continue };
                    if other == item.id {
                        continue; // an updated article's earlier version
                    }
                    partners.push(other);
                    pairs.push(pair(other, item.id, found.similarity, found.kind));
                }
            }
            // The store's exact duplicates (same content hash) are pairs too.
            if let Some(original) = item.duplicate_of {
                partners.insert(0, original);
                pairs.push(pair(original, item.id, 1.0, PairKind::Exact));
            }
            for (other, _) in self.prints.candidates(key, &item.prints.keys, &self.config) {
                if let Ok(other) = i64::try_from(other) {
                    partners.push(other);
                }
            }
            self.prints.insert(key, &item.prints.keys)?;
            new_prints.push((item.id, keys_to_bytes(&item.prints.keys)));
            let mut seen = HashSet::new();
            partners.retain(|&other| seen.insert(other));
            // An exact copy shares the whole text with its original (first) and the other
            // copies: a few of them say it all, and a flood of copies stays linear.
            let cap = if item.duplicate_of.is_some() {
                COPY_CANDIDATES
            } else {
                self.config.max_candidates
            };
            partners.truncate(cap);
            jobs.extend(partners.into_iter().map(|other| (slot, other)));
        }
        // One row per pair; the store's exact verdict (pushed last) wins.
        let pairs: Vec<NearDuplicate> = pairs
            .into_iter()
            .map(|p| ((p.a, p.b), p))
            .collect::<BTreeMap<_, _>>()
            .into_values()
            .collect();
        let passages = self.align_all(store, &items, &jobs)?;
        let replaced: Vec<ArticleId> = items.iter().filter(|i| i.replaced).map(|i| i.id).collect();
        let mut store = store.lock().map_err(|_| PipelineError::ThreadPanicked)?;
        if !new_signatures.is_empty() || !pairs.is_empty() {
            store.store_dedup(&new_signatures, &pairs)?;
        }
        if !new_prints.is_empty() || !passages.is_empty() || !replaced.is_empty() {
            store.store_passages(&new_prints, &passages, &replaced)?;
        }
        drop(store);
        let linked = Linked {
            pairs: pairs.len() as u64,
            passages: passages.len() as u64,
            articles: items.len() as u64,
        };
        for item in items {
            self.remember(item.id, item.published, item.prints.tokens);
        }
        Ok(linked)
    }

    /// Keep an article's tokens among the recent ones, forgetting the oldest.
    fn remember(&mut self, id: ArticleId, published: Option<Published>, tokens: Vec<Token>) {
        if self.recent.insert(id, (published, tokens)).is_none() {
            self.recent_order.push_back(id);
        }
        while self.recent_order.len() > RECENT {
            if let Some(old) = self.recent_order.pop_front() {
                self.recent.remove(&old);
            }
        }
    }

    /// Align every (new article, earlier article) job in parallel. Earlier articles of
    /// this batch and recent ones are taken from memory; older stored ones are re-read
    /// from the store and tokenized, at most [`TEXTS_AT_ONCE`] at a time so memory
    /// stays bounded.
    fn align_all<S: ArticleStore>(
        &self,
        store: &Mutex<&mut S>,
        items: &[Stored],
        jobs: &[(usize, ArticleId)],
    ) -> Result<Vec<ReusedPassage>, PipelineError> {
        let in_batch: HashMap<ArticleId, usize> =
            items.iter().enumerate().map(|(slot, item)| (item.id, slot)).collect();
        let (local, mut remote): (Vec<_>, Vec<_>) =
            jobs.iter().copied().partition(|(_, other)| in_batch.contains_key(other));
        // Each article of the batch that takes part is prepared once, not once per pair.
        let mut involved = vec![false; items.len()];
        for &(slot, other) in jobs {
            for s in [Some(slot), in_batch.get(&other).copied()].into_iter().flatten() {
                if let Some(flag) = involved.get_mut(s) {
                    *flag = true;
                }
            }
        }
        let config = &self.config;
        let prepared: Vec<Option<AlignText<'_>>> = items
            .par_iter()
            .zip(involved)
            .map(|(item, involved)| involved.then(|| AlignText::new(&item.prints.tokens, config)))
            .collect();
        let mut out = self.align_jobs(items, &prepared, &local, |other| {
            let slot = *in_batch.get(&other)?;
            Some((items.get(slot)?.published, prepared.get(slot)?.as_ref()?))
        });
        remote.sort_unstable_by_key(|&(slot, other)| (other, slot));
        let mut rest = remote.as_slice();
        while !rest.is_empty() {
            // The longest prefix of jobs that names at most TEXTS_AT_ONCE articles.
            let mut distinct = 0usize;
            let mut cut = rest.len();
            for (n, job) in rest.iter().enumerate() {
                if n == 0 || rest.get(n - 1).map(|j| j.1) != Some(job.1) {
                    distinct += 1;
                    if distinct > TEXTS_AT_ONCE {
                        cut = n;
                        break;
                    }
                }
            }
            let (chunk, tail) = rest.split_at(cut);
            rest = tail;
            let mut texts = Vec::new();
            let mut cached: Vec<(ArticleId, Option<Published>, &[Token])> = Vec::new();
            {
                let store = store.lock().map_err(|_| PipelineError::ThreadPanicked)?;
                let mut last = None;
                for &(_, other) in chunk {
                    if last == Some(other) {
                        continue;
                    }
                    last = Some(other);
                    if let Some((published, tokens)) = self.recent.get(&other) {
                        cached.push((other, *published, tokens));
                    } else if let Some(article) = store.article(other)? {
                        texts.push((other, article.published, article.text));
                    }
                }
            }
            let tokens: Vec<(ArticleId, Option<Published>, Vec<Token>)> = texts
                .into_par_iter()
                .map(|(id, published, text)| (id, published, passage::tokens(&text)))
                .collect();
            let stored: HashMap<ArticleId, (Option<Published>, AlignText<'_>)> = tokens
                .par_iter()
                .map(|(id, published, tokens)| (*id, *published, tokens.as_slice()))
                .chain(cached.par_iter().copied())
                .map(|(id, published, tokens)| (id, (published, AlignText::new(tokens, config))))
                .collect();
            out.extend(self.align_jobs(items, &prepared, chunk, |other| {
                let (published, text) = stored.get(&other)?;
                Some((*published, text))
            }));
        }
        Ok(out)
    }

    /// Align jobs in parallel; `earlier` gives the other article's date and tokens.
    fn align_jobs<'t, 'p>(
        &self,
        items: &[Stored],
        prepared: &[Option<AlignText<'_>>],
        jobs: &[(usize, ArticleId)],
        earlier: impl Fn(ArticleId) -> Option<(Option<Published>, &'p AlignText<'t>)> + Sync,
    ) -> Vec<ReusedPassage>
    where
        't: 'p,
    {
        let config = &self.config;
        let found: Vec<Vec<ReusedPassage>> = jobs
            .par_iter()
            .map(|&(slot, other)| {
                let (Some(item), Some(Some(text)), Some((published, earlier))) =
                    (items.get(slot), prepared.get(slot), earlier(other))
                else {
                    return Vec::new();
                };
                let source = if order_key(published.as_ref(), other)
                    <= order_key(item.published.as_ref(), item.id)
                {
                    other
                } else {
                    item.id
                };
                align_texts(earlier, text, config)
                    .into_iter()
                    .map(|p| ReusedPassage {
                        a: other,
                        b: item.id,
                        a_span: p.a,
                        b_span: p.b,
                        words: u64::from(p.words),
                        source,
                    })
                    .collect()
            })
            .collect();
        found.into_iter().flatten().collect()
    }
}

/// Stored articles re-read and tokenized at once for alignment (bounds memory).
const TEXTS_AT_ONCE: usize = 256;

fn pair(x: ArticleId, y: ArticleId, similarity: f64, kind: PairKind) -> NearDuplicate {
    NearDuplicate { a: x.min(y), b: x.max(y), similarity, kind: kind.as_str().to_owned() }
}
