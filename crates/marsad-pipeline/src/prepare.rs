//! One raw record → an article ready to store: final title and outlet, search form,
//! content hash and index terms.

use marsad_model::RawArticle;
use marsad_store::PreparedArticle;

/// Titles derived from text are cut to about this many characters.
const DERIVED_TITLE_CHARS: usize = 120;

/// Analyse one record. Pure and thread-safe: the pipeline runs it in parallel.
pub fn prepare(mut raw: RawArticle) -> PreparedArticle {
    let title = match raw.title.as_deref().map(str::trim) {
        Some(title) if !title.is_empty() => title.to_owned(),
        _ => derive_title(body_after_header_lines(&raw)),
    };
    let outlet = match raw.outlet.as_deref().map(str::trim) {
        Some(outlet) if !outlet.is_empty() => outlet.to_owned(),
        _ => "unknown".to_owned(),
    };
    raw.title = Some(title.clone());
    let mut title_terms = String::new();
    marsad_text::index_terms(&title, &mut title_terms);
    let mut body_terms = String::with_capacity(raw.text.len() / 2);
    marsad_text::index_terms(&raw.text, &mut body_terms);
    let normalized = marsad_text::normalize_str(&raw.text);
    PreparedArticle {
        content_hash: marsad_text::content_hash_of_normalized(&normalized),
        normalized,
        title,
        outlet,
        title_terms,
        body_terms,
        raw,
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

    #[test]
    fn copies_that_differ_only_in_harakat_share_a_content_hash() {
        let a = prepare(RawArticle::new("a", "وقالَ الوزيرُ إنّ العراقَ آمن"));
        let b = prepare(RawArticle::new("b", "وقال الوزير إن العراق آمن"));
        assert_eq!(a.content_hash, b.content_hash);
    }
}
