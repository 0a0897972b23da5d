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
/// One pass over the search form's chars (`marsad_text::for_each_normalized_char`), no
/// normalized copy and no offset map. A word ends where the next non-word char of the
/// search form starts in the original, so harakat and invisible marks after its last
/// letter belong to it; a word that ends inside the expansion of one original char (a
/// ligature such as ﷺ) spans that whole char. Texts longer than 4 GiB are not expected
/// (readers cap records far below); offsets past `u32::MAX` saturate rather than panic.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 10);
    let mut word = String::new();
    let mut start = 0usize;
    // Original span of the char that gave the word's last letter.
    let mut last = (0usize, 0usize);
    let finish = |word: &mut String, start: usize, end: usize, out: &mut Vec<Token>| {
        out.push(Token { hash: xxh3_64(word.as_bytes()), start: to_u32(start), end: to_u32(end) });
        word.clear();
    };
    marsad_text::for_each_normalized_char(text, |i, len, c| {
        if is_word(c) {
            if word.is_empty() {
                start = i;
            }
            push_lower(&mut word, c);
            last = (i, len);
        } else if !word.is_empty() {
            let end = if i == last.0 { last.0 + last.1 } else { i };
            finish(&mut word, start, end, &mut out);
        }
    });
    if !word.is_empty() {
        finish(&mut word, start, text.len(), &mut out);
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
    fn ligatures_and_marks_keep_spans_inside_the_original() {
        let text = "النبي ﷺ قال\u{200f} لا";
        let toks = tokens(text);
        assert_eq!(hashes(&toks), token_hashes(text));
        for t in &toks {
            assert!(t.start < t.end && (t.end as usize) <= text.len(), "{t:?}");
            assert!(
                text.is_char_boundary(t.start as usize) && text.is_char_boundary(t.end as usize)
            );
        }
        // The four words of ﷺ all span the ligature.
        let lig = text.find('ﷺ').unwrap_or(0);
        assert_eq!(toks.iter().filter(|t| t.start as usize == lig).count(), 4, "{toks:?}");
    }

    #[test]
    fn empty_and_wordless_texts_have_no_tokens() {
        assert!(tokens("").is_empty());
        assert!(tokens(" ،، !! – ").is_empty());
    }
}
