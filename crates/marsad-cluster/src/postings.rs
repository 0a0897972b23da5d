//! The inverted index from terms to the stories in the window that hold them.
//!
//! A story is appended to a term's list when the term enters the story's
//! centroid sums. Entries are not removed when a story loses the term or
//! leaves the window; instead a list is compacted (stale entries and repeats
//! dropped) whenever it is read, and when it has doubled since its last
//! compaction, so memory stays proportional to the window. What a lookup
//! returns is decided by the stories themselves (`Story::has_term`), never by
//! the history of the lists, so a resumed clusterer finds the same
//! candidates as one that ran from the start.

use crate::hash::{FxMap, FxSet, TermKey};
use crate::input::StoryId;
use crate::story::Story;

/// What a list holds: story ids or article ids.
pub(crate) type Id = i64;

/// Term → stories holding it, compacted lazily.
#[derive(Debug)]
pub(crate) struct Postings {
    lists: FxMap<TermKey, List>,
    /// Whether an id can be pushed twice to one list (stories can regain a
    /// term; articles cannot), so compaction must drop repeats.
    repeats: bool,
}

#[derive(Debug, Default)]
struct List {
    stories: Vec<Id>,
    compacted_len: usize,
}

impl Postings {
    /// An index of stories (an id may be pushed again after it went stale).
    pub(crate) fn of_stories() -> Self {
        Self { lists: FxMap::default(), repeats: true }
    }

    /// An index of articles (an id is pushed once per term).
    pub(crate) fn of_articles() -> Self {
        Self { lists: FxMap::default(), repeats: false }
    }

    /// Record that `story` now holds `term`. `stories` is used to compact a
    /// list that has doubled.
    pub(crate) fn push(&mut self, term: TermKey, id: Id, valid: impl Fn(Id, TermKey) -> bool) {
        let list = self.lists.entry(term).or_default();
        list.stories.push(id);
        if list.stories.len() > 2 * list.compacted_len + 16 {
            compact(list, term, self.repeats, valid);
        }
    }

    /// The stories that hold `term`, without repeats (in no particular order).
    /// The list is compacted on the way.
    pub(crate) fn lookup(&mut self, term: TermKey, valid: impl Fn(Id, TermKey) -> bool) -> &[Id] {
        match self.lists.get_mut(&term) {
            Some(list) => {
                compact(list, term, self.repeats, valid);
                if list.stories.is_empty() {
                    self.lists.remove(&term);
                    return &[];
                }
                self.lists.get(&term).map_or(&[], |l| l.stories.as_slice())
            }
            None => &[],
        }
    }

    /// Drop every stale entry (used after large evictions).
    pub(crate) fn compact_all(&mut self, valid: impl Fn(Id, TermKey) -> bool) {
        for (&term, list) in self.lists.iter_mut() {
            compact(list, term, self.repeats, &valid);
        }
        self.lists.retain(|_, l| !l.stories.is_empty());
    }

    /// Entries held in all lists (for tests and statistics).
    pub(crate) fn entries(&self) -> usize {
        self.lists.values().map(|l| l.stories.len()).sum()
    }
}

/// Whether story `id` in `stories` holds `term`.
pub(crate) fn story_holds(stories: &FxMap<StoryId, Story>, id: Id, term: TermKey) -> bool {
    stories.get(&id).is_some_and(|s| s.has_term(term))
}

fn compact(list: &mut List, term: TermKey, repeats: bool, valid: impl Fn(Id, TermKey) -> bool) {
    if repeats {
        let mut seen: FxSet<Id> = FxSet::default();
        list.stories.retain(|&id| valid(id, term) && seen.insert(id));
    } else {
        list.stories.retain(|&id| valid(id, term));
    }
    list.compacted_len = list.stories.len();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ArticleInput, ClusterConfig, Features};

    #[test]
    fn stale_entries_and_repeats_are_dropped() {
        let c = ClusterConfig::default();
        let f = Features::new(&ArticleInput::new(1, None, "زلزال", ""), &c);
        let term = f.terms[0].0;
        let mut stories = FxMap::default();
        let mut s = Story::new(1, 0);
        s.add(&f, 0, |_| {});
        stories.insert(1, s);
        let mut p = Postings::of_stories();
        p.push(term, 1, |i, t| story_holds(&stories, i, t));
        p.push(term, 1, |i, t| story_holds(&stories, i, t));
        p.push(term, 2, |i, t| story_holds(&stories, i, t)); // story 2 does not exist
        assert_eq!(p.lookup(term, |i, t| story_holds(&stories, i, t)), &[1]);
        stories.clear();
        assert!(p.lookup(term, |i, t| story_holds(&stories, i, t)).is_empty());
        assert_eq!(p.entries(), 0);
    }

    #[test]
    fn lists_stay_bounded() {
        let c = ClusterConfig::default();
        let f = Features::new(&ArticleInput::new(1, None, "زلزال", ""), &c);
        let term = f.terms[0].0;
        let mut stories = FxMap::default();
        let mut s = Story::new(1, 0);
        s.add(&f, 0, |_| {});
        stories.insert(1, s);
        let mut p = Postings::of_stories();
        for _ in 0..10_000 {
            p.push(term, 1, |i, t| story_holds(&stories, i, t));
        }
        assert!(p.entries() <= 20);
        p.compact_all(|i, t| story_holds(&stories, i, t));
        assert_eq!(p.entries(), 1);
    }
}
