//! API SKELETON — to be implemented (see the module plan in the task).
use marsad_model::Span;
use serde::Serialize;

/// Search form of a text plus a map from every normalized byte offset to the original one.
#[derive(Debug, Clone)]
pub struct Normalized {
    pub text: String,
    offsets: Vec<u32>,
}
impl Normalized {
    /// Original byte offset of normalized byte offset `offset` (0..=text.len()).
    pub fn to_original(&self, offset: usize) -> usize {
        let _ = &self.offsets;
        unimplemented!("{offset}")
    }
    /// Original span covering normalized span `span`.
    pub fn span_to_original(&self, span: Span) -> Span {
        unimplemented!("{span:?}")
    }
}
/// Normalize with an offset map.
pub fn normalize(text: &str) -> Normalized {
    unimplemented!("{text}")
}
/// Normalize without building the map (hot path).
pub fn normalize_str(text: &str) -> String {
    unimplemented!("{text}")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    Word,
    Number,
    Latin,
    Punct,
}
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Token {
    pub kind: TokenKind,
    /// Byte span in the ORIGINAL text.
    pub span: Span,
    /// Normalized form (digits ASCII, no harakat...).
    pub norm: String,
}
pub fn tokenize(text: &str) -> Vec<Token> {
    unimplemented!("{text}")
}
/// Strip proclitics (و ف ب ك ل + ال / لل) from a normalized word, keeping a stem of at least 2-3 letters.
pub fn strip_clitics(word: &str) -> &str {
    unimplemented!("{word}")
}
/// Clitic strip then Snowball Arabic: the term used for indexing and search.
pub fn stem(word: &str) -> String {
    unimplemented!("{word}")
}
pub fn is_stopword(normalized_word: &str) -> bool {
    unimplemented!("{normalized_word}")
}
pub fn sentences(text: &str) -> Vec<Span> {
    unimplemented!("{text}")
}
pub fn paragraphs(text: &str) -> Vec<Span> {
    unimplemented!("{text}")
}
/// Append the index terms of `text` (space-separated) to `out`.
pub fn index_terms(text: &str, out: &mut String) {
    unimplemented!("{text}{out}")
}
/// Terms of a user query, analysed exactly as `index_terms` does (stopwords kept if the query is only stopwords).
pub fn query_terms(query: &str) -> Vec<String> {
    unimplemented!("{query}")
}
/// An excerpt of an article around its best match for a query.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Snippet {
    /// The excerpt, cut on word boundaries, with "…" where text was cut.
    pub text: String,
    /// Byte spans of the matching words inside `text`.
    pub highlights: Vec<Span>,
}
/// Excerpt of `text` (about `max_chars` chars) around the densest cluster of words whose stem is in `terms`
/// (terms as returned by `query_terms`). Falls back to the text's opening when nothing matches.
pub fn snippet(text: &str, terms: &[String], max_chars: usize) -> Snippet {
    unimplemented!("{text}{terms:?}{max_chars}")
}
/// Hex xxh3-128 of the normalized text with whitespace runs collapsed: equal for texts that differ only in
/// harakat, tatweel, alef forms, digits script, invisible marks or spacing.
pub fn content_hash(text: &str) -> String {
    unimplemented!("{text}")
}
