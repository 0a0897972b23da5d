//! Reading SaudiNewsNet-style zips of JSON arrays, and optional near-duplicate links.

use std::io::Read;

use anyhow::Context;
use marsad_cluster::{ArticleInput, ClusterConfig, Features};

/// One record as read.
#[derive(serde::Deserialize)]
struct Record {
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    date_extracted: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    content: Option<String>,
}

/// One article of the corpus, with its position in ingest order as id.
#[derive(Debug, Clone)]
pub struct Doc {
    pub url: String,
    pub outlet: String,
    pub published: Option<i64>,
    pub title: String,
    pub text: String,
    /// Index of the input file (zip) it came from.
    pub file: usize,
    pub duplicate_of: Option<i64>,
}

impl Doc {
    pub fn input(&self, id: i64) -> ArticleInput {
        let mut input = ArticleInput::new(id, self.published, &self.title, &self.text);
        input.duplicate_of = self.duplicate_of;
        input.outlet = Some(self.outlet.clone());
        input
    }
}

/// Read every file in order; records with empty content are skipped (as ingest does).
pub fn read(paths: &[String]) -> anyhow::Result<Vec<Doc>> {
    let mut docs = Vec::new();
    for (file, path) in paths.iter().enumerate() {
        let mut push = |bytes: &[u8]| -> anyhow::Result<()> {
            let records: Vec<Record> = serde_json::from_slice(bytes)?;
            for r in records {
                let text = r.content.unwrap_or_default();
                if text.trim().is_empty() {
                    continue;
                }
                let published = r.date_extracted.as_deref().and_then(parse_time);
                docs.push(Doc {
                    url: r.url.unwrap_or_else(|| format!("{path}#{}", docs.len())),
                    outlet: r.source.unwrap_or_default(),
                    published,
                    title: r.title.unwrap_or_default(),
                    text,
                    file,
                    duplicate_of: None,
                });
            }
            Ok(())
        };
        if path.ends_with(".zip") {
            let f = std::fs::File::open(path).with_context(|| format!("opening {path}"))?;
            let mut zip = zip::ZipArchive::new(f).with_context(|| format!("reading {path}"))?;
            for i in 0..zip.len() {
                let mut member = zip.by_index(i)?;
                if !member.name().ends_with(".json") {
                    continue;
                }
                let mut bytes = Vec::new();
                member.read_to_end(&mut bytes)?;
                push(&bytes).with_context(|| format!("{path}: {}", member.name()))?;
            }
        } else {
            let bytes = std::fs::read(path).with_context(|| format!("reading {path}"))?;
            push(&bytes).with_context(|| path.clone())?;
        }
    }
    Ok(docs)
}

/// `YYYY-MM-DD hh:mm:ss` (or ISO 8601 with `T`) as Unix seconds, taken as UTC.
pub fn parse_time(s: &str) -> Option<i64> {
    let s = s.trim().replace('T', " ");
    let head = s.get(..19).unwrap_or(&s);
    chrono::NaiveDateTime::parse_from_str(head, "%Y-%m-%d %H:%M:%S")
        .ok()
        .map(|t| t.and_utc().timestamp())
}

/// Link each article to the earliest earlier article it near-duplicates (marsad-dedup).
pub fn link_duplicates(docs: &mut [Doc]) -> anyhow::Result<usize> {
    use marsad_dedup::{DedupConfig, DedupIndex, MinHasher};
    let config = DedupConfig::default();
    let hasher = MinHasher::new(&config)?;
    let sigs = parallel_map(docs, |d| hasher.signature(&d.text));
    let mut index = DedupIndex::new(config)?;
    let mut linked = 0;
    for (i, sig) in sigs.into_iter().enumerate() {
        let Some(sig) = sig else { continue };
        let first = index.insert(i as u64, sig)?.iter().map(|m| m.other as i64).min();
        if let Some(doc) = docs.get_mut(i) {
            doc.duplicate_of = first;
            linked += usize::from(first.is_some());
        }
    }
    Ok(linked)
}

/// Features of every article (id = position), on all cores.
pub fn features(docs: &[Doc], config: &ClusterConfig) -> Vec<Features> {
    let indexed: Vec<(usize, &Doc)> = docs.iter().enumerate().collect();
    parallel_map(&indexed, |&(i, d)| Features::new(&d.input(i as i64), config))
}

/// `f` over `items` on all cores, results in input order.
pub fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).max(1);
    let chunk = items.len().div_ceil(threads).max(1);
    std::thread::scope(|s| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| {
                let f = &f;
                s.spawn(move || part.iter().map(f).collect::<Vec<R>>())
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().unwrap_or_default()).collect()
    })
}
