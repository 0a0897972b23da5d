//! Quotation segments no cue verb claimed: a quote with its cue right after it
//! («…»، قال X), a speaker phrase and a colon with no cue ("وزير الدفاع لويد
//! أوستن: «…»"), or a quote continuing the previous one in the paragraph
//! ("…". "…").

use super::cues::{cue, Cue};
use super::speaker::{self, Resolver, Speaker};
use super::{opening_at, sentence_of, Quote, Seg, MIN_QUOTE_WORDS};
use crate::doc::{token_at_or_after, Doc};

/// Segments no cue took: «…»، قال X (a cue right after), or a quote that
/// continues the previous one in the paragraph ("…". "…").
pub(super) fn quotes(
    doc: &Doc,
    end: usize,
    segs: &mut [Seg],
    resolver: &mut Resolver,
    out: &mut Vec<Quote>,
    para_quotes_from: usize,
    last: &mut Option<Speaker>,
) {
    for n in 0..segs.len() {
        let s = segs[n];
        if s.used || s.words < MIN_QUOTE_WORDS {
            continue;
        }
        // «…»، قال X
        let mut c = s.after;
        while c < end && doc.is_punct(c, &['،', ',', '.']) {
            c += 1;
        }
        if let Some((Cue::Verb | Cue::Continue, _)) = cue(doc.norm(c)) {
            let stop = (c + 1..end.min(c + 12))
                .find(|&j| !doc.is_word(j) || opening_at(segs, j).is_some())
                .unwrap_or(end.min(c + 12));
            let at = doc.tokens.get(c).map_or(0, |t| t.span.start);
            let speaker = speaker::after(doc, c + 1, stop)
                .map(|p| resolver.resolve(doc, p, at, last.as_ref()))
                .or_else(|| last.clone());
            segs[n].used = true;
            if speaker.is_some() {
                last.clone_from(&speaker);
            }
            out.push(Quote {
                span: s.seg.inner,
                text: doc.slice(s.seg.inner).to_owned(),
                direct: true,
                cue: doc.tokens.get(c).map(|t| doc.slice(t.span).to_owned()),
                speaker,
            });
            continue;
        }
        // "وزير الدفاع لويد أوستن: «…»": a speaker phrase and a colon, no cue.
        if s.open >= 2 && doc.is_punct(s.open - 1, &[':']) {
            let (s_start, _) = sentence_of(doc, s.open - 1);
            let at = doc.tokens.get(s.open).map_or(0, |t| t.span.start);
            if s.open - 1 - s_start <= 8 {
                if let Some(p) = speaker::before(doc, s_start, s.open - 1) {
                    let speaker = Some(resolver.resolve(doc, p, at, last.as_ref()));
                    segs[n].used = true;
                    last.clone_from(&speaker);
                    out.push(Quote {
                        span: s.seg.inner,
                        text: doc.slice(s.seg.inner).to_owned(),
                        direct: true,
                        cue: None,
                        speaker,
                    });
                    continue;
                }
            }
        }
        // Continuing the previous quote of this paragraph, with at most two words between.
        // The last few quotes are enough: a continuation follows its quote.
        let recent = out.len().saturating_sub(8).max(para_quotes_from);
        let previous = out[recent..]
            .iter()
            .filter(|q| q.span.end <= s.seg.outer.start)
            .max_by_key(|q| q.span.end);
        if let Some(prev) = previous {
            let from = token_at_or_after(&doc.tokens, prev.span.end);
            let between = (from..s.open).filter(|&j| doc.is_word(j)).count();
            if between <= 2 {
                let speaker = prev.speaker.clone();
                segs[n].used = true;
                out.push(Quote {
                    span: s.seg.inner,
                    text: doc.slice(s.seg.inner).to_owned(),
                    direct: true,
                    cue: None,
                    speaker,
                });
            }
        }
    }
}
