//! Write the frozen fixtures of the CURRENT schema version:
//! `tests/fixtures/v{N}.db` (a small database made by this code) and
//! `tests/fixtures/schema_v{N}.sql` (its schema dump).
//!
//! ```text
//! cargo run -p marsad-store --example make_fixture [-- N]
//! ```
//!
//! `N`, when given, must be the current `SCHEMA_VERSION`: this build writes databases
//! of that version only (older fixtures were written by older builds and are frozen).
//! Run it once, when a new schema version is added, and commit both files. It refuses
//! to overwrite existing fixtures: they are frozen, later versions must keep opening them.
//!
//! Content per version (`tests/common/mod.rs`): the five `fixture_articles` (article 3
//! stored, then updated); from version 2 on, a sixth article stored without its page
//! furniture (`fixture_v2_furniture`), so the fixture holds a `furniture` value and
//! counted outlet lines; from version 3 on, signatures and near-duplicate pairs
//! (`fixture_v3_dedup`); from version 4 on, passage fingerprints and one passage
//! (`fixture_v4_passages`); from version 5 on, story assignments, a merge and a story
//! summary (`fixture_v5_stories`); from version 6 on, annotations of two articles and
//! the entity list of story 1 (`fixture_v6_annotations`).

#[path = "../tests/common/mod.rs"]
mod common;

use std::path::PathBuf;

use marsad_store::{AnnotationStore, ArticleStore, SqliteStore, StoryStore, SCHEMA_VERSION};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    if let Some(arg) = std::env::args().nth(1) {
        let version: i64 = arg.parse().map_err(|_| format!("not a schema version: {arg}"))?;
        if version != SCHEMA_VERSION {
            return Err(format!(
                "this build writes schema version {SCHEMA_VERSION} only; \
                 fixtures of version {version} are frozen (or not yet defined)"
            )
            .into());
        }
    }
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let db = dir.join(format!("v{SCHEMA_VERSION}.db"));
    let schema = dir.join(format!("schema_v{SCHEMA_VERSION}.sql"));
    for path in [&db, &schema] {
        if path.exists() {
            return Err(format!("{} exists: fixtures are frozen", path.display()).into());
        }
    }
    std::fs::create_dir_all(&dir)?;
    {
        let mut store = SqliteStore::open(&db)?;
        let mut batch = common::fixture_articles();
        // Store article 3 in its first version, then update it: the fixture holds an
        // updated row (and a deleted full-text row) too.
        batch[2] = common::fixture_third_before_update();
        println!("{:?}", store.insert_batch(&batch)?);
        println!("{:?}", store.insert_batch(&[common::fixture_update()])?);
        if SCHEMA_VERSION >= 2 {
            println!("{:?}", store.insert_batch(&[common::fixture_v2_furniture()])?);
        }
        if SCHEMA_VERSION >= 3 {
            let (signatures, pairs) = common::fixture_v3_dedup();
            store.store_dedup(&signatures, &pairs)?;
        }
        if SCHEMA_VERSION >= 4 {
            let (prints, passages) = common::fixture_v4_passages();
            store.store_passages(&prints, &passages, &[])?;
        }
        if SCHEMA_VERSION >= 5 {
            let (assignments, merges, summaries) = common::fixture_v5_stories();
            store.store_stories(&assignments, &merges, &summaries)?;
        }
        if SCHEMA_VERSION >= 6 {
            let (annotations, story_entities) = common::fixture_v6_annotations();
            store.store_annotations(&annotations)?;
            store.store_story_entities(&story_entities)?;
        }
        store.optimize()?;
    }
    std::fs::write(&schema, common::schema_dump(&db)?)?;
    println!(
        "wrote {} ({} bytes) and {}",
        db.display(),
        std::fs::metadata(&db)?.len(),
        schema.display()
    );
    Ok(())
}
