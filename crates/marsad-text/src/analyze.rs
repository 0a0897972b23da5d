//! The analysis behind full-text search, and the content hash.
//!
//! Index and query go through the same `for_each_term`, so whatever a
//! document is indexed under, a query for the same word finds it.

use crate::stem::stem_into;
use crate::stopwords::is_stopword;
use crate::tokenize::{Scanner, Token, TokenKind};
use xxhash_rust::xxh3::Xxh3;

/// Append the index terms of `text` (space-separated) to `out`.
///
/// Terms are made only of letters and digits, the chars SQLite FTS5's
/// `unicode61` tokenizer keeps, so FTS5 splits them exactly on our spaces:
/// - Arabic words: [`stem`](crate::stem) of the normalized word; stopwords skipped;
/// - numbers: ASCII digits; a decimal point becomes the letter `d`
///   ("4.5" and "٤٫٥" → `4d5`), thousands separators are dropped ("2,500" → `2500`);
/// - Latin words: lowercased, combining marks dropped; internal ' and - split
///   them ("al-Qaeda" → `al qaeda`);
/// - punctuation: no term.
///
/// A space is added first when `out` is not empty. The ingest hot path: one
/// pass over the original text, no offset map, no allocation per token, and
/// stems of recent words cached per thread.
///
/// ```
/// let mut out = String::new();
/// marsad_text::index_terms("وقال الوزير إن 4.5 مليون عراقي في NASA", &mut out);
/// assert_eq!(out, "قال وزير 4d5 مليون عراق nasa");
/// ```
pub fn index_terms(text: &str, out: &mut String) {
    for_each_term(text, false, |term, _| {
        if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
        out.push_str(term);
    });
}

/// Terms of a user query, analysed exactly as `index_terms` does (stopwords
/// kept if the query is only stopwords). Deduplicated, in query order.
///
/// ```
/// assert_eq!(marsad_text::query_terms("في العراق والعراق"), ["عراق"]);
/// assert_eq!(marsad_text::query_terms("في"), ["في"]);
/// ```
pub fn query_terms(query: &str) -> Vec<String> {
    let mut all: Vec<(String, bool)> = Vec::new();
    for_each_term(query, true, |term, stop| {
        if !all.iter().any(|(t, _)| t == term) {
            all.push((term.to_string(), stop));
        }
    });
    let only_stopwords = all.iter().all(|(_, stop)| *stop);
    all.into_iter().filter(|(_, stop)| only_stopwords || !stop).map(|(t, _)| t).collect()
}

/// The index terms of one token, space-separated (empty for punctuation).
///
/// Stopwords are NOT filtered here: this is the term a word would have.
pub fn token_terms(token: &Token) -> String {
    let mut out = String::new();
    terms_into(token.kind, &token.norm, &mut out);
    out
}

/// Write the term(s) of a token with normalized form `norm` into `out`.
pub(crate) fn terms_into(kind: TokenKind, norm: &str, out: &mut String) {
    match kind {
        TokenKind::Word => stem_into(norm, out),
        TokenKind::Number => out.extend(norm.chars().map(|c| if c == '.' { 'd' } else { c })),
        // Combining marks (é written e + U+0301) are dropped, as FTS5's
        // remove_diacritics would; ' and - separate parts.
        TokenKind::Latin => out.extend(norm.chars().filter_map(|c| match c {
            '\'' | '-' => Some(' '),
            c if c.is_alphanumeric() => Some(c),
            _ => None,
        })),
        TokenKind::Punct => {}
    }
}

/// Call `f(term, is_stopword)` for every term of `text`, in order.
///
/// Stopwords are only analysed (and passed on) when `keep_stopwords` is set.
pub(crate) fn for_each_term(text: &str, keep_stopwords: bool, mut f: impl FnMut(&str, bool)) {
    let mut scanner = Scanner::new(text);
    let mut norm = String::new();
    let mut term = String::new();
    while let Some((kind, _)) = scanner.next_token(&mut norm) {
        if kind == TokenKind::Punct {
            continue;
        }
        let stop = kind == TokenKind::Word && is_stopword(&norm);
        if stop && !keep_stopwords {
            continue;
        }
        term.clear();
        terms_into(kind, &norm, &mut term);
        for part in term.split(' ').filter(|p| !p.is_empty()) {
            f(part, stop);
        }
    }
}

