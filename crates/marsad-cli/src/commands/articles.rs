use anyhow::Result;
use marsad_model::Article;
use marsad_store::{ArticleFilter, ArticleStore, SqliteStore};
use serde::Serialize;

/// The JSON Lines shape of `marsad articles --json`.
#[derive(Debug, Serialize)]
pub struct ArticleLine<'a> {
    pub id: i64,
    pub url: &'a str,
    pub outlet: &'a str,
    pub title: &'a str,
    pub published: Option<String>,
    pub author: Option<&'a str>,
    pub duplicate_of: Option<i64>,
    pub chars: usize,
}

impl<'a> From<&'a Article> for ArticleLine<'a> {
    fn from(article: &'a Article) -> Self {
        Self {
            id: article.id,
            url: &article.url,
            outlet: &article.outlet,
            title: &article.title,
            published: article.published.map(|date| date.to_rfc3339()),
            author: article.author.as_deref(),
            duplicate_of: article.duplicate_of,
            chars: article.text.chars().count(),
        }
    }
}

pub fn run(store: &SqliteStore, json: bool, outlet: Option<String>, limit: usize) -> Result<()> {
    let articles = store.articles(&ArticleFilter { outlet, limit: Some(limit) })?;
    for article in &articles {
        if json {
            super::print_json_line(&ArticleLine::from(article))?;
        } else {
            print_article_row(article)?;
        }
    }
    Ok(())
}

pub fn print_article_row(article: &Article) -> Result<()> {
    let copy = article.duplicate_of.map(|id| format!("  [copy of #{id}]")).unwrap_or_default();
    say!(
        "#{:<6} {}  {:<14} {}{copy}",
        article.id,
        super::human_date(article.published.as_ref()),
        article.outlet,
        article.title
    );
    Ok(())
}
