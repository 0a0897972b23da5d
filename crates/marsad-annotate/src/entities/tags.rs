//! BIO tags over the four entity kinds (PERS, ORG, LOC, MISC) and the chunker that
//! turns a tag sequence into entity chunks (CoNLL rules: an `I-X` that follows `O`
//! or another kind starts a new chunk, as `score_ner.py` reads it).

use serde::Serialize;

/// An entity kind, as `marsad analyze --json` writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum EntityKind {
    #[serde(rename = "PERS")]
    Person,
    #[serde(rename = "ORG")]
    Organization,
    #[serde(rename = "LOC")]
    Location,
    #[serde(rename = "MISC")]
    Misc,
}

impl EntityKind {
    /// All kinds, in tag order.
    pub const ALL: [EntityKind; 4] =
        [EntityKind::Person, EntityKind::Organization, EntityKind::Location, EntityKind::Misc];

    /// `PERS`, `ORG`, `LOC` or `MISC`.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "PERS",
            EntityKind::Organization => "ORG",
            EntityKind::Location => "LOC",
            EntityKind::Misc => "MISC",
        }
    }

    fn index(self) -> usize {
        match self {
            EntityKind::Person => 0,
            EntityKind::Organization => 1,
            EntityKind::Location => 2,
            EntityKind::Misc => 3,
        }
    }

    /// Parse `PERS` / `PER`, `ORG`, `LOC`, `MISC`.
    pub fn parse(s: &str) -> Option<EntityKind> {
        match s {
            "PERS" | "PER" => Some(EntityKind::Person),
            "ORG" => Some(EntityKind::Organization),
            "LOC" => Some(EntityKind::Location),
            "MISC" => Some(EntityKind::Misc),
            _ => None,
        }
    }
}

impl std::fmt::Display for EntityKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One BIO tag, stored as an index `0..NUM_TAGS`: 0 is `O`, then `B-X`, `I-X` per kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Tag(pub(crate) u8);

/// Number of tags: `O` plus `B`/`I` for four kinds.
pub const NUM_TAGS: usize = 9;

impl Tag {
    /// Outside any entity.
    pub const O: Tag = Tag(0);

    /// `B-kind`.
    pub fn begin(kind: EntityKind) -> Tag {
        Tag(1 + 2 * kind.index() as u8)
    }

    /// `I-kind`.
    pub fn inside(kind: EntityKind) -> Tag {
        Tag(2 + 2 * kind.index() as u8)
    }

    /// The tag's index (`0..NUM_TAGS`).
    pub fn index(self) -> usize {
        self.0 as usize
    }

    /// The tag at an index; out-of-range indexes give `O`.
    pub fn from_index(index: usize) -> Tag {
        if index < NUM_TAGS {
            Tag(index as u8)
        } else {
            Tag::O
        }
    }

    /// The entity kind, `None` for `O`.
    pub fn kind(self) -> Option<EntityKind> {
        if self.0 == 0 {
            None
        } else {
            Some(EntityKind::ALL[(self.0 as usize - 1) / 2])
        }
    }

    /// True for `B-X`.
    pub fn is_begin(self) -> bool {
        self.0 % 2 == 1
    }

    /// True for `I-X`.
    pub fn is_inside(self) -> bool {
        self.0 != 0 && self.0.is_multiple_of(2)
    }

    /// Parse `O`, `B-X`, `I-X` (unknown tags read as `O`).
    pub fn parse(s: &str) -> Tag {
        let s = s.trim();
        let (prefix, kind) = match s.split_once('-') {
            Some(pair) => pair,
            None => return Tag::O,
        };
        match (prefix, EntityKind::parse(kind)) {
            ("B", Some(kind)) => Tag::begin(kind),
            ("I", Some(kind)) => Tag::inside(kind),
            _ => Tag::O,
        }
    }

    /// `O`, `B-PERS`, `I-LOC`, …
    pub fn as_str(self) -> &'static str {
        const NAMES: [&str; NUM_TAGS] =
            ["O", "B-PERS", "I-PERS", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"];
        NAMES[self.index().min(NUM_TAGS - 1)]
    }

    /// Whether `self` may follow `prev` (`None` = sentence start): `I-X` only after
    /// `B-X` or `I-X`.
    pub fn may_follow(self, prev: Option<Tag>) -> bool {
        if !self.is_inside() {
            return true;
        }
        match prev {
            Some(p) => p.kind() == self.kind(),
            None => false,
        }
    }
}

/// One chunk: tokens `start..end` of a sentence, of one kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chunk {
    pub start: usize,
    pub end: usize,
    pub kind: EntityKind,
}

/// Chunks of a tag sequence, in order (CoNLL reading of stray `I-X`).
pub fn chunks(tags: &[Tag]) -> Vec<Chunk> {
    let mut out = Vec::new();
    let mut open: Option<(usize, EntityKind)> = None;
    for (i, tag) in tags.iter().enumerate() {
        let kind = tag.kind();
        if let Some((start, open_kind)) = open {
            if kind.is_none() || tag.is_begin() || kind != Some(open_kind) {
                out.push(Chunk { start, end: i, kind: open_kind });
                open = None;
            }
        }
        if open.is_none() {
            if let Some(kind) = kind {
                open = Some((i, kind));
            }
        }
    }
    if let Some((start, kind)) = open {
        out.push(Chunk { start, end: tags.len(), kind });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_chunks() {
        for i in 0..NUM_TAGS {
            let tag = Tag::from_index(i);
            assert_eq!(Tag::parse(tag.as_str()), tag);
        }
        let tags: Vec<Tag> = ["B-PERS", "I-PERS", "O", "I-LOC", "B-ORG", "I-LOC"]
            .iter()
            .map(|t| Tag::parse(t))
            .collect();
        let c = chunks(&tags);
        assert_eq!(c.len(), 4);
        assert_eq!((c[0].start, c[0].end, c[0].kind), (0, 2, EntityKind::Person));
        assert_eq!((c[1].start, c[1].end, c[1].kind), (3, 4, EntityKind::Location));
        assert_eq!((c[3].start, c[3].end), (5, 6));
        assert!(!Tag::inside(EntityKind::Person).may_follow(Some(Tag::O)));
        assert!(Tag::inside(EntityKind::Person).may_follow(Some(Tag::begin(EntityKind::Person))));
    }
}
