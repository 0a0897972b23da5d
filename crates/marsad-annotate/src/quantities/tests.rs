//! Unit tests for the quantity annotator.

use super::*;

fn q(text: &str) -> Vec<(String, f64, Option<String>, bool)> {
    let doc = Doc::new(text);
    quantities(&doc, &[]).into_iter().map(|q| (q.text, q.value, q.unit, q.approximate)).collect()
}

#[test]
fn digits_scales_and_units() {
    assert_eq!(
        q("حررنا أكثر من 50 ألف كيلومتر مربع")[0],
        ("أكثر من 50 ألف كيلومتر مربع".into(), 50_000.0, Some("km2".into()), true)
    );
    assert_eq!(q("4.5 مليون عراقي")[0].1, 4_500_000.0);
    assert_eq!(
        q("نحو 2500 جندي")[0],
        ("نحو 2500 جندي".into(), 2500.0, Some("soldier".into()), true)
    );
    assert_eq!(q("ما يقارب من 2,500 جندي")[0].1, 2500.0);
    assert_eq!(q("بنسبة 64٪ في")[0].2.as_deref(), Some("percent"));
    assert_eq!(q("بنسبة 64 في المائة")[0].2.as_deref(), Some("percent"));
    assert_eq!(q("٤٫٥ مليون دولار")[0].1, 4_500_000.0);
    assert_eq!(q("إدراج 14 مصرفاً عراقياً")[0].2.as_deref(), Some("bank"));
    assert_eq!(
        q("أقل من ألف مقاتل")[0],
        ("أقل من ألف مقاتل".into(), 1000.0, Some("fighter".into()), true)
    );
    assert_eq!(q("خمسة وعشرين شخصا")[0].1, 25.0);
    assert_eq!(q("سيتقاضى 1،6 مليون يورو")[0].1, 1_600_000.0);
    assert_eq!(q("حتى مشارف 11،000 نقطة")[0].1, 11_000.0);
    assert_eq!(q("دفع مبلغ 5ر64 مليون يورو")[0].1, 64_000_000.0 / 64.0 * 5.64);
    assert_eq!(q("لتبلغ (627.3) مليون عملية")[0].1, 627_300_000.0);
    assert_eq!(q("لتبلغ (15516) جهازا")[0].2.as_deref(), Some("جهازا"));
    assert!(q("الغاية (2-2) و(1-2) لعام 1428 - 1429هـ").is_empty());
    assert_eq!(
        q("بطاقة 80.000 متر مكعب")[0],
        ("80.000 متر مكعب".into(), 80_000.0, Some("m3".into()), false)
    );
    assert!(q("الدور الـ 23 من كأس و«جنيف1» و%D8%84").is_empty());
}

#[test]
fn ranges() {
    let doc = Doc::new("بين 10 و20 قتيلا");
    let got = quantities(&doc, &[]);
    assert_eq!(got[0].range, Some([10.0, 20.0]));
    assert_eq!(got[0].unit.as_deref(), Some("killed"));
    let doc = Doc::new("من 10 إلى 20 شخصا و 10-20 يوما");
    let got = quantities(&doc, &[]);
    assert_eq!(got.len(), 2);
    assert_eq!(got[1].range, Some([10.0, 20.0]));
    let doc = Doc::new("ما بين ثلاثة وأربعة ملايين سائح");
    let got = quantities(&doc, &[]);
    assert_eq!(got[0].range, Some([3e6, 4e6]));
}

#[test]
fn not_quantities() {
    assert!(q("في عام 2019 حدث").is_empty());
    assert!(q("الساعة 10:30 صباحا").is_empty());
    assert!(q("اتصل على 0501234567").is_empty());
    assert!(q("طائرات F-16 و COVID-19").is_empty());
    assert!(q("أحد المسؤولين").is_empty());
}
