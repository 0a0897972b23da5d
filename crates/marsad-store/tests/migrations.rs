//! Schema versions and their frozen fixtures (see tests/fixtures/README.md).
//!
//! Per on-disk version N there are two frozen files: `schema_vN.sql` (the schema a
//! database at version N has) and `vN.db` (a small database written by the code of
//! version N). Every later build must open every `vN.db`, read it, and write to it.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code

mod common;

use std::path::{Path, PathBuf};

use marsad_store::{
    AnnotationStore, ArticleStore, InsertOutcome, SqliteStore, StoreError, StoryFilter, StoryStore,
    SCHEMA_VERSION,
};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

/// A writable copy of a frozen fixture database.
fn copy_of(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::copy(fixture(name), &path).unwrap();
    (dir, path)
}

fn read_fixture(name: &str) -> String {
    std::fs::read_to_string(fixture(name)).unwrap()
}

#[test]
fn a_new_database_has_the_latest_version_and_its_frozen_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.db");
    let store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    drop(store);
    let expected = read_fixture(&format!("schema_v{SCHEMA_VERSION}.sql"));
    assert_eq!(
        common::schema_dump(&path).unwrap(),
        expected,
        "the schema changed without a new migration (migrations/NNNN_name.sql)"
    );
}

#[test]
fn frozen_v1_database_has_the_frozen_v1_schema() {
    let (_dir, path) = copy_of("v1.db");
    assert_eq!(common::schema_dump(&path).unwrap(), read_fixture("schema_v1.sql"));
}

#[test]
fn frozen_v1_database_opens_reads_and_accepts_inserts() {
    let (_dir, path) = copy_of("v1.db");
    let mut store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert!(store.integrity_check().unwrap().is_empty());

    let stats = store.stats().unwrap();
    assert_eq!((stats.articles, stats.outlets, stats.exact_duplicates), (5, 4, 1));
    assert_eq!(stats.first_published.as_deref(), Some("2015-07-21T10:00:00+03:00"));
    assert_eq!(stats.last_published.as_deref(), Some("2015-08-01T08:30:00+00:00"));
    assert_eq!(stats.per_outlet[0].outlet, "aawsat");

    let expected = common::fixture_articles();
    let first = store.article(1).unwrap().unwrap();
    assert_eq!(first.text, expected[0].raw.text);
    assert_eq!(first.author, expected[0].raw.author);
    assert_eq!(first.metadata, expected[0].raw.metadata);
    assert_eq!(first.published, expected[0].raw.published);
    assert_eq!(store.article(2).unwrap().unwrap().duplicate_of, Some(1));
    assert_eq!(store.article(3).unwrap().unwrap().text, expected[2].raw.text, "the update");
    assert_eq!(store.article(4).unwrap().unwrap().url, "seeds/004.txt");

    let hits = store.search(&["الحوار".to_owned()], 10).unwrap();
    assert_eq!(hits.iter().map(|h| h.article.id).collect::<Vec<_>>(), [1, 2]);
    assert!(store.search(&["أول".to_owned()], 10).unwrap().is_empty(), "replaced text");

    // The same records again: nothing changes (keys and hashes are stable on disk).
    let again = store.insert_batch(&expected).unwrap();
    assert_eq!(again, (1..=5).map(|id| InsertOutcome::Unchanged { id }).collect::<Vec<_>>());
    // New records are added and linked to the stored originals.
    let copy =
        common::prepared(Some("https://new.example/6"), "new", "نسخة", &expected[0].raw.text);
    let other = common::prepared(Some("https://new.example/7"), "new", "جديد", "خبر جديد تماما");
    let added = store.insert_batch(&[copy, other]).unwrap();
    assert_eq!(
        added,
        [
            InsertOutcome::Added { id: 6, duplicate_of: Some(1) },
            InsertOutcome::Added { id: 7, duplicate_of: None }
        ]
    );
    assert_eq!(store.search(&["تماما".to_owned()], 10).unwrap()[0].article.id, 7);
    store.optimize().unwrap();
    assert!(store.integrity_check().unwrap().is_empty());
    drop(store);

    // Migrated, it has exactly the schema of a new database.
    let latest = read_fixture(&format!("schema_v{SCHEMA_VERSION}.sql"));
    assert_eq!(common::schema_dump(&path).unwrap(), latest);
    // And a reader opens it.
    let reader = SqliteStore::open_read_only(&path).unwrap();
    assert_eq!(reader.stats().unwrap().articles, 7);
}

