//! One raw record → an article ready to store: page furniture removed (kept aside),
//! final title and outlet, search form, content hash and index terms — all of the
//! cleaned text — plus the hash of the text as read and the hashes of its lines.

use std::collections::HashSet;

use marsad_model::RawArticle;
use marsad_store::{FurnitureBlock, PreparedArticle};
use marsad_text::furniture::{line_hashes, strip_furniture, Cleaned, NoLearnedLines};
use serde_json::Value;

/// Titles derived from text are cut to about this many characters.
const DERIVED_TITLE_CHARS: usize = 120;

/// Where the source credits found at the end of a text («المصدر: واس» → `واس`) are kept:
/// `metadata["source_credits"]`, an array of strings.
pub const SOURCE_CREDITS_KEY: &str = "source_credits";

/// Analyse one record with the fixed furniture rules only. Pure and thread-safe.
pub fn prepare(raw: RawArticle) -> PreparedArticle {
    prepare_learned(raw, &HashSet::new())
}

/// Analyse one record. `learned` holds the line hashes
/// (marsad_text::furniture::line_hash) learned as furniture for the record's outlet.
/// Pure and thread-safe: the pipeline runs it in parallel.
///
/// The text stored is the text without its furniture; what was removed goes to
/// `furniture` (spans into the text as read) and source credits to
/// `metadata["source_credits"]`.
pub fn prepare_learned(raw: RawArticle, learned: &HashSet<String>) -> PreparedArticle {
    let hashes = line_hashes(&raw.text);
    prepare_with_line_hashes(raw, learned, hashes)
}

/// [`prepare_learned`] for a record whose `line_hashes` (of its text as read) the
/// caller already has.
pub(crate) fn prepare_with_line_hashes(
    mut raw: RawArticle,
    learned: &HashSet<String>,
    line_hashes: Vec<String>,
) -> PreparedArticle {
    // Only articles that have a learned line pay for asking about each line.
    let cleaned = if line_hashes.iter().any(|hash| learned.contains(hash)) {
        strip_furniture(&raw.text, learned)
    } else {
        strip_furniture(&raw.text, &NoLearnedLines)
    };
    let mut source_hash = None;
    let mut furniture = Vec::new();
    if !cleaned.removed.is_empty() {
        source_hash = Some(marsad_text::content_hash(&raw.text));
        let Cleaned { text, removed, credits } = cleaned;
        raw.text = text.into_owned();
        furniture = removed
            .into_iter()
            .map(|block| FurnitureBlock {
                span: block.span,
                text: block.text,
                reason: block.reason,
            })
            .collect();
        keep_credits(&mut raw, credits);
    }
    if raw.published.is_none() {
        raw.published = dateline_published(&raw.text);
    }
    let title = final_title(&raw);
    let outlet = final_outlet(&raw);
    raw.title = Some(title.clone());
    let mut title_terms = String::new();
    marsad_text::index_terms(&title, &mut title_terms);
    let mut body_terms = String::with_capacity(raw.text.len() / 2);
    marsad_text::index_terms(&raw.text, &mut body_terms);
    let normalized = marsad_text::normalize_str(&raw.text);
    let content_hash = marsad_text::content_hash_of_normalized(&normalized);
    PreparedArticle {
        source_hash: source_hash.unwrap_or_else(|| content_hash.clone()),
        content_hash,
        normalized,
        title,
        outlet,
        title_terms,
        body_terms,
        furniture,
        line_hashes,
        raw,
    }
}

/// The title an article is stored under: the record's, else the first sentence of
/// its body (bylines and datelines above the body skipped).
pub fn final_title(raw: &RawArticle) -> String {
    match raw.title.as_deref().map(str::trim) {
        Some(title) if !title.is_empty() => title.to_owned(),
        _ => derive_title(body_after_header_lines(raw)),
    }
}

/// The outlet an article is stored under: the record's, else "unknown".
pub fn final_outlet(raw: &RawArticle) -> String {
    match raw.outlet.as_deref().map(str::trim) {
        Some(outlet) if !outlet.is_empty() => outlet.to_owned(),
        _ => "unknown".to_owned(),
    }
}

/// Add source credits to `metadata["source_credits"]` (left alone if the record
/// itself has that field with something other than an array).
fn keep_credits(raw: &mut RawArticle, credits: Vec<String>) {
    if credits.is_empty() {
        return;
    }
    let entry = raw.metadata.entry(SOURCE_CREDITS_KEY).or_insert_with(|| Value::Array(Vec::new()));
    if let Value::Array(list) = entry {
        list.extend(credits.into_iter().map(Value::String));
    }
}

/// The text without the bylines and datelines a reader found above the body
/// (`metadata["header_lines"]`), which make poor titles.
fn body_after_header_lines(raw: &RawArticle) -> &str {
    let Some(serde_json::Value::Array(lines)) = raw.metadata.get("header_lines") else {
        return &raw.text;
    };
    let mut body = raw.text.as_str();
    for line in lines.iter().filter_map(serde_json::Value::as_str) {
        match body.trim_start().strip_prefix(line) {
            Some(rest) => body = rest,
            None => break,
        }
    }
    if body.trim().is_empty() {
        &raw.text
    } else {
        body
    }
}

