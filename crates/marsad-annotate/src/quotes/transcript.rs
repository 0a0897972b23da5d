//! Transcripts: a short line naming a speaker and ending in a colon ("وزير
//! الدفاع لويد ج. أوستن:"), then the speaker's words as whole paragraphs with
//! no quotation marks. Each paragraph becomes a direct quote of that speaker
//! until a paragraph that does not end a sentence (a heading), another
//! speaker line, or [`MAX_PARAGRAPHS`].

use super::speaker::{self, Resolver, Speaker};
use super::Quote;
use crate::doc::{token_at_or_after, Doc};
use marsad_model::Span;

/// Longest speech a speaker line introduces, in paragraphs.
const MAX_PARAGRAPHS: usize = 15;
/// Longest speaker line, in tokens (colon included).
const MAX_HEADER_TOKENS: usize = 12;

/// The speaker a paragraph names when it is a speaker line.
fn header(doc: &Doc, para: Span) -> Option<speaker::Phrase> {
    let first = token_at_or_after(&doc.tokens, para.start);
    let end = token_at_or_after(&doc.tokens, para.end);
    if end <= first + 1 || end - first > MAX_HEADER_TOKENS || !doc.is_punct(end - 1, &[':']) {
        return None;
    }
    // "بيان السكرتير الصحفي …:" introduces a readout, not a speech.
    if super::titles::is_org_head(doc.norm(first)) {
        return None;
    }
    match speaker::before(doc, first, end - 1)? {
        // Two words at least: "إقرأ أيضاً:" is not a speaker.
        p @ speaker::Phrase::Name(span) if doc.slice(span).split_whitespace().nth(1).is_some() => {
            Some(p)
        }
        p @ speaker::Phrase::Title { .. } => Some(p),
        _ => None,
    }
}

/// Whether a paragraph ends a sentence (its last char is . ! ؟ or a closing mark after one).
fn ends_sentence(doc: &Doc, para: Span) -> bool {
    doc.slice(para).trim_end_matches(['"', '»', '”', ')', ' ']).ends_with(['.', '!', '؟', '?', '…'])
}

/// Direct quotes from transcripts in `doc`, skipping paragraphs already quoted in `out`.
pub(super) fn quotes(doc: &Doc, resolver: &mut Resolver, out: &mut Vec<Quote>) {
    out.sort_by_key(|q| q.span.start);
    let mut found = Vec::new();
    let paras = &doc.paragraphs;
    let mut n = 0;
    while n < paras.len() {
        let Some(phrase) = header(doc, paras[n]) else {
            n += 1;
            continue;
        };
        let at = paras[n].start;
        let speaker: Speaker = resolver.resolve(doc, phrase, at, None);
        let mut k = n + 1;
        while k < paras.len() && k <= n + MAX_PARAGRAPHS {
            let para = paras[k];
            if header(doc, para).is_some() || !ends_sentence(doc, para) {
                break;
            }
            // Quotes are sorted and do not overlap: the one that could overlap is
            // the last starting before the paragraph ends.
            let idx = out.partition_point(|q| q.span.start < para.end);
            let taken = idx
                .checked_sub(1)
                .and_then(|i| out.get(i))
                .is_some_and(|q| para.start < q.span.end);
            if !taken {
                found.push(Quote {
                    span: para,
                    text: doc.slice(para).to_owned(),
                    direct: true,
                    cue: None,
                    speaker: Some(speaker.clone()),
                });
            }
            k += 1;
        }
        n = k;
    }
    out.extend(found);
}
