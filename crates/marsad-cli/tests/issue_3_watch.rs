//! Issue 3: `marsad watch` against a local HTTP server (no outside network):
//! new entries are stored, a second poll adds nothing (304s, seen ids), a new
//! entry is picked up alone, and sources that are down, slow, malformed or
//! redirect in a loop are named in the log while the others are polled.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
#[path = "../../marsad-ingest/tests/fetch_support/mod.rs"]
mod fetch_support;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::*;
use fetch_support::{arabic_atom, arabic_page, arabic_rss, body, Resp, TestServer};

fn news_server(fourth_item: Arc<AtomicBool>) -> TestServer {
    TestServer::start(move |req| {
        let base = format!("http://{}", req.header("Host").unwrap_or_default());
        match req.path.as_str() {
            "/robots.txt" => Resp::new(200, "text/plain", "User-agent: *\nDisallow: /private/\n"),
            // Summary-only RSS, no validators: new entries are told apart by their ids.
            "/rss.xml" => {
                let items: &[usize] =
                    if fourth_item.load(Ordering::SeqCst) { &[1, 2, 3, 4] } else { &[1, 2, 3] };
                Resp::rss(&arabic_rss(&base, items))
            }
            // Full-content Atom with an ETag: the second poll gets a 304.
            "/atom.xml" => {
                if req.header("If-None-Match") == Some("\"atom-v1\"") {
                    Resp::status(304)
                } else {
                    Resp::new(200, "application/atom+xml", arabic_atom(&base, &[10, 11]))
                        .with("ETag", "\"atom-v1\"")
                }
            }
            path if path.starts_with("/news/") => Resp::html(&arabic_page(path[6..].parse().unwrap())),
            "/down.xml" => Resp::status(503),
            "/loop-a.xml" => Resp::redirect(302, "/loop-b.xml"),
            "/loop-b.xml" => Resp::redirect(302, "/loop-a.xml"),
            "/broken.xml" => Resp::rss("<rss><channel><title>مكسور</title><item><title>أ</title><description>نص أ</description></item><item><title>ب</tit"),
            "/slow.xml" => Resp::rss(&arabic_rss(&base, &[90])).after(Duration::from_secs(4)),
            "/private/feed.xml" => Resp::rss(&arabic_rss(&base, &[80])),
            _ => Resp::status(404),
        }
    })
}

fn sources_file(dir: &std::path::Path, server: &TestServer) -> std::path::PathBuf {
    let folder = dir.join("incoming");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("local.txt"), format!("خبر محلي من مجلد الرصد\n{}", body(70)))
        .unwrap();
    let text = format!(
        r#"
[fetch]
delay = 0
timeout = 1.5
retries = 1
backoff = 0.05

[[source]]
url = "{rss}"
name = "شبكة الأخبار"
interval = 60

[[source]]
url = "{atom}"
name = "وكالة الأنباء"

[[source]]
url = "{down}"
name = "down"

[[source]]
url = "{looping}"
name = "looping"

[[source]]
url = "{broken}"
name = "broken"

[[source]]
url = "{slow}"
name = "slow"

[[source]]
url = "{private}"
name = "private"

[[source]]
path = "incoming"
name = "drop folder"
"#,
        rss = server.url("/rss.xml"),
        atom = server.url("/atom.xml"),
        down = server.url("/down.xml"),
        looping = server.url("/loop-a.xml"),
        broken = server.url("/broken.xml"),
        slow = server.url("/slow.xml"),
        private = server.url("/private/feed.xml"),
    );
    let path = dir.join("sources.toml");
    std::fs::write(&path, text).unwrap();
    path
}

fn watch_once(db: &std::path::Path, sources: &std::path::Path) -> (serde_json::Value, String) {
    let started = Instant::now();
    let output = run(db, &["watch", "--sources", sources.to_str().unwrap(), "--once", "--json"]);
    assert!(started.elapsed() < Duration::from_secs(60), "a --once run must end promptly");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    (json(&output), stderr(&output))
}

