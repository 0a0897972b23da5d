//! Issue 5, mentions in one article: spans point into the original text (harakat,
//! tatweel and clitics included), surname-only mentions link to the full name, roles
//! are kept, and no input makes the annotator panic.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code

use marsad_annotate::entities::{annotate_entities, EntityKind, EntityMention, EntityResolver};

fn annotate(text: &str) -> Vec<EntityMention> {
    let mentions = annotate_entities(text).expect("shipped model");
    for m in &mentions {
        assert_eq!(&text[m.span.start..m.span.end], m.text, "span and text agree");
    }
    mentions
}

#[test]
fn issue_5_surname_links_to_full_name_with_role() {
    let text = "استقبل وزير الدفاع العراقي ثابت محمد العباسي في بغداد وزير الخارجية الأمريكي أنتوني بلينكن. \
                وقال العباسي إن المحادثات كانت مثمرة، وأضاف بلينكن أن واشنطن ملتزمة بدعم العراق.";
    let mentions = annotate(text);
    let abbasi: Vec<&EntityMention> =
        mentions.iter().filter(|m| m.text.contains("العباسي")).collect();
    assert_eq!(abbasi.len(), 2, "{mentions:#?}");
    assert!(abbasi.iter().all(|m| m.kind == EntityKind::Person && m.entity == "ثابت محمد العباسي"));
    assert_eq!(abbasi[0].role.as_deref(), Some("وزير الدفاع العراقي"));
    let blinken: Vec<&EntityMention> =
        mentions.iter().filter(|m| m.text.contains("بلينكن")).collect();
    assert!(
        blinken.len() == 2 && blinken.iter().all(|m| m.entity == "أنتوني بلينكن"),
        "{blinken:#?}"
    );
    // The clitic of وأضاف is not in a span; the ب of بغداد stays.
    assert!(mentions.iter().any(|m| m.text == "بغداد" && m.kind == EntityKind::Location));
}

#[test]
fn issue_5_spans_survive_marks_and_clitics() {
    let text = "وصلَ الرئيسُ جو بايـــدن إلى بغدادَ، والتقى بايدن رئيسَ الوزراء مصطفى الكاظمي.";
    let mentions = annotate(text);
    assert!(
        mentions.iter().any(|m| m.entity == "جو بايـــدن" || m.entity == "جو بايدن"),
        "{mentions:#?}"
    );
    assert!(mentions.iter().any(|m| m.text == "مصطفى الكاظمي"), "{mentions:#?}");
}

#[test]
fn issue_5_different_people_sharing_a_family_name_stay_apart() {
    let mut resolver = EntityResolver::new();
    resolver.add_article(&annotate("قال وزير الدفاع ثابت العباسي إن الجيش جاهز."));
    resolver.add_article(&annotate("قال الكاتب محمد العباسي إن الرواية صدرت في بغداد."));
    resolver.add_article(&annotate("وأكد الوزير ثابت العباسي أن التعاون مستمر."));
    let people: Vec<_> =
        resolver.entities().into_iter().filter(|e| e.kind == EntityKind::Person).collect();
    let abbasis: Vec<_> = people.iter().filter(|e| e.canonical.contains("العباسي")).collect();
    assert_eq!(abbasis.len(), 2, "{people:#?}");
}

#[test]
fn issue_5_odd_text_never_panics() {
    for text in [
        "",
        " ",
        "\n\n",
        "...",
        "«»",
        "١٢٣٫٤",
        "ـ",
        "و",
        "ال",
        "لل",
        "وال",
        "ج.",
        "x ج. y",
        "😀 داعش 😀",
    ] {
        let _ = annotate(text);
    }
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let alphabet: Vec<char> =
        "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئىةـًٌٍَُِّْ .،:«»\n0123456789abcج".chars().collect();
    for _ in 0..200 {
        let mut s = String::new();
        for _ in 0..(state % 300) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            s.push(alphabet[(state % alphabet.len() as u64) as usize]);
        }
        let _ = annotate(&s);
    }
}
