//! Transliteration-aware name keys: a foreign name written in Arabic varies by
//! outlet in its vowel letters (ماكفارلين / ماكفرلين), doubled letters, and letters
//! that render one sound (ق/ك, ت/ط, س/ص/ث, ز/ذ/ظ, غ/ج for a hard g, د/ض). The
//! skeleton drops the long-vowel letters after the first letter, folds those
//! alternations and collapses doubles; [`similar_words`] then allows one edit on
//! long skeletons (والاندر / واندر).

/// The skeleton of one word: normalized, article dropped, vowel letters after the
/// first letter dropped, alternating letters folded, doubled letters collapsed.
///
/// ```
/// use marsad_annotate::entities::skeleton;
/// assert_eq!(skeleton("ماكفارلين"), skeleton("ماكفرلين"));
/// assert_eq!(skeleton("سترول"), skeleton("ستراول"));
/// assert_eq!(skeleton("البنتاغون"), skeleton("البنتاجون"));
/// assert_ne!(skeleton("أوستن"), skeleton("العباسي"));
/// ```
pub fn skeleton(word: &str) -> String {
    let norm = marsad_text::normalize_str(word);
    let base = match norm.strip_prefix("ال") {
        Some(rest) if rest.chars().count() >= 3 => rest,
        _ => norm.as_str(),
    };
    let mut out = String::with_capacity(base.len());
    let mut last: Option<char> = None;
    for (i, c) in base.chars().enumerate() {
        let folded = match c {
            'ا' | 'و' | 'ي' | 'ى' | 'ء' | 'ئ' | 'ؤ' if i > 0 => continue,
            'ق' => 'ك',
            'ط' => 'ت',
            'ص' | 'ث' => 'س',
            'ذ' | 'ظ' => 'ز',
            'غ' => 'ج',
            'ض' => 'د',
            'ة' => 'ه',
            _ => c,
        };
        if last == Some(folded) {
            continue;
        }
        out.push(folded);
        last = Some(folded);
    }
    out
}

/// The key of a whole name for places, organisations and misc: each word's key
/// (normalized, clitics and article stripped, so للعراق = العراق), space-joined. No
/// vowel dropping here: short place names would collide (سوريا / سويسرا).
pub fn name_key(name: &str) -> String {
    let words: Vec<String> = name
        .split_whitespace()
        .map(super::lexicon::word_key)
        .filter(|k| k.chars().any(char::is_alphanumeric))
        .collect();
    words.join(" ")
}

/// Levenshtein distance over chars, stopping early above `limit`.
fn edit_distance(a: &str, b: &str, limit: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Whether two skeletons name the same word: equal, or one edit apart when both
/// have at least four letters.
pub fn similar_skeletons(a: &str, b: &str) -> bool {
    a == b || (a.chars().count() >= 4 && b.chars().count() >= 4 && edit_distance(a, b, 1) <= 1)
}

/// Whether two words are spelling variants of one name.
pub fn similar_words(a: &str, b: &str) -> bool {
    similar_skeletons(&skeleton(a), &skeleton(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_from_the_seeds() {
        assert!(similar_words("والاندر", "واندر"));
        assert!(similar_words("سترول", "ستراول"));
        assert!(similar_words("ماكفارلين", "ماكفرلين"));
        assert!(similar_words("رومانوسكي", "رومانوفسكي"));
        assert!(!similar_words("العباسي", "السوداني"));
        assert!(!similar_words("بايدن", "أوستن"));
        assert_eq!(edit_distance("abc", "abd", 3), 1);
        assert_eq!(skeleton(""), "");
    }
}
