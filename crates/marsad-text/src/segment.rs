//! Paragraphs and sentences, as spans of the original text.
//!
//! Paragraphs are lines: news text files and extracted article bodies put one
//! paragraph per line, and hard-wrapped prose is rare in this input, so every
//! line break (\n, \r\n, \r, U+2028, U+2029) ends a paragraph and blank lines
//! are skipped. Sentences never cross a paragraph.

use crate::normalize::{fold, Fold};
use crate::tokenize::is_arabic_letter;
use marsad_model::Span;

/// Paragraph spans (original byte offsets), trimmed of surrounding whitespace
/// and invisible marks.
///
/// Every line break (\n, \r\n, \r, U+2028, U+2029) ends a paragraph — news
/// text files put one paragraph per line — and blank lines produce none.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{0085}') {
            push_trimmed(text, start, i, &mut out);
            start = i + c.len_utf8();
        }
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

/// Sentence spans (original byte offsets), trimmed, in order.
///
/// A sentence ends after . ! ? ؟ … ۔ (runs like ?! or ... count once) plus
/// any closing quotes or brackets, when a space, a line end or an Arabic
/// letter follows. Not an end: a point followed by a digit or Latin letter
/// (4.5, 26.7.2021, www.spa.gov.sa), after
/// a single letter (initials and abbreviations: لويد ج. أوستن, د., U.S.), or
/// after a known Latin abbreviation (etc., Mr., Dr.).
pub fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    for para in paragraphs(text) {
        split_paragraph(text, para, &mut out);
    }
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let Some(slice) = text.get(start..end) else { return };
    let trimmed_start = slice.trim_start_matches(is_blank);
    let trimmed = trimmed_start.trim_end_matches(is_blank);
    if trimmed.is_empty() {
        return;
    }
    let s = start + (slice.len() - trimmed_start.len());
    out.push(Span::new(s, s + trimmed.len()));
}

fn is_blank(c: char) -> bool {
    c.is_whitespace() || fold(c) == Fold::Invisible
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '\u{061F}' | '\u{2026}' | '\u{06D4}' | '\u{FF01}' | '\u{FF1F}')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '\u{BB}' | '\u{201D}' | '\u{2019}' | '\u{203A}' | ')' | ']' | '}')
}

/// Latin abbreviations that end in a point but rarely end a sentence.
const LATIN_ABBREVIATIONS: [&str; 22] = [
    "etc", "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "inc", "ltd", "co", "no",
    "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep",
];

fn split_paragraph(text: &str, para: Span, out: &mut Vec<Span>) {
    let Some(p) = text.get(para.start..para.end) else { return };
    let first = out.len();
    let mut sentence_start = 0;
    let mut iter = p.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !is_terminal(c) {
            continue;
        }
        // Runs like "?!" or "..." and the quotes closing the sentence stay with it.
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = iter.peek() {
            if !(is_terminal(d) || is_closer(d)) {
                break;
            }
            end = j + d.len_utf8();
            iter.next();
        }
        let next = p.get(end..).and_then(|rest| rest.chars().next());
        if is_sentence_end(p.get(..i).unwrap_or(""), c, next) {
            push_trimmed(p, sentence_start, end, out);
            sentence_start = end;
        }
    }
    push_trimmed(p, sentence_start, p.len(), out);
    for s in out.iter_mut().skip(first) {
        *s = Span::new(s.start + para.start, s.end + para.start);
    }
}

/// Whether the terminal char `c`, preceded by `before` and followed by `next`, ends a sentence.
fn is_sentence_end(before: &str, c: char, next: Option<char>) -> bool {
    if let Some(n) = next {
        if is_arabic_letter(n) {
            // Writers often omit the space after a point: "العراق.وقال" splits,
            // but "د.محمد" is an abbreviation.
            return c != '.' || word_before(before).chars().nth(1).is_some();
        }
        if !is_blank(n) {
            return false;
        }
    }
    if c != '.' {
        return true;
    }
    let word = word_before(before);
    // "وم." is و + the initial م.
    let initial = word.strip_prefix(['و', 'ف']).filter(|w| !w.is_empty()).unwrap_or(word);
    let mut letters = initial.chars().filter(|ch| ch.is_alphabetic());
    let single_letter = letters.next().is_some() && letters.next().is_none();
    // "2015م." ends a sentence (م marks the year); " م. " is an abbreviation.
    let glued_to_digit = before
        .get(..before.len() - word.len())
        .and_then(|b| b.chars().next_back())
        .is_some_and(|d| d.is_ascii_digit() || ('\u{0660}'..='\u{0669}').contains(&d));
    if single_letter && !glued_to_digit {
        return false;
    }
    let lower = word.to_ascii_lowercase();
    !LATIN_ABBREVIATIONS.contains(&lower.as_str())
}

