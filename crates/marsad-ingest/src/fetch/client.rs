//! [`Fetcher`]: one blocking GET, done the careful way — robots.txt checked, the
//! host's politeness delay kept, redirects followed by hand (each hop checked
//! again, loops named), transient failures retried with exponential backoff,
//! conditional headers sent, and the body read under a size cap.

use std::io::Read;
use std::time::Duration;

use ureq::http::HeaderMap;
use ureq::{Agent, Body};

use super::error::{AttemptError, FetchError};
use super::hosts::Hosts;
use super::options::{FetchOptions, ROBOTS_TOKEN};
use super::robots::{Robots, MAX_ROBOTS_BYTES};
use super::url::{resolve_url, HttpUrl};

/// What a previous fetch of the same URL returned, for a conditional GET.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    /// Sent as `If-None-Match`.
    pub etag: Option<String>,
    /// Sent as `If-Modified-Since`.
    pub last_modified: Option<String>,
}

/// A successful response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The URL asked for.
    pub requested: String,
    /// The URL the body came from, after redirects.
    pub url: String,
    pub status: u16,
    /// The `Content-Type` header as sent (`text/html; charset=windows-1256`).
    pub content_type: Option<String>,
    /// Its `charset` parameter, if any.
    pub charset: Option<String>,
    /// Validators for the next conditional GET.
    pub validators: Validators,
    pub body: Vec<u8>,
}

impl Page {
    /// The media type, lower-cased, without parameters (`text/html`).
    pub fn media_type(&self) -> Option<String> {
        self.content_type
            .as_deref()
            .map(|ct| ct.split(';').next().unwrap_or_default().trim().to_ascii_lowercase())
            .filter(|ct| !ct.is_empty())
    }
}

/// What a GET came back with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetched {
    Page(Page),
    /// `304 Not Modified`: the validators sent still hold.
    NotModified {
        url: String,
    },
}

/// A blocking HTTP client for polling feeds and pages. Share one per process (it
/// is `Sync`): politeness and robots.txt are tracked per host across threads.
#[derive(Debug)]
pub struct Fetcher {
    agent: Agent,
    options: FetchOptions,
    hosts: Hosts,
}

/// How much of a 2xx body to read.
#[derive(Debug, Clone, Copy)]
enum BodyLimit {
    /// More than this many bytes is `TooLarge`.
    Strict(u64),
    /// Keep the first this many bytes, drop the rest (robots.txt).
    Truncate(u64),
}

/// One response whose 2xx body is already read.
struct Reply {
    status: u16,
    headers: HeaderMap,
    body: Vec<u8>,
}

impl Fetcher {
    pub fn new(options: FetchOptions) -> Self {
        let config = Agent::config_builder()
            .timeout_connect(Some(options.connect_timeout))
            .timeout_global(Some(options.timeout))
            .max_redirects(0)
            .http_status_as_error(false)
            .user_agent(options.user_agent.as_str())
            .build();
        Self { agent: config.into(), options, hosts: Hosts::default() }
    }

    pub fn options(&self) -> &FetchOptions {
        &self.options
    }

    /// GET `url`, following redirects; a 2xx body or `NotModified` (304). Every
    /// other outcome is a [`FetchError`] naming the URL and the reason.
    pub fn get(&self, url: &str, validators: &Validators) -> Result<Fetched, FetchError> {
        let mut chain = vec![url.trim().to_owned()];
        loop {
            let current = chain.last().cloned().unwrap_or_default();
            let Some(parsed) = HttpUrl::parse(&current) else {
                return Err(FetchError::InvalidUrl { url: current });
            };
            self.check_robots(&parsed, &current)?;
            let limit = BodyLimit::Strict(self.options.max_body_bytes);
            let reply = self.attempts(&parsed, &current, validators, limit)?;
            match reply.status {
                301 | 302 | 303 | 307 | 308 => {
                    let next = header(&reply.headers, "location")
                        .and_then(|location| resolve_url(&current, &location))
                        .map(|next| next.split('#').next().unwrap_or_default().to_owned());
                    let Some(next) = next else {
                        return Err(FetchError::BadRedirect { url: current, status: reply.status });
                    };
                    if chain.contains(&next) {
                        chain.push(next);
                        return Err(FetchError::RedirectLoop { url: url.to_owned(), chain });
                    }
                    chain.push(next);
                    if chain.len() as u64 > u64::from(self.options.max_redirects) + 1 {
                        return Err(FetchError::TooManyRedirects {
                            url: url.to_owned(),
                            limit: self.options.max_redirects,
                            chain,
                        });
                    }
                }
                304 => return Ok(Fetched::NotModified { url: current }),
                200..=299 => {
                    let content_type = header(&reply.headers, "content-type");
                    let charset = content_type.as_deref().and_then(charset_of);
                    return Ok(Fetched::Page(Page {
                        requested: url.to_owned(),
                        url: current,
                        status: reply.status,
                        content_type,
                        charset,
                        validators: Validators {
                            etag: header(&reply.headers, "etag"),
                            last_modified: header(&reply.headers, "last-modified"),
                        },
                        body: reply.body,
                    }));
                }
                status => return Err(FetchError::Status { url: current, status, attempts: 1 }),
            }
        }
    }

