//! Who is speaking: the speaker phrase next to a cue (after it: "وقال وزير
//! الدفاع لويد أوستن إن"; before it: "دانا سترول، قالت"), classified as a name,
//! a bare title ("الوزير الأمريكي") or a group ("مسؤولون", "البيان"), then
//! resolved to an entity: an entity mention when the caller gave them, the
//! holder of the title stated earlier in the article, or the full form of a
//! surname ("أوستن" → "لويد ج. أوستن").

use super::antecedent;
use super::titles::{holders, is_name_stop, is_org_head, is_title, keys, title_then_name, Holder};
use crate::doc::{without_conjunction, Doc};
use crate::entities::{EntityKind, EntityMention as Mention};
use marsad_model::Span;
use serde::Serialize;

/// A quote's speaker (`speaker` in `marsad analyze --json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Speaker {
    pub span: Span,
    pub text: String,
    /// Canonical name of the person or organisation, when known.
    pub entity: Option<String>,
}

/// What a speaker phrase is.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Phrase {
    Name(Span),
    Title { span: Span, keys: Vec<String> },
    Group(Span),
}

/// Split tokens `[a, b)` into comma/parenthesis-separated parts.
fn parts(doc: &Doc, a: usize, b: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut s = a;
    for k in a..b {
        if doc.is_punct(k, &['،', ',', '(', ')', '[', ']', '-', '–']) {
            if k > s {
                out.push((s, k));
            }
            s = k + 1;
        }
    }
    if b > s {
        out.push((s, b));
    }
    out
}

/// Whether a part is an adverbial (في تدوينة، الخميس، خلال مقابلة …), not a speaker.
fn adverbial(doc: &Doc, (s, _): (usize, usize)) -> bool {
    !doc.is_word(s) || {
        let w = doc.norm(s);
        (is_name_stop(w) && !is_title(w)) || w == "ل"
    }
}

/// The phrase one part holds: a name (after any title), a bare title, or a group.
fn phrase(doc: &Doc, (s, e): (usize, usize)) -> Option<Phrase> {
    if adverbial(doc, (s, e)) {
        return None;
    }
    // "التنظيم", "الوزارة": an organisation head with its article is a group, not a name.
    let definite_head =
        without_conjunction(doc.norm(s)).strip_prefix("ال").is_some_and(is_org_head);
    if definite_head {
        return Some(group(doc, s, e));
    }
    let tn = title_then_name(doc, s, e, false);
    if let Some((a, b)) = tn.name {
        return Some(Phrase::Name(doc.span(a, b - 1)));
    }
    if let Some(t) = tn.title {
        return Some(Phrase::Title {
            span: doc.span(t.0, t.1.max(t.0 + 1) - 1),
            keys: keys(doc, t),
        });
    }
    if is_org_head(doc.norm(s)) {
        return Some(group(doc, s, e));
    }
    None
}

/// A group phrase from its head at `s`: the head and its adjectives ("البيان
/// المشترك", "بيان مشترك", "مسؤولون امريكيون"), within `[s, e)`.
fn group(doc: &Doc, s: usize, e: usize) -> Phrase {
    let definite = |k: usize| doc.norm(k).starts_with("ال");
    let mut k = s + 1;
    let max = if definite(s) { s + 2 } else { s + 4 };
    // Adjectives agree with the head in definiteness; an indefinite head may
    // first take a definite genitive ("هيئة الشباب"), and then definite adjectives.
    let mut want_definite = definite(s);
    while k < e && k < max && doc.is_word(k) && !is_name_stop(doc.norm(k)) {
        let w = doc.norm(k);
        let genitive = k == s + 1 && !definite(s) && definite(k);
        if w.starts_with(['ل', 'ب', 'و']) && !w.starts_with("ال")
            || !genitive && want_definite != definite(k)
        {
            break;
        }
        want_definite |= genitive;
        k += 1;
    }
    Phrase::Group(doc.span(s, k - 1))
}

