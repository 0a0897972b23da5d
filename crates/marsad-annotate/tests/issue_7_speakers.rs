//! Issue 7, speakers and cues: the behaviours fixed on the development set
//! (eval/annotate-dev). Cases are in fixtures/issue_7_speakers.txt.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code

use marsad_annotate::annotate;

const FIXTURES: &str = include_str!("fixtures/issue_7_speakers.txt");

/// (article text, [(quote start, speaker)]) for each fixture block.
fn cases() -> Vec<(String, Vec<(String, String)>)> {
    FIXTURES
        .split("\n---\n")
        .map(|block| {
            let mut text = String::new();
            let mut want = Vec::new();
            for line in block.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
                match line.strip_prefix("=> ") {
                    Some(rest) => {
                        let (start, speaker) = rest.split_once(" | ").expect("QUOTE | SPEAKER");
                        want.push((start.to_owned(), speaker.to_owned()));
                    }
                    None => {
                        text.push_str(line);
                        text.push('\n');
                    }
                }
            }
            (text, want)
        })
        .collect()
}

#[test]
fn speakers_resolve_to_the_person_or_organisation() {
    let all = cases();
    assert!(all.len() >= 7);
    for (text, want) in all {
        let quotes = annotate(&text, None, &[]).quotes;
        for (start, speaker) in want {
            let quote = quotes
                .iter()
                .find(|q| q.text.starts_with(&start))
                .unwrap_or_else(|| panic!("no quote starting {start:?} in {quotes:#?}"));
            let got =
                quote.speaker.as_ref().and_then(|s| s.entity.clone().or(Some(s.text.clone())));
            assert_eq!(got.as_deref(), Some(speaker.as_str()), "{start}");
        }
    }
}

#[test]
fn opinion_verbs_and_since_clauses_are_not_quotes() {
    let text = "ويرى الخبراء أن الأسعار سترتفع في الشهور المقبلة. وتوقع المحلل أن يتراجع المؤشر.\n\
                ويقسم كل كتاب إلى خمسة أجزاء رئيسية توضح المراحل التي عرضت في البرنامج حيث إن إجمالي عدد الحلقات هو 15 حلقة.";
    let quotes = annotate(text, None, &[]).quotes;
    assert!(quotes.is_empty(), "{quotes:#?}");
}

#[test]
fn between_is_not_the_verb_explained() {
    let text =
        "وتراوحت الأسعار بين الطرفين والوسطاء أن تكون أعلى. وبين العتيبي أن العمل بدأ منذ سنوات.";
    let quotes = annotate(text, None, &[]).quotes;
    assert_eq!(quotes.len(), 1, "{quotes:#?}");
    assert!(quotes[0].text.starts_with("العمل بدأ"));
}

#[test]
fn a_report_ends_where_the_next_one_starts() {
    let text = "وأكد إبراهيم العمار أن الفريق أكمل التجهيزات، مشيراً إلى أن تعاقدات الفريق كانت مدروسة، وعن الطموح قال العمار: إن فريقه يسعى لتقديم ما يليق باسمه.";
    let quotes = annotate(text, None, &[]).quotes;
    let texts: Vec<&str> = quotes.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(
        texts,
        ["الفريق أكمل التجهيزات", "تعاقدات الفريق كانت مدروسة", "فريقه يسعى لتقديم ما يليق باسمه"]
    );
}

#[test]
fn an_abbreviation_dot_ends_no_sentence() {
    let quotes = annotate("وقالت إي.دي.إف إنها ستمضي قدما في السداد.", None, &[]).quotes;
    assert_eq!(quotes.len(), 1, "{quotes:#?}");
    assert_eq!(quotes[0].text, "ستمضي قدما في السداد");
}
