//! Titles and roles (وزير، سفيرة، المتحدث، الجنرال …), the words that make a
//! phrase a title rather than a name, and the title → person pairs an article
//! states ("وزير الدفاع الأمريكي لويد أوستن", "ألينا رومانوفسكي، سفيرة …") that
//! resolve a later "الوزير الأمريكي" to the person holding the title.

use crate::doc::{Doc, WordSet};
use marsad_model::Span;
use marsad_text::TokenKind;
use std::sync::LazyLock;

const TITLES: &str = include_str!("titles.txt");

/// Organisation-like heads: a speaker phrase starting with one is not a person.
const ORG_HEADS: &str = include_str!("groups.txt");

/// Words a title phrase may carry before the name: prepositions and qualifiers.
const TITLE_LINKS: &str = include_str!("title_links.txt");

/// Words that end a name (adverbials after a speaker: خلال، في، قبيل …).
const NAME_STOPS: &str = include_str!("name_stops.txt");

fn set(words: &str) -> WordSet {
    crate::doc::word_set(words)
}

static TITLE_SET: LazyLock<WordSet> = LazyLock::new(|| set(TITLES));
static ORG_SET: LazyLock<WordSet> = LazyLock::new(|| set(ORG_HEADS));
static LINK_SET: LazyLock<WordSet> = LazyLock::new(|| set(TITLE_LINKS));
static STOP_SET: LazyLock<WordSet> = LazyLock::new(|| set(NAME_STOPS));
static L_NAME_SET: LazyLock<WordSet> = LazyLock::new(|| set(L_NAMES));
static W_NAME_SET: LazyLock<WordSet> = LazyLock::new(|| set(W_NAMES));

/// A title's key form: no و, no article, no feminine ه, امريكي = اميركي.
pub fn key(word: &str) -> String {
    let w = if is_title_exact(word) { word } else { crate::doc::without_conjunction(word) };
    let w = w.strip_prefix("ال").filter(|r| r.chars().nth(1).is_some()).unwrap_or(w);
    let w = w.strip_suffix('ه').filter(|r| r.chars().nth(1).is_some()).unwrap_or(w);
    w.replace("اميرك", "امريك")
}

/// Whether a normalized word is a title (وزير، الوزيرة، والسفير …).
pub fn is_title(word: &str) -> bool {
    if is_title_exact(word) {
        return true;
    }
    let w = crate::doc::without_conjunction(word);
    TITLE_SET.contains(w) || TITLE_SET.contains(w.strip_prefix("ال").unwrap_or(w)) || {
        let b = w.strip_prefix('ب').or_else(|| w.strip_prefix('ل')).unwrap_or(w);
        b != w && (TITLE_SET.contains(b) || TITLE_SET.contains(b.strip_prefix("ال").unwrap_or(b)))
    }
}

fn is_title_exact(word: &str) -> bool {
    TITLE_SET.contains(word) || TITLE_SET.contains(word.strip_prefix("ال").unwrap_or(word))
}

/// Whether a normalized word heads an organisation or a group, not a person.
pub fn is_org_head(word: &str) -> bool {
    ORG_SET.contains(word) || ORG_SET.contains(crate::doc::without_conjunction(word))
}

fn is_link(word: &str) -> bool {
    LINK_SET.contains(word)
}

/// Whether a normalized word ends a name.
pub fn is_name_stop(word: &str) -> bool {
    STOP_SET.contains(word)
        || marsad_text::is_stopword(word)
        || super::cues::cue(word).is_some()
        || is_title(word)
        || word.starts_with("لل")
        || word.starts_with("بال")
        || word.starts_with("بم") && word.chars().count() > 4
        || word.starts_with('ل') && word.chars().count() > 3 && !L_NAME_SET.contains(word)
        || crate::dates::is_date_word(word)
}

/// First names that start with ل, so are not ل + noun.
const L_NAMES: &str = include_str!("names_l.txt");

/// Whether token `k` is an article word ending in ة (الباحثة، المتحدثة): a
/// descriptor after a name, not a family name (العباسي، الشريف).
fn feminine_descriptor(doc: &Doc, k: usize) -> bool {
    doc.tokens.get(k).is_some_and(|t| {
        let raw = doc.slice(t.span);
        raw.starts_with("ال") && raw.ends_with('ة')
    })
}

/// Whether token `k` is the name علي (written with ي), not the preposition على
/// (which normalizes to the same letters).
fn is_first_name_ali(doc: &Doc, k: usize) -> bool {
    doc.tokens.get(k).is_some_and(|t| doc.slice(t.span) == "علي")
}

