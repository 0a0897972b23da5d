//! Online story clustering for Marsad: each new article joins the story of
//! the most similar recent article, or starts a story; story ids never change,
//! and a clusterer rebuilt from stored assignments continues exactly as if it
//! had never stopped.
//!
//! - **Input**: [`ArticleInput`] per article, in ingest order: id, optional
//!   publication time (Unix seconds), title, text, and optional evidence —
//!   outlet, `duplicate_of` (from the dedup stage), entity keys (from the NER
//!   stage), number tokens.
//! - **Output**: a [`Decision`] per article (its story, the time used, and
//!   why: new, joined with a score, near-duplicate), for the caller to store;
//!   [`summary::summarize`] gives a story's title (the most central headline),
//!   first/last seen, outlets and size from its stored members.
//! - **Key types**: [`ClusterConfig`] (every setting, defaults tuned on the
//!   SaudiNewsNet dev pairs), [`Clusterer`] (`new`, `assign`, `resume`,
//!   `horizon`), [`Features`] (an article's evidence, computable in parallel).
//!
//! # Algorithm
//!
//! 1. **Features** (`features`): terms from `marsad_text::index_terms`
//!    (normalized, clitics stripped, stemmed, stopwords dropped), so بالعراق
//!    and العراق are one term. An occurrence weighs `title_weight` (3) in the
//!    title, `lead_weight` (2) among the first `lead_terms` (40) body terms,
//!    1 after; only the first `max_text_bytes` (8,000) of the body are read.
//!    Weights become `1 + ln tf`, L2-normalised and quantised to integers.
//!    Distinctive numbers (≥ `min_number_digits` (3) digits, not a year) and
//!    entity keys are kept as sets.
//! 2. **Window** (`clusterer`): `now` is the latest publication time seen (an
//!    article without one gets `now`, i.e. ingest order). Articles published
//!    before `now − window_secs` (3 days) leave the clusterer; their stories
//!    can no longer be joined (a later article on the same event starts a new
//!    story). Memory and time per article depend on the window, not on the
//!    corpus.
//! 3. **IDF** (`idf`): document frequencies over the window, counted exactly;
//!    scores read `idf = ln((N + 1) / (df + 1)) + 1` from a snapshot refreshed
//!    every `idf_refresh_secs` (1 hour) of publication time and whenever the
//!    window grew or shrank by `idf_growth` (1/8, at least 16 articles). A
//!    document-frequency prior from general news (ANERcorp, `prior.rs`, weight
//!    `prior_weight` (1): 496 pseudo-documents) is added to the window's
//!    counts, so the IDF is meaningful on a cold start and the window's own
//!    counts take over as it grows.
//! 4. **Candidates** (`postings`): the article's `query_terms` (12) heaviest
//!    terms among those in at most `max_query_df` (5 %) of the window are
//!    looked up in an inverted index over the window's articles; the
//!    `max_candidates` (16) articles sharing the most query weight are scored
//!    (an article with only common terms looks up its heaviest ones, and may
//!    only join a near-copy, score ≥ 0.8).
//! 5. **Score** (`similarity`): cosine of the IDF-weighted vectors, plus
//!    `number_weight` (0.1) × the share of the article's distinctive numbers
//!    the candidate has, plus `entity_weight` (0.2) × the share of its entity
//!    keys; times `same_outlet_factor` (1, off) when both come from one
//!    outlet; times `0.5^(|Δt| / half_life_secs)` (half-life 3 days).
//! 6. **Decision**: an article whose `duplicate_of` is in the window joins
//!    that article's story. Otherwise it joins the story of the best-scoring
//!    candidate if the score reaches `threshold` (0.34) — single link to the
//!    nearest member, which follows a developing story from one report to the
//!    next — or starts a new story whose id is its own id. Ties go to the
//!    smaller story id. Optionally (`merge_threshold`, off by default) an
//!    article matching members of several stories merges them into the
//!    oldest; the [`Decision`] lists the merged ids so the caller records
//!    `old → new` and old ids keep resolving. Otherwise an id, once given,
//!    never changes.
//!
//! # Resuming
//!
//! Everything a decision reads is a function of the articles in the window
//! and their stories: integer counts, an IDF snapshot taken at a point fixed
//! by publication time, caches keyed by that snapshot, and candidate lists
//! filtered by the window's start. [`Clusterer::resume`] replays the stored
//! articles published since [`Clusterer::horizon`] (the start of the current
//! IDF period less the window), in their original order, with their stored
//! stories (merges resolved) and times, and reaches the same state as a
//! clusterer that never stopped. Ingesting the 18 SaudiNewsNet daily zips one at a time gives the
//! same story for every one of the 30,676 articles as one run
//! (`examples/cluster_corpus.rs --resume`).
//!
//! # Example
//!
//! ```
//! use marsad_cluster::{ArticleInput, ClusterConfig, Clusterer, Decision, DecisionKind};
//!
//! let config = ClusterConfig::default();
//! let mut c = Clusterer::new(config.clone())?;
//! let gold = "تراجعت أسعار الذهب في الأسواق العالمية إلى 1088 دولارا للأونصة، \
//!             وهو أدنى مستوى لها منذ خمس سنوات، مع صعود الدولار الأمريكي.";
//! let quake = "ضرب زلزال بقوة ست درجات جزيرة هوكايدو شمال اليابان دون أن ترد \
//!              تقارير عن أضرار أو إصابات، وفق هيئة الأرصاد اليابانية.";
//! let inputs = [
//!     ArticleInput::new(1, Some(1_438_000_000), "الذهب عند أدنى مستوى في 5 سنوات", gold),
//!     ArticleInput::new(2, Some(1_438_003_600), "زلزال يضرب شمال اليابان", quake),
//!     ArticleInput::new(3, None, "الذهب يهبط إلى 1088 دولارا", format!("{gold} ويتوقع محللون المزيد.")),
//! ];
//! let decisions: Vec<Decision> = inputs.iter().map(|a| c.assign(a)).collect::<Result<_, _>>()?;
//! assert_eq!((decisions[0].story, decisions[0].kind), (1, DecisionKind::New));
//! assert_eq!(decisions[1].story, 2);
//! assert_eq!(decisions[2].story, 1); // joined the gold story
//! assert_eq!(decisions[2].time, 1_438_003_600); // no date: the latest time seen
//!
//! // Later, in another process: resume from what was stored, in order.
//! let horizon = Clusterer::horizon(&config, decisions[2].time);
//! let stored = inputs.iter().zip(&decisions).filter(|(_, d)| d.time >= horizon).map(|(a, d)| {
//!     (ArticleInput { published: Some(d.time), ..a.clone() }, d.story)
//! });
//! let mut resumed = Clusterer::resume(config, stored)?;
//! let next = ArticleInput::new(4, Some(1_438_010_000), "زلزال في اليابان", quake);
//! assert_eq!(resumed.assign(&next)?, c.assign(&next)?);
//! # Ok::<(), marsad_cluster::ClusterError>(())
//! ```

mod clusterer;
mod config;
mod error;
mod features;
mod hash;
mod idf;
mod input;
mod postings;
mod prior;
mod similarity;
pub mod summary;
pub mod why;

pub use clusterer::Clusterer;
pub use config::ClusterConfig;
pub use error::ClusterError;
pub use features::Features;
pub use hash::TermKey;
pub use input::{ArticleInput, Decision, DecisionKind, StoryId};
