//! JSON documents: an array of records, a single record, an object wrapping an
//! array (`{"articles": [...]}`), or — detected — JSON Lines in a `.json` file.
//!
//! Array records are numbered by position (1-based): origin `file.json#17`,
//! problem record `record 17`. A single-record document has no `#N`. The array
//! is parsed as a stream: each record is emitted as soon as it is parsed, and a
//! syntax error ends the file after the records before it.

use std::fmt;

use serde::de::{DeserializeSeed, IgnoredAny, SeqAccess, Visitor};
use serde_json::Value;

use crate::emit::Emitter;
use crate::fields::{record_to_article, Field};
use crate::jsonl::{json_message, read_jsonl};
use crate::source::Source;
use crate::ReadOptions;

/// Keys under which an object may wrap its array of records.
const WRAPPER_KEYS: &[&str] = &[
    "articles",
    "items",
    "data",
    "records",
    "results",
    "entries",
    "posts",
    "news",
    "documents",
    "docs",
];

/// Read a decoded JSON document (or JSON Lines) and emit its records.
pub(crate) fn read_json_text(
    text: &str,
    src: &Source,
    options: &ReadOptions,
    em: &mut Emitter<'_>,
) {
    let trimmed = text.trim_start();
    match trimmed.as_bytes().first() {
        Some(b'[') => read_array(text, src, options, em),
        Some(b'{') if looks_like_jsonl(trimmed) => {
            read_jsonl(text.as_bytes(), src, options, em, false);
        }
        Some(b'{') => match serde_json::from_str::<Value>(text) {
            Ok(Value::Object(map)) => match unwrap_records(map) {
                Ok(records) => {
                    for (i, record) in records.into_iter().enumerate() {
                        emit_record(record, i + 1, src, options, em);
                    }
                }
                Err(map) => {
                    match record_to_article(
                        Value::Object(map),
                        src.name.clone(),
                        src.outlet.as_deref(),
                        options.max_record_bytes,
                    ) {
                        Ok(article) => em.article(article),
                        Err(e) => em.problem(&src.name, None, e),
                    }
                }
            },
            Ok(_) => em.problem(&src.name, None, "not a JSON array or object"),
            Err(e) => em.problem(&src.name, None, syntax_error(&e)),
        },
        Some(_) => em.problem(&src.name, None, "not a JSON array or object"),
        None => em.problem(&src.name, None, "empty file"),
    }
}

fn syntax_error(e: &serde_json::Error) -> String {
    format!("invalid JSON at line {} column {}: {}", e.line(), e.column(), json_message(e))
}

/// `{...}` on the first line by itself, and more after it.
fn looks_like_jsonl(text: &str) -> bool {
    let Some((first, rest)) = text.split_once('\n') else {
        return false;
    };
    !rest.trim().is_empty() && serde_json::from_str::<IgnoredAny>(first).is_ok()
}

/// The records of a wrapper object, or the object itself when it is a record.
fn unwrap_records(
    mut map: serde_json::Map<String, Value>,
) -> Result<Vec<Value>, serde_json::Map<String, Value>> {
    if map.keys().any(|k| Field::for_key(k) == Some(Field::Text)) {
        return Err(map);
    }
    let key = map
        .iter()
        .find(|(k, v)| v.is_array() && WRAPPER_KEYS.iter().any(|w| w.eq_ignore_ascii_case(k)))
        .map(|(k, _)| k.clone());
    match key.and_then(|k| map.remove(&k)) {
        Some(Value::Array(records)) => Ok(records),
        _ => Err(map),
    }
}

fn emit_record(value: Value, n: usize, src: &Source, options: &ReadOptions, em: &mut Emitter<'_>) {
    match record_to_article(
        value,
        src.record_origin(n),
        src.outlet.as_deref(),
        options.max_record_bytes,
    ) {
        Ok(article) => em.article(article),
        Err(e) => em.problem(&src.name, Some(format!("record {n}")), e),
    }
}

fn read_array(text: &str, src: &Source, options: &ReadOptions, em: &mut Emitter<'_>) {
    let mut count = 0usize;
    let mut de = serde_json::Deserializer::from_str(text);
    let seed = ArraySeed {
        count: &mut count,
        on_record: &mut |n, value| emit_record(value, n, src, options, em),
    };
    match seed.deserialize(&mut de) {
        Err(e) => em.problem(&src.name, Some(format!("record {}", count + 1)), syntax_error(&e)),
        Ok(()) => {
            if let Err(e) = de.end() {
                em.problem(&src.name, None, syntax_error(&e));
            }
        }
    }
}

/// Visits a JSON array element by element.
struct ArraySeed<'a> {
    count: &'a mut usize,
    on_record: &'a mut dyn FnMut(usize, Value),
}

impl<'de> DeserializeSeed<'de> for ArraySeed<'_> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for ArraySeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of records")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(value) = seq.next_element::<Value>()? {
            *self.count += 1;
            (self.on_record)(*self.count, value);
        }
        Ok(())
    }
}
