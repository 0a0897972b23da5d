//! Single-threaded speed of the entity tagger inside the library, model loading
//! excluded: `cargo run --release -p marsad-annotate --example ner_speed -- FILE.conll [TEXT...]`.
//!
//! 1. Tags FILE (token per line, blank line between sentences) in documents of 500
//!    sentences, as `marsad tag --conll` does, and prints tokens/s; then again on the
//!    reference path (`tag_document_reference`, every feature hashed and read).
//! 2. Runs the whole article annotator (`annotate_entities`: tokenizer, both tagger
//!    passes, mention spans, linking, roles) over each TEXT file, repeated to at least
//!    200,000 tokens, and prints tokens/s.

use std::time::Instant;

use marsad_annotate::entities::{annotate_entities_with, read_labeled, NerModel};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(conll) = args.first() else {
        return Err("usage: ner_speed FILE.conll [TEXT...]".into());
    };
    let t = Instant::now();
    let model = NerModel::shipped()?;
    println!("model load: {:.3} s", t.elapsed().as_secs_f64());
    let sentences = read_labeled(&std::fs::read_to_string(conll)?);
    let docs: Vec<Vec<&[String]>> =
        sentences.chunks(500).map(|c| c.iter().map(|s| s.tokens.as_slice()).collect()).collect();
    let tokens: usize = sentences.iter().map(|s| s.tokens.len()).sum();
    let t = Instant::now();
    let mut entities = 0usize;
    for doc in &docs {
        for tags in model.tag_document(doc) {
            entities += tags.iter().filter(|t| t.is_begin()).count();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "tagger (library, 1 thread): {tokens} tokens in {secs:.3} s = {:.0} tokens/s ({entities} entities)",
        tokens as f64 / secs
    );
    // The straightforward path every feature is hashed and read on: the yardstick.
    let t = Instant::now();
    let mut reference = 0usize;
    for doc in &docs {
        for tags in model.tag_document_reference(doc) {
            reference += tags.iter().filter(|t| t.is_begin()).count();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "tagger, reference path (library, 1 thread): {tokens} tokens in {secs:.3} s = {:.0} tokens/s ({reference} entities)",
        tokens as f64 / secs
    );
    let texts: Vec<String> =
        args[1..].iter().map(std::fs::read_to_string).collect::<Result<_, _>>()?;
    if !texts.is_empty() {
        let per_round: usize = texts.iter().map(|t| marsad_text::tokenize(t).len()).sum();
        let rounds = (200_000 / per_round.max(1)).max(1);
        let t = Instant::now();
        let mut mentions = 0usize;
        for _ in 0..rounds {
            for text in &texts {
                mentions += annotate_entities_with(model, text).len();
            }
        }
        let secs = t.elapsed().as_secs_f64();
        let total = per_round * rounds;
        println!(
            "annotate_entities (articles, 1 thread): {total} tokens in {secs:.3} s = {:.0} tokens/s ({mentions} mentions)",
            total as f64 / secs
        );
    }
    Ok(())
}
