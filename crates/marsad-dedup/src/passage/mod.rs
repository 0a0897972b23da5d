//! Passage reuse: which passages of an article appear in other articles, with byte
//! spans in both.
//!
//! Three steps, one file each:
//!
//! 1. `tokens`: the words of the stored text with their original byte spans (the same
//!    word hashes as the MinHash shingles, so one tokenization serves both).
//! 2. `winnow`: fingerprints of the word 5-grams by winnowing, whose keys go into the
//!    `index` (fingerprint → articles). A new article's candidates are the stored
//!    articles that share at least `min_shared` fingerprints with it, whatever their
//!    whole-document similarity: a joint statement reprinted inside a longer report is
//!    found although LSH over the whole text would not flag the pair.
//! 3. `align`: the two token sequences are aligned exactly (shared 5-grams extended
//!    to maximal runs, runs merged across small edits), and passages shorter than
//!    `min_words` words are dropped.
//!
//! **Why winnowing over word k-grams rather than sentence hashes.** Outlets that reprint
//! a statement rarely keep its sentence boundaries and punctuation: they split or join
//! sentences, add «وأضاف البيان», swap a comma for «و», or edit one word. A sentence hash
//! changes with any of these, so a statement reprinted with light edits would share no
//! sentence fingerprint at all. Word k-grams are local: an edit only breaks the k-grams
//! that contain it, and winnowing guarantees that any shared run of `window + k − 1`
//! words (8 with the defaults) is seen, while keeping only about `2 / (window + 1)` of
//! the k-grams in the index. Reusing the MinHash tokens also keeps the cost to one
//! tokenization per article.
//!
//! ```
//! use marsad_dedup::passage::{align, tokens, winnow_keys, PassageConfig, PrintIndex};
//!
//! let config = PassageConfig::default();
//! let statement = "أكدت وزارة الدفاع العراقية ونظيرتها الأميركية التزامهما بالتعاون الأمني \
//!                  واهتمامهما المشترك بالاستقرار الإقليمي وبحث الجانبان تطور المهمة العسكرية";
//! let report = format!("قالت مصادر في بغداد إن الاجتماع انتهى مساء أمس. {statement}. والطقس حار.");
//! let (a, b) = (tokens(statement), tokens(&report));
//! let mut index = PrintIndex::new(&config);
//! index.insert(1, &winnow_keys(&a, &config))?;
//! assert_eq!(index.candidates(2, &winnow_keys(&b, &config), &config)[0].0, 1);
//! let found = align(&a, &b, &config);
//! assert_eq!(found[0].b.slice(&report), statement);
//! # Ok::<(), marsad_dedup::DedupError>(())
//! ```

mod align;
mod index;
mod tokens;
mod winnow;

pub use align::{align, align_texts, AlignText, Passage};
pub use index::PrintIndex;
pub use tokens::{hashes, tokens, Token};
pub use winnow::{key, keys, keys_from_bytes, keys_to_bytes, winnow, Print};

use crate::shingle::shingle_stream;

/// Settings of passage reuse, with defaults tuned on the seeds and SaudiNewsNet.
#[derive(Debug, Clone, PartialEq)]
pub struct PassageConfig {
    /// Words per k-gram (the same 5 as the MinHash shingles by default).
    pub shingle_size: usize,
    /// Winnowing window, in k-grams: any shared run of `window + shingle_size − 1`
    /// words yields a shared fingerprint.
    pub window: usize,
    /// Shortest passage reported, in matching words. 16 keeps formulas such as
    /// «وأضاف المتحدث الرسمي باسم الوزارة أن» and most honorific chains out, and any
    /// passage of this length shares at least three fingerprints
    /// (`3 × window + shingle_size − 1` = 16), so `min_shared` = 3 loses none.
    pub min_words: usize,
    /// At most this many differing words between two runs merged into one passage.
    pub max_gap: usize,
    /// Fingerprints two articles must share to be aligned.
    pub min_shared: usize,
    /// A fingerprint's article list stops growing here; a full list marks the
    /// fingerprint as boilerplate, which no longer makes candidates.
    pub max_postings: usize,
    /// At most this many candidates aligned per new article (most shared first).
    pub max_candidates: usize,
    /// Positions kept per k-gram repeated within one text during alignment.
    pub max_positions: usize,
}

impl Default for PassageConfig {
    fn default() -> Self {
        Self {
            shingle_size: 5,
            window: 4,
            min_words: 16,
            max_gap: 8,
            min_shared: 3,
            max_postings: 32,
            max_candidates: 50,
            max_positions: 8,
        }
    }
}

/// The distinct fingerprint keys of a token sequence (what the store keeps per article).
pub fn winnow_keys(tokens: &[Token], config: &PassageConfig) -> Vec<u32> {
    let grams = shingle_stream(&hashes(tokens), config.shingle_size.max(1));
    keys(&winnow(&grams, config.window))
}
