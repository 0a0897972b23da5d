//! Word tokens with their byte spans in the original text.
//!
//! The tokens are those of [`crate::shingle::token_hashes`] (word-character runs of the
//! normalized, lower-cased text, hashed with xxh3): same hashes, in the same order, so
//! a MinHash signature computed from them equals [`crate::MinHasher::signature`]. Each
//! token also carries the byte span of the original text it came from (through the
//! normalizer's offset map), which is what passages report.

use marsad_model::Span;
use xxhash_rust::xxh3::xxh3_64;

use crate::shingle::{is_word, push_lower};

/// One word: its hash and its byte span `[start, end)` in the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// xxh3 of the normalized, lower-cased word (as `shingle::token_hashes`).
    pub hash: u64,
    /// Byte offset of the word's first byte in the original text.
    pub start: u32,
    /// Byte offset just past the word (harakat after its last letter included).
    pub end: u32,
}

impl Token {
    /// The span in the original text.
    pub fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }
}

fn to_u32(v: usize) -> u32 {
    u32::try_from(v).unwrap_or(u32::MAX)
}

/// The word tokens of `text` with their original byte spans.
///
/// Texts longer than 4 GiB are not expected (readers cap records far below); offsets
/// past `u32::MAX` would saturate rather than panic.
pub fn tokens(text: &str) -> Vec<Token> {
    let normalized = marsad_text::normalize(text);
    let norm = normalized.text.as_str();
    let mut out = Vec::with_capacity(norm.len() / 6);
    let mut word = String::new();
    let mut start = 0usize;
    let push = |word: &mut String, from: usize, to: usize, out: &mut Vec<Token>| {
        let span = normalized.span_to_original(Span::new(from, to));
        out.push(Token {
            hash: xxh3_64(word.as_bytes()),
            start: to_u32(span.start),
            end: to_u32(span.end),
        });
        word.clear();
    };
    for (i, c) in norm.char_indices() {
        if is_word(c) {
            if word.is_empty() {
                start = i;
            }
            push_lower(&mut word, c);
        } else if !word.is_empty() {
            push(&mut word, start, i, &mut out);
        }
    }
    if !word.is_empty() {
        push(&mut word, start, norm.len(), &mut out);
    }
    out
}

/// The hashes of `tokens`, in order (the input of `shingle::shingle_stream`).
pub fn hashes(tokens: &[Token]) -> Vec<u64> {
    tokens.iter().map(|t| t.hash).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shingle::token_hashes;

    #[test]
    fn same_hashes_as_the_shingle_tokens() {
        let text = "أمَلَ مسؤولون «عسكريون» من الولايات المتحدة، والعراق؛ Big NEWS ١٢٣ اليوم";
        let toks = tokens(text);
        assert_eq!(hashes(&toks), token_hashes(text));
    }

    #[test]
    fn spans_point_into_the_original_text() {
        let text = "قالَ الوزيرُ: «المحادثات مثمرة» – 2021";
        let words: Vec<&str> = tokens(text).iter().map(|t| t.span().slice(text)).collect();
        assert_eq!(words, ["قالَ", "الوزيرُ", "المحادثات", "مثمرة", "2021"]);
    }

    #[test]
    fn empty_and_wordless_texts_have_no_tokens() {
        assert!(tokens("").is_empty());
        assert!(tokens(" ،، !! – ").is_empty());
    }
}
