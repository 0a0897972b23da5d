//! Quotes: who said what. Direct quotes in «», “”, „“ and "" (several
//! sentences long, or interrupted by the attribution: «…» قال X «…»), and
//! indirect ones (قال/أكد/أوضح/أضاف/أشار … + إن/أن/بأن …), each with its cue
//! verb and speaker.
//!
//! For each cue verb (see [`cues`]) the annotator looks ahead in the paragraph
//! for the content: a quotation segment ([`marks`]), a complementizer (an
//! indirect quote runs to the end of the sentence) or a colon. The speaker is
//! the phrase between the cue and its content, else the phrase before the cue
//! in the sentence, else (وأضاف، وتابع, a bare وقال, a participle مضيفا) the
//! previous speaker; see [`speaker`] for how phrases become entities.
//! Quotation segments no cue claims become quotes of the previous speaker
//! when they follow one of its quotes directly, or of a cue right after them
//! («…»، قال X); short quoted terms («داعش») are not quotes.

mod antecedent;
mod cues;
mod marks;
mod speaker;
mod titles;
mod transcript;
mod unclaimed;

pub use speaker::Speaker;

use crate::doc::{token_at_or_after, Doc};
use crate::entities::EntityMention;
use cues::{cue, is_complementizer, is_linking_preposition, is_saying_participle, Cue};
use marks::Segment;
use marsad_model::Span;
use serde::Serialize;
use speaker::Resolver;

/// One quote (`quotes` in `marsad analyze --json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    pub span: Span,
    pub text: String,
    pub direct: bool,
    /// The cue verb as written (وقال، مضيفا); null for a quote continuing the previous one.
    pub cue: Option<String>,
    pub speaker: Option<Speaker>,
}

/// How far after a cue its content may start, in tokens.
const CONTENT_WINDOW: usize = 40;
/// Quoted text shorter than this (in words) is a term, not a quote («داعش»).
pub(crate) const MIN_QUOTE_WORDS: usize = 3;

/// A quotation segment with its token range and whether a quote took it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Seg {
    seg: Segment,
    /// Token index of the opening mark.
    open: usize,
    /// Token index after the closing mark (or paragraph end).
    after: usize,
    words: usize,
    used: bool,
}

/// What follows a cue.
#[derive(Debug, Clone, Copy)]
enum Content {
    Segment(usize),
    Complementizer(usize),
    Colon(usize),
}

/// Every quote in `doc`. `mentions` (from the entity tagger; may be empty)
/// give speakers their canonical names.
pub fn quotes(doc: &Doc, mentions: &[EntityMention]) -> Vec<Quote> {
    let mut resolver = Resolver::new(doc, mentions);
    let mut out: Vec<Quote> = Vec::new();
    let mut last: Option<Speaker> = None;
    for &para in &doc.paragraphs {
        let first = token_at_or_after(&doc.tokens, para.start);
        let end = token_at_or_after(&doc.tokens, para.end);
        let mut segs: Vec<Seg> = marks::segments(doc.text, para)
            .into_iter()
            .map(|seg| {
                let open = token_at_or_after(&doc.tokens, seg.outer.start);
                let inner_first = token_at_or_after(&doc.tokens, seg.inner.start);
                let inner_end = token_at_or_after(&doc.tokens, seg.inner.end);
                let words = (inner_first..inner_end).filter(|&k| doc.is_word(k)).count();
                Seg {
                    seg,
                    open,
                    after: token_at_or_after(&doc.tokens, seg.outer.end),
                    words,
                    used: false,
                }
            })
            .collect();
        let para_quotes_from = out.len();
        let mut k = first;
        while k < end {
            if let Some(s) = segment_around(&segs, k) {
                k = s.after.max(k + 1);
                continue;
            }
            let Some((kind, with_conjunction)) = cue(doc.norm(k)) else {
                k += 1;
                continue;
            };
            match cue_quote(
                doc,
                k,
                (para, end),
                kind,
                with_conjunction,
                &mut segs,
                &mut resolver,
                &out,
                last.as_ref(),
            ) {
                Some((quote, next)) => {
                    if quote.speaker.is_some() {
                        last.clone_from(&quote.speaker);
                    }
                    out.push(quote);
                    k = next.max(k + 1);
                }
                None => k += 1,
            }
        }
        unclaimed::quotes(
            doc,
            end,
            &mut segs,
            &mut resolver,
            &mut out,
            para_quotes_from,
            &mut last,
        );
    }
    transcript::quotes(doc, &mut resolver, &mut out);
    out.sort_by_key(|q| q.span.start);
    out
}

