//! Unit tests for the date annotator.

use super::*;

fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, day)
}

fn values(text: &str, reference: Option<NaiveDate>) -> Vec<(String, String, bool)> {
    let doc = Doc::new(text);
    dates(&doc, reference).into_iter().map(|m| (m.text, m.value, m.relative)).collect()
}

#[test]
fn absolute_forms() {
    assert_eq!(
        values("في الفترة من 7 إلى 8 أغسطس / آب 2023 ،", None)[0].1,
        "2023-08-07/2023-08-08"
    );
    assert_eq!(values("من 7 إلى 8 آب 2023", None)[0].1, "2023-08-07/2023-08-08");
    assert_eq!(values("حرية – (26/7/2021)", None)[0].1, "2021-07-26");
    assert_eq!(values("في 2021-07-26", None)[0].1, "2021-07-26");
    assert_eq!(values("في يوليو 2021 عندما", None)[0].1, "2021-07");
    assert_eq!(values("منذ ديسمبر (كانون الأول) 2021،", None)[0].1, "2021-12");
    assert_eq!(values("لعام 2008 ،", None)[0].1, "2008");
    assert_eq!(values("في 2008 وقع", None)[0].1, "2008");
    assert_eq!(values("هجمات 11 سبتمبر عام 2001", None)[0].1, "2001-09-11");
    assert_eq!(values("في شباط 2023.", None)[0].1, "2023-02");
    assert_eq!(values("1 رمضان 1436 هـ", None)[0].1, "2015-06-18");
    assert_eq!(values("جويلية 2015", None)[0].1, "2015-07");
    assert_eq!(values("الخميس السادس من أغسطس 2015", None)[0].1, "2015-08-06");
    assert_eq!(values("الحادي والعشرين من تموز 2015", None)[0].1, "2015-07-21");
    assert_eq!(values("يوم 12 من أغسطس 2015", None)[0].1, "2015-08-12");
    // Umm al-Qura, not the tabular calendar (which says 27 July).
    assert_eq!(values("10-10-1436هـ", None)[0].1, "2015-07-26");
    assert!(values("نحو 2500 جندي", None).is_empty());
    assert!(values("مارس الرياضة", d(2023, 8, 9)).is_empty());
}

#[test]
fn relative_forms() {
    let r = d(2021, 7, 26); // a Monday
    assert_eq!(values("أمس", r)[0].1, "2021-07-25");
    assert_eq!(values("أمس الأول", r)[0].1, "2021-07-24");
    assert_eq!(values("اليوم الاثنين", r)[0].1, "2021-07-26");
    assert_eq!(values("وبدأ وفد عراقي، الخميس، في", r)[0].1, "2021-07-22");
    assert_eq!(values("يوم الخميس المقبل", r)[0].1, "2021-07-29");
    assert_eq!(values("الشهر الماضي", r)[0].1, "2021-06");
    assert_eq!(values("العام المقبل", r)[0].1, "2022");
    // Weeks run Sunday to Saturday (the guidelines' week).
    assert_eq!(values("الأسبوع الماضي", r)[0].1, "2021-07-18/2021-07-24");
    assert_eq!(values("في آذار / مارس ،", d(2023, 8, 8))[0].1, "2023-03");
    assert!(values("أمس", None).is_empty());
    let r = d(2015, 8, 3);
    // A weekday before a date is one item with the date's value (Umm al-Qura: 6 August).
    assert_eq!(values("الأحد 21 شوال", r)[0].1, "2015-08-06");
    // A Hijri month is its Umm al-Qura days (Ramadan 1436 has 29), at month precision.
    assert_eq!(values("خلال شهر رمضان", r)[0].1, "2015-06-18/2015-07-16");
    assert!(values("قال رمضان", r).is_empty());
}

#[test]
fn datelines() {
    assert_eq!(dateline("حرية – (26/7/2021)\nأعلن الرئيس"), d(2021, 7, 26));
    assert_eq!(dateline("خبر طويل بلا تاريخ"), None);
}