#[test]
fn watch_once_stores_new_entries_and_survives_bad_sources() {
    let dir = tempfile::tempdir().unwrap();
    let fourth = Arc::new(AtomicBool::new(false));
    let server = news_server(Arc::clone(&fourth));
    let sources = sources_file(dir.path(), &server);
    let db = dir.path().join("m.db");

    // First poll: 3 RSS entries (pages fetched), 2 Atom entries, the one entry
    // before the break in the broken feed, 1 file from the folder.
    let (summary, log) = watch_once(&db, &sources);
    assert_eq!(summary["polled"], 8, "{log}");
    assert_eq!(summary["added"], 7, "{summary}\n{log}");
    assert_eq!(summary["failed"], 4, "{log}");
    for expected in [
        "watch: شبكة الأخبار: 3 entries, 3 new: 3 added",
        "linked pages: 3 read, 0 failed",
        "watch: وكالة الأنباء: 2 entries, 2 new: 2 added",
        "watch: down: failed: HTTP 503 (after 2 attempts)",
        "watch: looping: failed: redirect loop",
        "watch: broken: 1 entry, 1 new: 1 added",
        "broken.xml: malformed XML at line 1",
        "kept the 1 entry before it",
        "watch: slow: failed: timed out",
        "watch: private: failed: skipped: disallowed by",
        "watch: drop folder: 1 of 1 file new or changed: 1 added",
    ] {
        assert!(log.contains(expected), "missing {expected:?} in:\n{log}");
    }
    let articles = json_lines(&run(&db, &["articles", "--json", "--limit", "100"]));
    assert_eq!(articles.len(), 7);
    let from_rss = articles.iter().find(|a| a["url"] == server.url("/news/2")).unwrap();
    assert_eq!(from_rss["outlet"], "شبكة الأخبار المحلية");
    let chars = from_rss["chars"].as_u64().unwrap() as usize;
    assert!(
        chars >= 2 * body(2).chars().count(),
        "the page's text replaced the summary: {chars} chars"
    );
    assert!(dir.path().join("m.db.watch-state.json").is_file());
    let pages_before = server.requests().iter().filter(|r| r.path.starts_with("/news/")).count();
    assert_eq!(pages_before, 3);

    // Second poll: nothing new. The Atom feed answers 304 to its ETag; the RSS
    // entries are known by id, so their pages are not fetched again.
    let (summary, log) = watch_once(&db, &sources);
    assert_eq!(summary["added"], 0, "{summary}\n{log}");
    assert!(log.contains("watch: وكالة الأنباء: not modified"), "{log}");
    assert!(log.contains("watch: شبكة الأخبار: 3 entries, 0 new"), "{log}");
    assert!(log.contains("watch: drop folder: 0 of 1 file new or changed"), "{log}");
    let atom_hits = server.hits("/atom.xml");
    assert_eq!(atom_hits.last().unwrap().header("If-None-Match"), Some("\"atom-v1\""));
    let pages_after = server.requests().iter().filter(|r| r.path.starts_with("/news/")).count();
    assert_eq!(pages_after, pages_before);
    assert_eq!(json(&run(&db, &["stats", "--json"]))["articles"], 7);

    // A new entry appears: only it is fetched and stored.
    fourth.store(true, Ordering::SeqCst);
    let (summary, log) = watch_once(&db, &sources);
    assert_eq!(summary["added"], 1, "{summary}\n{log}");
    assert!(log.contains("watch: شبكة الأخبار: 4 entries, 1 new: 1 added"), "{log}");
    assert_eq!(server.hits("/news/4").len(), 1);
    assert_eq!(server.hits("/news/1").len(), 1);
    assert_eq!(json(&run(&db, &["stats", "--json"]))["articles"], 8);
}

