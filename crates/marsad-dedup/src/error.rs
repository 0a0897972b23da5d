//! Typed errors of the dedup stage.

/// What can go wrong in the dedup stage: only bad settings and malformed
/// stored signatures; text never fails.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DedupError {
    /// The settings are inconsistent (e.g. bands × rows ≠ permutations).
    #[error("invalid dedup settings: {0}")]
    Config(String),
    /// A stored signature has the wrong length.
    #[error("stored signature has {got} bytes, expected {expected}")]
    SignatureLength {
        /// Bytes found.
        got: usize,
        /// Bytes expected (4 × permutations).
        expected: usize,
    },
}
