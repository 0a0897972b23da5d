//! The search form of Arabic text, with a map back to the original bytes.
//!
//! Normalization works one original char at a time, so every normalized char
//! knows which original char produced it. That is what lets annotators work on
//! the search form and still report spans in the text the user sees.

use marsad_model::Span;
use unicode_normalization::UnicodeNormalization;

/// What normalization does to one original char.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fold {
    /// Unchanged.
    Keep,
    /// Replaced by one char.
    To(char),
    /// A combining mark or tatweel: removed, but it belongs to the letter before
    /// it, so token spans extend over it.
    Mark,
    /// An invisible format char (bidi, zero-width, BOM): removed and ignored.
    Invisible,
    /// A compatibility char (presentation forms, ligatures, fullwidth): replaced
    /// by its NFKC form, itself folded again.
    Compat,
}

/// Classify one char. Hot: ASCII and the basic Arabic letters return early.
#[inline]
pub(crate) fn fold(c: char) -> Fold {
    let u = c as u32;
    if u < 0x80 {
        return Fold::Keep;
    }
    match u {
        // Basic Arabic block: letters, harakat, digits.
        0x0600..=0x06FF => fold_arabic(u),
        0x00AD | 0x180E | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2064 | 0x2066..=0x2069 => {
            Fold::Invisible
        }
        0xFEFF | 0xFE00..=0xFE0F => Fold::Invisible,
        // Arabic presentation forms A and B, Latin/Hebrew ligatures, small,
        // vertical and fullwidth/halfwidth forms.
        0xFB00..=0xFDFF | 0xFE10..=0xFE6F | 0xFE70..=0xFEFE | 0xFF00..=0xFFEF => Fold::Compat,
        _ => Fold::Keep,
    }
}

#[inline]
fn fold_arabic(u: u32) -> Fold {
    match u {
        // أ آ إ and alef wasla: one alef, because writers drop hamzas freely.
        0x0622 | 0x0623 | 0x0625 | 0x0671 => Fold::To('\u{0627}'),
        // Alef maqsura is written for final ya (and the reverse) in much news text.
        0x0649 => Fold::To('\u{064A}'),
        // Ta marbuta is often written as ha.
        0x0629 => Fold::To('\u{0647}'),
        // Persian kaf and ya typed on Persian keyboards.
        0x06A9 => Fold::To('\u{0643}'),
        0x06CC => Fold::To('\u{064A}'),
        0x0660..=0x0669 => ascii_digit(u - 0x0660),
        0x06F0..=0x06F9 => ascii_digit(u - 0x06F0),
        0x061C => Fold::Invisible,
        // Quranic marks, harakat, superscript alef, tatweel, Quranic annotation signs.
        0x0610..=0x061A
        | 0x064B..=0x065F
        | 0x0670
        | 0x0640
        | 0x06D6..=0x06DC
        | 0x06DF..=0x06E4
        | 0x06E7
        | 0x06E8
        | 0x06EA..=0x06ED => Fold::Mark,
        _ => Fold::Keep,
    }
}

#[inline]
fn ascii_digit(d: u32) -> Fold {
    Fold::To(char::from(b'0' + (d as u8)))
}

/// Calls `f` with every normalized char of the compatibility char `c`.
///
/// NFKC of one char may yield marks or alef forms, which are folded again;
/// the result never contains a char that would itself need folding.
pub(crate) fn expand_compat(c: char, mut f: impl FnMut(char)) {
    for d in std::iter::once(c).nfkc() {
        match fold(d) {
            Fold::Keep | Fold::Compat => f(d),
            Fold::To(r) => f(r),
            Fold::Mark | Fold::Invisible => {}
        }
    }
}

/// Search form of a text plus a map from every normalized byte offset to the original one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    /// The search form: see [`normalize_str`] for what changes.
    pub text: String,
    /// `offsets[i]` = original byte offset of normalized byte `i`; one extra
    /// entry for `text.len()`. u32 keeps the map at 4 bytes per byte.
    offsets: Vec<u32>,
}

