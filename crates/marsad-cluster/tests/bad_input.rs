//! Bad input never panics and never blows up: empty text, no date, odd
//! characters, repeated ids, and floods of identical articles.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use marsad_cluster::{ArticleInput, ClusterConfig, ClusterError, Clusterer, DecisionKind};

#[test]
fn empty_articles_start_their_own_story() {
    let mut c = Clusterer::new(ClusterConfig::default()).unwrap();
    for id in 0..5 {
        let d = c.assign(&ArticleInput::new(id, None, "", "")).unwrap();
        assert_eq!((d.story, d.kind), (id, DecisionKind::New));
    }
    let odd = ArticleInput::new(9, Some(-5), "\u{200f}\u{0640}«»", "\u{0000}\u{fffd} ... ؟؟ !!");
    assert_eq!(c.assign(&odd).unwrap().story, 9);
}

#[test]
fn articles_without_dates_use_ingest_order() {
    let mut c = Clusterer::new(ClusterConfig::default()).unwrap();
    let text = "أعلنت وزارة الصحة افتتاح مستشفى جديد في مدينة تبوك بسعة مئتي سرير";
    assert_eq!(c.assign(&ArticleInput::new(1, None, "", text)).unwrap().time, 0);
    let dated = c.assign(&ArticleInput::new(2, Some(1_000_000), "", "خبر آخر")).unwrap();
    assert_eq!(dated.time, 1_000_000);
    let d = c.assign(&ArticleInput::new(3, None, "", text)).unwrap();
    assert_eq!(d.time, 1_000_000, "an undated article gets the latest time seen");
}

#[test]
fn an_id_in_the_window_cannot_be_assigned_twice() {
    let mut c = Clusterer::new(ClusterConfig::default()).unwrap();
    let a = ArticleInput::new(1, Some(10), "عنوان", "نص الخبر");
    c.assign(&a).unwrap();
    assert_eq!(c.assign(&a), Err(ClusterError::DuplicateArticle(1)));
}

#[test]
fn bad_settings_are_an_error_not_a_panic() {
    let config = ClusterConfig { threshold: f64::NAN, ..ClusterConfig::default() };
    assert!(matches!(Clusterer::new(config), Err(ClusterError::Config(_))));
}

#[test]
fn ten_thousand_identical_articles_make_one_story_quickly() {
    let mut c = Clusterer::new(ClusterConfig::default()).unwrap();
    let text = "أعلنت الهيئة العامة للأرصاد الجوية عن موجة حارة تضرب المنطقة الشرقية \
                خلال الأيام المقبلة مع ارتفاع درجات الحرارة إلى خمسين درجة مئوية";
    let start = std::time::Instant::now();
    for id in 0..10_000 {
        let d = c.assign(&ArticleInput::new(id, Some(1_000 + id), "موجة حارة", text)).unwrap();
        assert_eq!(d.story, 0);
    }
    assert_eq!(c.open_stories(), 1);
    assert!(start.elapsed().as_secs() < 30, "took {:?}", start.elapsed());
}

#[test]
fn the_window_forgets_old_articles() {
    let config = ClusterConfig::default();
    let mut c = Clusterer::new(config.clone()).unwrap();
    let text = "افتتاح معرض الكتاب الدولي في الرياض بمشاركة خمسمئة دار نشر";
    c.assign(&ArticleInput::new(1, Some(0), "معرض الكتاب", text)).unwrap();
    let late = c.assign(&ArticleInput::new(2, Some(config.window_secs + 1), "معرض الكتاب", text));
    assert_eq!(late.unwrap().story, 2, "the first article left the window");
    assert_eq!(c.window_len(), 1);
    // An article older than the window is assigned (here to the current
    // story, at a decayed score) but holds no state.
    let old = c.assign(&ArticleInput::new(3, Some(0), "معرض الكتاب", text)).unwrap();
    assert_eq!(old.story, 2);
    assert_eq!(c.window_len(), 1);
}