/// The sentence (token range) holding token `k`.
pub(crate) fn sentence_of(doc: &Doc, k: usize) -> (usize, usize) {
    let at = doc.tokens.get(k).map_or(0, |t| t.span.start);
    let idx = doc.sentences.partition_point(|s| s.end <= at);
    match doc.sentences.get(idx) {
        Some(s) => (token_at_or_after(&doc.tokens, s.start), token_at_or_after(&doc.tokens, s.end)),
        None => (k, k + 1),
    }
}

#[allow(clippy::too_many_arguments)]
fn cue_quote(
    doc: &Doc,
    k: usize,
    (para, end): (Span, usize),
    kind: Cue,
    with_conjunction: bool,
    segs: &mut [Seg],
    resolver: &mut Resolver,
    out: &[Quote],
    last: Option<&Speaker>,
) -> Option<(Quote, usize)> {
    if kind == Cue::Weak && !weak_cue_speaks(doc, k) {
        return None;
    }
    // "ما يشير إلى أن" / "مما يؤكد أن": a clause, not a statement.
    if k > 0 && matches!(doc.norm(k - 1), "ما" | "مما" | "وما" | "بما" | "التي" | "الذي" | "الذين")
    {
        return None;
    }
    // Find the content.
    let limit = (k + 1 + CONTENT_WINDOW).min(end);
    let mut content = None;
    let mut j = k + 1;
    while j < limit {
        if let Some(s) = opening_at(segs, j).filter(|&s| !segs[s].used) {
            if segs[s].words >= MIN_QUOTE_WORDS {
                content = Some(Content::Segment(s));
                break;
            }
            j = segs[s].after.max(j + 1);
            continue;
        }
        let w = doc.norm(j);
        // "حيث إن" is "since", not what someone said.
        if doc.is_word(j) && is_complementizer(w) && doc.norm(j - 1) != "حيث" {
            content = Some(Content::Complementizer(j));
            break;
        }
        if doc.is_punct(j, &[':']) {
            content = Some(Content::Colon(j));
            break;
        }
        if doc.is_punct(j, &['.', '؟', '!', '?']) && !abbreviation_dot(doc, j) {
            break;
        }
        // "أوضح … القرني قائلاً:": قائلا only introduces the words of the verb before it.
        if matches!(cue(w), Some((Cue::Verb | Cue::Continue, true)) | Some((Cue::Participle, _)))
            && !is_saying_participle(w)
        {
            break;
        }
        j += 1;
    }
    let content = content?;
    let region_end = match content {
        Content::Segment(s) => segs[s].open,
        Content::Complementizer(c) | Content::Colon(c) => c,
    };
    let region_end = if region_end > k + 1 && is_linking_preposition(doc.norm(region_end - 1)) {
        region_end - 1
    } else {
        region_end
    };

    // The quoted text.
    let (span, direct, next) = match content {
        Content::Segment(s) => take(segs, s),
        Content::Complementizer(c) | Content::Colon(c) => {
            let mut from = c + 1;
            if matches!(content, Content::Colon(_))
                && doc.is_word(from)
                && is_complementizer(doc.norm(from))
            {
                from += 1;
            }
            match opening_at(segs, from).filter(|&s| !segs[s].used && segs[s].words >= 1) {
                Some(s) => take(segs, s),
                None => {
                    let (stop, last_tok) = clause_end(doc, from, end, segs);
                    (doc.span(from, last_tok?), false, stop)
                }
            }
        }
    };
    if span.is_empty() {
        return None;
    }

    // The speaker.
    let (s_start, _) = sentence_of(doc, k);
    let mut phrase = speaker::after(doc, k + 1, region_end);
    if phrase.is_none() && !with_conjunction && kind != Cue::Participle && k > s_start {
        phrase = speaker::before(doc, s_start, k);
    }
    let at = doc.tokens.get(k).map_or(0, |t| t.span.start);
    let sentence_subject = || speaker::subject_in(doc, s_start, k);
    let speaker = match phrase {
        Some(p) => Some(resolver.resolve(doc, p, at, last)),
        None => match kind {
            Cue::Participle => {
                // The speaker of the quote just before, in the same paragraph;
                // else the sentence's subject (a title or organisation phrase
                // in it), else the previous speaker.
                let same_paragraph = out.last().filter(|q| q.span.start >= para.start);
                match same_paragraph {
                    Some(q) => q.speaker.clone(),
                    None => sentence_subject()
                        .or_else(|| speaker::sentence_subject_name(doc, s_start, k))
                        .map(|p| resolver.resolve(doc, p, at, last))
                        .or_else(|| last.cloned()),
                }
            }
            // "وقال:" / "وأضاف أن" opening a sentence: the previous speaker, or
            // the person the previous sentence is about when it quoted no one.
            _ if with_conjunction && k == s_start => {
                previous_subject(doc, s_start, out, resolver, at, last).or_else(|| last.cloned())
            }
            // "… وقال" inside a sentence: its subject, else the previous speaker.
            _ if with_conjunction => sentence_subject()
                .or_else(|| speaker::nearest_subject_before(doc, s_start, k))
                .map(|p| resolver.resolve(doc, p, at, last))
                .or_else(|| last.cloned()),
            Cue::Continue => last.cloned(),
            _ => None,
        },
    };
    let cue_text = doc.tokens.get(k).map(|t| doc.slice(t.span).to_owned());
    Some((Quote { text: doc.slice(span).to_owned(), span, direct, cue: cue_text, speaker }, next))
}

