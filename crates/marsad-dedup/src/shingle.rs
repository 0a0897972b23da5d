//! Word shingles of the normalized text, hashed.
//!
//! Tokens are the runs of word characters (letters, digits, `_`) of the
//! normalized (`marsad_text::normalize_str`), lower-cased text: the same
//! tokens as `tools/near_dup_truth.py`. A shingle is `k` consecutive tokens.

use xxhash_rust::xxh3::{xxh3_64, xxh3_64_with_seed};

/// A word char as Python's `\w`: letters, digits, `_`. Hot: ASCII and the
/// Arabic letters answer without a Unicode table lookup.
#[inline]
pub(crate) fn is_word(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphanumeric() || c == '_',
        0x0621..=0x063A | 0x0641..=0x064A => true,
        _ => c.is_alphanumeric(),
    }
}

/// Push `c` lower-cased. Scripts without case (Arabic, Hebrew, Syriac…)
/// skip the table lookup.
#[inline]
pub(crate) fn push_lower(word: &mut String, c: char) {
    match c as u32 {
        0..=0x7F => word.push(c.to_ascii_lowercase()),
        0x0590..=0x08FF => word.push(c),
        _ => word.extend(c.to_lowercase()),
    }
}

/// Hashes of the word tokens of `text`, in order (normalized, lower-cased).
pub fn token_hashes(text: &str) -> Vec<u64> {
    let normalized = marsad_text::normalize_str(text);
    let mut out = Vec::with_capacity(normalized.len() / 6);
    let mut word = String::new();
    for c in normalized.chars() {
        if is_word(c) {
            push_lower(&mut word, c);
        } else if !word.is_empty() {
            out.push(xxh3_64(word.as_bytes()));
            word.clear();
        }
    }
    if !word.is_empty() {
        out.push(xxh3_64(word.as_bytes()));
    }
    out
}

/// The distinct hashed `k`-word shingles of `text`, sorted. Empty when the
/// text has fewer than `k` words (or `k` is 0).
pub fn shingles(text: &str, k: usize) -> Vec<u64> {
    shingles_of_tokens(&token_hashes(text), k)
}

/// The distinct hashed `k`-shingles of a token-hash sequence, sorted.
pub fn shingles_of_tokens(tokens: &[u64], k: usize) -> Vec<u64> {
    let mut out = shingle_stream(tokens, k);
    out.sort_unstable();
    out.dedup();
    out
}

/// The hashed `k`-shingles in text order, repeats included (enough for
/// MinHash, which only takes minima).
pub fn shingle_stream(tokens: &[u64], k: usize) -> Vec<u64> {
    if k == 0 || tokens.len() < k {
        return Vec::new();
    }
    let mut bytes = Vec::with_capacity(8 * k);
    tokens
        .windows(k)
        .map(|w| {
            bytes.clear();
            for t in w {
                bytes.extend_from_slice(&t.to_le_bytes());
            }
            xxh3_64_with_seed(&bytes, k as u64)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_letter_forms_and_case() {
        assert_eq!(
            shingles("أحمد قال إن المدرسة Big News اليوم", 5),
            shingles("احمد قال ان المدرسه big news اليوم", 5)
        );
    }

    #[test]
    fn short_texts_have_no_shingles() {
        assert!(shingles("واحد اثنان ثلاثة أربعة", 5).is_empty());
        assert!(shingles("", 5).is_empty());
        assert_eq!(shingles("واحد اثنان ثلاثة أربعة خمسة", 5).len(), 1);
    }

    #[test]
    fn punctuation_separates_words() {
        assert_eq!(shingles("a,b;c d-e", 5), shingles("a b c d e", 5));
    }
}
