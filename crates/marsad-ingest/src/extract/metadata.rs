//! Page metadata, each field from the first source that has it:
//!
//! | field | sources, in order |
//! |---|---|
//! | title | `og:title`/`twitter:title`, JSON-LD `headline`, `<title>` (site name cut off), first `<h1>` |
//! | published | JSON-LD `datePublished`, meta (`article:published_time`, `date`, `pubdate`, `DC.date`, `parsely-pub-date`, `sailthru.date`…), `<time itemprop=datePublished>` / `<time pubdate>` / first `<time datetime>`, the URL, a visible dateline |
//! | modified | JSON-LD `dateModified`, meta (`article:modified_time`, `og:updated_time`, `last-modified`…) |
//! | author | JSON-LD `author` names (joined with `, `), meta `author`/`article:author`/`byl`/`DC.creator`/`parsely-author`/`sailthru.author` |
//! | canonical_url | `<link rel=canonical>`, `og:url`, JSON-LD `url`/`mainEntityOfPage`, the URL given (relative ones resolved against it) |
//! | site_name | `og:site_name`, JSON-LD `publisher.name`, `application-name` |
//! | language | `<html lang>`, `content-language`, `og:locale`, JSON-LD `inLanguage` |
//! | direction | `dir` on `<html>`/`<body>`, the language (ar, fa, ur, he…), the text's letters |
//! | description | `og:description`, `description`, JSON-LD `description` |

use super::dates::{date_in_text, date_in_url, parse_meta_date};
use super::dom::{Dom, Kind};
use super::jsonld::{self, LdArticle};
use super::{Direction, Extracted};

/// What one pass over the document collects.
#[derive(Default)]
struct Found {
    lang: Option<String>,
    dir: Option<Direction>,
    title: Option<String>,
    h1: Option<String>,
    canonical: Option<String>,
    /// `(key, content)` of `<meta>` tags, keys lowercased.
    metas: Vec<(String, String)>,
    ld: Option<(u8, LdArticle)>,
    /// `datetime` of `<time>` elements marked as the publication date, then of the first one.
    time_published: Option<String>,
    time_first: Option<String>,
}

const PUBLISHED_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "article.published",
    "published_time",
    "published-date",
    "publish-date",
    "publish_date",
    "date_published",
    "datepublished",
    "datecreated",
    "pubdate",
    "publishdate",
    "publication_date",
    "citation_publication_date",
    "citation_date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dc.date.created",
    "dcterms.date",
    "dcterms.issued",
    "dcterms.created",
    "parsely-pub-date",
    "sailthru.date",
    "cxenseparse:recs:publishtime",
    "bt:pubdate",
    "article_date_original",
    "original-publish-date",
    "displaydate",
    "release_date",
    "created",
];

const MODIFIED_KEYS: &[&str] = &[
    "article:modified_time",
    "og:article:modified_time",
    "og:updated_time",
    "article.updated",
    "modified_time",
    "datemodified",
    "dc.date.modified",
    "dcterms.modified",
    "last-modified",
    "lastmod",
    "updated_time",
    "revised",
];

const AUTHOR_KEYS: &[&str] = &[
    "author",
    "article:author",
    "og:article:author",
    "byl",
    "dc.creator",
    "dcterms.creator",
    "parsely-author",
    "sailthru.author",
    "citation_author",
    "twitter:creator",
];