    /// Fail with `Disallowed` when the host's robots.txt forbids `url`.
    fn check_robots(&self, parsed: &HttpUrl<'_>, url: &str) -> Result<(), FetchError> {
        if !self.options.respect_robots || parsed.path() == "/robots.txt" {
            return Ok(());
        }
        let origin = parsed.origin();
        let robots = match self.hosts.robots(&origin) {
            Some(robots) => robots,
            None => self.fetch_robots(&origin),
        };
        if robots.is_allowed(ROBOTS_TOKEN, parsed.path()) {
            Ok(())
        } else {
            Err(FetchError::Disallowed {
                url: url.to_owned(),
                robots: format!("{origin}/robots.txt"),
            })
        }
    }

    /// Fetch and cache `origin`'s robots.txt (RFC 9309: 4xx allows all, 5xx disallows all).
    fn fetch_robots(&self, origin: &str) -> std::sync::Arc<Robots> {
        let url = format!("{origin}/robots.txt");
        let mut outcome = None;
        let mut current = url.clone();
        // Follow up to five redirects, as RFC 9309 asks.
        for _ in 0..=5 {
            let Some(parsed) = HttpUrl::parse(&current) else { break };
            let limit = BodyLimit::Truncate(MAX_ROBOTS_BYTES as u64);
            match self.attempts(&parsed, &current, &Validators::default(), limit) {
                Ok(reply) if (300..400).contains(&reply.status) => {
                    match header(&reply.headers, "location").and_then(|l| resolve_url(&current, &l))
                    {
                        Some(next) => current = next,
                        None => break,
                    }
                }
                Ok(reply) if (200..300).contains(&reply.status) => {
                    let text = String::from_utf8_lossy(&reply.body).into_owned();
                    outcome = Some((Robots::parse(&text), false));
                    break;
                }
                Ok(reply) if reply.status >= 500 => {
                    outcome = Some((Robots::disallow_all(), true));
                    break;
                }
                Ok(_) => {
                    outcome = Some((Robots::allow_all(), false));
                    break;
                }
                // Unreachable host: the request itself will fail and say why; check again next time.
                Err(_) => return std::sync::Arc::new(Robots::allow_all()),
            }
        }
        let (robots, server_error) = outcome.unwrap_or_else(|| (Robots::allow_all(), false));
        self.hosts.set_robots(origin, robots, server_error)
    }

    /// One request with retries.
    fn attempts(
        &self,
        parsed: &HttpUrl<'_>,
        url: &str,
        validators: &Validators,
        limit: BodyLimit,
    ) -> Result<Reply, FetchError> {
        let origin = parsed.origin();
        let attempts = self.options.retries.saturating_add(1);
        let mut attempt = 1;
        loop {
            let delay = match self.hosts.robots(&origin).and_then(|r| r.crawl_delay(ROBOTS_TOKEN)) {
                Some(crawl_delay) => {
                    crawl_delay.min(Duration::from_secs(60)).max(self.options.host_delay)
                }
                None => self.options.host_delay,
            };
            self.hosts.wait_turn(&origin, delay);
            match self.attempt(url, validators, limit) {
                Ok(reply) => return Ok(reply),
                Err(AttemptError::Final(error)) => return Err(error),
                Err(AttemptError::Transient(error, retry_after)) => {
                    if attempt >= attempts {
                        return Err(with_attempts(error, attempt));
                    }
                    let wait = retry_after
                        .unwrap_or_else(|| self.options.backoff_for(attempt))
                        .min(self.options.max_backoff);
                    std::thread::sleep(wait);
                    attempt += 1;
                }
            }
        }
    }

    fn attempt(
        &self,
        url: &str,
        validators: &Validators,
        limit: BodyLimit,
    ) -> Result<Reply, AttemptError> {
        let mut request = self.agent.get(url);
        if let Some(etag) = &validators.etag {
            request = request.header("If-None-Match", etag.as_str());
        }
        if let Some(date) = &validators.last_modified {
            request = request.header("If-Modified-Since", date.as_str());
        }
        let response = request.call().map_err(|e| self.classify(url, e))?;
        let status = response.status().as_u16();
        if status == 429 || status >= 500 {
            let retry_after = header(response.headers(), "retry-after")
                .and_then(|v| v.trim().parse::<u64>().ok())
                .map(Duration::from_secs);
            let error = FetchError::Status { url: url.to_owned(), status, attempts: 1 };
            return Err(AttemptError::Transient(error, retry_after));
        }
        let (parts, body) = response.into_parts();
        let body = if (200..300).contains(&status) {
            self.read_body(url, body, limit, &parts.headers)?
        } else {
            Vec::new()
        };
        Ok(Reply { status, headers: parts.headers, body })
    }

