//! Near-duplicate detection for Marsad: word shingles of the normalized text,
//! MinHash signatures, LSH banding for candidates, and verification by the
//! estimated Jaccard similarity.
//!
//! - **Input**: article texts (any `&str`), one at a time, with a caller id.
//! - **Output**: for each new article, the earlier articles it duplicates
//!   ([`Match`]: other id, similarity, [`PairKind::Exact`] or
//!   [`PairKind::Near`]).
//! - **Key types**: [`DedupConfig`] (settings and defaults), [`MinHasher`]
//!   (text → [`Signature`], deterministic, storable with
//!   [`Signature::to_bytes`]), [`DedupIndex`] (incremental LSH index; load it
//!   from stored signatures, then insert new ones).
//!
//! Passage reuse ([`passage`]): winnowed fingerprints of word 5-grams, a fingerprint
//! index that finds articles sharing only part of their text, and exact alignment into
//! passages with byte spans in both articles.
//!
//! One concept per file: `shingle` (tokens and shingles), `minhash`
//! (signatures), `lsh` (banding), `verify` (Jaccard), `index` (the
//! incremental index with exact-copy collapsing and bucket caps).
//!
//! ```
//! use marsad_dedup::{DedupConfig, DedupIndex, MinHasher, PairKind};
//!
//! let config = DedupConfig::default();
//! let hasher = MinHasher::new(&config)?;
//! let mut index = DedupIndex::new(config)?;
//! let a = "قال وزير الخارجية إن المحادثات مع الوفد الأمريكي كانت مثمرة وبناءة وتناولت \
//!          التعاون الأمني والاقتصادي بين البلدين في المرحلة المقبلة";
//! let b = "وقال وزير الخارجية إن المحادثات مع الوفد الأمريكي كانت مثمرة وبناءة وتناولت \
//!          التعاون الأمني والاقتصادي بين البلدين في المرحلة المقبلة";
//! let sig_a = hasher.signature(a).expect("long enough");
//! let sig_b = hasher.signature(b).expect("long enough");
//! assert!(index.insert(1, sig_a.clone())?.is_empty());
//! let found = index.insert(2, sig_b)?;
//! assert_eq!(found[0].other, 1);
//! assert_eq!(found[0].kind, PairKind::Near);
//! assert_eq!(index.insert(3, sig_a)?[0].kind, PairKind::Exact);
//! # Ok::<(), marsad_dedup::DedupError>(())
//! ```

mod config;
mod error;
mod index;
mod lsh;
mod minhash;
pub mod passage;
pub mod shingle;
mod verify;

pub use config::DedupConfig;
pub use error::DedupError;
pub use index::{DedupIndex, Match, PairKind};
pub use lsh::Lsh;
pub use minhash::{MinHasher, Signature};
pub use verify::{estimated_jaccard, exact_jaccard};
