//! Units and counted nouns after a number (كيلومتر مربع، دولار، بالمئة، جندي …),
//! normalised to a short label, and the approximation phrases before it
//! (نحو، حوالي، قرابة، أكثر من، ما يزيد على …).

use crate::doc::{norm, without_conjunction, Doc, WordMap};

use std::sync::LazyLock;

/// Word forms (singular, accusative, plural) → unit label.
const UNITS: &[(&str, &[&str])] = &[
    ("percent", &["بالمئة", "بالمائة", "بالمية", "المئة", "المائة", "مئوية"]),
    ("km", &["كيلومتر", "كيلومترا", "كيلومترات", "كيلو", "كلم", "كم"]),
    ("m", &["متر", "مترا", "أمتار", "مترات", "م"]),
    ("kg", &["كيلوغرام", "كيلوغراما", "كيلوجرام", "كغ", "كجم"]),
    ("tonne", &["طن", "طنا", "أطنان"]),
    ("barrel", &["برميل", "برميلا", "براميل"]),
    ("hectare", &["هكتار", "هكتارا", "هكتارات", "هيكتار", "هيكتارا"]),
    ("mm", &["ملليمتر", "مليمتر", "ملم", "ملليمترا", "مليمترا"]),
    ("cm", &["سنتيمتر", "سنتيمترا", "سم"]),
    ("litre", &["لتر", "لترا", "لترات"]),
    ("megawatt", &["ميغاواط", "ميجاوات", "ميغاوات"]),
    ("USD", &["دولار", "دولارا", "دولارات"]),
    ("SAR", &["ريال", "ريالا", "ريالات"]),
    ("EUR", &["يورو"]),
    ("GBP", &["إسترليني", "استرليني"]),
    ("dinar", &["دينار", "دينارا", "دنانير"]),
    ("dirham", &["درهم", "درهما", "دراهم"]),
    ("pound", &["جنيه", "جنيها", "جنيهات"]),
    ("lira", &["ليرة", "ليرات"]),
    ("soldier", &["جندي", "جنديا", "جنود", "عسكري", "عسكريا", "عسكريين"]),
    ("fighter", &["مقاتل", "مقاتلا", "مقاتلين", "مقاتلون"]),
    ("militant", &["مسلح", "مسلحا", "مسلحين", "مسلحون", "إرهابي", "إرهابيا", "إرهابيين"]),
    (
        "person",
        &["شخص", "شخصا", "أشخاص", "نسمة", "فرد", "فردا", "أفراد", "مواطن", "مواطنا", "مواطنين"],
    ),
    ("killed", &["قتيل", "قتيلا", "قتلى"]),
    ("injured", &["جريح", "جريحا", "جرحى", "مصاب", "مصابا", "مصابين"]),
    ("dead", &["وفاة", "وفيات", "حالة وفاة"]),
    ("bank", &["مصرف", "مصرفا", "مصارف", "بنك", "بنكا", "بنوك"]),
    ("attack", &["هجوم", "هجوما", "هجمات"]),
    ("day", &["يوم", "يوما", "أيام"]),
    ("week", &["أسبوع", "أسبوعا", "أسابيع"]),
    ("month", &["شهر", "شهرا", "أشهر", "شهور"]),
    ("year", &["عام", "عاما", "أعوام", "سنة", "سنوات", "سنين"]),
    ("hour", &["ساعة", "ساعات"]),
    ("minute", &["دقيقة", "دقائق"]),
    ("degree", &["درجة", "درجات"]),
    ("child", &["طفل", "طفلا", "أطفال"]),
    ("woman", &["امرأة", "نساء", "سيدة"]),
    ("refugee", &["لاجئ", "لاجئا", "لاجئين"]),
    ("student", &["طالب", "طالبا", "طلاب", "طالبة", "طالبات"]),
    ("country", &["دولة", "دول", "بلدا", "بلدان"]),
    ("vehicle", &["سيارة", "سيارات", "مركبة", "مركبات"]),
    ("aircraft", &["طائرة", "طائرات"]),
    ("missile", &["صاروخ", "صاروخا", "صواريخ"]),
    ("pilgrim", &["حاج", "حاجا", "حجاج"]),
];

/// Words after a unit that make it square (كيلومتر مربع).
const SQUARE: &[&str] = &["مربع", "مربعا", "مربعة"];

/// Approximation phrases, as word sequences ending just before the number.
const APPROX: &[&str] = &[
    "نحو",
    "حوالي",
    "حوالى",
    "قرابة",
    "زهاء",
    "تقريبا",
    "أكثر من",
    "أقل من",
    "ما يزيد على",
    "ما يزيد عن",
    "ما يقارب",
    "ما يقارب من",
    "ما يقرب من",
    "يقارب",
    "يناهز",
    "ما يناهز",
    "ما لا يقل عن",
    "لا يقل عن",
    "أزيد من",
    "ما يربو على",
    "أكثر من نحو",
    "نحو من",
    "ما يفوق",
    "يفوق",
    "أقل من نحو",
    "ما يصل إلى",
    "يصل إلى",
];

