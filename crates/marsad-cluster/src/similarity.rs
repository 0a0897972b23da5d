//! How well an article matches an earlier article in the window.
//!
//! `score = (cos(a, m) + number_weight × numbers(a, m) + entity_weight × entities(a, m))
//!          × same_outlet_factor^[a and m share an outlet]
//!          × 0.5^(|t_a − t_m| / half_life_secs)`
//!
//! - `cos` is the cosine of the two IDF-weighted unit vectors (sublinear,
//!   title- and lead-weighted term frequencies × the snapshot IDF);
//! - `numbers(a, m)` is the share of `a`'s distinctive numbers that `m` has,
//!   `entities(a, m)` the share of `a`'s entity keys that `m` has (0 when `a`
//!   has none, so the bonuses only ever add evidence);
//! - the time decay halves the score every `half_life_secs` of distance
//!   between the two publication times.

use crate::hash::TermKey;
use crate::idf::Idf;
use crate::{ClusterConfig, Features};

/// The IDF-weighted unit vector of an article, sorted by key (empty when it has no terms).
pub(crate) fn unit_vector(f: &Features, idf: &Idf) -> Vec<(TermKey, f64)> {
    let mut v: Vec<(TermKey, f64)> =
        f.terms.iter().map(|&(t, q)| (t, f64::from(q) * idf.idf(t))).collect();
    let norm = v.iter().map(|&(_, w)| w * w).sum::<f64>().sqrt();
    if norm > 0.0 {
        for (_, w) in &mut v {
            *w /= norm;
        }
    } else {
        v.clear();
    }
    v
}

/// The score of article `a` (vector `va`, time `ta`) against member `m`
/// (vector `vm`, time `tm`).
pub(crate) fn score(
    config: &ClusterConfig,
    (a, va, ta): (&Features, &[(TermKey, f64)], i64),
    (m, vm, tm): (&Features, &[(TermKey, f64)], i64),
) -> f64 {
    let mut score = cosine(va, vm);
    score += config.number_weight * overlap(&a.numbers, &m.numbers);
    score += config.entity_weight * overlap(&a.entities, &m.entities);
    if a.outlet.is_some() && a.outlet == m.outlet {
        score *= config.same_outlet_factor;
    }
    let gap = ta.abs_diff(tm) as f64;
    score * 0.5f64.powf(gap / config.half_life_secs)
}

/// Dot product of two unit vectors sorted by key.
pub(crate) fn cosine(a: &[(TermKey, f64)], b: &[(TermKey, f64)]) -> f64 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while let (Some(&(ta, wa)), Some(&(tb, wb))) = (a.get(i), b.get(j)) {
        match ta.cmp(&tb) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += wa * wb;
                i += 1;
                j += 1;
            }
        }
    }
    dot
}

/// The share of `a` (sorted keys) found in `b` (sorted keys).
fn overlap(a: &[TermKey], b: &[TermKey]) -> f64 {
    if a.is_empty() {
        return 0.0;
    }
    let held = a.iter().filter(|k| b.binary_search(k).is_ok()).count();
    held as f64 / a.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ArticleInput;

    fn setup(texts: &[(&str, &str)]) -> (ClusterConfig, Idf, Vec<Features>) {
        let c = ClusterConfig::default();
        let fs: Vec<Features> = texts
            .iter()
            .enumerate()
            .map(|(i, (t, x))| Features::new(&ArticleInput::new(i as i64, None, *t, *x), &c))
            .collect();
        let mut idf = Idf::default();
        for f in &fs {
            idf.add(&f.terms);
        }
        idf.maybe_refresh(0, &c);
        (c, idf, fs)
    }

    #[test]
    fn same_text_scores_one_and_decays_with_time() {
        let (c, idf, fs) = setup(&[("هبوط الذهب", "تراجع سعر الذهب إلى 1088 دولارا")]);
        let v = unit_vector(&fs[0], &idf);
        assert!((cosine(&v, &v) - 1.0).abs() < 1e-9);
        let now = score(&c, (&fs[0], &v, 0), (&fs[0], &v, 0));
        let later = score(&c, (&fs[0], &v, 0), (&fs[0], &v, c.half_life_secs as i64));
        assert!(now > 1.0, "numbers add to the cosine");
        assert!((later * 2.0 - now).abs() < 1e-9);
    }

    #[test]
    fn unrelated_texts_score_low() {
        let (c, idf, fs) = setup(&[
            ("هبوط الذهب", "تراجع سعر الذهب في الأسواق العالمية"),
            ("زلزال في اليابان", "ضرب زلزال قوي شمال اليابان"),
        ]);
        let (a, b) = (unit_vector(&fs[0], &idf), unit_vector(&fs[1], &idf));
        assert!(score(&c, (&fs[0], &a, 0), (&fs[1], &b, 0)) < 0.05);
    }

    #[test]
    fn empty_article_has_an_empty_vector() {
        let (_, idf, fs) = setup(&[("", "")]);
        assert!(unit_vector(&fs[0], &idf).is_empty());
        assert_eq!(overlap(&[], &[1]), 0.0);
        assert_eq!(overlap(&[1, 2], &[2]), 0.5);
    }
}