impl Normalized {
    /// Original byte offset of normalized byte offset `offset` (0..=text.len()).
    ///
    /// 0 maps to 0 and `text.len()` to the original length (for an empty
    /// search form, both map to the original length); offsets past the end
    /// map to the end. A boundary between two chars maps to the start of the
    /// next kept original char, so harakat after a letter fall inside the
    /// letter's span and bidi marks before a word fall outside it.
    pub fn to_original(&self, offset: usize) -> usize {
        let i = offset.min(self.text.len());
        self.offsets.get(i).map_or(0, |&o| o as usize)
    }

    /// Original span covering normalized span `span`.
    ///
    /// A span that ends inside the expansion of one original char (a ligature
    /// like ﻻ) is widened to cover that whole char.
    pub fn span_to_original(&self, span: Span) -> Span {
        let len = self.text.len();
        let start = span.start.min(len);
        let end = span.end.min(len).max(start);
        let orig_start = self.to_original(start);
        if end == start {
            return Span::new(orig_start, orig_start);
        }
        let last = self.offsets.get(end - 1).copied().unwrap_or(0);
        let mut j = end;
        while j < len && self.offsets.get(j).copied() == Some(last) {
            j += 1;
        }
        Span::new(orig_start, self.to_original(j).max(orig_start))
    }
}

/// Normalize with an offset map.
///
/// Same text as [`normalize_str`]; use this when results must point back into
/// the original text.
pub fn normalize(text: &str) -> Normalized {
    let mut out = String::with_capacity(text.len());
    let mut offsets: Vec<u32> = Vec::with_capacity(text.len() + 1);
    let push = |out: &mut String, offsets: &mut Vec<u32>, s: &str, orig: usize| {
        out.push_str(s);
        let o = to_u32(orig);
        offsets.extend(std::iter::repeat_n(o, s.len()));
    };
    for (i, c) in text.char_indices() {
        let mut buf = [0u8; 4];
        match fold(c) {
            Fold::Keep => push(&mut out, &mut offsets, c.encode_utf8(&mut buf), i),
            Fold::To(r) => push(&mut out, &mut offsets, r.encode_utf8(&mut buf), i),
            Fold::Mark | Fold::Invisible => {}
            Fold::Compat => expand_compat(c, |d| {
                push(&mut out, &mut offsets, d.encode_utf8(&mut buf), i);
            }),
        }
    }
    offsets.push(to_u32(text.len()));
    // Leading invisible marks belong to the first span rather than to none:
    // offset 0 maps to 0 (unless nothing is left, then to the end).
    if !out.is_empty() {
        if let Some(first) = offsets.first_mut() {
            *first = 0;
        }
    }
    Normalized { text: out, offsets }
}

fn to_u32(v: usize) -> u32 {
    u32::try_from(v).unwrap_or(u32::MAX)
}

/// Calls `f(original_offset, original_len, char)` for every char of the search form,
/// in order: the chars of [`normalize_str`], each with the byte span of the original
/// char it came from, without building the string or an offset map (for callers that
/// only scan the search form once, such as word tokenizers that need original spans).
pub fn for_each_normalized_char(text: &str, mut f: impl FnMut(usize, usize, char)) {
    for (i, c) in text.char_indices() {
        let len = c.len_utf8();
        match fold(c) {
            Fold::Keep => f(i, len, c),
            Fold::To(r) => f(i, len, r),
            Fold::Mark | Fold::Invisible => {}
            Fold::Compat => expand_compat(c, |d| f(i, len, d)),
        }
    }
}

/// Normalize without building the map (hot path).
///
/// The search form: NFKC of compatibility chars (Arabic presentation forms,
/// ligatures, fullwidth forms); harakat, Quranic marks, superscript alef and
/// tatweel removed; bidi and zero-width marks, soft hyphens and variation
/// selectors removed; أ إ آ ٱ → ا, ى → ي,
/// ة → ه, Persian ک ی → ك ي; Arabic-Indic and Persian digits → ASCII.
/// Hamza on waw/ya (ؤ ئ), punctuation (، ؛ ؟ « ») and whitespace are kept
/// as they are; Latin case is kept.
pub fn normalize_str(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    normalize_into(text, &mut out);
    out
}