#[test]
fn frozen_v1_database_migrates_to_v2_with_its_data_intact() {
    let (_dir, path) = copy_of("v1.db");
    let mut store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let expected = common::fixture_articles();
    for (id, article) in (1..).zip(&expected) {
        let stored = store.article(id).unwrap().unwrap();
        assert_eq!(
            (stored.title.as_str(), stored.text.as_str()),
            (article.title.as_str(), article.raw.text.as_str())
        );
        // v1 removed nothing.
        assert_eq!(store.furniture(id).unwrap(), Some(Vec::new()));
    }
    assert_eq!(store.furniture(99).unwrap(), None);
    // v1 articles' lines were never counted.
    assert_eq!(store.outlet_lines("aawsat", 1).unwrap(), marsad_store::OutletLines::default());
    // Their source hash is their v1 content hash: the same records are unchanged, the
    // record without URL included (its key is built from that hash).
    let again = store.insert_batch(&expected).unwrap();
    assert_eq!(again, (1..=5).map(|id| InsertOutcome::Unchanged { id }).collect::<Vec<_>>());
    // New articles are counted from now on.
    store.insert_batch(&[common::fixture_v2_furniture()]).unwrap();
    let alwatan = store.outlet_lines("alwatan", 1).unwrap();
    assert_eq!(alwatan.articles, 1);
    assert_eq!(alwatan.lines.len(), 3, "{alwatan:?}");
}

#[test]
fn a_reader_refuses_the_v1_database_until_a_writer_upgrades_it() {
    let (_dir, path) = copy_of("v1.db");
    match SqliteStore::open_read_only(&path) {
        Err(StoreError::TooOld { found: 1, supported, .. }) => {
            assert_eq!(supported, SCHEMA_VERSION)
        }
        other => panic!("expected TooOld, got {other:?}"),
    }
    let err = SqliteStore::open_read_only(&path).unwrap_err().to_string();
    assert!(err.contains("open it for writing once to upgrade it"), "{err}");
    drop(SqliteStore::open(&path).unwrap());
    assert_eq!(SqliteStore::open_read_only(&path).unwrap().stats().unwrap().articles, 5);
}

#[test]
fn frozen_v2_database_has_the_frozen_v2_schema() {
    let (_dir, path) = copy_of("v2.db");
    assert_eq!(common::schema_dump(&path).unwrap(), read_fixture("schema_v2.sql"));
}

#[test]
fn frozen_v2_database_opens_reads_and_accepts_inserts() {
    let (_dir, path) = copy_of("v2.db");
    let mut store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert!(store.integrity_check().unwrap().is_empty());

    let stats = store.stats().unwrap();
    assert_eq!((stats.articles, stats.outlets, stats.exact_duplicates), (6, 5, 1));
    let mut expected = common::fixture_articles();
    expected.push(common::fixture_v2_furniture());
    for (id, article) in (1..).zip(&expected) {
        let stored = store.article(id).unwrap().unwrap();
        assert_eq!(stored.text, article.raw.text, "article {id}");
        assert_eq!(store.furniture(id).unwrap().as_ref(), Some(&article.furniture), "article {id}");
    }
    // The furniture of article 6: kept aside, its span pointing into the text as read.
    let furniture = store.furniture(6).unwrap().unwrap();
    assert_eq!(furniture.len(), 1);
    assert_eq!(furniture[0].reason, "marker: مقالات مشابهة");
    assert!(furniture[0].text.starts_with("مقالات مشابهة"));
    assert!(!store.article(6).unwrap().unwrap().text.contains("مقالات مشابهة"));
    // Counted lines: one article per outlet except aawsat (two originals) and alriyadh
    // (an exact copy, not counted).
    let counted = |outlet: &str| store.outlet_lines(outlet, 1).unwrap();
    assert_eq!(counted("aawsat").articles, 2);
    assert_eq!(counted("alriyadh").articles, 0);
    assert_eq!(counted("alwatan").articles, 1);
    assert_eq!(counted("alwatan").lines.len(), 3);
    assert!(store.outlet_lines("alwatan", 2).unwrap().lines.is_empty());
    // The furniture's words are not indexed; the kept text's are.
    assert!(store.search(&["عنوان".to_owned()], 10).unwrap().is_empty());
    assert_eq!(store.search(&["واشنطن".to_owned()], 10).unwrap()[0].article.id, 6);

    // The same records again: nothing changes.
    let again = store.insert_batch(&expected).unwrap();
    assert_eq!(again, (1..=6).map(|id| InsertOutcome::Unchanged { id }).collect::<Vec<_>>());
    // A new article of the outlet is counted.
    let new = common::prepared(
        Some("https://alwatan.example/7"),
        "alwatan",
        "جديد",
        "وصل وزير الدفاع العراقي إلى واشنطن لبدء الحوار الأمني\nخبر جديد تماما",
    );
    assert_eq!(
        store.insert_batch(&[new]).unwrap()[0],
        InsertOutcome::Added { id: 7, duplicate_of: None }
    );
    let alwatan = store.outlet_lines("alwatan", 2).unwrap();
    assert_eq!((alwatan.articles, alwatan.lines.len()), (2, 1));
    store.optimize().unwrap();
    assert!(store.integrity_check().unwrap().is_empty());
    drop(store);
    assert_eq!(
        common::schema_dump(&path).unwrap(),
        read_fixture(&format!("schema_v{SCHEMA_VERSION}.sql"))
    );
}

