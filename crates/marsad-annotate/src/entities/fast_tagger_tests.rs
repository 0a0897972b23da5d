//! The fast path gives exactly the reference path's tags and mentions: on the seed
//! articles, on ANERcorp training sentences and on SaudiNewsNet articles (the last
//! two skipped when ../shared is absent, unless MARSAD_REQUIRE_SHARED=1), with the
//! thread's cache and with a tiny cache that evicts between documents.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code

use std::io::Read;
use std::path::PathBuf;

use super::*;
use crate::entities::conll::read_labeled;
use crate::entities::lexicon::{word_key, ListFlags};
use crate::entities::mentions::{annotate_with_tagger, EntityMention};
use crate::entities::word_types::WordTypes;

fn model() -> &'static NerModel {
    NerModel::shipped().expect("the shipped model loads")
}

fn shared() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(std::env::var("MARSAD_REQUIRE_SHARED").is_err(), "../shared is required");
    None
}

fn seeds() -> Vec<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/seeds");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("examples/seeds")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files.iter().map(|p| std::fs::read_to_string(p).expect("seed")).collect()
}

/// Article texts of the first SaudiNewsNet zip, at most `limit`.
fn articles(limit: usize) -> Vec<String> {
    let Some(shared) = shared() else { return Vec::new() };
    let path = shared.join("corpora/saudinewsnet/2015-07-21.zip");
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut out = Vec::new();
    for i in 0..zip.len() {
        let mut member = zip.by_index(i).unwrap();
        let mut bytes = Vec::new();
        member.read_to_end(&mut bytes).unwrap();
        let items: Vec<serde_json::Value> = serde_json::from_slice(&bytes).unwrap();
        for item in items {
            if let Some(text) = item["content"].as_str() {
                out.push(text.to_owned());
            }
            if out.len() >= limit {
                return out;
            }
        }
    }
    out
}

/// Mentions of an article by the reference tagger.
fn reference_mentions(text: &str) -> Vec<EntityMention> {
    annotate_with_tagger(text, |sentences, flags| {
        flags.extend(sentences.iter().flatten().map(|t| ListFlags::of_key(&word_key(t))));
        model().tag_document_reference(sentences)
    })
}

#[test]
fn seeds_give_the_reference_mentions() {
    for text in seeds() {
        let fast = annotate_with_tagger(&text, |s, k| model().tag_document_with_flags(s, k));
        assert_eq!(fast, reference_mentions(&text));
    }
}

#[test]
fn corpus_articles_give_the_reference_mentions() {
    for (i, text) in articles(300).iter().enumerate() {
        let fast = annotate_with_tagger(text, |s, k| model().tag_document_with_flags(s, k));
        assert_eq!(fast, reference_mentions(text), "article {i}");
    }
}

#[test]
fn anercorp_gives_the_reference_tags() {
    let Some(shared) = shared() else { return };
    let text = std::fs::read_to_string(shared.join("eval/ner/anercorp_train.txt")).unwrap();
    let sentences = read_labeled(&text);
    let docs: Vec<Vec<&[String]>> =
        sentences.chunks(200).map(|c| c.iter().map(|s| s.tokens.as_slice()).collect()).collect();
    for (i, doc) in docs.iter().enumerate() {
        assert_eq!(model().tag_document(doc), model().tag_document_reference(doc), "document {i}");
    }
}

#[test]
fn a_tiny_cache_that_evicts_gives_the_same_tags() {
    let model = model();
    let (tables, scales) = model.fast_tables().expect("a model read from bytes");
    let mut types = WordTypes::with_limit(200_000);
    let mut texts = seeds();
    texts.extend(articles(120));
    // Twice over, so the second round finds types cached, evicted and re-admitted.
    for round in 0..2 {
        for (i, text) in texts.iter().enumerate() {
            let tokens = marsad_text::tokenize(text);
            let words: Vec<&str> = tokens.iter().map(|t| t.span.slice(text)).collect();
            let sentences: Vec<&[&str]> = words.chunks(40).collect();
            let fast = tag_with_types(&mut types, model, &tables, scales, &sentences, None);
            assert_eq!(fast, model.tag_document_reference(&sentences), "round {round}, text {i}");
            assert!(types.len() < 2_000, "the bound holds: {} types", types.len());
        }
    }
}
