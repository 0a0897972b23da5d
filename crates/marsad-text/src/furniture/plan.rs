//! Which lines go: the removal plan built over a text's lines, and applying it.

use super::*;

/// A run of lines to remove, `first..=last` (line indices, both non-blank).
#[derive(Debug)]
pub(super) struct Block {
    pub(super) first: usize,
    pub(super) last: usize,
    pub(super) reason: String,
}

/// What to remove from one text.
pub(super) struct Plan {
    pub(super) blocks: Vec<Block>,
    /// (line index, credit).
    pub(super) credits: Vec<(usize, String)>,
    /// Lines from here on are all removed (blank ones too).
    pub(super) tail_from: usize,
}

impl Plan {
    pub(super) fn new(text: &str, lines: &[Line], learned: &dyn LearnedLines) -> Self {
        let nonblank: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].blank).collect();
        let second_half = |k: usize| {
            let i = nonblank[k];
            2 * k >= nonblank.len() || 2 * lines[i].start >= text.len()
        };
        // The header: bylines, datelines and titles above the first paragraph.
        let header_end = nonblank.iter().position(|&i| lines[i].prose).unwrap_or(nonblank.len());
        let is_learned: Vec<bool> = (0..nonblank.len())
            .map(|k| {
                let line = &lines[nonblank[k]];
                if learned.is_empty()
                    || k < header_end
                    || line.marker.is_some()
                    || line.words < MIN_LEARNED_LINE_WORDS
                {
                    return false;
                }
                let slice = line.content.slice(text);
                line_hash(slice).is_some_and(|hash| learned.is_learned(slice, &hash))
            })
            .collect();

        let mut plan = Plan { blocks: Vec::new(), credits: Vec::new(), tail_from: lines.len() };
        // Where the kept text ends, as an index into `nonblank`.
        let mut end = nonblank.len();
        if let Some(k) = trailing_zone(lines, &nonblank, &second_half) {
            // The zone starts at a marker, which names the first block.
            plan.remove_tail(text, lines, &nonblank, k, "", None);
            end = k;
        }
        if let Some(k) = learned_tail(lines, &nonblank, &is_learned, header_end, end, &second_half)
        {
            plan.remove_tail(text, lines, &nonblank, k, REASON_LEARNED, Some(end));
            end = k;
        }
        // Credits that end the article, then a headline list right after its last paragraph.
        while end > 0 {
            let line = &lines[nonblank[end - 1]];
            if line.marker.is_some_and(|m| m.kind() == MarkerKind::Credit) {
                end -= 1;
                plan.remove_credit(text, lines, nonblank[end]);
            } else {
                break;
            }
        }
        if let Some(k) = trailing_list(text, lines, &nonblank, end) {
            plan.blocks.push(Block {
                first: nonblank[k],
                last: nonblank[end - 1],
                reason: REASON_HEADLINE_LIST.to_owned(),
            });
            end = k;
        }
        plan.remove_inline(lines, &nonblank, &is_learned, end);
        if end < nonblank.len() {
            // Everything after the last kept non-blank line goes (whitespace only).
            plan.tail_from = end.checked_sub(1).map_or(0, |k| nonblank[k] + 1);
        }
        plan.blocks.sort_by_key(|b| b.first);
        plan.credits.sort();
        plan
    }

    pub(super) fn remove_credit(&mut self, text: &str, lines: &[Line], i: usize) {
        let credit = match lines[i].marker {
            Some(m) => credit_text(lines[i].content.slice(text), m.marker),
            None => String::new(),
        };
        if !credit.is_empty() {
            self.credits.push((i, credit));
        }
        self.blocks.push(Block { first: i, last: i, reason: REASON_CREDIT.to_owned() });
    }

    /// Remove non-blank lines `nonblank[k..until]`, one block per marker; other lines
    /// join the block before them (`reason` until the first marker).
    pub(super) fn remove_tail(
        &mut self,
        text: &str,
        lines: &[Line],
        nonblank: &[usize],
        k: usize,
        reason: &str,
        until: Option<usize>,
    ) {
        let until = until.unwrap_or(nonblank.len());
        let mut reason = reason.to_owned();
        let mut open: Option<Block> = None;
        let mut credits = Vec::new();
        for &i in nonblank.get(k..until).unwrap_or_default() {
            match lines[i].marker {
                Some(m) if m.kind() == MarkerKind::Credit => {
                    self.blocks.extend(open.take());
                    credits.push(i);
                }
                Some(m) => {
                    self.blocks.extend(open.take());
                    reason = m.reason();
                    open = Some(Block { first: i, last: i, reason: reason.clone() });
                }
                None => match open.as_mut() {
                    Some(block) => block.last = i,
                    None => open = Some(Block { first: i, last: i, reason: reason.clone() }),
                },
            }
        }
        self.blocks.extend(open);
        for i in credits {
            self.remove_credit(text, lines, i);
        }
    }

    /// Marker lines and learned lines before `nonblank[end]`, one line at a time.
    pub(super) fn remove_inline(
        &mut self,
        lines: &[Line],
        nonblank: &[usize],
        is_learned: &[bool],
        end: usize,
    ) {
        let mut k = 0;
        while k < end {
            let i = nonblank[k];
            let line = &lines[i];
            k += 1;
            match line.marker {
                Some(m) if m.kind() != MarkerKind::Credit => {
                    let mut last = i;
                    if !m.has_remainder {
                        if m.kind() == MarkerKind::Link {
                            // The linked headline on the next line.
                            if let Some(&j) = nonblank.get(k).filter(|_| k < end) {
                                let next = &lines[j];
                                if !next.prose
                                    && next.marker.is_none()
                                    && next.words <= MAX_HEADLINE_WORDS
                                {
                                    last = j;
                                    k += 1;
                                }
                            }
                        } else {
                            // A list under the marker.
                            while k < end && lines[nonblank[k]].bullet && !lines[nonblank[k]].prose
                            {
                                last = nonblank[k];
                                k += 1;
                            }
                        }
                    }
                    self.blocks.push(Block { first: i, last, reason: m.reason() });
                }
                Some(_) => {}
                None if is_learned[k - 1] => {
                    self.blocks.push(Block {
                        first: i,
                        last: i,
                        reason: REASON_LEARNED.to_owned(),
                    });
                }
                None => {}
            }
        }
    }

    pub(super) fn apply<'t>(self, text: &'t str, lines: &[Line]) -> Cleaned<'t> {
        if self.blocks.is_empty() {
            return Cleaned { text: Cow::Borrowed(text), removed: Vec::new(), credits: Vec::new() };
        }
        let mut removed_line = vec![false; lines.len()];
        for block in &self.blocks {
            for flag in removed_line.iter_mut().take(block.last + 1).skip(block.first) {
                *flag = true;
            }
        }
        for flag in removed_line.iter_mut().skip(self.tail_from) {
            *flag = true;
        }
        // An inline line between blank lines takes the blank lines after it along, so
        // paragraphs stay one blank line apart.
        for block in &self.blocks {
            let blank_before = block.first == 0 || lines[block.first - 1].blank;
            if blank_before {
                let mut j = block.last + 1;
                while j < lines.len() && lines[j].blank && !removed_line[j] {
                    removed_line[j] = true;
                    j += 1;
                }
            }
        }
        let mut kept = String::with_capacity(text.len());
        for (line, removed) in lines.iter().zip(&removed_line) {
            if !removed {
                kept.push_str(text.get(line.start..line.next).unwrap_or(""));
            }
        }
        let kept_len = kept.trim_end().len();
        kept.truncate(kept_len);
        if !kept.chars().any(char::is_alphanumeric) {
            // Never empty an article: it was all "furniture", so none of it was.
            return Cleaned { text: Cow::Borrowed(text), removed: Vec::new(), credits: Vec::new() };
        }
        let removed = self
            .blocks
            .iter()
            .map(|block| {
                let span =
                    Span::new(lines[block.first].content.start, lines[block.last].content.end);
                RemovedBlock {
                    span,
                    text: span.slice(text).to_owned(),
                    reason: block.reason.clone(),
                }
            })
            .collect();
        let credits = self.credits.into_iter().map(|(_, credit)| credit).collect();
        Cleaned { text: Cow::Owned(kept), removed, credits }
    }
}

