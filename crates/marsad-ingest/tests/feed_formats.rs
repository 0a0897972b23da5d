//! Feeds of every supported kind, read through `read_feed` and through `read_inputs`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use marsad_ingest::feed::{
    complete_from_page, is_summary_only, item_key, read_feed, FeedSource, PageError, PageSource,
};
use marsad_ingest::{read_inputs, RawArticle, ReadEvent, ReadOptions, ReadProblem};
use serde_json::json;

fn read(bytes: &[u8], name: &str) -> (Vec<RawArticle>, Vec<ReadProblem>) {
    let source = FeedSource { name: name.into(), ..FeedSource::default() };
    let (mut articles, mut problems) = (Vec::new(), Vec::new());
    read_feed(bytes, None, &source, &ReadOptions::default(), &mut |event| match event {
        ReadEvent::Article(a) => articles.push(a),
        ReadEvent::Problem(p) => problems.push(p),
        ReadEvent::Progress { .. } => {}
    });
    (articles, problems)
}

const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/"
     xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <title>وكالة الأنباء العراقية</title>
  <link>https://ina.example.iq/</link>
  <atom:link href="https://ina.example.iq/rss" rel="self" type="application/rss+xml"/>
  <language>ar</language>
  <image><title>شعار الوكالة</title><url>https://ina.example.iq/logo.png</url></image>
  <item>
    <title>وزير الدفاع يلتقي نظيره الأمريكي في واشنطن</title>
    <link>https://ina.example.iq/news/1001</link>
    <guid isPermaLink="false">ina-1001</guid>
    <pubDate>Mon, 07 Aug 2023 10:15:00 +0300</pubDate>
    <dc:creator><![CDATA[فريق الرصد]]></dc:creator>
    <category>سياسة</category>
    <category>الحوار الأمني</category>
    <media:title>عنوان الصورة</media:title>
    <description><![CDATA[<p>التقى وزير الدفاع ثابت العباسي…</p>]]></description>
    <content:encoded><![CDATA[<p>التقى وزير الدفاع العراقي ثابت العباسي نظيره الأمريكي لويد ج. أوستن.</p>
<p>وبحث الجانبان &quot;الحوار الأمني المشترك&quot; <b>والتعاون</b> العسكري.</p>
<script>track()</script>]]></content:encoded>
  </item>
  <item>
    <title>انطلاق أعمال اللجنة العليا المشتركة</title>
    <link>/news/1002</link>
    <guid>https://ina.example.iq/news/1002</guid>
    <dc:date>2023-08-08T09:00:00+03:00</dc:date>
    <author>editor@ina.example.iq (سارة أحمد)</author>
    <description>&lt;p&gt;انطلقت اليوم أعمال اللجنة&amp;nbsp;العليا &amp;amp; المشتركة.&lt;/p&gt;</description>
  </item>
</channel>
</rss>"#;

