//! How politely and how patiently Marsad fetches.

use std::time::Duration;

/// The product token robots.txt groups name to address Marsad (`User-agent: marsad`).
pub const ROBOTS_TOKEN: &str = "marsad";

/// Settings of a [`Fetcher`](super::Fetcher). The defaults suit polling news
/// sites: patient enough for slow servers, polite enough for small ones.
#[derive(Debug, Clone, PartialEq)]
pub struct FetchOptions {
    /// Sent with every request; names Marsad so that sites can tell who polls them.
    pub user_agent: String,
    /// Time allowed to open a connection.
    pub connect_timeout: Duration,
    /// Time allowed for one request, from connecting to the last body byte.
    pub timeout: Duration,
    /// A response body larger than this (after decompression) is an error.
    pub max_body_bytes: u64,
    /// Extra attempts after a transient failure (5xx, 429, timeout, connection reset).
    pub retries: u32,
    /// Wait before the first retry; doubled for each further one.
    pub backoff: Duration,
    /// Longest wait between two attempts (also caps a server's `Retry-After`).
    pub max_backoff: Duration,
    /// Redirects followed per request; one more is an error.
    pub max_redirects: u32,
    /// Least time between two requests to the same host (robots.txt `Crawl-delay` may raise it).
    pub host_delay: Duration,
    /// Fetch and obey each host's robots.txt.
    pub respect_robots: bool,
    /// Linked pages fetched at most per feed read (for entries that carry only a summary).
    pub max_pages_per_feed: usize,
}

impl Default for FetchOptions {
    fn default() -> Self {
        Self {
            user_agent: format!(
                "Marsad/{} (Arabic news monitoring; robots token: {ROBOTS_TOKEN})",
                env!("CARGO_PKG_VERSION")
            ),
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            max_body_bytes: 16 << 20,
            retries: 2,
            backoff: Duration::from_secs(1),
            max_backoff: Duration::from_secs(30),
            max_redirects: 5,
            host_delay: Duration::from_secs(1),
            respect_robots: true,
            max_pages_per_feed: 50,
        }
    }
}

impl FetchOptions {
    /// The wait before attempt `attempt` (1 = the first retry).
    pub fn backoff_for(&self, attempt: u32) -> Duration {
        let factor = 2u32.saturating_pow(attempt.saturating_sub(1).min(16));
        self.backoff.saturating_mul(factor).min(self.max_backoff)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_the_cap() {
        let options = FetchOptions {
            backoff: Duration::from_millis(100),
            max_backoff: Duration::from_millis(350),
            ..FetchOptions::default()
        };
        assert_eq!(options.backoff_for(1), Duration::from_millis(100));
        assert_eq!(options.backoff_for(2), Duration::from_millis(200));
        assert_eq!(options.backoff_for(3), Duration::from_millis(350));
        assert_eq!(options.backoff_for(40), Duration::from_millis(350));
        assert!(FetchOptions::default().user_agent.starts_with("Marsad/"));
    }
}
