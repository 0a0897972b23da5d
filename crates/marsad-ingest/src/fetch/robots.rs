//! robots.txt (RFC 9309): which paths a crawler may fetch.
//!
//! Groups start with one or more `User-agent:` lines and hold `Allow:` /
//! `Disallow:` rules (and `Crawl-delay:`, which Marsad honours too). The groups
//! naming our product token (case-insensitive, e.g. `marsad`) apply, all of them
//! merged; when none does, the `*` groups apply; when there are none, everything
//! is allowed. Among the rules whose pattern matches the path (with `*` for any
//! run of characters and a final `$` anchoring the end), the longest pattern
//! wins, and `Allow` wins a tie. `/robots.txt` itself is always allowed.

use std::time::Duration;

/// A parsed robots.txt.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Robots {
    groups: Vec<Group>,
}

#[derive(Debug, Clone, Default, PartialEq)]
struct Group {
    agents: Vec<String>,
    rules: Vec<Rule>,
    crawl_delay: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
struct Rule {
    allow: bool,
    pattern: String,
}

/// robots.txt files larger than this are read only this far (RFC 9309 asks for at least 500 KiB).
pub const MAX_ROBOTS_BYTES: usize = 512 << 10;

impl Robots {
    /// Everything allowed (no robots.txt, or one that could not be had with a 4xx).
    pub fn allow_all() -> Self {
        Self::default()
    }

    /// Everything disallowed (robots.txt unreachable with a server error, RFC 9309 2.3.1.4).
    pub fn disallow_all() -> Self {
        Self {
            groups: vec![Group {
                agents: vec!["*".into()],
                rules: vec![Rule { allow: false, pattern: "/".into() }],
                crawl_delay: None,
            }],
        }
    }

    /// Parse a robots.txt; unknown lines and malformed ones are ignored.
    pub fn parse(text: &str) -> Self {
        let text = text.get(..MAX_ROBOTS_BYTES).unwrap_or(text);
        let mut groups: Vec<Group> = Vec::new();
        // True while the current group is still collecting user-agent lines.
        let mut in_agents = false;
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or_default().trim();
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            let key = key.trim().to_ascii_lowercase();
            let value = value.trim();
            match key.as_str() {
                "user-agent" => {
                    if !in_agents {
                        groups.push(Group::default());
                        in_agents = true;
                    }
                    if let Some(group) = groups.last_mut() {
                        group.agents.push(value.to_ascii_lowercase());
                    }
                }
                "allow" | "disallow" => {
                    in_agents = false;
                    // An empty Disallow allows everything: no rule needed.
                    if value.is_empty() {
                        continue;
                    }
                    if let Some(group) = groups.last_mut() {
                        group.rules.push(Rule { allow: key == "allow", pattern: value.to_owned() });
                    }
                }
                "crawl-delay" => {
                    in_agents = false;
                    if let (Some(group), Ok(delay)) = (groups.last_mut(), value.parse::<f64>()) {
                        if delay.is_finite() && delay >= 0.0 {
                            group.crawl_delay = Some(delay);
                        }
                    }
                }
                _ => {}
            }
        }
        Self { groups }
    }

    /// The groups that apply to `agent` (our product token, lower-case).
    fn applicable<'a>(&'a self, agent: &'a str) -> impl Iterator<Item = &'a Group> + 'a {
        let named = self.groups.iter().any(|g| g.agents.iter().any(|a| names(a, agent)));
        self.groups.iter().filter(move |g| {
            g.agents.iter().any(|a| if named { names(a, agent) } else { a == "*" })
        })
    }

    /// May `agent` fetch `path` (the URL's path and query)?
    pub fn is_allowed(&self, agent: &str, path: &str) -> bool {
        if path == "/robots.txt" {
            return true;
        }
        let agent = agent.to_ascii_lowercase();
        let mut best: Option<(usize, bool)> = None;
        for group in self.applicable(&agent) {
            for rule in &group.rules {
                if !matches(&rule.pattern, path) {
                    continue;
                }
                let len = rule.pattern.len();
                best = match best {
                    Some((best_len, best_allow))
                        if best_len > len || (best_len == len && best_allow) =>
                    {
                        Some((best_len, best_allow))
                    }
                    _ => Some((len, rule.allow)),
                };
            }
        }
        best.is_none_or(|(_, allow)| allow)
    }

    /// The `Crawl-delay` that applies to `agent`, if any.
    pub fn crawl_delay(&self, agent: &str) -> Option<Duration> {
        let agent = agent.to_ascii_lowercase();
        self.applicable(&agent)
            .filter_map(|g| g.crawl_delay)
            .reduce(f64::max)
            .map(|s| Duration::from_secs_f64(s.min(3600.0)))
    }
}

