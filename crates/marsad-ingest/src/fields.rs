//! One JSON record to a [`RawArticle`]: field names mapped from common variants.
//!
//! | field      | names (case-insensitive)                                          |
//! |------------|-------------------------------------------------------------------|
//! | `title`    | title, headline, head_line                                        |
//! | `text`     | content, text, body, article                                      |
//! | `url`      | url, link                                                         |
//! | `outlet`   | source, outlet, site, publisher                                   |
//! | published  | date, published, pubDate, date_extracted, published_at, datePublished, publish_date, published_date, pub_date |
//! | `author`   | author, byline                                                    |
//!
//! Values must be strings. `null` or an empty string is "no value" (a record with
//! no text is still an article, with empty text); a number in a date field is a
//! Unix time (seconds, or milliseconds); any other type is a [`RecordError`].
//! When two names map to one field, the first non-empty wins and the others are
//! kept in `metadata`, as are unknown fields and dates that do not parse.

use marsad_model::{Metadata, RawArticle};
use serde_json::Value;

use crate::dates::{from_epoch, parse_date};

/// Why a record could not become an article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RecordError {
    #[error("record is {0}, not a JSON object")]
    NotAnObject(&'static str),
    #[error("field \"{key}\" is {found}, expected a string")]
    WrongType { key: String, found: &'static str },
    #[error("record too large: {bytes} bytes of text (limit {limit})")]
    TooLarge { bytes: usize, limit: usize },
}

/// The article field a record key maps to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
    Text,
    Url,
    Outlet,
    Published,
    Author,
}

const NAMES: &[(&str, Field)] = &[
    ("title", Field::Title),
    ("headline", Field::Title),
    ("head_line", Field::Title),
    ("content", Field::Text),
    ("text", Field::Text),
    ("body", Field::Text),
    ("article", Field::Text),
    ("url", Field::Url),
    ("link", Field::Url),
    ("source", Field::Outlet),
    ("outlet", Field::Outlet),
    ("site", Field::Outlet),
    ("publisher", Field::Outlet),
    ("date", Field::Published),
    ("published", Field::Published),
    ("pubdate", Field::Published),
    ("date_extracted", Field::Published),
    ("published_at", Field::Published),
    ("datepublished", Field::Published),
    ("publish_date", Field::Published),
    ("published_date", Field::Published),
    ("pub_date", Field::Published),
    ("author", Field::Author),
    ("byline", Field::Author),
];

impl Field {
    /// The field a record key names, if any (case-insensitive).
    pub fn for_key(key: &str) -> Option<Field> {
        NAMES.iter().find(|(name, _)| name.eq_ignore_ascii_case(key)).map(|&(_, field)| field)
    }
}

/// "a number", "null", … for messages.
pub(crate) fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Turn one JSON record into an article.
///
/// `fallback_outlet` (the parent folder) is used when the record names no outlet
/// and has no URL to take a host from.
pub fn record_to_article(
    value: Value,
    origin: String,
    fallback_outlet: Option<&str>,
    max_record_bytes: usize,
) -> Result<RawArticle, RecordError> {
    let Value::Object(map) = value else {
        return Err(RecordError::NotAnObject(describe(&value)));
    };
    let mut article = RawArticle { origin, ..RawArticle::default() };
    let mut metadata = Metadata::new();
    for (key, value) in map {
        let Some(field) = Field::for_key(&key) else {
            metadata.insert(key, value);
            continue;
        };
        match value {
            Value::String(s) => {
                if let Some(leftover) = assign(&mut article, field, s) {
                    metadata.insert(key, Value::String(leftover));
                }
            }
            Value::Null => {}
            Value::Number(n) if field == Field::Published => {
                match n.as_f64().and_then(from_epoch) {
                    Some(date) if article.published.is_none() => article.published = Some(date),
                    _ => {
                        metadata.insert(key, Value::Number(n));
                    }
                }
            }
            other => return Err(RecordError::WrongType { key, found: describe(&other) }),
        }
    }
    if article.text.len() > max_record_bytes {
        return Err(RecordError::TooLarge { bytes: article.text.len(), limit: max_record_bytes });
    }
    if article.outlet.is_none() {
        article.outlet = article
            .url
            .as_deref()
            .and_then(url_host)
            .or_else(|| fallback_outlet.map(str::to_owned));
    }
    article.metadata = metadata;
    Ok(article)
}

/// Store `value` in `field` unless it is empty or the field is taken; returns the
/// value when it should go to metadata instead.
fn assign(article: &mut RawArticle, field: Field, value: String) -> Option<String> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return None;
    }
    let slot = match field {
        Field::Text => {
            if !article.text.is_empty() {
                return Some(value);
            }
            article.text = value;
            return None;
        }
        Field::Published => {
            if article.published.is_some() {
                return Some(value);
            }
            return match parse_date(trimmed) {
                Some(date) => {
                    article.published = Some(date);
                    None
                }
                None => Some(value),
            };
        }
        Field::Title => &mut article.title,
        Field::Url => &mut article.url,
        Field::Outlet => &mut article.outlet,
        Field::Author => &mut article.author,
    };
    if slot.is_some() {
        return Some(value);
    }
    *slot = Some(if trimmed.len() == value.len() { value } else { trimmed.to_owned() });
    None
}