/// Fill `page`'s metadata fields from the document (the text is already there).
pub(crate) fn fill(dom: &Dom<'_>, url: Option<&str>, page: &mut Extracted) {
    let found = collect(dom);
    let meta = |keys: &[&str]| -> Option<String> {
        keys.iter()
            .find_map(|k| found.metas.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone()))
    };
    let ld = found.ld.as_ref().map(|(_, a)| a.clone()).unwrap_or_default();

    page.title = meta(&["og:title", "twitter:title"])
        .or(ld.headline.clone())
        .or_else(|| found.title.as_deref().map(|t| strip_site_name(t, found.h1.as_deref())))
        .or(found.h1.clone());

    let published_sources = [
        (ld.published.as_deref().and_then(parse_meta_date), "json-ld"),
        (
            PUBLISHED_KEYS.iter().find_map(|k| {
                found.metas.iter().filter(|(key, _)| key == k).find_map(|(_, v)| parse_meta_date(v))
            }),
            "meta",
        ),
        (
            found
                .metas
                .iter()
                .filter(|(key, _)| is_publication_key(key))
                .find_map(|(_, v)| parse_meta_date(v)),
            "meta",
        ),
        (
            found
                .time_published
                .as_deref()
                .or(found.time_first.as_deref())
                .and_then(parse_meta_date),
            "time",
        ),
    ];
    for (date, from) in published_sources {
        if let Some(date) = date {
            page.published = Some(date);
            page.published_from = Some(from);
            break;
        }
    }
    let canonical = found
        .canonical
        .clone()
        .or_else(|| meta(&["og:url"]))
        .and_then(|u| absolute(&u, url))
        .or(ld.url.clone())
        .or_else(|| url.map(str::to_owned));
    if page.published.is_none() {
        if let Some(date) =
            canonical.as_deref().and_then(date_in_url).or_else(|| url.and_then(date_in_url))
        {
            page.published = Some(date);
            page.published_from = Some("url");
        }
    }
    if page.published.is_none() {
        let head: String = page.text.lines().take(5).collect::<Vec<_>>().join("\n");
        if let Some(date) = date_in_text(&head).or_else(|| dateline_near_top(dom)) {
            page.published = Some(date);
            page.published_from = Some("text");
        }
    }
    page.modified = ld.modified.as_deref().and_then(parse_meta_date).or_else(|| {
        MODIFIED_KEYS.iter().find_map(|k| meta(&[k]).as_deref().and_then(parse_meta_date))
    });
    page.author = if ld.authors.is_empty() {
        AUTHOR_KEYS.iter().find_map(|k| {
            found
                .metas
                .iter()
                .filter(|(key, _)| key == k)
                .map(|(_, v)| v.trim())
                .find(|v| !v.is_empty() && !v.starts_with("http") && !v.starts_with('@'))
                .map(str::to_owned)
        })
    } else {
        Some(ld.authors.join(", "))
    };
    page.canonical_url = canonical;
    page.site_name =
        meta(&["og:site_name"]).or(ld.publisher.clone()).or_else(|| meta(&["application-name"]));
    page.language = found
        .lang
        .clone()
        .or_else(|| meta(&["content-language", "language", "dc.language"]))
        .or_else(|| meta(&["og:locale"]).map(|l| l.replace('_', "-")))
        .or(ld.language.clone())
        .map(|l| l.split([',', ';']).next().unwrap_or("").trim().to_owned())
        .filter(|l| !l.is_empty() && l.len() <= 35);
    page.direction = found
        .dir
        .or_else(|| page.language.as_deref().map(direction_of_language))
        .or_else(|| direction_of_text(&page.text));
    page.description =
        meta(&["og:description", "description", "twitter:description"]).or(ld.description.clone());
}

