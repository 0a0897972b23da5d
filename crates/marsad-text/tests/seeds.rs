//! The text core on the five real articles in `examples/seeds`.

use marsad_text::{
    index_terms, normalize, paragraphs, query_terms, sentences, snippet, tokenize, TokenKind,
};
use std::path::PathBuf;

fn seeds() -> Vec<(String, String)> {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/seeds"));
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 5, "expected five seed articles in {}", dir.display());
    files
        .into_iter()
        .map(|p| {
            let text =
                std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p.display().to_string(), text)
        })
        .collect()
}

fn seed(prefix: &str) -> String {
    seeds().into_iter().find(|(name, _)| name.contains(prefix)).map(|(_, t)| t).unwrap_or_default()
}

#[test]
fn tokens_round_trip_their_spans() {
    for (name, text) in seeds() {
        let tokens = tokenize(&text);
        assert!(tokens.len() > 500, "{name}: {} tokens", tokens.len());
        let mut covered = 0;
        for t in &tokens {
            let slice = text.get(t.span.start..t.span.end);
            let slice =
                slice.unwrap_or_else(|| panic!("{name}: span {:?} off char boundary", t.span));
            assert!(t.span.start >= covered, "{name}: tokens out of order at {:?}", t.span);
            // Between tokens there is only whitespace or invisible marks.
            let gap = text.get(covered..t.span.start).unwrap_or("");
            assert!(
                normalize(gap).text.trim().is_empty(),
                "{name}: text {gap:?} lost before {:?}",
                t.span
            );
            covered = t.span.end;
            assert!(!t.norm.is_empty());
            if t.kind == TokenKind::Word {
                assert_eq!(normalize(slice).text, t.norm, "{name}: {slice}");
            }
        }
        assert!(normalize(text.get(covered..).unwrap_or("")).text.trim().is_empty());
    }
}

#[test]
fn numbers_in_the_seeds() {
    let text = seed("000_");
    let numbers: Vec<String> = tokenize(&text)
        .into_iter()
        .filter(|t| t.kind == TokenKind::Number)
        .map(|t| t.norm)
        .collect();
    assert!(numbers.contains(&"4.5".to_string()), "{numbers:?}");
    assert!(numbers.contains(&"2021".to_string()));
    let text = seed("003_");
    let numbers: Vec<String> = tokenize(&text)
        .into_iter()
        .filter(|t| t.kind == TokenKind::Number)
        .map(|t| t.norm)
        .collect();
    assert!(numbers.contains(&"2500".to_string()), "{numbers:?}");
}

#[test]
fn initials_stay_inside_their_sentence() {
    let text = seed("000_");
    let with_initial: Vec<&str> = sentences(&text)
        .into_iter()
        .map(|s| s.slice(&text))
        .filter(|s| s.contains("لويد ج."))
        .collect();
    assert!(with_initial.len() >= 2, "{with_initial:?}");
    for s in with_initial {
        assert!(s.contains("ج. أوستن"), "{s}");
    }
}

#[test]
fn segmentation_is_ordered_trimmed_and_nested() {
    for (name, text) in seeds() {
        let paras = paragraphs(&text);
        let lines = text.lines().filter(|l| !l.trim().is_empty()).count();
        assert_eq!(paras.len(), lines, "{name}");
        let sents = sentences(&text);
        assert!(sents.len() >= paras.len(), "{name}");
        for pair in sents.windows(2) {
            assert!(pair[0].end <= pair[1].start, "{name}: {pair:?}");
        }
        for s in &sents {
            let slice = s.slice(&text);
            assert!(!slice.is_empty() && slice.trim() == slice, "{name}: {slice:?}");
            assert!(paras.iter().any(|p| p.start <= s.start && s.end <= p.end), "{name}: {slice}");
        }
        // The date 26/7/2021 and the number 4.5 never end a sentence.
        for s in &sents {
            let slice = s.slice(&text);
            assert!(!slice.ends_with("26/7") && !slice.ends_with("4."), "{name}: {slice}");
        }
    }
}

#[test]
fn search_finds_the_stories_words() {
    let text = seed("000_");
    let mut terms = String::new();
    index_terms(&text, &mut terms);
    let indexed: std::collections::HashSet<&str> = terms.split(' ').collect();
    for query in ["أوستن", "الأمريكيين", "أمريكي", "العراقية", "داعش", "والعراق", "4.5", "البنتاغون"]
    {
        let q = query_terms(query);
        assert!(!q.is_empty(), "{query}");
        for t in &q {
            assert!(indexed.contains(t.as_str()), "{query}: term {t} not indexed");
        }
    }
    let s = snippet(&text, &query_terms("أوستن بغداد"), 160);
    assert!(!s.highlights.is_empty());
    for h in &s.highlights {
        assert!(s.text.get(h.start..h.end).is_some());
    }
}
