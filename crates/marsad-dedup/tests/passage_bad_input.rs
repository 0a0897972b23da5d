//! Issue 4 (passage reuse): bad input never blows up: texts shorter than one
//! fingerprint window, 10,000 identical copies (capped fingerprint lists keep the work
//! linear), a 1 MB article, and a text that repeats one sentence thousands of times.

use std::time::Instant;

use marsad_dedup::passage::{align, tokens, winnow_keys, PassageConfig, PrintIndex};
use marsad_dedup::DedupError;

const STATEMENT: &str = "أكدت وزارة الدفاع العراقية ونظيرتها الأميركية التزامهما بالتعاون الأمني \
    واهتمامهما المشترك بالاستقرار الإقليمي وبحث الجانبان كيفية تطور المهمة العسكرية للتحالف \
    وفق جدول زمني يتفق عليه الطرفان";

#[test]
fn texts_shorter_than_one_window_have_no_prints_and_no_passages() -> Result<(), DedupError> {
    let config = PassageConfig::default();
    let mut index = PrintIndex::new(&config);
    for (id, text) in ["", "خبر", "خبر عاجل من الرياض", "خبر عاجل من الرياض اليوم", "!!! ،،،"]
        .into_iter()
        .enumerate()
    {
        let toks = tokens(text);
        let keys = winnow_keys(&toks, &config);
        assert!(keys.len() <= 1, "{text}: {keys:?}");
        index.insert(id as u64, &keys)?;
        assert!(index.candidates(id as u64, &keys, &config).is_empty());
        assert!(align(&toks, &tokens(STATEMENT), &config).is_empty());
    }
    Ok(())
}

#[test]
fn ten_thousand_identical_copies_stay_linear() -> Result<(), DedupError> {
    let config = PassageConfig::default();
    let mut index = PrintIndex::new(&config);
    let toks = tokens(STATEMENT);
    let keys = winnow_keys(&toks, &config);
    let started = Instant::now();
    let mut aligned = 0usize;
    for id in 0..10_000u64 {
        let candidates = index.candidates(id, &keys, &config);
        assert!(candidates.len() <= config.max_postings.min(config.max_candidates));
        for _ in &candidates {
            aligned += align(&toks, &toks, &config).len();
        }
        index.insert(id, &keys)?;
    }
    assert_eq!(index.len(), 10_000);
    assert!(aligned <= 10_000 * config.max_candidates);
    assert!(started.elapsed().as_secs() < 60, "{:?}", started.elapsed());
    Ok(())
}

#[test]
fn a_one_megabyte_article_aligns_with_its_copy() {
    let config = PassageConfig::default();
    let mut big = String::new();
    let mut i = 0u64;
    while big.len() < 1 << 20 {
        big.push_str(&format!("كلمة{i} "));
        i += 1;
    }
    let edited = format!("مقدمة جديدة تماما. {big}");
    let found = align(&tokens(&big), &tokens(&edited), &config);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].a.slice(&big), big.trim_end());
}

#[test]
fn one_sentence_repeated_thousands_of_times_stays_bounded() {
    let config = PassageConfig::default();
    let repeated = format!("{STATEMENT}. ").repeat(3000);
    let started = Instant::now();
    let found = align(&tokens(&repeated), &tokens(&repeated), &config);
    assert!(!found.is_empty());
    assert!(started.elapsed().as_secs() < 30, "{:?}", started.elapsed());
}
