//! Linking the mentions of one article into entities: mentions of the same kind
//! whose names agree join one group (union-find), and every mention carries its
//! group's canonical name.
//!
//! - Persons: two full names (two or more name words) join when their first words
//!   and their last words are spelling variants ([`similar_words`]); a one-word
//!   mention (أوستن، أوستن الثالث) joins the nearest full name before it (else the
//!   first after it) that has a non-first word like it, so two people sharing a
//!   family name in one article keep apart unless the surname alone is ambiguous.
//!   Initials (ج.) and generational suffixes (الثالث، الابن) are not name words.
//! - Organisations, places, misc: equal skeleton keys, or one canonical name of a
//!   well-known body from `lexicon/aliases.txt` (داعش = تنظيم الدولة الإسلامية).
//!
//! The canonical name of a person is the most frequent full form (name words
//! only, so لويد ج. أوستن reads لويد أوستن); of anything else, the alias-list name
//! or the most frequent surface form.

use std::collections::HashMap;

use marsad_text::{Token, TokenKind};

use super::lexicon::lexicon;
use super::mentions::{EntityMention, RawMention};
use super::skeleton::{name_key, similar_skeletons, skeleton};
use super::tags::EntityKind;

/// Words after a name that are not part of it.
pub(crate) const SUFFIXES: [&str; 8] =
    ["الثالث", "الثاني", "الرابع", "الابن", "الاب", "جونيور", "الاول", "الصغير"];

/// The name words of a mention (display forms), without initials, suffixes and titles.
pub(crate) fn name_words<'t>(text: &'t str, tokens: &[Token], m: &RawMention) -> Vec<&'t str> {
    let lex = lexicon();
    let mut out = Vec::new();
    for i in m.first..m.end {
        let t = &tokens[i];
        if !matches!(t.kind, TokenKind::Word | TokenKind::Latin) {
            continue;
        }
        let start = if i == m.first { m.span.start } else { t.span.start };
        let Some(word) = text.get(start..t.span.end) else { continue };
        let letters = t.norm.chars().count();
        let initial = m.kind == EntityKind::Person
            && (letters == 1
                || (letters <= 3
                    && i + 2 < m.end
                    && tokens.get(i + 1).is_some_and(|n| n.span.slice(text) == ".")));
        let norm = marsad_text::normalize_str(word);
        if initial || (m.kind == EntityKind::Person && SUFFIXES.contains(&norm.as_str())) {
            continue;
        }
        if m.kind == EntityKind::Person && lex.is_person_title(&super::lexicon::word_key(word)) {
            continue;
        }
        out.push(word);
    }
    out
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        parent[ra.max(rb)] = ra.min(rb);
    }
}

/// Whether two full person names agree: last words alike (one edit allowed on
/// long skeletons: والاندر / واندر) and first words with equal skeletons, or one
/// edit apart only when both are long (سلمان ≠ سلطان).
pub(crate) fn same_person(a: &[String], b: &[String]) -> bool {
    match (a.first(), b.first(), a.last(), b.last()) {
        (Some(af), Some(bf), Some(al), Some(bl)) => {
            let first_alike = af == bf
                || (af.chars().count() >= 6
                    && bf.chars().count() >= 6
                    && similar_skeletons(af, bf));
            first_alike && similar_skeletons(al, bl)
        }
        _ => false,
    }
}

/// Link the mentions of one article and give each its canonical name.
pub(crate) fn link_mentions(
    text: &str,
    tokens: &[Token],
    raw: Vec<RawMention>,
) -> Vec<EntityMention> {
    let lex = lexicon();
    let words: Vec<Vec<&str>> = raw.iter().map(|m| name_words(text, tokens, m)).collect();
    let skeletons: Vec<Vec<String>> =
        words.iter().map(|w| w.iter().map(|x| skeleton(x)).collect()).collect();
    let surface: Vec<String> = raw
        .iter()
        .map(|m| m.span.slice(text).split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    let alias: Vec<Option<&str>> = surface.iter().map(|s| lex.alias(s)).collect();
    let n = raw.len();
    let mut parent: Vec<usize> = (0..n).collect();
    let mut by_key: HashMap<(EntityKind, String), usize> = HashMap::new();
    for i in 0..n {
        let kind = raw[i].kind;
        if kind == EntityKind::Person && skeletons[i].len() >= 2 {
            for j in 0..i {
                if raw[j].kind == kind
                    && skeletons[j].len() >= 2
                    && same_person(&skeletons[i], &skeletons[j])
                {
                    union(&mut parent, i, j);
                }
            }
        } else if kind != EntityKind::Person {
            let key = alias[i].map_or_else(|| name_key(&surface[i]), str::to_owned);
            match by_key.get(&(kind, key.clone())) {
                Some(&j) => union(&mut parent, i, j),
                None => {
                    by_key.insert((kind, key), i);
                }
            }
        }
    }
    // One-word person mentions: the nearest full name before (else after) with a
    // non-first word like it; otherwise other one-word mentions spelled alike.
    for i in 0..n {
        if raw[i].kind != EntityKind::Person || skeletons[i].len() != 1 {
            continue;
        }
        let word = &skeletons[i][0];
        let fits = |j: &usize| {
            raw[*j].kind == EntityKind::Person
                && skeletons[*j].len() >= 2
                && skeletons[*j][1..].iter().any(|w| similar_skeletons(w, word))
        };
        let target = (0..i).rev().find(fits).or_else(|| (i + 1..n).find(fits)).or_else(|| {
            (0..i).find(|&j| {
                raw[j].kind == EntityKind::Person
                    && skeletons[j].len() == 1
                    && similar_skeletons(&skeletons[j][0], word)
            })
        });
        if let Some(j) = target {
            union(&mut parent, i, j);
        }
    }
    // Canonical name per group.
    let mut forms: HashMap<usize, Vec<(String, usize)>> = HashMap::new();
    for i in 0..n {
        let root = find(&mut parent, i);
        let full = raw[i].kind != EntityKind::Person || skeletons[i].len() >= 2;
        let form = match (alias[i], raw[i].kind) {
            (Some(a), _) => a.to_owned(),
            (None, EntityKind::Person) => words[i].join(" "),
            (None, _) => surface[i].clone(),
        };
        if form.is_empty() {
            continue;
        }
        // Full forms outrank one-word forms; alias-list names outrank everything.
        let weight = if alias[i].is_some() {
            1000
        } else if full {
            10
        } else {
            1
        };
        let list = forms.entry(root).or_default();
        match list.iter_mut().find(|(f, _)| *f == form) {
            Some((_, w)) => *w += weight,
            None => list.push((form, weight)),
        }
    }
    let canonical: HashMap<usize, String> = forms
        .into_iter()
        .map(|(root, list)| {
            let best = list
                .into_iter()
                .enumerate()
                .max_by(|(ia, (fa, wa)), (ib, (fb, wb))| {
                    wa.cmp(wb)
                        .then(fa.split_whitespace().count().cmp(&fb.split_whitespace().count()))
                        .then(ib.cmp(ia))
                })
                .map(|(_, (f, _))| f)
                .unwrap_or_default();
            (root, best)
        })
        .collect();
    raw.into_iter()
        .enumerate()
        .map(|(i, m)| {
            let root = find(&mut parent, i);
            EntityMention {
                text: surface[i].clone(),
                entity: canonical.get(&root).cloned().unwrap_or_else(|| surface[i].clone()),
                span: m.span,
                kind: m.kind,
                role: m.role,
            }
        })
        .collect()
}
