//! Issue 7 bar on the five seed articles (`examples/seeds`): every quote with
//! its speaker, the figures and the dates, as insta snapshots of a readable
//! listing, plus explicit checks of the items the issue names.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code

use marsad_annotate::{annotate, Annotations};
use std::fmt::Write as _;
use std::path::PathBuf;

fn seed(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/seeds").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

const SEEDS: [&str; 5] = [
    "000_3764c3d9eba899d3.txt",
    "001_b722c595d9660330.txt",
    "002_1664d10b82cc0e1f.txt",
    "003_7bb7ae16394dc573.txt",
    "004_4de39128c6cd87f4.txt",
];

fn short(s: &str, n: usize) -> String {
    let one_line = s.replace('\n', " ");
    let mut out: String = one_line.chars().take(n).collect();
    if one_line.chars().count() > n {
        out.push('…');
    }
    out
}

/// A listing of the annotations, one line each, for review in snapshots.
fn listing(text: &str, a: &Annotations) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "reference_date: {:?}", a.reference_date.map(|d| d.to_string()));
    let _ = writeln!(out, "## quotes");
    for q in &a.quotes {
        assert_eq!(q.span.slice(text), q.text);
        let speaker = q.speaker.as_ref().map_or("-".to_owned(), |s| {
            assert_eq!(s.span.slice(text), s.text);
            format!("{} => {}", s.text, s.entity.as_deref().unwrap_or("?"))
        });
        let _ = writeln!(
            out,
            "{} | {} | {} | {}",
            if q.direct { "direct" } else { "indirect" },
            q.cue.as_deref().unwrap_or("-"),
            speaker,
            short(&q.text, 50)
        );
    }
    let _ = writeln!(out, "## quantities");
    for q in &a.quantities {
        assert_eq!(q.span.slice(text), q.text);
        let _ = writeln!(
            out,
            "{} | {} | {} | approx={}{}",
            q.text,
            q.value,
            q.unit.as_deref().unwrap_or("-"),
            q.approximate,
            q.range.map_or(String::new(), |r| format!(" | range={}-{}", r[0], r[1]))
        );
    }
    let _ = writeln!(out, "## dates");
    for d in &a.dates {
        assert_eq!(d.span.slice(text), d.text);
        let _ =
            writeln!(out, "{} | {} | {:?} | relative={}", d.text, d.value, d.precision, d.relative);
    }
    out
}

fn run(name: &str) -> (String, Annotations) {
    let text = seed(name);
    let a = annotate(&text, None, &[]);
    (text, a)
}

#[test]
fn issue_7_seed_snapshots() {
    for name in SEEDS {
        let (text, a) = run(name);
        insta::assert_snapshot!(name, listing(&text, &a));
    }
}

fn speakers(a: &Annotations) -> Vec<String> {
    a.quotes
        .iter()
        .filter_map(|q| q.speaker.as_ref())
        .filter_map(|s| s.entity.clone().or(Some(s.text.clone())))
        .collect()
}

fn has_quantity(a: &Annotations, value: f64, unit: &str) -> bool {
    a.quantities.iter().any(|q| q.value == value && q.unit.as_deref() == Some(unit))
}

fn has_date(a: &Annotations, value: &str) -> bool {
    a.dates.iter().any(|d| d.value == value)
}

#[test]
fn issue_7_seed_speakers() {
    let mut all = Vec::new();
    for name in SEEDS {
        all.extend(speakers(&run(name).1));
    }
    for who in [
        "أوستن",
        "العباسي",
        "سترول",
        "ماكفارلين",
        "ماكفرلين",
        "رومانوفسكي",
        "الكاظمي",
        "بايدن",
        "ساكي",
        "بلينكن",
        "فؤاد حسين",
        "كيربي",
    ] {
        assert!(all.iter().any(|s| s.contains(who)), "no quote by {who}: {all:?}");
    }
}

#[test]
fn issue_7_seed_figures() {
    let a = run(SEEDS[0]).1;
    assert!(has_quantity(&a, 50_000.0, "km2"));
    assert!(has_quantity(&a, 4_500_000.0, "عراقي"));
    assert!(has_quantity(&a, 2500.0, "soldier"));
    assert!(has_quantity(&a, 64.0, "percent"));
    assert!(has_quantity(&a, 1000.0, "fighter"));
    assert!(has_quantity(&a, 14.0, "bank"));
    assert!(a.quantities.iter().any(|q| q.value == 1000.0 && q.approximate));
    let c = run(SEEDS[3]).1;
    assert!(has_quantity(&c, 2500.0, "soldier"));
    assert!(has_quantity(&c, 64.0, "percent"));
}

#[test]
fn issue_7_seed_dates() {
    let a = run(SEEDS[0]).1;
    for v in ["2023-08-07/2023-08-08", "2021-07", "2021-12", "2008", "2023-03", "2023-02"] {
        assert!(has_date(&a, v), "seed 000 lacks {v}");
    }
    let b = run(SEEDS[1]).1;
    assert_eq!(b.reference_date.map(|d| d.to_string()).as_deref(), Some("2021-07-26"));
    assert!(has_date(&b, "2021-07-26"));
    let e = run(SEEDS[4]).1;
    for v in ["2023-08-07/2023-08-08", "2021-07", "2023-02", "2008"] {
        assert!(has_date(&e, v), "seed 004 lacks {v}");
    }
}
