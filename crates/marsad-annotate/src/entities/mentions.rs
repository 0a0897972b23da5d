//! Entity mentions in one article: the tagger runs over the article's sentences
//! (one document, so the second pass sees every sentence), curated gazetteer
//! phrases fill in what it left untagged (داعش، البنتاغون), each mention gets a byte
//! span into the article's text without its proclitic (وأوستن → أوستن), persons get
//! the title phrase before them as their role (وزير الدفاع العراقي ثابت العباسي), and
//! mentions of one entity within the article share a canonical name
//! (`linking.rs`: أوستن → لويد أوستن).

use std::cell::OnceCell;
use std::collections::HashSet;

use marsad_model::Span;
use marsad_text::fxhash::FxBuildHasher;
use marsad_text::{Token, TokenKind};
use serde::Serialize;

use super::clusters::ClusterTable;
use super::lexicon::{lexicon, word_key, GazClass, ListFlags};
use super::linking::link_mentions;
use super::model::{ModelError, NerModel};
use super::tags::{chunks, EntityKind, Tag};

/// One mention of an entity in an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntityMention {
    /// Byte span into the article's text.
    pub span: Span,
    /// The surface text (`span` of the text).
    pub text: String,
    pub kind: EntityKind,
    /// The canonical name of the entity within the article (the fullest common form).
    pub entity: String,
    /// For persons: the title phrase just before the name, as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

/// A mention before linking: token range in the article's token list.
#[derive(Debug, Clone)]
pub(crate) struct RawMention {
    pub(crate) first: usize,
    pub(crate) end: usize,
    pub(crate) span: Span,
    pub(crate) kind: EntityKind,
    pub(crate) role: Option<String>,
}

/// Tag one article's text with the shipped model.
pub fn annotate_entities(text: &str) -> Result<Vec<EntityMention>, ModelError> {
    Ok(annotate_entities_with(NerModel::shipped()?, text))
}

/// Tag one article's text with a given model. Never panics; empty text gives nothing.
pub fn annotate_entities_with(model: &NerModel, text: &str) -> Vec<EntityMention> {
    annotate_with_tagger(text, |sentences, flags| model.tag_document_with_flags(sentences, flags))
}

/// [`annotate_entities_with`] with the tagging step given: `tagger` returns the tags
/// of each sentence and appends every token's [`ListFlags`] to the vector, in order
/// (the tests compare the fast and the reference tagger through this).
pub(crate) fn annotate_with_tagger(
    text: &str,
    tagger: impl FnOnce(&[Vec<&str>], &mut Vec<ListFlags>) -> Vec<Vec<Tag>>,
) -> Vec<EntityMention> {
    let tokens = marsad_text::tokenize(text);
    if tokens.is_empty() {
        return Vec::new();
    }
    let sentences = sentence_groups(text, &tokens);
    let surfaces: Vec<Vec<&str>> = sentences
        .iter()
        .map(|r| tokens[r.clone()].iter().map(|t| t.span.slice(text)).collect())
        .collect();
    let mut flags = Vec::with_capacity(tokens.len());
    let sentence_tags = tagger(&surfaces, &mut flags);
    let mut tags: Vec<Tag> = sentence_tags.into_iter().flatten().collect();
    tags.resize(tokens.len(), Tag::O);
    // The sentence groups cover every token, so this only guards the invariant.
    while flags.len() < tokens.len() {
        flags.push(ListFlags::of_key(&word_key(tokens[flags.len()].span.slice(text))));
    }
    fill_from_gazetteer(text, &tokens, &flags, &sentences, &mut tags);
    for range in &sentences {
        join_initials(text, &tokens, range.clone(), &mut tags);
        extend_family_name(&tokens, range.clone(), &mut tags);
    }
    let cx = Context { text, tokens: &tokens, flags: &flags, tags: &tags, norms: OnceCell::new() };
    let mut raw = Vec::new();
    for range in &sentences {
        for chunk in chunks(&tags[range.clone()]) {
            let (first, end) = (range.start + chunk.start, range.start + chunk.end);
            if let Some(m) = make_mention(&cx, first, end, chunk.kind, range.start) {
                raw.push(m);
            }
        }
    }
    link_mentions(text, &tokens, raw)
}

