//! Online story clustering for Marsad (placeholder doc, expanded below).

mod clusterer;
mod config;
mod error;
mod features;
mod hash;
mod idf;
mod input;
mod postings;
mod similarity;
pub mod summary;

pub use clusterer::Clusterer;
pub use config::ClusterConfig;
pub use error::ClusterError;
pub use features::Features;
pub use hash::TermKey;
pub use input::{ArticleInput, Decision, DecisionKind, StoryId};
