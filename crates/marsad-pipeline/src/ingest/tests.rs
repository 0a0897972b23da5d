//! Tests of `ingest`: furniture learned within a run and from the store, near
//! duplicates and passages found one file at a time as all at once.

use super::*;
use marsad_store::{ArticleFilter, SqliteStore};
use std::time::Instant;

const FOOTER: &str = "حمّلوا تطبيق الصحيفة على هواتفكم الذكية";

/// A JSON array of `n` articles of outlet `x`, numbered from `first`, with the text
/// `body(i)`.
fn write_records(
    dir: &std::path::Path,
    name: &str,
    first: usize,
    n: usize,
    body: impl Fn(usize) -> String,
) -> PathBuf {
    let records: Vec<serde_json::Value> = (first..first + n)
        .map(|i| {
            serde_json::json!({"source": "x", "url": format!("https://x.example/{i}"),
                               "title": format!("خبر {i}"), "content": body(i)})
        })
        .collect();
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_string(&records).unwrap_or_default())
        .unwrap_or_else(|e| panic!("{e}"));
    path
}

/// Articles each ending with the outlet's footer.
fn records(dir: &std::path::Path, name: &str, first: usize, n: usize) -> PathBuf {
    write_records(dir, name, first, n, |i| {
        format!(
            "أعلنت الوزارة اليوم عن المشروع رقم {i} في العاصمة بحضور عدد من المسؤولين.\n\
             وأضاف المتحدث أن المرحلة {i} من المشروع ستكتمل خلال الأشهر المقبلة بإذن الله.\n{FOOTER}"
        )
    })
}

fn texts(store: &SqliteStore) -> Vec<(String, String)> {
    let mut all: Vec<(String, String)> = store
        .articles(&ArticleFilter::default())
        .unwrap_or_default()
        .into_iter()
        .map(|a| (a.url, a.text))
        .collect();
    all.sort();
    all
}

#[test]
fn an_outlets_footer_is_learned_within_a_run_and_from_the_store() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let first = records(dir.path(), "first.json", 0, 12);
    let options = IngestOptions { batch_size: 4, ..IngestOptions::default() };
    let open =
        |name: &str| SqliteStore::open(&dir.path().join(name)).unwrap_or_else(|e| panic!("{e}"));
    let mut store = open("a.db");
    let summary = ingest(std::slice::from_ref(&first), &mut store, &options, &NoProgress)
        .unwrap_or_else(|e| panic!("{e}"));
    // The first batch (4 articles) is below the threshold of 5; from the second on,
    // the footer is learned (tentatively, then confirmed by the store).
    assert_eq!((summary.added, summary.furniture_removed), (12, 8));
    let stored = texts(&store);
    let with_footer = stored.iter().filter(|(_, text)| text.contains(FOOTER)).count();
    assert_eq!(with_footer, 4);

    // Another store, the same input: the same result whatever the thread timing.
    let mut other = open("b.db");
    ingest(std::slice::from_ref(&first), &mut other, &options, &NoProgress)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(texts(&other), stored);

    // The same input again: nothing changes, though the footer is known now.
    let again =
        ingest(&[first], &mut store, &options, &NoProgress).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((again.unchanged, again.updated, again.furniture_removed), (12, 0, 0));

    // A later run learns from the store: its first article is cleaned already.
    let later = records(dir.path(), "later.json", 100, 1);
    let summary =
        ingest(&[later], &mut store, &options, &NoProgress).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((summary.added, summary.furniture_removed), (1, 1));
    let lines = store.outlet_lines("x", 1).unwrap_or_default();
    assert_eq!(lines.articles, 13);
}

/// `n` reprints of one long wire story, each with its own closing line.
fn similar_records(dir: &std::path::Path, name: &str, first: usize, n: usize) -> PathBuf {
    let story = "قال وزير الخارجية إن المحادثات مع الوفد الأمريكي كانت مثمرة وبناءة \
        وتناولت التعاون الأمني والاقتصادي بين البلدين في المرحلة المقبلة وأضاف أن الجانبين \
        اتفقا على مواصلة الحوار الاستراتيجي وعقد جولة جديدة في واشنطن قبل نهاية العام \
        كما بحث الجانبان تطورات الأوضاع في المنطقة وسبل دعم الاستقرار ومكافحة الإرهاب";
    write_records(dir, name, first, n, |i| {
        format!("{story} وذلك بحسب المصدر رقم {i} في العاصمة اليوم")
    })
}

