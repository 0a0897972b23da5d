//! Versioned schema migrations.
//!
//! `PRAGMA user_version` holds the schema version of a database: 0 for a new file,
//! N after `migrations/000N_*.sql` ran. Each migration runs in its own `BEGIN IMMEDIATE`
//! transaction that also sets `user_version`, so a database is always exactly at one
//! version, and two processes opening a new file at once migrate it once.
//!
//! Adding a version: append `migrations/000N_name.sql` to [`MIGRATIONS`], commit the
//! frozen fixtures `tests/fixtures/schema_vN.sql` and `tests/fixtures/vN.db` (see
//! `tests/fixtures/README.md`), and keep every older fixture test passing.

use rusqlite::{Connection, TransactionBehavior};

/// One step of the schema.
#[derive(Debug, Clone, Copy)]
pub struct Migration {
    /// The `user_version` a database has after this migration.
    pub version: i64,
    pub name: &'static str,
    pub sql: &'static str,
}

/// Every migration, in order; versions are 1, 2, 3 ...
pub const MIGRATIONS: &[Migration] = &[
    Migration { version: 1, name: "initial", sql: include_str!("../migrations/0001_initial.sql") },
    Migration {
        version: 2,
        name: "furniture",
        sql: include_str!("../migrations/0002_furniture.sql"),
    },
    Migration { version: 3, name: "dedup", sql: include_str!("../migrations/0003_dedup.sql") },
    Migration {
        version: 4,
        name: "passages",
        sql: include_str!("../migrations/0004_passages.sql"),
    },
    Migration { version: 5, name: "stories", sql: include_str!("../migrations/0005_stories.sql") },
    Migration {
        version: 6,
        name: "annotations",
        sql: include_str!("../migrations/0006_annotations.sql"),
    },
];

/// The schema version this build creates and understands.
pub const SCHEMA_VERSION: i64 = MIGRATIONS[MIGRATIONS.len() - 1].version;

/// Page size of new databases (SQLite's default is 4096). An article row holds its text
/// twice (original and normalized), ~10 KB for a news article: in 16 KiB pages most rows
/// need no overflow pages. Measured on 31k real articles: insert CPU 3.9 s at 4 KiB,
/// 3.5 s at 8 KiB, 3.1 s at 16 KiB, 2.8 s at 32 KiB.
pub const PAGE_SIZE: i64 = 16384;

pub(crate) fn user_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |row| row.get(0))
}

/// Bring `conn` up to [`SCHEMA_VERSION`], one transaction per migration.
/// The caller has checked that the database is not newer than that.
pub(crate) fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    for migration in MIGRATIONS {
        if user_version(conn)? >= migration.version {
            continue;
        }
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Another process may have migrated while we waited for the write lock.
        if user_version(&tx)? >= migration.version {
            continue;
        }
        tx.execute_batch(migration.sql)?;
        tx.pragma_update(None, "user_version", migration.version)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_consecutive_from_one() {
        for (i, migration) in MIGRATIONS.iter().enumerate() {
            assert_eq!(migration.version, i as i64 + 1, "{}", migration.name);
        }
    }
}