/// The speaker phrase after a cue, in tokens `[a, b)`: the first part that is
/// one; a bare title takes the name in the part right after it (apposition:
/// "وزير الخارجية العراقي، فؤاد حسين،").
pub(crate) fn after(doc: &Doc, a: usize, b: usize) -> Option<Phrase> {
    if let Some(name) = after_honorific(doc, a, b) {
        return Some(name);
    }
    let ps = parts(doc, a, b);
    let short_name_in = |n: usize| {
        ps.get(n)
            .filter(|next| next.1 - next.0 <= 4)
            .and_then(|&next| phrase(doc, next))
            .filter(|p| matches!(p, Phrase::Name(_)))
    };
    for (n, &p) in ps.iter().enumerate() {
        // "المتحدث الرسمي بصحة الجوف، فهد الكريع،": what follows a title in its own
        // part may be where the title holds; the short name in the next part is the person.
        let titled = title_then_name(doc, p.0, p.1, false).title.is_some();
        match phrase(doc, p) {
            Some(Phrase::Name(_)) if titled && short_name_in(n + 1).is_some() => {
                return short_name_in(n + 1);
            }
            Some(Phrase::Title { span, keys }) => {
                if let Some(&next) = ps.get(n + 1) {
                    if next.1 - next.0 <= 4 {
                        if let Some(Phrase::Name(name)) = phrase(doc, next) {
                            return Some(Phrase::Name(name));
                        }
                    }
                }
                return Some(Phrase::Title { span, keys });
            }
            Some(found) => return Some(found),
            None if p.0 == a => continue,
            None => continue,
        }
    }
    None
}

/// Honorifics that always precede a person's name (unlike a title, which may
/// be followed by where it holds: "نائب المتحدث الرسمي … بمنطقة مكة المقدم محمد القرني").
const HONORIFICS: &[&str] = &[
    "الدكتور",
    "الدكتورة",
    "المهندس",
    "المهندسة",
    "الشيخ",
    "المقدم",
    "العقيد",
    "اللواء",
    "العميد",
    "النقيب",
    "الرائد",
    "الملازم",
    "الأستاذ",
    "الأستاذة",
    "الأمير",
    "الأميرة",
    "المستشار",
];

static HONORIFIC_WORDS: std::sync::LazyLock<Vec<String>> =
    std::sync::LazyLock::new(|| HONORIFICS.iter().map(|w| crate::doc::norm(w)).collect());

/// The name after the first honorific in tokens `[a, b)`, if one is there.
fn after_honorific(doc: &Doc, a: usize, b: usize) -> Option<Phrase> {
    let h = (a..b).find(|&k| {
        doc.is_word(k) && HONORIFIC_WORDS.iter().any(|w| w == without_conjunction(doc.norm(k)))
    })?;
    let end = (h + 1..b).find(|&k| doc.is_punct(k, &['،', ',', '(', ')'])).unwrap_or(b);
    let (x, y) = title_then_name(doc, h, end, false).name?;
    Some(Phrase::Name(doc.span(x, y - 1)))
}

/// The speaker phrase before a cue, in tokens `[a, b)` (the sentence up to the
/// cue): the last part that is one, preferring a name in the part before a
/// bare title ("مات ماكفارلين ، قائد العملية … أشار").
pub(crate) fn before(doc: &Doc, a: usize, b: usize) -> Option<Phrase> {
    let ps = parts(doc, a, b);
    let mut title = None;
    for &p in ps.iter().rev().take(3) {
        match phrase(doc, p) {
            Some(Phrase::Name(s)) => return Some(Phrase::Name(s)),
            Some(t @ Phrase::Title { .. }) if title.is_none() => title = Some(t),
            Some(Phrase::Title { .. }) => {}
            Some(g @ Phrase::Group(_)) => return title.or(Some(g)),
            None => {}
        }
    }
    title
}

/// How many words into a sentence its subject may start.
const SUBJECT_WINDOW: usize = 3;

/// A group or title phrase near the start of tokens `[a, b)` (the subject of a
/// sentence a participle cue continues: "أثار تقرير … مشيرا إلى أن").
pub(crate) fn subject_in(doc: &Doc, a: usize, b: usize) -> Option<Phrase> {
    // The subject follows the sentence's first verb: look at its first few words
    // only, a few more after an opening phrase ("من جانب آخر أثار تقرير …").
    let window = if doc.is_word(a) && marsad_text::is_stopword(doc.norm(a)) {
        SUBJECT_WINDOW + 3
    } else {
        SUBJECT_WINDOW
    };
    (a..b.min(a + window))
        .find(|&k| doc.is_word(k) && (is_org_head(doc.norm(k)) || is_title(doc.norm(k))))
        .and_then(|k| phrase(doc, (k, b)))
}

/// How many tokens back from a mid-sentence cue its subject is looked for.
const SUBJECT_LOOKBACK: usize = 20;

