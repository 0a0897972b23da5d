//! `marsad tag --conll`: the entity tagger over token-per-line input. Reads stdin
//! one token per line (blank line between sentences; a line's first field is the
//! token, so a labeled file can be piped in) and prints `token<TAB>tag`, the same
//! tokens in the same order, with the blank lines kept. Streams sentence by sentence.

use std::io::{BufRead, BufWriter, Write};
use std::path::Path;

use anyhow::{bail, Context, Result};
use marsad_annotate::entities::{split_line, NerModel};

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
    let mut tokens: Vec<String> = Vec::new();
    let flush = |tokens: &mut Vec<String>, out: &mut BufWriter<_>| -> Result<()> {
        if tokens.is_empty() {
            return Ok(());
        }
        let tags = model.tag(tokens);
        for (token, tag) in tokens.iter().zip(&tags) {
            writeln!(out, "{token}\t{}", tag.as_str())?;
        }
        tokens.clear();
        Ok(())
    };
    for (number, line) in stdin.split(b'\n').enumerate() {
        let line = line.context("reading stdin")?;
        let line = String::from_utf8_lossy(&line);
        let line = line.strip_prefix('\u{feff}').filter(|_| number == 0).unwrap_or(&line);
        let (token, _) = split_line(line.trim_end_matches('\r'));
        if token.is_empty() {
            flush(&mut tokens, &mut out)?;
            writeln!(out)?;
        } else {
            tokens.push(token.to_owned());
        }
    }
    flush(&mut tokens, &mut out)?;
    out.flush()?;
    Ok(())
}