#[test]
fn rss2_with_full_content_and_summary_only_items() {
    let (articles, problems) = read(RSS.as_bytes(), "ina.rss");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(articles.len(), 2);
    let a = &articles[0];
    assert_eq!(a.origin, "ina.rss#1");
    assert_eq!(a.title.as_deref(), Some("وزير الدفاع يلتقي نظيره الأمريكي في واشنطن"));
    assert_eq!(a.url.as_deref(), Some("https://ina.example.iq/news/1001"));
    assert_eq!(a.outlet.as_deref(), Some("وكالة الأنباء العراقية"));
    assert_eq!(a.author.as_deref(), Some("فريق الرصد"));
    assert_eq!(a.published.unwrap().to_rfc3339(), "2023-08-07T10:15:00+03:00");
    assert_eq!(
        a.text,
        "التقى وزير الدفاع العراقي ثابت العباسي نظيره الأمريكي لويد ج. أوستن.\n\
         وبحث الجانبان \"الحوار الأمني المشترك\" والتعاون العسكري."
    );
    assert_eq!(a.metadata["guid"], json!("ina-1001"));
    assert_eq!(a.metadata["categories"], json!(["سياسة", "الحوار الأمني"]));
    assert_eq!(a.metadata["summary_only"], json!(false));
    assert_eq!(a.metadata["summary"], json!("التقى وزير الدفاع ثابت العباسي…"));
    assert_eq!(a.metadata["feed_kind"], json!("rss"));
    assert_eq!(a.metadata["language"], json!("ar"));
    assert_eq!(item_key(a), "ina-1001");

    let b = &articles[1];
    // A relative link resolves against the channel's link when the feed was read from a file.
    assert_eq!(b.url.as_deref(), Some("https://ina.example.iq/news/1002"));
    assert_eq!(b.author.as_deref(), Some("سارة أحمد"));
    assert_eq!(b.published.unwrap().to_rfc3339(), "2023-08-08T09:00:00+03:00");
    assert_eq!(b.text, "انطلقت اليوم أعمال اللجنة العليا & المشتركة.");
    assert!(is_summary_only(b));
}

#[test]
fn atom_entries() {
    let atom = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ar">
  <title type="text">الشرق الأوسط</title>
  <link rel="alternate" href="https://aawsat.example/"/>
  <link rel="self" href="https://aawsat.example/feed.atom"/>
  <id>urn:uuid:feed</id>
  <updated>2023-08-07T12:00:00Z</updated>
  <entry>
    <title type="html">اجتماع &lt;em&gt;أمني&lt;/em&gt; رفيع</title>
    <link rel="enclosure" href="https://aawsat.example/img/1.jpg"/>
    <link href="https://aawsat.example/article/4567"/>
    <id>tag:aawsat.example,2023:4567</id>
    <published>2023-08-07T11:30:00+03:00</published>
    <updated>2023-08-07T12:00:00+03:00</updated>
    <author><name>مراسل الشرق الأوسط</name><email>x@aawsat.example</email></author>
    <category term="iraq" label="العراق"/>
    <summary>ملخص قصير</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>الفقرة الأولى من الخبر.</p><p>الفقرة الثانية &amp; الأخيرة.</p></div></content>
    <source><title>مصدر آخر</title><id>urn:other</id></source>
  </entry>
  <entry>
    <title>خبر بلا محتوى</title>
    <link rel="alternate" type="text/html" href="/article/4568"/>
    <id>tag:aawsat.example,2023:4568</id>
    <updated>2023-08-07T13:00:00Z</updated>
    <summary type="html">&lt;p&gt;ملخص فقط&lt;/p&gt;</summary>
  </entry>
</feed>"#;
    let (articles, problems) = read(atom.as_bytes(), "aawsat.atom");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(articles.len(), 2);
    let a = &articles[0];
    assert_eq!(a.title.as_deref(), Some("اجتماع أمني رفيع"));
    assert_eq!(a.url.as_deref(), Some("https://aawsat.example/article/4567"));
    assert_eq!(a.outlet.as_deref(), Some("الشرق الأوسط"));
    assert_eq!(a.author.as_deref(), Some("مراسل الشرق الأوسط"));
    assert_eq!(a.text, "الفقرة الأولى من الخبر.\nالفقرة الثانية & الأخيرة.");
    assert_eq!(a.published.unwrap().to_rfc3339(), "2023-08-07T11:30:00+03:00");
    assert_eq!(a.metadata["updated"], json!("2023-08-07T12:00:00+03:00"));
    assert_eq!(a.metadata["categories"], json!(["العراق"]));
    assert_eq!(a.metadata["summary"], json!("ملخص قصير"));
    assert_eq!(a.metadata["language"], json!("ar"));
    assert_eq!(a.metadata["feed_kind"], json!("atom"));
    let b = &articles[1];
    assert_eq!(b.url.as_deref(), Some("https://aawsat.example/article/4568"));
    assert_eq!(b.text, "ملخص فقط");
    // No published date: the update date stands in.
    assert_eq!(b.published.unwrap().to_rfc3339(), "2023-08-07T13:00:00+00:00");
    assert!(is_summary_only(b));
}

