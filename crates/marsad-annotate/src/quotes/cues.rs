//! Speech cues: verbs that introduce a statement (قال، أكد، أوضح، أضاف، أشار،
//! لفت، صرح، شدد، أعلن، اعتبر، رأى …), the participles that continue one
//! within a sentence (مضيفا، مشيرا، موضحا …), complementizers (إن، أن، بأن …),
//! and the adverbials that can stand between a cue and its content.

use crate::doc::{norm, without_conjunction, WordMap};

use std::sync::LazyLock;

/// What kind of cue a word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// A finite verb: قال، أكدت، يقول.
    Verb,
    /// A verb that mostly continues the previous speaker: أضاف، تابع، أردف.
    Continue,
    /// A participle continuing the same sentence's speaker: مضيفا، مشيرة.
    Participle,
    /// بيّن: a cue only right before a complementizer (else "between").
    Weak,
}

/// Speech verbs. Opinion verbs (يرى، رأى، توقع) are left out: the guidelines
/// do not count an opinion or a forecast as reported speech. قدّر stays: the
/// seeds' "وقدر الجنرال … أن هناك حوالي 1000" is a statement the issue counts.
const VERBS: &[&str] = &[
    "قال",
    "قالت",
    "قالوا",
    "قالا",
    "يقول",
    "تقول",
    "يقولون",
    "أكد",
    "أكدت",
    "أكدوا",
    "أكدا",
    "أكدتا",
    "يؤكد",
    "تؤكد",
    "أوضح",
    "أوضحت",
    "أوضحوا",
    "يوضح",
    "توضح",
    "أشار",
    "أشارت",
    "أشاروا",
    "يشير",
    "تشير",
    "لفت",
    "لفتت",
    "صرح",
    "صرحت",
    "يصرح",
    "شدد",
    "شددت",
    "يشدد",
    "أعلن",
    "أعلنت",
    "أعلنوا",
    "يعلن",
    "اعتبر",
    "اعتبرت",
    "يعتبر",
    "تعتبر",
    "ذكر",
    "ذكرت",
    "أفاد",
    "أفادت",
    "كشف",
    "كشفت",
    "نفى",
    "نفت",
    "حذر",
    "حذرت",
    "رجح",
    "رجحت",
    "قدر",
    "قدرت",
    "اعترف",
    "اعترفت",
    "زعم",
    "زعمت",
    "ادعى",
    "أبلغ",
    "أبلغت",
    "أقر",
    "أقرت",
    "طالب",
    "طالبت",
    "ختم",
    "اختتم",
    "أوضحا",
    "ذكرا",
    "أكدتا",
    "وصف",
    "وصفت",
    "أشارتا",
    "أعلنتا",
];

const CONTINUE: &[&str] = &[
    "أضاف",
    "أضافت",
    "أضافوا",
    "يضيف",
    "تضيف",
    "تابع",
    "تابعت",
    "أردف",
    "أردفت",
    "استطرد",
    "استطردت",
    "مضى",
];

const PARTICIPLES: &[&str] = &[
    "مضيفا",
    "مضيفة",
    "مضيفين",
    "مشيرا",
    "مشيرة",
    "مشيرين",
    "موضحا",
    "موضحة",
    "موضحين",
    "مؤكدا",
    "مؤكدة",
    "مؤكدين",
    "مشددا",
    "مشددة",
    "لافتا",
    "لافتة",
    "معتبرا",
    "معتبرة",
    "منوها",
    "منوهة",
    "متابعا",
    "متابعة",
    "مبينا",
    "مبينة",
    "معربا",
    "معربة",
    "محذرا",
    "محذرة",
    "قائلا",
    "قائلة",
    "كاشفا",
    "كاشفة",
    "مرجحا",
];

/// Words that open the content of an indirect quote.
const COMPLEMENTIZERS: &[&str] = &[
    "إن",
    "أن",
    "ان",
    "إنه",
    "أنه",
    "إنها",
    "أنها",
    "إنهم",
    "أنهم",
    "إنهما",
    "أنهما",
    "إننا",
    "أننا",
    "إنني",
    "أنني",
    "بأن",
    "بأنه",
    "بأنها",
    "بأنهم",
    "بأننا",
    "وإن",
    "وأن",
    "أنّ",
    "إنّ",
];

static CUES: LazyLock<WordMap<Cue>> = LazyLock::new(|| {
    let mut m = WordMap::default();
    for w in VERBS {
        m.insert(norm(w), Cue::Verb);
    }
    for w in CONTINUE {
        m.insert(norm(w), Cue::Continue);
    }
    for w in PARTICIPLES {
        m.insert(norm(w), Cue::Participle);
    }
    m.insert(norm("بين"), Cue::Weak);
    m.insert(norm("بيّن"), Cue::Weak);
    m
});

static COMPLEMENTIZER_WORDS: LazyLock<Vec<String>> =
    LazyLock::new(|| COMPLEMENTIZERS.iter().map(|w| norm(w)).collect());

/// The cue a normalized word is (a leading و/ف allowed) and whether it had one.
pub fn cue(word: &str) -> Option<(Cue, bool)> {
    if let Some(c) = CUES.get(word) {
        return Some((*c, false));
    }
    let bare = without_conjunction(word);
    // فيري، فترى: more often a name (لوك فيري) than ف + يرى.
    if word.starts_with('ف') && matches!(bare, "يري" | "تري") {
        return None;
    }
    if bare.len() != word.len() {
        return CUES.get(bare).map(|c| (*c, true));
    }
    None
}

/// Whether a normalized word is قائلا / قائلة (with و allowed): the participle
/// that introduces the words of the verb before it (أوضح X قائلا:).
pub fn is_saying_participle(word: &str) -> bool {
    matches!(without_conjunction(word), "قائلا" | "قائله" | "قائلين" | "قائلتا")
}

/// Whether a normalized word is a complementizer (إن، أن، بأن …).
pub fn is_complementizer(word: &str) -> bool {
    COMPLEMENTIZER_WORDS.iter().any(|c| c == word)
}

/// Prepositions that may stand between a cue verb and its complementizer: أشار إلى أن.
pub fn is_linking_preposition(word: &str) -> bool {
    matches!(word, "الي" | "علي" | "عن" | "في" | "من")
}
