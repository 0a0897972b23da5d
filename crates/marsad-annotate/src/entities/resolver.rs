//! Entities across articles: [`EntityResolver`] merges each article's entities
//! (mentions grouped by kind and canonical name, see `linking.rs`) into entities
//! with aliases, roles and counts.
//!
//! - A person with a full name joins an entity that has a full name with a similar
//!   first word and a similar last word (transliteration skeletons, one edit allowed
//!   on long words): سيليست والاندر = سيليست واندر, while محمد العباسي ≠ ثابت العباسي.
//! - A person known in an article by one word only (أوستن) joins the single entity
//!   whose full names end in the same word (equal skeletons); with two or more candidates it stays
//!   apart rather than merge different people who share a family name.
//! - Organisations, places and misc join on equal skeleton keys of their canonical
//!   names (the alias list already maps البنتاغون and وزارة الدفاع الأمريكية together).

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::linking::same_person;
use super::mentions::EntityMention;
use super::skeleton::{name_key, skeleton};
use super::tags::EntityKind;

/// One entity across articles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entity {
    pub kind: EntityKind,
    /// The name most articles use.
    pub canonical: String,
    /// Every surface form seen, most frequent first.
    pub aliases: Vec<String>,
    /// Roles and titles seen before the name, most frequent first.
    pub roles: Vec<String>,
    /// Mentions in all articles.
    pub count: usize,
    /// Articles that mention it.
    pub articles: usize,
}

#[derive(Debug, Default, Clone)]
struct Node {
    kind: Option<EntityKind>,
    /// Article-level canonical names → articles using them.
    names: BTreeMap<String, usize>,
    aliases: BTreeMap<String, usize>,
    roles: BTreeMap<String, usize>,
    count: usize,
    articles: usize,
    /// The word skeletons of the names of two words or more, computed once per name
    /// (a person entity is looked up for every article that names a namesake).
    full_names: Vec<Vec<String>>,
}

impl Node {
    fn absorb(&mut self, other: &Node) {
        for (k, v) in &other.names {
            match self.names.get_mut(k) {
                Some(n) => *n += v,
                None => {
                    self.names.insert(k.clone(), *v);
                    self.full_names.extend(full_name(k));
                }
            }
        }
        for (k, v) in &other.aliases {
            *self.aliases.entry(k.clone()).or_insert(0) += v;
        }
        for (k, v) in &other.roles {
            *self.roles.entry(k.clone()).or_insert(0) += v;
        }
        self.count += other.count;
        self.articles += other.articles;
    }

    fn full_names(&self) -> impl Iterator<Item = &Vec<String>> + '_ {
        self.full_names.iter()
    }
}

/// The word skeletons of `name` when it has two words or more.
fn full_name(name: &str) -> Option<Vec<String>> {
    let skeletons: Vec<String> = name.split_whitespace().map(skeleton).collect();
    (skeletons.len() >= 2).then_some(skeletons)
}

/// Merges the entities of many articles. Lookups go through indexes (first and last
/// word skeletons of persons, name keys of the rest), so a corpus of tens of
/// thousands of articles merges in linear time.
#[derive(Debug, Default)]
pub struct EntityResolver {
    nodes: Vec<Node>,
    /// One-word persons, resolved when the entities are read.
    singles: Vec<Node>,
    /// Persons: skeleton of a full name's first word, and of its last word → nodes.
    by_first: HashMap<String, Vec<usize>>,
    by_last: HashMap<String, Vec<usize>>,
    /// Everything else: (kind, name key) → node.
    by_key: HashMap<(EntityKind, String), usize>,
}

fn sorted(map: &BTreeMap<String, usize>) -> Vec<String> {
    let mut v: Vec<(&String, &usize)> = map.iter().collect();
    v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    v.into_iter().map(|(k, _)| k.clone()).collect()
}

impl EntityResolver {
    /// An empty resolver.
    pub fn new() -> Self {
        Self::default()
    }

