//! Main-text extraction on Arabic news pages: the hand-written fixture
//! (navigation, «اقرأ أيضاً» list, related articles, comments, footer, JSON-LD),
//! windows-1256 and ISO-8859-6 pages, Arabic datelines, and `.html` ingest.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use marsad_ingest::{extract, extract_file, Direction, ReadEvent, ReadOptions};
use std::path::Path;

const FIXTURE: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/tests/extract_fixtures/arabic_news.html");

const PARAGRAPHS: &[&str] = &[
    "أمل مسؤولون عسكريون من الولايات المتحدة والعراق",
    "واستقبل وزير الدفاع الأمريكي لويد ج. أوستن",
    "وبحسب البنتاغون ينظر من هذا الارتباط الثنائي",
    "تحالف يتجاوز مواجهة داعش",
    "«من خلال التحالف الدولي لهزيمة داعش",
    "وأضاف أوستن أن الجانبين سيعملان",
    "من جهته، قال العباسي",
    "ويأتي الحوار بعد أشهر من المشاورات الفنية",
];

const FURNITURE: &[&str] = &[
    "ملفات تعريف الارتباط",
    "الرئيسية",
    "مقالات الرأي",
    "ارتفاع أسعار النفط",
    "فيسبوك",
    "اقرأ أيضاً",
    "الكاظمي يصل إلى واشنطن",
    "البنتاغون: لا نية لسحب القوات",
    "أرشيف",
    "إعلان",
    "كلمات دلالية",
    "أخبار ذات صلة",
    "وزير الخارجية العراقي يلتقي نظيره",
    "بحث الجانبان العلاقات الثنائية",
    "التعليقات",
    "خطوة مهمة نأمل",
    "اترك تعليقاً",
    "الأكثر قراءة",
    "النشرة البريدية",
    "من نحن",
    "تابعونا",
    "جميع الحقوق محفوظة",
    "زر الذهاب إلى الأعلى",
    "بقلم",
];

#[test]
fn fixture_main_text_and_metadata() {
    let page = extract_file(Path::new(FIXTURE)).unwrap();
    let paragraphs: Vec<&str> = page.text.lines().collect();
    assert_eq!(paragraphs.len(), PARAGRAPHS.len(), "{}", page.text);
    for (line, start) in paragraphs.iter().zip(PARAGRAPHS) {
        assert!(line.starts_with(start), "{line:?} should start with {start:?}");
    }
    for furniture in FURNITURE {
        assert!(!page.text.contains(furniture), "{furniture:?} left in:\n{}", page.text);
    }
    assert_eq!(page.title.as_deref(), Some("واشنطن وبغداد تبحثان توسيع الشراكة الأمنية"));
    assert_eq!(page.published.unwrap().to_rfc3339(), "2023-08-07T21:15:00+03:00");
    assert_eq!(page.published_from, Some("json-ld"));
    assert_eq!(page.modified.unwrap().to_rfc3339(), "2023-08-08T09:02:00+03:00");
    assert_eq!(page.author.as_deref(), Some("فريق الرصد والمتابعة"));
    assert_eq!(
        page.canonical_url.as_deref(),
        Some("https://almarsad.example/politics/2023/08/07/us-iraq-security-dialogue")
    );
    assert_eq!(page.site_name.as_deref(), Some("المرصد الإخباري"));
    assert_eq!(page.language.as_deref(), Some("ar"));
    assert_eq!(page.direction, Some(Direction::Rtl));
    assert!(page.description.as_deref().unwrap().starts_with("وزيرا الدفاع"));
    assert_eq!(page.encoding, Some("UTF-8"));

    let txt = page.paragraphs_text();
    assert!(txt.contains("كامل.\n\nواستقبل"), "paragraphs separated by a blank line");
    let json = serde_json::to_value(&page).unwrap();
    assert_eq!(json["direction"], "rtl");
    assert_eq!(json["published"], "2023-08-07T21:15:00+03:00");
    let metadata = page.metadata();
    assert_eq!(metadata["title"], "واشنطن وبغداد تبحثان توسيع الشراكة الأمنية");
    assert_eq!(metadata["site_name"], "المرصد الإخباري");
    assert!(metadata.get("text").is_none());
}

#[test]
fn relative_canonical_is_resolved_against_the_page_url() {
    let html = std::fs::read(FIXTURE).unwrap();
    let page = extract(&html, Some("https://www.almarsad.example/p?id=48213"), None).unwrap();
    assert_eq!(
        page.canonical_url.as_deref(),
        Some("https://www.almarsad.example/politics/2023/08/07/us-iraq-security-dialogue")
    );
}

