//! Number words: cardinals (واحد … تسعون), hundreds (مئة، مائتان، ثلاثمئة),
//! scales (ألف، مليون، مليار with duals and plurals), vague plurals (عشرات،
//! مئات، آلاف، ملايين) and fractions (نصف، ثلث، ربع), and the parser that
//! joins them (خمسة وعشرين، ثلاثة آلاف، مليون ونصف).

use crate::doc::{norm, without_particles, Doc, WordMap};

use std::sync::LazyLock;

/// What one number word contributes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Word {
    /// An addend below 100 (and fractions): خمسة، عشرين، نصف.
    Small(f64),
    /// A hundreds word: مئة (100), مئتين (200), ثلاثمئة (300).
    Hundred(f64),
    /// A scale: ألف، مليون، مليار. `plural` for آلاف، ملايين، مليارات.
    Scale { value: f64, plural: bool },
    /// A dual of a scale (ألفين، مليونين): 2 × scale.
    Dual(f64),
    /// A vague plural (عشرات، مئات): "tens of", an approximate lower bound.
    Vague(f64),
}

const SMALL: &[(&str, f64)] = &[
    ("واحد", 1.0),
    ("واحدة", 1.0),
    ("أحد", 1.0),
    ("إحدى", 1.0),
    ("اثنان", 2.0),
    ("اثنين", 2.0),
    ("اثنتان", 2.0),
    ("اثنتين", 2.0),
    ("اثنا", 2.0),
    ("اثنتا", 2.0),
    ("ثلاث", 3.0),
    ("ثلاثة", 3.0),
    ("أربع", 4.0),
    ("أربعة", 4.0),
    ("خمس", 5.0),
    ("خمسة", 5.0),
    ("ست", 6.0),
    ("ستة", 6.0),
    ("سبع", 7.0),
    ("سبعة", 7.0),
    ("ثمان", 8.0),
    ("ثماني", 8.0),
    ("ثمانية", 8.0),
    ("تسع", 9.0),
    ("تسعة", 9.0),
    ("عشر", 10.0),
    ("عشرة", 10.0),
    ("عشرون", 20.0),
    ("عشرين", 20.0),
    ("ثلاثون", 30.0),
    ("ثلاثين", 30.0),
    ("أربعون", 40.0),
    ("أربعين", 40.0),
    ("خمسون", 50.0),
    ("خمسين", 50.0),
    ("ستون", 60.0),
    ("ستين", 60.0),
    ("سبعون", 70.0),
    ("سبعين", 70.0),
    ("ثمانون", 80.0),
    ("ثمانين", 80.0),
    ("تسعون", 90.0),
    ("تسعين", 90.0),
    ("نصف", 0.5),
    ("ثلث", 1.0 / 3.0),
    ("ربع", 0.25),
    ("ثلثي", 2.0 / 3.0),
    ("ثلثا", 2.0 / 3.0),
];

const HUNDREDS: &[(&str, f64)] = &[
    ("مئة", 100.0),
    ("مائة", 100.0),
    ("مئتان", 200.0),
    ("مئتين", 200.0),
    ("مائتان", 200.0),
    ("مائتين", 200.0),
    ("ثلاثمئة", 300.0),
    ("ثلاثمائة", 300.0),
    ("أربعمئة", 400.0),
    ("أربعمائة", 400.0),
    ("خمسمئة", 500.0),
    ("خمسمائة", 500.0),
    ("ستمئة", 600.0),
    ("ستمائة", 600.0),
    ("سبعمئة", 700.0),
    ("سبعمائة", 700.0),
    ("ثمانمئة", 800.0),
    ("ثمانمائة", 800.0),
    ("ثمانيمئة", 800.0),
    ("تسعمئة", 900.0),
    ("تسعمائة", 900.0),
];

const SCALES: &[(&str, f64, bool)] = &[
    ("ألف", 1e3, false),
    ("ألفا", 1e3, false),
    ("آلاف", 1e3, true),
    ("الاف", 1e3, true),
    ("مليون", 1e6, false),
    ("مليونا", 1e6, false),
    ("ملايين", 1e6, true),
    ("مليار", 1e9, false),
    ("مليارا", 1e9, false),
    ("مليارات", 1e9, true),
    ("بليون", 1e9, false),
    ("بلايين", 1e9, true),
    ("تريليون", 1e12, false),
    ("ترليون", 1e12, false),
];

const DUALS: &[(&str, f64)] = &[
    ("ألفين", 2e3),
    ("ألفان", 2e3),
    ("مليونين", 2e6),
    ("مليونان", 2e6),
    ("مليارين", 2e9),
    ("ملياران", 2e9),
];

const VAGUE: &[(&str, f64)] = &[("عشرات", 10.0), ("مئات", 100.0), ("مئآت", 100.0)];

/// Words that are numbers but too ambiguous to stand alone (أحد "one of",
/// ست "lady", عشر, ربع "quarter" of an hour …): they count only inside a compound.
const NOT_ALONE: &[&str] = &[
    "واحد",
    "واحدة",
    "أحد",
    "إحدى",
    "ست",
    "سبع",
    "عشر",
    "ربع",
    "ثلث",
    "نصف",
    "ثمان",
    "اثنا",
    "اثنتا",
];

