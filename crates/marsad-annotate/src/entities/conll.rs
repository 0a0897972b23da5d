//! CoNLL-style token-per-line files: `token TAG` or `token<TAB>TAG` per line, a
//! blank line between sentences (CRLF and a UTF-8 BOM tolerated). Reading tokens
//! without tags (for `marsad tag --conll`) takes the first field of each line.

use super::tags::Tag;

/// One labeled sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct LabeledSentence {
    pub tokens: Vec<String>,
    pub tags: Vec<Tag>,
}

/// Parse a labeled file; a line without a tag reads as `O`.
pub fn read_labeled(text: &str) -> Vec<LabeledSentence> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    let mut current = LabeledSentence { tokens: Vec::new(), tags: Vec::new() };
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !current.tokens.is_empty() {
                out.push(std::mem::replace(
                    &mut current,
                    LabeledSentence { tokens: Vec::new(), tags: Vec::new() },
                ));
            }
            continue;
        }
        let (token, tag) = split_line(line);
        current.tokens.push(token.to_owned());
        current.tags.push(tag.map_or(Tag::O, Tag::parse));
    }
    if !current.tokens.is_empty() {
        out.push(current);
    }
    out
}

/// The token (first field) of a token line, and its tag when the line has one.
pub fn split_line(line: &str) -> (&str, Option<&str>) {
    let line = line.trim();
    match line.split_once('\t') {
        Some((token, rest)) => (token.trim(), rest.split_whitespace().last()),
        None => match line.rsplit_once(' ') {
            Some((token, tag)) => (token.trim(), Some(tag)),
            None => (line, None),
        },
    }
}

/// Write sentences as `token<TAB>tag` lines with a blank line after each sentence.
pub fn write_tagged(sentences: &[(&[String], &[Tag])]) -> String {
    let mut out = String::new();
    for (tokens, tags) in sentences {
        for (token, tag) in tokens.iter().zip(tags.iter()) {
            out.push_str(token);
            out.push('\t');
            out.push_str(tag.as_str());
            out.push('\n');
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_spaces_tabs_crlf() {
        let s = read_labeled(
            "\u{feff}فرانكفورت B-LOC\r\n(د O\r\n\r\n\r\nبرند\tB-PERS\nجوتشولك I-PERS\nx",
        );
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].tokens, vec!["فرانكفورت", "(د"]);
        assert_eq!(s[1].tags[1].as_str(), "I-PERS");
        assert_eq!(s[1].tags[2], Tag::O);
        assert!(read_labeled("").is_empty());
    }
}
