//! `marsad extract`: main-text extraction alone, both cores busy.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use marsad_model::ReadProblem;
use rayon::prelude::*;
use serde::Serialize;

/// The summary `marsad extract --json` prints.
#[derive(Debug, Serialize)]
struct ExtractSummary {
    pages: usize,
    extracted: usize,
    errors: Vec<ReadProblem>,
    seconds: f64,
}

pub fn run(paths: &[PathBuf], out: &Path, json: bool) -> Result<()> {
    let started = Instant::now();
    std::fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    let (pages, mut errors) = html_files(paths);
    let outcomes: Vec<Result<(), ReadProblem>> =
        pages.par_iter().map(|page| extract_one(page, out)).collect();
    let extracted = outcomes.iter().filter(|outcome| outcome.is_ok()).count();
    errors.extend(outcomes.into_iter().filter_map(Result::err));
    let summary = ExtractSummary {
        pages: pages.len(),
        extracted,
        seconds: started.elapsed().as_secs_f64(),
        errors,
    };
    if json {
        return super::print_json_line(&summary);
    }
    for error in &summary.errors {
        eprintln!("marsad: {error}");
    }
    let per_page = 1000.0 * summary.seconds / summary.pages.max(1) as f64;
    say!(
        "extracted {} of {} pages into {} in {:.2}s ({per_page:.2} ms/page), {} errors",
        summary.extracted,
        summary.pages,
        out.display(),
        summary.seconds,
        summary.errors.len()
    );
    Ok(())
}

/// Every `.html`/`.htm` file named or found below a named folder, in name order.
fn html_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<ReadProblem>) {
    let (mut pages, mut errors) = (Vec::new(), Vec::new());
    for path in paths {
        if !path.is_dir() {
            if path.exists() {
                pages.push(path.clone());
            } else {
                errors.push(ReadProblem::new(path.display().to_string(), None, "no such file"));
            }
            continue;
        }
        let walk = walkdir::WalkDir::new(path).sort_by_file_name();
        for entry in
            walk.into_iter().filter_entry(|e| !e.file_name().to_string_lossy().starts_with('.'))
        {
            match entry {
                Ok(entry) if entry.file_type().is_file() && is_html(entry.path()) => {
                    pages.push(entry.into_path());
                }
                Ok(_) => {}
                Err(error) => errors.push(ReadProblem::new(
                    path.display().to_string(),
                    None,
                    error.to_string(),
                )),
            }
        }
    }
    (pages, errors)
}

fn is_html(path: &Path) -> bool {
    path.extension()
        .and_then(|ext| ext.to_str())
        .is_some_and(|ext| ext.eq_ignore_ascii_case("html") || ext.eq_ignore_ascii_case("htm"))
}

fn extract_one(page: &Path, out: &Path) -> Result<(), ReadProblem> {
    let problem = |reason: String| ReadProblem::new(page.display().to_string(), None, reason);
    let extracted = marsad_ingest::extract_file(page).map_err(|e| problem(e.to_string()))?;
    let stem = page.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let write = |name: String, contents: String| {
        let target = out.join(name);
        std::fs::write(&target, contents)
            .map_err(|e| problem(format!("writing {}: {e}", target.display())))
    };
    write(format!("{stem}.txt"), extracted.paragraphs_text())?;
    let metadata = serde_json::to_string_pretty(&extracted.metadata())
        .map_err(|e| problem(format!("metadata: {e}")))?;
    write(format!("{stem}.json"), metadata)
}
