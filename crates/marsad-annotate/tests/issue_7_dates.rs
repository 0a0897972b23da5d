//! Issue 7, dates: the behaviours fixed on the development set
//! (eval/annotate-dev), each as the guidelines (eval/annotate/GUIDELINES.md) want it.

use chrono::NaiveDate;
use marsad_annotate::annotate;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// (text, ISO value, precision) of every date in `text` against `reference`.
fn dates(text: &str, reference: NaiveDate) -> Vec<(String, String, String)> {
    annotate(text, Some(reference), &[])
        .dates
        .into_iter()
        .map(|d| (d.text, d.value, format!("{:?}", d.precision).to_lowercase()))
        .collect()
}

fn only(text: &str, reference: NaiveDate) -> (String, String, String) {
    let found = dates(text, reference);
    assert_eq!(found.len(), 1, "{text}: {found:?}");
    found.into_iter().next().unwrap_or_default()
}

fn value(text: &str, reference: NaiveDate) -> String {
    only(text, reference).1
}

#[test]
fn hijri_dates_follow_umm_al_qura() {
    let r = day(2015, 8, 10);
    // The dateline's own Gregorian half confirms it: الموافق 10 أغسطس 2015.
    assert_eq!(value("جدة 25 شوال 1436 هـ", r), "2015-08-10");
    assert_eq!(value("حتى نهاية 21 شوال الجاري.", day(2015, 7, 23)), "2015-08-06");
    // A Hijri month is the range of its days at month precision (Ramadan 1436 has 29 days).
    let ramadan = only("الذي كان في شهر رمضان بمعدل", day(2015, 7, 31));
    assert_eq!((ramadan.1.as_str(), ramadan.2.as_str()), ("2015-06-18/2015-07-16", "month"));
}

#[test]
fn a_deictic_day_naming_its_weekday_is_one_item_and_the_weekday_wins() {
    // Crawled on a Tuesday, "today (Monday)": the article is from Monday.
    let tuesday = day(2015, 7, 21);
    assert_eq!(only("صباح اليوم الاثنين بمشيئة الله", tuesday).0, "اليوم الاثنين");
    assert_eq!(value("صباح اليوم الاثنين بمشيئة الله", tuesday), "2015-07-20");
    assert_eq!(value("وتستكمل اليوم الأثنين البطولة", day(2015, 8, 11)), "2015-08-10");
    let wednesday = day(2015, 7, 22);
    assert_eq!(only("فجر اليوم (الأربعاء)، فقد", wednesday).0, "اليوم (الأربعاء)");
    assert_eq!(value("تفجير وقع أول من أمس(الاثنين) في", wednesday), "2015-07-20");
    assert_eq!(only("أعلن التنظيم أمس الخميس مسؤوليته", day(2015, 7, 24)).0, "أمس الخميس");
    assert_eq!(value("في انفجار الليلة الماضية في", day(2015, 7, 24)), "2015-07-23");
}

#[test]
fn an_outlet_named_today_is_not_a_date() {
    assert!(dates("نايف عبدالله – عين اليوم", day(2015, 8, 2)).is_empty());
}

#[test]
fn a_weekday_before_a_date_takes_the_date() {
    let r = day(2015, 7, 21);
    assert_eq!(
        only("تظاهر عشرات الأحد 19 يوليو في", r),
        ("الأحد 19 يوليو".into(), "2015-07-19".into(), "day".into())
    );
    let found = only("ستعلن يوم الخميس 28 شوال الجاري، لافتا", day(2015, 7, 23));
    assert_eq!((found.0.as_str(), found.1.as_str()), ("يوم الخميس 28 شوال الجاري", "2015-08-13"));
}

#[test]
fn weeks_run_sunday_to_saturday() {
    let sunday = day(2015, 8, 2);
    assert_eq!(value("خلال الأسبوع الجاري.", sunday), "2015-08-02/2015-08-08");
    assert_eq!(value("تفجيرات الأسبوع الماضي", day(2015, 8, 8)), "2015-07-26/2015-08-01");
    assert_eq!(value("الذي حصل مطلع الأسبوع عندما", day(2015, 7, 27)), "2015-07-26/2015-08-01");
}

#[test]
fn two_weekdays_share_a_plural_direction() {
    let found = only("يوميْ الأحد والاثنين المقبلين.", day(2015, 8, 2));
    assert_eq!(found.1, "2015-08-09/2015-08-10");
}

#[test]
fn a_bare_weekday_in_a_future_sentence_looks_ahead() {
    assert_eq!(value("وسيخوض الفريق مباراته الاثنين", day(2015, 8, 8)), "2015-08-10");
    assert_eq!(value("وخاض الفريق مباراته الاثنين", day(2015, 8, 8)), "2015-08-03");
}

#[test]
fn quarters_and_parts_of_a_period() {
    let r = day(2015, 7, 27);
    let q = only("ابتداء من الربع الثاني من العام المقبل 2016.", r);
    assert_eq!((q.1.as_str(), q.2.as_str()), ("2016-04/2016-06", "month"));
    assert_eq!(value("في الربع الأول من العام الجاري", r), "2015-01/2015-03");
    assert_eq!(value("وتوقع سن القانون بنهاية العام وإطلاق", r), "2015");
    assert_eq!(value("منذ بداية الشهر", r), "2015-07");
    // A stated year is the absolute reader's: مطلع العام 2016 is 2016, not this year.
    assert_eq!(value("مطلع العام 2016", r), "2016");
}

#[test]
fn units_ago_are_dates() {
    let r = day(2015, 7, 26);
    assert_eq!(value("الذي وقع قبل يومين.", r), "2015-07-24");
    let years = only("أعلى مستوى له منذ أربع سنوات الشهر", r);
    assert_eq!(
        (years.0.as_str(), years.1.as_str(), years.2.as_str()),
        ("منذ أربع سنوات", "2011", "year")
    );
    assert_eq!(value("قبل نحو 4 أشهر", r), "2015-03");
    assert_eq!(value("قبل 40 سنة", r), "1975");
    // "منذ شهر يونيو 2013" is a month, not "a month ago".
    assert_eq!(value("بدأ نشاطاته منذ شهر يونيو 2013.", r), "2013-06");
}

#[test]
fn months_without_a_year_follow_direction_and_tense() {
    let r = day(2015, 8, 1);
    assert_eq!(value("وكان حجي توقع في نوفمبر إطلاق", r), "2014-11");
    assert_eq!(value("ستقام البطولة في نوفمبر", r), "2015-11");
    assert_eq!(value("سيكون جاهزا في أكتوبر المقبل", r), "2015-10");
    assert_eq!(value("اعتذر عنها في فبراير شباط الماضي", r), "2015-02");
    // Two names of one month with no mark between are one month.
    assert_eq!(value("في أبريل نيسان 2016 قبل", r), "2016-04");
    assert_eq!(only("في مايو أيار إنها", r).0, "مايو أيار");
}

#[test]
fn joined_dates_are_one_range() {
    let found = only(
        "في الفترة بين 22 ديسمبر كانون الأول المقبل والرابع من يناير كانون الثاني 2016.",
        day(2015, 8, 4),
    );
    assert_eq!(found.1, "2015-12-22/2016-01-04");
    let years = only("أعلام الولايات 1861-1865 أثناء", day(2015, 7, 21));
    assert_eq!((years.1.as_str(), years.2.as_str()), ("1861/1865", "year"));
    assert_eq!(value("لموسم 2015/ 2016", day(2015, 8, 2)), "2015/2016");
    assert!(dates("بين 1500-2000 ريال", day(2015, 8, 2)).is_empty());
}
