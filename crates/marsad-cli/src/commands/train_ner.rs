//! `marsad train-ner`: train the entity tagger on a CoNLL file and write the model,
//! or cross-validate (`--cv K`) and write every sentence's predicted tags, which
//! `bench/ner_cv.sh` scores with `score_ner.py`.

use std::path::Path;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use marsad_annotate::entities::{
    cross_validate, read_labeled, train_with_progress, write_tagged, NerModel, Tag, TrainOptions,
};

pub fn run(train: &Path, out: &Path, cv: Option<usize>, options: TrainOptions) -> Result<()> {
    let text =
        std::fs::read_to_string(train).with_context(|| format!("reading {}", train.display()))?;
    let sentences = read_labeled(&text);
    if sentences.is_empty() {
        bail!("{}: no labeled sentence", train.display());
    }
    let tokens: usize = sentences.iter().map(|s| s.tokens.len()).sum();
    let started = Instant::now();
    eprintln!("marsad: {} sentences, {tokens} tokens from {}", sentences.len(), train.display());
    if let Some(folds) = cv {
        if folds < 2 || folds > sentences.len() {
            bail!("--cv needs between 2 and {} folds", sentences.len());
        }
        let predictions = cross_validate(&sentences, folds, &options, &mut |k| {
            eprintln!("marsad: fold {k}/{folds} done ({:.1}s)", started.elapsed().as_secs_f64());
        });
        let pairs: Vec<(&[String], &[Tag])> = sentences
            .iter()
            .zip(&predictions)
            .map(|(s, p)| (s.tokens.as_slice(), p.as_slice()))
            .collect();
        std::fs::write(out, write_tagged(&pairs))
            .with_context(|| format!("writing {}", out.display()))?;
        eprintln!("marsad: cross-validation predictions in {}", out.display());
        return Ok(());
    }
    let epochs = options.epochs;
    let model = train_with_progress(&sentences, &options, &mut |epoch, errors| {
        eprintln!(
            "marsad: epoch {epoch}/{epochs}: {errors} token errors ({:.1}s)",
            started.elapsed().as_secs_f64()
        );
    });
    let bytes = model.to_bytes();
    // What we write must load back as the tagger will load it.
    NerModel::from_bytes(&bytes).context("the model just trained does not read back")?;
    std::fs::write(out, &bytes).with_context(|| format!("writing {}", out.display()))?;
    eprintln!("marsad: model written to {} ({} bytes)", out.display(), bytes.len());
    Ok(())
}