fn collect(dom: &Dom<'_>) -> Found {
    let mut found = Found::default();
    let mut i = 1;
    while i < dom.len() {
        let Some(el) = dom.element(i) else {
            i += 1;
            continue;
        };
        match el.name() {
            "html" | "body" => {
                if el.name() == "html" {
                    found.lang = el
                        .attr("lang")
                        .or_else(|| el.attr("xml:lang"))
                        .map(str::trim)
                        .filter(|l| !l.is_empty())
                        .map(str::to_owned);
                }
                if found.dir.is_none() {
                    found.dir =
                        el.attr("dir").and_then(|d| match d.trim().to_ascii_lowercase().as_str() {
                            "rtl" => Some(Direction::Rtl),
                            "ltr" => Some(Direction::Ltr),
                            _ => None,
                        });
                }
            }
            "title" if found.title.is_none() => {
                found.title = Some(dom.text(i)).filter(|t| !t.is_empty())
            }
            "h1" if found.h1.is_none() => found.h1 = Some(dom.text(i)).filter(|t| !t.is_empty()),
            "link" if found.canonical.is_none() => {
                let canonical = el.attr("rel").is_some_and(|rel| {
                    rel.split_whitespace().any(|r| r.eq_ignore_ascii_case("canonical"))
                });
                if canonical {
                    found.canonical =
                        el.attr("href").map(str::trim).filter(|h| !h.is_empty()).map(str::to_owned);
                }
            }
            "meta" => {
                let key = el
                    .attr("property")
                    .or_else(|| el.attr("name"))
                    .or_else(|| el.attr("itemprop"))
                    .or_else(|| el.attr("http-equiv"));
                let content = el.attr("content").or_else(|| el.attr("value")).map(str::trim);
                if let (Some(key), Some(content)) = (key, content) {
                    if !content.is_empty() && found.metas.len() < 500 {
                        found.metas.push((key.trim().to_ascii_lowercase(), content.to_owned()));
                    }
                }
            }
            "script" => {
                let ld = el
                    .attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
                if ld {
                    let mut script = String::new();
                    for j in i + 1..dom.end(i) {
                        if let Kind::Text(t) = dom.nodes[j].kind {
                            script.push_str(t);
                        }
                    }
                    jsonld::read(&script, &mut found.ld);
                }
                i = dom.end(i).max(i + 1);
                continue;
            }
            "time" => {
                let value = el
                    .attr("datetime")
                    .map(str::to_owned)
                    .or_else(|| Some(dom.text(i)))
                    .filter(|v| !v.is_empty());
                let marked = el
                    .attr("itemprop")
                    .is_some_and(|p| p.eq_ignore_ascii_case("datePublished"))
                    || el.attr("pubdate").is_some()
                    || el.attr("class").is_some_and(|c| {
                        let c = c.to_ascii_lowercase();
                        c.contains("publish") || c.contains("entry-date") || c.contains("posted")
                    });
                if marked && found.time_published.is_none() {
                    found.time_published = value;
                } else if found.time_first.is_none() {
                    found.time_first = value;
                }
            }
            "style" | "noscript" | "template" | "svg" => {
                i = dom.end(i).max(i + 1);
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    found
}

/// Other meta names for a publication date (`zdf:publicationDate`, `isodatetime`…).
fn is_publication_key(key: &str) -> bool {
    let publication = [
        "publicationdate",
        "publishdate",
        "published",
        "pubdate",
        "datepublished",
        "isodatetime",
        "publish_date",
        "publication_date",
    ];
    let other = ["modif", "updat", "expir", "revis", "review"];
    publication.iter().any(|p| key.contains(p)) && !other.iter().any(|o| key.contains(o))
}

/// A written date in the text of the first elements after the first `<h1>`
/// (bylines and datelines sit there), else in elements named like a date.
fn dateline_near_top(dom: &Dom<'_>) -> Option<marsad_model::Published> {
    let h1 = (1..dom.len()).find(|&i| dom.name(i) == "h1")?;
    let mut seen = 0usize;
    let mut j = dom.end(h1);
    while j < dom.len() && seen < 40 {
        match dom.nodes[j].kind {
            Kind::Text(t) if t.trim().len() > 5 => {
                seen += 1;
                if t.len() < 200 {
                    if let Some(date) = date_in_text(t) {
                        return Some(date);
                    }
                }
            }
            Kind::Element(el) if matches!(el.name(), "script" | "style") => {
                j = dom.end(j).max(j + 1);
                continue;
            }
            _ => {}
        }
        j += 1;
    }
    None
}

/// `Title | Site`, `Title - Site`, `Site: Title` → `Title` (the longest part, or
/// the part that the `<h1>` repeats).
fn strip_site_name(title: &str, h1: Option<&str>) -> String {
    if let Some(h1) = h1.filter(|h| title.contains(*h) && h.len() * 2 > title.len()) {
        return h1.to_owned();
    }
    for sep in [" | ", " - ", " – ", " — ", " :: ", " « ", " » "] {
        if title.contains(sep) {
            if let Some(longest) = title.split(sep).max_by_key(|p| p.chars().count()) {
                return longest.trim().to_owned();
            }
        }
    }
    title.to_owned()
}

/// `href` made absolute against `base` when it is relative.
fn absolute(href: &str, base: Option<&str>) -> Option<String> {
    let href = href.trim();
    let lower = href.get(..8).unwrap_or(href).to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return Some(href.to_owned());
    }
    let base = base?;
    let scheme_end = base.find("://")? + 3;
    let host_end = base[scheme_end..].find('/').map_or(base.len(), |p| scheme_end + p);
    if let Some(rest) = href.strip_prefix("//") {
        return Some(format!("{}{rest}", &base[..scheme_end]));
    }
    if href.starts_with('/') {
        return Some(format!("{}{href}", &base[..host_end]));
    }
    None
}

fn direction_of_language(lang: &str) -> Direction {
    let primary = lang.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    match primary.as_str() {
        "ar" | "fa" | "ur" | "he" | "iw" | "ps" | "ckb" | "yi" | "dv" | "sd" | "ug" | "arc" => {
            Direction::Rtl
        }
        _ => Direction::Ltr,
    }
}

/// Right-to-left when most letters of the text are Arabic or Hebrew.
fn direction_of_text(text: &str) -> Option<Direction> {
    let (mut rtl, mut letters) = (0usize, 0usize);
    for c in text.chars().take(5000).filter(|c| c.is_alphabetic()) {
        letters += 1;
        if matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
        {
            rtl += 1;
        }
    }
    (letters > 0).then_some(if rtl * 2 > letters { Direction::Rtl } else { Direction::Ltr })
}
