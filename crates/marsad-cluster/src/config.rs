//! Settings of the clustering stage, with defaults tuned on the dev pairs.

use crate::ClusterError;

/// Every setting of the online clusterer. See the crate doc for the algorithm
/// each one belongs to; `examples/cluster_corpus.rs --grid` reports the F1
/// landscape around the defaults.
#[derive(Debug, Clone, PartialEq)]
pub struct ClusterConfig {
    /// Time window in seconds: an article older than `now − window_secs`
    /// (now = the latest publication time seen) leaves the clusterer's state,
    /// and a story whose members have all left can no longer be joined.
    pub window_secs: i64,
    /// The IDF table is refreshed from the window's document frequencies at
    /// least once per `idf_refresh_secs` of publication time …
    pub idf_refresh_secs: i64,
    /// … and whenever the window's size has changed by this fraction (at
    /// least 16 articles) since the last refresh, so a cold start learns fast.
    pub idf_growth: f64,
    /// Weight of the document-frequency prior (`prior.rs`, built from ANERcorp):
    /// 1 counts it as the 496 pseudo-documents it was built from, 0 turns it off.
    /// It matters on a cold start (a small window) and fades as the window grows.
    pub prior_weight: f64,
    /// Weight of each title term occurrence (body occurrences weigh 1).
    pub title_weight: u32,
    /// Weight of each occurrence among the first `lead_terms` body terms.
    pub lead_weight: u32,
    /// How many body terms make the lead.
    pub lead_terms: usize,
    /// Only the first `max_text_bytes` of the body are analysed (cut at a
    /// character boundary): the rest of a long article adds cost, not focus.
    pub max_text_bytes: usize,
    /// The article's top terms (by weight × IDF) used to look up candidate
    /// stories in the inverted index.
    pub query_terms: usize,
    /// A term found in more than this share of the window's articles (and in
    /// more than 16) is not used to look up candidates (it still counts in
    /// the cosine).
    pub max_query_df: f64,
    /// Candidate articles scored in full, best first by shared query weight.
    pub max_candidates: usize,
    /// Join the story of the best-matching article in the window when the
    /// score reaches this; else start a story.
    pub threshold: f64,
    /// An article that matches members of several stories at or above this
    /// score merges them into the oldest (smallest id). Off by default
    /// (`f64::INFINITY`): on the dev pairs, merging at 0.35–0.5 costs more
    /// precision than it gains recall (F1 0.77–0.84 against 0.85).
    pub merge_threshold: f64,
    /// Half-life in seconds of the time decay: the score is multiplied by
    /// `0.5^(|t_article − t_match| / half_life_secs)`.
    pub half_life_secs: f64,
    /// The score is multiplied by this when the two articles come from the
    /// same outlet (1 = no effect; an outlet seldom covers one event twice).
    pub same_outlet_factor: f64,
    /// Bonus for the share of the article's entity keys the matched article has.
    pub entity_weight: f64,
    /// Bonus for the share of the article's distinctive numbers the matched article has.
    pub number_weight: f64,
    /// Numbers with at least this many digits are distinctive (years and
    /// counts such as 2015 or 17 are not, 1088 and 12000 are).
    pub min_number_digits: usize,
}

impl Default for ClusterConfig {
    fn default() -> Self {
        Self {
            window_secs: 3 * 86_400,
            idf_refresh_secs: 3_600,
            idf_growth: 0.125,
            prior_weight: 1.0,
            title_weight: 3,
            lead_weight: 2,
            lead_terms: 40,
            max_text_bytes: 8_000,
            query_terms: 12,
            max_query_df: 0.05,
            max_candidates: 16,
            threshold: 0.34,
            merge_threshold: f64::INFINITY,
            half_life_secs: 259_200.0,
            same_outlet_factor: 1.0,
            entity_weight: 0.2,
            number_weight: 0.1,
            min_number_digits: 3,
        }
    }
}

impl ClusterConfig {
    /// Check that every setting is in range.
    pub fn validate(&self) -> Result<(), ClusterError> {
        let bad = |msg: &str| Err(ClusterError::Config(msg.to_string()));
        if self.window_secs <= 0 {
            return bad("window_secs must be positive");
        }
        if self.idf_refresh_secs <= 0 {
            return bad("idf_refresh_secs must be positive");
        }
        if !(self.idf_growth.is_finite() && self.idf_growth > 0.0) {
            return bad("idf_growth must be a positive number");
        }
        if !(self.prior_weight.is_finite() && self.prior_weight >= 0.0) {
            return bad("prior_weight must be a number >= 0");
        }
        if self.title_weight == 0 || self.lead_weight == 0 {
            return bad("title_weight and lead_weight must be at least 1");
        }
        if self.query_terms == 0 || self.max_candidates == 0 {
            return bad("query_terms and max_candidates must be at least 1");
        }
        if !(self.max_query_df.is_finite() && self.max_query_df > 0.0) {
            return bad("max_query_df must be a positive number");
        }
        if !self.threshold.is_finite() {
            return bad("threshold must be a number");
        }
        if self.merge_threshold.is_nan() {
            return bad("merge_threshold must be a number");
        }
        if !(self.half_life_secs.is_finite() && self.half_life_secs > 0.0) {
            return bad("half_life_secs must be a positive number");
        }
        if !(self.same_outlet_factor.is_finite() && self.same_outlet_factor >= 0.0) {
            return bad("same_outlet_factor must be a number >= 0");
        }
        if !(self.entity_weight.is_finite() && self.entity_weight >= 0.0) {
            return bad("entity_weight must be a number >= 0");
        }
        if !(self.number_weight.is_finite() && self.number_weight >= 0.0) {
            return bad("number_weight must be a number >= 0");
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid() {
        assert_eq!(ClusterConfig::default().validate(), Ok(()));
    }

    #[test]
    fn bad_settings_are_refused() {
        let mut c = ClusterConfig { window_secs: 0, ..ClusterConfig::default() };
        assert!(c.validate().is_err());
        c = ClusterConfig { threshold: f64::NAN, ..ClusterConfig::default() };
        assert!(c.validate().is_err());
        c = ClusterConfig { half_life_secs: -1.0, ..ClusterConfig::default() };
        assert!(c.validate().is_err());
        c = ClusterConfig { max_candidates: 0, ..ClusterConfig::default() };
        assert!(c.validate().is_err());
    }
}
