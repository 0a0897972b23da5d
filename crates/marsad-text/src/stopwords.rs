//! Arabic function words, skipped by the index.
//!
//! The list (`stopwords.txt`) is written in ordinary spelling and normalized
//! when first used, so it stays readable and can never drift from the
//! normalizer's search form.

use crate::fxhash::FxBuildHasher;
use crate::normalize::normalize_str;
use std::collections::HashSet;
use std::sync::LazyLock;

const LIST: &str = include_str!("stopwords.txt");

struct Stopwords {
    words: HashSet<String, FxBuildHasher>,
    /// Longest entry in bytes: longer words skip the hash lookup.
    max_len: usize,
}

static STOPWORDS: LazyLock<Stopwords> = LazyLock::new(|| {
    let words: HashSet<String, FxBuildHasher> = LIST
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(normalize_str)
        .collect();
    let max_len = words.iter().map(String::len).max().unwrap_or(0);
    Stopwords { words, max_len }
});

/// Whether a normalized word (a `Token::norm` of kind Word) is a function word.
///
/// ```
/// use marsad_text::{is_stopword, normalize_str};
/// assert!(is_stopword(&normalize_str("إلى")));
/// assert!(!is_stopword("العراق"));
/// ```
pub fn is_stopword(normalized_word: &str) -> bool {
    let s = &*STOPWORDS;
    normalized_word.len() <= s.max_len && s.words.contains(normalized_word)
}

/// Every stopword, in search form, sorted (for documentation and tooling).
pub fn stopwords() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = STOPWORDS.words.iter().map(String::as_str).collect();
    v.sort_unstable();
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_is_normalized_and_sized() {
        let all = stopwords();
        assert!((150..=300).contains(&all.len()), "{}", all.len());
        for w in &all {
            assert_eq!(normalize_str(w), *w);
            assert!(!w.contains(char::is_whitespace));
        }
    }

    #[test]
    fn common_function_words() {
        for w in
            ["في", "من", "على", "إلى", "عن", "هذا", "التي", "الذين", "أن", "كانت", "وفي", "فإن"]
        {
            assert!(is_stopword(&normalize_str(w)), "{w}");
        }
        for w in ["العراق", "وزير", "داعش", "قال", ""] {
            assert!(!is_stopword(&normalize_str(w)), "{w}");
        }
    }
}
