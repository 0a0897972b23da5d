//! An article's evidence: weighted term vector, distinctive numbers, entities.
//!
//! Terms come from `marsad_text::index_terms` (normalized, clitics stripped,
//! stemmed, stopwords dropped; numbers as ASCII digits; Latin lowercased), so
//! بالعراق and العراق are one term. Each occurrence weighs
//! [`title_weight`](crate::ClusterConfig::title_weight) in the title,
//! [`lead_weight`](crate::ClusterConfig::lead_weight) among the first
//! [`lead_terms`](crate::ClusterConfig::lead_terms) body terms and 1 after.
//! A term's weight `tf` becomes `1 + ln tf` (sublinear), the vector is
//! L2-normalised and quantised to integers (×1000, at least 1): compact, and
//! exactly the same in every run, whatever the platform's float rounding of
//! the stored text's analysis. Scores weight them by the IDF snapshot.

use marsad_model::ArticleId;

use crate::hash::{key, FxMap, KeyKind, TermKey};
use crate::{ArticleInput, ClusterConfig};

/// Scale of the quantised term weights.
pub(crate) const QUANT: f64 = 1000.0;

/// The evidence of one article, ready for [`Clusterer::assign_features`](crate::Clusterer::assign_features).
///
/// Computing features is the costly part of clustering (text analysis) and
/// needs no clusterer state, so callers may compute them in parallel.
#[derive(Debug, Clone, PartialEq)]
pub struct Features {
    pub(crate) id: ArticleId,
    pub(crate) published: Option<i64>,
    pub(crate) duplicate_of: Option<ArticleId>,
    /// Quantised, normalised sublinear term weights, sorted by key.
    pub(crate) terms: Vec<(TermKey, u32)>,
    /// Distinctive numbers, sorted, without repeats.
    pub(crate) numbers: Vec<TermKey>,
    /// Entity keys, sorted, without repeats.
    pub(crate) entities: Vec<TermKey>,
    /// The outlet's key.
    pub(crate) outlet: Option<TermKey>,
}

impl Features {
    /// Analyse one article.
    pub fn new(input: &ArticleInput, config: &ClusterConfig) -> Self {
        let mut title_terms = String::new();
        marsad_text::index_terms(&input.title, &mut title_terms);
        let mut text_terms = String::new();
        marsad_text::index_terms(prefix(&input.text, config.max_text_bytes), &mut text_terms);
        Self::from_terms(input, &title_terms, &text_terms, config)
    }

    /// The features of an article whose title and text were analysed already:
    /// `title_terms` and `text_terms` are `marsad_text::index_terms` of the title and
    /// of the text; `text` is the text itself. When the text is longer than
    /// [`max_text_bytes`](ClusterConfig::max_text_bytes), its prefix is analysed
    /// again (as [`Features::new`] reads only that much); otherwise the result is
    /// exactly that of [`Features::new`] at the cost of hashing the terms.
    /// `input.title` and `input.text` are not read.
    pub fn from_analysed(
        input: &ArticleInput,
        text: &str,
        title_terms: &str,
        text_terms: &str,
        config: &ClusterConfig,
    ) -> Self {
        if text.len() <= config.max_text_bytes {
            return Self::from_terms(input, title_terms, text_terms, config);
        }
        let mut prefix_terms = String::new();
        marsad_text::index_terms(prefix(text, config.max_text_bytes), &mut prefix_terms);
        Self::from_terms(input, title_terms, &prefix_terms, config)
    }

    /// From the index terms of the title and of the text read (its prefix).
    fn from_terms(
        input: &ArticleInput,
        title_terms: &str,
        text_terms: &str,
        config: &ClusterConfig,
    ) -> Self {
        let mut tf: FxMap<TermKey, u32> = FxMap::default();
        let mut numbers: Vec<TermKey> = Vec::new();
        let numeric = |term: &str, numbers: &mut Vec<TermKey>| {
            if input.numbers.is_empty() && is_distinctive_number(term, config.min_number_digits) {
                numbers.push(key(KeyKind::Number, term));
            }
        };
        for term in title_terms.split_ascii_whitespace() {
            *tf.entry(key(KeyKind::Term, term)).or_default() += config.title_weight;
            numeric(term, &mut numbers);
        }
        for (i, term) in text_terms.split_ascii_whitespace().enumerate() {
            let w = if i < config.lead_terms { config.lead_weight } else { 1 };
            *tf.entry(key(KeyKind::Term, term)).or_default() += w;
            numeric(term, &mut numbers);
        }
        for number in &input.numbers {
            let n = number.trim().replace('.', "d");
            if is_distinctive_number(&n, config.min_number_digits) {
                numbers.push(key(KeyKind::Number, &n));
            }
        }
        let mut entities: Vec<TermKey> = input
            .entities
            .iter()
            .map(|e| marsad_text::normalize_str(e.trim()))
            .filter(|e| !e.is_empty())
            .map(|e| key(KeyKind::Entity, &e))
            .collect();
        numbers.sort_unstable();
        numbers.dedup();
        entities.sort_unstable();
        entities.dedup();

        let mut raw: Vec<(TermKey, f64)> =
            tf.into_iter().map(|(k, n)| (k, 1.0 + f64::from(n.max(1)).ln())).collect();
        raw.sort_unstable_by_key(|&(k, _)| k);
        let norm = raw.iter().map(|&(_, w)| w * w).sum::<f64>().sqrt();
        let terms =
            raw.into_iter().map(|(k, w)| (k, ((w / norm * QUANT).round() as u32).max(1))).collect();
        Self {
            id: input.id,
            published: input.published,
            duplicate_of: input.duplicate_of,
            terms,
            numbers,
            entities,
            outlet: input.outlet.as_deref().map(|o| key(KeyKind::Outlet, o.trim())),
        }
    }