#[test]
fn frozen_v2_database_migrates_to_v3_with_no_signatures_yet() {
    let (_dir, path) = copy_of("v2.db");
    let mut store = SqliteStore::open(&path).unwrap();
    assert!(store.signatures().unwrap().is_empty());
    assert!(store.near_duplicates().unwrap().is_empty());
    let (signatures, pairs) = common::fixture_v3_dedup();
    store.store_dedup(&signatures, &pairs).unwrap();
    assert_eq!(store.signatures().unwrap(), signatures);
    assert_eq!(store.near_duplicates().unwrap(), pairs);
}

#[test]
fn frozen_v3_database_has_the_frozen_v3_schema() {
    let (_dir, path) = copy_of("v3.db");
    assert_eq!(common::schema_dump(&path).unwrap(), read_fixture("schema_v3.sql"));
}

#[test]
fn frozen_v3_database_opens_reads_and_accepts_inserts() {
    let (_dir, path) = copy_of("v3.db");
    let mut store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert!(store.integrity_check().unwrap().is_empty());
    let stats = store.stats().unwrap();
    assert_eq!((stats.articles, stats.outlets, stats.exact_duplicates), (6, 5, 1));
    let (signatures, pairs) = common::fixture_v3_dedup();
    assert_eq!(store.signatures().unwrap(), signatures);
    assert_eq!(store.near_duplicates().unwrap(), pairs);

    // New signatures and pairs; a pair given as (b, a) is stored as (a, b); a stored
    // pair is replaced, not doubled.
    let new = common::prepared(Some("https://new.example/7"), "new", "جديد", "خبر جديد تماما");
    assert_eq!(
        store.insert_batch(&[new]).unwrap()[0],
        InsertOutcome::Added { id: 7, duplicate_of: None }
    );
    let pair = |a, b, similarity| marsad_store::NearDuplicate {
        a,
        b,
        similarity,
        kind: "near".to_owned(),
    };
    store.store_dedup(&[(7, vec![9; 512])], &[pair(7, 6, 0.75), pair(1, 6, 0.625)]).unwrap();
    assert_eq!(store.signatures().unwrap().len(), 4);
    assert_eq!(
        store.near_duplicates().unwrap(),
        [pairs[0].clone(), pair(1, 6, 0.625), pair(6, 7, 0.75)]
    );
    store.optimize().unwrap();
    assert!(store.integrity_check().unwrap().is_empty());
    drop(store);
    assert_eq!(
        common::schema_dump(&path).unwrap(),
        read_fixture(&format!("schema_v{SCHEMA_VERSION}.sql"))
    );
}