/// A title for a record that has none: its first sentence, cut on a word boundary.
pub fn derive_title(text: &str) -> String {
    let first = marsad_text::sentences(text)
        .into_iter()
        .map(|span| span.slice(text).trim())
        .find(|sentence| !sentence.is_empty())
        .unwrap_or_else(|| text.trim());
    // Collapse line breaks and runs of spaces so the title is one line.
    let one_line = first.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= DERIVED_TITLE_CHARS {
        return one_line;
    }
    let mut title = String::new();
    for word in one_line.split(' ') {
        if title.chars().count() + word.chars().count() + 1 > DERIVED_TITLE_CHARS {
            break;
        }
        if !title.is_empty() {
            title.push(' ');
        }
        title.push_str(word);
    }
    if title.is_empty() {
        // One enormous "word": cut it on a char boundary.
        title = one_line.chars().take(DERIVED_TITLE_CHARS).collect();
    }
    title.push('…');
    title
}

/// The publication time a dateline in the first lines of `text` gives (midnight UTC of
/// its day), for an article whose metadata has none (issue 7).
pub fn dateline_published(text: &str) -> Option<marsad_model::Published> {
    let day = marsad_annotate::dates::dateline(text)?;
    Some(day.and_hms_opt(0, 0, 0)?.and_utc().fixed_offset())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_without_title_gets_its_first_sentence() {
        let raw =
            RawArticle::new("x.txt", "أكدت الولايات المتحدة والعراق التزامهما. ثم جملة ثانية.");
        let prepared = prepare(raw);
        assert_eq!(prepared.title, "أكدت الولايات المتحدة والعراق التزامهما.");
        assert_eq!(prepared.outlet, "unknown");
    }

    #[test]
    fn bylines_above_the_body_are_not_titles() {
        let mut raw = RawArticle::new(
            "x.txt",
            "*المرصد/فريق الرصد\nأمل مسؤولون عسكريون بتوسيع الشراكة. ثانية.",
        );
        raw.metadata.insert("header_lines".into(), serde_json::json!(["*المرصد/فريق الرصد"]));
        assert_eq!(prepare(raw).title, "أمل مسؤولون عسكريون بتوسيع الشراكة.");
    }

    #[test]
    fn long_first_sentences_are_cut_on_a_word_boundary() {
        let text = "كلمة ".repeat(100);
        let title = derive_title(&text);
        assert!(title.ends_with('…'));
        assert!(title.chars().count() <= DERIVED_TITLE_CHARS + 1);
        assert!(title.trim_end_matches('…').split(' ').all(|w| w == "كلمة"));
    }

    const REPORT: &str =
        "أكدت الولايات المتحدة والعراق التزامهما المشترك بمواصلة التعاون العسكري.\n\
        وأشار بيان مشترك صدر عقب الاجتماعات إلى أن الجانبين أكدا التزامهما بتطوير القدرات.";

    #[test]
    fn furniture_is_kept_aside_and_the_rest_computed_from_the_cleaned_text() {
        let read = format!("{REPORT}\nالمصدر: واس\nمقالات مشابهة\n• عنوان خبر آخر مختلف");
        let mut raw = RawArticle::new("x.txt", read.clone());
        raw.outlet = Some(" spa ".into());
        let prepared = prepare(raw);
        assert_eq!(prepared.raw.text, REPORT);
        assert_eq!(prepared.outlet, "spa");
        assert_eq!(prepared.furniture.len(), 2);
        for block in &prepared.furniture {
            assert_eq!(block.span.slice(&read), block.text);
        }
        assert_eq!(prepared.raw.metadata[SOURCE_CREDITS_KEY], serde_json::json!(["واس"]));
        assert_eq!(prepared.content_hash, marsad_text::content_hash(REPORT));
        assert_eq!(prepared.source_hash, marsad_text::content_hash(&read));
        assert_eq!(prepared.normalized, marsad_text::normalize_str(REPORT));
        assert!(!prepared.body_terms.contains("مشابه"), "{}", prepared.body_terms);
        // Lines are counted as read, furniture included.
        assert_eq!(prepared.line_hashes, marsad_text::furniture::line_hashes(&read));

        // Nothing to remove: the source hash is the content hash.
        let plain = prepare(RawArticle::new("y.txt", REPORT));
        assert!(plain.furniture.is_empty());
        assert_eq!(plain.source_hash, plain.content_hash);
    }

    #[test]
    fn learned_lines_of_the_outlet_are_removed() {
        let footer = "حمّلوا تطبيق الصحيفة على هواتفكم";
        let read = format!("{REPORT}\n{footer}");
        let learned: HashSet<String> =
            marsad_text::furniture::line_hash(footer).into_iter().collect();
        let prepared = prepare_learned(RawArticle::new("x.txt", read.clone()), &learned);
        assert_eq!(prepared.raw.text, REPORT);
        assert_eq!(prepared.furniture[0].reason, marsad_text::furniture::REASON_LEARNED);
        assert_eq!(prepare(RawArticle::new("x.txt", read.clone())).raw.text, read);
    }

    #[test]
    fn copies_that_differ_only_in_harakat_share_a_content_hash() {
        let a = prepare(RawArticle::new("a", "وقالَ الوزيرُ إنّ العراقَ آمن"));
        let b = prepare(RawArticle::new("b", "وقال الوزير إن العراق آمن"));
        assert_eq!(a.content_hash, b.content_hash);
    }
}