    /// The article id.
    pub fn id(&self) -> ArticleId {
        self.id
    }

    /// The publication time the features carry.
    pub fn published(&self) -> Option<i64> {
        self.published
    }

    /// The same features with another publication time (on resume: the
    /// stored [`Decision::time`](crate::Decision::time)).
    pub fn with_published(mut self, time: Option<i64>) -> Self {
        self.published = time;
        self
    }

    /// The same features with another near-duplicate link.
    pub fn with_duplicate_of(mut self, of: Option<ArticleId>) -> Self {
        self.duplicate_of = of;
        self
    }

    /// How many distinct terms the article has (0 for an empty article).
    pub fn term_count(&self) -> usize {
        self.terms.len()
    }
}

/// The longest prefix of `text` of at most `max` bytes that ends on a char boundary.
pub(crate) fn prefix(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while end > 0 && !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or("")
}

/// A number term with at least `min_digits` digits that is not a plausible
/// Gregorian (1900–2100) or Hijri (1300–1500) year.
fn is_distinctive_number(term: &str, min_digits: usize) -> bool {
    if term.is_empty() || !term.bytes().all(|b| b.is_ascii_digit() || b == b'd') {
        return false;
    }
    if !term.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    let digits = term.bytes().filter(u8::is_ascii_digit).count();
    if digits < min_digits {
        return false;
    }
    if term.len() == 4 {
        if let Ok(n) = term.parse::<u32>() {
            if (1300..=1500).contains(&n) || (1900..=2100).contains(&n) {
                return false;
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_terms_weigh_more_and_vectors_are_normalised() {
        let c = ClusterConfig::default();
        let a = ArticleInput::new(1, None, "العراق", "قال الوزير إن الحوار مثمر");
        let f = Features::new(&a, &c);
        let iraq = key(KeyKind::Term, "عراق");
        let minister = key(KeyKind::Term, "وزير");
        let w = |k| f.terms.iter().find(|&&(t, _)| t == k).map(|&(_, w)| w).unwrap_or(0);
        assert!(w(iraq) > w(minister));
        let norm: f64 = f.terms.iter().map(|&(_, q)| (f64::from(q) / QUANT).powi(2)).sum();
        assert!((norm - 1.0).abs() < 0.01);
    }

    #[test]
    fn empty_and_odd_input_gives_no_terms() {
        let c = ClusterConfig::default();
        assert_eq!(Features::new(&ArticleInput::default(), &c).term_count(), 0);
        let odd = ArticleInput::new(2, None, "«»", "\u{200f}\u{0640}... !!");
        assert_eq!(Features::new(&odd, &c).term_count(), 0);
    }

    #[test]
    fn distinctive_numbers_skip_years_and_small_counts() {
        assert!(is_distinctive_number("1088", 3));
        assert!(is_distinctive_number("12000", 3));
        assert!(is_distinctive_number("4d5", 2));
        assert!(!is_distinctive_number("2015", 3));
        assert!(!is_distinctive_number("1436", 3));
        assert!(!is_distinctive_number("17", 3));
        assert!(!is_distinctive_number("d5", 1));
    }

    #[test]
    fn features_from_analysed_terms_equal_features_from_text() {
        let c = ClusterConfig { max_text_bytes: 60, ..ClusterConfig::default() };
        for text in ["قال الوزير إن الحوار مثمر", &"العراق والولايات المتحدة ".repeat(10)]
        {
            let a = ArticleInput::new(3, Some(5), "الحوار الأمني", text);
            let (mut t, mut b) = (String::new(), String::new());
            marsad_text::index_terms(&a.title, &mut t);
            marsad_text::index_terms(text, &mut b);
            let bare = ArticleInput { title: String::new(), text: String::new(), ..a.clone() };
            assert_eq!(Features::from_analysed(&bare, text, &t, &b, &c), Features::new(&a, &c));
        }
    }

    #[test]
    fn long_text_is_cut_on_a_char_boundary() {
        let text = "ب".repeat(10);
        assert_eq!(prefix(&text, 5), "بب");
        assert_eq!(prefix(&text, 100), text);
    }
}
