//! Alignment of two token sequences into shared passages.
//!
//! Seeds are the word k-grams the two texts share (every k-gram of the second text is
//! looked up, not only its fingerprints: the fingerprint index only decides *which*
//! pairs are aligned, and the alignment itself must find the passages' true ends).
//! Each seed is extended forward word by word while the words agree, which gives a
//! maximal exact run; the scan then continues after the run, so the work is linear in
//! the text lengths (a k-gram repeated within one text keeps at most
//! `max_positions` positions). Runs that follow each other in both texts with at most
//! `max_gap` differing words between them (a changed word, an inserted agency line)
//! are merged into one passage. Passages with fewer than `min_words` matching words are
//! dropped: short formulas («وأضاف المتحدث», «وقال في بيان») are not reuse.

use marsad_model::Span;

use super::tokens::Token;
use super::PassageConfig;
use crate::shingle::shingle_stream;

/// A passage found in both texts: byte spans into each original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Passage {
    /// Span in the first text given to [`align`].
    pub a: Span,
    /// Span in the second text.
    pub b: Span,
    /// Words that match exactly (the merged runs, gaps excluded).
    pub words: u32,
}

/// An exact run: `len` words equal from word `i` of a and word `j` of b.
#[derive(Debug, Clone, Copy)]
struct Run {
    i: usize,
    j: usize,
    len: usize,
}

/// A text ready to be aligned with many others: its tokens, word hashes, k-grams, and
/// k-grams sorted by hash for lookup. Build it once per text, not once per pair.
#[derive(Debug, Clone)]
pub struct AlignText<'t> {
    tokens: &'t [Token],
    hashes: Vec<u64>,
    grams: Vec<u64>,
    /// (k-gram hash, position), sorted: one allocation, binary search.
    sorted: Vec<(u64, u32)>,
}

impl<'t> AlignText<'t> {
    /// Prepare `tokens` with the k-gram size of `config`.
    pub fn new(tokens: &'t [Token], config: &PassageConfig) -> Self {
        let hashes: Vec<u64> = tokens.iter().map(|t| t.hash).collect();
        let grams = shingle_stream(&hashes, config.shingle_size.max(1));
        let mut sorted: Vec<(u64, u32)> = grams
            .iter()
            .enumerate()
            .map(|(j, &g)| (g, u32::try_from(j).unwrap_or(u32::MAX)))
            .collect();
        sorted.sort_unstable();
        Self { tokens, hashes, grams, sorted }
    }
}

/// The passages `a` and `b` share, in the order of `a`.
pub fn align(a: &[Token], b: &[Token], config: &PassageConfig) -> Vec<Passage> {
    align_texts(&AlignText::new(a, config), &AlignText::new(b, config), config)
}

/// [`align`] on prepared texts (same k-gram size as `config`).
pub fn align_texts(a: &AlignText<'_>, b: &AlignText<'_>, config: &PassageConfig) -> Vec<Passage> {
    let k = config.shingle_size.max(1);
    if a.grams.is_empty() || b.grams.is_empty() {
        return Vec::new();
    }
    let runs =
        exact_runs(&a.hashes, &b.hashes, &a.grams, &b.sorted, k, config.max_positions.max(1));
    merge(&runs, config)
        .into_iter()
        .filter(|p| p.len >= config.min_words.max(k))
        .filter_map(|p| {
            let span = |t: &[Token], from: usize, to: usize| {
                Some(Span::new(
                    t.get(from)?.start as usize,
                    t.get(to.checked_sub(1)?)?.end as usize,
                ))
            };
            Some(Passage {
                a: span(a.tokens, p.i, p.i_end)?,
                b: span(b.tokens, p.j, p.j_end)?,
                words: u32::try_from(p.len).unwrap_or(u32::MAX),
            })
        })
        .collect()
}

/// Maximal exact runs of at least `k` words, scanning `a` left to right.
fn exact_runs(
    ha: &[u64],
    hb: &[u64],
    ga: &[u64],
    positions: &[(u64, u32)],
    k: usize,
    max_positions: usize,
) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < ga.len() {
        let mut best: Option<Run> = None;
        let from = positions.partition_point(|&(g, _)| g < ga[i]);
        let same = positions.get(from..).unwrap_or(&[]).iter().take_while(|&&(g, _)| g == ga[i]);
        for &(_, j) in same.take(max_positions) {
            let j = j as usize;
            let len = ha
                .get(i..)
                .unwrap_or(&[])
                .iter()
                .zip(hb.get(j..).unwrap_or(&[]))
                .take_while(|(x, y)| x == y)
                .count();
            // A hash collision between different k-grams gives len < k: no seed.
            if len >= k && best.is_none_or(|r| len > r.len) {
                best = Some(Run { i, j, len });
            }
        }
        match best {
            Some(run) => {
                runs.push(run);
                i += run.len;
            }
            None => i += 1,
        }
    }
    runs
}

/// A passage under construction: word ranges in both texts and matching words.
#[derive(Debug, Clone, Copy)]
struct Merged {
    i: usize,
    i_end: usize,
    j: usize,
    j_end: usize,
    len: usize,
}

/// Merge runs that follow each other in both texts with at most `max_gap` words between.
fn merge(runs: &[Run], config: &PassageConfig) -> Vec<Merged> {
    let mut out: Vec<Merged> = Vec::new();
    for run in runs {
        if let Some(last) = out.last_mut() {
            let follows_a = run.i >= last.i_end && run.i - last.i_end <= config.max_gap;
            let follows_b = run.j >= last.j_end && run.j - last.j_end <= config.max_gap;
            if follows_a && follows_b {
                last.i_end = run.i + run.len;
                last.j_end = run.j + run.len;
                last.len += run.len;
                continue;
            }
        }
        out.push(Merged {
            i: run.i,
            i_end: run.i + run.len,
            j: run.j,
            j_end: run.j + run.len,
            len: run.len,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::passage::tokens;

    const STATEMENT: &str =
        "أكدت وزارة الدفاع العراقية ونظيرتها الأميركية التزامهما بالتعاون الأمني \
        واهتمامهما المشترك بالاستقرار الإقليمي وبحث الجانبان كيفية تطور المهمة العسكرية للتحالف \
        وفق جدول زمني يتفق عليه الطرفان";

    #[test]
    fn finds_a_statement_inside_a_longer_report_with_spans_in_both() {
        let a = format!("قالت مصادر مطلعة اليوم في بغداد إن الاجتماع انتهى. {STATEMENT}. وختم التقرير بالحديث عن الطقس.");
        let b = format!("بيان مشترك: {STATEMENT}");
        let found = align(&tokens(&a), &tokens(&b), &PassageConfig::default());
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].a.slice(&a), STATEMENT);
        assert_eq!(found[0].b.slice(&b), STATEMENT);
    }

    #[test]
    fn a_changed_word_does_not_split_the_passage() {
        let edited = STATEMENT.replace("الإقليمي", "في المنطقة");
        let found = align(&tokens(STATEMENT), &tokens(&edited), &PassageConfig::default());
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].a.slice(STATEMENT), STATEMENT);
    }

    #[test]
    fn short_formulas_are_not_passages() {
        let a = "وأضاف المتحدث الرسمي أن الوزارة تتابع الوضع في المدينة عن كثب";
        let b = "وأضاف المتحدث الرسمي أن الفريق فاز بالمباراة أمس في الملعب الكبير";
        assert!(align(&tokens(a), &tokens(b), &PassageConfig::default()).is_empty());
        assert!(align(&tokens(""), &tokens(b), &PassageConfig::default()).is_empty());
    }
}