/// Whether the "." at `j` sits inside an abbreviation (إي.دي.إف، د.ب.أ): glued
/// to letters on both sides, so it ends no sentence.
fn abbreviation_dot(doc: &Doc, j: usize) -> bool {
    let glued = |a: usize, b: usize| match (doc.tokens.get(a), doc.tokens.get(b)) {
        (Some(x), Some(y)) => x.span.end == y.span.start,
        _ => false,
    };
    doc.is_punct(j, &['.'])
        && j > 0
        && doc.is_word(j - 1)
        && doc.is_word(j + 1)
        && glued(j - 1, j)
        && glued(j, j + 1)
}

/// Whether a new report starts within `n` tokens from `k` (after a comma):
/// a participle cue (، مشيرا)، a cue with و (، وقال), or a cue verb after a
/// short opening (، وعن الطموح قال القرملة).
fn new_report_within(doc: &Doc, k: usize, n: usize) -> bool {
    matches!(cue(doc.norm(k)), Some((Cue::Participle, _)) | Some((_, true)))
        || (k + 1..k + n).take_while(|&j| doc.is_word(j)).any(|j| {
            matches!(cue(doc.norm(j)), Some((Cue::Verb | Cue::Continue, _)))
                && (j + 1..j + 4).any(|c| doc.is_punct(c, &[':']) || is_complementizer(doc.norm(c)))
        })
}

