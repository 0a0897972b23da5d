//! `Doc`: one article's text tokenized and segmented once, shared by the
//! quantity, date and quote annotators, plus the small word helpers they all use.
//!
//! Lexicons are written in ordinary Arabic and normalized once (see [`norm`]),
//! so matching compares token `norm`s (alef forms folded, ة → ه, ى → ي, ASCII
//! digits) with no allocation on the hot path.

use marsad_model::Span;
use marsad_text::{Token, TokenKind};

/// An article's text with its tokens, sentences and paragraphs (byte spans into `text`).
#[derive(Debug, Clone)]
pub struct Doc<'t> {
    pub text: &'t str,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Span>,
    pub paragraphs: Vec<Span>,
}

impl<'t> Doc<'t> {
    /// Tokenize and segment `text`. Never panics.
    pub fn new(text: &'t str) -> Self {
        Doc {
            text,
            tokens: marsad_text::tokenize(text),
            sentences: marsad_text::sentences(text),
            paragraphs: marsad_text::paragraphs(text),
        }
    }

    /// Normalized form of token `i` ("" past the end).
    #[inline]
    pub fn norm(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.norm.as_str())
    }

    /// Kind of token `i`, if there is one.
    #[inline]
    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.tokens.get(i).map(|t| t.kind)
    }

    /// Whether token `i` is a word.
    #[inline]
    pub fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Word)
    }

    /// Whether token `i` is punctuation equal to one of `chars`.
    #[inline]
    pub fn is_punct(&self, i: usize, chars: &[char]) -> bool {
        match self.tokens.get(i) {
            Some(t) if t.kind == TokenKind::Punct => {
                t.norm.chars().next().is_some_and(|c| chars.contains(&c))
            }
            _ => false,
        }
    }

    /// Byte span from the start of token `a` to the end of token `b` (inclusive).
    pub fn span(&self, a: usize, b: usize) -> Span {
        let start = self.tokens.get(a).map_or(0, |t| t.span.start);
        let end = self.tokens.get(b).map_or(start, |t| t.span.end);
        Span::new(start, end.max(start))
    }

    /// Original text of a span ("" when it does not fit).
    pub fn slice(&self, span: Span) -> &'t str {
        span.slice(self.text)
    }

    /// Whether there is no line break between the end of token `a` and the start of token `b`.
    pub fn same_line(&self, a: usize, b: usize) -> bool {
        match (self.tokens.get(a), self.tokens.get(b)) {
            (Some(x), Some(y)) if x.span.end <= y.span.start => {
                !self.text.get(x.span.end..y.span.start).unwrap_or("\n").contains(['\n', '\r'])
            }
            _ => false,
        }
    }
}

/// Normalize a lexicon entry the way tokens are normalized.
pub fn norm(word: &str) -> String {
    marsad_text::normalize_str(word)
}

/// FxHash (rustc's hasher) for the lexicons: every token is looked up in
/// several word tables, and SipHash was a fifth of the annotators' time. Its
/// flood resistance buys nothing here: the tables are fixed word lists that
/// input only probes, never fills.
#[derive(Debug, Default, Clone, Copy)]
pub struct WordHasher(u64);

impl WordHasher {
    const SEED: u64 = 0x517c_c1b7_2722_0a95;

    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::SEED);
    }
}

impl std::hash::Hasher for WordHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut buf = [0u8; 8];
            buf.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(buf));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(buf));
        }
    }

    #[inline]
    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A map keyed by normalized words, hashed with [`WordHasher`].
pub type WordMap<V> =
    std::collections::HashMap<String, V, std::hash::BuildHasherDefault<WordHasher>>;
/// A set of normalized words, hashed with [`WordHasher`].
pub type WordSet = std::collections::HashSet<String, std::hash::BuildHasherDefault<WordHasher>>;

/// A word list file (one entry per line, `#` comments, blank lines skipped),
/// normalized: what `include_str!` lexicons are loaded with.
pub fn word_set(list: &str) -> WordSet {
    list.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(norm).collect()
}

/// `word` without one leading conjunction و or ف, when at least two letters remain.
#[inline]
pub fn without_conjunction(word: &str) -> &str {
    match word.strip_prefix(['و', 'ف']) {
        Some(rest) if rest.chars().nth(1).is_some() => rest,
        _ => word,
    }
}

/// `word` without a leading و / ف and then ب / ل, when at least two letters remain.
#[inline]
pub fn without_particles(word: &str) -> &str {
    let w = without_conjunction(word);
    match w.strip_prefix(['ب', 'ل']) {
        Some(rest) if rest.chars().nth(1).is_some() => rest,
        _ => w,
    }
}

/// Index of the first token whose span starts at or after `offset` (binary search).
pub fn token_at_or_after(tokens: &[Token], offset: usize) -> usize {
    tokens.partition_point(|t| t.span.start < offset)
}