/// Whether a word inside a name (not its first) is و + word: it ends the name.
fn conjoined(word: &str) -> bool {
    word.starts_with('و') && word.chars().count() > 3 && !W_NAME_SET.contains(word)
}

/// First names that start with و, so are not و + word.
const W_NAMES: &str = include_str!("names_w.txt");

/// Whether token `k` is ل + noun inside a title (الناطق الإعلامي لجوازات
/// الجوف، مساعد الوزير لشؤون …): a word after it, and not a first name.
fn is_genitive_l(doc: &Doc, k: usize, limit: usize) -> bool {
    let w = doc.norm(k);
    w.starts_with('ل')
        && w.chars().count() > 3
        && k + 1 < limit
        && doc.is_word(k + 1)
        && !L_NAME_SET.contains(w)
}

/// A title phrase and the name after it, as token ranges `[a, b)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TitleName {
    pub title: Option<(usize, usize)>,
    pub name: Option<(usize, usize)>,
}

/// Read a title phrase then a name from token `a`, not past `limit`.
///
/// The title phrase is title words plus what qualifies them (words with the
/// article, prepositions like في/باسم, ب/ل + article: لشؤون، بالجيش); the
/// name is the run of up to four words after it that are not stops (initials
/// like "ج." included). With no title, the name starts at `a`.
pub fn title_then_name(doc: &Doc, a: usize, limit: usize, allow_comma: bool) -> TitleName {
    let mut k = a;
    let mut out = TitleName::default();
    // A descriptor with the article before a bare name works as a title:
    // "الطالب جمال", "المحاسب الخمسيني ماجد عمران" (but "الكاظمي" is a name).
    // The article is checked as written: ألينا is a name, not ال + ينا.
    let article = |j: usize| doc.tokens.get(j).is_some_and(|t| doc.slice(t.span).starts_with("ال"));
    let descriptor = k < limit && doc.is_word(k) && article(k) && !is_org_head(doc.norm(k)) && {
        let mut j = k;
        while j < limit && doc.is_word(j) && article(j) && !is_name_stop(doc.norm(j)) && j < k + 3 {
            j += 1;
        }
        j > k
            && j < limit
            && doc.is_word(j)
            && !doc.norm(j).starts_with("ال")
            && !is_name_stop(doc.norm(j))
            && !is_org_head(doc.norm(j))
            && !conjoined(doc.norm(j))
    };
    if k < limit && doc.is_word(k) && (is_title(doc.norm(k)) || descriptor) {
        k += 1;
        while k < limit {
            let w = doc.norm(k);
            // The point of an abbreviated title: "د. رنا".
            if doc.is_punct(k, &['.']) && doc.norm(k - 1).chars().count() == 1 {
                k += 1;
                continue;
            }
            // "التي/الذي" start with ال but end the title: "… الخارجية إلى الجهود التي تقوم".
            let relative = matches!(w, "التي" | "الذي" | "الذين" | "اللتين" | "اللذين" | "اللاتي");
            let qualifies = doc.is_word(k)
                && !relative
                && (is_title(w)
                    || w.starts_with("ال")
                    || w.starts_with("بال")
                    || w.starts_with("لل")
                    || is_genitive_l(doc, k, limit)
                    || is_org_head(w)
                    || is_link(w));
            if !qualifies {
                break;
            }
            // A link word takes the next word along: "باسم دار النشر", "في العراق".
            if is_link(w) && doc.is_word(k + 1) && k + 1 < limit {
                k += 1;
                // An organisation takes its genitive too: "في إدارة بايدن".
                if is_org_head(doc.norm(k)) && doc.is_word(k + 1) && k + 1 < limit {
                    k += 1;
                }
            }
            // An organisation in a title takes its genitive: "رئيس نادي الباحة".
            if is_org_head(w) && !w.starts_with("ال") && doc.is_word(k + 1) && k + 1 < limit {
                k += 1;
            }
            // ل + noun takes its genitive along: "لأمانة جازان", "لجوازات منطقة الجوف".
            if is_genitive_l(doc, k, limit)
                && doc.is_word(k + 1)
                && !doc.norm(k + 1).starts_with("ال")
            {
                k += 1;
            }
            k += 1;
        }
        out.title = Some((a, k));
        if allow_comma && doc.is_punct(k, &['،', ',']) {
            k += 1;
        }
    }
    let start = k;
    let mut words = 0;
    while k < limit && words < 4 {
        let t = match doc.tokens.get(k) {
            Some(t) => t,
            None => break,
        };
        // After بن / عبد / أبو any word belongs to the name ("وليد بن علي الجلال").
        let bound =
            words > 0 && matches!(doc.norm(k - 1), "بن" | "ابن" | "بنت" | "عبد" | "ابو" | "ابي");
        match t.kind {
            TokenKind::Word
                if bound
                    || is_first_name_ali(doc, k)
                    || !(is_name_stop(&t.norm)
                        || words == 0 && is_org_head(&t.norm)
                        || conjoined(&t.norm)
                        || pronoun_suffixed(doc, k, k + 1) && t.norm != "الله"
                        || words > 0 && feminine_descriptor(doc, k)) =>
            {
                // A name does not start with the article unless nothing titled it (الكاظمي).
                if words == 0 && out.title.is_some() && t.norm.starts_with("ال") {
                    break;
                }
                words += 1;
                k += 1;
            }
            TokenKind::Latin if words < 4 => {
                words += 1;
                k += 1;
            }
            // Initials: "ج." inside a name.
            TokenKind::Punct
                if t.norm == "." && words > 0 && k > 0 && doc.norm(k - 1).chars().count() == 1 =>
            {
                k += 1
            }
            _ => break,
        }
    }
    let after_place = start > a && matches!(doc.norm(start - 1), "في" | "لدي");
    if k > start && !after_place && !pronoun_suffixed(doc, start, k) {
        out.name = Some((start, k));
    }
    out
}