#[test]
fn frozen_v3_database_migrates_to_v4_with_every_article_left_to_fingerprint() {
    let (_dir, path) = copy_of("v3.db");
    let mut store = SqliteStore::open(&path).unwrap();
    assert!(store.passage_prints().unwrap().is_empty());
    assert!(store.passages().unwrap().is_empty());
    // Every article waits for the backfill, the three with a signature marked so.
    let waiting = store.unprinted_articles(100).unwrap();
    assert_eq!(waiting.iter().map(|a| a.id).collect::<Vec<_>>(), [1, 2, 3, 4, 5, 6]);
    let signed: Vec<i64> = waiting.iter().filter(|a| a.has_signature).map(|a| a.id).collect();
    assert_eq!(signed, [1, 2, 6]);
    assert_eq!(waiting[0].text, common::fixture_articles()[0].raw.text);
    assert_eq!(
        waiting[0].published.map(|p| p.to_rfc3339()).as_deref(),
        Some("2015-07-21T10:00:00+03:00")
    );
    assert_eq!(store.unprinted_articles(2).unwrap().len(), 2);
    let (prints, passages) = common::fixture_v4_passages();
    store.store_passages(&prints, &passages, &[]).unwrap();
    assert_eq!(
        store.unprinted_articles(100).unwrap().iter().map(|a| a.id).collect::<Vec<_>>(),
        [3, 5]
    );
    assert_eq!(store.passages().unwrap(), passages);
}

#[test]
fn frozen_v4_database_has_the_frozen_v4_schema() {
    let (_dir, path) = copy_of("v4.db");
    assert_eq!(common::schema_dump(&path).unwrap(), read_fixture("schema_v4.sql"));
}

#[test]
fn frozen_v4_database_opens_reads_and_accepts_inserts() {
    let (_dir, path) = copy_of("v4.db");
    let mut store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert!(store.integrity_check().unwrap().is_empty());
    let (prints, passages) = common::fixture_v4_passages();
    assert_eq!(store.passage_prints().unwrap(), prints);
    assert_eq!(store.passages().unwrap(), passages);
    assert_eq!(store.passages_of(2).unwrap(), passages);
    assert!(store.passages_of(6).unwrap().is_empty());
    let (other, mine, theirs) = passages[0].seen_from(2).unwrap();
    assert_eq!((other, mine, theirs), (1, passages[0].b_span, passages[0].a_span));
    let text = store.article(2).unwrap().unwrap().text;
    assert_eq!(passages[0].b_span.slice(&text), text);

    // A new article and a passage given as (b, a): stored as (a, b); stored again it
    // is replaced, not doubled; replacing article 7's text forgets its passages.
    let new = common::prepared(Some("https://new.example/7"), "new", "جديد", "خبر جديد تماما");
    assert_eq!(
        store.insert_batch(&[new]).unwrap()[0],
        InsertOutcome::Added { id: 7, duplicate_of: None }
    );
    let reversed = marsad_store::ReusedPassage {
        a: 7,
        b: 6,
        a_span: marsad_model::Span::new(0, 4),
        b_span: marsad_model::Span::new(2, 9),
        words: 12,
        source: 6,
    };
    for _ in 0..2 {
        store
            .store_passages(&[(7, vec![1, 0, 0, 0])], std::slice::from_ref(&reversed), &[])
            .unwrap();
    }
    let of7 = store.passages_of(7).unwrap();
    assert_eq!(of7.len(), 1);
    assert_eq!((of7[0].a, of7[0].b, of7[0].a_span.start, of7[0].b_span.start), (6, 7, 2, 0));
    assert!(store.unprinted_articles(10).unwrap().iter().all(|a| a.id != 7));
    store.store_passages(&[], &[], &[7]).unwrap();
    assert!(store.passages_of(7).unwrap().is_empty());
    assert_eq!(store.passages().unwrap(), passages);
    store.optimize().unwrap();
    assert!(store.integrity_check().unwrap().is_empty());
    drop(store);
    assert_eq!(
        common::schema_dump(&path).unwrap(),
        read_fixture(&format!("schema_v{SCHEMA_VERSION}.sql"))
    );
}

#[test]
fn a_newer_schema_is_refused() {
    let (_dir, path) = copy_of("v1.db");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1).unwrap();
    drop(conn);
    let name = path.display().to_string();
    for result in [SqliteStore::open(&path), SqliteStore::open_read_only(&path)] {
        match result {
            Err(StoreError::TooNew { path, found, supported }) => {
                assert_eq!(
                    (path.as_str(), found, supported),
                    (name.as_str(), SCHEMA_VERSION + 1, SCHEMA_VERSION)
                );
            }
            other => panic!("expected TooNew, got {other:?}"),
        }
    }
    // Refusing did not touch it.
    let conn = rusqlite::Connection::open(&path).unwrap();
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, SCHEMA_VERSION + 1);
}

