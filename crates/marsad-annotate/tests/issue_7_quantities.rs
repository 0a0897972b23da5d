//! Issue 7, quantities: the behaviours fixed on the development set
//! (eval/annotate-dev), as the guidelines want them.

use marsad_annotate::annotate;

/// (text, value) of every quantity in `text`.
fn quantities(text: &str) -> Vec<(String, f64)> {
    annotate(text, None, &[]).quantities.into_iter().map(|q| (q.text, q.value)).collect()
}

fn values(text: &str) -> Vec<f64> {
    quantities(text).into_iter().map(|(_, v)| v).collect()
}

#[test]
fn numbers_inside_names_are_not_quantities() {
    assert_eq!(values("وأغلق المؤشر يوروفرست 300 لأسهم الشركات منخفضا 0.6 في المئة."), vec![0.6]);
    assert!(values("انخفض المؤشر فايننشال تايمز 100 البريطاني والمؤشر كاك 40 الفرنسي.").is_empty());
    assert!(values("قرار تأجيل بطولة خليجي 23 رغم وثوقها بالجاهزية.").is_empty());
    assert!(values("بمشاركة طائرات من نوع «شاهين – إف 16» في الغارات.").is_empty());
    // A count after a bare noun stays: "مقتل 32 شخصا", "وإصابة 17 آخرين".
    assert_eq!(values("مقتل 32 شخصا وإصابة 17 آخرين."), vec![32.0, 17.0]);
}

#[test]
fn vague_amounts_are_not_quantities() {
    assert!(values("تظاهر عشرات من أعضاء المنظمة في الولاية.").is_empty());
    assert!(values("توفير ملايين الوظائف بملايين الريالات.").is_empty());
}

#[test]
fn a_cardinal_after_its_noun_counts_it() {
    let found = quantities("والدواوين الخمسة هي ثلاثة، واحتوى الكتاب صور الشعراء الخمسة والثلاثين.");
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0], ("والدواوين الخمسة".to_owned(), 5.0));
    assert_eq!(found[1], ("الشعراء الخمسة والثلاثين".to_owned(), 35.0));
    assert_eq!(values("على مدى السنوات العشر المقبلة."), vec![10.0]);
    // Ordinals and centuries are not counts.
    assert!(values("في الموسم الخامس من القرن العشرين.").is_empty());
}

#[test]
fn seven_and_ten_alone_before_a_plural_noun() {
    assert_eq!(values("يتكون من سبع تخصصات."), vec![7.0]);
    assert_eq!(values("استضافت البطولة ثلاث مرات وأحرزت اللقب عشر مرات."), vec![3.0, 10.0]);
    // "ست" before a definite word is "lady", not six.
    assert!(values("غنت ست الحبايب.").is_empty());
}

#[test]
fn durations_ago_are_dates_not_quantities() {
    let a = annotate(
        "سجل أعلى مستوى له منذ أربع سنوات.",
        chrono::NaiveDate::from_ymd_opt(2015, 7, 26),
        &[],
    );
    assert!(a.quantities.is_empty(), "{:?}", a.quantities);
    assert_eq!(a.dates.len(), 1);
}

#[test]
fn an_age_after_the_article_is_a_quantity_a_rank_is_not() {
    assert_eq!(values("وقاد سابيلا صاحب الـ 60 عاما المنتخب."), vec![60.0]);
    assert!(values("ضمن منافسات كأس ولي العهد بدور الـ 32 المقبل.").is_empty());
}