#[test]
fn rss1_rdf_and_rss091_with_doctype() {
    let rdf = r#"<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://alghad.example/rss"><title>الغد</title><link>https://alghad.example/</link></channel>
  <item rdf:about="https://alghad.example/n/77">
    <title>عنوان من RSS 1.0</title>
    <description>نص الخبر في الغد.</description>
    <dc:date>2023-08-07</dc:date>
    <dc:creator>محرر الغد</dc:creator>
    <dc:subject>اقتصاد</dc:subject>
  </item>
</rdf:RDF>"#;
    let (articles, problems) = read(rdf.as_bytes(), "alghad.rdf");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(articles[0].url.as_deref(), Some("https://alghad.example/n/77"));
    assert_eq!(articles[0].outlet.as_deref(), Some("الغد"));
    assert_eq!(articles[0].published.unwrap().to_rfc3339(), "2023-08-07T00:00:00+00:00");
    assert_eq!(articles[0].metadata["categories"], json!(["اقتصاد"]));
    assert_eq!(articles[0].metadata["feed_kind"], json!("rdf"));

    let rss091 = r#"<?xml version="1.0" encoding="ISO-8859-1"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Old feed</title><link>http://old.example/</link>
<item><title>Caf&eacute; news</title><link>http://old.example/1</link><description>Text&nbsp;here &#169; 2001</description></item>
</channel></rss>"#;
    let (articles, problems) = read(rss091.as_bytes(), "old.rss");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(articles[0].title.as_deref(), Some("Café news"));
    assert_eq!(articles[0].text, "Text here © 2001");
}

#[test]
fn json_feed() {
    let feed = json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": "صحيفة الرياض",
        "home_page_url": "https://alriyadh.example/",
        "language": "ar",
        "items": [
            {
                "id": "r-1",
                "url": "https://alriyadh.example/1070241",
                "title": "خبر من الرياض",
                "content_html": "<p>نص <strong>كامل</strong> للخبر.</p>",
                "summary": "ملخص",
                "date_published": "2015-07-21T02:51:32+03:00",
                "authors": [{"name": "كاتب أول"}, {"name": "كاتب ثان"}],
                "tags": ["محليات"]
            },
            {"id": 2, "external_url": "https://other.example/x", "content_text": "نص عادي < ليس وسما"}
        ]
    });
    let (articles, problems) = read(feed.to_string().as_bytes(), "riyadh.json");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(articles.len(), 2);
    assert_eq!(articles[0].text, "نص كامل للخبر.");
    assert_eq!(articles[0].author.as_deref(), Some("كاتب أول، كاتب ثان"));
    assert_eq!(articles[0].outlet.as_deref(), Some("صحيفة الرياض"));
    assert_eq!(articles[0].metadata["feed_kind"], json!("jsonfeed"));
    assert_eq!(articles[1].text, "نص عادي < ليس وسما");
    assert_eq!(articles[1].url.as_deref(), Some("https://other.example/x"));
    assert_eq!(articles[1].metadata["guid"], json!("2"));
}

#[test]
fn windows_1256_feed() {
    let xml = "<?xml version=\"1.0\" encoding=\"windows-1256\"?><rss version=\"2.0\"><channel>\
               <title>جريدة</title><item><title>خبر عاجل</title><description>نص بترميز عربي قديم</description></item>\
               </channel></rss>";
    let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(xml);
    let (articles, problems) = read(&bytes, "old.xml");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(articles[0].title.as_deref(), Some("خبر عاجل"));
    assert_eq!(articles[0].text, "نص بترميز عربي قديم");
}

