use anyhow::Result;
use marsad_store::{ArticleStore, SqliteStore};

pub fn run(store: &SqliteStore, json: bool) -> Result<()> {
    let stats = store.stats()?;
    if json {
        return super::print_json_line(&stats);
    }
    say!("articles:         {}", stats.articles);
    say!("outlets:          {}", stats.outlets);
    say!("exact duplicates: {}", stats.exact_duplicates);
    say!(
        "annotated:        {} ({} entity mentions, {} quotes, {} quantities, {} dates)",
        stats.annotated,
        stats.entity_mentions,
        stats.quotes,
        stats.quantities,
        stats.dates
    );
    say!(
        "published:        {} … {}",
        stats.first_published.as_deref().unwrap_or("—"),
        stats.last_published.as_deref().unwrap_or("—")
    );
    for outlet in &stats.per_outlet {
        say!("  {:>7}  {}", outlet.articles, outlet.outlet);
    }
    Ok(())
}
