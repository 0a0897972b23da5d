//! What an ingest run knows about each outlet's recurring lines — the furniture learned
//! from the store (footers, contact lines, «// انتهى //») rather than from a fixed list.
//!
//! The store counts, per outlet, in how many articles each line occurs (lines of 2+
//! words, at most 200 chars; only articles added as originals, so a text reprinted five
//! times teaches nothing). A line is furniture of its outlet once it occurs in at least
//! [`learned_threshold`] of the outlet's counted articles: max(5, 2%). Within a run, a
//! learned line stays learned while it occurs in max(5, 1%) of them: a footer whose
//! share hovers around 2% (a columnist's contact block) does not flip in and out, which
//! would clean some copies of a text and not others.
//!
//! During a run, [`Learned`] mirrors the store's counts without asking it again: each
//! outlet is loaded from the store when the run first meets it (none of its articles of
//! this run is stored yet, so nothing is counted twice). Batch k is then cleaned with
//! - the counts the writer confirmed for the batches stored up to k − LAG (4), and
//! - tentative counts of the batches after those, batch k included (each distinct text
//!   once), replaced by the confirmed ones when the writer reports back.
//!
//! So articles are cleaned with what was read before them and beside them in their
//! batch; the result is the same for every run over the same input (with the same batch
//! size), however the threads are scheduled, and the analysis runs ahead of the writing.
//! Tentative counts may include articles the store already holds (a re-read input):
//! they only last a few batches.
//!
//! Limit: an outlet's articles read before enough of its articles were seen are not
//! cleaned by this rule, and articles stored earlier are not re-cleaned.

use std::collections::{HashMap, HashSet, VecDeque};

use marsad_store::{ArticleStore, StoreError};

/// A line is furniture when it occurs in at least this many of its outlet's articles...
pub const MIN_LEARNED_ARTICLES: u64 = 5;
/// ... and in at least this share of them.
pub const MIN_LEARNED_SHARE: f64 = 0.02;
/// Once learned in a run, a line stays learned down to this share.
const MIN_KEPT_SHARE: f64 = 0.01;

/// Lines with fewer counted articles are not loaded from the store (missing a count of
/// one only makes the rule stricter).
const MIN_LOADED_COUNT: u64 = 2;

/// How many of an outlet's counted articles must have a line for it to be furniture.
pub fn learned_threshold(outlet_articles: u64) -> u64 {
    threshold(outlet_articles, MIN_LEARNED_SHARE)
}

fn threshold(outlet_articles: u64, share: f64) -> u64 {
    // The share, rounded up: 2% of 369 articles is 7.38, so 8.
    let share = (outlet_articles as f64 * share).ceil() as u64;
    share.max(MIN_LEARNED_ARTICLES)
}

/// The lines of one article: (outlet, line hashes).
pub(crate) type Counted = (String, Vec<String>);

/// One article as the analyser counts it before cleaning it.
#[derive(Debug)]
pub(crate) struct Seen<'a> {
    pub outlet: &'a str,
    /// Equal for byte-identical texts, which are counted once.
    pub text_key: u64,
    pub line_hashes: &'a [String],
}

#[derive(Debug, Default)]
struct Outlet {
    /// Counted articles.
    articles: u64,
    /// Line hash → counted articles that have it.
    lines: HashMap<String, u64>,
    /// The lines in at least MIN_LEARNED_ARTICLES articles: the only candidates.
    frequent: HashSet<String>,
    /// The lines at or above the threshold.
    learned: HashSet<String>,
}

impl Outlet {
    fn add(&mut self, hashes: &[String]) {
        self.articles += 1;
        for hash in hashes {
            let count = self.lines.entry(hash.clone()).or_insert(0);
            *count += 1;
            if *count >= MIN_LEARNED_ARTICLES {
                self.frequent.insert(hash.clone());
            }
        }
    }

    fn remove(&mut self, hashes: &[String]) {
        self.articles = self.articles.saturating_sub(1);
        for hash in hashes {
            if let Some(count) = self.lines.get_mut(hash) {
                *count = count.saturating_sub(1);
                if *count < MIN_LEARNED_ARTICLES {
                    self.frequent.remove(hash);
                }
            }
        }
    }

    fn refresh(&mut self) {
        let learn = learned_threshold(self.articles);
        let keep = threshold(self.articles, MIN_KEPT_SHARE);
        let (lines, learned) = (&self.lines, &self.learned);
        let learned = self
            .frequent
            .iter()
            .filter(|hash| {
                let n = lines.get(*hash).copied().unwrap_or(0);
                n >= learn || (n >= keep && learned.contains(*hash))
            })
            .cloned()
            .collect();
        self.learned = learned;
    }
}

/// Per outlet, the lines learned as furniture so far in this run.
#[derive(Debug, Default)]
pub(crate) struct Learned {
    outlets: HashMap<String, Outlet>,
    /// Per batch sent to the writer and not confirmed yet (oldest first): what was
    /// counted tentatively, and the text keys counted.
    tentative: VecDeque<(Vec<Counted>, HashSet<u64>)>,
    none: HashSet<String>,
}

