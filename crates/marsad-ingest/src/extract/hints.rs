//! What an element's tag, `class`, `id`, `role` and a few other attributes say
//! about it: page furniture (navigation, share bars, related lists, comments,
//! footers, cookie banners…), hidden, or likely article body.
//!
//! Class and id values are split into lowercase words at `-`, `_`, spaces and
//! camel-case humps (`articleBody` → `article body`), then matched against word
//! lists; article bodies also by two or three words run together (`article-body`).

use scraper::node::Element;

/// Tags whose whole subtree never holds article text.
pub(crate) fn is_dropped_tag(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "select"
            | "option"
            | "button"
            | "input"
            | "textarea"
            | "label"
            | "nav"
            | "aside"
            | "footer"
            | "menu"
            | "dialog"
            | "head"
            | "title"
            | "meta"
            | "link"
            | "audio"
            | "video"
            | "map"
            | "picture"
            | "img"
            | "source"
            | "fieldset"
            | "legend"
            | "datalist"
            | "output"
            | "progress"
            | "applet"
            | "frame"
            | "frameset"
            | "marquee"
            | "figure"
            | "figcaption"
    )
}

/// Tags that keep their text on the same line as the surrounding text.
pub(crate) fn is_inline(name: &str) -> bool {
    matches!(
        name,
        "a" | "abbr"
            | "acronym"
            | "b"
            | "bdi"
            | "bdo"
            | "big"
            | "cite"
            | "code"
            | "data"
            | "del"
            | "dfn"
            | "em"
            | "font"
            | "i"
            | "ins"
            | "kbd"
            | "mark"
            | "q"
            | "s"
            | "samp"
            | "small"
            | "span"
            | "strike"
            | "strong"
            | "sub"
            | "sup"
            | "time"
            | "tt"
            | "u"
            | "var"
            | "wbr"
            | "nobr"
            | "ruby"
            | "rb"
            | "rt"
            | "rp"
    )
}

/// What the attributes say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Hint {
    /// Furniture: removed with its subtree (unless it holds most of the page's text).
    pub furniture: bool,
    /// Comments, reader replies, comment forms: removed unless they hold most of the page.
    pub comments: bool,
    /// Hidden from readers (`hidden`, `display:none`, `aria-hidden`).
    pub hidden: bool,
    /// Named like an article body (`itemprop=articleBody`, `article-body`, `entry-content`…).
    pub body: bool,
}

/// Words (of class/id) that mark furniture; sorted (binary search).
const FURNITURE: &[&str] = &[
    "ad",
    "ads",
    "adv",
    "advert",
    "advertisement",
    "author",
    "badge",
    "badges",
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "btn",
    "button",
    "buttons",
    "byline",
    "caption",
    "carousel",
    "consent",
    "cookie",
    "cookies",
    "copyright",
    "credit",
    "credits",
    "criteo",
    "crumbs",
    "disclaimer",
    "dropdown",
    "follow",
    "footer",
    "gallery",
    "gdpr",
    "infobox",
    "keywords",
    "login",
    "masthead",
    "menu",
    "menus",
    "meta",
    "modal",
    "mostread",
    "nav",
    "navbar",
    "navbox",
    "navigation",
    "newsletter",
    "newsticker",
    "noprint",
    "outbrain",
    "pager",
    "pagination",
    "paywall",
    "popular",
    "popup",
    "promo",
    "rating",
    "ratings",
    "readmore",
    "recirculation",
    "recommendations",
    "recommended",
    "related",
    "relatedposts",
    "search",
    "share",
    "sharebar",
    "sharer",
    "shares",
    "sharing",
    "sidebar",
    "signup",
    "similar",
    "skiplink",
    "skiplinks",
    "slider",
    "sociable",
    "social",
    "socials",
    "sponsor",
    "sponsored",
    "subnav",
    "subscribe",
    "subscription",
    "syndication",
    "taboola",
    "tag",
    "tagcloud",
    "tags",
    "ticker",
    "toolbar",
    "trending",
    "widget",
    "widgets",
];

/// Words (of class/id) that mark comment sections; sorted.
const COMMENTS: &[&str] = &[
    "akismet",
    "comentarios",
    "comment",
    "commentlist",
    "comments",
    "discussion",
    "disqus",
    "kommentare",
    "reactions",
    "replies",
    "reply",
    "respond",
];

/// Class/id words, or two or three of them run together, that mark an article body; sorted.
const BODY: &[&str] = &[
    "artcontent",
    "articlebody",
    "articlecontent",
    "articledetail",
    "articleinner",
    "articletext",
    "blogpost",
    "bodytext",
    "contentbody",
    "detailbody",
    "detailcontent",
    "detailscontent",
    "entrybody",
    "entrycontent",
    "fieldbody",
    "fieldnamebody",
    "maincontent",
    "newsbody",
    "newscontent",
    "newstext",
    "postbody",
    "postcontent",
    "postentry",
    "posttext",
    "richtext",
    "singlecontent",
    "storybody",
    "storycontent",
    "storytext",
    "textcontent",
];