/// The organisation or title phrase nearest before a mid-sentence cue (…
/// هيئة الشباب والرياضة الكويتية عبرت عن صدمتها وقالت إن): the subject of the
/// verbs the cue is coordinated with.
pub(crate) fn nearest_subject_before(doc: &Doc, a: usize, k: usize) -> Option<Phrase> {
    (a.max(k.saturating_sub(SUBJECT_LOOKBACK))..k)
        .rev()
        .filter(|&j| doc.is_word(j) && (is_org_head(doc.norm(j)) || is_title(doc.norm(j))))
        .filter(|&j| j == a || opens_clause(doc.norm(j - 1)))
        .find_map(|j| phrase(doc, (j, k)))
}

/// Whether a word opens a clause whose subject comes next (فإن هيئة …، بينما
/// الوزارة …): a head after it is a subject, not an object (حققته قوات الأمن).
fn opens_clause(word: &str) -> bool {
    let bare = without_conjunction(word);
    super::cues::is_complementizer(word)
        || super::cues::is_complementizer(bare)
        || matches!(bare, "بينما" | "فيما" | "لكن" | "كما" | "حيث" | "اذ")
}

/// How many words the subject of a sentence's first verb may span.
const SUBJECT_WORDS: usize = 14;

/// The person a sentence's first verb has as subject (ودعا المتحدث الرسمي …
/// محمد الجاسر، المقبولين …), for a cue with no subject in the next sentence
/// (وأشار إلى أن …). Sentence `[a, b)`; only names count.
pub(crate) fn sentence_subject_name(doc: &Doc, a: usize, b: usize) -> Option<Phrase> {
    let verb =
        (a..b.min(a + 4)).find(|&j| doc.is_word(j) && !marsad_text::is_stopword(doc.norm(j)))?;
    match after(doc, verb + 1, b.min(verb + 1 + SUBJECT_WORDS)) {
        // Not an object or a prepositional phrase taken for a name ("وأشاد بنوعية
        // العروض", "بداية الاحتفاء"): a subject name starts with a bare word.
        Some(Phrase::Name(span)) => {
            let first = doc.norm(crate::doc::token_at_or_after(&doc.tokens, span.start));
            let bare = !first.starts_with("ال") && !first.starts_with(['ب', 'ل']);
            bare.then_some(Phrase::Name(span))
        }
        _ => None,
    }
}

/// Most title holders and names the resolver keeps per article.
const MAX_HOLDERS: usize = 500;

/// Turns phrases into speakers with entities.
#[derive(Debug)]
pub(crate) struct Resolver<'m> {
    mentions: &'m [Mention],
    holders: Vec<Holder>,
    /// Names stated in the article (byte offset, entity string), for surname linking.
    names: Vec<(usize, String)>,
    /// The organisation the latest statement (بيان صادر عن X) came from.
    statement_source: Option<String>,
}

impl<'m> Resolver<'m> {
    pub(crate) fn new(doc: &Doc, mentions: &'m [Mention]) -> Self {
        let mut holders = holders(doc);
        // News articles state a few dozen; hostile input must not make resolution quadratic.
        holders.truncate(MAX_HOLDERS);
        for h in &mut holders {
            if let Some(m) = person_in(mentions, h.name) {
                h.entity = m.entity.clone();
            }
        }
        let names = holders.iter().map(|h| (h.at, h.entity.clone())).collect();
        Resolver { mentions, holders, names, statement_source: None }
    }

    /// The speaker for a phrase found at byte offset `at`; `last` is the previous speaker.
    pub(crate) fn resolve(
        &mut self,
        doc: &Doc,
        phrase: Phrase,
        at: usize,
        last: Option<&Speaker>,
    ) -> Speaker {
        match phrase {
            Phrase::Name(span) => {
                let text = doc.slice(span).to_owned();
                let entity = match person_in(self.mentions, span) {
                    Some(m) => m.entity.clone(),
                    None => self.full_name(&text).unwrap_or_else(|| text.clone()),
                };
                if self.names.len() < MAX_HOLDERS && !self.names.iter().any(|(_, n)| *n == entity) {
                    self.names.push((span.start, entity.clone()));
                }
                self.note_title_after(doc, span, &entity);
                Speaker { span, text, entity: Some(entity) }
            }
            Phrase::Title { span, keys } => {
                let entity =
                    self.holder(&keys, at).map(|h| self.full_name(&h).unwrap_or(h)).or_else(|| {
                        last.and_then(|s| s.entity.clone()).filter(|_| is_person_title(&keys))
                    });
                Speaker { span, text: doc.slice(span).to_owned(), entity }
            }
            Phrase::Group(span) => {
                // A statement's source or a bare head's antecedent first: the
                // tagger's mention of "التنظيم" is the head itself, not who it is.
                let entity = self.organisation_behind(doc, span).or_else(|| {
                    self.mentions
                        .iter()
                        .find(|m| {
                            m.kind == EntityKind::Organization
                                && m.span.start < span.end
                                && span.start < m.span.end
                        })
                        .map(|m| m.entity.clone())
                });
                Speaker { span, text: doc.slice(span).to_owned(), entity }
            }
        }
    }

