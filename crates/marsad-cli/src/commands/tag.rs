//! `marsad tag --conll`: the entity tagger over token-per-line input. Reads stdin
//! one token per line (blank line between sentences; a line's first field is the
//! token, so a labeled file can be piped in) and prints `token<TAB>tag`, the same
//! tokens in the same order, with the blank lines kept.
//!
//! Sentences are tagged in batches of [`BATCH`]: each batch is one document for the
//! tagger's second pass (which reads how nearby sentences tagged the same words), so
//! memory stays bounded on any input.

use std::io::{BufRead, BufWriter, Write};
use std::path::Path;

use anyhow::{bail, Context, Result};
use marsad_annotate::entities::{split_line, NerModel};

/// Sentences per document batch.
const BATCH: usize = 500;

/// A sentence, or a blank line kept as is.
enum Item {
    Sentence(Vec<String>),
    Blank,
}

pub fn run(conll: bool, model_path: Option<&Path>) -> Result<()> {
    if !conll {
        bail!("only --conll is supported: `marsad tag --conll < tokens.txt`");
    }
    let owned;
    let model = match model_path {
        Some(path) => {
            let bytes =
                std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
            owned = NerModel::from_bytes(&bytes)
                .with_context(|| format!("loading {}", path.display()))?;
            &owned
        }
        None => NerModel::shipped().context("loading the shipped NER model")?,
    };
    let stdin = std::io::stdin().lock();
    let mut out = BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let mut items: Vec<Item> = Vec::new();
    let mut tokens: Vec<String> = Vec::new();
    let mut sentences = 0usize;
    for (number, line) in stdin.split(b'\n').enumerate() {
        let line = line.context("reading stdin")?;
        let line = String::from_utf8_lossy(&line);
        let line = if number == 0 { line.trim_start_matches('\u{feff}') } else { &line };
        let (token, _) = split_line(line.trim_end_matches('\r'));
        if token.is_empty() {
            if !tokens.is_empty() {
                items.push(Item::Sentence(std::mem::take(&mut tokens)));
                sentences += 1;
            }
            items.push(Item::Blank);
            if sentences >= BATCH {
                flush(model, &mut items, &mut out)?;
                sentences = 0;
            }
        } else {
            tokens.push(token.to_owned());
        }
    }
    if !tokens.is_empty() {
        items.push(Item::Sentence(tokens));
    }
    flush(model, &mut items, &mut out)?;
    out.flush()?;
    Ok(())
}

/// Tag the buffered sentences as one document and print them with their blank lines.
fn flush(model: &NerModel, items: &mut Vec<Item>, out: &mut impl Write) -> Result<()> {
    let sentences: Vec<&[String]> = items
        .iter()
        .filter_map(|i| match i {
            Item::Sentence(s) => Some(s.as_slice()),
            Item::Blank => None,
        })
        .collect();
    let mut tagged = model.tag_document(&sentences).into_iter();
    for item in items.iter() {
        match item {
            Item::Sentence(tokens) => {
                let tags = tagged.next().unwrap_or_default();
                for (token, tag) in tokens.iter().zip(&tags) {
                    writeln!(out, "{token}\t{}", tag.as_str())?;
                }
            }
            Item::Blank => writeln!(out)?,
        }
    }
    items.clear();
    Ok(())
}
