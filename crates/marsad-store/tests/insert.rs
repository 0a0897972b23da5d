//! insert_batch: idempotent keys, updates, exact-duplicate links.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code

mod common;

use common::{prepared, with_published};
use marsad_model::Metadata;
use marsad_store::{ArticleStore, InsertOutcome, SqliteStore};

fn store() -> SqliteStore {
    SqliteStore::open_in_memory().unwrap()
}

fn terms(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| (*w).to_owned()).collect()
}

#[test]
fn reinserting_the_same_records_changes_nothing() {
    let mut store = store();
    let batch = vec![
        prepared(Some("https://a.example/1"), "a", "عنوان أول", "النص الأول"),
        prepared(Some("https://a.example/2"), "a", "عنوان ثان", "النص الثاني"),
        prepared(None, "b", "بلا رابط", "نص بلا رابط"),
    ];
    let first = store.insert_batch(&batch).unwrap();
    assert!(first.iter().all(|o| matches!(o, InsertOutcome::Added { duplicate_of: None, .. })));
    let stats = store.stats().unwrap();

    let again = store.insert_batch(&batch).unwrap();
    let expected: Vec<_> = first.iter().map(|o| InsertOutcome::Unchanged { id: o.id() }).collect();
    assert_eq!(again, expected);
    assert_eq!(store.stats().unwrap(), stats);
    assert!(store.integrity_check().unwrap().is_empty());
}

#[test]
fn same_url_with_new_content_updates_text_and_index() {
    let mut store = store();
    let old = prepared(Some("https://a.example/1"), "a", "خبر", "زلزال في المدينة");
    let id = store.insert_batch(&[old]).unwrap()[0].id();

    let mut new = with_published(
        prepared(Some("https://a.example/1"), "a", "خبر محدث", "فيضان في المدينة"),
        "2015-07-22T09:00:00+03:00",
    );
    new.raw.metadata.insert("edition".into(), serde_json::json!(2));
    assert_eq!(store.insert_batch(&[new.clone()]).unwrap(), vec![InsertOutcome::Updated { id }]);

    let article = store.article(id).unwrap().unwrap();
    assert_eq!(article.text, "فيضان في المدينة");
    assert_eq!(article.title, "خبر محدث");
    assert_eq!(article.published, new.raw.published);
    assert_eq!(article.metadata, new.raw.metadata);
    assert!(store.search(&terms(&["زلزال"]), 10).unwrap().is_empty(), "old text still indexed");
    assert_eq!(store.search(&terms(&["فيضان"]), 10).unwrap()[0].article.id, id);
    assert_eq!(store.stats().unwrap().articles, 1);
    // The updated content stored again is unchanged.
    assert_eq!(store.insert_batch(&[new]).unwrap(), vec![InsertOutcome::Unchanged { id }]);
    store.optimize().unwrap();
    assert!(store.integrity_check().unwrap().is_empty());
    assert_eq!(store.search(&terms(&["فيضان"]), 10).unwrap()[0].article.id, id);
}

#[test]
fn copies_link_to_the_first_stored_article_across_batches() {
    let mut store = store();
    let text = "نص البيان المشترك كما نشرته الوكالة";
    let first =
        store.insert_batch(&[prepared(Some("https://a.example/1"), "a", "بيان", text)]).unwrap()[0]
            .id();
    let outcomes = store
        .insert_batch(&[
            prepared(Some("https://b.example/1"), "b", "البيان", text),
            prepared(Some("https://c.example/1"), "c", "نص البيان", text),
        ])
        .unwrap();
    for outcome in &outcomes {
        assert!(
            matches!(outcome, InsertOutcome::Added { duplicate_of: Some(d), .. } if *d == first)
        );
    }
    let copy = store.article(outcomes[1].id()).unwrap().unwrap();
    assert_eq!(copy.duplicate_of, Some(first));
    assert_eq!(store.stats().unwrap().exact_duplicates, 2);
}

#[test]
fn copies_link_within_one_batch() {
    let mut store = store();
    let text = "خبر منقول حرفيا";
    let outcomes = store
        .insert_batch(&[
            prepared(Some("https://a.example/1"), "a", "خبر", text),
            prepared(Some("https://b.example/1"), "b", "خبر", "نص آخر"),
            prepared(Some("https://c.example/1"), "c", "خبر", text),
            prepared(Some("https://d.example/1"), "d", "خبر", text),
        ])
        .unwrap();
    let first = outcomes[0].id();
    assert_eq!(outcomes[0], InsertOutcome::Added { id: first, duplicate_of: None });
    assert!(matches!(outcomes[1], InsertOutcome::Added { duplicate_of: None, .. }));
    assert!(
        matches!(outcomes[2], InsertOutcome::Added { duplicate_of: Some(d), .. } if d == first)
    );
    assert!(
        matches!(outcomes[3], InsertOutcome::Added { duplicate_of: Some(d), .. } if d == first)
    );
}

#[test]
fn the_same_key_twice_in_one_batch_is_stored_once() {
    let mut store = store();
    let a = prepared(Some("https://a.example/1"), "a", "خبر", "النص الأول");
    let b = prepared(Some("https://a.example/1"), "a", "خبر", "النص المعدل");
    let outcomes = store.insert_batch(&[a.clone(), a, b]).unwrap();
    let id = outcomes[0].id();
    assert_eq!(outcomes[1..], [InsertOutcome::Unchanged { id }, InsertOutcome::Updated { id }]);
    assert_eq!(store.stats().unwrap().articles, 1);
}