#[test]
fn a_reader_does_not_migrate() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.db");
    rusqlite::Connection::open(&path).unwrap().execute_batch("CREATE TABLE t(x)").unwrap();
    let err = SqliteStore::open_read_only(&path).unwrap_err();
    assert!(matches!(err, StoreError::TooOld { found: 0, .. }), "{err:?}");
    assert!(err.to_string().contains("empty.db"), "{err}");
    // A writer migrates it (other tables are left alone).
    let store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
}

#[test]
fn two_openers_of_a_new_file_migrate_it_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("race.db");
    let threads: Vec<_> = (0..4)
        .map(|_| {
            let path = path.clone();
            std::thread::spawn(move || SqliteStore::open(&path).map(|s| s.schema_version()))
        })
        .collect();
    for thread in threads {
        assert_eq!(thread.join().unwrap().unwrap().unwrap(), SCHEMA_VERSION);
    }
}

#[test]
fn database_settings() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("settings.db");
    drop(SqliteStore::open(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    let pragma = |name: &str| -> String {
        conn.query_row(&format!("PRAGMA {name}"), [], |r| r.get::<_, rusqlite::types::Value>(0))
            .map(|v| format!("{v:?}"))
            .unwrap()
    };
    assert_eq!(pragma("journal_mode"), "Text(\"wal\")");
    assert_eq!(pragma("page_size"), format!("Integer({})", marsad_store::schema::PAGE_SIZE));
    // contentless_delete needs SQLite 3.43.
    let version: Vec<u32> =
        marsad_store::sqlite_version().split('.').map(|p| p.parse().unwrap()).collect();
    assert!(version >= vec![3, 43, 0], "{version:?}");
}

#[test]
fn frozen_v4_database_migrates_to_v5_with_its_data_and_nothing_clustered_yet() {
    let (_dir, path) = copy_of("v4.db");
    let mut store = SqliteStore::open(&path).unwrap();
    let (prints, passages) = common::fixture_v4_passages();
    assert_eq!(store.passage_prints().unwrap(), prints);
    assert_eq!(store.passages().unwrap(), passages);
    assert_eq!(store.latest_story_time().unwrap(), None);
    assert!(store.stories(&StoryFilter::default()).unwrap().is_empty());
    // Every article waits for the clusterer, by id, with its duplicate link.
    let waiting = store.unclustered_articles(100, i64::MAX).unwrap();
    assert_eq!(waiting.iter().map(|a| a.id).collect::<Vec<_>>(), [1, 2, 3, 4, 5, 6]);
    assert_eq!(waiting[1].duplicate_of, Some(1));
    assert_eq!(waiting[5].duplicate_of, Some(1)); // the near-duplicate pair 1–6
    assert!(waiting.iter().all(|a| a.assigned.is_none()));
    let (assignments, merges, summaries) = common::fixture_v5_stories();
    store.store_stories(&assignments, &merges, &summaries).unwrap();
    // Clustered articles are a prefix of the ids: what follows the last one waits.
    assert!(store.unclustered_articles(100, i64::MAX).unwrap().is_empty());
}

#[test]
fn frozen_v5_database_has_the_frozen_v5_schema() {
    let (_dir, path) = copy_of("v5.db");
    assert_eq!(common::schema_dump(&path).unwrap(), read_fixture("schema_v5.sql"));
}

#[test]
fn frozen_v5_database_opens_reads_stories_and_resolves_merged_ids() {
    let (_dir, path) = copy_of("v5.db");
    let mut store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert!(store.integrity_check().unwrap().is_empty());
    let (assignments, _, summaries) = common::fixture_v5_stories();
    assert_eq!(store.stories(&StoryFilter::default()).unwrap(), summaries);
    assert_eq!(store.story(1).unwrap().as_ref(), summaries.first());
    assert_eq!(store.resolve_story(4).unwrap(), Some(1)); // merged
    assert_eq!(store.resolve_story(1).unwrap(), Some(1));
    assert_eq!(store.resolve_story(3).unwrap(), None);
    let members = store.story_members(&[1]).unwrap();
    assert_eq!(members.iter().map(|m| m.article).collect::<Vec<_>>(), [1, 2, 4, 6, 5]);
    assert_eq!(members[1].duplicate_of, Some(1));
    assert_eq!(store.latest_story_time().unwrap(), Some(1_437_472_800));
    // Resume reads in assignment order, with current stories.
    let since = store.clustered_since(1_437_465_600).unwrap();
    assert_eq!(
        since.iter().map(|a| (a.id, a.assigned)).collect::<Vec<_>>(),
        [
            (4, Some((1_437_465_600, 1))),
            (6, Some((1_437_469_200, 1))),
            (5, Some((1_437_472_800, 1)))
        ]
    );
    // Articles are clustered in id order: only ids after the last clustered one wait
    // (the fixture's article 3 is a hole the pipeline never leaves).
    assert!(store.unclustered_articles(10, i64::MAX).unwrap().is_empty());
    let filter = StoryFilter { since: Some(1_437_472_801), limit: None };
    assert!(store.stories(&filter).unwrap().is_empty());
    // Storing the last one clusters everything.
    let three = marsad_store::StoryAssignment { article: 3, story: 3, ..assignments[0].clone() };
    let summary =
        marsad_store::StoryRecord { id: 3, title_article: 3, size: 1, ..summaries[0].clone() };
    store.store_stories(&[three], &[], &[summary]).unwrap();
    assert!(store.unclustered_articles(10, i64::MAX).unwrap().is_empty());
    assert_eq!(store.stories(&StoryFilter { since: None, limit: Some(1) }).unwrap().len(), 1);
}

#[test]
fn frozen_v5_database_migrates_to_v6_with_every_article_left_to_annotate() {
    let (_dir, path) = copy_of("v5.db");
    let mut store = SqliteStore::open(&path).unwrap();
    // Stories survive; nothing is annotated yet, so the next ingest annotates all six.
    assert_eq!(store.resolve_story(4).unwrap(), Some(1));
    let waiting = store.unannotated_articles(100, 0, 1).unwrap();
    assert_eq!(waiting.iter().map(|a| a.id).collect::<Vec<_>>(), [1, 2, 3, 4, 5, 6]);
    assert_eq!(waiting[0].text, common::fixture_articles()[0].raw.text);
    assert!(waiting[0].published.is_some());
    assert!(store.story_entities(1).unwrap().is_empty());
    let (annotations, story_entities) = common::fixture_v6_annotations();
    store.store_annotations(&annotations).unwrap();
    store.store_story_entities(&story_entities).unwrap();
    let waiting = store.unannotated_articles(100, 0, 1).unwrap();
    assert_eq!(waiting.iter().map(|a| a.id).collect::<Vec<_>>(), [2, 3, 5, 6]);
}

#[test]
fn frozen_v6_database_has_the_frozen_v6_schema() {
    let (_dir, path) = copy_of("v6.db");
    assert_eq!(common::schema_dump(&path).unwrap(), read_fixture("schema_v6.sql"));
}

#[test]
fn frozen_v6_database_opens_and_reads_annotations() {
    let (_dir, path) = copy_of("v6.db");
    let mut store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert!(store.integrity_check().unwrap().is_empty());
    let (annotations, story_entities) = common::fixture_v6_annotations();
    for expected in &annotations {
        assert_eq!(store.annotations(expected.article).unwrap().as_ref(), Some(expected));
    }
    assert_eq!(store.annotations(2).unwrap(), None);
    assert_eq!(store.story_entities(1).unwrap(), story_entities[0].1);
    // A newer annotator version leaves every article to annotate again.
    let waiting = store.unannotated_articles(100, 0, 2).unwrap();
    assert_eq!(waiting.len(), 6);
    // A merge takes the merged-away story's entities with it.
    store.store_story_entities(&[(4, story_entities[0].1.clone())]).unwrap();
    let merge = marsad_store::StoryMerge { old: 4, new: 1, article: 5, time: 1_437_472_800 };
    store.store_stories(&[], &[merge], &[]).unwrap();
    assert!(store.story_entities(4).unwrap().is_empty());
}
