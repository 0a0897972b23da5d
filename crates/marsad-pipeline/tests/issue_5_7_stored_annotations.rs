//! Issues 5 and 7: ingest stores every article's entity mentions, quotes, quantities
//! and dates (byte spans into the stored text) and every story's entities; what it
//! stores is what `analyze` finds; an ingest without annotation, a database from
//! before schema v6 and an updated article all end up annotated by the next ingest.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code

use std::path::{Path, PathBuf};

use marsad_model::RawArticle;
use marsad_pipeline::{analyze, ingest, ingest_articles, IngestOptions, NoProgress};
use marsad_store::{AnnotationStore, ArticleFilter, ArticleStore, SqliteStore, StoryStore};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn seeds() -> PathBuf {
    repo().join("examples/seeds")
}

fn options(annotate: bool) -> IngestOptions {
    IngestOptions { annotate, ..IngestOptions::default() }
}

#[test]
fn issue_5_7_stored_annotations_are_what_analyze_finds() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let summary = ingest(&[seeds()], &mut store, &options(true), &NoProgress).unwrap();
    assert_eq!((summary.added, summary.annotated), (5, 5));
    // The records as ingest read them.
    let mut records = Vec::new();
    marsad_ingest::read_inputs(&[seeds()], &Default::default(), &mut |event| {
        if let marsad_ingest::ReadEvent::Article(raw) = event {
            records.push(raw);
        }
    });
    assert_eq!(records.len(), 5);
    let articles = store.articles(&ArticleFilter::default()).unwrap();
    let mut quotes = 0;
    for raw in records {
        let file = raw.origin.clone();
        let expected = analyze(&raw);
        let article =
            articles.iter().find(|a| a.text == expected.text).expect("stored as analysed");
        let stored = store.annotations(article.id).unwrap().expect("annotated");
        let slice = |span: marsad_model::Span| &article.text[span.start..span.end];
        let mentions: Vec<_> = stored
            .mentions
            .iter()
            .map(|m| (m.span, slice(m.span), m.kind.as_str(), m.entity.as_str(), m.role.as_deref()))
            .collect();
        let want: Vec<_> = expected
            .entities
            .iter()
            .map(|m| {
                (m.span, m.text.as_str(), m.kind.as_str(), m.entity.as_str(), m.role.as_deref())
            })
            .collect();
        assert_eq!(mentions, want, "{}", file);
        assert!(stored.mentions.iter().all(|m| slice(m.span) == m.surface));
        let stored_quotes: Vec<_> = stored
            .quotes
            .iter()
            .map(|q| {
                let speaker = q.speaker.as_ref().map(|s| (slice(s.span), s.entity.as_deref()));
                (slice(q.span), q.direct, q.cue.as_deref(), speaker)
            })
            .collect();
        let want: Vec<_> = expected
            .quotes
            .iter()
            .map(|q| {
                let speaker = q.speaker.as_ref().map(|s| (s.text.as_str(), s.entity.as_deref()));
                (q.text.as_str(), q.direct, q.cue.as_deref(), speaker)
            })
            .collect();
        assert_eq!(stored_quotes, want, "{}", file);
        quotes += want.len();
        let values: Vec<_> =
            stored.quantities.iter().map(|q| (slice(q.span), q.value, q.range)).collect();
        let want: Vec<_> =
            expected.quantities.iter().map(|q| (q.text.as_str(), q.value, q.range)).collect();
        assert_eq!(values, want, "{}", file);
        let dates: Vec<_> =
            stored.dates.iter().map(|d| (slice(d.span), d.value.as_str())).collect();
        let want: Vec<_> =
            expected.dates.iter().map(|d| (d.text.as_str(), d.value.as_str())).collect();
        assert_eq!(dates, want, "{}", file);
        assert_eq!(stored.reference_date, expected.reference_date.map(|d| d.to_string()));
    }
    assert!(quotes >= 10, "the seeds hold many quotes, stored {quotes}");
    // The joint-statement story's entities: Austin in all four of its members.
    let story = store.resolve_story(articles.iter().map(|a| a.id).min().unwrap()).unwrap().unwrap();
    let entities = store.story_entities(story).unwrap();
    let austin = entities.iter().find(|e| e.canonical == "لويد أوستن").expect("Austin");
    assert_eq!((austin.kind.as_str(), austin.articles), ("PERS", 4));
    // Every story's entity list was refreshed at the end of the ingest.
    assert!(store.stale_story_entities(10).unwrap().is_empty());
}

#[test]
fn issue_5_7_an_ingest_without_annotation_is_completed_by_the_next() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let first = ingest(&[seeds()], &mut store, &options(false), &NoProgress).unwrap();
    assert_eq!((first.added, first.annotated, first.clustered), (5, 0, 5));
    let stories = store.stories(&Default::default()).unwrap();
    assert!(stories.iter().all(|s| store.story_entities(s.id).unwrap().is_empty()));
    let second = ingest(&[seeds()], &mut store, &options(true), &NoProgress).unwrap();
    assert_eq!((second.unchanged, second.annotated), (5, 5));
    // The backfill refreshed the stories' entity lists too.
    assert!(stories.iter().all(|s| !store.story_entities(s.id).unwrap().is_empty()));
    let third = ingest(&[seeds()], &mut store, &options(true), &NoProgress).unwrap();
    assert_eq!(third.annotated, 0);
}

#[test]
fn issue_5_7_a_v5_database_is_annotated_at_its_next_ingest() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("v5.db");
    std::fs::copy(repo().join("crates/marsad-store/tests/fixtures/v5.db"), &db).unwrap();
    let mut store = SqliteStore::open(&db).unwrap();
    let summary = ingest_articles(Vec::new(), &mut store, &options(true), &NoProgress).unwrap();
    assert_eq!(summary.annotated, 6);
    let baghdad = store.annotations(1).unwrap().unwrap();
    assert!(baghdad.mentions.iter().any(|m| m.surface == "بغداد" && m.kind == "LOC"));
}

#[test]
fn issue_5_7_an_updated_article_gets_new_annotations() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let article = |text: &str| {
        let mut raw = RawArticle::new("feed", text);
        raw.url = Some("https://example.com/news/1".to_owned());
        raw.title = Some("خبر".to_owned());
        raw
    };
    let before = article("التقى وزير الخارجية عادل الجبير في الرياض نظيره الأمريكي جون كيري.");
    ingest_articles(vec![before], &mut store, &options(true), &NoProgress).unwrap();
    let id = store.articles(&ArticleFilter::default()).unwrap()[0].id;
    let names = |store: &SqliteStore| -> Vec<String> {
        store.annotations(id).unwrap().unwrap().mentions.into_iter().map(|m| m.surface).collect()
    };
    assert!(names(&store).iter().any(|n| n.contains("الجبير")), "{:?}", names(&store));
    let after = article("وصل رئيس الوزراء العراقي مصطفى الكاظمي إلى بغداد قادما من واشنطن.");
    let summary = ingest_articles(vec![after], &mut store, &options(true), &NoProgress).unwrap();
    assert_eq!((summary.updated, summary.annotated), (1, 1));
    let now = names(&store);
    assert!(now.iter().any(|n| n.contains("الكاظمي")), "{now:?}");
    assert!(!now.iter().any(|n| n.contains("الجبير")), "{now:?}");
}