impl Learned {
    /// Load from `store` the outlets among `outlets` this run has not met yet.
    pub(crate) fn load<'a, S: ArticleStore + ?Sized>(
        &mut self,
        store: &S,
        outlets: impl IntoIterator<Item = &'a str>,
    ) -> Result<(), StoreError> {
        for outlet in outlets {
            if self.outlets.contains_key(outlet) {
                continue;
            }
            let stored = store.outlet_lines(outlet, MIN_LOADED_COUNT)?;
            let frequent = stored
                .lines
                .iter()
                .filter(|(_, &n)| n >= MIN_LEARNED_ARTICLES)
                .map(|(hash, _)| hash.clone())
                .collect();
            let mut state = Outlet {
                articles: stored.articles,
                lines: stored.lines,
                frequent,
                learned: HashSet::new(),
            };
            state.refresh();
            self.outlets.insert(outlet.to_owned(), state);
        }
        Ok(())
    }

    /// Whether `outlet` was loaded.
    pub(crate) fn knows(&self, outlet: &str) -> bool {
        self.outlets.contains_key(outlet)
    }

    /// Count a batch tentatively, before cleaning it: each distinct text once (among
    /// the batches not confirmed yet).
    pub(crate) fn count_tentatively(&mut self, batch: &[Seen<'_>]) {
        let mut counted = Vec::new();
        let mut keys = HashSet::new();
        let mut touched = HashSet::new();
        for article in batch {
            let repeated = self.tentative.iter().any(|(_, seen)| seen.contains(&article.text_key));
            if repeated || !keys.insert(article.text_key) {
                continue;
            }
            self.outlets.entry(article.outlet.to_owned()).or_default().add(article.line_hashes);
            touched.insert(article.outlet.to_owned());
            counted.push((article.outlet.to_owned(), article.line_hashes.to_vec()));
        }
        self.tentative.push_back((counted, keys));
        self.refresh(touched);
    }

    /// The writer stored the oldest batch not confirmed yet, and added `counted` as
    /// originals: replace that batch's tentative counts with these.
    pub(crate) fn confirm(&mut self, counted: Vec<Counted>) {
        let mut touched = HashSet::new();
        if let Some((tentative, _)) = self.tentative.pop_front() {
            for (outlet, hashes) in tentative {
                if let Some(state) = self.outlets.get_mut(&outlet) {
                    state.remove(&hashes);
                }
                touched.insert(outlet);
            }
        }
        for (outlet, hashes) in counted {
            self.outlets.entry(outlet.clone()).or_default().add(&hashes);
            touched.insert(outlet);
        }
        self.refresh(touched);
    }

    fn refresh(&mut self, outlets: HashSet<String>) {
        for outlet in outlets {
            if let Some(state) = self.outlets.get_mut(&outlet) {
                state.refresh();
            }
        }
    }

    /// The line hashes learned as furniture for `outlet`.
    pub(crate) fn lines(&self, outlet: &str) -> &HashSet<String> {
        self.outlets.get(outlet).map_or(&self.none, |o| &o.learned)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seen<'a>(outlet: &'a str, key: u64, hashes: &'a [String]) -> Seen<'a> {
        Seen { outlet, text_key: key, line_hashes: hashes }
    }

    #[test]
    fn the_threshold_is_five_articles_or_two_percent() {
        assert_eq!(learned_threshold(0), 5);
        assert_eq!(learned_threshold(250), 5);
        assert_eq!(learned_threshold(369), 8);
        assert_eq!(learned_threshold(4815), 97);
    }

    #[test]
    fn lines_are_learned_at_the_threshold_and_forgotten_below_it() {
        let mut learned = Learned::default();
        let footer = "footer".to_owned();
        for i in 0..5 {
            assert!(learned.lines("x").is_empty(), "after {i}");
            learned.confirm(vec![("x".into(), vec![footer.clone(), format!("line {i}")])]);
        }
        assert!(learned.lines("x").contains(&footer));
        assert_eq!(learned.lines("x").len(), 1);
        assert!(learned.lines("y").is_empty());
        // 500 more articles without it: 1% of 505 is 6 > 5, so it is furniture no more
        // (above 1% it stays: 2% of 300 is 6 > 5, but 1% is 3).
        for i in 0..300 {
            learned.confirm(vec![("x".into(), vec![format!("other {i}")])]);
        }
        assert!(learned.lines("x").contains(&footer));
        for i in 300..500 {
            learned.confirm(vec![("x".into(), vec![format!("other {i}")])]);
        }
        assert!(learned.lines("x").is_empty());
    }

    #[test]
    fn a_batch_counts_tentatively_until_the_writer_confirms() {
        let mut learned = Learned::default();
        let lines: Vec<Vec<String>> =
            (0..6).map(|i| vec!["footer".to_owned(), format!("line {i}")]).collect();
        // Five distinct texts and one byte-identical copy.
        let mut batch: Vec<Seen<'_>> = (0..5).map(|i| seen("x", i, &lines[i as usize])).collect();
        batch.push(seen("x", 4, &lines[5]));
        learned.count_tentatively(&batch);
        assert!(learned.lines("x").contains("footer"), "learned within the batch");
        // The writer stored only three of them as originals (the others were known).
        let stored = lines.iter().take(3).map(|l| ("x".to_owned(), l.clone())).collect();
        learned.confirm(stored);
        assert!(learned.lines("x").is_empty());
        assert_eq!(learned.outlets["x"].articles, 3);
    }
}
