//! Word clusters learned from unlabeled news: each frequent word key (normalized,
//! clitic-stripped) belongs to a cluster at three granularities (32, 256 and 2048
//! clusters, each level a refinement of the one above, like Brown-cluster prefixes).
//! The tagger uses them to generalise from the labeled words it saw in training to
//! the words that behave like them (an unseen surname lands beside seen surnames).
//!
//! The shipped table `models/clusters-v1.tsv` is built by
//! `marsad ner-clusters ../shared/corpora/saudinewsnet/*.zip --out …`
//! ([`build`](super::cluster_build)); it holds word keys and cluster numbers only,
//! no corpus text. Format: `#` comment lines, then `key<TAB>l1<TAB>l2<TAB>l3`.

use std::collections::HashMap;

use marsad_text::fxhash::FxBuildHasher;
use std::sync::LazyLock;

/// The shipped cluster table's text (part of the model's feature signature).
pub(crate) const SHIPPED: &str = include_str!("../../models/clusters-v1.tsv");

/// Cluster numbers of a word at the three levels, then its frequency band
/// (log2 of its rank in the table, which is sorted by frequency); 0 means unknown.
pub(crate) type ClusterIds = [u16; 4];

/// Word key → cluster numbers (each stored +1, so 0 stays "unknown").
#[derive(Debug, Default)]
pub struct ClusterTable {
    map: HashMap<String, ClusterIds, FxBuildHasher>,
}

impl ClusterTable {
    /// Parse the TSV format; malformed lines are skipped.
    pub fn parse(text: &str) -> ClusterTable {
        let mut map = HashMap::default();
        let mut rank = 0u32;
        for line in text.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            rank += 1;
            let mut fields = line.split('\t');
            let Some(key) = fields.next() else { continue };
            let mut ids = [0u16; 4];
            ids[3] = (32 - rank.leading_zeros()) as u16;
            let mut ok = true;
            for slot in &mut ids[..3] {
                match fields.next().and_then(|f| f.trim().parse::<u16>().ok()) {
                    Some(v) if v < u16::MAX => *slot = v + 1,
                    _ => ok = false,
                }
            }
            if ok {
                map.insert(key.to_owned(), ids);
            }
        }
        ClusterTable { map }
    }

    /// The shipped table, parsed once.
    pub fn shipped() -> &'static ClusterTable {
        static TABLE: LazyLock<ClusterTable> = LazyLock::new(|| ClusterTable::parse(SHIPPED));
        &TABLE
    }

    /// Cluster numbers of a word key (`[0; 4]` when unknown).
    pub(crate) fn get(&self, key: &str) -> ClusterIds {
        self.map.get(key).copied().unwrap_or([0; 4])
    }

    /// Number of words in the table.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// True when the table holds no word.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_skips_bad_lines() {
        let t = ClusterTable::parse("# c\nعراق\t1\t9\t77\nbad\t1\nسوريا\t1\t9\t78\n");
        assert_eq!(t.len(), 2);
        assert_eq!(t.get("عراق"), [2, 10, 78, 1]);
        assert_eq!(t.get("سوريا"), [2, 10, 79, 2]);
        assert_eq!(t.get("x"), [0, 0, 0, 0]);
    }

    #[test]
    fn shipped_table_parses() {
        let t = ClusterTable::shipped();
        let lines = SHIPPED.lines().filter(|l| !l.starts_with('#') && !l.is_empty()).count();
        assert_eq!(t.len(), lines);
    }
}
