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
use crate::config::Link;
use crate::postings::{story_holds, Postings};
use crate::story::{cosine, Story};
use crate::{ArticleInput, ClusterConfig, ClusterError, Features};

/// The online story clusterer. See the crate doc for the algorithm.
#[derive(Debug)]
pub struct Clusterer {
    config: ClusterConfig,
    idf: Idf,
    now: Option<i64>,
    window: FxMap<ArticleId, Member>,
    by_time: BTreeSet<(i64, ArticleId)>,
    stories: FxMap<StoryId, Story>,
    postings: Postings,
    /// Term → articles in the window (for [`Link::Nearest`]).
    articles: Postings,
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
        Ok(Self {
            config,
            idf: Idf::default(),
            now: None,
            window: FxMap::default(),
            by_time: BTreeSet::new(),
            stories: FxMap::default(),
            postings: Postings::of_stories(),
            articles: Postings::of_articles(),
        })
    }

    /// Rebuild a clusterer from stored assignments and continue from there.
    ///
    /// `stored` yields the stored articles with their stories, **in the order
    /// they were assigned**, each with `published` set to the stored
    /// [`Decision::time`]. Give at least every article whose time is at or
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
        let (story, kind) = self.decide(&features, time);
        self.insert(features, time, story);
        Ok(Decision { article, story, time, kind })
    }

    /// Replay one stored assignment (as [`Clusterer::resume`] does).
    pub fn replay(&mut self, features: Features, story: StoryId) -> Result<Decision, ClusterError> {
        let article = features.id;
        let time = self.advance(&features)?;
        self.insert(features, time, story);
        Ok(Decision { article, story, time, kind: DecisionKind::Stored })
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
            if let Some(story) = self.stories.get_mut(&member.story) {
                story.remove(&member.features);
                if story.members == 0 {
                    self.stories.remove(&member.story);
                }
            }
        }
        if evicted > 0 && evicted >= self.window.len() {
            let stories = &self.stories;
            self.postings.compact_all(|i, t| story_holds(stories, i, t));
            let window = &self.window;
            self.articles.compact_all(|i, _| window.contains_key(&i));
        }
    }

    /// Add an article to the window and its story (unless it is older than
    /// the window: then it is assigned but holds no state).
    fn insert(&mut self, features: Features, time: i64, story_id: StoryId) {
        let start = self.now.unwrap_or(time).saturating_sub(self.config.window_secs);
        if time < start {
            return;
        }
        self.idf.add(&features.terms);
        let story = self.stories.entry(story_id).or_insert_with(|| Story::new(story_id, time));
        let mut new_terms: Vec<TermKey> = Vec::new();
        story.add(&features, time, |t| new_terms.push(t));
        let stories = &self.stories;
        for t in new_terms.into_iter().filter(|_| self.config.link == Link::Centroid) {
            self.postings.push(t, story_id, |i, t| story_holds(stories, i, t));
        }
        let id = features.id;
        self.window.insert(id, Member { story: story_id, time, features, vector: None });
        if self.config.link == Link::Nearest {
            let window = &self.window;
            if let Some(m) = window.get(&id) {
                for &(t, _) in &m.features.terms {
                    self.articles.push(t, id, |i, _| window.contains_key(&i));
                }
            }
        }
        self.by_time.insert((time, id));
    }

    /// The story an article belongs to, and why.
    fn decide(&mut self, f: &Features, time: i64) -> (StoryId, DecisionKind) {
        if let Some(of) = f.duplicate_of {
            if let Some(m) = self.window.get(&of) {
                return (m.story, DecisionKind::Duplicate { of });
            }
        }
        match self.best(f, time) {
            Some((score, story)) if score >= self.config.threshold => {
                (story, DecisionKind::Joined { score })
            }
            _ => (f.id, DecisionKind::New),
        }
    }

    /// The best-scoring candidate story, if any.
    fn best(&mut self, f: &Features, time: i64) -> Option<(f64, StoryId)> {
        if f.terms.is_empty() || self.stories.is_empty() {
            return None;
        }
        let mut vector: Vec<(TermKey, f64)> =
            f.terms.iter().map(|&(t, q)| (t, f64::from(q) * self.idf.idf(t))).collect();
        let norm = vector.iter().map(|&(_, w)| w * w).sum::<f64>().sqrt();
        if norm <= 0.0 {
            return None;
        }
        for (_, w) in &mut vector {
            *w /= norm;
        }
        // Query: the heaviest terms that are not too common.
        let mut query: Vec<(TermKey, f64)> = vector
            .iter()
            .copied()
            .filter(|&(t, _)| self.idf.df_share(t) <= self.config.max_query_df)
            .collect();
        let heavier = |a: &(TermKey, f64), b: &(TermKey, f64)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        query.sort_unstable_by(heavier);
        query.truncate(self.config.query_terms);
        if self.config.link == Link::Nearest {
            return self.nearest(f, time, &vector, &query);
        }
        let mut shared: FxMap<StoryId, f64> = FxMap::default();
        let stories = &self.stories;
        for &(t, w) in &query {
            for &s in self.postings.lookup(t, |i, t| story_holds(stories, i, t)) {
                *shared.entry(s).or_default() += w;
            }
        }
        let mut candidates: Vec<(StoryId, f64)> = shared.into_iter().collect();
        candidates.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        candidates.truncate(self.config.max_candidates);

        let mut best: Option<(f64, StoryId)> = None;
        for (id, _) in candidates {
            let Some(story) = self.stories.get_mut(&id) else { continue };
            let centroid = story.centroid(&self.idf, self.config.centroid_terms);
            let mut score = cosine(&vector, centroid);
            if self.config.cohesion_power > 0.0 {
                score *= story.cohesion().powf(self.config.cohesion_power);
            }
            score += self.config.number_weight * story.number_share(&f.numbers);
            score += self.config.entity_weight * story.entity_share(&f.entities);
            if story.has_outlet(f.outlet) {
                score *= self.config.same_outlet_factor;
            }
            let gap = (time - story.last_time).unsigned_abs() as f64;
            score *= 0.5f64.powf(gap / self.config.half_life_secs);
            let better = match best {
                None => true,
                Some((b, bid)) => score > b || (score == b && id < bid),
            };
            if better {
                best = Some((score, id));
            }
        }
        best
    }

    /// [`Link::Nearest`]: the story of the best-scoring article in the window.
    fn nearest(
        &mut self,
        f: &Features,
        time: i64,
        vector: &[(TermKey, f64)],
        query: &[(TermKey, f64)],
    ) -> Option<(f64, StoryId)> {
        let mut shared: FxMap<ArticleId, f64> = FxMap::default();
        let window = &self.window;
        for &(t, w) in query {
            for &a in self.articles.lookup(t, |i, _| window.contains_key(&i)) {
                *shared.entry(a).or_default() += w;
            }
        }
        let mut candidates: Vec<(ArticleId, f64)> = shared.into_iter().collect();
        candidates.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        candidates.truncate(self.config.max_candidates);
        let generation = self.idf.generation();
        let mut best: Option<(f64, StoryId)> = None;
        for (id, _) in candidates {
            let Some(m) = self.window.get_mut(&id) else { continue };
            if m.vector.as_ref().is_none_or(|(g, _)| *g != generation) {
                m.vector = Some((generation, unit_vector(&m.features, &self.idf)));
            }
            let other = m.vector.as_ref().map_or(&[][..], |(_, v)| v.as_slice());
            let mut score = cosine(vector, other);
            score += self.config.number_weight * overlap(&f.numbers, &m.features.numbers);
            score += self.config.entity_weight * overlap(&f.entities, &m.features.entities);
            if f.outlet.is_some() && f.outlet == m.features.outlet {
                score *= self.config.same_outlet_factor;
            }
            let gap = (time - m.time).unsigned_abs() as f64;
            score *= 0.5f64.powf(gap / self.config.half_life_secs);
            let story = m.story;
            let better = match best {
                None => true,
                Some((b, bs)) => score > b || (score == b && story < bs),
            };
            if better {
                best = Some((score, story));
            }
        }
        best
    }
}

/// The IDF-weighted unit vector of an article, sorted by key.
fn unit_vector(f: &Features, idf: &Idf) -> Vec<(TermKey, f64)> {
    let mut v: Vec<(TermKey, f64)> = f.terms.iter().map(|&(t, q)| (t, f64::from(q) * idf.idf(t))).collect();
    let norm = v.iter().map(|&(_, w)| w * w).sum::<f64>().sqrt();
    if norm > 0.0 {
        for (_, w) in &mut v {
            *w /= norm;
        }
    }
    v
}

/// The share of `a` (sorted keys) found in `b` (sorted keys).
fn overlap(a: &[TermKey], b: &[TermKey]) -> f64 {
    if a.is_empty() {
        return 0.0;
    }
    let held = a.iter().filter(|k| b.binary_search(k).is_ok()).count();
    held as f64 / a.len() as f64
}
