//! Tokens with spans in the original text and a normalized form.
//!
//! The scanner reads the ORIGINAL text and folds each char on the fly (see
//! `normalize::fold`), so spans need no offset map and the hot path
//! (`index_terms`) allocates nothing per token: it reuses one `norm` buffer.

use crate::normalize::{expand_compat, fold, Fold};
use marsad_model::Span;
use serde::Serialize;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// A run of Arabic letters (harakat and tatweel inside it included).
    Word,
    /// Digits with at most one decimal separator; thousands separators dropped.
    Number,
    /// A run of non-Arabic letters (Latin and other scripts), with internal ' and -.
    Latin,
    /// One punctuation or symbol char.
    Punct,
}

/// One token of a text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Token {
    pub kind: TokenKind,
    /// Byte span in the ORIGINAL text.
    pub span: Span,
    /// Normalized form: search-form letters, ASCII digits with '.' as the
    /// decimal point and no thousands separators, Latin lowercased.
    pub norm: String,
}

/// Split `text` into tokens; whitespace and invisible marks separate or vanish.
///
/// A word glued to a number splits at the script change ("2023م" → 2023, م;
/// "لـ2023" → لـ, 2023). Never panics; spans are on char boundaries and in
/// order. Chars from one ligature share its span.
pub fn tokenize(text: &str) -> Vec<Token> {
    // News text averages ~6 bytes per token (Arabic letters are 2 bytes).
    let mut tokens = Vec::with_capacity(text.len() / 6 + 1);
    let mut scanner = Scanner::new(text);
    let mut norm = String::new();
    while let Some((kind, span)) = scanner.next_token(&mut norm) {
        tokens.push(Token { kind, span, norm: norm.clone() });
    }
    tokens
}

/// Character class after folding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter,
    Digit,
    Latin,
    /// Combining mark of a non-Arabic script: part of a Latin token.
    LatinMark,
    /// Harakat, tatweel: part of an Arabic word, dropped from its norm.
    Mark,
    Invisible,
    Space,
    Punct,
}

#[inline]
pub(crate) fn is_arabic_letter(c: char) -> bool {
    matches!(c as u32,
        0x0621..=0x063A
        | 0x0641..=0x064A
        | 0x066E..=0x066F
        | 0x0671..=0x06D3
        | 0x06D5
        | 0x06EE..=0x06EF
        | 0x06FA..=0x06FC
        | 0x06FF
        | 0x0750..=0x077F
        | 0x08A0..=0x08C9)
}

#[inline]
fn classify(c: char) -> Class {
    if c.is_ascii() {
        return if c.is_ascii_digit() {
            Class::Digit
        } else if c.is_ascii_alphabetic() {
            Class::Latin
        } else if c.is_ascii_whitespace() {
            Class::Space
        } else {
            Class::Punct
        };
    }
    if is_arabic_letter(c) {
        return Class::Letter;
    }
    match c as u32 {
        0x0600..=0x0605 | 0x06DD | 0x08E2 => Class::Invisible,
        0x08CA..=0x08FF => Class::Mark,
        0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF => Class::LatinMark,
        0x0606..=0x06FF => Class::Punct,
        _ if c.is_whitespace() => Class::Space,
        _ if c.is_alphanumeric() => Class::Latin,
        _ => Class::Punct,
    }
}

/// One folded char and the original char it came from.
#[derive(Debug, Clone, Copy)]
struct Unit {
    start: usize,
    end: usize,
    ch: char,
    class: Class,
}

/// Longest NFKC expansion of one char is 18 (U+FDFA).
const PENDING_CAP: usize = 24;

/// Position of the scanner, cheap to save for lookahead.
#[derive(Debug, Clone, Copy)]
struct Cursor {
    pos: usize,
    /// Next index into `pending`, and its length (0 = nothing pending).
    idx: u8,
    len: u8,
    /// Original byte range of the char `pending` was expanded from.
    origin: (usize, usize),
}

/// Pull tokens out of a text one at a time.
#[derive(Debug)]
pub(crate) struct Scanner<'a> {
    text: &'a str,
    cur: Cursor,
    pending: [char; PENDING_CAP],
    /// Which char `pending` currently holds the expansion of.
    filled_from: usize,
}

