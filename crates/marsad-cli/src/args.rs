use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// Marsad (مرصد): Arabic news monitoring — ingest outlets' articles, find the copies, search them.
#[derive(Debug, Parser)]
#[command(name = "marsad", version, about)]
pub struct Cli {
    /// The database file [default: marsad.db; for `demo`, marsad-demo.db].
    #[arg(long, global = true)]
    pub db: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

impl Cli {
    /// The database the command works on.
    pub fn db(&self) -> PathBuf {
        let default = match self.command {
            // The demo recreates its database: never the user's own by default.
            Command::Demo { .. } => "marsad-demo.db",
            _ => "marsad.db",
        };
        self.db.clone().unwrap_or_else(|| PathBuf::from(default))
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Store articles from files, folders (recursive), .zip archives, JSON, JSON Lines, .txt, .html or - (stdin).
    Ingest {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Print the end-of-run summary as one JSON object.
        #[arg(long)]
        json: bool,
        /// Articles stored per transaction.
        #[arg(long, default_value_t = 1000)]
        batch_size: usize,
        /// Store, link and cluster only: no entities, quotes, quantities or dates yet (the
        /// next ingest without this flag annotates what is missing).
        #[arg(long)]
        no_annotate: bool,
    },
    /// Near-duplicate pairs found at ingest: groups under their earliest article, or
    /// with --json one pair per line {"a", "b", "similarity", "kind"}.
    Dups {
        /// JSON Lines, one pair per line (url, or the article id when it has none).
        #[arg(long)]
        json: bool,
    },
    /// The passages of article ID found in other articles: spans in both, the other
    /// article, and the earliest source of each passage; with --json one line per
    /// passage and other article.
    Reuse {
        /// The article id (see `marsad articles`).
        id: i64,
        /// JSON Lines: {"id", "passage", "span", "text", "words", "other", "other_span",
        /// "other_text", "first", "earliest"}.
        #[arg(long)]
        json: bool,
    },
    /// What ingest stored about article ID: its entity mentions, quotes, quantities and
    /// dates, each with its byte span into the stored text.
    Annotations {
        /// The article id (see `marsad articles`).
        id: i64,
        /// One JSON object: {"id", "url", "version", "reference_date", "entities",
        /// "quotes", "quantities", "dates"}, items shaped as in `analyze --json`.
        #[arg(long)]
        json: bool,
    },
    /// What the database holds.
    Stats {
        #[arg(long)]
        json: bool,
    },
    /// List stored articles, newest first.
    Articles {
        /// JSON Lines, one article per line.
        #[arg(long)]
        json: bool,
        #[arg(long)]
        outlet: Option<String>,
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
    /// Full-text search with Arabic analysis (بالعراق finds العراق).
    Search {
        #[arg(required = true)]
        query: Vec<String>,
        /// JSON Lines, one hit per line.
        #[arg(long)]
        json: bool,
        #[arg(long, default_value_t = 10)]
        limit: usize,
    },
    /// Stories (articles grouped by the event they cover), newest first: title, article
    /// count, outlets, time span; with --json one story per line with its articles.
    Stories {
        /// JSON Lines: {"id", "title", "first_seen", "last_seen", "outlets", "size",
        /// "articles": [{"id", "url", "outlet", "title", "published"}]}.
        #[arg(long)]
        json: bool,
        /// Every story (no --since / --limit).
        #[arg(long)]
        all: bool,
        /// Stories last seen on or after this date (YYYY-MM-DD, UTC) or RFC 3339 time.
        #[arg(long)]
        since: Option<String>,
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
    /// One story: its members (outlet, title, time, how each joined, duplicate-of) and
    /// the shared terms that hold it together. A merged story's old id resolves.
    Story {
        /// The story id (see `marsad stories`).
        id: i64,
        /// One JSON object: the `stories --json` fields plus "members" and "why".
        #[arg(long)]
        json: bool,
    },
    /// One article's annotations (tokens, sentences, …) without a database.
    Analyze {
        /// A file, or - for stdin.
        path: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Poll feeds and folders listed in a sources file and store new articles as they come
    /// (format: docs/watch.md).
    Watch {
        /// The sources file (TOML: [[source]] url = "..." or path = "...").
        #[arg(long)]
        sources: PathBuf,
        /// Poll every source once, then exit.
        #[arg(long)]
        once: bool,
        /// Seconds between polls of a source that sets no interval of its own [default: 300].
        #[arg(long, value_parser = clap::value_parser!(u64).range(1..))]
        interval: Option<u64>,
        /// Where to keep what was seen across runs [default: <db>.watch-state.json].
        #[arg(long)]
        state: Option<PathBuf>,
        /// Print each round's summary as one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Main-text extraction alone: for each HTML file (folders searched recursively) write
    /// DIR/<stem>.txt (paragraphs separated by blank lines) and DIR/<stem>.json (metadata).
    Extract {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output folder (created if needed).
        #[arg(long)]
        out: PathBuf,
        /// Print the summary as one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Who said what: the quotes in the stored articles (direct and indirect), with the
    /// speaker resolved to a person or organisation where the article says who.
    Quotes {
        /// JSON Lines, one quote per line.
        #[arg(long)]
        json: bool,
        /// Only quotes whose speaker's name contains NAME (Arabic letter forms folded).
        #[arg(long)]
        speaker: Option<String>,
        /// Only the articles of this story (a merged id resolves to its story).
        #[arg(long)]
        story: Option<i64>,
        #[arg(long, default_value_t = 50)]
        limit: usize,
    },
    /// People, organisations and places across the stored articles: canonical name,
    /// aliases (spelling variants merged), roles and counts, most mentioned first.
    Entities {
        /// JSON Lines, one entity per line {"kind", "canonical", "aliases", "roles", "count", "articles"}.
        #[arg(long)]
        json: bool,
        /// Only articles of this outlet.
        #[arg(long)]
        outlet: Option<String>,
        /// Only this kind: PERS, ORG, LOC or MISC.
        #[arg(long)]
        kind: Option<String>,
        /// Only the articles of this story (a merged id resolves to its story).
        #[arg(long)]
        story: Option<i64>,
        #[arg(long, default_value_t = 50)]
        limit: usize,
    },
    /// Train the named-entity tagger on a CoNLL file (`token TAG` per line, blank line
    /// between sentences) and write the model; or, with --cv K, cross-validate over K
    /// contiguous folds and write every sentence's predicted tags.
    TrainNer {
        /// Labeled training file (e.g. ../shared/eval/ner/anercorp_train.txt).
        #[arg(long)]
        train: PathBuf,
        /// Where to write the model (with --cv: the predictions, `token<TAB>tag`).
        #[arg(long)]
        out: PathBuf,
        /// Cross-validate over this many contiguous folds instead of training one model.
        #[arg(long)]
        cv: Option<usize>,
        /// Training epochs.
        #[arg(long, default_value_t = 12)]
        epochs: usize,
        /// The weight table has 2^bits rows.
        #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u32).range(8..=24))]
        bits: u32,
        /// Seed of the sentence order.
        #[arg(long, default_value_t = 2015)]
        seed: u64,
        /// Sentences either side of a sentence that form its document for the second pass.
        #[arg(long, default_value_t = 15)]
        window: u32,
    },
    /// Tag tokens with the shipped entity tagger: --conll reads one token per line
    /// (blank line between sentences) from stdin and prints `token<TAB>tag`.
    Tag {
        /// Token-per-line input and output (the only format for now).
        #[arg(long)]
        conll: bool,
        /// Read the model from this file instead of the shipped one.
        #[arg(long)]
        model: Option<PathBuf>,
    },
    /// Build the word clusters the tagger uses from unlabeled articles (files, folders,
    /// .zip; e.g. ../shared/corpora/saudinewsnet/*.zip) and write the TSV table.
    NerClusters {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output table (crates/marsad-annotate/models/clusters-v1.tsv ships).
        #[arg(long)]
        out: PathBuf,
        /// Words to cluster (most frequent first).
        #[arg(long, default_value_t = 40_000)]
        vocab: usize,
    },
    /// Ingest the bundled example corpus into a fresh database and show what Marsad makes of it.
    Demo {
        /// The example corpus (default: examples/seeds of this repository).
        path: Option<PathBuf>,
    },
}
