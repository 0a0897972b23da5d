//! Marker lines («اقرأ أيضا», «مقالات مشابهة», «المصدر: …») and source credits.

use super::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum MarkerKind {
    End,
    Link,
    Credit,
}

#[derive(Debug)]
pub(super) struct Marker {
    /// As written in the list: the reason names it.
    pub(super) phrase: &'static str,
    /// Search form.
    pub(super) key: String,
    pub(super) kind: MarkerKind,
    /// The line may go on after the phrase.
    pub(super) remainder: bool,
    /// ... only after ':' or '-' (`credit:`).
    pub(super) punctuated: bool,
}

pub(super) fn markers() -> &'static [Marker] {
    static MARKERS: OnceLock<Vec<Marker>> = OnceLock::new();
    MARKERS.get_or_init(|| parse_markers(include_str!("markers.txt")))
}

pub(super) fn parse_markers(list: &'static str) -> Vec<Marker> {
    let mut markers: Vec<Marker> = Vec::new();
    for line in list.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let Some((kind, phrase)) = line.split_once('\t') else { continue };
        let (kind, remainder, punctuated) = match kind.trim() {
            "end" => (MarkerKind::End, false, false),
            "end+" => (MarkerKind::End, true, false),
            "link+" => (MarkerKind::Link, true, false),
            "credit:" => (MarkerKind::Credit, true, true),
            "credit" => (MarkerKind::Credit, true, false),
            _ => continue,
        };
        let phrase = phrase.trim();
        let key = marker_key(&normalize_str(phrase));
        if !key.is_empty() && !markers.iter().any(|m| m.key == key) {
            markers.push(Marker { phrase, key, kind, remainder, punctuated });
        }
    }
    markers
}

/// A line's search form without the bullets and punctuation around it, spaces collapsed.
pub(super) fn marker_key(norm: &str) -> String {
    let core = norm.trim_matches(|c: char| !c.is_alphanumeric());
    let mut key = String::with_capacity(core.len());
    for word in core.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(word);
    }
    key
}

#[derive(Debug, Clone, Copy)]
pub(super) struct MarkerMatch {
    pub(super) marker: &'static Marker,
    /// Text follows the phrase on the same line.
    pub(super) has_remainder: bool,
}

impl MarkerMatch {
    pub(super) fn kind(&self) -> MarkerKind {
        self.marker.kind
    }

    pub(super) fn reason(&self) -> String {
        match self.marker.kind {
            MarkerKind::Credit => REASON_CREDIT.to_owned(),
            MarkerKind::End | MarkerKind::Link => format!("marker: {}", self.marker.phrase),
        }
    }
}

/// The search forms of the markers' first words: a line whose first word is none of
/// them is no marker (most lines), and is not normalized whole.
pub(super) fn marker_first_words() -> &'static HashSet<String> {
    static FIRST: OnceLock<HashSet<String>> = OnceLock::new();
    FIRST.get_or_init(|| {
        markers().iter().filter_map(|m| m.key.split(' ').next()).map(str::to_owned).collect()
    })
}

/// The first letters of the markers (search form): cheaper still than the first words.
pub(super) fn marker_first_letters() -> &'static HashSet<char> {
    static FIRST: OnceLock<HashSet<char>> = OnceLock::new();
    FIRST.get_or_init(|| markers().iter().filter_map(|m| m.key.chars().next()).collect())
}

