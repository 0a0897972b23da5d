//! Properties over arbitrary strings and over strings built from the chars
//! Arabic news text actually mixes: letters, harakat, both digit scripts,
//! Arabic punctuation, joiners, bidi marks, presentation forms, CRLF.

use marsad_model::Span;
use marsad_text::{
    content_hash, index_terms, normalize, normalize_str, paragraphs, query_terms, sentences,
    snippet, stem, strip_clitics, tokenize, TokenKind,
};
use proptest::prelude::*;

const POOL: &[char] = &[
    'ا', 'ب', 'ت', 'ث', 'ج', 'ح', 'د', 'ر', 'س', 'ع', 'ف', 'ق', 'ك', 'ل', 'م', 'ن', 'ه', 'و', 'ي',
    'أ', 'إ', 'آ', 'ٱ', 'ى', 'ة', 'ؤ', 'ئ', 'ء', '\u{064B}', '\u{064E}', '\u{0650}', '\u{0651}',
    '\u{0652}', '\u{0670}', '\u{0640}', '\u{0615}', '0', '4', '5', '9', '٠', '٢', '٤', '۵', '٫',
    '٬', '.', ',', '،', '؛', '؟', '«', '»', '!', '?', '"', '\'', '-', '/', '%', '٪', '…', ':', '(',
    ')', ' ', ' ', ' ', '\n', '\r', '\t', '\u{00A0}', '\u{200B}', '\u{200C}', '\u{200D}',
    '\u{200F}', '\u{202B}', '\u{2066}', '\u{FEFF}', '\u{061C}', '\u{FE8D}', '\u{FEE3}', '\u{FEFB}',
    '\u{FEF5}', '\u{FDF2}', '\u{FDFA}', '\u{FE85}', '\u{FE70}', '\u{FF11}', '\u{FF0E}', 'a', 'Z',
    'é', '\u{0301}', 'ß', 'İ', '😀', '\u{2028}', '\u{06D4}', 'ک', 'ی',
];

fn arabic_text() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(prop::sample::select(POOL), 0..120)
            .prop_map(|v| v.into_iter().collect()),
        // Word-like runs separated by spaces, with occasional CRLF.
        prop::collection::vec(
            (prop::collection::vec(prop::sample::select(POOL), 1..8), prop::bool::ANY),
            0..30
        )
        .prop_map(|words| {
            words
                .into_iter()
                .map(|(w, crlf)| {
                    let w: String = w.into_iter().collect();
                    if crlf {
                        w + "\r\n"
                    } else {
                        w + " "
                    }
                })
                .collect()
        }),
    ]
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), arabic_text()]
}

fn check_spans(text: &str, spans: &[Span], what: &str, disjoint: bool) {
    let mut last = Span::new(0, 0);
    for s in spans {
        assert!(s.start < s.end, "{what}: empty span {s:?} in {text:?}");
        assert!(text.get(s.start..s.end).is_some(), "{what}: {s:?} off char boundary in {text:?}");
        assert!(s.start >= last.start && s.end >= last.end, "{what}: {s:?} after {last:?}");
        if disjoint {
            assert!(s.start >= last.end, "{what}: {s:?} overlaps {last:?}");
        }
        last = *s;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn normalize_map_is_sound(text in any_text()) {
        let n = normalize(&text);
        prop_assert_eq!(&n.text, &normalize_str(&text));
        let zero = if n.text.is_empty() { text.len() } else { 0 };
        prop_assert_eq!(n.to_original(0), zero);
        prop_assert_eq!(n.to_original(n.text.len()), text.len());
        let mut last = 0;
        for i in 0..=n.text.len() {
            let o = n.to_original(i);
            prop_assert!(o >= last, "map not monotonic at {}", i);
            prop_assert!(text.is_char_boundary(o));
            last = o;
        }
        // Spans between char boundaries of the normalized text map to valid spans.
        let bounds: Vec<usize> = n.text.char_indices().map(|(i, _)| i).chain([n.text.len()]).collect();
        for w in bounds.windows(2) {
            let s = n.span_to_original(Span::new(w[0], w[1]));
            prop_assert!(s.start < s.end && text.get(s.start..s.end).is_some(), "{:?}", s);
        }
    }

    #[test]
    fn normalization_is_idempotent(text in any_text()) {
        let once = normalize_str(&text);
        prop_assert_eq!(normalize_str(&once), once.clone());
    }

    #[test]
    fn tokens_have_sound_spans(text in any_text()) {
        let tokens = tokenize(&text);
        let spans: Vec<Span> = tokens.iter().map(|t| t.span).collect();
        check_spans(&text, &spans, "token", false);
        for t in &tokens {
            prop_assert!(!t.norm.is_empty());
            let orig = normalize(t.span.slice(&text)).text;
            prop_assert!(!orig.is_empty(), "{:?}", t);
            if t.kind == TokenKind::Word {
                prop_assert!(orig.contains(&t.norm), "{:?} from {:?}", t, orig);
            }
        }
    }

    #[test]
    fn segments_have_sound_spans(text in any_text()) {
        let paras = paragraphs(&text);
        check_spans(&text, &paras, "paragraph", true);
        let sents = sentences(&text);
        check_spans(&text, &sents, "sentence", true);
        for s in paras.iter().chain(&sents) {
            let slice = s.slice(&text);
            prop_assert!(!slice.starts_with(char::is_whitespace) && !slice.ends_with(char::is_whitespace));
        }
    }

    #[test]
    fn terms_are_fts_tokens(text in any_text()) {
        let mut out = String::new();
        index_terms(&text, &mut out);
        prop_assert!(!out.starts_with(' ') && !out.ends_with(' ') && !out.contains("  "));
        for term in out.split(' ').filter(|t| !t.is_empty()) {
            prop_assert!(term.chars().all(char::is_alphanumeric), "{:?}", term);
        }
        // A query finds what indexing the same text produced.
        let q = query_terms(&text);
        if !out.is_empty() {
            let indexed: std::collections::HashSet<&str> = out.split(' ').collect();
            for t in &q {
                prop_assert!(indexed.contains(t.as_str()), "{} not in {}", t, out);
            }
        }
    }

    #[test]
    fn words_analyse_without_panics(text in any_text()) {
        for t in tokenize(&text) {
            let stripped = strip_clitics(&t.norm);
            prop_assert!(t.norm.ends_with(stripped));
            if t.kind == TokenKind::Word {
                prop_assert!(!stem(&t.norm).is_empty());
            }
        }
    }

    #[test]
    fn snippets_are_sound(text in any_text(), query in any_text(), max in 0usize..120) {
        let terms = query_terms(&query);
        let s = snippet(&text, &terms, max);
        check_spans(&s.text, &s.highlights, "highlight", true);
    }

    #[test]
    fn hash_ignores_marks_and_spacing(text in arabic_text()) {
        let noisy: String = text
            .chars()
            .flat_map(|c| match c {
                ' ' => vec![' ', ' ', '\u{200F}'],
                c if ('\u{0621}'..='\u{064A}').contains(&c) => vec![c, '\u{064E}', '\u{0640}'],
                c => vec![c],
            })
            .collect();
        prop_assert_eq!(content_hash(&text), content_hash(&noisy));
        prop_assert_eq!(content_hash(&text).len(), 32);
    }
}
