//! The online clusterer: window bookkeeping, candidate search, the decision.
//!
//! Per article, in the order given: move `now` to its time, evict what the
//! window no longer holds, refresh the IDF snapshot if due, decide (duplicate
//! link, else best candidate story above the threshold, else a new story),
//! then add the article to the window and its story. Resuming replays stored
//! articles through the same steps with their stored stories, so the state
//! after a resume equals the state of a clusterer that never stopped.

use std::collections::BTreeSet;

use marsad_model::ArticleId;

use crate::hash::{FxMap, TermKey};
use crate::idf::Idf;
use crate::input::{Decision, DecisionKind, StoryId};
use crate::postings::Postings;
use crate::similarity::{score, unit_vector};
use crate::{ArticleInput, ClusterConfig, ClusterError, Features};

/// At most this many (the most recent) articles are read from one term's
/// postings: only common terms have more, and they are not query terms
/// unless an article has nothing else.
const POSTINGS_LIMIT: usize = 1_000;

/// The score an article made only of common terms needs to join a story.
const COMMON_ONLY_THRESHOLD: f64 = 0.8;

/// The online story clusterer. See the crate doc for the algorithm.
#[derive(Debug)]
pub struct Clusterer {
    config: ClusterConfig,
    idf: Idf,
    now: Option<i64>,
    window: FxMap<ArticleId, Member>,
    by_time: BTreeSet<(i64, ArticleId)>,
    /// Stories with members in the window → how many.
    stories: FxMap<StoryId, u32>,
    /// Term → articles in the window.
    postings: Postings,
}

/// An article in the window.
#[derive(Debug)]
struct Member {
    story: StoryId,
    time: i64,
    features: Features,
    /// Its IDF-weighted unit vector and the IDF generation it was computed under.
    vector: Option<(u64, Vec<(TermKey, f64)>)>,
}

impl Clusterer {
    /// An empty clusterer.
    pub fn new(config: ClusterConfig) -> Result<Self, ClusterError> {
        config.validate()?;
        let idf = Idf::new(config.prior_weight);
        Ok(Self {
            config,
            idf,
            now: None,
            window: FxMap::default(),
            by_time: BTreeSet::new(),
            stories: FxMap::default(),
            postings: Postings::default(),
        })
    }

    /// Rebuild a clusterer from stored assignments and continue from there.
    ///
    /// `stored` yields the stored articles with their stories, **in the order
    /// they were assigned**, each with `published` set to the stored
    /// [`Decision::time`] and its story as it is now (after any merge). Give at least every article whose time is at or
    /// after [`Clusterer::horizon`] of the latest stored time (older ones are
    /// harmless, only slower); the clusterer then holds exactly the state it
    /// had when it stopped, and later decisions are the same as in one run.
    pub fn resume(
        config: ClusterConfig,
        stored: impl IntoIterator<Item = (ArticleInput, StoryId)>,
    ) -> Result<Self, ClusterError> {
        let mut c = Self::new(config)?;
        for (input, story) in stored {
            let features = Features::new(&input, &c.config);
            c.replay(features, story)?;
        }
        Ok(c)
    }

    /// [`Clusterer::resume`] from features computed beforehand (each with
    /// its stored time, see [`Features::with_published`]).
    pub fn resume_features(
        config: ClusterConfig,
        stored: impl IntoIterator<Item = (Features, StoryId)>,
    ) -> Result<Self, ClusterError> {
        let mut c = Self::new(config)?;
        for (features, story) in stored {
            c.replay(features, story)?;
        }
        Ok(c)
    }

    /// The earliest publication time a resume needs, given the latest stored
    /// [`Decision::time`]: the start of the IDF refresh period holding
    /// `latest`, less the window.
    pub fn horizon(config: &ClusterConfig, latest: i64) -> i64 {
        let period = config.idf_refresh_secs.max(1);
        latest.div_euclid(period).saturating_mul(period).saturating_sub(config.window_secs)
    }

    /// The settings.
    pub fn config(&self) -> &ClusterConfig {
        &self.config
    }

    /// The latest publication time seen.
    pub fn now(&self) -> Option<i64> {
        self.now
    }

    /// Articles in the window.
    pub fn window_len(&self) -> usize {
        self.window.len()
    }

    /// Stories with members in the window (the ones an article can join).
    pub fn open_stories(&self) -> usize {
        self.stories.len()
    }

    /// The story of an article still in the window.
    pub fn story_of(&self, article: ArticleId) -> Option<StoryId> {
        self.window.get(&article).map(|m| m.story)
    }

    /// Analyse and assign one article.
    pub fn assign(&mut self, input: &ArticleInput) -> Result<Decision, ClusterError> {
        let features = Features::new(input, &self.config);
        self.assign_features(features)
    }

    /// Assign one article whose [`Features`] were computed beforehand (for
    /// example in parallel, with the same settings).
    pub fn assign_features(&mut self, features: Features) -> Result<Decision, ClusterError> {
        let article = features.id;
        let time = self.advance(&features)?;
        let (story, kind, merged) = self.decide(&features, time);
        self.merge(story, &merged);
        self.insert(features, time, story);
        Ok(Decision { article, story, time, kind, merged })
    }

    /// Replay one stored assignment (as [`Clusterer::resume`] does).
    pub fn replay(&mut self, features: Features, story: StoryId) -> Result<Decision, ClusterError> {
        let article = features.id;
        let time = self.advance(&features)?;
        self.insert(features, time, story);
        Ok(Decision { article, story, time, kind: DecisionKind::Stored, merged: Vec::new() })
    }

