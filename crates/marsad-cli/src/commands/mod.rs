//! One file per subcommand; `run` dispatches.

mod analyze;
mod annotations;
mod articles;
mod demo;
mod dups;
mod entities;
mod extract;
mod ingest;
mod ner_clusters;
mod quotes;
mod reuse;
mod search;
mod stats;
mod stories;
mod story;
mod tag;
mod train_ner;
mod watch;

use std::path::Path;

use anyhow::{Context, Result};
use marsad_pipeline::IngestOptions;
use marsad_store::SqliteStore;

use crate::args::{Cli, Command};
use marsad_annotate::entities::TrainOptions;

pub fn run(cli: Cli) -> Result<()> {
    let db = cli.db();
    match cli.command {
        Command::Ingest { paths, json, batch_size, no_annotate } => {
            let options =
                IngestOptions { batch_size, annotate: !no_annotate, ..IngestOptions::default() };
            ingest::run(&db, &paths, json, &options)
        }
        Command::Dups { json } => dups::run(&open_existing(&db)?, json),
        Command::Reuse { id, json } => reuse::run(&open_existing(&db)?, id, json),
        Command::Stats { json } => stats::run(&open_existing(&db)?, json),
        Command::Annotations { id, json } => annotations::run(&open_existing(&db)?, id, json),
        Command::Articles { json, outlet, limit } => {
            articles::run(&open_existing(&db)?, json, outlet, limit)
        }
        Command::Search { query, json, limit } => {
            search::run(&open_existing(&db)?, &query.join(" "), json, limit)
        }
        Command::Quotes { json, speaker, story, limit } => {
            quotes::run(&open_existing(&db)?, json, speaker.as_deref(), story, limit)
        }
        Command::Entities { json, outlet, kind, story, limit } => {
            entities::run(&open_existing(&db)?, json, outlet, kind, story, limit)
        }
        Command::Stories { json, all, since, limit } => {
            stories::run(&open_existing(&db)?, json, all, since.as_deref(), limit)
        }
        Command::Story { id, json } => story::run(&open_existing(&db)?, id, json),
        Command::Analyze { path, json } => analyze::run(&path, json),
        Command::Extract { paths, out, json } => extract::run(&paths, &out, json),
        Command::Demo { path } => demo::run(path, &db, cli.db.is_none()),
        Command::TrainNer { train, out, cv, epochs, bits, seed, window } => train_ner::run(
            &train,
            &out,
            cv,
            TrainOptions { epochs, bits, seed, window, ..TrainOptions::default() },
        ),
        Command::Tag { conll, model } => tag::run(conll, model.as_deref()),
        Command::NerClusters { paths, out, vocab } => ner_clusters::run(&paths, &out, vocab),
        Command::Watch { sources, once, interval, state, json } => {
            watch::run(&db, &sources, once, interval, state, json)
        }
    }
}

/// Queries never create a database: a mistyped `--db` should say so, not show an empty one.
fn open_existing(db: &Path) -> Result<SqliteStore> {
    if !db.exists() {
        anyhow::bail!(
            "{}: no such database (create one with `marsad --db {} ingest PATH...`)",
            db.display(),
            db.display()
        );
    }
    SqliteStore::open_read_only(db).with_context(|| format!("opening {}", db.display()))
}

/// Print a value as one line of JSON.
fn print_json_line<T: serde::Serialize>(value: &T) -> Result<()> {
    say!("{}", serde_json::to_string(value)?);
    Ok(())
}

/// `2015-07-21 02:51` for people; JSON output keeps RFC 3339.
fn human_date(published: Option<&marsad_model::Published>) -> String {
    published.map(|date| date.format("%Y-%m-%d %H:%M").to_string()).unwrap_or_else(|| "—".into())
}