/// The letters immediately before byte end of `before` (the word the point closes).
fn word_before(before: &str) -> &str {
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, ch)| !(ch.is_alphabetic() || fold(ch) == Fold::Mark))
        .map_or(0, |(j, ch)| j + ch.len_utf8());
    before.get(start..).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|s| s.slice(text)).collect()
    }

    fn paras(text: &str) -> Vec<&str> {
        paragraphs(text).into_iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn paragraphs_are_lines() {
        let text = "  الأول.\r\n\r\nالثاني\n\u{200F}\n \t\nالثالث  ";
        assert_eq!(paras(text), ["الأول.", "الثاني", "الثالث"]);
        assert!(paragraphs("").is_empty());
        assert!(paragraphs("\n\r\n  ").is_empty());
    }

    #[test]
    fn splits_on_terminal_punctuation() {
        let text = "قال الوزير. وأضاف أن الوضع جيد! هل هذا صحيح؟ نعم… انتهى";
        assert_eq!(
            sents(text),
            ["قال الوزير.", "وأضاف أن الوضع جيد!", "هل هذا صحيح؟", "نعم…", "انتهى"]
        );
    }

    #[test]
    fn initials_and_abbreviations_do_not_split() {
        let text = "استقبل وزير الدفاع لويد ج. أوستن نظيره. ثم غادر.";
        assert_eq!(sents(text), ["استقبل وزير الدفاع لويد ج. أوستن نظيره.", "ثم غادر."]);
        let text = "التقى د. محمد وم. أحمد وص. علي بمسؤولي U.S. Army etc. في الرياض. انتهى.";
        assert_eq!(sents(text).len(), 2, "{:?}", sents(text));
        assert_eq!(
            sents("Mr. Smith met Dr. Jones. Then left."),
            ["Mr. Smith met Dr. Jones.", "Then left."]
        );
    }

    #[test]
    fn numbers_and_dates_do_not_split() {
        let text = "حرر 4.5 مليون شخص في 26/7/2021 و26.7.2021 بنسبة ٤٫٥. التالي";
        assert_eq!(sents(text).len(), 2, "{:?}", sents(text));
        // A year marker before the point does end the sentence.
        assert_eq!(sents("وقع ذلك عام 2015م. ثم تغير."), ["وقع ذلك عام 2015م.", "ثم تغير."]);
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        let text = "قال: «انتهى الأمر.» ثم صمت. وقال \"نعم.\" وذهب.";
        assert_eq!(sents(text), ["قال: «انتهى الأمر.»", "ثم صمت.", "وقال \"نعم.\"", "وذهب."]);
    }

    #[test]
    fn missing_space_after_point_before_arabic() {
        assert_eq!(sents("وصل الوفد.وقال الرئيس"), ["وصل الوفد.", "وقال الرئيس"]);
        assert_eq!(sents("زار د.محمد المكان"), ["زار د.محمد المكان"]);
        assert_eq!(sents("see www.spa.gov.sa now"), ["see www.spa.gov.sa now"]);
    }

    #[test]
    fn sentences_never_cross_lines() {
        let text = "عنوان بلا نقطة\nنص الخبر. جملة ثانية\r\n";
        assert_eq!(sents(text), ["عنوان بلا نقطة", "نص الخبر.", "جملة ثانية"]);
    }

    #[test]
    fn odd_input() {
        assert!(sentences("").is_empty());
        assert!(sentences("...").len() == 1);
        assert_eq!(sents("؟!"), ["؟!"]);
        assert_eq!(sents(". . ."), [".", ".", "."]);
    }
}
