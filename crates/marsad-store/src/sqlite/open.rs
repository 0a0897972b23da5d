//! Opening a database file: error classification, write checks, pragmas, migrations.

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags};

use super::SqliteStore;
use crate::error::StoreError;
use crate::schema::{self, PAGE_SIZE, SCHEMA_VERSION};

/// How long a writer waits for another writer before giving up.
pub(crate) const DEFAULT_BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Page cache per connection (negative = KiB): 32 MiB. Measured on the whole corpus,
/// 64 MiB made ingest no faster and cost 30–80 MB of peak memory.
const CACHE_SIZE_KIB: i64 = 32 * 1024;
/// Memory-mapped reads, 256 MiB.
const MMAP_SIZE: i64 = 256 * 1024 * 1024;
/// After a checkpoint the WAL file is truncated to this size.
const JOURNAL_SIZE_LIMIT: i64 = 64 * 1024 * 1024;
/// Checkpoint the WAL once it holds this many pages (default 1000): fewer, larger
/// checkpoints during an ingest.
const WAL_AUTOCHECKPOINT_PAGES: i64 = 4000;

pub(crate) fn open(path: &Path) -> Result<SqliteStore, StoreError> {
    // Some steps of opening (switching a new file to WAL, WAL recovery) report BUSY
    // at once instead of calling the busy handler when another process is opening the
    // same file: retry the whole open until the busy timeout has passed.
    let started = std::time::Instant::now();
    loop {
        match try_open(path) {
            Err(StoreError::Locked { .. }) if started.elapsed() < DEFAULT_BUSY_TIMEOUT => {
                std::thread::sleep(Duration::from_millis(20));
            }
            result => return result,
        }
    }
}

fn try_open(path: &Path) -> Result<SqliteStore, StoreError> {
    let name = path.display().to_string();
    let err = sql_err(&name);
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut conn = Connection::open_with_flags(path, flags).map_err(err)?;
    // SQLite silently falls back to read-only when the file cannot be opened for writing.
    if conn.is_readonly("main").map_err(err)? {
        return Err(StoreError::ReadOnly { path: name });
    }
    conn.busy_timeout(DEFAULT_BUSY_TIMEOUT).map_err(err)?;
    let version = schema::user_version(&conn).map_err(|e| classify_open_error(path, e))?;
    if version > SCHEMA_VERSION {
        return Err(StoreError::TooNew { path: name, found: version, supported: SCHEMA_VERSION });
    }
    if version == 0 {
        let pages: i64 = conn.query_row("PRAGMA page_count", [], |r| r.get(0)).map_err(err)?;
        if pages == 0 {
            conn.pragma_update(None, "page_size", PAGE_SIZE).map_err(err)?;
        }
    }
    let mode: String = conn
        .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
        .map_err(|e| classify_open_error(path, e))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(StoreError::ReadOnly { path: name });
    }
    check_writable(&conn, path)?;
    schema::migrate(&mut conn).map_err(|e| classify_open_error(path, e))?;
    configure(&conn, true).map_err(err)?;
    Ok(SqliteStore::new(conn, name, DEFAULT_BUSY_TIMEOUT))
}

pub(crate) fn open_read_only(path: &Path) -> Result<SqliteStore, StoreError> {
    let name = path.display().to_string();
    if !path.exists() {
        return Err(StoreError::NotFound { path: name });
    }
    let err = sql_err(&name);
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut conn = Connection::open_with_flags(path, flags).map_err(err)?;
    conn.busy_timeout(DEFAULT_BUSY_TIMEOUT).map_err(err)?;
    let version = match schema::user_version(&conn) {
        Ok(version) => version,
        // A WAL database in a directory we cannot write, with no -wal/-shm files
        // (SQLITE_READONLY_DIRECTORY, or CANTOPEN): nobody can be writing to it (a writer
        // would have created them), so read it as immutable.
        Err(e)
            if matches!(
                e.sqlite_error_code(),
                Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen)
            ) =>
        {
            let flags = flags | OpenFlags::SQLITE_OPEN_URI;
            conn = Connection::open_with_flags(immutable_uri(path), flags).map_err(err)?;
            schema::user_version(&conn).map_err(err)?
        }
        Err(e) => return Err(err(e)),
    };
    if version > SCHEMA_VERSION {
        return Err(StoreError::TooNew { path: name, found: version, supported: SCHEMA_VERSION });
    }
    if version < SCHEMA_VERSION {
        return Err(StoreError::TooOld { path: name, found: version, supported: SCHEMA_VERSION });
    }
    configure(&conn, false).map_err(err)?;
    Ok(SqliteStore::new(conn, name, DEFAULT_BUSY_TIMEOUT))
}

