//! JSON Feed 1.0 / 1.1 (<https://jsonfeed.org/version/1.1>), streamed: each item
//! is handed on as soon as it is parsed, so a syntax error keeps the items before it.
//!
//! Item fields read: `id`, `url` (else `external_url`), `title`, `content_html` /
//! `content_text`, `summary`, `date_published`, `date_modified`, `authors[].name`
//! (and 1.0's `author.name`), `tags`. Feed fields: `title`, `home_page_url`, `language`.

use std::fmt;

use serde::de::{DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use super::error::FeedError;
use super::model::{FeedEntry, FeedKind, FeedMeta, Markup};

/// Does this text look like a JSON Feed? (An object naming the JSON Feed version near its start.)
pub fn is_json_feed(text: &str) -> bool {
    let head = text.trim_start();
    head.starts_with('{') && {
        let mut end = head.len().min(4096);
        while !head.is_char_boundary(end) {
            end -= 1;
        }
        head[..end].contains("jsonfeed.org/version")
    }
}

/// Parse a JSON Feed, calling `on_entry` for each item as it is read.
pub(crate) fn parse_json_feed(
    text: &str,
    on_entry: &mut dyn FnMut(&FeedMeta, FeedEntry),
) -> Result<FeedMeta, FeedError> {
    if text.trim().is_empty() {
        return Err(FeedError::Empty);
    }
    let mut meta = FeedMeta { kind: FeedKind::JsonFeed, ..FeedMeta::default() };
    let mut count = 0usize;
    let mut de = serde_json::Deserializer::from_str(text);
    let seed = FeedSeed { meta: &mut meta, count: &mut count, on_entry };
    let outcome = seed.deserialize(&mut de).and_then(|()| de.end());
    match outcome {
        Ok(()) => Ok(meta),
        Err(e) if e.is_data() && count == 0 => {
            Err(FeedError::NotAJsonFeed { reason: e.to_string() })
        }
        Err(e) => Err(FeedError::MalformedJson {
            line: e.line(),
            column: e.column(),
            reason: crate::jsonl::json_message(&e),
            kept: count,
        }),
    }
}

struct FeedSeed<'a> {
    meta: &'a mut FeedMeta,
    count: &'a mut usize,
    on_entry: &'a mut dyn FnMut(&FeedMeta, FeedEntry),
}

impl<'de> DeserializeSeed<'de> for FeedSeed<'_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for FeedSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON Feed object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "items" => map.next_value_seed(ItemsSeed {
                    meta: &*self.meta,
                    count: &mut *self.count,
                    on_entry: &mut *self.on_entry,
                })?,
                "title" => self.meta.title = string(map.next_value::<Value>()?),
                "home_page_url" => self.meta.link = string(map.next_value::<Value>()?),
                "language" => self.meta.language = string(map.next_value::<Value>()?),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

struct ItemsSeed<'a, 'b> {
    meta: &'a FeedMeta,
    count: &'a mut usize,
    on_entry: &'b mut dyn FnMut(&FeedMeta, FeedEntry),
}

impl<'de> DeserializeSeed<'de> for ItemsSeed<'_, '_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for ItemsSeed<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of items")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(value) = seq.next_element::<Value>()? {
            *self.count += 1;
            (self.on_entry)(self.meta, item_entry(value, *self.count));
        }
        Ok(())
    }
}

/// One item object to an entry (anything else gives an empty entry, reported later as having no text).
fn item_entry(value: Value, position: usize) -> FeedEntry {
    let mut entry = FeedEntry { position, id_is_permalink: false, ..FeedEntry::default() };
    let Value::Object(mut item) = value else {
        return entry;
    };
    let mut take = |key: &str| item.remove(key).and_then(string);
    entry.id = take("id");
    entry.link = take("url").or_else(|| take("external_url"));
    entry.title = take("title").map(Markup::Text);
    entry.content =
        take("content_html").map(Markup::Html).or_else(|| take("content_text").map(Markup::Text));
    entry.summary = take("summary").map(Markup::Text);
    entry.published = take("date_published");
    entry.updated = take("date_modified");
    let mut authors = match item.remove("authors") {
        Some(Value::Array(list)) => list,
        _ => Vec::new(),
    };
    authors.extend(item.remove("author"));
    entry.authors = authors
        .into_iter()
        .filter_map(|a| match a {
            Value::Object(mut a) => a.remove("name").and_then(string),
            other => string(other),
        })
        .collect();
    if let Some(Value::Array(tags)) = item.remove("tags") {
        entry.categories = tags.into_iter().filter_map(string).collect();
    }
    entry
}

/// A non-blank string value (numbers too, for numeric ids).
fn string(value: Value) -> Option<String> {
    match value {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}
