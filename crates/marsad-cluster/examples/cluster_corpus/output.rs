//! Writing the stories as JSON Lines in the shape of `marsad stories --json --all`.

use std::collections::BTreeMap;
use std::io::{BufWriter, Write};

use anyhow::Context;
use marsad_cluster::summary::{summarize, MemberInfo};
use marsad_cluster::Decision;

use crate::corpus::Doc;

fn rfc3339(t: i64) -> String {
    chrono::DateTime::from_timestamp(t, 0).map(|d| d.to_rfc3339()).unwrap_or_default()
}

/// One line per story, stories in order of their id (their first article).
pub fn write_stories(
    path: &str,
    docs: &[Doc],
    decisions: &[Decision],
    stories: &[i64],
) -> anyhow::Result<()> {
    let mut members: BTreeMap<i64, Vec<&Decision>> = BTreeMap::new();
    for (d, &story) in decisions.iter().zip(stories) {
        members.entry(story).or_default().push(d);
    }
    let file = std::fs::File::create(path).with_context(|| format!("creating {path}"))?;
    let mut out = BufWriter::new(file);
    for (id, ds) in members {
        let doc = |d: &Decision| docs.get(d.article as usize);
        let infos: Vec<MemberInfo<'_>> = ds
            .iter()
            .filter_map(|d| {
                let doc = doc(d)?;
                Some(MemberInfo {
                    id: d.article,
                    outlet: &doc.outlet,
                    title: &doc.title,
                    time: d.time,
                })
            })
            .collect();
        let Some(s) = summarize(id, &infos) else { continue };
        let articles: Vec<serde_json::Value> = ds
            .iter()
            .filter_map(|d| {
                let doc = doc(d)?;
                Some(serde_json::json!({
                    "id": d.article, "url": doc.url, "outlet": doc.outlet, "title": doc.title,
                    "published": rfc3339(d.time), "duplicate_of": doc.duplicate_of,
                }))
            })
            .collect();
        let line = serde_json::json!({
            "id": s.id, "title": s.title, "first_seen": rfc3339(s.first_seen),
            "last_seen": rfc3339(s.last_seen), "outlets": s.outlets, "size": s.size,
            "articles": articles,
        });
        writeln!(out, "{line}")?;
    }
    out.flush()?;
    Ok(())
}
