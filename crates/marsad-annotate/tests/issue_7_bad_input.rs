//! Issue 7: bad input never panics, every span fits the text, and hostile
//! input (floods of quote marks, numbers, dates, titles) stays linear.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code

use marsad_annotate::{annotate, Annotations};
use proptest::prelude::*;
use std::time::Instant;

fn check(text: &str, a: &Annotations) {
    for q in &a.quotes {
        assert_eq!(text.get(q.span.start..q.span.end), Some(q.text.as_str()));
        if let Some(s) = &q.speaker {
            assert_eq!(text.get(s.span.start..s.span.end), Some(s.text.as_str()));
        }
    }
    for q in &a.quantities {
        assert_eq!(text.get(q.span.start..q.span.end), Some(q.text.as_str()));
        assert!(q.value.is_finite());
    }
    for d in &a.dates {
        assert_eq!(text.get(d.span.start..d.span.end), Some(d.text.as_str()));
    }
}

/// Pieces that exercise every annotator.
const PIECES: &[&str] = &[
    "قال",
    "وقال",
    "إن",
    "أن",
    ":",
    "«",
    "»",
    "“",
    "”",
    "\"",
    "،",
    ".",
    "\n",
    " ",
    "الوزير",
    "وزير",
    "الدفاع",
    "أوستن",
    "لويد",
    "مضيفا",
    "وأضاف",
    "نحو",
    "أكثر من",
    "50",
    "4.5",
    "٤٫٥",
    "2,500",
    "ألف",
    "مليون",
    "وعشرين",
    "خمسة",
    "بين",
    "و",
    "من",
    "إلى",
    "-",
    "/",
    "26",
    "7",
    "2021",
    "1436",
    "هـ",
    "تموز",
    "آب",
    "أغسطس",
    "رمضان",
    "كانون",
    "الأول",
    "أمس",
    "اليوم",
    "الاثنين",
    "المقبل",
    "العام",
    "الماضي",
    "%",
    "٪",
    "في المائة",
    "جندي",
    "(",
    ")",
    "\u{200f}",
    "ـ",
    "\u{fdfa}",
    "x",
    "9999999999",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn issue_7_pieces_never_panic(idx in proptest::collection::vec(0..PIECES.len(), 0..80), day in 0u32..40) {
        let text: String = idx.iter().map(|&i| PIECES[i]).collect::<Vec<_>>().join(" ");
        let published = chrono::NaiveDate::from_ymd_opt(2015, 7, day.clamp(1, 28));
        let a = annotate(&text, published, &[]);
        check(&text, &a);
    }

    #[test]
    fn issue_7_any_string_never_panics(text in "\\PC{0,200}") {
        let a = annotate(&text, None, &[]);
        check(&text, &a);
    }
}

#[test]
fn issue_7_hostile_floods_stay_fast() {
    for unit in [
        "«x» ",
        "أمس ",
        "50 ألف ",
        "وقال الوزير إن ",
        "\" ",
        "وزير الدفاع لويد أوستن، ",
        "وزير الدفاع لويد أوستن:\nنص قصير.\n",
    ] {
        let text = unit.repeat(200_000 / unit.len());
        let start = Instant::now();
        let a = annotate(&text, chrono::NaiveDate::from_ymd_opt(2015, 7, 21), &[]);
        check(&text, &a);
        assert!(start.elapsed().as_secs_f64() < 5.0, "{unit:?} took {:?}", start.elapsed());
    }
}
