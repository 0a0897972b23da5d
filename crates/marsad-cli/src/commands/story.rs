//! `marsad story ID`: one story — its members (outlet, title, time, how each joined,
//! duplicate-of) and why they are one story: the terms the members share, weighted as
//! the clusterer weighs them (`marsad_cluster::why`), and the people, organisations
//! and places found in more than one member (the story's entities as ingest stored
//! them: the members' mentions with spelling variants merged). An id merged into
//! another story resolves to it.

use anyhow::Result;
use marsad_cluster::why::{shared_terms, SharedTerm};
use marsad_cluster::{ArticleInput, ClusterConfig};
use marsad_store::{
    AnnotationStore, ArticleStore, SqliteStore, StoryEntity, StoryMember, StoryStore,
};
use serde::Serialize;

use super::stories::{iso, line, print_story_row, short, StoryLine};

/// Shared terms shown.
const WHY_TERMS: usize = 12;
/// Members whose text is read for the shared terms (the first ones, in assignment order).
const WHY_MEMBERS: usize = 200;
/// Shared entities shown.
const WHY_ENTITIES: usize = 12;

#[derive(Debug, Serialize)]
struct StoryJson<'a> {
    #[serde(flatten)]
    story: StoryLine<'a>,
    /// The id asked for, when it was merged into this story.
    resolved_from: Option<i64>,
    members: Vec<MemberJson<'a>>,
    why: Vec<WhyJson<'a>>,
    /// (+) Entities found in more than one member (in the one member of a
    /// single-article story), most widespread first.
    entities: Vec<EntityJson<'a>>,
}

#[derive(Debug, Serialize)]
struct EntityJson<'a> {
    kind: &'a str,
    canonical: &'a str,
    aliases: &'a [String],
    articles: u64,
}

#[derive(Debug, Serialize)]
struct MemberJson<'a> {
    id: i64,
    outlet: &'a str,
    title: &'a str,
    /// The time the clusterer used (ISO 8601 UTC).
    time: String,
    /// `new` (started the story), `joined` (with `score`) or `duplicate` (of `duplicate_of`).
    kind: &'a str,
    score: Option<f64>,
    duplicate_of: Option<i64>,
}

#[derive(Debug, Serialize)]
struct WhyJson<'a> {
    term: &'a str,
    kind: &'a str,
    articles: usize,
    weight: f64,
}

pub fn run(store: &SqliteStore, id: i64, json: bool) -> Result<()> {
    let resolved = super::stories::resolve(store, id)?;
    let Some(story) = store.story(resolved)? else {
        anyhow::bail!("no story #{id} (see `marsad stories`)");
    };
    let members = store.story_members(&[resolved])?;
    let why = why(store, &members)?;
    let entities = shared_entities(store, resolved, members.len())?;
    let resolved_from = (resolved != id).then_some(id);
    if json {
        let out = StoryJson {
            story: line(&story, &members),
            resolved_from,
            members: members
                .iter()
                .map(|m| MemberJson {
                    id: m.article,
                    outlet: &m.outlet,
                    title: &m.title,
                    time: iso(m.time),
                    kind: &m.kind,
                    score: m.score,
                    duplicate_of: m.duplicate_of,
                })
                .collect(),
            why: why
                .iter()
                .map(|t| WhyJson {
                    term: &t.term,
                    kind: t.kind,
                    articles: t.articles,
                    weight: (t.weight * 1000.0).round() / 1000.0,
                })
                .collect(),
            entities: entities
                .iter()
                .map(|e| EntityJson {
                    kind: &e.kind,
                    canonical: &e.canonical,
                    aliases: &e.aliases,
                    articles: e.articles,
                })
                .collect(),
        };
        say!("{}", serde_json::to_string(&out)?);
        return Ok(());
    }
    if let Some(old) = resolved_from {
        say!("(story #{old} was merged into #{resolved})");
    }
    print_story_row(&story)?;
    say!("\nmembers:");
    for m in &members {
        let how = match (m.kind.as_str(), m.score, m.duplicate_of) {
            ("duplicate", _, Some(of)) => format!("duplicate of #{of}"),
            ("joined", Some(score), _) => format!("joined ({score:.2})"),
            (kind, ..) => kind.to_owned(),
        };
        say!("  #{:<6} {}  {:<14} {:<18} {}", m.article, short(m.time), m.outlet, how, m.title);
    }
    if !why.is_empty() {
        say!("\nwhy one story (shared terms: members with it, weight):");
        let terms: Vec<String> =
            why.iter().map(|t| format!("{} ({}, {:.2})", t.term, t.articles, t.weight)).collect();
        say!("  {}", terms.join("  "));
    }
    if !entities.is_empty() {
        say!("\nentities in more than one member (members with it):");
        let names: Vec<String> = entities
            .iter()
            .map(|e| format!("{} {} ({})", e.kind, e.canonical, e.articles))
            .collect();
        say!("  {}", names.join("  "));
    }
    Ok(())
}

/// The terms the members share.
fn why(store: &SqliteStore, members: &[StoryMember]) -> Result<Vec<SharedTerm>> {
    let mut inputs = Vec::new();
    for m in members.iter().take(WHY_MEMBERS) {
        if let Some(a) = store.article(m.article)? {
            inputs.push(ArticleInput::new(a.id, None, a.title, a.text));
        }
    }
    Ok(shared_terms(&inputs, &ClusterConfig::default(), WHY_TERMS))
}

/// The story's stored entities that more than one member names (the one member of a
/// single-article story), most widespread first.
fn shared_entities(store: &SqliteStore, story: i64, size: usize) -> Result<Vec<StoryEntity>> {
    let shared_by = size.min(2) as u64;
    let mut entities: Vec<StoryEntity> =
        store.story_entities(story)?.into_iter().filter(|e| e.articles >= shared_by).collect();
    entities.sort_by(|a, b| b.articles.cmp(&a.articles).then(b.count.cmp(&a.count)));
    entities.truncate(WHY_ENTITIES);
    Ok(entities)
}
