//! SaudiNewsNet (../shared/corpora/saudinewsnet): one daily zip, read for real.
//! Skipped when the shared data is absent (unless MARSAD_REQUIRE_SHARED=1).

mod common;

use std::collections::HashSet;

use common::{read_one, shared_dir};
use marsad_ingest::input_size;

#[test]
fn one_saudinewsnet_day() {
    let Some(shared) = shared_dir() else {
        return;
    };
    let zip = shared.join("corpora/saudinewsnet/2015-07-22.zip");
    let events = read_one(&zip);
    let z = zip.display().to_string();
    assert!(events.problems.is_empty(), "{:?}", &events.reasons()[..events.problems.len().min(5)]);
    assert!(events.articles.len() > 1000, "{}", events.articles.len());
    assert_eq!(events.progress, input_size(std::slice::from_ref(&zip)));

    let urls: HashSet<_> = events.articles.iter().filter_map(|a| a.url.as_deref()).collect();
    assert_eq!(urls.len(), events.articles.len(), "every record has a unique url");
    for (i, a) in events.articles.iter().enumerate() {
        assert_eq!(a.origin, format!("{z}!/2015-07-22.json#{}", i + 1));
        assert!(a.outlet.is_some() && a.published.is_some(), "{}", a.origin);
        assert!(a.metadata.is_empty(), "{}: {:?}", a.origin, a.metadata);
    }
    let empty = events.articles.iter().filter(|a| a.text.is_empty()).count();
    assert!(empty < events.articles.len() / 10);
    // A few records have an empty title: None, not "".
    let untitled = events.articles.iter().filter(|a| a.title.is_none()).count();
    assert!((1..20).contains(&untitled), "{untitled}");
    let almadina = &events.articles[497];
    assert_eq!(
        (almadina.title.as_deref(), almadina.author.as_deref(), almadina.text.as_str()),
        (None, None, "")
    );

    let first = &events.articles[0];
    assert_eq!(first.outlet.as_deref(), Some("aawsat"));
    assert_eq!(
        first.url.as_deref(),
        Some("http://aawsat.com/home/article/411641/الفقر-أحد-أسباب-تأخر-النمو-العقلي-لدى-الأطفال")
    );
    assert_eq!(first.title.as_deref(), Some("الفقر أحد أسباب تأخر النمو العقلي لدى الأطفال"));
    assert_eq!(first.author.as_deref(), Some("القاهرة: «الشرق الأوسط أونلاين»"));
    assert_eq!(first.published.unwrap().to_rfc3339(), "2015-07-22T00:05:53+00:00");
    assert!(first.text.starts_with("توصلت دراسة جديدة إلى أن الفقر يؤثر على مخ الأطفال"));
}

#[test]
fn whole_saudinewsnet_corpus() {
    let Some(shared) = shared_dir() else {
        return;
    };
    let events = read_one(&shared.join("corpora/saudinewsnet"));
    assert!(events.problems.is_empty(), "{:?}", &events.reasons()[..events.problems.len().min(5)]);
    assert_eq!(events.articles.len(), 31_030);
    assert_eq!(events.articles.iter().filter(|a| a.text.is_empty()).count(), 354);
    let urls: HashSet<_> = events.articles.iter().filter_map(|a| a.url.as_deref()).collect();
    assert_eq!(urls.len(), 31_030);
}
