//! Named entities: a fast Arabic tagger (PERS / ORG / LOC / MISC, BIO), mention
//! extraction with byte spans, in-article linking (surname → full name), roles, and
//! cross-article merging of spelling variants.
//!
//! - [`NerModel`]: averaged structured perceptron over hashed features
//!   ([`features`](self) lists the templates), Viterbi decoding; trained by
//!   [`train`] (`marsad train-ner`), shipped as `models/ner-v1.bin`.
//! - [`ClusterTable`]: word clusters from unlabeled SaudiNewsNet text, built by
//!   [`ClusterBuilder`] (`marsad ner-clusters`), shipped as `models/clusters-v1.tsv`.
//! - [`read_labeled`] / [`write_tagged`]: the CoNLL token-per-line format.

mod cluster_build;
mod clusters;
mod conll;
mod features;
mod hints;
mod lexicon;
mod model;
mod tags;
mod train;

pub use cluster_build::{ClusterBuilder, ClusterOptions};
pub use clusters::ClusterTable;
pub use conll::{read_labeled, split_line, write_tagged, LabeledSentence};
pub use features::{feature_signature, FEATURE_VERSION, NUM_FEATURES};
pub use lexicon::word_key;
pub use model::{ModelError, NerModel, MODEL_VERSION, SHIPPED_MODEL};
pub use tags::{chunks, Chunk, EntityKind, Tag, NUM_TAGS};
pub use train::{cross_validate, train, train_with_progress, TrainOptions};
