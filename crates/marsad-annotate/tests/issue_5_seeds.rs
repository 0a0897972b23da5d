//! Issue 5, the seeds bar: the five seed articles (examples/seeds) give one entity
//! per person with the outlets' spelling variants merged, and ISIS and the Pentagon
//! are recognised. The snapshot holds the whole entity table.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code

use std::path::PathBuf;

use marsad_annotate::entities::{annotate_entities, Entity, EntityKind, EntityResolver};

fn seeds() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/seeds");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("examples/seeds")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().expect("name").to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).expect("seed text"))
        })
        .collect()
}

fn table() -> Vec<Entity> {
    let mut resolver = EntityResolver::new();
    for (name, text) in seeds() {
        let mentions = annotate_entities(&text).expect("the shipped model loads");
        for m in &mentions {
            assert_eq!(
                &text[m.span.start..m.span.end],
                m.text.as_str(),
                "{name}: span and text agree"
            );
        }
        resolver.add_article(&mentions);
    }
    resolver.entities()
}

fn render(entities: &[Entity]) -> String {
    let mut out = String::new();
    for e in entities {
        out.push_str(&format!(
            "{:<4} {} ×{} in {} | aliases: {} | roles: {}\n",
            e.kind.as_str(),
            e.canonical,
            e.count,
            e.articles,
            e.aliases.join("، "),
            e.roles.join("، ")
        ));
    }
    out
}

/// The entities (of `kind`) that have any of `names` among their aliases.
fn holding<'a>(entities: &'a [Entity], kind: EntityKind, names: &[&str]) -> Vec<&'a Entity> {
    entities
        .iter()
        .filter(|e| e.kind == kind && names.iter().any(|n| e.aliases.iter().any(|a| a.contains(n))))
        .collect()
}

#[test]
fn issue_5_seeds_entity_table() {
    let entities = table();
    insta::assert_snapshot!("seeds_entities", render(&entities));
}

#[test]
fn issue_5_seeds_one_entity_per_person() {
    let entities = table();
    let people: [&[&str]; 9] = [
        &["لويد أوستن", "لويد ج. أوستن", "أوستن الثالث"],
        &["ثابت محمد العباسي", "ثابت العباسي"],
        &["سيليست والاندر", "سيليست واندر"],
        &["دانا سترول", "ستراول"],
        &["ماكفارلين", "ماكفرلين"],
        &["رومانوفسكي"],
        &["السوداني"],
        &["الكاظمي"],
        &["بايدن"],
    ];
    for names in people {
        let found = holding(&entities, EntityKind::Person, names);
        assert_eq!(found.len(), 1, "{names:?}: {found:#?}");
        for name in names {
            assert!(
                found[0].aliases.iter().any(|a| a.contains(name)),
                "{name} not among {:?}",
                found[0].aliases
            );
        }
    }
    assert!(!holding(&entities, EntityKind::Organization, &["داعش"]).is_empty());
    assert!(!holding(&entities, EntityKind::Organization, &["تنظيم الدولة الإسلامية"]).is_empty());
    assert!(!holding(&entities, EntityKind::Organization, &["البنتاغون"]).is_empty());
    assert!(!holding(&entities, EntityKind::Organization, &["وزارة الدفاع الأمريكية"]).is_empty());
}
