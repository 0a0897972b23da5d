//! Hand-written word lists the tagger and the linker read: gazetteers (places,
//! organisations, given names) and trigger words (titles before a person, heads of
//! organisation and place names), from the `lexicon/*.txt` files compiled in.
//!
//! Every entry is keyed by [`word_key`]: normalized (marsad-text) and clitic-stripped,
//! so والعراق, بالعراق and العراق all hit «العراق». Multi-word entries match as
//! phrases, longest first ([`Lexicon::gazetteer_tags`]).
//!
//! None of these lists is built from training labels, so cross-validation stays
//! honest without rebuilding them per fold.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use marsad_text::fxhash::FxBuildHasher;

/// The compiled-in list files; their text is part of the model's feature signature.
pub(crate) const SOURCES: [&str; 4] = [
    include_str!("lexicon/loc.txt"),
    include_str!("lexicon/org.txt"),
    include_str!("lexicon/pers_first.txt"),
    include_str!("lexicon/triggers.txt"),
];

/// Names of one body (`name|name|…`, the first canonical); read by the linker only.
const ALIASES: &str = include_str!("lexicon/aliases.txt");

/// Gazetteer classes (also the feature values).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum GazClass {
    Loc = 1,
    Org = 2,
    GivenName = 3,
}

/// Trigger classes: a title before a person, the head of an organisation or place
/// name, a speech verb, a name particle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Trigger {
    Pers = 1,
    Org = 2,
    Loc = 3,
    Cue = 4,
    Particle = 5,
}

/// What the mention builder asks the lists about a token, answered by the tagger
/// (which knows it per word type) so mentions need no word key per token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct ListFlags {
    /// Some gazetteer phrase starts with the word's key.
    pub(crate) starts_phrase: bool,
    /// The word is a person title (وزير، الرئيس…).
    pub(crate) person_title: bool,
    /// Some place or organisation phrase starts with the word's key.
    pub(crate) starts_place_or_org: bool,
}

impl ListFlags {
    /// The flags of a word key.
    pub(crate) fn of_key(key: &str) -> ListFlags {
        let lex = lexicon();
        ListFlags {
            starts_phrase: lex.starts_phrase(key),
            person_title: lex.is_person_title(key),
            starts_place_or_org: lex
                .phrases
                .get(key)
                .is_some_and(|list| list.iter().any(|(_, class)| *class != GazClass::GivenName)),
        }
    }
}

/// The loaded lists.
#[derive(Debug)]
pub(crate) struct Lexicon {
    /// First token key → phrases (token keys) starting with it, longest first.
    phrases: HashMap<String, Vec<(Vec<String>, GazClass)>, FxBuildHasher>,
    triggers: HashMap<String, Trigger, FxBuildHasher>,
    /// Phrase key (word keys joined by a space) → canonical name.
    aliases: HashMap<String, &'static str, FxBuildHasher>,
    /// Normalized (not clitic-stripped) words of every list: gazetteer words and triggers.
    list_words: HashSet<String, FxBuildHasher>,
    /// Words of the longest phrase.
    longest: usize,
}

/// The lexicon, parsed once.
pub(crate) fn lexicon() -> &'static Lexicon {
    static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);
    &LEXICON
}

/// The key every list and every feature agrees on: normalized, then clitics stripped
/// (so the article ال goes too: العراق → عراق).
pub fn word_key(word: &str) -> String {
    let norm = marsad_text::normalize_str(word);
    marsad_text::strip_clitics(&norm).to_owned()
}

/// Word keys of a phrase joined by spaces (punctuation-only words dropped).
pub(crate) fn phrase_key(phrase: &str) -> String {
    let keys: Vec<String> = phrase
        .split_whitespace()
        .map(word_key)
        .filter(|k| k.chars().any(char::is_alphanumeric))
        .collect();
    keys.join(" ")
}

