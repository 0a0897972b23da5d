//! Helpers shared by the integration tests and `examples/make_fixture.rs`.
//!
//! Everything here is deterministic across Rust versions and platforms: the frozen
//! fixture databases hold hashes and terms computed by these functions.
#![allow(dead_code)]

use std::path::Path;

use marsad_model::{Metadata, RawArticle, Span};
use marsad_store::{FurnitureBlock, PreparedArticle};

/// FNV-1a 64 of the text, in hex: a stand-in for marsad_text::content_hash.
pub fn content_hash(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// Stand-in for marsad_text::index_terms: words reduced to their letters and digits.
pub fn terms(text: &str) -> String {
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| w.chars().filter(|c| c.is_alphanumeric()).collect::<String>())
        .filter(|w| !w.is_empty())
        .collect();
    words.join(" ")
}

/// Stand-in for marsad_text::furniture::line_hashes: the distinct hashes of the lines
/// of two words or more.
pub fn line_hashes(text: &str) -> Vec<String> {
    let mut hashes: Vec<String> = Vec::new();
    for line in text.lines().filter(|l| l.split_whitespace().count() >= 2) {
        let hash = content_hash(line.trim());
        if !hashes.contains(&hash) {
            hashes.push(hash);
        }
    }
    hashes
}

/// A prepared article with stand-in analysis (nothing removed from its text).
pub fn prepared(url: Option<&str>, outlet: &str, title: &str, text: &str) -> PreparedArticle {
    let mut raw = RawArticle::new(format!("test/{outlet}.json"), text);
    raw.url = url.map(str::to_owned);
    raw.title = Some(title.to_owned());
    raw.outlet = Some(outlet.to_owned());
    PreparedArticle {
        title: title.to_owned(),
        outlet: outlet.to_owned(),
        normalized: text.to_owned(),
        content_hash: content_hash(text),
        title_terms: terms(title),
        body_terms: terms(text),
        source_hash: content_hash(text),
        furniture: Vec::new(),
        line_hashes: line_hashes(text),
        raw,
    }
}

/// A prepared article read as `read`, stored without the furniture that starts at
/// the first line equal to `marker` (stand-in for marsad_text::strip_furniture).
pub fn prepared_with_furniture(
    url: Option<&str>,
    outlet: &str,
    title: &str,
    read: &str,
    marker: &str,
) -> PreparedArticle {
    let start = read.find(&format!("\n{marker}")).map_or(read.len(), |at| at + 1);
    let kept = read[..start].trim_end();
    let mut article = prepared(url, outlet, title, kept);
    if start < read.len() {
        let span = Span::new(start, read.trim_end().len());
        article.furniture = vec![FurnitureBlock {
            span,
            text: read[span.start..span.end].to_owned(),
            reason: format!("marker: {marker}"),
        }];
    }
    article.source_hash = content_hash(read);
    article.line_hashes = line_hashes(read);
    article
}

/// `article` published at `rfc3339` (no date when that does not parse).
pub fn with_published(mut article: PreparedArticle, rfc3339: &str) -> PreparedArticle {
    article.raw.published = chrono::DateTime::parse_from_rfc3339(rfc3339).ok();
    article
}

/// The articles stored in `tests/fixtures/v1.db`, in insertion order (ids 1..=5), with
/// the third one already updated to its second text (see [`fixture_update`]).
pub fn fixture_articles() -> Vec<PreparedArticle> {
    let mut first = with_published(
        prepared(
            Some("https://aawsat.example/1"),
            "aawsat",
            "الحوار الأمني بين العراق والولايات المتحدة",
            "عقد وزير الدفاع العراقي اجتماعا مع نظيره الأمريكي في بغداد لبحث الحوار الأمني",
        ),
        "2015-07-21T10:00:00+03:00",
    );
    first.raw.author = Some("بغداد: مراسل".to_owned());
    let mut metadata = Metadata::new();
    metadata.insert("section".to_owned(), serde_json::json!("العالم"));
    first.raw.metadata = metadata;
    let copy = with_published(
        prepared(
            Some("https://alriyadh.example/2"),
            "alriyadh",
            "اجتماع في بغداد",
            &first.raw.text,
        ),
        "2015-07-21T12:00:00+03:00",
    );
    let mut url_less =
        prepared(None, "seeds", "بيان مشترك", "بيان مشترك صادر عن الحكومتين عام 2023");
    url_less.raw.origin = "seeds/004.txt".to_owned();
    vec![
        first,
        copy,
        fixture_update(),
        url_less,
        with_published(
            prepared(
                Some("https://aawsat.example/5"),
                "aawsat",
                "أسعار النفط",
                "ارتفعت أسعار النفط في الأسواق العالمية",
            ),
            "2015-08-01T08:30:00Z",
        ),
    ]
}