/// Hex xxh3-128 of the normalized text with whitespace runs collapsed: equal for texts that differ only in
/// harakat, tatweel, alef forms, digits script, invisible marks or spacing.
///
/// ```
/// use marsad_text::content_hash;
/// assert_eq!(content_hash("قالَ  الأمير ٣"), content_hash("قال\r\nالامير 3 "));
/// assert_eq!(content_hash("").len(), 32);
/// ```
pub fn content_hash(text: &str) -> String {
    content_hash_of_normalized(&crate::normalize_str(text))
}

/// [`content_hash`] of a text whose search form (`normalize_str`) the caller
/// already has: saves normalizing twice.
pub fn content_hash_of_normalized(normalized: &str) -> String {
    // Streaming the words with single spaces hashes exactly the collapsed
    // text, without building it.
    let mut hasher = Xxh3::new();
    for (i, word) in normalized.split_whitespace().enumerate() {
        if i > 0 {
            hasher.update(b" ");
        }
        hasher.update(word.as_bytes());
    }
    format!("{:032x}", hasher.digest128())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> String {
        let mut out = String::new();
        index_terms(text, &mut out);
        out
    }

    #[test]
    fn numbers_and_latin_terms() {
        assert_eq!(terms("4.5 ٤٫٥ 2,500 ٢٠٢٣"), "4d5 4d5 2500 2023");
        assert_eq!(terms("al-Qaeda O'Brien CNN"), "al qaeda o brien cnn");
        assert_eq!(terms("، . ! «»"), "");
    }

    #[test]
    fn terms_are_fts_token_chars_only() {
        let t = terms("قالَ: «الأمير» (2,500.75) لـ2023م U.S. ﷺ ‏e-mail");
        for term in t.split(' ') {
            assert!(!term.is_empty());
            assert!(term.chars().all(char::is_alphanumeric), "{term:?} in {t:?}");
        }
    }

    #[test]
    fn appends_with_a_separator() {
        let mut out = String::from("عنوان");
        index_terms("العراق", &mut out);
        assert_eq!(out, "عنوان عراق");
    }

    #[test]
    fn query_matches_index() {
        let doc = terms("وصل وزير الخارجية الأمريكي إلى بغداد");
        for q in ["الأمريكي", "أمريكي", "امريكي", "الخارجية", "بغداد", "وبغداد"]
        {
            for t in query_terms(q) {
                assert!(doc.split(' ').any(|d| d == t), "{q}: {t} not in {doc}");
            }
        }
    }

    #[test]
    fn query_of_stopwords_only_keeps_them() {
        assert_eq!(query_terms("في من"), ["في", "من"]);
        assert!(query_terms("").is_empty());
        assert!(query_terms("؟!").is_empty());
        assert_eq!(query_terms("NASA nasa"), ["nasa"]);
    }

    #[test]
    fn content_hash_ignores_surface_variation() {
        let a = content_hash("أَعْلَنَ وزيرُ الدفاع\u{200F} عن ٣ قتلى.");
        let b = content_hash("  اعلن وزير الدفـــاع عن 3 قتلي.\r\n");
        assert_eq!(a, b);
        assert_ne!(a, content_hash("اعلن وزير الدفاع عن 4 قتلي."));
        assert!(a.chars().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
        assert_eq!(a.len(), 32);
        // The streamed hash is the hash of the collapsed text.
        let collapsed = format!("{:032x}", xxhash_rust::xxh3::xxh3_128("اعلن وزير".as_bytes()));
        assert_eq!(content_hash(" اعلن \n وزير "), collapsed);
        assert_eq!(content_hash_of_normalized("اعلن وزير"), collapsed);
    }
}