#[test]
fn a_bad_sources_file_is_fatal_and_usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    let missing = dir.path().join("none.toml");
    let output = run(&db, &["watch", "--sources", missing.to_str().unwrap(), "--once"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("none.toml: no such file"), "{}", stderr(&output));

    let invalid = dir.path().join("bad.toml");
    std::fs::write(&invalid, "[[source]]\nurl = \"ftp://example.com/feed\"\n").unwrap();
    let output = run(&db, &["watch", "--sources", invalid.to_str().unwrap(), "--once"]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(message.contains("bad.toml: source 1: url must start with http://"), "{message}");

    assert_eq!(run(&db, &["watch", "--once"]).status.code(), Some(2));
    let output = run(&db, &["watch", "--sources", invalid.to_str().unwrap(), "--interval", "0"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn ingest_reads_feed_urls_and_feed_files() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(|req| {
        let base = format!("http://{}", req.header("Host").unwrap_or_default());
        match req.path.as_str() {
            "/atom.xml" => Resp::new(200, "application/atom+xml", arabic_atom(&base, &[1, 2, 3])),
            _ => Resp::status(404),
        }
    });
    let db = dir.path().join("m.db");
    let summary =
        json(&run(&db, &["ingest", &server.url("/atom.xml"), &server.url("/gone.xml"), "--json"]));
    assert_eq!(summary["added"], 3, "{summary}");
    let errors = summary["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0]["file"], server.url("/gone.xml"));
    assert_eq!(errors[0]["reason"], "HTTP 404");

    let feed = dir.path().join("wire.atom");
    std::fs::write(&feed, arabic_atom("https://wire.example", &[4, 5])).unwrap();
    let summary = json(&run(&db, &["ingest", feed.to_str().unwrap(), "--json"]));
    assert_eq!(summary["added"], 2, "{summary}");
    let again = json(&run(&db, &["ingest", feed.to_str().unwrap(), "--json"]));
    assert_eq!((again["added"].as_u64(), again["unchanged"].as_u64()), (Some(0), Some(2)));
}

/// Issue 4 through watch: feed items are stored through the same entry point as
/// ingest, so a watched item that repeats a stored article is linked to it (an exact
/// pair in `dups`, its passages in `reuse`, the stored article as earliest source).
#[test]
fn a_watched_item_that_repeats_a_stored_article_is_linked() {
    let dir = tempfile::tempdir().unwrap();
    let server = TestServer::start(|req| {
        let base = format!("http://{}", req.header("Host").unwrap_or_default());
        match req.path.as_str() {
            "/atom.xml" => Resp::new(200, "application/atom+xml", arabic_atom(&base, &[7])),
            _ => Resp::status(404),
        }
    });
    let db = dir.path().join("m.db");
    // The same wire story, read earlier from a file under another URL.
    let feed = dir.path().join("wire.atom");
    std::fs::write(&feed, arabic_atom("https://wire.example", &[7])).unwrap();
    assert_eq!(json(&run(&db, &["ingest", feed.to_str().unwrap(), "--json"]))["added"], 1);
    let sources = dir.path().join("sources.toml");
    std::fs::write(
        &sources,
        format!(
            "[fetch]\ndelay = 0\n\n[[source]]\nurl = \"{}\"\nname = \"wire\"\n",
            server.url("/atom.xml")
        ),
    )
    .unwrap();
    let (summary, log) = watch_once(&db, &sources);
    assert_eq!(summary["added"], 1, "{summary}\n{log}");
    assert_eq!(summary["sources"][0]["near_duplicates"], 1, "{summary}");

    let pairs = json_lines(&run(&db, &["dups", "--json"]));
    assert_eq!(pairs.len(), 1, "{pairs:?}");
    let urls = [pairs[0]["a"].as_str().unwrap(), pairs[0]["b"].as_str().unwrap()];
    assert!(urls.contains(&"https://wire.example/wire/7"), "{pairs:?}");
    assert!(urls.contains(&server.url("/wire/7").as_str()), "{pairs:?}");
    assert_eq!(pairs[0]["kind"], "exact");

    let articles = json_lines(&run(&db, &["articles", "--json"]));
    let watched = articles.iter().find(|a| a["url"] == server.url("/wire/7")).unwrap();
    let id = watched["id"].to_string();
    let reused = json_lines(&run(&db, &["reuse", &id, "--json"]));
    assert!(!reused.is_empty());
    for line in &reused {
        assert_eq!(line["other"]["url"], "https://wire.example/wire/7", "{line}");
        // Same publication time: the first ingested is the source.
        assert_eq!(line["earliest"]["url"], "https://wire.example/wire/7", "{line}");
        assert_eq!(line["text"], line["other_text"]);
    }
}
