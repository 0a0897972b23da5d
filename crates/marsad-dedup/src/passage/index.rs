//! The fingerprint index: fingerprint key → the articles that have it.
//!
//! Whole-document LSH only flags pairs whose texts are mostly alike. An outlet that
//! reprints a joint statement inside its own longer report shares only a part of its
//! text, so its whole-document Jaccard is low; it shares *fingerprints*, though, and
//! this index finds every stored article that shares at least `min_shared` of them with
//! a new one. It is rebuilt at the start of a run from the keys stored per article
//! (`passage_prints`), so new articles are compared with old ones without recomputing.
//!
//! Memory stays small: most keys belong to one article, which costs one `u32 → u32`
//! map entry; keys with several articles keep a list, and a list stops growing at
//! `max_postings`. A full list marks a fingerprint as boilerplate (honorific chains such
//! as «صاحب السمو الملكي الأمير ... النائب الثاني لرئيس مجلس الوزراء وزير الدفاع», agency
//! formulas) and no longer counts towards candidates, as MOSS ignores fingerprints
//! found in too many documents; floods of copies cost one lookup per fingerprint, not
//! 50 million pairs. Candidates per article are capped at `max_candidates`, most shared
//! keys first.

use super::PassageConfig;
use crate::lsh::Key32Map;
use crate::DedupError;

/// Fingerprint key → articles (internal `u32` ids).
#[derive(Debug, Clone, Default)]
pub struct PrintIndex {
    /// The first article of each key.
    first: Key32Map<u32>,
    /// The later articles of keys with several (capped at `max_postings − 1`).
    more: Key32Map<Vec<u32>>,
    max_postings: usize,
    articles: usize,
}

impl PrintIndex {
    /// An empty index with the caps of `config`.
    pub fn new(config: &PassageConfig) -> Self {
        Self { max_postings: config.max_postings.max(1), ..Self::default() }
    }

    /// Articles inserted.
    pub fn len(&self) -> usize {
        self.articles
    }

    /// True when nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.articles == 0
    }

    /// Add article `id` with its distinct fingerprint keys.
    pub fn insert(&mut self, id: u64, keys: &[u32]) -> Result<(), DedupError> {
        let id = internal(id)?;
        self.articles += 1;
        for &key in keys {
            let first = *self.first.entry(key).or_insert(id);
            if first == id {
                continue;
            }
            let more = self.more.entry(key).or_default();
            if more.len() + 1 < self.max_postings && !more.contains(&id) {
                more.push(id);
            }
        }
        Ok(())
    }

    /// Articles sharing at least `min_shared` of `keys` (article `id` itself excluded),
    /// most shared first, then by id; at most `max_candidates`.
    pub fn candidates(&self, id: u64, keys: &[u32], config: &PassageConfig) -> Vec<(u64, usize)> {
        let me = internal(id).ok();
        let mut shared: Key32Map<usize> = Key32Map::default();
        for &key in keys {
            let Some(&first) = self.first.get(&key) else { continue };
            let more = self.more.get(&key).map_or(&[][..], Vec::as_slice);
            if more.len() + 1 >= self.max_postings {
                continue; // boilerplate: in too many articles to tell anything
            }
            for &other in std::iter::once(&first).chain(more) {
                if Some(other) != me {
                    *shared.entry(other).or_default() += 1;
                }
            }
        }
        let mut out: Vec<(u64, usize)> = shared
            .into_iter()
            .filter(|&(_, n)| n >= config.min_shared.max(1))
            .map(|(other, n)| (u64::from(other), n))
            .collect();
        out.sort_unstable_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
        out.truncate(config.max_candidates);
        out
    }
}

fn internal(id: u64) -> Result<u32, DedupError> {
    u32::try_from(id).map_err(|_| DedupError::Config(format!("article id {id} exceeds u32")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_share_enough_keys_and_postings_are_capped() -> Result<(), DedupError> {
        let config = PassageConfig { max_postings: 3, min_shared: 2, ..PassageConfig::default() };
        let mut index = PrintIndex::new(&config);
        index.insert(1, &[10, 11, 12])?;
        index.insert(2, &[11, 12, 13])?;
        index.insert(3, &[12, 40, 41])?;
        index.insert(4, &[12])?;
        assert_eq!(index.candidates(5, &[11, 13, 40], &config), [(2, 2)]);
        assert_eq!(index.candidates(5, &[10, 11, 13], &config), [(1, 2), (2, 2)]);
        // Key 12 is full (3 articles, article 4 not listed): boilerplate, not counted.
        assert_eq!(index.candidates(9, &[12, 41], &config), []);
        assert_eq!(index.candidates(9, &[40, 41], &config), [(3, 2)]);
        assert!(index.candidates(1, &[10], &config).is_empty(), "itself");
        assert_eq!(index.len(), 4);
        assert!(index.insert(u64::MAX, &[1]).is_err());
        Ok(())
    }
}
