//! What the clusterer takes per article, and what it decides.

use marsad_model::ArticleId;

/// A story id: the id of the story's first article. It never changes; when
/// two stories merge, the younger one's id resolves to the older one's.
pub type StoryId = ArticleId;

/// One article as the clusterer sees it.
///
/// Only `id` is required; everything else may be empty. Articles must be
/// given in a deterministic order (the ingest order), each id once.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleInput {
    /// The article's id (unique; the story id of a story it starts).
    pub id: ArticleId,
    /// Publication time in Unix seconds (`Published::timestamp()`). When
    /// absent, the latest time seen so far is used (ingest order), and the
    /// [`Decision::time`] returned says which time was used.
    pub published: Option<i64>,
    /// The headline.
    pub title: String,
    /// The body text.
    pub text: String,
    /// The outlet (source) key. An outlet seldom covers one story twice in a
    /// few days, so a story that already holds the article's outlet scores
    /// lower (see [`same_outlet_factor`](crate::ClusterConfig::same_outlet_factor)).
    pub outlet: Option<String>,
    /// An earlier article this one near-duplicates (from the dedup stage):
    /// the article joins that article's story directly when the earlier
    /// article is still in the window.
    pub duplicate_of: Option<ArticleId>,
    /// Entity keys (canonical names from the NER stage), as extra evidence.
    /// May be empty: clustering works without them.
    pub entities: Vec<String>,
    /// Number tokens (normalized, e.g. `1088`, `4.5`) as extra evidence.
    /// When empty, the numbers are taken from the title and text.
    pub numbers: Vec<String>,
}

impl ArticleInput {
    /// An article with an id, a time, a title and a text, and no extra evidence.
    pub fn new(
        id: ArticleId,
        published: Option<i64>,
        title: impl Into<String>,
        text: impl Into<String>,
    ) -> Self {
        Self { id, published, title: title.into(), text: text.into(), ..Self::default() }
    }
}

/// How an article found its story.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum DecisionKind {
    /// It started a new story (its id is the story id).
    New,
    /// It joined the best-scoring story with this score.
    Joined {
        /// Cosine plus bonuses, times the time decay.
        score: f64,
    },
    /// It near-duplicates an article in the window and joined its story.
    Duplicate {
        /// The earlier article.
        of: ArticleId,
    },
    /// Replayed from storage by [`Clusterer::resume`](crate::Clusterer::resume).
    Stored,
}

impl DecisionKind {
    /// A short name: `new`, `joined`, `duplicate` or `stored`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::New => "new",
            Self::Joined { .. } => "joined",
            Self::Duplicate { .. } => "duplicate",
            Self::Stored => "stored",
        }
    }
}

/// The clusterer's decision for one article: what the caller stores (the
/// article → story assignment, the time used, and any merge) so it can
/// resume later.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    /// The article.
    pub article: ArticleId,
    /// Its story.
    pub story: StoryId,
    /// The publication time used (the article's own, or the fallback); store
    /// it and give it back as `published` on resume.
    pub time: i64,
    /// How the story was found.
    pub kind: DecisionKind,
    /// Stories this article bridged into `story` (it matched a member of
    /// each above [`merge_threshold`](crate::ClusterConfig::merge_threshold)):
    /// they no longer exist, and the caller records `old → story` so old ids
    /// resolve, and moves their articles to `story`. Usually empty.
    pub merged: Vec<StoryId>,
}