/// The first `end` or `link` marker that starts a trailing block (index into `nonblank`):
/// in the second half, after at least one paragraph, with only furniture after it.
pub(super) fn trailing_zone(
    lines: &[Line],
    nonblank: &[usize],
    second_half: &dyn Fn(usize) -> bool,
) -> Option<usize> {
    let mut prose_before = 0;
    for (k, &i) in nonblank.iter().enumerate() {
        let line = &lines[i];
        if line.prose {
            prose_before += 1;
            continue;
        }
        let Some(m) = line.marker else { continue };
        if m.kind() != MarkerKind::Credit
            && prose_before > 0
            && second_half(k)
            && only_furniture_after(lines, nonblank, k)
        {
            return Some(k);
        }
    }
    None
}

/// After `nonblank[k]`, no paragraph except under a «اقرأ أيضا» marker (which
/// introduces another article's text).
pub(super) fn only_furniture_after(lines: &[Line], nonblank: &[usize], k: usize) -> bool {
    let mut introduced = false;
    for &j in nonblank.get(k + 1..).unwrap_or_default() {
        let line = &lines[j];
        match line.marker.map(|m| m.kind()) {
            Some(MarkerKind::Link) => introduced = true,
            Some(MarkerKind::End) => introduced = false,
            Some(MarkerKind::Credit) => {}
            None if line.prose && !introduced => return false,
            None => {}
        }
    }
    true
}

/// The first learned line (index into `nonblank`, before `end`) in the second half
/// after which only learned, tiny, marker lines or short lines followed by a learned
/// one come.
pub(super) fn learned_tail(
    lines: &[Line],
    nonblank: &[usize],
    is_learned: &[bool],
    header_end: usize,
    end: usize,
    second_half: &dyn Fn(usize) -> bool,
) -> Option<usize> {
    let last_learned = (0..end).rev().find(|&k| is_learned[k])?;
    let fits = |k: usize| {
        let line = &lines[nonblank[k]];
        is_learned[k]
            || line.marker.is_some()
            || (!line.prose && line.words <= MAX_TINY_WORDS)
            || (!line.prose && k < last_learned)
    };
    // The tail candidates: scanning back, the lines that fit.
    let mut start = end;
    while start > 0 && fits(start - 1) {
        start -= 1;
    }
    (start.max(header_end)..end).find(|&k| is_learned[k] && second_half(k))
}

/// A bulleted list of headlines that ends the kept text (`nonblank[..end]`) and follows
/// its last paragraph directly; its first item's index into `nonblank`.
pub(super) fn trailing_list(
    text: &str,
    lines: &[Line],
    nonblank: &[usize],
    end: usize,
) -> Option<usize> {
    let mut start = end;
    while start > 0 && lines[nonblank[start - 1]].bullet {
        start -= 1;
    }
    if end - start < MIN_LIST_ITEMS || start == 0 {
        return None;
    }
    let all_headlines = nonblank[start..end]
        .iter()
        .all(|&i| bullet_item(lines[i].content.slice(text)).is_some_and(headline_like));
    let before = &lines[nonblank[start - 1]];
    let introduced = before.content.slice(text).trim_end().ends_with([':', '：']);
    (all_headlines && before.prose && !introduced).then_some(start)
}
