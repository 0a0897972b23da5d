//! Why a feed (or part of it) could not be read. Entries read before an error
//! are kept; the message says how many.

/// A feed-level failure.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FeedError {
    #[error("empty feed")]
    Empty,
    #[error(
        "not a feed: the document's root element is <{root}> (expected <rss>, <rdf:RDF> or <feed>)"
    )]
    NotAFeed { root: String },
    #[error("not a feed: no root element")]
    NoRoot,
    #[error("not a JSON Feed: {reason}")]
    NotAJsonFeed { reason: String },
    /// The feed declares its own entities: the shape of an entity-expansion
    /// ("billion laughs") or external-entity attack. Marsad never expands them.
    #[error(
        "refused: the feed declares XML entities in its DOCTYPE (entity expansion is never done)"
    )]
    EntityDeclarations,
    #[error("malformed XML at line {line}, column {column}: {reason}; kept the {} before it", entries(*.kept))]
    Malformed { line: usize, column: usize, reason: String, kept: usize },
    #[error("invalid JSON at line {line}, column {column}: {reason}; kept the {} before it", entries(*.kept))]
    MalformedJson { line: usize, column: usize, reason: String, kept: usize },
    #[error("the feed ends early (truncated?): <{open}> is not closed; kept the {} read before it", entries(*.kept))]
    Truncated { open: String, kept: usize },
    #[error("elements nested more than {limit} deep")]
    TooDeep { limit: usize },
    #[error("{0}")]
    Decode(#[from] crate::decode::DecodeError),
}

/// "1 entry", "2 entries".
fn entries(n: usize) -> String {
    if n == 1 {
        "1 entry".to_owned()
    } else {
        format!("{n} entries")
    }
}

impl FeedError {
    /// The 1-based line and column of byte `offset` in `text`, for messages.
    pub(crate) fn position(text: &str, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text[..offset];
        let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        (line, column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions() {
        assert_eq!(FeedError::position("ab\ncd", 0), (1, 1));
        assert_eq!(FeedError::position("ab\ncd", 4), (2, 2));
        assert_eq!(FeedError::position("خبر\nx", 2), (1, 2));
        assert_eq!(FeedError::position("a", 99), (1, 2));
    }
}