#[test]
fn near_duplicates_one_file_at_a_time_equal_all_at_once() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let files: Vec<PathBuf> =
        (0..3).map(|k| similar_records(dir.path(), &format!("day{k}.json"), k * 5, 5)).collect();
    let options = IngestOptions { batch_size: 3, ..IngestOptions::default() };
    let open =
        |name: &str| SqliteStore::open(&dir.path().join(name)).unwrap_or_else(|e| panic!("{e}"));
    let mut together = open("together.db");
    let summary =
        ingest(&files, &mut together, &options, &NoProgress).unwrap_or_else(|e| panic!("{e}"));
    let mut one_by_one = open("one_by_one.db");
    for file in &files {
        ingest(std::slice::from_ref(file), &mut one_by_one, &options, &NoProgress)
            .unwrap_or_else(|e| panic!("{e}"));
    }
    let pairs = |store: &SqliteStore| store.near_duplicates().unwrap_or_default();
    assert_eq!(together.signatures().unwrap_or_default().len(), 15, "{summary:?}");
    assert!(!pairs(&together).is_empty());
    assert_eq!(summary.near_duplicates, pairs(&together).len() as u64);
    assert_eq!(pairs(&together), pairs(&one_by_one));
    assert_eq!(together.signatures().unwrap_or_default().len(), 15);
    // Ingesting again adds nothing.
    let again =
        ingest(&files, &mut together, &options, &NoProgress).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(again.near_duplicates, 0);
    assert_eq!(pairs(&together), pairs(&one_by_one));
}

const STATEMENT: &str = "أكدت وزارة الدفاع العراقية ونظيرتها الأميركية في بيان مشترك التزامهما \
    بالتعاون الأمني واهتمامهما المشترك بالاستقرار الإقليمي وبحث الجانبان كيفية تطور المهمة \
    العسكرية للتحالف وفق جدول زمني يتفق عليه الطرفان في الجولة المقبلة من الحوار";

/// `n` words of "own reporting", different for every `seed`.
fn own_words(seed: usize, n: usize) -> String {
    const WORDS: [&str; 24] = [
        "المدينة",
        "السوق",
        "الطقس",
        "المطر",
        "الكهرباء",
        "المدرسة",
        "الطريق",
        "الجسر",
        "المستشفى",
        "الملعب",
        "النهر",
        "الحديقة",
        "المصنع",
        "الميناء",
        "القطار",
        "المطار",
        "الجامعة",
        "المكتبة",
        "المسرح",
        "المتحف",
        "الفندق",
        "المزرعة",
        "الصحراء",
        "البحر",
    ];
    let mut state = (seed as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..n)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            WORDS[(state % WORDS.len() as u64) as usize]
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Reports of their own that each quote the joint statement in the middle.
fn reports(dir: &std::path::Path, name: &str, first: usize, n: usize) -> PathBuf {
    write_records(dir, name, first, n, |i| {
        format!("{}. {STATEMENT}. {}.", own_words(2 * i, 40), own_words(2 * i + 1, 40))
    })
}

fn passages(store: &SqliteStore) -> Vec<marsad_store::ReusedPassage> {
    store.passages().unwrap_or_default()
}

#[test]
fn passages_are_found_across_reports_one_file_at_a_time_as_all_at_once() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let files: Vec<PathBuf> =
        (0..3).map(|k| reports(dir.path(), &format!("day{k}.json"), k * 3, 3)).collect();
    let options = IngestOptions { batch_size: 2, ..IngestOptions::default() };
    let open =
        |name: &str| SqliteStore::open(&dir.path().join(name)).unwrap_or_else(|e| panic!("{e}"));
    let mut together = open("together.db");
    let summary =
        ingest(&files, &mut together, &options, &NoProgress).unwrap_or_else(|e| panic!("{e}"));
    let found = passages(&together);
    // Every pair of the 9 reports shares the statement, and only the statement: the
    // reports are too different as wholes to be near duplicates.
    assert_eq!(found.len(), 9 * 8 / 2, "{found:?}");
    assert_eq!(summary.passages, found.len() as u64);
    assert!(together.near_duplicates().unwrap_or_default().is_empty());
    for p in &found {
        let a = together.article(p.a).ok().flatten().map(|a| a.text).unwrap_or_default();
        let b = together.article(p.b).ok().flatten().map(|a| a.text).unwrap_or_default();
        // The statement, give or take a word of own text that happens to match next to it.
        let statement_words = STATEMENT.split_whitespace().count() as u64;
        assert!(p.a_span.slice(&a).contains(STATEMENT), "{p:?}");
        assert!((statement_words..statement_words + 3).contains(&p.words), "{p:?}");
        assert_eq!(p.a_span.slice(&a), p.b_span.slice(&b));
        assert_eq!(p.source, p.a, "no dates: the first ingested");
    }
    let mut one_by_one = open("one_by_one.db");
    for file in &files {
        ingest(std::slice::from_ref(file), &mut one_by_one, &options, &NoProgress)
            .unwrap_or_else(|e| panic!("{e}"));
    }
    assert_eq!(passages(&one_by_one), found);
    // Ingesting again adds nothing.
    let again =
        ingest(&files, &mut together, &options, &NoProgress).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((again.passages, again.near_duplicates, again.backfilled), (0, 0, 0));
    assert_eq!(passages(&together), found);
}