/// Whether tokens `[a, b)` are one word ending in an attached pronoun (رأيه،
/// موقفها): a noun, not a name. The ending is checked in the original text,
/// where ة (a name's ending: حمزة) is still distinct from ه.
pub fn pronoun_suffixed(doc: &Doc, a: usize, b: usize) -> bool {
    b == a + 1
        && doc.tokens.get(a).is_some_and(|t| {
            let raw = doc.slice(t.span);
            raw.ends_with('ه') || raw.ends_with("ها") || raw.ends_with("هم")
        })
}

/// A title → person pair stated in the article.
#[derive(Debug, Clone, PartialEq)]
pub struct Holder {
    /// Key forms of the title phrase's words.
    pub keys: Vec<String>,
    pub name: Span,
    /// Canonical name (the entity's, or the name as written).
    pub entity: String,
    /// Byte offset where the pair was stated.
    pub at: usize,
}

/// Key forms of the words in a token range.
pub fn keys(doc: &Doc, (a, b): (usize, usize)) -> Vec<String> {
    (a..b).filter(|&k| doc.is_word(k)).map(|k| key(doc.norm(k))).collect()
}

/// Every "title name" and "name، title" pair in the article.
pub fn holders(doc: &Doc) -> Vec<Holder> {
    let mut out = Vec::new();
    let n = doc.tokens.len();
    for i in 0..n {
        if !doc.is_word(i) || !is_title(doc.norm(i)) {
            continue;
        }
        let limit = (i + 16).min(n);
        let tn = title_then_name(doc, i, limit, true);
        if let (Some(title), Some(name)) = (tn.title, tn.name) {
            let span = doc.span(name.0, name.1 - 1);
            out.push(Holder {
                keys: keys(doc, title),
                name: span,
                entity: doc.slice(span).to_owned(),
                at: doc.tokens[i].span.start,
            });
        }
        // "ألينا رومانوفسكي ، سفيرة الولايات المتحدة"
        if i >= 2 && doc.is_punct(i - 1, &['،', ',']) {
            let end = i - 1;
            let mut k = end;
            while k > 0 && end - k < 4 {
                let t = &doc.tokens[k - 1];
                let article = t.norm.starts_with("ال")
                    || t.norm.starts_with("بال")
                    || t.norm.starts_with("لل");
                let nameish = matches!(t.kind, TokenKind::Word | TokenKind::Latin)
                    && !conjoined(&t.norm)
                    && !is_name_stop(&t.norm)
                    && !is_org_head(&t.norm)
                    && (!article || k == end);
                if !nameish {
                    break;
                }
                k -= 1;
            }
            let boundary = k == 0 || !doc.is_word(k - 1) || is_name_stop(doc.norm(k - 1));
            if k < end && boundary && !pronoun_suffixed(doc, k, end) {
                let title_end = title_then_name(doc, i, limit, false).title.map_or(i + 1, |t| t.1);
                let span = doc.span(k, end - 1);
                out.push(Holder {
                    keys: keys(doc, (i, title_end)),
                    name: span,
                    entity: doc.slice(span).to_owned(),
                    at: doc.tokens[i].span.start,
                });
            }
        }
    }
    out
}
