//! Typed errors of the store, each naming the database path.

use rusqlite::ErrorCode;

/// Why a store operation failed. Every variant names the database it concerns.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: not a Marsad database (file is not an SQLite database)")]
    NotADatabase { path: String },
    #[error("{path}: database is read-only")]
    ReadOnly { path: String },
    #[error("{path}: schema version {found} is newer than this marsad understands ({supported})")]
    TooNew { path: String, found: i64, supported: i64 },
    /// `open_read_only` on a database whose schema is older than this build's: opening it
    /// once for writing (e.g. `marsad ingest`) upgrades it.
    #[error(
        "{path}: schema version {found} is older than this marsad's ({supported}); \
         open it for writing once to upgrade it"
    )]
    TooOld { path: String, found: i64, supported: i64 },
    #[error("{path}: no such database")]
    NotFound { path: String },
    /// Another process kept the write lock longer than the busy timeout.
    #[error("{path}: database is locked by another writer (waited {waited_ms} ms)")]
    Locked { path: String, waited_ms: u64 },
    #[error("{path}: {source}")]
    Sqlite { path: String, source: rusqlite::Error },
}

impl StoreError {
    /// Classify an SQLite error met while working on the database at `path`.
    pub(crate) fn from_sqlite(path: &str, waited_ms: u64, source: rusqlite::Error) -> Self {
        let path = path.to_owned();
        match source.sqlite_error_code() {
            Some(ErrorCode::NotADatabase) => StoreError::NotADatabase { path },
            Some(ErrorCode::ReadOnly) => StoreError::ReadOnly { path },
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
                StoreError::Locked { path, waited_ms }
            }
            _ => StoreError::Sqlite { path, source },
        }
    }
}
