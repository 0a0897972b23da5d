//! URLs as inputs: pages, feeds (with linked pages fetched for summary-only
//! entries), charsets from the server, and what should not be read.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod fetch_support;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use fetch_support::{arabic_page, arabic_rss, body, headline, Resp, TestServer};
use marsad_ingest::fetch::{read_url, FetchOptions, Fetcher};
use marsad_ingest::{read_inputs, RawArticle, ReadEvent, ReadOptions, ReadProblem};
use serde_json::json;

fn fast() -> FetchOptions {
    FetchOptions {
        timeout: Duration::from_secs(2),
        retries: 1,
        backoff: Duration::from_millis(20),
        host_delay: Duration::ZERO,
        ..FetchOptions::default()
    }
}

fn read(url: &str, fetcher: &Fetcher) -> (Vec<RawArticle>, Vec<ReadProblem>) {
    let (mut articles, mut problems) = (Vec::new(), Vec::new());
    read_url(url, fetcher, &ReadOptions::default(), &mut |event| match event {
        ReadEvent::Article(a) => articles.push(a),
        ReadEvent::Problem(p) => problems.push(p),
        ReadEvent::Progress { .. } => {}
    });
    (articles, problems)
}

/// Serves a summary-only RSS feed at /feed.xml and its pages at /news/N.
fn news_site() -> TestServer {
    TestServer::start(|req| {
        let base = format!("http://{}", req.header("Host").unwrap_or_default());
        match req.path.as_str() {
            "/robots.txt" => Resp::new(200, "text/plain", "User-agent: *\nDisallow: /news/3\n"),
            "/feed.xml" => Resp::new(200, "text/xml", arabic_rss(&base, &[1, 2, 3])),
            path if path.starts_with("/news/") => {
                Resp::html(&arabic_page(path[6..].parse().unwrap()))
            }
            _ => Resp::status(404),
        }
    })
}

#[test]
fn a_feed_url_gives_full_articles_from_the_linked_pages() {
    let server = news_site();
    let fetcher = Fetcher::new(fast());
    let (articles, problems) = read(&server.url("/feed.xml"), &fetcher);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(articles.len(), 3);
    let first = &articles[0];
    assert_eq!(first.origin, format!("{}#1", server.url("/feed.xml")));
    assert_eq!(first.url.as_deref(), Some(server.url("/news/1").as_str()));
    assert_eq!(first.title.as_deref(), Some(headline(1).as_str()));
    assert_eq!(first.outlet.as_deref(), Some("شبكة الأخبار المحلية"));
    assert!(first.text.contains(&body(1)), "{}", first.text);
    assert_eq!(first.metadata["page_fetched"], json!(true));
    assert_eq!(first.metadata["summary"], json!(fetch_support::summary(1)));
    // robots.txt forbids the third page: the summary stays, and the reason is kept.
    let third = &articles[2];
    assert_eq!(third.text, fetch_support::summary(3));
    assert!(third.metadata["page_error"].as_str().unwrap().contains("disallowed by"));
    assert!(server.hits("/news/3").is_empty());
}