/// Whether بين at `k` is the verb بيّن ("explained"), not "between": a
/// complementizer right after it or after a one- or two-word name (وبين العتيبي
/// أن), or a title right after it (وبين المتحدث الرسمي …، فهد الكريع، أن).
fn weak_cue_speaks(doc: &Doc, k: usize) -> bool {
    (k + 1..=k + 3).any(|j| doc.is_word(j) && is_complementizer(doc.norm(j)))
        && (k + 1..k + 3).take_while(|&j| !is_complementizer(doc.norm(j))).all(|j| {
            doc.is_word(j) && !doc.norm(j).starts_with('و') && !is_linking_preposition(doc.norm(j))
        })
        || doc.is_word(k + 1) && titles::is_title(doc.norm(k + 1))
}

/// The named subject of the sentence before the one starting at token `s_start`,
/// when no quote lies in that sentence (else the previous speaker stands).
fn previous_subject(
    doc: &Doc,
    s_start: usize,
    out: &[Quote],
    resolver: &mut Resolver,
    at: usize,
    last: Option<&Speaker>,
) -> Option<Speaker> {
    let (a, b) = sentence_of(doc, s_start.checked_sub(1)?);
    let from = doc.tokens.get(a)?.span.start;
    if out.last().is_some_and(|q| q.span.end > from) {
        return None;
    }
    speaker::sentence_subject_name(doc, a, b).map(|p| resolver.resolve(doc, p, at, last))
}

/// The segment whose opening mark is token `j` (segments are sorted by `open`).
pub(crate) fn opening_at(segs: &[Seg], j: usize) -> Option<usize> {
    segs.binary_search_by_key(&j, |s| s.open).ok()
}

/// The segment token `k` is inside of (marks included).
fn segment_around(segs: &[Seg], k: usize) -> Option<&Seg> {
    let idx = segs.partition_point(|s| s.open <= k);
    idx.checked_sub(1).and_then(|i| segs.get(i)).filter(|s| k < s.after)
}

/// Whether a segment ends right before token `j`.
fn closes_at(segs: &[Seg], j: usize) -> bool {
    segs.binary_search_by_key(&j, |s| s.after).is_ok()
}

/// Take segment `s` as a direct quote: its inner span, and the token after it.
fn take(segs: &mut [Seg], s: usize) -> (Span, bool, usize) {
    segs[s].used = true;
    (segs[s].seg.inner, true, segs[s].after)
}

/// Where an indirect quote starting at `from` ends: the token to resume at and
/// its last token. It runs to the end of the sentence (over any quotation
/// segment inside it, which it takes), or to a comma before a participle cue
/// (، مضيفا أن) or a new cue verb.
fn clause_end(doc: &Doc, from: usize, end: usize, segs: &mut [Seg]) -> (usize, Option<usize>) {
    let mut j = from;
    while j < end {
        if let Some(s) = opening_at(segs, j) {
            segs[s].used = true;
            j = segs[s].after.max(j + 1);
            continue;
        }
        if doc.is_punct(j, &['.', '؟', '!', '?']) && !abbreviation_dot(doc, j) {
            break;
        }
        if doc.is_punct(j, &['،', ',']) && new_report_within(doc, j + 1, 4) {
            break;
        }
        // "… والخليجي مشيراً في الوقت نفسه بأن": a participle with its own
        // complementizer starts a new report even without a comma.
        if j > from + 3
            && matches!(cue(doc.norm(j)), Some((Cue::Participle, _)))
            && (j + 1..j + 6).any(|c| doc.is_word(c) && is_complementizer(doc.norm(c)))
        {
            break;
        }
        j += 1;
    }
    // Drop trailing punctuation from the quote (a closing mark of a segment stays).
    let mut last = j;
    while last > from
        && doc.kind(last - 1) == Some(marsad_text::TokenKind::Punct)
        && !closes_at(segs, last)
    {
        last -= 1;
    }
    (j, (last > from).then(|| last - 1))
}

#[cfg(test)]
mod tests;