/// Append the search form of `text` to `out` (see [`normalize_str`]).
///
/// Unchanged runs are copied as slices: plain text costs one scan and a few
/// `memcpy`s, and no allocation beyond `out`'s growth.
pub fn normalize_into(text: &str, out: &mut String) {
    if text.is_ascii() {
        out.push_str(text);
        return;
    }
    let mut run = 0;
    for (i, c) in text.char_indices() {
        let f = fold(c);
        if f == Fold::Keep {
            continue;
        }
        out.push_str(text.get(run..i).unwrap_or(""));
        run = i + c.len_utf8();
        match f {
            Fold::To(r) => out.push(r),
            Fold::Compat => expand_compat(c, |d| out.push(d)),
            Fold::Keep | Fold::Mark | Fold::Invisible => {}
        }
    }
    out.push_str(text.get(run..).unwrap_or(""));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_letters_marks_and_digits() {
        assert_eq!(normalize_str("أَحْمَدُ"), "احمد");
        assert_eq!(normalize_str("إسلام آخر ٱلله"), "اسلام اخر الله");
        assert_eq!(normalize_str("مستشفى المدينة"), "مستشفي المدينه");
        assert_eq!(normalize_str("ســـلام"), "سلام");
        assert_eq!(normalize_str("٢٠٢٣ ۱۴۰۲"), "2023 1402");
        assert_eq!(normalize_str("مؤتمر رئيس"), "مؤتمر رئيس");
        assert_eq!(normalize_str("نعم، لا؛ لماذا؟ «هنا»"), "نعم، لا؛ لماذا؟ «هنا»");
        assert_eq!(normalize_str("a\r\n  b"), "a\r\n  b");
        assert_eq!(normalize_str("الْقُرْآنُ"), "القران");
    }

    #[test]
    fn removes_invisible_marks() {
        let s = "\u{FEFF}\u{200F}مرحبا\u{200C}بك\u{202B}\u{2066}x\u{2069}\u{061C}";
        assert_eq!(normalize_str(s), "مرحبابكx");
    }

    #[test]
    fn presentation_forms_become_base_letters() {
        // ﻣﺮﺣﺒﺎ = مرحبا in presentation forms B; ﻵ = لآ ligature.
        assert_eq!(normalize_str("\u{FEE3}\u{FEAE}\u{FEA3}\u{FE92}\u{FE8E}"), "مرحبا");
        assert_eq!(normalize_str("\u{FEF5}"), "لا");
        assert_eq!(normalize_str("\u{FEF7}"), "لا");
        assert_eq!(normalize_str("\u{FDF2}"), "الله");
        // Hamza on waw in presentation form keeps its hamza, like the base letter.
        assert_eq!(normalize_str("\u{FE85}"), "ؤ");
        assert_eq!(normalize_str("\u{FF21}\u{FF11}"), "A1");
    }

    #[test]
    fn offset_map_points_back() {
        let text = "قَالَ \u{200F}الأمير";
        let n = normalize(text);
        assert_eq!(n.text, "قال الامير");
        assert_eq!(n.to_original(0), 0);
        assert_eq!(n.to_original(n.text.len()), text.len());
        // "قال" covers its trailing fatha in the original.
        let qal = n.span_to_original(Span::new(0, "قال".len()));
        assert_eq!(qal.slice(text), "قَالَ");
        let start = n.text.find("الامير").unwrap_or(0);
        let w = n.span_to_original(Span::new(start, n.text.len()));
        assert_eq!(w.slice(text), "الأمير");
    }

    #[test]
    fn offset_map_widens_ligature_spans() {
        let text = "x\u{FEFB}y";
        let n = normalize(text);
        assert_eq!(n.text, "xلاy");
        let lam = Span::new(1, 1 + 'ل'.len_utf8());
        assert_eq!(n.span_to_original(lam).slice(text), "\u{FEFB}");
        assert_eq!(n.to_original(usize::MAX), text.len());
    }

    #[test]
    fn normalized_text_equals_fast_path() {
        for s in ["", "abc", "أَ\u{FEFB}٣ى", "\u{FDFA}", "ة\r\n"] {
            assert_eq!(normalize(s).text, normalize_str(s));
        }
    }
}