#[test]
fn a_page_url_is_read_as_html_with_the_server_charset() {
    let server = TestServer::start(|req| match req.path.as_str() {
        "/cp1256" => {
            let (bytes, _, _) = encoding_rs::WINDOWS_1256
                .encode("<html><head><title>خبر قديم</title></head><body><p>نص بترميز عربي</p></body></html>");
            Resp::new(200, "text/html; charset=windows-1256", bytes.into_owned())
        }
        "/binary" => {
            Resp::new(200, "text/html", (0u8..=255).cycle().take(5000).collect::<Vec<u8>>())
        }
        "/image" => Resp::new(200, "image/png", b"\x89PNG\r\n\x1a\n".to_vec()),
        _ => Resp::status(404),
    });
    let fetcher = Fetcher::new(fast());
    let (articles, problems) = read(&server.url("/cp1256"), &fetcher);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(articles[0].title.as_deref(), Some("خبر قديم"));
    assert_eq!(articles[0].text, "نص بترميز عربي");
    assert_eq!(articles[0].url.as_deref(), Some(server.url("/cp1256").as_str()));
    assert_eq!(articles[0].outlet.as_deref(), Some("127.0.0.1"));

    let (articles, problems) = read(&server.url("/binary"), &fetcher);
    assert!(articles.is_empty());
    assert_eq!(problems[0].file, server.url("/binary"));
    assert_eq!(problems[0].reason, "binary file (served as text/html)");

    let (_, problems) = read(&server.url("/image"), &fetcher);
    assert!(problems[0].reason.contains("Content-Type: image/png"), "{}", problems[0].reason);

    let (_, problems) = read(&server.url("/missing"), &fetcher);
    assert_eq!(problems[0].reason, "HTTP 404");
}

#[test]
fn hostile_feeds_over_http() {
    let mut bomb = String::from("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\">");
    for i in 1..=9 {
        bomb.push_str(&format!(
            "<!ENTITY a{i} \"{}\">",
            format!("&a{};", if i == 1 { String::new() } else { (i - 1).to_string() }).repeat(10)
        ));
    }
    bomb.push_str("]><rss><channel><item><title>&a9;</title></item></channel></rss>");
    let mut big = String::new();
    for n in 1..=10_000 {
        big.push_str(&format!(
            "<entry><title>خبر {n}</title><id>e{n}</id><link href=\"/e/{n}\"/><content>نص كامل للخبر رقم {n} من الوكالة.</content></entry>"
        ));
    }
    let big =
        format!("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>كبير</title>{big}</feed>");
    let server = TestServer::start(move |req| match req.path.as_str() {
        "/bomb.xml" => Resp::rss(&bomb),
        "/big.atom" => Resp::new(200, "application/atom+xml", big.clone()),
        "/broken.xml" => {
            Resp::rss("<rss><channel><item><title>أ</title></item><item><title>ب</tit")
        }
        _ => Resp::status(404),
    });
    let fetcher = Fetcher::new(FetchOptions { max_body_bytes: 32 << 20, ..fast() });
    let (articles, problems) = read(&server.url("/bomb.xml"), &fetcher);
    assert!(articles.is_empty());
    assert!(problems[0].reason.contains("declares XML entities"), "{}", problems[0].reason);

    let started = Instant::now();
    let (articles, problems) = read(&server.url("/big.atom"), &fetcher);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(articles.len(), 10_000);
    assert_eq!(articles[42].url.as_deref(), Some(server.url("/e/43").as_str()));
    assert!(started.elapsed() < Duration::from_secs(20));

    let (articles, problems) = read(&server.url("/broken.xml"), &fetcher);
    assert_eq!(articles.len(), 1);
    assert_eq!(problems[0].file, server.url("/broken.xml"));
    assert!(problems[0].reason.contains("kept the 1 entry before it"), "{}", problems[0].reason);
}

#[test]
fn read_inputs_dispatches_urls() {
    let server = TestServer::start(|req| match req.path.as_str() {
        "/page.html" => Resp::html(&arabic_page(7)),
        _ => Resp::status(404),
    });
    let paths = vec![PathBuf::from(server.url("/page.html")), PathBuf::from(server.url("/gone"))];
    let (mut articles, mut problems) = (Vec::new(), Vec::new());
    read_inputs(&paths, &ReadOptions::default(), &mut |event| match event {
        ReadEvent::Article(a) => articles.push(a),
        ReadEvent::Problem(p) => problems.push(p),
        ReadEvent::Progress { .. } => {}
    });
    assert_eq!(articles.len(), 1, "{problems:?}");
    assert_eq!(articles[0].origin, server.url("/page.html"));
    assert!(articles[0].text.contains(&body(7)));
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].file, server.url("/gone"));
    assert_eq!(problems[0].reason, "HTTP 404");
}
