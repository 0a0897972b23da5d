//! Bad files, read-only files and directories, locked databases.
//!
//! Read-only tests run their checks in a child process (this test binary again, with
//! `MARSAD_STORE_TEST_CHILD` set, filtered to one `child_*` test). When the tests run as
//! root, for whom file permissions do not stop writes, the child runs as user `nobody`
//! (uid 65534): the permission bits then mean what they say, so the store meets a real
//! read-only file, not a simulation.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code

mod common;

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use marsad_store::{ArticleStore, SqliteStore, StoreError};

const CHILD_ENV: &str = "MARSAD_STORE_TEST_CHILD";
const NOBODY: u32 = 65534;

fn running_as_root() -> bool {
    let file = tempfile::NamedTempFile::new().unwrap();
    file.as_file().metadata().unwrap().uid() == 0
}

fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// Run the test `name` of this binary in a child process (as `nobody` when we are root)
/// with `db` in its environment; fail with the child's output when it fails.
fn run_child(name: &str, db: &Path) {
    let mut command = Command::new(std::env::current_exe().unwrap());
    command.args(["--exact", name, "--nocapture", "--test-threads=1"]).env(CHILD_ENV, db);
    if running_as_root() {
        command.uid(NOBODY).gid(NOBODY);
    }
    let output = command.output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "child {name} failed:\n{stdout}\n{stderr}");
    assert!(stdout.contains("1 passed"), "child {name} did not run:\n{stdout}\n{stderr}");
}

/// The database path when this process is a child started by [`run_child`].
fn child_db() -> Option<PathBuf> {
    std::env::var_os(CHILD_ENV).map(PathBuf::from)
}

/// A database with two articles in a directory everyone may enter and write.
fn small_database() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    chmod(dir.path(), 0o777);
    let path = dir.path().join("news.db");
    let mut store = SqliteStore::open(&path).unwrap();
    store
        .insert_batch(&[
            common::prepared(Some("u:1"), "a", "خبر أول", "نص الخبر الأول"),
            common::prepared(Some("u:2"), "b", "خبر ثان", "نص الخبر الثاني"),
        ])
        .unwrap();
    drop(store);
    assert!(!dir.path().join("news.db-wal").exists(), "closing removes the WAL");
    (dir, path)
}

/// What a read-only database must allow and refuse (runs in the child).
fn check_read_only(path: &Path) {
    match SqliteStore::open(path) {
        Err(StoreError::ReadOnly { path: p }) => assert_eq!(p, path.display().to_string()),
        other => panic!("expected ReadOnly, got {other:?}"),
    }
    let err = SqliteStore::open(path).unwrap_err();
    assert!(err.to_string().contains("news.db") && err.to_string().contains("read-only"), "{err}");
    let reader = SqliteStore::open_read_only(path).unwrap();
    assert_eq!(reader.stats().unwrap().articles, 2);
    assert_eq!(reader.search(&["الثاني".to_owned()], 5).unwrap()[0].article.url, "u:2");
    assert!(reader.integrity_check().unwrap().is_empty());
}

#[test]
fn a_read_only_file_is_refused_for_writing_and_read_by_a_reader() {
    let (_dir, path) = small_database();
    chmod(&path, 0o444);
    run_child("child_read_only", &path);
}

#[test]
fn a_database_in_a_read_only_directory_is_refused_for_writing_and_read_by_a_reader() {
    let (dir, path) = small_database();
    chmod(&path, 0o666);
    chmod(dir.path(), 0o555);
    run_child("child_read_only", &path);
    chmod(dir.path(), 0o755);
}

#[test]
fn child_read_only() {
    if let Some(path) = child_db() {
        check_read_only(&path);
    }
}

#[test]
fn a_text_file_is_not_a_database() {
    let dir = tempfile::tempdir().unwrap();
    for (name, content) in [
        ("notes.txt", "hello, this is not a database\n".to_string()),
        ("long.db", "نص عربي طويل وليس قاعدة بيانات. ".repeat(200)),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, &content).unwrap();
        for result in [SqliteStore::open(&path), SqliteStore::open_read_only(&path)] {
            let err = result.unwrap_err();
            match &err {
                StoreError::NotADatabase { path: p } => assert_eq!(p, &path.display().to_string()),
                other => panic!("{name}: expected NotADatabase, got {other:?}"),
            }
            assert!(err.to_string().contains(name), "{err}");
        }
        assert_eq!(std::fs::read_to_string(&path).unwrap(), content, "the file was changed");
    }
}

#[test]
fn missing_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("absent.db");
    let err = SqliteStore::open_read_only(&path).unwrap_err();
    assert!(matches!(err, StoreError::NotFound { .. }), "{err:?}");
    assert!(err.to_string().contains("absent.db"), "{err}");
    assert!(!path.exists(), "a reader must not create the file");

    let nested = dir.path().join("no/such/dir/news.db");
    let err = SqliteStore::open(&nested).unwrap_err();
    assert!(err.to_string().contains("no/such/dir/news.db"), "{err}");
}

#[test]
fn a_writer_waits_for_another_writer_then_fails_clearly() {
    let (_dir, path) = small_database();
    let other = rusqlite::Connection::open(&path).unwrap();
    other.execute_batch("BEGIN IMMEDIATE; DELETE FROM articles WHERE 0;").unwrap();

    // Opening for writing does not wait for the lock, and readers are never blocked.
    let mut store = SqliteStore::open(&path).unwrap();
    let reader = SqliteStore::open_read_only(&path).unwrap();
    assert_eq!(reader.stats().unwrap().articles, 2);

    store.set_busy_timeout(Duration::from_millis(300)).unwrap();
    let started = Instant::now();
    let err =
        store.insert_batch(&[common::prepared(Some("u:3"), "c", "خبر", "نص ثالث")]).unwrap_err();
    assert!(started.elapsed() >= Duration::from_millis(250), "{:?}", started.elapsed());
    assert!(matches!(err, StoreError::Locked { waited_ms: 300, .. }), "{err:?}");
    assert!(err.to_string().contains("news.db") && err.to_string().contains("locked"), "{err}");

    other.execute_batch("COMMIT").unwrap();
    store.insert_batch(&[common::prepared(Some("u:3"), "c", "خبر", "نص ثالث")]).unwrap();
    assert_eq!(reader.stats().unwrap().articles, 3);
}

#[test]
fn a_writer_waits_while_another_finishes() {
    let (_dir, path) = small_database();
    let other = rusqlite::Connection::open(&path).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    let holder = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(300));
        other.execute_batch("COMMIT").unwrap();
    });
    let mut store = SqliteStore::open(&path).unwrap();
    let outcome = store.insert_batch(&[common::prepared(Some("u:3"), "c", "خبر", "نص ثالث")]);
    assert!(outcome.is_ok(), "{outcome:?}");
    holder.join().unwrap();
}