/// The host of a URL, lower-cased, without a leading `www.`.
pub fn url_host(url: &str) -> Option<String> {
    let url = url.trim();
    let rest = match url.split_once("://") {
        Some((scheme, rest))
            if !scheme.is_empty()
                && scheme.bytes().all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b)) =>
        {
            rest
        }
        _ => url.strip_prefix("//")?,
    };
    let authority = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    let host = authority.rsplit_once('@').map_or(authority, |(_, host)| host);
    let host = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or_default(),
        None => host.split(':').next().unwrap_or_default(),
    };
    let host = host.trim_end_matches('.').to_lowercase();
    let host = host.strip_prefix("www.").map(str::to_owned).unwrap_or(host);
    (!host.is_empty()).then_some(host)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn read(value: Value) -> Result<RawArticle, RecordError> {
        record_to_article(value, "f.json#1".into(), Some("folder"), 1000)
    }

    #[test]
    fn saudinewsnet_record() {
        let a = read(json!({
            "source": "aawsat",
            "url": "http://aawsat.com/home/article/411641/x",
            "date_extracted": "2015-07-22 00:05:53",
            "title": "الفقر أحد أسباب تأخر النمو",
            "author": "القاهرة: «الشرق الأوسط أونلاين»",
            "content": "توصلت دراسة جديدة"
        }))
        .unwrap();
        assert_eq!(a.outlet.as_deref(), Some("aawsat"));
        assert_eq!(a.url.as_deref(), Some("http://aawsat.com/home/article/411641/x"));
        assert_eq!(a.title.as_deref(), Some("الفقر أحد أسباب تأخر النمو"));
        assert_eq!(a.text, "توصلت دراسة جديدة");
        assert_eq!(a.published.unwrap().to_rfc3339(), "2015-07-22T00:05:53+00:00");
        assert_eq!(a.author.as_deref(), Some("القاهرة: «الشرق الأوسط أونلاين»"));
        assert!(a.metadata.is_empty());
    }

    #[test]
    fn variants_case_and_metadata() {
        let a = read(json!({
            "HeadLine": "  عنوان  ",
            "Body": "نص",
            "Link": "https://www.Example.com:8080/a?b",
            "pubDate": "not a date",
            "Byline": "كاتب",
            "tags": ["a", "b"],
            "text": "نص آخر"
        }))
        .unwrap();
        assert_eq!(a.title.as_deref(), Some("عنوان"));
        assert_eq!(a.text, "نص");
        assert_eq!(a.outlet.as_deref(), Some("example.com"));
        assert_eq!(a.published, None);
        assert_eq!(a.author.as_deref(), Some("كاتب"));
        assert_eq!(a.metadata.get("pubDate"), Some(&json!("not a date")));
        assert_eq!(a.metadata.get("tags"), Some(&json!(["a", "b"])));
        assert_eq!(a.metadata.get("text"), Some(&json!("نص آخر")));
    }

    #[test]
    fn missing_and_wrong_types() {
        let a = read(json!({"title": "t", "content": null})).unwrap();
        assert_eq!(a.text, "");
        assert_eq!(a.outlet.as_deref(), Some("folder"));
        let a = read(json!({"title": "t", "content": ""})).unwrap();
        assert_eq!(a.text, "");
        assert_eq!(
            read(json!({"content": 5})),
            Err(RecordError::WrongType { key: "content".into(), found: "a number" })
        );
        assert_eq!(read(json!([1])), Err(RecordError::NotAnObject("an array")));
        let a = read(json!({"date": 1437447092, "content": "x"})).unwrap();
        assert_eq!(a.published.unwrap().to_rfc3339(), "2015-07-21T02:51:32+00:00");
        assert!(matches!(
            read(json!({"content": "x".repeat(1001)})),
            Err(RecordError::TooLarge { .. })
        ));
    }

    #[test]
    fn hosts() {
        assert_eq!(url_host("http://www.alriyadh.com/1070241").as_deref(), Some("alriyadh.com"));
        assert_eq!(
            url_host("https://user@Sub.Example.COM:443/x").as_deref(),
            Some("sub.example.com")
        );
        assert_eq!(url_host("//cdn.example.com/x").as_deref(), Some("cdn.example.com"));
        assert_eq!(url_host("http://[::1]:80/").as_deref(), Some("::1"));
        assert_eq!(url_host("not a url"), None);
        assert_eq!(url_host("http:///path"), None);
    }
}
