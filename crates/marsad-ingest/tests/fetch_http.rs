//! The fetcher against a local server: retries, timeouts, redirects, size
//! limits, conditional GET, robots.txt, politeness, charsets.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod fetch_support;

use std::time::{Duration, Instant};

use fetch_support::{Req, Resp, TestServer};
use marsad_ingest::fetch::{FetchError, FetchOptions, Fetched, Fetcher, Page, Validators};

fn fast() -> FetchOptions {
    FetchOptions {
        connect_timeout: Duration::from_millis(500),
        timeout: Duration::from_millis(800),
        retries: 2,
        backoff: Duration::from_millis(20),
        max_backoff: Duration::from_millis(100),
        host_delay: Duration::ZERO,
        max_body_bytes: 64 << 10,
        ..FetchOptions::default()
    }
}

fn page(result: Result<Fetched, FetchError>) -> Page {
    match result {
        Ok(Fetched::Page(page)) => page,
        other => panic!("expected a page, got {other:?}"),
    }
}

fn robots_404(req: &Req) -> Option<Resp> {
    (req.path == "/robots.txt").then(|| Resp::status(404))
}

#[test]
fn server_errors_are_retried_until_success() {
    let server = TestServer::start(|req| {
        robots_404(req).unwrap_or_else(|| match req.seen {
            0 | 1 => Resp::status(503),
            _ => Resp::html("<p>أخيرا</p>"),
        })
    });
    let fetcher = Fetcher::new(fast());
    let got = page(fetcher.get(&server.url("/flaky"), &Validators::default()));
    assert_eq!(got.body, "<p>أخيرا</p>".as_bytes());
    assert_eq!(server.hits("/flaky").len(), 3);
}

#[test]
fn client_errors_are_not_retried() {
    let server = TestServer::start(|req| robots_404(req).unwrap_or_else(|| Resp::status(404)));
    let fetcher = Fetcher::new(fast());
    let error = fetcher.get(&server.url("/missing"), &Validators::default()).unwrap_err();
    assert_eq!(error, FetchError::Status { url: server.url("/missing"), status: 404, attempts: 1 });
    assert_eq!(server.hits("/missing").len(), 1);
    let server_error =
        TestServer::start(|req| robots_404(req).unwrap_or_else(|| Resp::status(500)));
    let error = fetcher.get(&server_error.url("/down"), &Validators::default()).unwrap_err();
    assert!(error.to_string().ends_with("HTTP 500 (after 3 attempts)"), "{error}");
}

#[test]
fn slow_endpoint_times_out() {
    let server = TestServer::start(|req| {
        robots_404(req).unwrap_or_else(|| Resp::html("<p>بطيء</p>").after(Duration::from_secs(3)))
    });
    let options = FetchOptions { retries: 1, ..fast() };
    let fetcher = Fetcher::new(options);
    let started = Instant::now();
    let error = fetcher.get(&server.url("/slow"), &Validators::default()).unwrap_err();
    let elapsed = started.elapsed();
    assert!(matches!(error, FetchError::Timeout { attempts: 2, .. }), "{error:?}");
    assert!(error.to_string().contains("timed out"), "{error}");
    assert!(elapsed < Duration::from_millis(2500), "took {elapsed:?}");
}

#[test]
fn redirects_are_followed_and_loops_named() {
    let server = TestServer::start(|req| {
        robots_404(req).unwrap_or_else(|| match req.path.as_str() {
            "/old" => Resp::redirect(301, "new?x=1"),
            "/new?x=1" => Resp::html("<p>هنا</p>"),
            "/a" => Resp::redirect(302, "/b"),
            "/b" => Resp::redirect(302, "/a"),
            path if path.starts_with("/hop/") => {
                let n: u32 = path[5..].parse().unwrap();
                Resp::redirect(307, &format!("/hop/{}", n + 1))
            }
            _ => Resp::status(404),
        })
    });
    let fetcher = Fetcher::new(fast());
    let got = page(fetcher.get(&server.url("/old"), &Validators::default()));
    assert_eq!(got.url, server.url("/new?x=1"));
    assert_eq!(got.requested, server.url("/old"));

    let error = fetcher.get(&server.url("/a"), &Validators::default()).unwrap_err();
    let FetchError::RedirectLoop { chain, .. } = &error else { panic!("{error:?}") };
    assert_eq!(chain, &[server.url("/a"), server.url("/b"), server.url("/a")]);
    assert!(error.to_string().contains("redirect loop"), "{error}");

    let error = fetcher.get(&server.url("/hop/1"), &Validators::default()).unwrap_err();
    assert!(matches!(error, FetchError::TooManyRedirects { limit: 5, .. }), "{error:?}");
    assert_eq!(server.requests().iter().filter(|r| r.path.starts_with("/hop/")).count(), 6);
}

