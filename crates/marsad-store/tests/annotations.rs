//! Annotations (schema v6): what the pipeline stores per article and per story reads
//! back the same, replaces rather than doubles, and filters by article, outlet and copy.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code

mod common;

use marsad_store::{AnnotationStore, ArticleStore, QuoteFilter, SqliteStore};

fn store_with_fixture() -> SqliteStore {
    let mut store = SqliteStore::open_in_memory().unwrap();
    store.insert_batch(&common::fixture_articles()).unwrap();
    let (annotations, story_entities) = common::fixture_v6_annotations();
    store.store_annotations(&annotations).unwrap();
    store.store_story_entities(&story_entities).unwrap();
    store
}

#[test]
fn annotations_read_back_as_stored_with_spans_into_the_text() {
    let store = store_with_fixture();
    let (annotations, _) = common::fixture_v6_annotations();
    let one = store.annotations(1).unwrap().unwrap();
    assert_eq!(one, annotations[0]);
    let text = &common::fixture_articles()[0].raw.text;
    let mention = &one.mentions[0];
    assert_eq!(&text[mention.span.start..mention.span.end], mention.surface);
    assert_eq!(store.annotations(3).unwrap(), None);
}

#[test]
fn storing_an_article_again_replaces_its_rows() {
    let mut store = store_with_fixture();
    let (mut annotations, _) = common::fixture_v6_annotations();
    annotations[0].mentions.clear();
    annotations[0].version = 2;
    store.store_annotations(&annotations[..1]).unwrap();
    let one = store.annotations(1).unwrap().unwrap();
    assert!(one.mentions.is_empty());
    assert_eq!(one.quotes.len(), 1);
    assert_eq!(one.version, 2);
    assert!(store.entity_mentions(Some(&[1]), None, false).unwrap().is_empty());
}

#[test]
fn unannotated_articles_are_listed_by_id_after_a_cursor() {
    let store = store_with_fixture();
    let ids = |after, version| {
        let rows = store.unannotated_articles(2, after, version).unwrap();
        rows.iter().map(|a| a.id).collect::<Vec<_>>()
    };
    assert_eq!(ids(0, 1), [2, 3]);
    assert_eq!(ids(3, 1), [5]);
    assert_eq!(ids(0, 2), [1, 2]);
}

#[test]
fn mentions_and_quotes_filter_by_article_outlet_and_copies() {
    let mut store = store_with_fixture();
    let (annotations, _) = common::fixture_v6_annotations();
    // Article 2 is an exact copy of 1: its mention counts only when copies are wanted.
    let mut copy = annotations[0].clone();
    copy.article = 2;
    store.store_annotations(&[copy]).unwrap();
    let articles = |mentions: Vec<marsad_store::ArticleMention>| {
        mentions.iter().map(|m| m.article).collect::<Vec<_>>()
    };
    assert_eq!(articles(store.entity_mentions(None, None, false).unwrap()), [1, 2]);
    assert_eq!(articles(store.entity_mentions(None, None, true).unwrap()), [1]);
    assert_eq!(articles(store.entity_mentions(None, Some("alriyadh"), false).unwrap()), [2]);
    assert_eq!(articles(store.entity_mentions(Some(&[2, 1]), None, false).unwrap()), [2, 1]);
    let all = store.quotes(&QuoteFilter { articles: None, originals_only: true }).unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].quote.speaker.as_ref().unwrap().text, "وزير الدفاع العراقي");
    let two = store.quotes(&QuoteFilter { articles: Some(&[2]), originals_only: false }).unwrap();
    assert_eq!(two.iter().map(|q| q.article).collect::<Vec<_>>(), [2]);
}

#[test]
fn story_entities_are_replaced_per_story() {
    let mut store = store_with_fixture();
    let (_, story_entities) = common::fixture_v6_annotations();
    assert_eq!(store.story_entities(1).unwrap(), story_entities[0].1);
    store.store_story_entities(&[(1, Vec::new())]).unwrap();
    assert!(store.story_entities(1).unwrap().is_empty());
}

#[test]
fn a_stored_summary_marks_its_entity_list_out_of_date_until_it_is_stored() {
    use marsad_store::StoryStore;
    let mut store = store_with_fixture();
    store.insert_batch(&[common::fixture_v2_furniture()]).unwrap(); // article 6
    assert!(store.stale_story_entities(10).unwrap().is_empty());
    let (assignments, merges, summaries) = common::fixture_v5_stories();
    store.store_stories(&assignments, &[], &summaries).unwrap();
    assert_eq!(store.stale_story_entities(10).unwrap(), [1]);
    store.store_story_entities(&[(1, Vec::new())]).unwrap();
    assert!(store.stale_story_entities(10).unwrap().is_empty());
    // A story merged away takes its mark and its list with it.
    let four = marsad_store::StoryRecord { id: 4, title_article: 4, ..summaries[0].clone() };
    store.store_stories(&[], &[], &[four]).unwrap();
    assert_eq!(store.stale_story_entities(10).unwrap(), [4]);
    store.store_stories(&[], &merges, &[]).unwrap();
    assert!(store.stale_story_entities(10).unwrap().is_empty());
}
