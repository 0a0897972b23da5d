//! Marsad's Arabic text core: every stage reads text through this crate.
//!
//! Input is any `&str` (article titles and bodies, user queries); nothing here
//! fails or panics on odd input. Outputs, always pointing back into the
//! ORIGINAL text by byte [`Span`]s:
//!
//! - [`normalize`] / [`normalize_str`]: the search form (NFKC of presentation
//!   forms, no harakat/tatweel/invisible marks, أ إ آ ٱ → ا, ى → ي, ة → ه,
//!   ASCII digits) — [`Normalized`] keeps a map back to original offsets;
//! - [`tokenize`]: [`Token`]s (word, number, Latin, punctuation) with spans
//!   and normalized forms;
//! - [`strip_clitics`], [`stem`], [`is_stopword`]: word-level analysis;
//! - [`sentences`], [`paragraphs`]: segmentation as spans;
//! - [`index_terms`], [`query_terms`]: the full-text analysis shared by
//!   index and search (term encoding documented on [`index_terms`]:
//!   decimals are written with a `d`, "4.5" → `4d5`);
//! - [`snippet`]: an excerpt with highlights; [`content_hash`]: exact-duplicate key;
//! - [`furniture`]: page furniture («اقرأ أيضاً», tags, related headlines) out of plain text.
//!
//! ```
//! use marsad_text::{normalize, sentences, stem, tokenize, TokenKind};
//!
//! let text = "قالَ وزير الدفاع لويد ج. أوستن إن ٤٫٥ مليون عراقي تحرروا. وأضاف: «نحن هنا».";
//! let n = normalize(text);
//! assert!(n.text.starts_with("قال وزير"));
//!
//! let tokens = tokenize(text);
//! assert_eq!(tokens[0].span.slice(text), "قالَ");
//! assert_eq!(tokens[0].norm, "قال");
//! let number = tokens.iter().find(|t| t.kind == TokenKind::Number);
//! assert_eq!(number.map(|t| t.norm.as_str()), Some("4.5"));
//!
//! let s = sentences(text);
//! assert_eq!(s.len(), 2);
//! assert!(s[0].slice(text).contains("ج. أوستن"));
//!
//! assert_eq!(stem("بالعراق"), stem("العراق"));
//! ```

mod analyze;
mod clitics;
pub mod furniture;
pub mod fxhash;
mod normalize;
mod segment;
mod snippet;
mod stem;
mod stopwords;
mod tokenize;

pub use analyze::{
    content_hash, content_hash_of_normalized, index_terms, query_terms, token_terms,
};
pub use clitics::{strip_clitics, MIN_AFTER_ARTICLE, MIN_AFTER_BARE};
pub use furniture::{strip_furniture, Cleaned, RemovedBlock};
pub use marsad_model::Span;
pub use normalize::{
    for_each_normalized_char, normalize, normalize_into, normalize_str, Normalized,
};
pub use segment::{paragraphs, sentences};
pub use snippet::{snippet, Snippet};
pub use stem::{stem, stem_into};
pub use stopwords::{is_stopword, stopwords};
pub use tokenize::{tokenize, Token, TokenKind};
