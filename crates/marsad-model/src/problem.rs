use serde::{Deserialize, Serialize};

/// Something in the input that could not become an article: it names the file,
/// the record within it when there is one (`line 12`, `record 7`, `member a/b.json`),
/// and why. Problems are counted and reported; they never stop an ingest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadProblem {
    pub file: String,
    pub record: Option<String>,
    pub reason: String,
}

impl ReadProblem {
    pub fn new(file: impl Into<String>, record: Option<String>, reason: impl Into<String>) -> Self {
        Self { file: file.into(), record, reason: reason.into() }
    }
}

impl std::fmt::Display for ReadProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.record {
            Some(record) => write!(f, "{} ({record}): {}", self.file, self.reason),
            None => write!(f, "{}: {}", self.file, self.reason),
        }
    }
}
