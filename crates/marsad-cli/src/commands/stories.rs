//! `marsad stories`: the stories the ingest clustered, newest (last seen) first.
//!
//! Readable: one block per story (id, title, article count, outlets, time span).
//! `--json`: JSON Lines, one story per line, the DESIGN.md contract
//! `{"id", "title", "first_seen", "last_seen", "outlets", "size", "articles":
//! [{"id", "url", "outlet", "title", "published"}]}`; `--all` lists every story
//! (singletons included, no `--since`/`--limit`).

use anyhow::Result;
use marsad_store::{SqliteStore, StoryFilter, StoryMember, StoryRecord, StoryStore};
use serde::Serialize;

/// One story line of `marsad stories --json`.
#[derive(Debug, Serialize)]
pub struct StoryLine<'a> {
    pub id: i64,
    pub title: &'a str,
    /// ISO 8601, UTC.
    pub first_seen: String,
    pub last_seen: String,
    pub outlets: &'a [String],
    pub size: u64,
    pub articles: Vec<MemberLine<'a>>,
}

/// One member article in a story line.
#[derive(Debug, Serialize)]
pub struct MemberLine<'a> {
    pub id: i64,
    pub url: &'a str,
    pub outlet: &'a str,
    pub title: &'a str,
    /// The article's publication time (RFC 3339), `null` when unknown.
    pub published: Option<String>,
}

/// Unix seconds as ISO 8601 UTC.
pub fn iso(ts: i64) -> String {
    chrono::DateTime::from_timestamp(ts, 0)
        .map(|d| d.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_default()
}

/// Unix seconds as a short UTC date and time.
pub fn short(ts: i64) -> String {
    chrono::DateTime::from_timestamp(ts, 0)
        .map(|d| d.format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_default()
}

pub fn line<'a>(story: &'a StoryRecord, members: &'a [StoryMember]) -> StoryLine<'a> {
    StoryLine {
        id: story.id,
        title: &story.title,
        first_seen: iso(story.first_seen),
        last_seen: iso(story.last_seen),
        outlets: &story.outlets,
        size: story.size,
        articles: members
            .iter()
            .map(|m| MemberLine {
                id: m.article,
                url: &m.url,
                outlet: &m.outlet,
                title: &m.title,
                published: m.published.map(|p| p.to_rfc3339()),
            })
            .collect(),
    }
}

/// `since`: a date (`YYYY-MM-DD`, UTC midnight) or an RFC 3339 time.
/// The story an id names now (itself, or the story it was merged into).
pub fn resolve(store: &SqliteStore, id: i64) -> Result<i64> {
    match store.resolve_story(id)? {
        Some(resolved) => Ok(resolved),
        None => anyhow::bail!("no story #{id} (see `marsad stories`)"),
    }
}

/// The article ids of story `id` (or of the story it was merged into), in assignment
/// order, optionally of one outlet.
pub fn member_ids(store: &SqliteStore, id: i64, outlet: Option<&str>) -> Result<Vec<i64>> {
    let members = store.story_members(&[resolve(store, id)?])?;
    Ok(members
        .into_iter()
        .filter(|m| outlet.is_none_or(|o| o == m.outlet))
        .map(|m| m.article)
        .collect())
}

pub fn parse_since(since: &str) -> Result<i64> {
    if let Ok(day) = chrono::NaiveDate::parse_from_str(since, "%Y-%m-%d") {
        return Ok(day.and_hms_opt(0, 0, 0).map_or(0, |d| d.and_utc().timestamp()));
    }
    chrono::DateTime::parse_from_rfc3339(since)
        .map(|d| d.timestamp())
        .map_err(|_| anyhow::anyhow!("--since {since:?}: expected YYYY-MM-DD or an RFC 3339 time"))
}

pub fn run(
    store: &SqliteStore,
    json: bool,
    all: bool,
    since: Option<&str>,
    limit: usize,
) -> Result<()> {
    let filter = if all {
        StoryFilter::default()
    } else {
        StoryFilter { since: since.map(parse_since).transpose()?, limit: Some(limit) }
    };
    let stories = store.stories(&filter)?;
    if !json && stories.is_empty() {
        say!("no stories yet (ingest articles first: marsad ingest PATH...)");
    }
    for story in &stories {
        if json {
            let members = store.story_members(&[story.id])?;
            say!("{}", serde_json::to_string(&line(story, &members))?);
        } else {
            print_story_row(story)?;
        }
    }
    Ok(())
}

/// The readable form of one story.
pub fn print_story_row(story: &StoryRecord) -> Result<()> {
    let span = if story.first_seen == story.last_seen {
        short(story.first_seen)
    } else {
        format!("{} → {}", short(story.first_seen), short(story.last_seen))
    };
    let articles = if story.size == 1 { "article" } else { "articles" };
    say!("story #{:<6} {} {articles}  {span}", story.id, story.size);
    say!("    {}", story.title);
    say!("    outlets: {}", story.outlets.join(", "));
    Ok(())
}
