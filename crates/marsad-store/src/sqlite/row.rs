//! Converting between model values and column values.

use marsad_model::{Article, Metadata, Published};

use crate::types::FurnitureBlock;
use rusqlite::types::Type;
use rusqlite::Row;

/// The `articles` columns [`article_from_row`] reads, in its order.
pub(crate) const ARTICLE_COLUMNS: &str =
    "id, url, outlet, title, published, author, text, duplicate_of, metadata";

pub(crate) fn article_from_row(row: &Row<'_>) -> rusqlite::Result<Article> {
    let published: Option<String> = row.get(4)?;
    let metadata: Option<String> = row.get(8)?;
    Ok(Article {
        id: row.get(0)?,
        url: row.get(1)?,
        outlet: row.get(2)?,
        title: row.get(3)?,
        published: published.as_deref().map(|p| decode_published(4, p)).transpose()?,
        author: row.get(5)?,
        text: row.get(6)?,
        duplicate_of: row.get(7)?,
        metadata: metadata
            .as_deref()
            .map(|m| decode_metadata(8, m))
            .transpose()?
            .unwrap_or_default(),
    })
}

/// RFC 3339 in the offset the source gave (round-trips exactly).
pub(crate) fn encode_published(published: &Published) -> String {
    published.to_rfc3339()
}

pub(crate) fn decode_published(column: usize, text: &str) -> rusqlite::Result<Published> {
    chrono::DateTime::parse_from_rfc3339(text)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(column, Type::Text, Box::new(e)))
}

/// A JSON object, or NULL when there is nothing to keep.
pub(crate) fn encode_metadata(metadata: &Metadata) -> rusqlite::Result<Option<String>> {
    if metadata.is_empty() {
        return Ok(None);
    }
    serde_json::to_string(metadata)
        .map(Some)
        .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
}

fn decode_metadata(column: usize, text: &str) -> rusqlite::Result<Metadata> {
    serde_json::from_str(text)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(column, Type::Text, Box::new(e)))
}

/// A JSON array of removed blocks, or NULL when nothing was removed.
pub(crate) fn encode_furniture(furniture: &[FurnitureBlock]) -> rusqlite::Result<Option<String>> {
    if furniture.is_empty() {
        return Ok(None);
    }
    serde_json::to_string(furniture)
        .map(Some)
        .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
}

pub(crate) fn decode_furniture(column: usize, text: &str) -> rusqlite::Result<Vec<FurnitureBlock>> {
    serde_json::from_str(text)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(column, Type::Text, Box::new(e)))
}

/// A count or offset as a column value.
pub(crate) fn to_i64(v: usize) -> i64 {
    i64::try_from(v).unwrap_or(i64::MAX)
}

/// A column value as a count or offset (negative values, never written, read as 0).
pub(crate) fn to_usize(v: i64) -> usize {
    usize::try_from(v).unwrap_or(0)
}