    /// A speaker named with his title right after the name ("وأشار أحمد أبو زيد
    /// المتحدث الرسمي باسم وزارة الخارجية"): later "المتحدث باسم الخارجية" is him.
    fn note_title_after(&mut self, doc: &Doc, span: Span, entity: &str) {
        let t = crate::doc::token_at_or_after(&doc.tokens, span.end);
        if self.holders.len() >= MAX_HOLDERS || !doc.is_word(t) || !is_title(doc.norm(t)) {
            return;
        }
        let limit = (t + 10).min(doc.tokens.len());
        if let Some(title) = title_then_name(doc, t, limit, false).title {
            self.holders.push(Holder {
                keys: keys(doc, title),
                name: span,
                entity: entity.to_owned(),
                at: span.start,
            });
        }
    }

    /// The organisation a group phrase stands for: the source of a statement
    /// (بيان صادر عن X), else for a bare definite head (البيان، التنظيم،
    /// المراسل) the latest statement source or earlier phrase with that head.
    fn organisation_behind(&mut self, doc: &Doc, span: Span) -> Option<String> {
        let head = crate::doc::token_at_or_after(&doc.tokens, span.start);
        let word = without_conjunction(doc.norm(head));
        let statement = matches!(word, "بيان" | "البيان" | "تقرير" | "التقرير");
        if statement {
            let end = crate::doc::token_at_or_after(&doc.tokens, span.end);
            if let Some(source) = antecedent::statement_source(doc, end.saturating_sub(1)) {
                self.statement_source = Some(source.clone());
                return Some(source);
            }
        }
        let bare = word.strip_prefix("ال").filter(|_| doc.span(head, head) == span)?;
        if statement {
            // An earlier "بيان مشترك لحوار …" describes the statement, it is not who made it.
            return self.statement_source.clone();
        }
        antecedent::earlier_phrase(doc, bare, head)
    }

    /// The person holding the title with these keys: most shared title words,
    /// then the latest stated before `at` (or the first stated after it).
    fn holder(&self, keys: &[String], at: usize) -> Option<String> {
        let head = keys.first()?;
        let score = |h: &Holder| keys.iter().filter(|k| h.keys.contains(k)).count();
        let candidates = self.holders.iter().filter(|h| h.keys.contains(head));
        let best_before = candidates.clone().filter(|h| h.at < at).max_by_key(|h| (score(h), h.at));
        best_before.or_else(|| candidates.min_by_key(|h| h.at)).map(|h| h.entity.clone())
    }

    /// The longer name a shorter one ends with ("أوستن" → "لويد ج. أوستن"): the
    /// first stated in the article, so one person keeps one canonical name.
    fn full_name(&self, name: &str) -> Option<String> {
        let last = crate::doc::norm(name.split_whitespace().last()?);
        self.names
            .iter()
            .filter(|(_, full)| {
                full.split_whitespace().count() > name.split_whitespace().count()
                    && full.split_whitespace().last().is_some_and(|w| crate::doc::norm(w) == last)
            })
            .min_by_key(|(at, _)| *at)
            .map(|(_, full)| full.clone())
    }
}

/// Titles that name one person (a bare one falls back to the previous speaker).
/// Only a bare one-word title ("الجنرال", "الوزير") does: a qualified one
/// ("الناطق الإعلامي لجوازات الجوف") describes someone else.
fn is_person_title(keys: &[String]) -> bool {
    keys.len() == 1
        && keys.first().is_some_and(|k| !matches!(k.as_str(), "مسوول" | "مسؤول" | "مصدر"))
}

fn person_in(mentions: &[Mention], span: Span) -> Option<&Mention> {
    mentions.iter().find(|m| {
        m.kind == EntityKind::Person && m.span.start < span.end && span.start < m.span.end
    })
}
