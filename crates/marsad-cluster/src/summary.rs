//! What a story shows: its most central headline, first and last seen,
//! outlets and size, computed from its members.
//!
//! The clusterer only keeps the window; a story's summary is computed from
//! all its stored members (the caller has them: the assignments and the
//! articles). The title is the member headline most central among the
//! members' headlines: each headline's distinct terms (the same analysis as
//! clustering) score by how many *other* headlines share them, divided by
//! the square root of the headline's term count, so a short generic headline
//! does not win by sharing one word with everybody and a long one does not
//! win by length. Ties go to the earliest member.
//!
//! ```
//! use marsad_cluster::summary::{summarize, MemberInfo};
//!
//! let members = [
//!     MemberInfo { id: 1, outlet: "a", title: "هبوط الذهب", time: 10 },
//!     MemberInfo { id: 2, outlet: "b", title: "الذهب يهبط إلى 1088 دولارا", time: 5 },
//!     MemberInfo { id: 3, outlet: "a", title: "هبوط أسعار الذهب إلى 1088 دولارا", time: 20 },
//! ];
//! let s = summarize(1, &members).expect("members");
//! assert_eq!(s.title_article, 3);
//! assert_eq!((s.first_seen, s.last_seen, s.size), (5, 20, 3));
//! assert_eq!(s.outlets, ["a", "b"]);
//! ```

use marsad_model::ArticleId;

use crate::hash::{key, FxMap, FxSet, KeyKind, TermKey};
use crate::input::StoryId;

/// One member as the summary needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MemberInfo<'a> {
    /// The article id.
    pub id: ArticleId,
    /// Its outlet.
    pub outlet: &'a str,
    /// Its headline.
    pub title: &'a str,
    /// Its time (the stored [`Decision::time`](crate::Decision::time)).
    pub time: i64,
}

/// A story as a list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StorySummary {
    /// The story id.
    pub id: StoryId,
    /// The most central headline.
    pub title: String,
    /// The member whose headline it is.
    pub title_article: ArticleId,
    /// The earliest member time.
    pub first_seen: i64,
    /// The latest member time.
    pub last_seen: i64,
    /// Distinct outlets, sorted.
    pub outlets: Vec<String>,
    /// Members.
    pub size: usize,
}

/// Summarise a story from its members (in assignment order). `None` when
/// there are no members.
pub fn summarize(id: StoryId, members: &[MemberInfo<'_>]) -> Option<StorySummary> {
    let first = members.first()?;
    let (title_article, title) = central_title(members).unwrap_or((first.id, first.title));
    let mut outlets: Vec<String> = members.iter().map(|m| m.outlet.to_string()).collect();
    outlets.sort_unstable();
    outlets.dedup();
    Some(StorySummary {
        id,
        title: title.to_string(),
        title_article,
        first_seen: members.iter().map(|m| m.time).min().unwrap_or(first.time),
        last_seen: members.iter().map(|m| m.time).max().unwrap_or(first.time),
        outlets,
        size: members.len(),
    })
}

/// The member whose headline shares most terms with the other headlines.
fn central_title<'a>(members: &[MemberInfo<'a>]) -> Option<(ArticleId, &'a str)> {
    let mut buf = String::new();
    let terms: Vec<Vec<TermKey>> = members
        .iter()
        .map(|m| {
            buf.clear();
            marsad_text::index_terms(m.title, &mut buf);
            let mut seen = FxSet::default();
            buf.split_ascii_whitespace()
                .map(|t| key(KeyKind::Term, t))
                .filter(|k| seen.insert(*k))
                .collect()
        })
        .collect();
    let mut counts: FxMap<TermKey, u32> = FxMap::default();
    for t in terms.iter().flatten() {
        *counts.entry(*t).or_default() += 1;
    }
    let mut best: Option<(f64, usize)> = None;
    for (i, title_terms) in terms.iter().enumerate() {
        if title_terms.is_empty() {
            continue;
        }
        let shared: u32 = title_terms.iter().map(|t| counts.get(t).map_or(0, |c| c - 1)).sum();
        let score = f64::from(shared) / (title_terms.len() as f64).sqrt();
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, i));
        }
    }
    let (_, i) = best?;
    members.get(i).map(|m| (m.id, m.title))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_story_has_no_summary() {
        assert_eq!(summarize(1, &[]), None);
    }

    #[test]
    fn untitled_members_fall_back_to_the_first() {
        let m = [
            MemberInfo { id: 4, outlet: "x", title: "", time: 3 },
            MemberInfo { id: 5, outlet: "x", title: "...", time: 1 },
        ];
        let s = summarize(4, &m).expect("members");
        assert_eq!((s.title_article, s.first_seen, s.size), (4, 1, 2));
        assert_eq!(s.outlets, ["x"]);
    }
}
