//! Reading back: search ranking, listings, statistics.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code

mod common;

use common::{prepared, with_published};
use marsad_store::{ArticleFilter, ArticleStore, OutletCount, SqliteStore, Stats};

fn terms(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| (*w).to_owned()).collect()
}

fn titles(hits: &[marsad_store::SearchHit]) -> Vec<&str> {
    hits.iter().map(|h| h.article.title.as_str()).collect()
}

#[test]
fn a_title_match_ranks_above_a_body_match() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    store
        .insert_batch(&[
            prepared(Some("u:1"), "a", "أخبار الاقتصاد", "ارتفعت أسعار النفط اليوم في الأسواق"),
            prepared(Some("u:2"), "a", "النفط يرتفع", "الأسعار في الأسواق اليوم"),
            prepared(Some("u:3"), "a", "الطقس", "حار في الرياض"),
        ])
        .unwrap();
    let hits = store.search(&terms(&["النفط"]), 10).unwrap();
    assert_eq!(titles(&hits), ["النفط يرتفع", "أخبار الاقتصاد"]);
    assert!(hits[0].score > hits[1].score, "{} <= {}", hits[0].score, hits[1].score);
    assert!(hits[1].score > 0.0);
    assert_eq!(hits[0].article.text, "الأسعار في الأسواق اليوم");
}

#[test]
fn all_terms_first_then_any() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    store
        .insert_batch(&[
            prepared(Some("u:1"), "a", "خبر", "وزير الدفاع في بغداد"),
            prepared(Some("u:2"), "a", "خبر", "وزير الخارجية في واشنطن"),
            prepared(Some("u:3"), "a", "خبر", "الدفاع المدني"),
        ])
        .unwrap();
    // Both terms: only the article that has both.
    let hits = store.search(&terms(&["وزير", "الدفاع"]), 10).unwrap();
    assert_eq!(hits.iter().map(|h| h.article.url.as_str()).collect::<Vec<_>>(), ["u:1"]);
    // No article has both: any of them.
    let hits = store.search(&terms(&["بغداد", "واشنطن"]), 10).unwrap();
    let mut urls: Vec<_> = hits.iter().map(|h| h.article.url.as_str()).collect();
    urls.sort_unstable();
    assert_eq!(urls, ["u:1", "u:2"]);
    // The limit holds.
    assert_eq!(store.search(&terms(&["وزير"]), 1).unwrap().len(), 1);
    assert!(store.search(&terms(&["وزير"]), 0).unwrap().is_empty());
}

#[test]
fn a_term_in_no_article_finds_nothing() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    store.insert_batch(&[prepared(Some("u:1"), "a", "خبر", "نص الخبر")]).unwrap();
    assert!(store.search(&terms(&["غائب"]), 10).unwrap().is_empty());
    assert!(store.search(&terms(&["غائب", "مفقود"]), 10).unwrap().is_empty());
    assert!(store.search(&[], 10).unwrap().is_empty());
    assert!(store.search(&terms(&[""]), 10).unwrap().is_empty());
}

#[test]
fn query_syntax_in_terms_is_inert() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    store.insert_batch(&[prepared(Some("u:1"), "a", "خبر", "نص الخبر")]).unwrap();
    for term in ["\"", "a\"b", "NEAR(x", "OR", "AND", "NOT", "*", "title:نص", "^نص", "(", "-"] {
        let result = store.search(&terms(&[term]), 10);
        assert!(result.is_ok(), "{term:?}: {result:?}");
    }
    assert_eq!(store.search(&terms(&["نص", "OR"]), 10).unwrap().len(), 1);
}

#[test]
fn copies_follow_their_original_on_equal_scores() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let text = "بيان مشترك عن الحوار الأمني";
    store
        .insert_batch(&[
            prepared(Some("u:1"), "a", "بيان", text),
            prepared(Some("u:2"), "b", "بيان", text),
            prepared(Some("u:3"), "c", "بيان", text),
        ])
        .unwrap();
    let hits = store.search(&terms(&["الحوار"]), 10).unwrap();
    let ids: Vec<_> = hits.iter().map(|h| h.article.id).collect();
    assert_eq!(ids, [1, 2, 3]);
    assert_eq!(hits[1].article.duplicate_of, Some(1));
}

fn listing_store() -> SqliteStore {
    let mut store = SqliteStore::open_in_memory().unwrap();
    store
        .insert_batch(&[
            with_published(prepared(Some("u:1"), "okaz", "أ", "نص 1"), "2015-07-21T10:00:00+03:00"),
            prepared(Some("u:2"), "okaz", "ب", "نص 2"),
            with_published(prepared(Some("u:3"), "aawsat", "ج", "نص 3"), "2015-08-01T08:00:00Z"),
            // Same instant as u:1 in another offset: ties go to the newer id.
            with_published(prepared(Some("u:4"), "aawsat", "د", "نص 4"), "2015-07-21T07:00:00Z"),
            with_published(
                prepared(Some("u:5"), "aawsat", "ه", "نص 1"),
                "2015-07-20T00:00:00+03:00",
            ),
        ])
        .unwrap();
    store
}

#[test]
fn articles_are_listed_newest_first_and_filtered() {
    let store = listing_store();
    let urls = |filter: ArticleFilter| -> Vec<String> {
        store.articles(&filter).unwrap().into_iter().map(|a| a.url).collect()
    };
    assert_eq!(urls(ArticleFilter::default()), ["u:3", "u:4", "u:1", "u:5", "u:2"]);
    assert_eq!(urls(ArticleFilter { outlet: Some("okaz".into()), limit: None }), ["u:1", "u:2"]);
    assert_eq!(urls(ArticleFilter { outlet: None, limit: Some(2) }), ["u:3", "u:4"]);
    assert_eq!(urls(ArticleFilter { outlet: Some("aawsat".into()), limit: Some(1) }), ["u:3"]);
    assert!(urls(ArticleFilter { outlet: Some("nobody".into()), limit: None }).is_empty());
    assert!(urls(ArticleFilter { outlet: None, limit: Some(0) }).is_empty());
}

#[test]
fn stats_count_articles_outlets_and_copies() {
    let store = listing_store();
    assert_eq!(
        store.stats().unwrap(),
        Stats {
            articles: 5,
            outlets: 2,
            exact_duplicates: 1,
            first_published: Some("2015-07-20T00:00:00+03:00".into()),
            last_published: Some("2015-08-01T08:00:00+00:00".into()),
            per_outlet: vec![
                OutletCount { outlet: "aawsat".into(), articles: 3 },
                OutletCount { outlet: "okaz".into(), articles: 2 },
            ],
            schema_version: marsad_store::SCHEMA_VERSION,
            ..Stats::default()
        }
    );
    let empty = SqliteStore::open_in_memory().unwrap().stats().unwrap();
    assert_eq!(empty, Stats { schema_version: marsad_store::SCHEMA_VERSION, ..Stats::default() });
}

#[test]
fn stats_serialise_for_the_cli() {
    let json = serde_json::to_value(listing_store().stats().unwrap()).unwrap();
    assert_eq!(json["articles"], 5);
    assert_eq!(json["per_outlet"][0]["outlet"], "aawsat");
    assert_eq!(json["schema_version"], marsad_store::SCHEMA_VERSION);
}
