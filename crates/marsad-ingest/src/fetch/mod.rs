//! Fetching over HTTP(S), politely: what `marsad ingest URL` and `marsad watch` use.
//!
//! A [`Fetcher`] (blocking, `ureq` with rustls; share one per process, it is
//! `Sync`) does a GET with:
//! - **timeouts**: connect and total per request ([`FetchOptions::connect_timeout`],
//!   [`FetchOptions::timeout`]);
//! - **a size cap**: the body is streamed and cut at [`FetchOptions::max_body_bytes`]
//!   (after decompression) → [`FetchError::TooLarge`] naming the URL and limit;
//! - **retries** with exponential backoff on 5xx, 429 (honouring a numeric
//!   `Retry-After`), timeouts and dropped connections — never on other 4xx;
//! - **redirects** followed by hand up to [`FetchOptions::max_redirects`]; a URL met
//!   twice is a [`FetchError::RedirectLoop`] with the chain;
//! - **conditional GET**: [`Validators`] (ETag → `If-None-Match`, Last-Modified →
//!   `If-Modified-Since`); a 304 is [`Fetched::NotModified`];
//! - **politeness**: at least [`FetchOptions::host_delay`] between two requests to a
//!   host (or its robots.txt `Crawl-delay`, up to 60 s), across threads;
//! - **robots.txt**: fetched once per host and cached for a day ([`Robots`]); a
//!   disallowed URL is [`FetchError::Disallowed`]; 4xx means allowed, 5xx disallowed;
//! - a `User-Agent` naming Marsad, and the `Content-Type` charset kept on the [`Page`]
//!   so decoding can honour it ([`decode_page`]).
//!
//! [`read_url`] reads a URL like a file: HTML → the HTML reader, RSS/Atom/JSON Feed →
//! the feed reader (linked pages fetched for summary-only entries, see
//! [`PageFetcher`]), anything else → a problem.

mod body;
mod client;
mod error;
mod hosts;
mod options;
mod page;
mod robots;
mod url;

pub use body::{body_kind, decode_page, BodyKind};
pub use client::{Fetched, Fetcher, Page, Validators};
pub use error::FetchError;
pub use options::{FetchOptions, ROBOTS_TOKEN};
pub use page::{page_article, read_fetched_feed, read_url, PageFetcher};
pub use robots::Robots;
pub use url::{is_url, resolve_url};