/// Article 3 as first stored in the fixture; [`fixture_update`] replaced it.
pub fn fixture_third_before_update() -> PreparedArticle {
    prepared(Some("https://okaz.example/3"), "okaz", "خبر عاجل", "نص أول للخبر العاجل")
}

pub fn fixture_update() -> PreparedArticle {
    prepared(Some("https://okaz.example/3"), "okaz", "خبر عاجل", "نص ثان معدل للخبر العاجل")
}

/// The article schema v2 added to its fixture (id 6): stored without its furniture.
pub fn fixture_v2_furniture() -> PreparedArticle {
    with_published(
        prepared_with_furniture(
            Some("https://alwatan.example/6"),
            "alwatan",
            "وزير الدفاع في واشنطن",
            "وصل وزير الدفاع العراقي إلى واشنطن لبدء الحوار الأمني\n\
             مقالات مشابهة\n\
             • عنوان خبر آخر",
            "مقالات مشابهة",
        ),
        "2015-07-25T09:00:00+03:00",
    )
}

/// The schema of a database file: `SELECT sql FROM sqlite_master ORDER BY name`, one
/// statement per entry (without SQLite's own `sqlite_stat*` tables, which `ANALYZE`
/// creates on demand), plus its `user_version` and the full-text index configuration.
///
/// Opens the file for writing (so that closing it removes the -wal and -shm files):
/// use it on copies of frozen fixtures.
pub fn schema_dump(path: &Path) -> rusqlite::Result<String> {
    let conn = rusqlite::Connection::open(path)?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let mut out = format!("-- user_version = {version}\n");
    let mut statement = conn.prepare(
        "SELECT sql FROM sqlite_master \
         WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
    )?;
    for sql in statement.query_map([], |r| r.get::<_, String>(0))? {
        out.push_str(&sql?);
        out.push_str(";\n");
    }
    let mut statement = conn.prepare("SELECT k, v FROM article_fts_config ORDER BY k")?;
    let rows = statement
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, rusqlite::types::Value>(1)?)))?;
    for row in rows {
        let (key, value) = row?;
        out.push_str(&format!("-- article_fts_config {key} = {value:?}\n"));
    }
    Ok(out)
}

/// `n` distinct synthetic articles of about `words` words each (deterministic).
pub fn synthetic_articles(n: usize, words: usize) -> Vec<PreparedArticle> {
    const SYLLABLES: [&str; 16] = [
        "كا", "لم", "سي", "رو", "نا", "بت", "دي", "قو", "فر", "مي", "زع", "طل", "هو", "جب", "صف",
        "ثر",
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..n)
        .map(|i| {
            let mut text = String::new();
            for _ in 0..words {
                let r = next();
                for k in 0..(2 + r % 3) {
                    text.push_str(SYLLABLES[((r >> (8 * k + 4)) % 16) as usize]);
                }
                text.push(' ');
            }
            text.push_str(&format!("رقم {i}"));
            prepared(
                Some(&format!("https://synthetic.example/{i}")),
                ["a", "b", "c"][i % 3],
                &format!("عنوان {i}"),
                &text,
            )
        })
        .collect()
}

/// From schema version 3 on: the signatures of articles 1, 2 and 6 (512 bytes each,
/// articles 1 and 2 equal) and two pairs: 1–2 exact, 1–6 near.
pub fn fixture_v3_dedup() -> (Vec<(i64, Vec<u8>)>, Vec<marsad_store::NearDuplicate>) {
    let sig = |seed: u8| (0..512).map(|i| (i as u8).wrapping_mul(7).wrapping_add(seed)).collect();
    let pair = |a, b, similarity, kind: &str| marsad_store::NearDuplicate {
        a,
        b,
        similarity,
        kind: kind.to_owned(),
    };
    (
        vec![(1, sig(1)), (2, sig(1)), (6, sig(2))],
        vec![pair(1, 2, 1.0, "exact"), pair(1, 6, 0.5625, "near")],
    )
}

