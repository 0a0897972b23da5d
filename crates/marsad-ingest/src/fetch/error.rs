//! Why a fetch failed: every variant names the URL, and the message says what
//! a person can check (the limit hit, the status, the redirect chain).

use std::time::Duration;

/// A failed fetch. `Display` is one line: `URL: reason`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    #[error("{url}: not an http:// or https:// URL")]
    InvalidUrl { url: String },
    #[error("{url}: skipped: disallowed by {robots}")]
    Disallowed { url: String, robots: String },
    #[error("{url}: timed out ({what}){}", attempts_note(*.attempts))]
    Timeout { url: String, what: String, attempts: u32 },
    #[error("{url}: response larger than the limit of {limit} bytes")]
    TooLarge { url: String, limit: u64 },
    #[error("{url}: more than {limit} redirects ({})", chain.join(" -> "))]
    TooManyRedirects { url: String, limit: u32, chain: Vec<String> },
    #[error("{url}: redirect loop ({})", chain.join(" -> "))]
    RedirectLoop { url: String, chain: Vec<String> },
    #[error("{url}: HTTP {status} redirect without a usable Location header")]
    BadRedirect { url: String, status: u16 },
    #[error("{url}: HTTP {status}{}", attempts_note(*.attempts))]
    Status { url: String, status: u16, attempts: u32 },
    #[error("{url}: {reason}{}", attempts_note(*.attempts))]
    Connection { url: String, reason: String, attempts: u32 },
}

fn attempts_note(attempts: u32) -> String {
    if attempts > 1 {
        format!(" (after {attempts} attempts)")
    } else {
        String::new()
    }
}

impl FetchError {
    /// The URL the error is about (the one requested, or the hop that failed).
    pub fn url(&self) -> &str {
        match self {
            FetchError::InvalidUrl { url }
            | FetchError::Disallowed { url, .. }
            | FetchError::Timeout { url, .. }
            | FetchError::TooLarge { url, .. }
            | FetchError::TooManyRedirects { url, .. }
            | FetchError::RedirectLoop { url, .. }
            | FetchError::BadRedirect { url, .. }
            | FetchError::Status { url, .. }
            | FetchError::Connection { url, .. } => url,
        }
    }

    /// The error without the leading `URL: `, for messages that name the URL already.
    pub fn reason(&self) -> String {
        let text = self.to_string();
        match text.strip_prefix(self.url()) {
            Some(rest) => rest.trim_start_matches(':').trim_start().to_owned(),
            None => text,
        }
    }
}

/// What one attempt's failure means for the next.
#[derive(Debug)]
pub(crate) enum AttemptError {
    /// Worth another try after a wait (`Some` when the server said how long).
    Transient(FetchError, Option<Duration>),
    /// Trying again would not help.
    Final(FetchError),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_url_and_reason() {
        let error = FetchError::Status { url: "http://x/a".into(), status: 503, attempts: 3 };
        assert_eq!(error.to_string(), "http://x/a: HTTP 503 (after 3 attempts)");
        assert_eq!(error.reason(), "HTTP 503 (after 3 attempts)");
        let error = FetchError::RedirectLoop {
            url: "http://x/a".into(),
            chain: vec!["http://x/a".into(), "http://x/b".into(), "http://x/a".into()],
        };
        assert_eq!(
            error.to_string(),
            "http://x/a: redirect loop (http://x/a -> http://x/b -> http://x/a)"
        );
        let error = FetchError::TooLarge { url: "http://x/big".into(), limit: 10 };
        assert_eq!(error.to_string(), "http://x/big: response larger than the limit of 10 bytes");
    }
}