/// Classify an element by its attributes.
pub(crate) fn hint(el: &Element) -> Hint {
    let mut hint = Hint::default();
    let relevant = el.attrs().any(|(name, _)| {
        matches!(name, "class" | "id" | "role" | "itemprop" | "hidden" | "aria-hidden" | "style")
    });
    if !relevant {
        return hint;
    }
    let mut words: Vec<String> = Vec::new();
    if let Some(classes) = el.attr("class") {
        for class in classes.split_whitespace().filter(|c| !is_taxonomy(c)) {
            split_words(class, &mut words);
        }
    }
    if let Some(id) = el.attr("id") {
        split_words(id, &mut words);
    }
    if let Some(role) = el.attr("role") {
        let role = role.trim().to_ascii_lowercase();
        match role.as_str() {
            "navigation" | "banner" | "contentinfo" | "complementary" | "menu" | "menubar"
            | "search" | "dialog" | "alertdialog" | "toolbar" | "tablist" => hint.furniture = true,
            _ => {}
        }
    }
    if let Some(prop) = el.attr("itemprop") {
        let prop = prop.to_ascii_lowercase();
        if prop.contains("articlebody") || prop == "text" || prop.contains("reviewbody") {
            hint.body = true;
        }
        if prop.contains("comment") {
            hint.comments = true;
        }
    }
    if el.attr("hidden").is_some()
        || el.attr("aria-hidden").is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
        || el.attr("style").is_some_and(hides)
    {
        hint.hidden = true;
    }
    if words.is_empty() {
        return hint;
    }
    let has = |list: &[&str]| words.iter().any(|w| list.binary_search(&w.as_str()).is_ok());
    if has(COMMENTS) {
        hint.comments = true;
    }
    if names_body(&words) {
        hint.body = true;
    }
    if has(FURNITURE) {
        hint.furniture = true;
    }
    hint
}

/// Whether one, two or three consecutive words spell an entry of [`BODY`]
/// (`article`+`body`, `field`+`name`+`body`, `articlebody`).
fn names_body(words: &[String]) -> bool {
    let mut spelled = String::with_capacity(32);
    for i in 0..words.len() {
        spelled.clear();
        for w in words.iter().skip(i).take(3) {
            spelled.push_str(w);
            if BODY.binary_search(&spelled.as_str()).is_ok() {
                return true;
            }
        }
    }
    false
}

/// Classes that name what a post is filed under (WordPress `tag-cuba`,
/// `category-news`…), not what the element is.
fn is_taxonomy(class: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "tag-",
        "category-",
        "format-",
        "status-",
        "type-",
        "postid-",
        "autor-",
        "tax-",
        "term-",
        "topic-",
        "page-id-",
        "pageid-",
    ];
    let lower = class.to_ascii_lowercase();
    let numbered =
        lower.strip_prefix("post-").is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()));
    numbered
        || PREFIXES.iter().any(|p| lower.starts_with(p) && lower.len() > p.len())
            && !BODY.iter().any(|b| lower.replace(['-', '_'], "").contains(b))
}

/// `display:none` / `visibility:hidden` in an inline style.
fn hides(style: &str) -> bool {
    let compact: String =
        style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
    compact.contains("display:none") || compact.contains("visibility:hidden")
}

/// Split a class or id value into lowercase words (at non-alphanumerics and
/// lower→upper humps).
fn split_words(value: &str, words: &mut Vec<String>) {
    let mut word = String::new();
    let mut prev_lower = false;
    for c in value.chars() {
        if c.is_alphanumeric() {
            if c.is_uppercase() && prev_lower && !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            prev_lower = c.is_lowercase() || c.is_ascii_digit();
            for l in c.to_lowercase() {
                word.push(l);
            }
        } else {
            if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            prev_lower = false;
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hint_of(html: &str) -> Hint {
        let doc = scraper::Html::parse_fragment(html);
        let el = doc
            .tree
            .nodes()
            .filter_map(|n| n.value().as_element())
            .find(|e| e.name() == "div")
            .cloned();
        el.map(|e| hint(&e)).unwrap_or_default()
    }

    #[test]
    fn lists_are_sorted() {
        for list in [FURNITURE, COMMENTS, BODY] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }

    #[test]
    fn words_and_bodies() {
        assert!(hint_of("<div class='share-buttons'>").furniture);
        assert!(hint_of("<div id='relatedPosts'>").furniture);
        assert!(hint_of("<div class='comments-area'>").comments);
        assert!(hint_of("<div itemprop='articleBody'>").body);
        assert!(hint_of("<div class='article__body'>").body);
        assert!(hint_of("<div class='entry-content clearfix'>").body);
        assert!(!hint_of("<div class='canvas-wrapper'>").furniture);
        assert!(hint_of("<div style='display: none'>").hidden);
        assert!(hint_of("<div role='navigation'>").furniture);
    }
}
