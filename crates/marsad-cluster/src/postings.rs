//! The inverted index from terms to the articles in the window that hold them.
//!
//! An article is appended, with its publication time, to the list of each of
//! its terms when it enters the window. Since an article leaves the window
//! exactly when its time falls before the window's start, an entry is live
//! when its time is at or after the start: no lookup in the window is needed.
//! Stale entries are dropped when a list has doubled since it was last
//! cleaned and after large evictions, so memory stays proportional to the
//! window. What a lookup yields is decided by the window's start, never by
//! the history of the lists, so a resumed clusterer finds the same
//! candidates as one that ran from the start.

use marsad_model::ArticleId;

use crate::hash::{FxMap, TermKey};

/// Term → articles holding it, cleaned lazily.
#[derive(Debug, Default)]
pub(crate) struct Postings {
    lists: FxMap<TermKey, List>,
}

#[derive(Debug, Default)]
struct List {
    articles: Vec<(i64, ArticleId)>,
    clean_len: usize,
}

impl Postings {
    /// Record that `article`, published at `time`, holds `term`; `start` is
    /// the window's start.
    pub(crate) fn push(&mut self, term: TermKey, article: ArticleId, time: i64, start: i64) {
        let list = self.lists.entry(term).or_default();
        list.articles.push((time, article));
        if list.articles.len() > 2 * list.clean_len + 16 {
            list.clean(start);
        }
    }

    /// The articles holding `term` that are published at or after `start`,
    /// the most recently added first, at most `limit` of them (so a term
    /// every article has costs `limit`, not the window).
    pub(crate) fn lookup(
        &self,
        term: TermKey,
        start: i64,
        limit: usize,
    ) -> impl Iterator<Item = ArticleId> + '_ {
        self.lists
            .get(&term)
            .into_iter()
            .flat_map(|l| l.articles.iter().rev())
            .filter(move |&&(t, _)| t >= start)
            .map(|&(_, a)| a)
            .take(limit)
    }

    /// Drop every stale entry (after large evictions).
    pub(crate) fn clean_all(&mut self, start: i64) {
        for list in self.lists.values_mut() {
            list.clean(start);
        }
        self.lists.retain(|_, l| !l.articles.is_empty());
    }

    /// Entries held in all lists.
    #[cfg(test)]
    pub(crate) fn entries(&self) -> usize {
        self.lists.values().map(|l| l.articles.len()).sum()
    }
}

impl List {
    fn clean(&mut self, start: i64) {
        self.articles.retain(|&(t, _)| t >= start);
        self.clean_len = self.articles.len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_before_the_start_are_not_returned() {
        let mut p = Postings::default();
        p.push(7, 1, 10, 0);
        p.push(7, 2, 20, 0);
        assert_eq!(p.lookup(7, 15, 10).collect::<Vec<_>>(), [2]);
        assert_eq!(p.lookup(7, 0, 10).collect::<Vec<_>>(), [2, 1]);
        assert_eq!(p.lookup(7, 0, 1).collect::<Vec<_>>(), [2]);
        assert_eq!(p.lookup(8, 0, 10).count(), 0);
        p.clean_all(30);
        assert_eq!(p.entries(), 0);
    }

    #[test]
    fn lists_stay_bounded_as_articles_come_and_go() {
        let mut p = Postings::default();
        for a in 0..10_000 {
            p.push(7, a, a, a - 5);
        }
        assert!(p.entries() <= 64, "{}", p.entries());
        p.clean_all(9_999);
        assert_eq!(p.entries(), 1);
    }
}