    /// Read the body within `limit` (a declared length over a strict limit fails at once).
    fn read_body(
        &self,
        url: &str,
        body: Body,
        limit: BodyLimit,
        headers: &HeaderMap,
    ) -> Result<Vec<u8>, AttemptError> {
        let (max, strict) = match limit {
            BodyLimit::Strict(max) => (max, true),
            BodyLimit::Truncate(max) => (max, false),
        };
        let too_large =
            || AttemptError::Final(FetchError::TooLarge { url: url.to_owned(), limit: max });
        let declared = header(headers, "content-length").and_then(|v| v.trim().parse::<u64>().ok());
        if strict && declared.is_some_and(|len| len > max) {
            return Err(too_large());
        }
        let capacity = declared.unwrap_or(0).min(max).min(8 << 20) as usize;
        let mut bytes = Vec::with_capacity(capacity);
        let reader = body.into_with_config().limit(u64::MAX).reader();
        match reader.take(max.saturating_add(1)).read_to_end(&mut bytes) {
            Ok(_) if bytes.len() as u64 > max && strict => Err(too_large()),
            Ok(_) => {
                bytes.truncate(max as usize);
                Ok(bytes)
            }
            Err(e) => Err(self.classify(url, ureq::Error::from(e))),
        }
    }

    /// Sort a transport error into retry-worthy or not, with a readable reason.
    fn classify(&self, url: &str, error: ureq::Error) -> AttemptError {
        let url = url.to_owned();
        match error {
            ureq::Error::Timeout(kind) => {
                let what = match kind {
                    ureq::Timeout::Connect => {
                        format!("no connection within {}", seconds(self.options.connect_timeout))
                    }
                    _ => format!("no complete response within {}", seconds(self.options.timeout)),
                };
                AttemptError::Transient(FetchError::Timeout { url, what, attempts: 1 }, None)
            }
            ureq::Error::Io(io) => {
                use std::io::ErrorKind::*;
                let transient = matches!(
                    io.kind(),
                    ConnectionReset
                        | ConnectionAborted
                        | ConnectionRefused
                        | BrokenPipe
                        | UnexpectedEof
                        | TimedOut
                        | Interrupted
                );
                let reason = match io.kind() {
                    ConnectionRefused => "connection refused".to_owned(),
                    ConnectionReset => "connection reset by the server".to_owned(),
                    UnexpectedEof => "the server closed the connection early".to_owned(),
                    TimedOut => format!("timed out after {}", seconds(self.options.timeout)),
                    _ => crate::io_reason(&io),
                };
                let error = FetchError::Connection { url, reason, attempts: 1 };
                if transient {
                    AttemptError::Transient(error, None)
                } else {
                    AttemptError::Final(error)
                }
            }
            ureq::Error::ConnectionFailed => AttemptError::Transient(
                FetchError::Connection { url, reason: "connection failed".into(), attempts: 1 },
                None,
            ),
            ureq::Error::HostNotFound => AttemptError::Final(FetchError::Connection {
                url,
                reason: "host not found".into(),
                attempts: 1,
            }),
            ureq::Error::BodyExceedsLimit(limit) => {
                AttemptError::Final(FetchError::TooLarge { url, limit })
            }
            ureq::Error::BadUri(_) => AttemptError::Final(FetchError::InvalidUrl { url }),
            other => AttemptError::Final(FetchError::Connection {
                url,
                reason: other.to_string(),
                attempts: 1,
            }),
        }
    }
}

fn with_attempts(error: FetchError, attempts: u32) -> FetchError {
    match error {
        FetchError::Timeout { url, what, .. } => FetchError::Timeout { url, what, attempts },
        FetchError::Status { url, status, .. } => FetchError::Status { url, status, attempts },
        FetchError::Connection { url, reason, .. } => {
            FetchError::Connection { url, reason, attempts }
        }
        other => other,
    }
}

fn seconds(duration: Duration) -> String {
    let secs = duration.as_secs_f64();
    if secs.fract() == 0.0 {
        format!("{secs:.0}s")
    } else {
        format!("{secs:.1}s")
    }
}

/// A header's value as text (invalid UTF-8 dropped).
fn header(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
}

/// The `charset` parameter of a Content-Type value.
pub(crate) fn charset_of(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (key, value) = param.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(|c| c == '"' || c == '\'').to_ascii_lowercase())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charset_parameter() {
        assert_eq!(charset_of("text/html; charset=Windows-1256").as_deref(), Some("windows-1256"));
        assert_eq!(charset_of("text/xml;charset=\"utf-8\"").as_deref(), Some("utf-8"));
        assert_eq!(charset_of("text/html"), None);
    }
}
