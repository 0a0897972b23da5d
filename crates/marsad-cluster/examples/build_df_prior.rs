//! Build `data/df_prior.tsv`, the document-frequency prior the clusterer's IDF
//! starts from (see `src/prior.rs`), from ANERcorp's training split.
//!
//! ```text
//! cargo run -p marsad-cluster --example build_df_prior -- \
//!     ../shared/eval/ner/anercorp_train.txt > crates/marsad-cluster/data/df_prior.tsv
//! ```
//!
//! ANERcorp (Benajiba et al., 2007; CC BY-SA 4.0) is Arabic news, one token per
//! line (`token TAG`), sentences separated by blank lines, no document
//! boundaries. Consecutive sentences are grouped into pseudo-documents of
//! [`SENTENCES_PER_DOC`] sentences (about a short news article); each
//! pseudo-document's distinct index terms (`marsad_text::index_terms`, as the
//! clusterer analyses text) are counted once. The output is `# documents N`
//! then `term<TAB>df` for every term in at least [`MIN_DF`] pseudo-documents,
//! by falling df then term: deterministic for a given input and marsad-text.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

/// Sentences per pseudo-document.
const SENTENCES_PER_DOC: usize = 8;
/// Terms rarer than this are left out (the IDF treats a missing term as rare).
const MIN_DF: u32 = 2;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: build_df_prior ANERCORP_TRAIN.txt")?;
    let text = std::fs::read_to_string(&path)?;
    let mut sentences: Vec<Vec<&str>> = vec![Vec::new()];
    for line in text.lines() {
        let token = line.rsplit_once(' ').map_or(line, |(t, _)| t).trim();
        if token.is_empty() {
            if sentences.last().is_some_and(|s| !s.is_empty()) {
                sentences.push(Vec::new());
            }
        } else if let Some(s) = sentences.last_mut() {
            s.push(token);
        }
    }
    sentences.retain(|s| !s.is_empty());
    let mut df: BTreeMap<String, u32> = BTreeMap::new();
    let mut docs = 0u32;
    let mut buf = String::new();
    for group in sentences.chunks(SENTENCES_PER_DOC) {
        let words: Vec<&str> = group.iter().flatten().copied().collect();
        buf.clear();
        marsad_text::index_terms(&words.join(" "), &mut buf);
        let distinct: BTreeSet<&str> = buf.split_ascii_whitespace().collect();
        for term in distinct {
            *df.entry(term.to_owned()).or_default() += 1;
        }
        docs += 1;
    }
    let mut rows: Vec<(&String, &u32)> = df.iter().filter(|(_, &n)| n >= MIN_DF).collect();
    rows.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    writeln!(out, "# documents {docs}")?;
    for (term, n) in rows {
        writeln!(out, "{term}\t{n}")?;
    }
    Ok(())
}
