//! Issue 3: `marsad extract PATH... --out DIR` writes DIR/<stem>.txt (main text, paragraphs
//! separated by blank lines) and DIR/<stem>.json (metadata) for every HTML file.

mod common;

use common::*;

const PAGE: &str = r#"<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>العراق وأميركا يؤكدان التزامهما بالتعاون الأمني | صحيفة المثال</title>
<meta property="og:site_name" content="صحيفة المثال">
<link rel="canonical" href="https://example.news/2023/08/08/jscd">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"العراق وأميركا يؤكدان التزامهما بالتعاون الأمني","datePublished":"2023-08-08T19:30:00+03:00",
"author":{"@type":"Person","name":"مراسل المثال"}}</script></head>
<body><nav><a href="/">الرئيسية</a> <a href="/iraq">العراق</a> <a href="/world">العالم</a></nav>
<article><h1>العراق وأميركا يؤكدان التزامهما بالتعاون الأمني</h1>
<p>أصدرت وزارة الدفاع العراقية ونظيرتها الأميركية بياناً مشتركاً حول الحوار الأمني المشترك أكدتا من خلاله مجدداً التزامهما بالتعاون الأمني واهتمامهما المشترك بالاستقرار الإقليمي.</p>
<p>وأوضح البيان أن وزارة الدفاع العراقية اختتمت مع وزارة الدفاع الأميركية حوار التعاون الأمني المشترك في واشنطن يومي السابع والثامن من آب الجاري.</p>
<p>وأكد البيان أن الولايات المتحدة والعراق يعتزمان التشاور بشأن عملية مستقبلية لتحديد كيفية تطور المهمة العسكرية للتحالف وفق جدول زمني.</p>
</article>
<aside><h3>اقرأ أيضاً</h3><ul><li><a href="/a">إسرائيل تدمن انتهاك الأجواء العراقية</a></li>
<li><a href="/b">إلهام شاهين تعود إلى مصر</a></li></ul></aside>
<footer>جميع الحقوق محفوظة لصحيفة المثال 2023</footer></body></html>"#;

#[test]
fn extract_writes_main_text_and_metadata_per_page() {
    let dir = tempfile::tempdir().unwrap();
    let pages = dir.path().join("pages");
    std::fs::create_dir_all(pages.join("day")).unwrap();
    std::fs::write(pages.join("day/jscd.html"), PAGE).unwrap();
    let out = dir.path().join("out");
    let output = marsad()
        .args(["extract", pages.to_str().unwrap(), "--out", out.to_str().unwrap(), "--json"])
        .output()
        .unwrap();
    let summary = json(&output);
    assert_eq!((summary["pages"].as_u64(), summary["extracted"].as_u64()), (Some(1), Some(1)));

    let text = std::fs::read_to_string(out.join("jscd.txt")).unwrap();
    let paragraphs: Vec<&str> = text.split("\n\n").filter(|p| !p.trim().is_empty()).collect();
    assert!(paragraphs.len() >= 3, "paragraphs not separated by blank lines: {text:?}");
    assert!(text.contains("بياناً مشتركاً حول الحوار الأمني"));
    assert!(text.contains("وفق جدول زمني"));
    for furniture in ["الرئيسية", "اقرأ أيضاً", "إلهام شاهين", "جميع الحقوق محفوظة"]
    {
        assert!(!text.contains(furniture), "furniture {furniture:?} kept: {text}");
    }

    let metadata: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("jscd.json")).unwrap()).unwrap();
    let published = metadata["published"].as_str().unwrap_or_default();
    assert!(published.starts_with("2023-08-08"), "{metadata}");
    assert_eq!(metadata["canonical_url"], "https://example.news/2023/08/08/jscd");
    assert_eq!(metadata["language"], "ar");
}

#[test]
fn a_missing_page_is_reported_and_the_others_are_extracted() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("one.html");
    std::fs::write(&page, PAGE).unwrap();
    let out = dir.path().join("out");
    let output = marsad()
        .args(["extract", "no-such.html", page.to_str().unwrap(), "--out", out.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(stderr(&output).contains("no-such.html"));
    assert!(out.join("one.txt").exists());
}