/// Does a `User-agent:` value name our product token? (`Marsad`, `marsad/1.0`)
fn names(line_agent: &str, agent: &str) -> bool {
    let token = line_agent.split(['/', ' ']).next().unwrap_or_default();
    token != "*" && token == agent
}

/// Does a robots pattern (`*` wildcard, `$` end anchor) match the start of `path`?
fn matches(pattern: &str, path: &str) -> bool {
    let (pattern, anchored) = match pattern.strip_suffix('$') {
        Some(p) => (p, true),
        None => (pattern, false),
    };
    let parts: Vec<&str> = pattern.split('*').collect();
    let Some((first, rest)) = parts.split_first() else {
        return true;
    };
    let Some(mut remaining) = path.strip_prefix(first) else {
        return false;
    };
    if rest.is_empty() {
        return !anchored || remaining.is_empty();
    }
    for (i, part) in rest.iter().enumerate() {
        let is_last = i + 1 == rest.len();
        if is_last && anchored {
            return remaining.ends_with(part);
        }
        match remaining.find(part) {
            Some(at) => remaining = &remaining[at + part.len()..],
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_match_wins_and_allow_breaks_ties() {
        let robots = Robots::parse(
            "User-agent: *\nDisallow: /private\nAllow: /private/public\nDisallow: /a\nAllow: /a\n",
        );
        assert!(!robots.is_allowed("marsad", "/private/x"));
        assert!(robots.is_allowed("marsad", "/private/public/x"));
        assert!(robots.is_allowed("marsad", "/a/b"));
        assert!(robots.is_allowed("marsad", "/news"));
        assert!(robots.is_allowed("marsad", "/robots.txt"));
    }

    #[test]
    fn our_group_replaces_the_star_group() {
        let robots = Robots::parse(
            "# comment\nUser-agent: *\nDisallow: /\n\nUser-agent: OtherBot\nUser-agent: Marsad\nDisallow: /archive # old\nCrawl-delay: 2\n",
        );
        assert!(robots.is_allowed("Marsad", "/news/1"));
        assert!(!robots.is_allowed("marsad", "/archive/2001"));
        assert!(!robots.is_allowed("somebot", "/news/1"));
        assert_eq!(robots.crawl_delay("marsad"), Some(Duration::from_secs(2)));
        assert_eq!(robots.crawl_delay("somebot"), None);
    }

    #[test]
    fn wildcards_and_anchors() {
        let robots = Robots::parse("User-agent: *\nDisallow: /*.pdf$\nDisallow: /search*q=\n");
        assert!(!robots.is_allowed("marsad", "/files/report.pdf"));
        assert!(robots.is_allowed("marsad", "/files/report.pdf?x=1"));
        assert!(!robots.is_allowed("marsad", "/search?lang=ar&q=x"));
        assert!(robots.is_allowed("marsad", "/search?lang=ar"));
    }

    #[test]
    fn empty_and_odd_files() {
        assert!(Robots::parse("").is_allowed("marsad", "/x"));
        assert!(Robots::parse("Disallow: /\n").is_allowed("marsad", "/x"));
        assert!(Robots::parse("User-agent: *\nDisallow:\n").is_allowed("marsad", "/x"));
        assert!(!Robots::disallow_all().is_allowed("marsad", "/x"));
        assert!(Robots::parse("\u{0}\u{1}garbage\nUser-agent *\n").is_allowed("marsad", "/"));
    }
}