/// What schema v4 added to its fixture: fingerprint keys of articles 1, 2 and 6 (2 is
/// an exact copy of 1, so the same keys) and an empty row for article 4 (too short),
/// plus one passage: the whole of article 1 in article 2, article 1 first.
pub fn fixture_v4_passages() -> (Vec<(i64, Vec<u8>)>, Vec<marsad_store::ReusedPassage>) {
    let keys = |seed: u32| (0..8u32).flat_map(|i| (i * 977 + seed).to_le_bytes()).collect();
    let len = fixture_articles()[0].raw.text.len();
    let passage = marsad_store::ReusedPassage {
        a: 1,
        b: 2,
        a_span: Span::new(0, len),
        b_span: Span::new(0, len),
        words: 13,
        source: 1,
    };
    (vec![(1, keys(1)), (2, keys(1)), (4, Vec::new()), (6, keys(5))], vec![passage])
}

/// Schema v5 content: articles 1, 2 (its exact copy) and 6 in story 1, 4 in its own
/// story, then story 4 merged into story 1 by article 5; article 3 left unclustered.
pub fn fixture_v5_stories() -> (
    Vec<marsad_store::StoryAssignment>,
    Vec<marsad_store::StoryMerge>,
    Vec<marsad_store::StoryRecord>,
) {
    let assign =
        |article, story, time, kind: &str, score, duplicate_of| marsad_store::StoryAssignment {
            article,
            story,
            time,
            kind: kind.to_owned(),
            score,
            duplicate_of,
        };
    let assignments = vec![
        assign(1, 1, 1_437_462_000, "new", None, None),
        assign(2, 1, 1_437_462_000, "duplicate", None, Some(1)),
        assign(4, 4, 1_437_465_600, "new", None, None),
        assign(6, 1, 1_437_469_200, "joined", Some(0.5), None),
        assign(5, 1, 1_437_472_800, "joined", Some(0.75), None),
    ];
    let merges = vec![marsad_store::StoryMerge { old: 4, new: 1, article: 5, time: 1_437_472_800 }];
    let summary = marsad_store::StoryRecord {
        id: 1,
        title: fixture_articles()[0].title.clone(),
        title_article: 1,
        first_seen: 1_437_462_000,
        last_seen: 1_437_472_800,
        outlets: vec!["a".into(), "b".into()],
        size: 5,
    };
    (assignments, merges, vec![summary])
}

/// Schema v6 content: annotations of articles 1 and 4 (a mention with a role, an
/// indirect quote with its speaker, a quantity range, a year) and the entity list of
/// story 1. Spans are found in the fixture texts.
pub fn fixture_v6_annotations() -> (
    Vec<marsad_store::ArticleAnnotations>,
    Vec<(marsad_store::StoryId, Vec<marsad_store::StoryEntity>)>,
) {
    use marsad_model::Span;
    use marsad_store::{
        ArticleAnnotations, StoredDate, StoredMention, StoredQuantity, StoredQuote, StoredSpeaker,
        StoryEntity,
    };
    let articles = fixture_articles();
    let span_of = |text: &str, part: &str| {
        let start = text.find(part).unwrap_or_else(|| panic!("{part} is not in {text}"));
        Span::new(start, start + part.len())
    };
    let first = &articles[0].raw.text;
    let fourth = &articles[3].raw.text;
    let one = ArticleAnnotations {
        article: 1,
        version: 1,
        reference_date: Some("2015-07-21".to_owned()),
        mentions: vec![StoredMention {
            span: span_of(first, "بغداد"),
            surface: "بغداد".to_owned(),
            kind: "LOC".to_owned(),
            entity: "بغداد".to_owned(),
            role: None,
        }],
        quotes: vec![StoredQuote {
            span: span_of(first, "اجتماعا مع نظيره الأمريكي"),
            direct: false,
            cue: Some("عقد".to_owned()),
            speaker: Some(StoredSpeaker {
                span: span_of(first, "وزير الدفاع العراقي"),
                text: "وزير الدفاع العراقي".to_owned(),
                entity: None,
            }),
        }],
        quantities: vec![StoredQuantity {
            span: span_of(first, "اجتماعا"),
            value: 1.0,
            unit: Some("meeting".to_owned()),
            approximate: true,
            range: Some([1.0, 2.5]),
        }],
        dates: Vec::new(),
    };
    let four = ArticleAnnotations {
        article: 4,
        version: 1,
        reference_date: None,
        dates: vec![StoredDate {
            span: span_of(fourth, "2023"),
            value: "2023".to_owned(),
            precision: "year".to_owned(),
            relative: false,
        }],
        ..ArticleAnnotations::default()
    };
    let story = StoryEntity {
        kind: "LOC".to_owned(),
        canonical: "بغداد".to_owned(),
        aliases: vec!["بغداد".to_owned()],
        roles: Vec::new(),
        count: 1,
        articles: 1,
    };
    (vec![one, four], vec![(1, vec![story])])
}
