//! JSON-LD (`<script type="application/ld+json">`): the article object's
//! headline, dates, authors, publisher, URL, description and language.
//!
//! Objects are looked for at the top level, in arrays and in `@graph`. An
//! article type (`NewsArticle`, `Article`, `BlogPosting`, `ReportageNews`…)
//! wins over a `WebPage`; the first of a kind wins over later ones. Newlines and
//! tabs inside strings (invalid JSON that pages often carry) are tolerated.

use serde_json::Value;

/// What the JSON-LD of a page says about its article.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct LdArticle {
    pub headline: Option<String>,
    pub published: Option<String>,
    pub modified: Option<String>,
    pub authors: Vec<String>,
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub description: Option<String>,
    pub language: Option<String>,
}

/// How good a source an object is: articles first, then pages.
fn rank(value: &Value) -> u8 {
    let types: Vec<&str> = match value.get("@type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    let mut best = 0;
    for t in types {
        let t = t.rsplit(['/', ':']).next().unwrap_or(t);
        let r = match t {
            "NewsArticle"
            | "ReportageNews"
            | "AnalysisNewsArticle"
            | "OpinionNewsArticle"
            | "BackgroundNewsArticle"
            | "ReviewNewsArticle"
            | "LiveBlogPosting" => 3,
            "Article"
            | "BlogPosting"
            | "Report"
            | "ScholarlyArticle"
            | "TechArticle"
            | "SocialMediaPosting"
            | "DiscussionForumPosting"
            | "Blog"
            | "Recipe" => 2,
            "WebPage" | "ItemPage" | "AboutPage" | "CollectionPage" | "VideoObject" => 1,
            _ => 0,
        };
        best = best.max(r);
    }
    // Any other creative work (`HowTo`, `Event`…) that states a publication date.
    if best == 0 && value.get("datePublished").is_some() {
        best = 1;
    }
    best
}

/// Merge what one `<script>` holds into `found` (better-ranked objects first).
pub(crate) fn read(script: &str, found: &mut Option<(u8, LdArticle)>) {
    let Some(value) = parse_lenient(script) else { return };
    let mut objects = Vec::new();
    collect(&value, &mut objects, 0);
    for object in objects {
        let r = rank(object);
        if r == 0 {
            continue;
        }
        let article = article_of(object);
        match found {
            Some((best, existing)) if *best >= r => fill_missing(existing, article),
            Some((best, existing)) => {
                let old = std::mem::take(existing);
                *existing = article;
                fill_missing(existing, old);
                *best = r;
            }
            None => *found = Some((r, article)),
        }
    }
}

fn parse_lenient(script: &str) -> Option<Value> {
    let trimmed = script.trim().trim_start_matches("<!--").trim_end_matches("-->").trim();
    if trimmed.is_empty() || trimmed.len() > 4 << 20 {
        return None;
    }
    serde_json::from_str(trimmed).ok().or_else(|| {
        let cleaned: String =
            trimmed.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
        serde_json::from_str(&cleaned).ok()
    })
}

/// Objects at the top level, in arrays and in `@graph` (a few levels deep).
fn collect<'v>(value: &'v Value, out: &mut Vec<&'v Value>, depth: usize) {
    if depth > 4 {
        return;
    }
    match value {
        Value::Array(items) => items.iter().for_each(|v| collect(v, out, depth + 1)),
        Value::Object(map) => {
            out.push(value);
            if let Some(graph) = map.get("@graph") {
                collect(graph, out, depth + 1);
            }
            if let Some(main) = map.get("mainEntity").filter(|m| m.is_object()) {
                collect(main, out, depth + 1);
            }
        }
        _ => {}
    }
}

fn article_of(object: &Value) -> LdArticle {
    let text = |key: &str| object.get(key).and_then(string).filter(|s| !s.is_empty());
    let mut authors = Vec::new();
    if let Some(author) = object.get("author").or_else(|| object.get("creator")) {
        names(author, &mut authors);
    }
    let url = text("url").or_else(|| {
        object
            .get("mainEntityOfPage")
            .and_then(|m| string(m).or_else(|| m.get("@id").and_then(string)))
    });
    LdArticle {
        headline: text("headline").or_else(|| text("name")),
        published: text("datePublished").or_else(|| text("dateCreated")),
        modified: text("dateModified"),
        authors,
        publisher: object.get("publisher").and_then(|p| {
            string(p).or_else(|| p.get("name").and_then(string)).filter(|s| !s.is_empty())
        }),
        url: url.filter(|u| u.starts_with("http://") || u.starts_with("https://")),
        description: text("description"),
        language: object
            .get("inLanguage")
            .and_then(|l| string(l).or_else(|| l.get("name").and_then(string))),
    }
}

/// Author names from a string, an object with `name`, or a list of either.
fn names(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Array(items) => items.iter().take(20).for_each(|v| names(v, out)),
        _ => {
            let name = string(value).or_else(|| value.get("name").and_then(string));
            if let Some(name) = name.filter(|n| !n.is_empty() && !n.starts_with("http")) {
                if !out.contains(&name) {
                    out.push(name);
                }
            }
        }
    }
}

/// A string value (first of a list), whitespace collapsed.
fn string(value: &Value) -> Option<String> {
    let s = match value {
        Value::String(s) => s.as_str(),
        Value::Array(items) => return items.first().and_then(string),
        _ => return None,
    };
    let mut out = String::new();
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    Some(out)
}

fn fill_missing(into: &mut LdArticle, from: LdArticle) {
    let LdArticle { headline, published, modified, authors, publisher, url, description, language } =
        from;
    into.headline = into.headline.take().or(headline);
    into.published = into.published.take().or(published);
    into.modified = into.modified.take().or(modified);
    if into.authors.is_empty() {
        into.authors = authors;
    }
    into.publisher = into.publisher.take().or(publisher);
    into.url = into.url.take().or(url);
    into.description = into.description.take().or(description);
    into.language = into.language.take().or(language);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graph_article_wins_over_page() {
        let script = r#"{"@context": "https://schema.org", "@graph": [
            {"@type": "WebPage", "name": "الصفحة", "datePublished": "2020-01-01"},
            {"@type": ["NewsArticle"], "headline": "عنوان
            الخبر", "datePublished": "2023-08-07T10:00:00+03:00",
             "author": [{"@type": "Person", "name": "كاتب أول"}, "كاتب ثان"],
             "publisher": {"@type": "Organization", "name": "مرصد"},
             "mainEntityOfPage": {"@id": "https://example.com/a/1"}}]}"#;
        let mut found = None;
        read(script, &mut found);
        let (rank, a) = found.unwrap();
        assert_eq!(rank, 3);
        assert_eq!(a.headline.as_deref(), Some("عنوان الخبر"));
        assert_eq!(a.published.as_deref(), Some("2023-08-07T10:00:00+03:00"));
        assert_eq!(a.authors, ["كاتب أول", "كاتب ثان"]);
        assert_eq!(a.publisher.as_deref(), Some("مرصد"));
        assert_eq!(a.url.as_deref(), Some("https://example.com/a/1"));
    }

    #[test]
    fn garbage_is_ignored() {
        let mut found = None;
        read("{not json", &mut found);
        read("[1, 2, {\"@type\": \"Thing\"}]", &mut found);
        assert_eq!(found, None);
    }
}