pub(super) fn match_marker(content: &str) -> Option<MarkerMatch> {
    if content.len() > MAX_MARKER_LINE_BYTES {
        return None;
    }
    let start = content.trim_start_matches(|c: char| !c.is_alphanumeric());
    let first = start.chars().next()?;
    let folded = match fold(first) {
        Fold::To(c) => c,
        _ => first,
    };
    // Presentation forms (Fold::Compat) go on to the full comparison.
    if !marker_first_letters().contains(&folded) && fold(first) != Fold::Compat {
        return None;
    }
    let first_word = start.split(|c: char| !c.is_alphanumeric() && fold(c) != Fold::Mark).next()?;
    if !marker_first_words().contains(&marker_key(&normalize_str(first_word))) {
        return None;
    }
    let key = marker_key(&normalize_str(content));
    if key.is_empty() {
        return None;
    }
    // «اقرأ أيضا ما كتبه ...» ending like a sentence is prose; a credit may end with '.'.
    let sentence = ends_like_sentence(content);
    for marker in markers() {
        if key == marker.key {
            return Some(MarkerMatch { marker, has_remainder: false });
        }
        if !marker.remainder || (sentence && marker.kind != MarkerKind::Credit) {
            continue;
        }
        let Some(rest) = key.strip_prefix(marker.key.as_str()) else { continue };
        // The phrase must end on a word boundary («شاركوا» is not «شارك»).
        if rest.chars().next().is_none_or(char::is_alphanumeric) {
            continue;
        }
        let remainder = rest.trim_start_matches(|c: char| !c.is_alphanumeric());
        let separator = rest.get(..rest.len() - remainder.len()).unwrap_or("");
        let punctuated = separator.contains([':', '-', '–', '—', '|', '،', ',']);
        let words = remainder.split_whitespace().count();
        let limit = match (marker.kind, punctuated) {
            (MarkerKind::Credit, true) => MAX_CREDIT_WORDS,
            (MarkerKind::Credit, false) if marker.punctuated => continue,
            (MarkerKind::Credit, false) => MAX_BARE_CREDIT_WORDS,
            (_, true) => MAX_REMAINDER_WORDS,
            (MarkerKind::Link, false) => MAX_BARE_LINK_REMAINDER_WORDS,
            (MarkerKind::End, false) => MAX_BARE_END_REMAINDER_WORDS,
        };
        if words <= limit {
            return Some(MarkerMatch { marker, has_remainder: words > 0 });
        }
    }
    None
}

/// The credited source of a credit line: what follows the phrase (and its ':' or '-').
pub(super) fn credit_text(content: &str, marker: &Marker) -> String {
    let core = content.trim_start_matches(|c: char| !c.is_alphanumeric());
    let separated = core
        .split_once([':', '-', '–', '—'])
        .filter(|(before, _)| marker_key(&normalize_str(before)) == marker.key);
    let rest = match separated {
        Some((_, after)) => after,
        None => {
            let mut rest = core;
            for _ in 0..marker.key.split(' ').count() {
                rest = rest.trim_start();
                rest =
                    rest.get(rest.find(char::is_whitespace).unwrap_or(rest.len())..).unwrap_or("");
            }
            rest
        }
    };
    clean_credit(rest).to_owned()
}

/// A credit without the punctuation around it; brackets and quotes only when they
/// have no partner inside («وكالة الأنباء (واس)» keeps its parentheses).
pub(super) fn clean_credit(credit: &str) -> &str {
    let mut credit = credit;
    loop {
        let before = credit;
        credit = credit.trim_matches(|c: char| {
            c.is_whitespace() || matches!(c, '.' | ':' | '-' | '–' | '—' | '،' | ',' | '*')
        });
        let pairs = [('«', '»'), ('(', ')'), ('"', '"'), ('“', '”'), ('[', ']'), ('{', '}')];
        for (open, close) in pairs {
            let both = credit.strip_prefix(open).and_then(|c| c.strip_suffix(close));
            if let Some(inner) = both {
                if !inner.contains([open, close]) {
                    credit = inner;
                }
            } else if let Some(inner) = credit.strip_suffix(close) {
                if !inner.contains(open) {
                    credit = inner;
                }
            } else if let Some(inner) = credit.strip_prefix(open) {
                if !inner.contains(close) {
                    credit = inner;
                }
            }
        }
        if credit == before {
            return credit;
        }
    }
}