#[test]
fn oversize_bodies_are_cut_off() {
    let big = vec![b'a'; 200 << 10];
    let server = TestServer::start(move |req| {
        robots_404(req).unwrap_or_else(|| match req.path.as_str() {
            "/declared" => Resp::new(200, "text/html", big.clone()),
            _ => Resp::new(200, "text/html", big.clone()).chunked(),
        })
    });
    let fetcher = Fetcher::new(fast());
    for path in ["/declared", "/streamed"] {
        let error = fetcher.get(&server.url(path), &Validators::default()).unwrap_err();
        assert_eq!(error, FetchError::TooLarge { url: server.url(path), limit: 64 << 10 });
        assert!(error.to_string().contains("limit of 65536 bytes"), "{error}");
    }
}

#[test]
fn conditional_get_gives_not_modified() {
    let server = TestServer::start(|req| {
        robots_404(req).unwrap_or_else(|| {
            let etag_holds = req.header("If-None-Match") == Some("\"v1\"");
            let date_holds =
                req.header("If-Modified-Since") == Some("Mon, 07 Aug 2023 10:00:00 GMT");
            if etag_holds || date_holds {
                Resp::status(304)
            } else {
                Resp::rss("<rss/>")
                    .with("ETag", "\"v1\"")
                    .with("Last-Modified", "Mon, 07 Aug 2023 10:00:00 GMT")
            }
        })
    });
    let fetcher = Fetcher::new(fast());
    let first = page(fetcher.get(&server.url("/feed"), &Validators::default()));
    assert_eq!(first.validators.etag.as_deref(), Some("\"v1\""));
    let again = fetcher.get(&server.url("/feed"), &first.validators).unwrap();
    assert_eq!(again, Fetched::NotModified { url: server.url("/feed") });
    let by_date = Validators { etag: None, last_modified: first.validators.last_modified.clone() };
    assert!(matches!(fetcher.get(&server.url("/feed"), &by_date), Ok(Fetched::NotModified { .. })));
    let hits = server.hits("/feed");
    assert_eq!(hits[1].header("If-None-Match"), Some("\"v1\""));
    assert!(hits[0].header("If-None-Match").is_none());
}

#[test]
fn robots_txt_is_fetched_once_and_obeyed() {
    let server = TestServer::start(|req| match req.path.as_str() {
        "/robots.txt" => Resp::new(
            200,
            "text/plain",
            "User-agent: *\nDisallow: /private/\n\nUser-agent: otherbot\nDisallow: /\n",
        ),
        _ => Resp::html("<p>عام</p>"),
    });
    let fetcher = Fetcher::new(fast());
    assert!(fetcher.get(&server.url("/news/1"), &Validators::default()).is_ok());
    assert!(fetcher.get(&server.url("/news/2"), &Validators::default()).is_ok());
    let error = fetcher.get(&server.url("/private/report"), &Validators::default()).unwrap_err();
    assert!(matches!(error, FetchError::Disallowed { .. }), "{error:?}");
    assert!(
        error
            .to_string()
            .ends_with(&format!("skipped: disallowed by {}", server.url("/robots.txt"))),
        "{error}"
    );
    assert_eq!(server.hits("/robots.txt").len(), 1);
    assert!(server.hits("/private/report").is_empty());
    // The User-Agent names Marsad.
    assert!(server.hits("/news/1")[0].header("User-Agent").unwrap().starts_with("Marsad/"));

    let ignoring = Fetcher::new(FetchOptions { respect_robots: false, ..fast() });
    assert!(ignoring.get(&server.url("/private/report"), &Validators::default()).is_ok());
}

#[test]
fn requests_to_one_host_are_spaced() {
    let server = TestServer::start(|req| robots_404(req).unwrap_or_else(|| Resp::html("<p>x</p>")));
    let fetcher = Fetcher::new(FetchOptions { host_delay: Duration::from_millis(150), ..fast() });
    for n in 0..3 {
        fetcher.get(&server.url(&format!("/p/{n}")), &Validators::default()).unwrap();
    }
    let times: Vec<Instant> = server.requests().iter().map(|r| r.at).collect();
    assert_eq!(times.len(), 4, "robots.txt and three pages");
    for pair in times.windows(2) {
        assert!(pair[1] - pair[0] >= Duration::from_millis(140), "{:?}", pair[1] - pair[0]);
    }
}

#[test]
fn unreachable_host_is_a_clear_error() {
    // Bind then drop a listener: nothing listens on that port afterwards.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let fetcher = Fetcher::new(FetchOptions { retries: 1, ..fast() });
    let url = format!("http://127.0.0.1:{port}/feed");
    let started = Instant::now();
    let error = fetcher.get(&url, &Validators::default()).unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(3));
    assert_eq!(error.url(), url);
    assert!(error.to_string().contains("connection refused"), "{error}");
    let error = fetcher.get("ftp://example.com/x", &Validators::default()).unwrap_err();
    assert!(matches!(error, FetchError::InvalidUrl { .. }));
}
