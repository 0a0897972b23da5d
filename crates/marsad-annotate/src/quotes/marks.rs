//! Quotation-mark segments in a paragraph: «…», “…”, „…“, "…", with nested
//! guillemets, a doubled opening mark (““) and an unclosed quote running to
//! the end of the paragraph (multi-sentence quotes often end without a mark).

use marsad_model::Span;

/// The text inside one pair of quotation marks (marks excluded) and the marks' outer span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    pub inner: Span,
    pub outer: Span,
}

/// Quotation segments in `text[para]`, in order; nested pairs stay inside their outer one.
pub fn segments(text: &str, para: Span) -> Vec<Segment> {
    let mut out = Vec::new();
    let Some(p) = text.get(para.start..para.end) else { return out };
    // (closing char, start of content, start of the opening mark)
    let mut open: Option<(char, usize, usize, usize)> = None;
    let mut depth = 0usize;
    for (i, c) in p.char_indices() {
        let at = para.start + i;
        let next = at + c.len_utf8();
        match open {
            None => {
                let close = match c {
                    '«' => '»',
                    '“' => '”',
                    '„' => '“',
                    '"' => '"',
                    _ => continue,
                };
                open = Some((close, next, at, 0));
                depth = 0;
            }
            Some((close, start, mark, _)) => {
                if c == '«' && close == '»' {
                    depth += 1;
                    continue;
                }
                // A doubled opening mark (““) or an opener straight after the opener.
                if c == '“' && close == '”' && at == start {
                    open = Some((close, next, mark, 0));
                    continue;
                }
                // Some texts close “ with “.
                let closes = c == close || (close == '”' && c == '“');
                if closes {
                    if depth > 0 {
                        depth -= 1;
                        continue;
                    }
                    // An empty pair (“”) typed as an opener: keep it open after it.
                    if at == start {
                        open = Some((close, next, mark, 0));
                        continue;
                    }
                    {
                        out.push(Segment {
                            inner: trim(text, Span::new(start, at)),
                            outer: Span::new(mark, next),
                        });
                    }
                    open = None;
                }
            }
        }
    }
    if let Some((_, start, mark, _)) = open {
        if para.end > start {
            out.push(Segment {
                inner: trim(text, Span::new(start, para.end)),
                outer: Span::new(mark, para.end),
            });
        }
    }
    out
}

fn trim(text: &str, s: Span) -> Span {
    let Some(slice) = text.get(s.start..s.end) else { return s };
    let lead = slice.len() - slice.trim_start().len();
    let t = slice.trim();
    let start = s.start + lead;
    Span::new(start, start + t.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        segments(text, Span::new(0, text.len())).into_iter().map(|s| s.inner.slice(text)).collect()
    }

    #[test]
    fn marks() {
        assert_eq!(texts("قال «نحن (هنا) «معا»» ثم"), ["نحن (هنا) «معا»"]);
        assert_eq!(texts("قال “أ” و““ب”"), ["أ", "ب"]);
        assert_eq!(texts("قال \"أ\" و \"ب"), ["أ", "ب"]);
        assert_eq!(texts("إن “”الكاظمي يستحق”."), ["الكاظمي يستحق"]);
        assert_eq!(texts("لا شيء"), Vec::<&str>::new());
    }
}
