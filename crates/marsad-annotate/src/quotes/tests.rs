//! Unit tests for the quote annotator.

use super::*;
use crate::entities::EntityKind;

fn q(text: &str) -> Vec<(String, bool, Option<String>, Option<String>)> {
    let doc = Doc::new(text);
    quotes(&doc, &[])
        .into_iter()
        .map(|q| {
            (
                q.text,
                q.direct,
                q.speaker.as_ref().map(|s| s.text.clone()),
                q.speaker.and_then(|s| s.entity),
            )
        })
        .collect()
}

#[test]
fn named_speaker_after_the_cue() {
    let got = q("وقال وزير الدفاع لويد أوستن إن القوات باقية في العراق.");
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].0, "القوات باقية في العراق");
    assert!(!got[0].1);
    assert_eq!(got[0].2.as_deref(), Some("لويد أوستن"));
}

#[test]
fn direct_quote_and_continuation() {
    let got = q("وقال بايدن، في تدوينة، إنه “سأستضيف رئيس الوزراء”.\nوأضاف: “إنني أتطلع إلى تعزيز الشراكة”.");
    assert_eq!(got.len(), 2);
    assert!(got[0].1 && got[1].1);
    assert_eq!(got[1].3.as_deref(), Some("بايدن"));
}

#[test]
fn title_resolves_to_its_holder() {
    let text = "استقبل وزير الدفاع الامريكي لويد ج. أوستن وزير الدفاع العراقي ثابت محمد العباسي لمناقشة الحوار.\nوقال الوزير الامريكي إن العلاقة تتغير.";
    let got = q(text);
    assert_eq!(got[0].3.as_deref(), Some("لويد ج. أوستن"));
}

#[test]
fn speaker_before_the_cue() {
    let got = q(
        "لكن المتحدثة باسم البيت الأبيض، جين ساكي، قالت، الخميس، إن الحكومة العراقية راغبة في ذلك.",
    );
    assert_eq!(got[0].2.as_deref(), Some("جين ساكي"));
}

#[test]
fn scare_quotes_are_not_quotes() {
    assert!(q("مواجهة تنظيم «داعش» في العراق.").is_empty());
}

#[test]
fn mentions_give_entities() {
    let text = "وقال أوستن إن القوات باقية.";
    let doc = Doc::new(text);
    let start = text.find("أوستن").unwrap_or(0);
    let mention = EntityMention {
        span: Span::new(start, start + "أوستن".len()),
        text: "أوستن".into(),
        kind: EntityKind::Person,
        entity: "Lloyd Austin".into(),
        role: None,
    };
    let got = quotes(&doc, &[mention]);
    assert_eq!(got[0].speaker.as_ref().and_then(|s| s.entity.as_deref()), Some("Lloyd Austin"));
}

#[test]
fn long_titles_before_names() {
    let got = q("ويقول أستاذ العلوم السياسية في الجامعة الأميركية أشرف الشريف إن «الرياضة في مصر فقدت أهميتها».");
    assert_eq!(got[0].2.as_deref(), Some("أشرف الشريف"));
    let got = q("وحول ذلك، قال المتحدث الإعلامي لأمانة جازان طارق الرفاعي إن منطقة الكورنيش ما زالت منطقة عمل.");
    assert_eq!(got[0].2.as_deref(), Some("طارق الرفاعي"));
    let got = q("ويقول الطالب جمال: «حتى كرة القدم لم يعد لها طعم».");
    assert_eq!(got[0].2.as_deref(), Some("جمال"));
}

#[test]
fn colon_without_cue() {
    let got = q("وزير الدفاع لويد أوستن: «نحن هنا لدعم العراق».");
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].2.as_deref(), Some("لويد أوستن"));
    assert_eq!(got[0].0, "نحن هنا لدعم العراق");
}

#[test]
fn transcripts() {
    let text = "وزير الدفاع لويد أوستن:\nيسعدني أن أرحب بكم في البنتاغون.\nنحن فخورون بإنجازاتنا.\nعنوان فرعي\nنص الخبر.";
    let got = q(text);
    assert_eq!(got.len(), 2);
    assert!(got.iter().all(|x| x.1 && x.2.as_deref() == Some("لويد أوستن")));
    assert!(q("إقرأ أيضاً:\nخبر آخر.").is_empty());
}
