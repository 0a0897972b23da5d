use std::path::{Path, PathBuf};

use anyhow::{bail, Result};
use marsad_ingest::{read_inputs, ReadEvent, ReadOptions};

/// Analyse every article in one input (one for a .txt or .html file; each record
/// of a JSON or JSON Lines file), one JSON object per line with `--json`.
pub fn run(path: &Path, json: bool) -> Result<()> {
    let mut articles = Vec::new();
    let mut problems = Vec::new();
    read_inputs(&[PathBuf::from(path)], &ReadOptions::default(), &mut |event| match event {
        ReadEvent::Article(article) => articles.push(article),
        ReadEvent::Problem(problem) => problems.push(problem),
        ReadEvent::Progress { .. } => {}
    });
    for problem in &problems {
        eprintln!("marsad: {problem}");
    }
    if articles.is_empty() {
        bail!("{}: no article to analyse", path.display());
    }
    for article in &articles {
        let analysis = marsad_pipeline::analyze(article);
        if json {
            super::print_json_line(&analysis)?;
        } else {
            say!("{} ({})", analysis.title, analysis.url);
            say!(
                "  {} tokens, {} sentences, {} paragraphs",
                analysis.tokens.len(),
                analysis.sentences.len(),
                analysis.paragraphs.len()
            );
            for (number, sentence) in analysis.sentences.iter().enumerate() {
                say!("  {:>3}. {}", number + 1, sentence.text.replace('\n', " "));
            }
        }
    }
    Ok(())
}
