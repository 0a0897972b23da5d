//! Named entities: a fast Arabic tagger (PERS / ORG / LOC / MISC, BIO), mention
//! extraction with byte spans, in-article linking (surname → full name), roles, and
//! cross-article merging of spelling variants.
//!
//! - [`NerModel`]: averaged structured perceptron over hashed features
//!   ([`features`](self) lists the templates), Viterbi decoding; trained by
//!   [`train`] (`marsad train-ner`), shipped as `models/ner-v1.bin`.
//! - [`ClusterTable`]: word clusters from unlabeled SaudiNewsNet text, built by
//!   [`ClusterBuilder`] (`marsad ner-clusters`), shipped as `models/clusters-v1.tsv`.
//! - [`annotate_entities`]: one article's [`EntityMention`]s (byte spans, kind,
//!   canonical name within the article, role), and [`EntityResolver`], which merges
//!   articles' entities into [`Entity`]s with aliases, roles and counts.
//! - [`skeleton`] / [`similar_words`]: transliteration-aware name keys.
//! - [`read_labeled`] / [`write_tagged`]: the CoNLL token-per-line format.
//!
//! ```no_run
//! use marsad_annotate::entities::{annotate_entities, EntityResolver};
//!
//! let text = "استقبل وزير الدفاع الأمريكي لويد أوستن نظيره العراقي. وقال أوستن إن …";
//! let mentions = annotate_entities(text).unwrap_or_default();
//! let mut resolver = EntityResolver::new();
//! resolver.add_article(&mentions);
//! for entity in resolver.entities() {
//!     println!("{} {} {:?} {:?}", entity.kind, entity.canonical, entity.aliases, entity.roles);
//! }
//! ```

mod cluster_build;
mod clusters;
mod conll;
mod fast_tagger;
mod feature_parts;
mod features;
mod hints;
mod lexicon;
mod linking;
mod mentions;
mod model;
mod reference_tagger;
mod resolver;
mod skeleton;
mod surface_index;
mod tags;
mod train;
mod weight_rows;
mod word_types;

pub use cluster_build::{ClusterBuilder, ClusterOptions};
pub use clusters::ClusterTable;
pub use conll::{read_labeled, split_line, write_tagged, LabeledSentence};
pub use features::{feature_signature, FEATURE_VERSION, NUM_FEATURES};
pub use lexicon::word_key;
pub use mentions::{annotate_entities, annotate_entities_with, EntityMention};
pub use model::{ModelError, NerModel, MODEL_VERSION, SHIPPED_MODEL};
pub use resolver::{Entity, EntityResolver};
pub use skeleton::{similar_skeletons, similar_words, skeleton};
pub use tags::{chunks, Chunk, EntityKind, Tag, NUM_TAGS};
pub use train::{cross_validate, train, train_with_progress, TrainOptions};