#[test]
fn other_xml_is_not_a_feed() {
    let sitemap = r#"<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://x/</loc></url></urlset>"#;
    let (articles, problems) = read(sitemap.as_bytes(), "sitemap.xml");
    assert!(articles.is_empty());
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].file, "sitemap.xml");
    assert!(problems[0].reason.contains("not a feed"), "{}", problems[0].reason);
    assert!(problems[0].reason.contains("<urlset>"), "{}", problems[0].reason);
    let (_, problems) = read(b"<!DOCTYPE html><html><body>page</body></html>", "page.xml");
    assert!(problems[0].reason.contains("<html>"), "{}", problems[0].reason);
}

struct FakePages;
impl PageSource for FakePages {
    fn page(&self, url: &str) -> Result<RawArticle, PageError> {
        if url.ends_with("1002") {
            let mut page =
                RawArticle::new(url, "النص الكامل للخبر من الصفحة، وهو أطول من الملخص بكثير.");
            page.author = Some("كاتب الصفحة".into());
            Ok(page)
        } else {
            Err(PageError { url: url.into(), reason: "HTTP 404".into() })
        }
    }
}

#[test]
fn summary_only_entries_take_the_linked_page() {
    let (mut articles, _) = read(RSS.as_bytes(), "ina.rss");
    // Full content: nothing to do.
    assert!(!complete_from_page(&mut articles[0], &FakePages).unwrap());
    let b = &mut articles[1];
    assert!(complete_from_page(b, &FakePages).unwrap());
    assert_eq!(b.text, "النص الكامل للخبر من الصفحة، وهو أطول من الملخص بكثير.");
    assert_eq!(b.metadata["summary"], json!("انطلقت اليوم أعمال اللجنة العليا & المشتركة."));
    assert_eq!(b.metadata["page_fetched"], json!(true));
    assert_eq!(b.author.as_deref(), Some("سارة أحمد"), "the feed's author stays");
    assert_eq!(b.title.as_deref(), Some("انطلاق أعمال اللجنة العليا المشتركة"));

    let mut missing = b.clone();
    missing.url = Some("https://ina.example.iq/news/404".into());
    missing.metadata.remove("page_fetched");
    assert!(complete_from_page(&mut missing, &FakePages).is_err());
    assert_eq!(missing.metadata["page_error"], json!("HTTP 404"));
}

#[test]
fn read_inputs_reads_feed_files() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("ina");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("a.rss"), RSS).unwrap();
    std::fs::write(folder.join("b.XML"), RSS.replace("<title>وكالة الأنباء العراقية</title>", ""))
        .unwrap();
    let json_feed = json!({"version": "https://jsonfeed.org/version/1", "items": [
        {"id": "1", "content_text": "نص"}]});
    std::fs::write(folder.join("c.json"), json_feed.to_string()).unwrap();
    std::fs::write(folder.join("d.atom"), "<feed><entry><title>x</title>").unwrap();
    let paths: Vec<_> =
        ["a.rss", "b.XML", "c.json", "d.atom"].iter().map(|n| folder.join(n)).collect();
    let (mut articles, mut problems) = (Vec::new(), Vec::new());
    read_inputs(&paths, &ReadOptions::default(), &mut |event| match event {
        ReadEvent::Article(a) => articles.push(a),
        ReadEvent::Problem(p) => problems.push(p),
        ReadEvent::Progress { .. } => {}
    });
    assert_eq!(articles.len(), 5, "{problems:?}");
    assert_eq!(articles[0].origin, format!("{}#1", paths[0].display()));
    // No channel title: the outlet is the link's host.
    assert_eq!(articles[2].outlet.as_deref(), Some("ina.example.iq"));
    // JSON Feed in a .json file, no title and no URL: the folder names the outlet.
    assert_eq!(articles[4].text, "نص");
    assert_eq!(articles[4].outlet.as_deref(), Some("ina"));
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].file, paths[3].display().to_string());
    assert!(problems[0].reason.contains("ends early"), "{}", problems[0].reason);
}