/// Token index ranges of the article's sentences.
fn sentence_groups(text: &str, tokens: &[Token]) -> Vec<std::ops::Range<usize>> {
    let spans = marsad_text::sentences(text);
    let mut out = Vec::new();
    let mut start = 0;
    let mut s = 0;
    for (i, token) in tokens.iter().enumerate() {
        while s < spans.len() && token.span.start >= spans[s].end {
            if i > start {
                out.push(start..i);
                start = i;
            }
            s += 1;
        }
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

/// Curated organisation and place phrases the tagger left entirely untagged. Word
/// keys are made only where such a phrase starts, for the phrase's longest length.
fn fill_from_gazetteer(
    text: &str,
    tokens: &[Token],
    flags: &[ListFlags],
    sentences: &[std::ops::Range<usize>],
    tags: &mut [Tag],
) {
    let lex = lexicon();
    for range in sentences {
        let mut at = range.start;
        while at < range.end {
            if !flags[at].starts_place_or_org {
                at += 1;
                continue;
            }
            let window = at..range.end.min(at + lex.longest_phrase());
            let keys: Vec<String> =
                tokens[window].iter().map(|t| word_key(t.span.slice(text))).collect();
            let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
            let Some((len, class)) = lex.phrase_at(&refs) else {
                at += 1;
                continue;
            };
            let free = tags[at..at + len].iter().all(|t| *t == Tag::O)
                && tags.get(at + len).is_none_or(|t| !t.is_inside());
            if free {
                let kind = if class == GazClass::Loc {
                    EntityKind::Location
                } else {
                    EntityKind::Organization
                };
                tags[at] = Tag::begin(kind);
                for t in &mut tags[at + 1..at + len] {
                    *t = Tag::inside(kind);
                }
            }
            at += len;
        }
    }
}

/// `لويد ج. أوستن`: a one-letter initial tagged as a person, a full stop, and the
/// words after it form one name (the tagger's sentences end at the full stop).
fn join_initials(text: &str, tokens: &[Token], range: std::ops::Range<usize>, tags: &mut [Tag]) {
    let person = Some(EntityKind::Person);
    for i in range.start..range.end.saturating_sub(2) {
        let initial = tags[i].kind() == person
            && tokens[i].kind == TokenKind::Word
            && tokens[i].norm.chars().count() == 1
            && tokens[i + 1].span.slice(text) == "."
            && tokens[i + 2].kind == TokenKind::Word;
        if !initial {
            continue;
        }
        tags[i + 1] = Tag::inside(EntityKind::Person);
        tags[i + 2] = Tag::inside(EntityKind::Person);
        let mut j = i + 3;
        while j < range.end && tags[j].is_inside() {
            tags[j] = Tag::inside(EntityKind::Person);
            j += 1;
        }
    }
}

/// Nationality adjectives that follow a name without being part of it.
const NOT_FAMILY: [&str; 12] = [
    "الامريكي",
    "الاميركي",
    "العراقي",
    "الايراني",
    "التركي",
    "الروسي",
    "البريطاني",
    "الفرنسي",
    "السعودي",
    "المصري",
    "السوري",
    "الاردني",
];

/// `محمد شياع السوداني`: a person of two or more words without a family name (no
/// word with ال) followed by an untagged ال…ي word takes it as the family name; a
/// generational suffix after a person (أوستن الثالث) joins the name too.
fn extend_family_name(tokens: &[Token], range: std::ops::Range<usize>, tags: &mut [Tag]) {
    for chunk in chunks(&tags[range.clone()]) {
        let (first, end) = (range.start + chunk.start, range.start + chunk.end);
        if chunk.kind != EntityKind::Person
            || end >= range.end
            || end - first < 2
            || tags[end] != Tag::O
        {
            continue;
        }
        let next = &tokens[end];
        if super::linking::SUFFIXES.contains(&next.norm.as_str()) {
            tags[end] = Tag::inside(EntityKind::Person);
            continue;
        }
        let has_family = tokens[first..end].iter().any(|t| t.norm.starts_with("ال"));
        if !has_family
            && end - first >= 2
            && next.kind == TokenKind::Word
            && next.norm.starts_with("ال")
            && next.norm.ends_with('ي')
            && next.norm.chars().count() >= 5
            && !NOT_FAMILY.contains(&next.norm.as_str())
        {
            tags[end] = Tag::inside(EntityKind::Person);
        }
    }
}

/// What mention building reads of the article.
struct Context<'a> {
    text: &'a str,
    tokens: &'a [Token],
    flags: &'a [ListFlags],
    tags: &'a [Tag],
    /// Normalized forms of every token of the article, made on first use: only
    /// mentions that start with a clitic-like letter read them.
    norms: OnceCell<HashSet<&'a str, FxBuildHasher>>,
}

impl Context<'_> {
    fn norms(&self) -> &HashSet<&str, FxBuildHasher> {
        self.norms.get_or_init(|| self.tokens.iter().map(|t| t.norm.as_str()).collect())
    }
}