static UNIT_WORDS: LazyLock<WordMap<&'static str>> = LazyLock::new(|| {
    let mut m = WordMap::default();
    for &(label, forms) in UNITS {
        for f in forms {
            m.insert(norm(f), label);
        }
    }
    m
});

static CUBIC_WORDS: LazyLock<Vec<String>> =
    LazyLock::new(|| ["مكعب", "مكعبا", "مكعبة"].iter().map(|w| norm(w)).collect());

static SQUARE_WORDS: LazyLock<Vec<String>> =
    LazyLock::new(|| SQUARE.iter().map(|w| norm(w)).collect());

static APPROX_PHRASES: LazyLock<Vec<Vec<String>>> = LazyLock::new(|| {
    let mut v: Vec<Vec<String>> =
        APPROX.iter().map(|p| p.split_whitespace().map(norm).collect()).collect();
    // Longest first, so "ما يقارب من" wins over "من"-less forms.
    v.sort_by_key(|p| std::cmp::Reverse(p.len()));
    v
});

/// A unit found after a number: label and the index after its last token.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    pub label: String,
    pub end: usize,
    /// From the unit lexicon (not a counted noun taken as it is).
    pub known: bool,
}

fn unit_word(word: &str) -> Option<&'static str> {
    UNIT_WORDS.get(word).copied()
}

/// The unit starting at token `j` (the token after a number), if any.
pub fn unit_at(doc: &Doc, j: usize) -> Option<Unit> {
    if doc.is_punct(j, &['%', '٪']) && doc.same_line(j.saturating_sub(1), j) {
        return Some(Unit { label: "percent".into(), end: j + 1, known: true });
    }
    if !doc.is_word(j) || !doc.same_line(j.saturating_sub(1), j) {
        return None;
    }
    let w = doc.norm(j);
    // في المئة / في المائة
    if w == "في" {
        return unit_word(doc.norm(j + 1)).filter(|l| *l == "percent").map(|l| Unit {
            label: l.into(),
            end: j + 2,
            known: true,
        });
    }
    if let Some(label) = unit_word(w) {
        let square = SQUARE_WORDS.iter().any(|s| s == doc.norm(j + 1));
        return Some(match (label, square) {
            ("km", true) => Unit { label: "km2".into(), end: j + 2, known: true },
            ("m", true) => Unit { label: "m2".into(), end: j + 2, known: true },
            ("m", false) if CUBIC_WORDS.iter().any(|c| c == doc.norm(j + 1)) => {
                Unit { label: "m3".into(), end: j + 2, known: true }
            }
            _ => Unit { label: label.into(), end: j + 1, known: true },
        });
    }
    // A counted noun: "1000 من أنصار داعش" or "4.5 مليون عراقي".
    let (noun_at, w) =
        if w == "من" && doc.is_word(j + 1) { (j + 1, doc.norm(j + 1)) } else { (j, w) };
    let without_article = w.strip_prefix("ال").filter(|r| r.chars().nth(1).is_some()).unwrap_or(w);
    if let Some(label) = unit_word(w).or_else(|| unit_word(without_article)) {
        return Some(Unit { label: label.into(), end: noun_at + 1, known: true });
    }
    if is_counted_noun(w) {
        return Some(Unit { label: w.to_owned(), end: noun_at + 1, known: false });
    }
    None
}

/// Words that cannot be the counted noun after a number: function words,
/// months, date words and number words.
fn is_counted_noun(w: &str) -> bool {
    w.chars().nth(1).is_some()
        && !marsad_text::is_stopword(w)
        && !marsad_text::is_stopword(without_conjunction(w))
        && !w.starts_with('و')
        && super::words::lookup(w).is_none()
        && !crate::dates::is_date_word(w)
        && !NOT_COUNTED.contains(&w)
}

/// Words that follow numbers without being what is counted ("مرة" as in "مرة
/// أخرى"; the plural "ثلاث مرات" is a count the guidelines label).
const NOT_COUNTED: &[&str] =
    &["اخرين", "اخري", "اخر", "اخرون", "فقط", "تقريبا", "مره", "الف", "بينما", "حاليا"];

/// The approximation phrase ending just before token `i`: its first token.
pub fn approx_before(doc: &Doc, i: usize) -> Option<usize> {
    APPROX_PHRASES.iter().find_map(|phrase| {
        let n = phrase.len();
        let start = i.checked_sub(n)?;
        let ok = phrase.iter().enumerate().all(|(k, p)| {
            let t = doc.norm(start + k);
            t == p || (k == 0 && (without_conjunction(t) == p || t.strip_prefix('ب') == Some(p)))
        });
        (ok && doc.is_word(start)).then_some(start)
    })
}

/// Whether token `j` is "تقريبا" (approximately) after a quantity.
pub fn approx_after(doc: &Doc, j: usize) -> bool {
    doc.norm(j) == "تقريبا" && doc.same_line(j.saturating_sub(1), j)
}