    /// Add one article's mentions.
    pub fn add_article(&mut self, mentions: &[EntityMention]) {
        let mut groups: BTreeMap<(EntityKind, String), Node> = BTreeMap::new();
        for m in mentions {
            let node = groups.entry((m.kind, m.entity.clone())).or_default();
            if node.kind.is_none() {
                node.kind = Some(m.kind);
                node.names.insert(m.entity.clone(), 1);
                node.full_names.extend(full_name(&m.entity));
            }
            *node.aliases.entry(m.text.clone()).or_insert(0) += 1;
            if let Some(role) = &m.role {
                *node.roles.entry(role.clone()).or_insert(0) += 1;
            }
            node.count += 1;
            node.articles = 1;
        }
        for ((kind, name), node) in groups {
            let skel: Vec<String> = name.split_whitespace().map(skeleton).collect();
            if kind == EntityKind::Person && skel.len() < 2 {
                self.singles.push(node);
                continue;
            }
            if kind != EntityKind::Person {
                let key = (kind, name_key(&name));
                match self.by_key.get(&key) {
                    Some(&i) => self.nodes[i].absorb(&node),
                    None => {
                        self.by_key.insert(key, self.nodes.len());
                        self.nodes.push(node);
                    }
                }
                continue;
            }
            let (first, last) = (skel[0].clone(), skel[skel.len() - 1].clone());
            let mut candidates: Vec<usize> = self
                .by_first
                .get(&first)
                .into_iter()
                .chain(self.by_last.get(&last))
                .flatten()
                .copied()
                .collect();
            candidates.sort_unstable();
            candidates.dedup();
            let found = candidates
                .into_iter()
                .find(|&i| self.nodes[i].full_names().any(|f| same_person(f, &skel)));
            let i = match found {
                Some(i) => {
                    self.nodes[i].absorb(&node);
                    i
                }
                None => {
                    self.nodes.push(node);
                    self.nodes.len() - 1
                }
            };
            for (index, key) in [(&mut self.by_first, first), (&mut self.by_last, last)] {
                let list = index.entry(key).or_default();
                if !list.contains(&i) {
                    list.push(i);
                }
            }
        }
    }

    /// The entities so far, most mentioned first.
    pub fn entities(&self) -> Vec<Entity> {
        let mut nodes = self.nodes.clone();
        let mut leftovers: Vec<Node> = Vec::new();
        let mut leftover_index: HashMap<String, usize> = HashMap::new();
        for single in &self.singles {
            let Some(name) = single.names.keys().next() else { continue };
            let word = skeleton(name);
            // Persons whose full name ends in this word (exact skeleton, through the index).
            let candidates: Vec<usize> = self.by_last.get(&word).cloned().unwrap_or_default();
            if let [only] = candidates[..] {
                nodes[only].absorb(single);
            } else if let Some(&l) = leftover_index.get(&word) {
                leftovers[l].absorb(single);
            } else {
                leftover_index.insert(word, leftovers.len());
                leftovers.push(single.clone());
            }
        }
        nodes.extend(leftovers);
        let mut out: Vec<Entity> = nodes
            .iter()
            .filter_map(|n| {
                let kind = n.kind?;
                // The name most articles use, then the longest, then the first in order.
                let canonical = n
                    .names
                    .iter()
                    .map(|(name, &articles)| (articles, name.split_whitespace().count(), name))
                    .max_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)).then(b.2.cmp(a.2)))?
                    .2
                    .clone();
                Some(Entity {
                    kind,
                    canonical,
                    aliases: sorted(&n.aliases),
                    roles: sorted(&n.roles),
                    count: n.count,
                    articles: n.articles,
                })
            })
            .collect();
        out.sort_by(|a, b| {
            b.count.cmp(&a.count).then(a.kind.cmp(&b.kind)).then(a.canonical.cmp(&b.canonical))
        });
        out
    }
}
