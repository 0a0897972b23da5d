//! Per-host bookkeeping shared by all threads using one fetcher: when the host
//! may next be asked (politeness delay), and its robots.txt, fetched once and
//! kept for a day.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use super::robots::Robots;

/// How long a fetched robots.txt is trusted.
const ROBOTS_TTL: Duration = Duration::from_secs(24 * 3600);
/// How long "robots.txt answered with a server error" (everything disallowed) is kept.
const ROBOTS_ERROR_TTL: Duration = Duration::from_secs(600);

#[derive(Debug, Default)]
struct Host {
    /// Earliest time the next request may start.
    next_slot: Option<Instant>,
    robots: Option<CachedRobots>,
}

#[derive(Debug, Clone)]
struct CachedRobots {
    robots: Arc<Robots>,
    until: Instant,
}

/// Hosts by origin (`scheme://host:port`).
#[derive(Debug, Default)]
pub(crate) struct Hosts {
    hosts: Mutex<HashMap<String, Host>>,
}

impl Hosts {
    /// Wait until a request to `origin` is polite, and book the slot after it.
    /// `delay` is the least gap between two requests to the host.
    pub fn wait_turn(&self, origin: &str, delay: Duration) {
        let wait = {
            let mut hosts = self.hosts.lock().unwrap_or_else(PoisonError::into_inner);
            let host = hosts.entry(origin.to_owned()).or_default();
            let now = Instant::now();
            let start = host.next_slot.map_or(now, |slot| slot.max(now));
            host.next_slot = Some(start + delay);
            start.saturating_duration_since(now)
        };
        if !wait.is_zero() {
            std::thread::sleep(wait);
        }
    }

    /// The host's robots.txt when it is cached and fresh.
    pub fn robots(&self, origin: &str) -> Option<Arc<Robots>> {
        let hosts = self.hosts.lock().unwrap_or_else(PoisonError::into_inner);
        let cached = hosts.get(origin)?.robots.as_ref()?;
        (cached.until > Instant::now()).then(|| Arc::clone(&cached.robots))
    }

    /// Keep `robots` for `origin`; `server_error` keeps it for a short while only.
    pub fn set_robots(&self, origin: &str, robots: Robots, server_error: bool) -> Arc<Robots> {
        let ttl = if server_error { ROBOTS_ERROR_TTL } else { ROBOTS_TTL };
        let robots = Arc::new(robots);
        let mut hosts = self.hosts.lock().unwrap_or_else(PoisonError::into_inner);
        hosts.entry(origin.to_owned()).or_default().robots =
            Some(CachedRobots { robots: Arc::clone(&robots), until: Instant::now() + ttl });
        robots
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_to_one_host_are_spaced() {
        let hosts = Hosts::default();
        let started = Instant::now();
        hosts.wait_turn("http://a", Duration::from_millis(60));
        hosts.wait_turn("http://b", Duration::from_millis(60));
        assert!(started.elapsed() < Duration::from_millis(50), "different hosts do not wait");
        hosts.wait_turn("http://a", Duration::from_millis(60));
        assert!(started.elapsed() >= Duration::from_millis(60));
    }

    #[test]
    fn robots_are_cached() {
        let hosts = Hosts::default();
        assert!(hosts.robots("http://a").is_none());
        hosts.set_robots("http://a", Robots::disallow_all(), false);
        assert!(!hosts.robots("http://a").unwrap().is_allowed("marsad", "/x"));
    }
}