pub(crate) fn open_in_memory() -> Result<SqliteStore, StoreError> {
    let name = ":memory:".to_owned();
    let err = sql_err(&name);
    let mut conn = Connection::open_in_memory().map_err(err)?;
    schema::migrate(&mut conn).map_err(err)?;
    configure(&conn, true).map_err(err)?;
    Ok(SqliteStore::new(conn, name, DEFAULT_BUSY_TIMEOUT))
}

fn sql_err(name: &str) -> impl Fn(rusqlite::Error) -> StoreError + Copy + '_ {
    move |e| StoreError::from_sqlite(name, millis(DEFAULT_BUSY_TIMEOUT), e)
}

pub(crate) fn millis(duration: Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX)
}

/// Per-connection settings (none of them is stored in the file).
fn configure(conn: &Connection, writer: bool) -> rusqlite::Result<()> {
    conn.pragma_update(None, "foreign_keys", true)?;
    conn.pragma_update(None, "cache_size", -CACHE_SIZE_KIB)?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    conn.pragma_update(None, "mmap_size", MMAP_SIZE)?;
    if writer {
        // With WAL, NORMAL loses no consistency on a crash (only the last commits on a
        // power loss); never OFF.
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "journal_size_limit", JOURNAL_SIZE_LIMIT)?;
        conn.pragma_update(None, "wal_autocheckpoint", WAL_AUTOCHECKPOINT_PAGES)?;
    } else {
        conn.pragma_update(None, "query_only", true)?;
    }
    conn.set_prepared_statement_cache_capacity(32);
    Ok(())
}

/// Fail at open, not at the first insert, when the database cannot be written
/// (e.g. its directory is read-only, so the WAL cannot be created).
fn check_writable(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let name = path.display().to_string();
    let err = sql_err(&name);
    // Do not wait here: a busy database is a writable one.
    conn.busy_timeout(Duration::ZERO).map_err(err)?;
    let probe = conn.execute_batch("BEGIN IMMEDIATE; ROLLBACK;");
    conn.busy_timeout(DEFAULT_BUSY_TIMEOUT).map_err(err)?;
    match probe {
        Ok(()) => Ok(()),
        Err(e) => match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Ok(()),
            _ => Err(classify_open_error(path, e)),
        },
    }
}

/// Like [`StoreError::from_sqlite`], plus: an existing file SQLite cannot open for
/// writing (its journal or WAL cannot be created) is a read-only database.
fn classify_open_error(path: &Path, e: rusqlite::Error) -> StoreError {
    let name = path.display().to_string();
    match e.sqlite_error_code() {
        Some(ErrorCode::CannotOpen) if path.is_file() => StoreError::ReadOnly { path: name },
        _ => sql_err(&name)(e),
    }
}

/// `file:` URI of `path` with `immutable=1`, every byte outside the unreserved set
/// percent-encoded.
fn immutable_uri(path: &Path) -> String {
    #[cfg(unix)]
    let bytes = std::os::unix::ffi::OsStrExt::as_bytes(path.as_os_str()).to_vec();
    #[cfg(not(unix))]
    let bytes = path.to_string_lossy().as_bytes().to_vec();
    let mut uri = String::from("file:");
    for &byte in &bytes {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            uri.push(char::from(byte));
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri.push_str("?immutable=1");
    uri
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uri_escapes_everything_but_unreserved() {
        let uri = immutable_uri(Path::new("/tmp/a b?#%/مرصد.db"));
        assert_eq!(uri, "file:/tmp/a%20b%3F%23%25/%D9%85%D8%B1%D8%B5%D8%AF.db?immutable=1");
    }
}
