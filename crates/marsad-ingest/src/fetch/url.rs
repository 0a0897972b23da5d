//! Just enough URL handling for fetching: recognise `http(s)://` inputs, split a
//! URL into its origin and path, and resolve a relative reference (a redirect's
//! `Location`, a feed's relative link) against a base (RFC 3986, section 5.2).
//!
//! Hosts are compared lower-cased; nothing is percent-decoded or re-encoded.

/// True for strings that start with `http://` or `https://` (any case): the
/// inputs `read_inputs` fetches instead of opening as files.
pub fn is_url(input: &str) -> bool {
    let head = input.get(..8).unwrap_or(input).to_ascii_lowercase();
    head.starts_with("http://") || head.starts_with("https://")
}

/// An absolute `http(s)` URL split into parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct HttpUrl<'a> {
    /// `http` or `https`, lower-cased.
    pub scheme: String,
    /// The authority as written (`user@host:port` minus the user part), lower-cased.
    pub host_port: String,
    /// The path and query (`/` when empty), without the fragment.
    pub path_and_query: &'a str,
}

impl<'a> HttpUrl<'a> {
    /// Parse an absolute http(s) URL; `None` for anything else or an empty host.
    pub fn parse(url: &'a str) -> Option<Self> {
        let url = url.trim();
        let (scheme, rest) = url.split_once("://")?;
        let scheme = scheme.to_ascii_lowercase();
        if scheme != "http" && scheme != "https" {
            return None;
        }
        let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let authority = &rest[..end];
        let host_port = authority.rsplit_once('@').map_or(authority, |(_, host)| host);
        if host_port.is_empty() || host_port.starts_with(':') {
            return None;
        }
        let rest = &rest[end..];
        let path_and_query = &rest[..rest.find('#').unwrap_or(rest.len())];
        Some(HttpUrl { scheme, host_port: host_port.to_ascii_lowercase(), path_and_query })
    }

    /// `scheme://host:port`: the key for politeness and robots.txt.
    pub fn origin(&self) -> String {
        format!("{}://{}", self.scheme, self.host_port)
    }

    /// The path and query, `/` when the URL has none.
    pub fn path(&self) -> &str {
        if self.path_and_query.is_empty() {
            "/"
        } else {
            self.path_and_query
        }
    }
}

/// Resolve `reference` against the absolute URL `base`. `None` when the result is
/// not an http(s) URL (`mailto:`, `javascript:`) or `base` is not one.
pub fn resolve_url(base: &str, reference: &str) -> Option<String> {
    let reference = reference.trim();
    if has_scheme(reference) {
        return HttpUrl::parse(reference).map(|_| reference.to_owned());
    }
    let parsed = HttpUrl::parse(base)?;
    let origin = parsed.origin();
    if let Some(rest) = reference.strip_prefix("//") {
        let url = format!("{}://{rest}", parsed.scheme);
        return HttpUrl::parse(&url).is_some().then_some(url);
    }
    let (base_path, _) = split_query(parsed.path());
    let (reference, fragment) = match reference.find('#') {
        Some(at) => (&reference[..at], &reference[at..]),
        None => (reference, ""),
    };
    let resolved = if reference.is_empty() {
        format!("{origin}{}", parsed.path())
    } else if reference.starts_with('/') {
        let (path, query) = split_query(reference);
        format!("{origin}{}{query}", remove_dot_segments(path))
    } else if reference.starts_with('?') {
        format!("{origin}{base_path}{reference}")
    } else {
        let (path, query) = split_query(reference);
        let dir = &base_path[..base_path.rfind('/').map_or(0, |at| at + 1)];
        let merged = if dir.is_empty() { format!("/{path}") } else { format!("{dir}{path}") };
        format!("{origin}{}{query}", remove_dot_segments(&merged))
    };
    Some(format!("{resolved}{fragment}"))
}

/// `scheme:` at the start (RFC 3986: a letter, then letters, digits, `+`, `-`, `.`).
fn has_scheme(reference: &str) -> bool {
    let Some(colon) = reference.find(':') else {
        return false;
    };
    let scheme = &reference[..colon];
    scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme.bytes().all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b))
}

/// `("/a/b", "?q")` from `"/a/b?q"`.
fn split_query(path: &str) -> (&str, &str) {
    match path.find('?') {
        Some(at) => (&path[..at], &path[at..]),
        None => (path, ""),
    }
}

/// RFC 3986 section 5.2.4 on an absolute path.
fn remove_dot_segments(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    let last = segments.len().saturating_sub(1);
    let mut trailing_slash = false;
    for (i, segment) in segments.iter().enumerate() {
        match *segment {
            "." => trailing_slash = i == last,
            ".." => {
                out.pop();
                trailing_slash = i == last;
            }
            other => {
                out.push(other);
                trailing_slash = false;
            }
        }
    }
    let mut result = String::with_capacity(path.len());
    for segment in &out {
        result.push('/');
        result.push_str(segment);
    }
    if trailing_slash || result.is_empty() {
        result.push('/');
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_urls() {
        assert!(is_url("https://example.com/feed"));
        assert!(is_url("HTTP://example.com"));
        assert!(!is_url("feeds/http.xml"));
        assert!(!is_url("ftp://example.com"));
    }

    #[test]
    fn parses() {
        let url = HttpUrl::parse("https://user@News.Example.com:8443/a/b?x=1#top").unwrap();
        assert_eq!(url.origin(), "https://news.example.com:8443");
        assert_eq!(url.path(), "/a/b?x=1");
        assert_eq!(HttpUrl::parse("http://example.com").unwrap().path(), "/");
        assert_eq!(HttpUrl::parse("http:///x"), None);
        assert_eq!(HttpUrl::parse("mailto:a@b"), None);
    }

    #[test]
    fn resolves_rfc3986_examples() {
        let base = "http://a/b/c/d;p?q";
        for (reference, expected) in [
            ("g", "http://a/b/c/g"),
            ("./g", "http://a/b/c/g"),
            ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"),
            ("//g", "http://g"),
            ("?y", "http://a/b/c/d;p?y"),
            ("g?y", "http://a/b/c/g?y"),
            ("#s", "http://a/b/c/d;p?q#s"),
            ("", "http://a/b/c/d;p?q"),
            (".", "http://a/b/c/"),
            ("..", "http://a/b/"),
            ("../g", "http://a/b/g"),
            ("../..", "http://a/"),
            ("../../../g", "http://a/g"),
            ("https://other.example/x", "https://other.example/x"),
        ] {
            assert_eq!(resolve_url(base, reference).as_deref(), Some(expected), "{reference}");
        }
        assert_eq!(resolve_url(base, "mailto:x@y"), None);
        assert_eq!(resolve_url("not a url", "g"), None);
    }
}