/// Bytes of a word's proclitic (و، ف، ب، ل and combinations, before any article),
/// which a mention's span leaves out; 0 when the word keeps its first letters.
fn proclitic_len(surface: &str, cx: &Context<'_>) -> usize {
    let norm = marsad_text::normalize_str(surface);
    let letters: usize = if norm.starts_with("ال") || norm.starts_with("لل") {
        0
    } else if let Some(p) =
        ["وبال", "فبال", "وال", "فال", "بال", "كال"].iter().find(|p| norm.starts_with(**p))
    {
        // و + العراق: keep from the article on, when the article form is attested (in
        // this article, or the word is known to the unlabeled news): والاندر stays.
        let drop = p.chars().count() - 2;
        let rest: String = norm.chars().skip(drop).collect();
        let known = cx.norms().contains(rest.as_str())
            || ClusterTable::shipped().get(marsad_text::strip_clitics(&norm))[3] != 0;
        if norm.chars().count() - p.chars().count() >= 3 && known {
            drop
        } else {
            0
        }
    } else if norm.starts_with(['و', 'ف'])
        && norm.chars().count() > 3
        && !lexicon().is_list_word(&norm)
        && norms_or_list(&norm['و'.len_utf8()..], cx)
    {
        // و + a word the article or the lists know: ولبنان, وحزب.
        1
    } else {
        let stripped = marsad_text::strip_clitics(&norm);
        if stripped.len() < norm.len() && norm.ends_with(stripped) {
            // A bare clitic is a guess: strip it when the article also has the word
            // without it (وأوستن beside أوستن), or when the word without it is a list
            // word (وتركيا, ومجلس) and the word with it is not (لبنان, بيروت stay).
            let lex = lexicon();
            if cx.norms().contains(stripped)
                || (lex.is_list_word(stripped) && !lex.is_list_word(&norm))
            {
                norm.chars().count() - stripped.chars().count()
            } else {
                0
            }
        } else {
            0
        }
    };
    // Skip that many letters of the original (marks and tatweel ride along).
    let mut seen = 0;
    for (i, c) in surface.char_indices() {
        if seen == letters {
            return i;
        }
        if c.is_alphabetic() {
            seen += 1;
        }
    }
    0
}

/// Whether the article has the word as a token or a list has it.
fn norms_or_list(word: &str, cx: &Context<'_>) -> bool {
    cx.norms().contains(word) || lexicon().is_list_word(word)
}

/// Build one mention from tokens `first..end`, or `None` when nothing name-like is left.
fn make_mention(
    cx: &Context<'_>,
    mut first: usize,
    mut end: usize,
    kind: EntityKind,
    sentence_start: usize,
) -> Option<RawMention> {
    let (text, tokens) = (cx.text, cx.tokens);
    // Punctuation at the edges is not part of a name.
    while first < end && tokens[first].kind == TokenKind::Punct {
        first += 1;
    }
    while end > first && tokens[end - 1].kind == TokenKind::Punct {
        end -= 1;
    }
    if first >= end
        || !tokens[first..end].iter().any(|t| matches!(t.kind, TokenKind::Word | TokenKind::Latin))
    {
        return None;
    }
    let start = tokens[first].span.start + proclitic_len(tokens[first].span.slice(text), cx);
    let span = Span::new(start, tokens[end - 1].span.end);
    let role =
        if kind == EntityKind::Person { role_before(cx, first, sentence_start) } else { None };
    Some(RawMention { first, end, span, kind, role })
}

/// The title phrase right before a person: from the nearest title word (وزير، الرئيس…)
/// at most five words to the left, extended over adjacent titles (نائب مساعد وزير),
/// without crossing punctuation, stopwords or another person.
fn role_before(cx: &Context<'_>, first: usize, sentence_start: usize) -> Option<String> {
    let (text, tokens, flags, tags) = (cx.text, cx.tokens, cx.flags, cx.tags);
    let blocked = |i: usize| {
        tokens[i].kind == TokenKind::Punct
            || tokens[i].kind == TokenKind::Number
            || tags[i].kind() == Some(EntityKind::Person)
            || marsad_text::is_stopword(&tokens[i].norm)
    };
    let mut title = None;
    let mut i = first;
    while i > sentence_start && first - i < 6 {
        i -= 1;
        if blocked(i) {
            break;
        }
        if flags[i].person_title {
            title = Some(i);
            break;
        }
    }
    let mut from = title?;
    while from > sentence_start && flags[from - 1].person_title && !blocked(from - 1) {
        from -= 1;
    }
    let start = tokens[from].span.start + proclitic_len(tokens[from].span.slice(text), cx);
    let role = text.get(start..tokens[first - 1].span.end)?.trim();
    (!role.is_empty()).then(|| role.to_owned())
}