/// A frozen fixture database of the store crate, copied.
fn fixture_copy(dir: &std::path::Path, name: &str) -> PathBuf {
    let from = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../marsad-store/tests/fixtures");
    let path = dir.join(name);
    std::fs::copy(from.join(name), &path).unwrap_or_else(|e| panic!("{name}: {e}"));
    path
}

#[test]
fn articles_stored_before_v4_are_backfilled_at_the_next_ingest() {
    // The fixture's articles are short (13 words): shorter passages count here.
    let passages_config =
        PassageConfig { min_words: 12, min_shared: 2, ..PassageConfig::default() };
    let options = IngestOptions { passages: passages_config, ..IngestOptions::default() };
    for fixture in ["v2.db", "v3.db"] {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let mut store =
            SqliteStore::open(&fixture_copy(dir.path(), fixture)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(store.unprinted_articles(100).unwrap_or_default().len(), 6);
        let new = reports(dir.path(), "new.json", 0, 2);
        let summary =
            ingest(&[new], &mut store, &options, &NoProgress).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((summary.added, summary.backfilled), (2, 6), "{fixture}");
        assert!(store.unprinted_articles(100).unwrap_or_default().is_empty());
        assert_eq!(store.passage_prints().unwrap_or_default().len(), 8);
        // Articles 1 and 2 (an exact copy, published two hours later) share their text.
        let found = passages(&store);
        let copy = found.iter().find(|p| (p.a, p.b) == (1, 2));
        assert!(copy.is_some_and(|p| p.source == 1 && p.words == 13), "{fixture}: {found:?}");
        assert!(found.iter().any(|p| (p.a, p.b) == (7, 8)), "{fixture}: {found:?}");
        let pairs = store.near_duplicates().unwrap_or_default();
        assert!(pairs.iter().any(|p| (p.a, p.b) == (1, 2)), "{fixture}: {pairs:?}");
        // A second ingest has nothing left to backfill.
        let again = reports(dir.path(), "new.json", 0, 2);
        let summary =
            ingest(&[again], &mut store, &options, &NoProgress).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((summary.backfilled, summary.passages), (0, 0));
    }
}

#[test]
fn ten_thousand_identical_copies_and_a_one_megabyte_article_stay_bounded() {
    let mut store = SqliteStore::open_in_memory().unwrap_or_else(|e| panic!("{e}"));
    let copies: Vec<RawArticle> = (0..10_000)
        .map(|i| {
            let mut raw = RawArticle::new(format!("flood#{i}"), STATEMENT);
            raw.url = Some(format!("https://flood.example/{i}"));
            raw
        })
        .collect();
    let started = Instant::now();
    let options = IngestOptions::default();
    let summary = ingest_articles(copies, &mut store, &options, &NoProgress)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((summary.added, summary.exact_duplicates), (10_000, 9_999));
    // At most 8 alignments per copy, one passage each.
    assert!(summary.passages <= 8 * 10_000, "{}", summary.passages);
    assert!(summary.passages >= 9_999, "every copy is linked to its original");
    assert!(started.elapsed().as_secs() < 120, "{:?}", started.elapsed());

    let mut big = String::new();
    let mut i = 0u64;
    while big.len() < 1 << 20 {
        big.push_str(&format!("كلمة{i} "));
        i += 1;
    }
    let mut one = RawArticle::new("big.txt", big.clone());
    one.url = Some("https://big.example/1".into());
    let mut two = RawArticle::new("big2.txt", format!("مقدمة جديدة. {big}"));
    two.url = Some("https://big.example/2".into());
    let summary = ingest_articles(vec![one, two], &mut store, &options, &NoProgress)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((summary.added, summary.passages), (2, 1), "{summary:?}");
}