fn entries(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl Lexicon {
    fn load() -> Lexicon {
        let mut phrases: HashMap<String, Vec<(Vec<String>, GazClass)>, FxBuildHasher> =
            HashMap::default();
        let classes = [GazClass::Loc, GazClass::Org, GazClass::GivenName];
        for (text, class) in SOURCES.iter().zip(classes) {
            for line in entries(text) {
                let keys: Vec<String> = line.split_whitespace().map(word_key).collect();
                if let Some(first) = keys.first() {
                    phrases.entry(first.clone()).or_default().push((keys, class));
                }
            }
        }
        for list in phrases.values_mut() {
            list.sort_by_key(|b| std::cmp::Reverse(b.0.len()));
        }
        let mut triggers = HashMap::default();
        for line in entries(SOURCES[3]) {
            let Some((class, word)) = line.split_once('\t') else { continue };
            let class = match class.trim() {
                "PERS" => Trigger::Pers,
                "ORG" => Trigger::Org,
                "LOC" => Trigger::Loc,
                "CUE" => Trigger::Cue,
                "PART" => Trigger::Particle,
                _ => continue,
            };
            triggers.entry(word_key(word.trim())).or_insert(class);
        }
        let mut aliases = HashMap::default();
        for line in entries(ALIASES) {
            let names: Vec<&'static str> = line.split('|').map(str::trim).collect();
            for name in &names {
                aliases.entry(phrase_key(name)).or_insert(names[0]);
            }
        }
        let mut list_words = HashSet::default();
        for text in SOURCES {
            for line in entries(text) {
                for word in line.split(['\t', ' ']).filter(|w| !w.is_empty()) {
                    list_words.insert(marsad_text::normalize_str(word));
                }
            }
        }
        let longest = phrases.values().flatten().map(|(p, _)| p.len()).max().unwrap_or(1);
        Lexicon { phrases, triggers, aliases, list_words, longest }
    }

    /// The canonical name of a well-known body, if `name` is one of its names.
    pub(crate) fn alias(&self, name: &str) -> Option<&'static str> {
        self.aliases.get(&phrase_key(name)).copied()
    }

    /// Whether a normalized word (clitics kept) is a word of some list.
    pub(crate) fn is_list_word(&self, norm: &str) -> bool {
        self.list_words.contains(norm)
    }

    /// The trigger class of a word key.
    pub(crate) fn trigger(&self, key: &str) -> Option<Trigger> {
        self.triggers.get(key).copied()
    }

    /// Whether a word key is a person title (وزير، الرئيس، السفير…).
    pub(crate) fn is_person_title(&self, key: &str) -> bool {
        matches!(self.trigger(key), Some(Trigger::Pers))
    }

    /// Whether a key is a given name in the list.
    pub(crate) fn is_given_name(&self, key: &str) -> bool {
        self.phrases
            .get(key)
            .is_some_and(|list| list.iter().any(|(p, c)| p.len() == 1 && *c == GazClass::GivenName))
    }

    /// Per token: 0, or `class * 2 + (0 for the first token of a match, 1 inside)`,
    /// by longest phrase match left to right.
    pub(crate) fn gazetteer_tags(&self, keys: &[&str]) -> Vec<u8> {
        let mut out = vec![0u8; keys.len()];
        self.gazetteer_tags_into(keys, |_| true, &mut out);
        out
    }

    /// [`gazetteer_tags`](Self::gazetteer_tags) into `out` (as long as `keys`, all 0),
    /// looking up only the tokens `may_start` says can start a phrase (the others
    /// would miss anyway: the fast tagger knows this per word type).
    pub(crate) fn gazetteer_tags_into(
        &self,
        keys: &[&str],
        may_start: impl Fn(usize) -> bool,
        out: &mut [u8],
    ) {
        let mut i = 0;
        while i < keys.len() {
            let hit = may_start(i).then(|| self.phrases.get(keys[i])).flatten().and_then(|list| {
                list.iter().find(|(phrase, _)| {
                    i + phrase.len() <= keys.len()
                        && phrase.iter().zip(&keys[i..]).all(|(a, b)| a == b)
                })
            });
            match hit {
                Some((phrase, class)) => {
                    for (j, slot) in out[i..i + phrase.len()].iter_mut().enumerate() {
                        *slot = (*class as u8) * 2 + u8::from(j > 0);
                    }
                    i += phrase.len();
                }
                None => i += 1,
            }
        }
    }

    /// Words of the longest phrase of the lists.
    pub(crate) fn longest_phrase(&self) -> usize {
        self.longest
    }

    /// Whether some phrase of the lists starts with this word key.
    pub(crate) fn starts_phrase(&self, key: &str) -> bool {
        self.phrases.contains_key(key)
    }

    /// The longest organisation or place phrase starting at `keys[0]`: (length, class).
    pub(crate) fn phrase_at(&self, keys: &[&str]) -> Option<(usize, GazClass)> {
        let first = keys.first()?;
        self.phrases.get(*first).and_then(|list| {
            list.iter()
                .find(|(phrase, class)| {
                    *class != GazClass::GivenName
                        && phrase.len() <= keys.len()
                        && phrase.iter().zip(keys).all(|(a, b)| a == b)
                })
                .map(|(phrase, class)| (phrase.len(), *class))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_and_triggers() {
        let lex = lexicon();
        let words = ["زار", "وزير", "الولايات", "المتحدة", "الأمريكية", "وبغداد"];
        let keys: Vec<String> = words.iter().map(|w| word_key(w)).collect();
        let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
        let tags = lex.gazetteer_tags(&refs);
        assert_eq!(tags, vec![0, 0, 2, 3, 3, 2]); // وبغداد and بغداد share the key غداد
        assert!(lex.is_person_title(&word_key("الرئيس")));
        assert_eq!(lex.trigger(&word_key("وزارة")), Some(Trigger::Org));
        assert!(lex.is_given_name(&word_key("محمد")));
        assert_eq!(lex.phrase_at(&[&word_key("داعش")]), Some((1, GazClass::Org)));
        assert_eq!(lex.alias("وتنظيم الدولة الإسلامية"), Some("داعش"));
        assert_eq!(lex.alias("وزارة الدفاع الأمريكية"), Some("البنتاغون"));
        assert_eq!(lex.alias("ثابت العباسي"), None);
    }
}