    /// Check the id, move `now`, evict, refresh the IDF. Returns the time used.
    fn advance(&mut self, f: &Features) -> Result<i64, ClusterError> {
        if self.window.contains_key(&f.id) {
            return Err(ClusterError::DuplicateArticle(f.id));
        }
        let time = f.published.or(self.now).unwrap_or(0);
        let now = self.now.map_or(time, |n| n.max(time));
        self.now = Some(now);
        self.evict(now.saturating_sub(self.config.window_secs));
        self.idf.maybe_refresh(now, &self.config);
        Ok(time)
    }

    /// Remove the articles published before `start`.
    fn evict(&mut self, start: i64) {
        let mut evicted = 0usize;
        while let Some(&(t, id)) = self.by_time.first() {
            if t >= start {
                break;
            }
            self.by_time.pop_first();
            evicted += 1;
            let Some(member) = self.window.remove(&id) else { continue };
            self.idf.remove(&member.features.terms);
            if let Some(n) = self.stories.get_mut(&member.story) {
                *n -= 1;
                if *n == 0 {
                    self.stories.remove(&member.story);
                }
            }
        }
        if evicted > 0 && evicted >= self.window.len() {
            self.postings.clean_all(start);
        }
    }

    /// Add an article to the window (unless it is older than the window:
    /// then it is assigned but holds no state).
    fn insert(&mut self, features: Features, time: i64, story: StoryId) {
        let start = self.now.unwrap_or(time).saturating_sub(self.config.window_secs);
        if time < start {
            return;
        }
        self.idf.add(&features.terms);
        *self.stories.entry(story).or_default() += 1;
        let id = features.id;
        for &(t, _) in &features.terms {
            self.postings.push(t, id, time, start);
        }
        self.window.insert(id, Member { story, time, features, vector: None });
        self.by_time.insert((time, id));
    }

    /// The story an article belongs to, why, and the stories it merges into it.
    fn decide(&mut self, f: &Features, time: i64) -> (StoryId, DecisionKind, Vec<StoryId>) {
        if let Some(of) = f.duplicate_of {
            if let Some(m) = self.window.get(&of) {
                return (m.story, DecisionKind::Duplicate { of }, Vec::new());
            }
        }
        let scores = self.story_scores(f, time);
        match scores.first() {
            Some(&(story, score)) if score >= self.config.threshold => {
                let mut bridged: Vec<StoryId> = scores
                    .iter()
                    .filter(|&&(_, s)| s >= self.config.merge_threshold)
                    .map(|&(id, _)| id)
                    .chain([story])
                    .collect();
                bridged.sort_unstable();
                bridged.dedup();
                let oldest = bridged.first().copied().unwrap_or(story);
                bridged.retain(|&id| id != oldest);
                (oldest, DecisionKind::Joined { score }, bridged)
            }
            _ => (f.id, DecisionKind::New, Vec::new()),
        }
    }

    /// Move the window's members of the `merged` stories into `into`.
    fn merge(&mut self, into: StoryId, merged: &[StoryId]) {
        if merged.is_empty() {
            return;
        }
        let mut moved = 0;
        for m in self.window.values_mut() {
            if merged.contains(&m.story) {
                m.story = into;
                moved += 1;
            }
        }
        for id in merged {
            self.stories.remove(id);
        }
        *self.stories.entry(into).or_default() += moved;
    }

    /// Each candidate story with its best member score, best first (ties:
    /// smaller id first).
    fn story_scores(&mut self, f: &Features, time: i64) -> Vec<(StoryId, f64)> {
        let vector = unit_vector(f, &self.idf);
        if vector.is_empty() || self.window.is_empty() {
            return Vec::new();
        }
        // Query: the heaviest terms that are not too common.
        let mut query: Vec<(TermKey, f64)> = vector
            .iter()
            .copied()
            .filter(|&(t, _)| self.idf.is_query_term(t, self.config.max_query_df))
            .collect();
        let mut bar = f64::NEG_INFINITY;
        if query.is_empty() {
            // Every term is common (say, a flood of copies): look up with the
            // heaviest anyway, but only a near-copy may be joined.
            query = vector.clone();
            bar = COMMON_ONLY_THRESHOLD;
        }
        query.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        query.truncate(self.config.query_terms);
        // Candidates: the articles sharing the most query weight.
        let start = self.now.unwrap_or(time).saturating_sub(self.config.window_secs);
        let mut shared: FxMap<ArticleId, f64> = FxMap::default();
        for &(t, w) in &query {
            for a in self.postings.lookup(t, start, POSTINGS_LIMIT) {
                *shared.entry(a).or_default() += w;
            }
        }
        let mut candidates: Vec<(ArticleId, f64)> = shared.into_iter().collect();
        candidates.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        candidates.truncate(self.config.max_candidates);

        let generation = self.idf.generation();
        let mut best: FxMap<StoryId, f64> = FxMap::default();
        for (id, _) in candidates {
            let Some(m) = self.window.get_mut(&id) else { continue };
            if m.vector.as_ref().is_none_or(|(g, _)| *g != generation) {
                m.vector = Some((generation, unit_vector(&m.features, &self.idf)));
            }
            let other = m.vector.as_ref().map_or(&[][..], |(_, v)| v.as_slice());
            let s = score(&self.config, (f, &vector, time), (&m.features, other, m.time));
            if s < bar {
                continue;
            }
            let entry = best.entry(m.story).or_insert(s);
            *entry = entry.max(s);
        }
        let mut scores: Vec<(StoryId, f64)> = best.into_iter().collect();
        scores.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        scores
    }
}