static LEXICON: LazyLock<WordMap<Word>> = LazyLock::new(|| {
    let mut m = WordMap::default();
    for &(w, v) in SMALL {
        m.insert(norm(w), Word::Small(v));
    }
    for &(w, v) in HUNDREDS {
        m.insert(norm(w), Word::Hundred(v));
    }
    for &(w, v, plural) in SCALES {
        m.insert(norm(w), Word::Scale { value: v, plural });
    }
    for &(w, v) in DUALS {
        m.insert(norm(w), Word::Dual(v));
    }
    for &(w, v) in VAGUE {
        m.insert(norm(w), Word::Vague(v));
    }
    m
});

static NOT_ALONE_SET: LazyLock<Vec<String>> =
    LazyLock::new(|| NOT_ALONE.iter().map(|w| norm(w)).collect());

/// The number word a normalized word is, if any (no prefix stripping).
pub fn lookup(word: &str) -> Option<Word> {
    LEXICON.get(word).copied()
}

/// A scale word (ألف، مليون …) as a multiplier for a number written in digits.
pub fn scale(word: &str) -> Option<f64> {
    match lookup(word)? {
        Word::Scale { value, .. } => Some(value),
        _ => None,
    }
}

/// A number written in words: value, index after the last word, whether it
/// is vague (عشرات، آلاف alone), and the scale of its last word (ألف، مليون).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Parsed {
    pub value: f64,
    pub end: usize,
    pub vague: bool,
    pub scale: Option<f64>,
}

/// A number written in words starting at token `i`. Two units joined by و
/// (ثلاثة وأربعة ملايين) are two numbers, not a sum: parsing stops before the
/// second, and the range logic reads it.
pub fn parse(doc: &Doc, i: usize) -> Option<Parsed> {
    let first = doc.norm(i);
    let first_word = lookup(first).or_else(|| lookup(without_particles(first)))?;
    let (mut total, mut current, mut vague) = (0.0f64, 0.0f64, false);
    let mut j = i;
    let mut word = first_word;
    let mut words = 0;
    let mut scale;
    loop {
        scale = None;
        match word {
            Word::Small(v) => current += v,
            Word::Hundred(v) => {
                if v == 100.0 && current > 0.0 && current < 10.0 {
                    current *= 100.0;
                } else {
                    current += v;
                }
            }
            Word::Scale { value, plural } => {
                if current == 0.0 {
                    current = 1.0;
                    vague |= plural && words == 0;
                }
                total += current * value;
                current = 0.0;
                scale = Some(value);
            }
            Word::Dual(v) => total += v,
            Word::Vague(v) => {
                current += v;
                vague = true;
            }
        }
        words += 1;
        j += 1;
        // A following word joins directly (a scale, a hundred, the عشر of a teen,
        // نصف after a scale) or with و.
        let next = doc.norm(j);
        if !doc.is_word(j) || !doc.same_line(j - 1, j) {
            break;
        }
        let direct = lookup(next).filter(|w| match w {
            Word::Scale { .. } => current > 0.0 || total == 0.0,
            Word::Hundred(v) => *v == 100.0 && current > 0.0 && current < 10.0,
            Word::Small(v) => *v == 10.0 && current > 0.0 && current < 10.0,
            _ => false,
        });
        let unit = |w: &Word| matches!(w, Word::Small(v) if *v < 10.0);
        let joined = next
            .strip_prefix('و')
            .and_then(lookup)
            .filter(|w| !matches!(w, Word::Vague(_)))
            .filter(|w| !(unit(w) && unit(&word) && current > 0.0 && current < 10.0));
        match direct.or(joined) {
            Some(w) => word = w,
            None => break,
        }
    }
    if words == 1
        && NOT_ALONE_SET.iter().any(|w| w == without_particles(first) || w == first)
        && !before_counted_plural(doc, i)
    {
        return None;
    }
    Some(Parsed { value: total + current, end: j, vague, scale })
}

/// Whether ست / سبع / عشر at `i` stands before an indefinite noun (سبع
/// تخصصات، عشر مرات): then it is the number, not "lady", "lion" or a teen's part.
fn before_counted_plural(doc: &Doc, i: usize) -> bool {
    let bare = without_particles(doc.norm(i));
    let next = doc.norm(i + 1);
    matches!(bare, "ست" | "سبع" | "عشر")
        && doc.is_word(i + 1)
        && doc.same_line(i, i + 1)
        && !next.starts_with("ال")
        && !marsad_text::is_stopword(next)
        && lookup(next).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str) -> Option<f64> {
        let doc = Doc::new(text);
        parse(&doc, 0).map(|p| p.value)
    }

    #[test]
    fn compounds() {
        assert_eq!(value("خمسة وعشرين"), Some(25.0));
        assert_eq!(value("ثلاثة آلاف"), Some(3000.0));
        assert_eq!(value("خمسة عشر"), Some(15.0));
        assert_eq!(value("ثلاث مئة وخمسين ألفا"), Some(350_000.0));
        assert_eq!(value("مليون وخمسمئة ألف"), Some(1_500_000.0));
        assert_eq!(value("ألفين"), Some(2000.0));
        assert_eq!(value("نصف مليون"), Some(500_000.0));
        assert_eq!(value("عشرات"), Some(10.0));
        assert_eq!(value("بألف"), Some(1000.0));
        assert_eq!(value("ثلاثة وأربعة ملايين"), Some(3.0));
        assert_eq!(value("أحد"), None);
        assert_eq!(value("كتاب"), None);
    }
}
