//! Issue 4: bad input never blows up: texts shorter than one shingle,
//! 10,000 identical copies, a 1 MB article; and incremental loading from
//! stored signatures gives the same pairs as one run.

use marsad_dedup::{DedupConfig, DedupError, DedupIndex, MinHasher, PairKind, Signature};

const STORY: &str = "قال وزير الخارجية إن المحادثات مع الوفد الأمريكي كانت مثمرة وبناءة \
    وتناولت التعاون الأمني والاقتصادي بين البلدين في المرحلة المقبلة وأضاف أن الجانبين \
    اتفقا على مواصلة الحوار الاستراتيجي وعقد جولة جديدة في واشنطن قبل نهاية العام";

fn sig(h: &MinHasher, text: &str) -> Result<Signature, DedupError> {
    h.signature(text).ok_or_else(|| DedupError::Config("text too short".into()))
}

#[test]
fn shorter_than_one_shingle_has_no_signature() -> Result<(), DedupError> {
    let h = MinHasher::new(&DedupConfig::default())?;
    assert!(h.signature("").is_none());
    assert!(h.signature("   ،،، !!! ").is_none());
    assert!(h.signature("خبر عاجل من الرياض").is_none());
    Ok(())
}

#[test]
fn ten_thousand_identical_copies_stay_bounded() -> Result<(), DedupError> {
    let config = DedupConfig::default();
    let cap = config.max_copy_pairs;
    let h = MinHasher::new(&config)?;
    let mut index = DedupIndex::new(config)?;
    let s = sig(&h, STORY)?;
    let mut total = 0usize;
    for id in 0..10_000u64 {
        let found = index.insert(id, s.clone())?;
        assert!(found.len() <= 2 * cap + 1, "copy {id}: {} pairs", found.len());
        assert!(found.iter().all(|m| m.kind == PairKind::Exact));
        if id > 0 {
            assert_eq!(found[0].other, 0);
        }
        total += found.len();
    }
    assert_eq!(index.len(), 10_000);
    assert!(total <= 10_000 * (cap + 1));
    Ok(())
}

#[test]
fn ten_thousand_near_copies_stay_bounded() -> Result<(), DedupError> {
    let config = DedupConfig::default();
    let h = MinHasher::new(&config)?;
    let mut index = DedupIndex::new(config)?;
    for id in 0..10_000u64 {
        let text = format!("{STORY} رقم {id}");
        let found = index.insert(id, sig(&h, &text)?)?;
        assert!(found.len() <= 32 * 1000);
    }
    Ok(())
}

#[test]
fn one_megabyte_article() -> Result<(), DedupError> {
    let config = DedupConfig::default();
    let h = MinHasher::new(&config)?;
    let mut big = String::new();
    let mut i = 0u64;
    while big.len() < 1 << 20 {
        big.push_str(&format!("كلمة{i} "));
        i += 1;
    }
    let mut index = DedupIndex::new(config)?;
    assert!(index.insert(1, sig(&h, &big)?)?.is_empty());
    big.push_str("ختام الخبر");
    let found = index.insert(2, sig(&h, &big)?)?;
    assert_eq!(found.len(), 1);
    assert!(found[0].similarity > 0.9);
    Ok(())
}

#[test]
fn reloading_stored_signatures_gives_the_same_pairs() -> Result<(), DedupError> {
    let config = DedupConfig::default();
    let h = MinHasher::new(&config)?;
    let texts: Vec<String> = (0..40)
        .map(|i| match i % 4 {
            0 => format!("{STORY} {i}"),
            1 => format!("مقدمة مختلفة تماما {i} {STORY}"),
            2 => STORY.to_string(),
            _ => format!("نص آخر لا علاقة له بالخبر رقم {i} عن الطقس والرياضة والاقتصاد المحلي"),
        })
        .collect();
    let sigs: Vec<Signature> = texts.iter().map(|t| sig(&h, t)).collect::<Result<_, _>>()?;

    let mut together = DedupIndex::new(config.clone())?;
    let mut all = Vec::new();
    for (id, s) in sigs.iter().enumerate() {
        for m in together.insert(id as u64, s.clone())? {
            all.push((m.other, id as u64, m.kind));
        }
    }

    // Two "runs": the second loads the first run's stored bytes, then adds the rest.
    let stored: Vec<Vec<u8>> = sigs[..20].iter().map(Signature::to_bytes).collect();
    let mut first = Vec::new();
    let mut run1 = DedupIndex::new(config.clone())?;
    for (id, s) in sigs[..20].iter().enumerate() {
        for m in run1.insert(id as u64, s.clone())? {
            first.push((m.other, id as u64, m.kind));
        }
    }
    let mut run2 = DedupIndex::new(config.clone())?;
    for (id, bytes) in stored.iter().enumerate() {
        run2.insert(id as u64, Signature::from_bytes(bytes, config.num_perm)?)?;
    }
    for (id, s) in sigs.iter().enumerate().skip(20) {
        for m in run2.insert(id as u64, s.clone())? {
            first.push((m.other, id as u64, m.kind));
        }
    }
    all.sort_by_key(|p| (p.0, p.1));
    first.sort_by_key(|p| (p.0, p.1));
    assert_eq!(all, first);
    assert!(!all.is_empty());
    Ok(())
}

#[test]
fn bad_settings_are_refused() {
    let config = DedupConfig { bands: 10, ..DedupConfig::default() };
    assert!(matches!(MinHasher::new(&config), Err(DedupError::Config(_))));
    assert!(DedupIndex::new(config).is_err());
}