#[test]
fn records_without_url_are_keyed_by_outlet_and_content() {
    let mut store = store();
    let text = "بيان بلا رابط";
    let mut seed = prepared(None, "seeds", "بيان", text);
    seed.raw.origin = "seeds/001.txt".into();
    assert_eq!(seed.key(), format!("hash:seeds\u{1f}{}", common::content_hash(text)));
    // A blank URL is no URL.
    let mut blank = seed.clone();
    blank.raw.url = Some("  ".into());
    assert_eq!(blank.key(), seed.key());
    let with_url = prepared(Some("https://x.example/1"), "seeds", "بيان", text);
    assert_eq!(with_url.key(), "url:https://x.example/1");

    let id = store.insert_batch(&[seed.clone()]).unwrap()[0].id();
    // Found again under another file name: same key.
    let mut moved = seed.clone();
    moved.raw.origin = "archive.zip!/seeds/001.txt".into();
    assert_eq!(store.insert_batch(&[moved, blank]).unwrap(), [InsertOutcome::Unchanged { id }; 2]);
    // The url column falls back to the origin.
    assert_eq!(store.article(id).unwrap().unwrap().url, "seeds/001.txt");
    // Another outlet with the same text: a new article, a copy of the first.
    let other = prepared(None, "other", "بيان", text);
    assert_eq!(
        store.insert_batch(&[other]).unwrap(),
        [InsertOutcome::Added { id: id + 1, duplicate_of: Some(id) }]
    );
    // Edited text without a URL: a new article (nothing says it is the same record).
    let edited = prepared(None, "seeds", "بيان", "بيان بلا رابط معدل");
    assert!(matches!(
        store.insert_batch(&[edited]).unwrap()[0],
        InsertOutcome::Added { duplicate_of: None, .. }
    ));
}

#[test]
fn stored_articles_round_trip() {
    let mut store = store();
    let mut article = with_published(
        prepared(Some("https://a.example/1"), "aawsat", "عنوان", "النص الأصلي،  كما هو\n\nبلا تغيير"),
        "2015-07-21T02:51:32.250+03:00",
    );
    article.raw.author = Some("لندن: مراسل".into());
    let mut metadata = Metadata::new();
    metadata.insert("tags".into(), serde_json::json!(["سياسة", "العراق"]));
    metadata.insert("views".into(), serde_json::json!(12));
    article.raw.metadata = metadata.clone();
    article.normalized = "النص الاصلي كما هو بلا تغيير".into();
    let id = store.insert_batch(&[article.clone()]).unwrap()[0].id();

    let stored = store.article(id).unwrap().unwrap();
    assert_eq!(stored.id, id);
    assert_eq!(stored.url, "https://a.example/1");
    assert_eq!(stored.outlet, "aawsat");
    assert_eq!(stored.title, "عنوان");
    assert_eq!(stored.text, article.raw.text, "original text must never change");
    assert_eq!(stored.author.as_deref(), Some("لندن: مراسل"));
    assert_eq!(stored.metadata, metadata);
    assert_eq!(stored.duplicate_of, None);
    let published = stored.published.unwrap();
    assert_eq!(published, article.raw.published.unwrap());
    assert_eq!(published.offset(), article.raw.published.unwrap().offset());
    assert_eq!(store.article(id + 1).unwrap(), None);
}

#[test]
fn updating_an_original_hands_its_copies_to_the_next_one() {
    let mut store = store();
    let text = "النص المنسوخ";
    let ids: Vec<_> = store
        .insert_batch(&[
            prepared(Some("https://a.example/1"), "a", "خبر", text),
            prepared(Some("https://b.example/1"), "b", "خبر", text),
            prepared(Some("https://c.example/1"), "c", "خبر", text),
        ])
        .unwrap()
        .iter()
        .map(InsertOutcome::id)
        .collect();
    // The original changes its text: the first copy becomes the original.
    store.insert_batch(&[prepared(Some("https://a.example/1"), "a", "خبر", "نص جديد")]).unwrap();
    let dup = |id| store.article(id).unwrap().unwrap().duplicate_of;
    assert_eq!(dup(ids[0]), None);
    assert_eq!(dup(ids[1]), None);
    assert_eq!(dup(ids[2]), Some(ids[1]));
    // And it now copies an existing text: it links to that text's original.
    store.insert_batch(&[prepared(Some("https://a.example/1"), "a", "خبر", text)]).unwrap();
    assert_eq!(store.article(ids[0]).unwrap().unwrap().duplicate_of, Some(ids[1]));
    // A new copy links to the current original.
    let outcome = store.insert_batch(&[prepared(Some("https://d.example/1"), "d", "خبر", text)]);
    assert!(
        matches!(outcome.unwrap()[0], InsertOutcome::Added { duplicate_of: Some(d), .. } if d == ids[1])
    );
    assert_eq!(store.stats().unwrap().exact_duplicates, 3);
}

#[test]
fn an_empty_batch_is_fine() {
    let mut store = store();
    assert!(store.insert_batch(&[]).unwrap().is_empty());
}
