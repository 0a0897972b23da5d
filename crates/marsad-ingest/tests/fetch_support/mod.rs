//! A small HTTP server on 127.0.0.1 for fetch and watch tests: each request is
//! answered by a handler closure (on its own thread, so a slow endpoint does not
//! hold up the others) and logged. The server stops when dropped; it never
//! serves more than `MAX_REQUESTS` requests, nor for longer than `MAX_LIFETIME`.
//! Also the Arabic feeds and pages the tests serve.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

const MAX_REQUESTS: usize = 5_000;
const MAX_LIFETIME: Duration = Duration::from_secs(300);

/// One request as the handler sees it.
#[derive(Debug, Clone)]
pub struct Req {
    pub path: String,
    pub headers: Vec<(String, String)>,
    /// How many times this path was requested before (0 for the first time).
    pub seen: usize,
    pub at: Instant,
}

impl Req {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// The answer: status, headers, body, and a delay before answering.
#[derive(Debug, Clone)]
pub struct Resp {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    pub delay: Duration,
    /// Send without Content-Length (chunked).
    pub chunked: bool,
}

impl Resp {
    pub fn new(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Self {
        Resp {
            status,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.into(),
            delay: Duration::ZERO,
            chunked: false,
        }
    }
    pub fn status(status: u16) -> Self {
        Resp::new(status, "text/plain", format!("status {status}"))
    }
    pub fn html(body: &str) -> Self {
        Resp::new(200, "text/html; charset=utf-8", body)
    }
    pub fn rss(body: &str) -> Self {
        Resp::new(200, "application/rss+xml; charset=utf-8", body)
    }
    pub fn redirect(status: u16, location: &str) -> Self {
        Resp::status(status).with("Location", location)
    }
    pub fn with(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }
    pub fn after(mut self, delay: Duration) -> Self {
        self.delay = delay;
        self
    }
    pub fn chunked(mut self) -> Self {
        self.chunked = true;
        self
    }
}

type Handler = dyn Fn(&Req) -> Resp + Send + Sync;

pub struct TestServer {
    /// `http://127.0.0.1:PORT`
    pub base: String,
    log: Arc<Mutex<Vec<Req>>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl TestServer {
    pub fn start(handler: impl Fn(&Req) -> Resp + Send + Sync + 'static) -> Self {
        let server = tiny_http::Server::http("127.0.0.1:0").expect("bind 127.0.0.1");
        let port = server.server_addr().to_ip().expect("an IP address").port();
        let log: Arc<Mutex<Vec<Req>>> = Arc::default();
        let stop = Arc::new(AtomicBool::new(false));
        let handler: Arc<Handler> = Arc::new(handler);
        let thread = {
            let (log, stop) = (Arc::clone(&log), Arc::clone(&stop));
            std::thread::spawn(move || {
                let started = Instant::now();
                let mut served = 0usize;
                while !stop.load(Ordering::Relaxed)
                    && served < MAX_REQUESTS
                    && started.elapsed() < MAX_LIFETIME
                {
                    let Ok(Some(request)) = server.recv_timeout(Duration::from_millis(20)) else {
                        continue;
                    };
                    served += 1;
                    let path = request.url().to_owned();
                    let headers = request
                        .headers()
                        .iter()
                        .map(|h| (h.field.as_str().to_string(), h.value.as_str().to_owned()))
                        .collect();
                    let req = {
                        let mut log = log.lock().unwrap();
                        let seen = log.iter().filter(|r| r.path == path).count();
                        let req = Req { path, headers, seen, at: Instant::now() };
                        log.push(req.clone());
                        req
                    };
                    let handler = Arc::clone(&handler);
                    std::thread::spawn(move || {
                        let resp = handler(&req);
                        if !resp.delay.is_zero() {
                            std::thread::sleep(resp.delay);
                        }
                        let length = (!resp.chunked).then_some(resp.body.len());
                        let mut response = tiny_http::Response::new(
                            tiny_http::StatusCode(resp.status),
                            Vec::new(),
                            std::io::Cursor::new(resp.body),
                            length,
                            None,
                        );
                        if resp.chunked {
                            response = response.with_chunked_threshold(0);
                        }
                        for (name, value) in &resp.headers {
                            let header =
                                tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes())
                                    .expect("a valid header");
                            response.add_header(header);
                        }
                        let _ = request.respond(response);
                    });
                }
            })
        };
        TestServer { base: format!("http://127.0.0.1:{port}"), log, stop, thread: Some(thread) }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Every request so far, in arrival order.
    pub fn requests(&self) -> Vec<Req> {
        self.log.lock().unwrap().clone()
    }

    /// The requests for one path.
    pub fn hits(&self, path: &str) -> Vec<Req> {
        self.requests().into_iter().filter(|r| r.path == path).collect()
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// An Arabic RSS 2.0 feed whose items link to `{base}/news/N` and carry a summary only.
pub fn arabic_rss(base: &str, items: &[usize]) -> String {
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel>\n\
         <title>شبكة الأخبار المحلية</title><link>{base}/</link><language>ar</language>\n"
    );
    for &n in items {
        out.push_str(&format!(
            "<item><title>{}</title><link>{base}/news/{n}</link><guid>{base}/news/{n}</guid>\
             <pubDate>Mon, 07 Aug 2023 1{}:00:00 +0300</pubDate><dc:creator>مراسل الشبكة</dc:creator>\
             <description>&lt;p&gt;{}&lt;/p&gt;</description></item>\n",
            headline(n),
            n % 10,
            summary(n)
        ));
    }
    out.push_str("</channel></rss>\n");
    out
}

/// An Atom feed with full content (no page fetch needed).
pub fn arabic_atom(base: &str, items: &[usize]) -> String {
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\
         <title>وكالة الأنباء</title><link href=\"{base}/\"/><id>{base}/atom</id>\n"
    );
    for &n in items {
        out.push_str(&format!(
            "<entry><title>{}</title><link href=\"{base}/wire/{n}\"/><id>wire-{n}</id>\
             <updated>2023-08-07T10:00:00Z</updated><author><name>وكالة الأنباء</name></author>\
             <content type=\"html\">&lt;p&gt;{}&lt;/p&gt;&lt;p&gt;{}&lt;/p&gt;</content></entry>\n",
            headline(n),
            body(n),
            body(n + 1000)
        ));
    }
    out.push_str("</feed>\n");
    out
}

pub fn headline(n: usize) -> String {
    format!("وزير الدفاع العراقي يبحث التعاون الأمني في الجولة {n}")
}

pub fn summary(n: usize) -> String {
    format!("ملخص الخبر رقم {n} عن الحوار الأمني المشترك.")
}

pub fn body(n: usize) -> String {
    format!(
        "بحث وزير الدفاع العراقي ثابت العباسي مع نظيره الأمريكي لويد أوستن في الجولة رقم {n} \
         ملفات التعاون الأمني، واتفق الجانبان على استمرار عمل اللجنة العسكرية العليا المشتركة \
         وتنظيم زيارات متبادلة خلال الأشهر المقبلة."
    )
}

/// The page an RSS item links to: furniture around a main article.
pub fn arabic_page(n: usize) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\">\
         <title>{} - شبكة الأخبار</title>\
         <meta property=\"article:published_time\" content=\"2023-08-07T10:00:00+03:00\">\
         </head><body><nav><a href=\"/\">الرئيسية</a></nav><article><h1>{}</h1>\
         <p>{}</p><p>{}</p></article><footer>جميع الحقوق محفوظة</footer></body></html>",
        headline(n),
        headline(n),
        body(n),
        body(n + 500)
    )
}
