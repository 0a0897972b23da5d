use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use marsad_pipeline::IngestOptions;
use marsad_store::{ArticleFilter, ArticleStore, SqliteStore};

/// The example corpus shipped with the repository.
const BUNDLED_EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/seeds");

/// `recreate`: the database is the demo's own (no `--db` given) and may be replaced;
/// a database the user named is never overwritten.
pub fn run(path: Option<PathBuf>, db: &Path, recreate: bool) -> Result<()> {
    if !recreate && db.exists() {
        anyhow::bail!("{}: already exists; the demo needs a fresh database", db.display());
    }
    let corpus = path.unwrap_or_else(|| {
        let relative = PathBuf::from("examples/seeds");
        if relative.is_dir() {
            relative
        } else {
            PathBuf::from(BUNDLED_EXAMPLES)
        }
    });
    for stale in [db.to_path_buf(), with_suffix(db, "-wal"), with_suffix(db, "-shm")] {
        match std::fs::remove_file(&stale) {
            Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
                return Err(error).with_context(|| format!("removing {}", stale.display()));
            }
            _ => {}
        }
    }

    say!("== marsad demo: ingesting {} into {}", corpus.display(), db.display());
    let summary =
        super::ingest::ingest_into(db, std::slice::from_ref(&corpus), &IngestOptions::default())?;
    super::ingest::print_summary(&summary)?;
    for error in &summary.errors {
        say!("  error: {error}");
    }

    let store = SqliteStore::open_read_only(db)?;
    say!("\n== what the database holds");
    super::stats::run(&store, false)?;

    say!("\n== articles");
    for article in store.articles(&ArticleFilter::default())? {
        super::articles::print_article_row(&article)?;
        say!("        {}", article.url);
    }

    say!("\n== stories (articles about one event, from every outlet)");
    super::stories::run(&store, false, true, None, 20)?;

    // The article that reprinted most: its passages, and who had each one first.
    let articles = store.articles(&ArticleFilter::default())?;
    let mut most_reused = None;
    for article in &articles {
        let passages = store.passages_of(article.id)?.len();
        if passages > 0 && most_reused.is_none_or(|(_, most)| passages > most) {
            most_reused = Some((article.id, passages));
        }
    }
    if let Some((id, _)) = most_reused {
        say!("\n== reused passages of #{id} (text other articles share, and who had it first)");
        super::reuse::run(&store, id, false)?;
    }

    say!("\n== people (spelling variants merged, roles kept)");
    super::entities::run(&store, false, None, Some("PERS".to_owned()), None, 10)?;

    say!("\n== who said what (quotes with their speakers, stored at ingest)");
    super::quotes::run(&store, false, None, None, 8)?;

    for query in ["بالعراق", "داعش", "وزير الدفاع"] {
        say!("\n== search {query:?} (Arabic analysis: clitics and suffixes do not matter)");
        super::search::run(&store, query, false, 3)?;
    }

    say!("\nExplore further: marsad --db {} search QUERY | stories | story ID | reuse ID | entities | quotes | dups | articles | stats --json", db.display());
    Ok(())
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}