impl<'a> Scanner<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Scanner {
            text,
            cur: Cursor { pos: 0, idx: 0, len: 0, origin: (0, 0) },
            pending: ['\0'; PENDING_CAP],
            filled_from: usize::MAX,
        }
    }

    fn fill(&mut self, c: char, start: usize) -> u8 {
        let mut n = 0usize;
        let pending = &mut self.pending;
        expand_compat(c, |d| {
            if let Some(slot) = pending.get_mut(n) {
                *slot = d;
                n += 1;
            }
        });
        self.filled_from = start;
        n as u8
    }

    fn next_unit(&mut self) -> Option<Unit> {
        if self.cur.idx < self.cur.len {
            let (start, end) = self.cur.origin;
            if self.filled_from != start {
                // A lookahead refilled the buffer; expand our char again.
                let c = self.text.get(start..)?.chars().next()?;
                self.fill(c, start);
            }
            let ch = *self.pending.get(usize::from(self.cur.idx))?;
            self.cur.idx += 1;
            return Some(Unit { start, end, ch, class: classify(ch) });
        }
        let start = self.cur.pos;
        let c = self.text.get(start..)?.chars().next()?;
        let end = start + c.len_utf8();
        self.cur.pos = end;
        let (ch, class) = match fold(c) {
            Fold::Keep => (c, classify(c)),
            Fold::To(r) => (r, classify(r)),
            Fold::Mark => (c, Class::Mark),
            Fold::Invisible => (c, Class::Invisible),
            Fold::Compat => {
                let n = self.fill(c, start);
                if n == 0 {
                    // Expanded to nothing but marks: nothing to see.
                    return Some(Unit { start, end, ch: c, class: Class::Invisible });
                }
                self.cur = Cursor { pos: end, idx: 0, len: n, origin: (start, end) };
                return self.next_unit();
            }
        };
        Some(Unit { start, end, ch, class })
    }

    /// The next unit if `accept` takes it; otherwise the scanner does not move.
    #[inline]
    fn next_if(&mut self, accept: impl Fn(&Unit) -> bool) -> Option<Unit> {
        let saved = self.cur;
        match self.next_unit() {
            Some(u) if accept(&u) => Some(u),
            _ => {
                self.cur = saved;
                None
            }
        }
    }

    /// Whether the unit after the next one would be a digit.
    fn digit_follows(&mut self) -> bool {
        let saved = self.cur;
        let ok = self.next_unit().is_some_and(|u| u.class == Class::Digit);
        self.cur = saved;
        ok
    }

    /// Whether exactly three digits then a non-digit (or the end) follow.
    fn thousands_group_follows(&mut self) -> bool {
        let saved = self.cur;
        let mut ok = (0..3).all(|_| self.next_unit().is_some_and(|u| u.class == Class::Digit));
        if ok {
            ok = self.next_unit().is_none_or(|u| u.class != Class::Digit);
        }
        self.cur = saved;
        ok
    }

    /// The next token's kind and original span; its normalized form replaces `norm`.
    pub(crate) fn next_token(&mut self, norm: &mut String) -> Option<(TokenKind, Span)> {
        norm.clear();
        loop {
            let u = self.next_unit()?;
            match u.class {
                Class::Space | Class::Invisible | Class::Mark | Class::LatinMark => continue,
                Class::Punct => {
                    norm.push(u.ch);
                    return Some((TokenKind::Punct, Span::new(u.start, u.end)));
                }
                Class::Letter => return Some((TokenKind::Word, self.word(u, norm))),
                Class::Digit => return Some((TokenKind::Number, self.number(u, norm))),
                Class::Latin => return Some((TokenKind::Latin, self.latin(u, norm))),
            }
        }
    }

    fn word(&mut self, first: Unit, norm: &mut String) -> Span {
        norm.push(first.ch);
        let mut end = first.end;
        loop {
            let saved = self.cur;
            let Some(mut u) = self.next_unit() else { break };
            // Joiners inside a word are skipped; after its last letter they are
            // not part of it.
            while u.class == Class::Invisible {
                match self.next_unit() {
                    Some(next) => u = next,
                    None => break,
                }
            }
            match u.class {
                Class::Letter => norm.push(u.ch),
                Class::Mark => {}
                _ => {
                    self.cur = saved;
                    break;
                }
            }
            end = end.max(u.end);
        }
        Span::new(first.start, end)
    }

    fn number(&mut self, first: Unit, norm: &mut String) -> Span {
        norm.push(first.ch);
        let mut end = first.end;
        let mut decimal = false;
        loop {
            if let Some(u) = self.next_if(|u| u.class == Class::Digit) {
                norm.push(u.ch);
                end = u.end;
                continue;
            }
            let saved = self.cur;
            let Some(sep) = self.next_unit() else { break };
            let take = match sep.ch {
                '.' | '\u{066B}' if !decimal && self.digit_follows() => {
                    decimal = true;
                    norm.push('.');
                    true
                }
                ',' | '\u{066C}' => !decimal && self.thousands_group_follows(),
                _ => false,
            };
            if !take {
                self.cur = saved;
                break;
            }
        }
        Span::new(first.start, end)
    }

    fn latin(&mut self, first: Unit, norm: &mut String) -> Span {
        norm.extend(first.ch.to_lowercase());
        let mut end = first.end;
        loop {
            if let Some(u) = self.next_if(|u| matches!(u.class, Class::Latin | Class::LatinMark)) {
                norm.extend(u.ch.to_lowercase());
                end = u.end;
                continue;
            }
            let saved = self.cur;
            let joined = match self.next_unit() {
                Some(sep) if matches!(sep.ch, '\'' | '\u{2019}' | '-' | '\u{2010}') => {
                    match self.next_if(|u| u.class == Class::Latin) {
                        Some(u) => {
                            norm.push(if matches!(sep.ch, '-' | '\u{2010}') { '-' } else { '\'' });
                            norm.extend(u.ch.to_lowercase());
                            end = u.end;
                            true
                        }
                        None => false,
                    }
                }
                _ => false,
            };
            if !joined {
                self.cur = saved;
                break;
            }
        }
        Span::new(first.start, end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<(TokenKind, String, String)> {
        tokenize(text)
            .into_iter()
            .map(|t| (t.kind, t.span.slice(text).to_string(), t.norm))
            .collect()
    }

    fn norms(text: &str) -> Vec<String> {
        tokenize(text).into_iter().map(|t| t.norm).collect()
    }

    #[test]
    fn words_keep_harakat_and_tatweel_in_span() {
        let t = toks("قَالَ الـمـديـر");
        assert_eq!(t[0], (TokenKind::Word, "قَالَ".into(), "قال".into()));
        assert_eq!(t[1], (TokenKind::Word, "الـمـديـر".into(), "المدير".into()));
        assert_eq!(t.len(), 2);
    }

    #[test]
    fn numbers_are_normalized() {
        assert_eq!(norms("4.5 2,500 ٢٠٢٣ ٤٫٥ ١٬٠٠٠"), ["4.5", "2500", "2023", "4.5", "1000"]);
        assert_eq!(norms("1,250,000"), ["1250000"]);
        let t = toks("50%");
        assert_eq!(t[0].0, TokenKind::Number);
        assert_eq!(t[1], (TokenKind::Punct, "%".into(), "%".into()));
    }

    #[test]
    fn separators_that_are_not_part_of_numbers() {
        assert_eq!(norms("2014,2015"), ["2014", ",", "2015"]);
        assert_eq!(norms("2021."), ["2021", "."]);
        assert_eq!(norms("26/7/2021"), ["26", "/", "7", "/", "2021"]);
        assert_eq!(norms("1.2.3"), ["1.2", ".", "3"]);
        assert_eq!(norms("5, 6"), ["5", ",", "6"]);
        assert_eq!(norms("عام ٢٠١٥، وقال"), ["عام", "2015", "،", "وقال"]);
    }

    #[test]
    fn words_glued_to_numbers_split() {
        assert_eq!(norms("2023م"), ["2023", "م"]);
        let t = toks("لـ2023");
        assert_eq!(t[0], (TokenKind::Word, "لـ".into(), "ل".into()));
        assert_eq!(t[1], (TokenKind::Number, "2023".into(), "2023".into()));
    }

    #[test]
    fn latin_words() {
        let t = toks("O'Brien al-Qaeda COVID-19 CNN's");
        let n: Vec<_> = t.iter().map(|x| (x.0, x.2.as_str())).collect();
        assert_eq!(
            n,
            [
                (TokenKind::Latin, "o'brien"),
                (TokenKind::Latin, "al-qaeda"),
                (TokenKind::Latin, "covid"),
                (TokenKind::Punct, "-"),
                (TokenKind::Number, "19"),
                (TokenKind::Latin, "cnn's"),
            ]
        );
        assert_eq!(norms("Éric déjà"), ["éric", "déjà"]);
    }

    #[test]
    fn arabic_punctuation_is_punct() {
        let t = toks("«نعم»، لماذا؟");
        let kinds: Vec<_> = t.iter().map(|x| x.0).collect();
        use TokenKind::*;
        assert_eq!(kinds, [Punct, Word, Punct, Punct, Word, Punct]);
        assert_eq!(t[5].2, "؟");
    }

    #[test]
    fn invisible_marks_and_ligatures() {
        let text = "\u{200F}مرحبا\u{200C}بك \u{FEFB}\u{FDF2}";
        let t = toks(text);
        assert_eq!(t[0], (TokenKind::Word, "مرحبا\u{200C}بك".into(), "مرحبابك".into()));
        assert_eq!(t[1].2, "لاالله");
        assert_eq!(t[1].1, "\u{FEFB}\u{FDF2}");
        // ﷺ expands to four words, each spanning the ligature.
        let t = toks("\u{FDFA}");
        assert_eq!(t.len(), 4);
        assert!(t.iter().all(|x| x.1 == "\u{FDFA}"));
    }

    #[test]
    fn crlf_and_mixed_scripts() {
        assert_eq!(norms("abc\r\nعربي\r\n"), ["abc", "عربي"]);
        assert_eq!(norms("Москва 東京"), ["москва", "東京"]);
        assert!(tokenize("").is_empty());
        assert!(tokenize(" \u{200F} \u{064E}").is_empty());
    }
}