/// A page in a single-byte Arabic encoding, with or without a declaration.
fn legacy_page(encoding: &'static encoding_rs::Encoding, declare: bool) -> Vec<u8> {
    let head = if declare {
        format!(
            "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset={}\">",
            encoding.name()
        )
    } else {
        "<html><head>".to_owned()
    };
    let body = "<title>انفجار في بغداد</title></head><body><div class=\"menu\"><a href=\"/\">الرئيسية</a> <a href=\"/x\">أخبار</a></div>\
        <div class=\"article\"><p>بغداد - الأحد 15 تشرين الأول 2006</p>\
        <p>قالت مصادر في الشرطة العراقية إن انفجاراً وقع صباح اليوم في سوق شعبي وسط العاصمة، وأسفر عن سقوط عدد من الضحايا.</p>\
        <p>وأضافت المصادر أن قوات الأمن طوقت المكان ونقلت المصابين إلى المستشفيات القريبة، فيما فتحت السلطات تحقيقاً في الحادث.</p>\
        </div><div class=\"footer\">جميع الحقوق محفوظة</div></body></html>";
    let mut out = encoding.encode(&head).0.into_owned();
    let (body, _, unmappable) = encoding.encode(body);
    assert!(!unmappable);
    out.extend_from_slice(&body);
    out
}

#[test]
fn windows_1256_and_iso_8859_6_pages() {
    for encoding in [encoding_rs::WINDOWS_1256, encoding_rs::ISO_8859_6] {
        for declare in [true, false] {
            let bytes = legacy_page(encoding, declare);
            let page = extract(&bytes, None, None).unwrap();
            let what = format!("{} declared={declare}", encoding.name());
            assert_eq!(page.encoding, Some(encoding.name()), "{what}");
            assert_eq!(page.title.as_deref(), Some("انفجار في بغداد"), "{what}");
            assert!(page.text.contains("قالت مصادر في الشرطة العراقية"), "{what}: {}", page.text);
            assert!(page.text.contains("فتحت السلطات تحقيقاً"), "{what}");
            assert!(!page.text.contains("الرئيسية"), "{what}");
            assert!(!page.text.contains("جميع الحقوق"), "{what}");
            // The dateline, with a Levantine month name.
            assert_eq!(page.published.unwrap().to_rfc3339(), "2006-10-15T00:00:00+00:00", "{what}");
            assert_eq!(page.published_from, Some("text"), "{what}");
            assert_eq!(page.direction, Some(Direction::Rtl), "{what}");
        }
        // The HTTP charset decides over detection.
        let bytes = legacy_page(encoding, false);
        let page = extract(&bytes, None, Some(encoding.name())).unwrap();
        assert!(page.text.contains("قالت مصادر"));
    }
}

#[test]
fn arabic_datelines_and_url_dates() {
    let page = |body: &str, url: Option<&str>| {
        let html = format!(
            "<html><body><h1>عنوان</h1>{body}<p>{}</p></body></html>",
            "نص الخبر الطويل. ".repeat(30)
        );
        extract(html.as_bytes(), url, None).unwrap()
    };
    let cases = [
        ("<div class=\"date\">نشر بتاريخ: ٧ أغسطس ٢٠٢٣</div>", "2023-08-07"),
        ("<span>الخميس 3 كانون الثاني 2019 | 10:45</span>", "2019-01-03"),
        ("<span>الأحد، 5 يونيو 2022</span>", "2022-06-05"),
        ("<time datetime=\"2021-03-04T05:06:07Z\">منذ ساعتين</time>", "2021-03-04"),
    ];
    for (body, expected) in cases {
        let p = page(body, None);
        assert_eq!(
            p.published.map(|d| d.format("%Y-%m-%d").to_string()).as_deref(),
            Some(expected),
            "{body}"
        );
    }
    let p = page("", Some("https://example.com/news/2020/02/29/slug.html"));
    assert_eq!(p.published.unwrap().to_rfc3339(), "2020-02-29T00:00:00+00:00");
    assert_eq!(p.published_from, Some("url"));
    assert_eq!(p.canonical_url.as_deref(), Some("https://example.com/news/2020/02/29/slug.html"));
}

#[test]
fn html_files_are_ingested_as_extracted_articles() {
    let mut articles = Vec::new();
    marsad_ingest::read_inputs(&[FIXTURE.into()], &ReadOptions::default(), &mut |event| {
        if let ReadEvent::Article(a) = event {
            articles.push(a);
        }
    });
    let a = &articles[0];
    assert_eq!(a.title.as_deref(), Some("واشنطن وبغداد تبحثان توسيع الشراكة الأمنية"));
    assert_eq!(a.outlet.as_deref(), Some("المرصد الإخباري"));
    assert_eq!(a.author.as_deref(), Some("فريق الرصد والمتابعة"));
    assert_eq!(a.published.unwrap().to_rfc3339(), "2023-08-07T21:15:00+03:00");
    assert!(a.url.as_deref().unwrap().ends_with("/us-iraq-security-dialogue"));
    assert!(a.text.starts_with("أمل مسؤولون"));
    assert!(!a.text.contains("اقرأ أيضاً"));
    assert_eq!(a.metadata["language"], "ar");
    assert_eq!(a.metadata["direction"], "rtl");
    assert_eq!(a.metadata["modified"], "2023-08-08T09:02:00+03:00");
}
