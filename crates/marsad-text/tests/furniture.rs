//! Furniture removal (`marsad_text::furniture`) on the five seed articles and on the
//! shapes a desk meets: markers in any hamza/harakat spelling, inline marker lines,
//! headline lists, source credits, learned lines — and the report always kept.

use std::collections::HashSet;
use std::path::PathBuf;

use marsad_text::furniture::{
    line_hash, line_hashes, strip_furniture, Cleaned, LearnedLines, NoLearnedLines, REASON_CREDIT,
    REASON_HEADLINE_LIST, REASON_LEARNED,
};

fn seed(prefix: &str) -> String {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/seeds"));
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let path = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with(prefix)))
        .unwrap_or_else(|| panic!("no seed {prefix}"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn strip(text: &str) -> Cleaned<'_> {
    strip_furniture(text, &NoLearnedLines)
}

/// Every block points at its text in the input, and the kept text plus the removed
/// blocks account for every non-blank char of the input.
fn assert_consistent(input: &str, cleaned: &Cleaned<'_>) {
    for block in &cleaned.removed {
        assert_eq!(block.span.slice(input), block.text, "{block:?}");
        assert!(!block.text.trim().is_empty(), "{block:?}");
    }
    let mut spans: Vec<_> = cleaned.removed.iter().map(|b| b.span).collect();
    spans.sort();
    assert!(spans.windows(2).all(|w| w[0].end <= w[1].start), "overlapping blocks {spans:?}");
    let kept: usize = cleaned.text.split_whitespace().map(str::len).sum();
    let removed: usize =
        cleaned.removed.iter().flat_map(|b| b.text.split_whitespace()).map(str::len).sum();
    let total: usize = input.split_whitespace().map(str::len).sum();
    assert_eq!(kept + removed, total, "text lost or duplicated");
    // The kept text is made of the input's own lines, in order.
    let mut from = 0;
    for line in cleaned.text.lines().filter(|l| !l.trim().is_empty()) {
        let at = input[from..].find(line).unwrap_or_else(|| panic!("not from the input: {line}"));
        from += at + line.len();
    }
}

#[test]
fn seed_002_loses_its_credit_tags_column_and_related_headlines() {
    let text = seed("002_");
    let cleaned = strip(&text);
    assert_consistent(&text, &cleaned);
    // The report's last paragraph ends the kept text.
    assert!(
        cleaned.text.ends_with("والجهود المبذولة لتحسين قدرات قوات الأمن العراقية."),
        "{}",
        &cleaned.text[cleaned.text.len().saturating_sub(300)..]
    );
    for gone in ["المصدر: الحرة", "كلمات دلالية", "إقرأ أيضاً", "فاروق يوسف", "مقالات مشابهة", "•"]
    {
        assert!(!cleaned.text.contains(gone), "{gone} is still there");
    }
    let reasons: Vec<&str> = cleaned.removed.iter().map(|b| b.reason.as_str()).collect();
    assert_eq!(
        reasons,
        [REASON_CREDIT, "marker: كلمات دلالية", "marker: اقرأ أيضا", "marker: مقالات مشابهة"]
    );
    assert_eq!(cleaned.credits, ["الحرة"]);
    assert!(cleaned.removed[2].text.contains("تعيش إيران اليوم حالة من الفزع الهستيري"));
    assert!(cleaned.removed[3].text.ends_with("ضُربت إيران فهل ستشتعل الجبهة العراقية؟"));
}

#[test]
fn seed_003_loses_related_news_back_to_top_and_latest_news() {
    let text = seed("003_");
    let cleaned = strip(&text);
    assert_consistent(&text, &cleaned);
    assert!(cleaned.text.ends_with("بالإضافة الى نظرتهم بخصوص قدراتهم”."));
    let reasons: Vec<&str> = cleaned.removed.iter().map(|b| b.reason.as_str()).collect();
    assert_eq!(
        reasons,
        ["marker: أخبار ذات صلة", "marker: زر الذهاب إلى الأعلى", "marker: آخر الأخبار"]
    );
    // The section label and the headline at the top stay.
    assert!(cleaned.text.starts_with("الامنية\n\nتقرير أميركي يكشف"));
}

#[test]
fn seeds_without_furniture_are_unchanged() {
    for prefix in ["000_", "001_", "004_"] {
        let text = seed(prefix);
        let cleaned = strip(&text);
        assert!(cleaned.removed.is_empty(), "{prefix}: {:?}", cleaned.removed);
        assert_eq!(cleaned.text, text, "{prefix}");
        // Not even copied.
        assert!(matches!(cleaned.text, std::borrow::Cow::Borrowed(_)), "{prefix}");
    }
}

const REPORT: &str = "أكدت الولايات المتحدة والعراق التزامهما المشترك بمواصلة التعاون العسكري الثنائي في جميع المجالات.\n\
وأشار بيان مشترك صدر عقب الاجتماعات إلى أن الجانبين أكدا التزامهما بتطوير قدرات العراق الأمنية والدفاعية.\n\
وناقش الوفدان الجهود المبذولة لبناء القدرات المؤسسية لقوات الأمن العراقية من خلال المساعدات العسكرية.";

#[test]
fn markers_match_in_any_hamza_alef_and_harakat_spelling() {
    for marker in [
        "إقرأ أيضاً:",
        "اقرأ أيضا",
        "اقرا ايضا",
        "إقْرَأْ أَيْضًا",
        "اقرأ أيضـــا:",
        "مقالات مشابهة",
        "مقالات مشابهه",
        "أخبار ذات صلة",
        "اخبار ذات صله",
        "الأكثر قراءة",
        "الاكثر قراءه",
        "زر الذهاب إلى الأعلى",
        "زر الذهاب الى الاعلى",
        "آخر الأخبار",
        "اخر الاخبار",
        "كلمات دلالية:",
        "الوسوم: العراق، أمريكا",
        "تابعونا على تويتر",
        "- شارك هذا المقال -",
    ] {
        let text = format!("{REPORT}\n{marker}\n• عنوان خبر أول مختلف تماما\n• عنوان خبر ثان مختلف\n• عنوان خبر ثالث مختلف");
        let cleaned = strip(&text);
        assert_consistent(&text, &cleaned);
        assert_eq!(cleaned.text, REPORT, "{marker}");
        assert!(cleaned.removed[0].reason.starts_with("marker: "), "{marker}");
    }
}

#[test]
fn a_long_sentence_with_a_marker_word_is_kept() {
    for line in [
        "شارك الوزير في الاجتماع الذي عقد في بغداد أمس بحضور عدد من المسؤولين.",
        "شارك في العديد من الندوات والمؤتمرات الصحفية والأدبية داخل المملكة وخارجها.",
        "وقال إن على الجميع أن يشارك في الحوار، وإن آخر الأخبار مطمئنة.",
        "المصدر الرئيسي للدخل في العراق هو النفط",
        "شاركوا",
    ] {
        let text = format!("{REPORT}\n{line}");
        let cleaned = strip(&text);
        assert!(cleaned.removed.is_empty(), "{line}: {:?}", cleaned.removed);
        assert_eq!(cleaned.text, text);
    }
}

#[test]
fn an_inline_marker_line_goes_alone() {
    let text = format!("شارك\n{REPORT}\nتابعونا\nوختم البيان بالتأكيد على أهمية الشراكة بين البلدين في جميع المجالات.");
    let cleaned = strip(&text);
    assert_consistent(&text, &cleaned);
    assert_eq!(cleaned.removed.len(), 2, "{:?}", cleaned.removed);
    assert_eq!(
        cleaned.text,
        format!("{REPORT}\nوختم البيان بالتأكيد على أهمية الشراكة بين البلدين في جميع المجالات.")
    );
}

#[test]
fn read_also_in_the_middle_takes_its_headline_and_keeps_the_report() {
    let rest = "وأضاف البيان أن الوفدين سيعقدان جولة جديدة من الحوار في بغداد خلال الأشهر المقبلة.\n\
                وختم البيان بالتأكيد على أهمية الشراكة بين البلدين في جميع المجالات الأمنية.";
    let text = format!("{REPORT}\n\nاقرأ أيضاً:\n\nالعراق يتسلم دفعة جديدة من الطائرات\n\n{rest}");
    let cleaned = strip(&text);
    assert_consistent(&text, &cleaned);
    assert_eq!(cleaned.text, format!("{REPORT}\n\n{rest}"));
    assert_eq!(cleaned.removed.len(), 1);
    assert_eq!(cleaned.removed[0].text, "اقرأ أيضاً:\n\nالعراق يتسلم دفعة جديدة من الطائرات");

    // With the headline on the marker's own line.
    let text = format!("{REPORT}\nاقرأ أيضا: العراق يتسلم دفعة جديدة من الطائرات\n{rest}");
    let cleaned = strip(&text);
    assert_eq!(cleaned.text, format!("{REPORT}\n{rest}"));
}

#[test]
fn a_marker_in_the_second_half_followed_by_report_is_not_a_trailing_block() {
    // «شارك» between paragraphs: only that line goes, the report after it stays.
    let last = "وختم البيان بالتأكيد على أهمية الشراكة بين البلدين في جميع المجالات الأمنية.";
    let text = format!("{REPORT}\nشارك\n{last}");
    let cleaned = strip(&text);
    assert_eq!(cleaned.text, format!("{REPORT}\n{last}"));
}

#[test]
fn a_trailing_headline_list_goes_but_a_list_under_a_heading_stays() {
    let list = "• العراق يتسلم دفعة جديدة من الطائرات الأمريكية\n\
                • وزير الخارجية يزور طهران الأسبوع المقبل\n\
                • ارتفاع أسعار النفط في الأسواق العالمية؟";
    let text = format!("{REPORT}\n{list}\n");
    let cleaned = strip(&text);
    assert_consistent(&text, &cleaned);
    assert_eq!(cleaned.text, REPORT);
    assert_eq!(cleaned.removed.len(), 1);
    assert_eq!(cleaned.removed[0].reason, REASON_HEADLINE_LIST);
    assert_eq!(cleaned.removed[0].text, list);

    // Numbered items count too.
    let numbered = "1- العراق يتسلم دفعة جديدة من الطائرات\n2- وزير الخارجية يزور طهران قريبا\n3- ارتفاع أسعار النفط عالميا اليوم";
    assert_eq!(strip(&format!("{REPORT}\n{numbered}")).text, REPORT);

    // Content lists: under a heading, after a line ending with ':', "key: value" items,
    // or fewer than three items.
    for kept in [
        format!("{REPORT}\nترتيب الدوري الإيطالي\n{numbered}"),
        format!("{REPORT}\nوتشمل التوصيات ما يلي من إجراءات عاجلة يجب اتخاذها:\n{list}"),
        format!("{REPORT}\n* الشركة المبرمجة: نينتندو\n* نوع اللعبة: قتال ومغامرات\n* جهاز اللعب: وي يو حصريا"),
        format!("{REPORT}\n• العراق يتسلم دفعة جديدة من الطائرات\n• وزير الخارجية يزور طهران قريبا"),
    ] {
        let cleaned = strip(&kept);
        assert!(cleaned.removed.is_empty(), "{kept}: {:?}", cleaned.removed);
    }
}

#[test]
fn a_source_credit_at_the_end_is_removed_and_returned() {
    for (line, credit) in [
        ("المصدر: وكالة الأنباء السعودية", "وكالة الأنباء السعودية"),
        ("المصدر : واس", "واس"),
        ("(المصدر: رويترز)", "رويترز"),
        ("المصدر - وكالات", "وكالات"),
    ] {
        let text = format!("{REPORT}\n\n{line}\n");
        let cleaned = strip(&text);
        assert_consistent(&text, &cleaned);
        assert_eq!(cleaned.text, REPORT, "{line}");
        assert_eq!(cleaned.credits, [credit]);
        assert_eq!(cleaned.removed[0].reason, REASON_CREDIT);
        assert_eq!(cleaned.removed[0].text, line);
    }
    // In the middle of the text, a source line is content (a chart's source, a table).
    let text = format!("{REPORT}\nالمصدر: وزارة الصحة\n{REPORT}");
    assert!(strip(&text).removed.is_empty());
}

#[test]
fn syndication_credits_and_several_credits_in_text_order() {
    let text = format!("{REPORT}\n* خدمة «نيويورك تايمز»");
    let cleaned = strip(&text);
    assert_eq!(cleaned.text, REPORT);
    assert_eq!(cleaned.credits, ["نيويورك تايمز"]);
    // A sentence starting with the same word is no credit.
    let text = format!("{REPORT}\nخدمة العملاء متاحة على مدار الساعة طوال أيام الأسبوع");
    assert!(strip(&text).removed.is_empty());
    // A credit before a trailing block and another inside it.
    let text = format!(
        "{REPORT}\nالمصدر: واس\nالوسوم: العراق\nالمصدر: رويترز\nمقالات مشابهة\n• عنوان خبر آخر هنا"
    );
    let cleaned = strip(&text);
    assert_consistent(&text, &cleaned);
    assert_eq!(cleaned.text, REPORT);
    assert_eq!(cleaned.credits, ["واس", "رويترز"]);
}

#[test]
fn learned_lines_go_except_in_the_header() {
    let byline = "عمر ابراهيم – عين اليوم";
    let footer = "تابعوا آخر الأخبار عبر تطبيق الصحيفة";
    let middle = "جميع الحقوق محفوظة للصحيفة";
    let text = format!("{byline}\n{REPORT}\n{middle}\nوختم البيان بالتأكيد على أهمية الشراكة بين البلدين في المجالات.\n{footer}\n");
    let learned: HashSet<String> =
        [byline, footer, middle].iter().filter_map(|l| line_hash(l)).collect();
    let cleaned = strip_furniture(&text, &learned);
    assert_consistent(&text, &cleaned);
    assert_eq!(
        cleaned.text,
        format!(
            "{byline}\n{REPORT}\nوختم البيان بالتأكيد على أهمية الشراكة بين البلدين في المجالات."
        )
    );
    assert!(cleaned.removed.iter().all(|b| b.reason == REASON_LEARNED));
    assert_eq!(cleaned.removed.len(), 2);

    // A closure works too, and is only asked about lines of two words or more.
    let asked = std::cell::RefCell::new(Vec::new());
    let by_text = |line: &str| {
        asked.borrow_mut().push(line.to_owned());
        line == footer
    };
    let cleaned = strip_furniture(&text, &by_text);
    assert_eq!(cleaned.removed.len(), 1);
    assert!(!asked.borrow().iter().any(|l| l == byline), "the header is not asked about");
}

#[test]
fn a_learned_footer_takes_the_short_lines_around_it_along() {
    // almadina: a contact block whose middle line varies per writer; WAS: «// انتهى //» and a time.
    let contact = "للتواصل مع الكاتب ارسل رسالة SMS\nتبدأ بالرمز (123) ثم مسافة ثم نص الرسالة إلى\n88591 - Stc\n635031 - Mobily";
    let learned: HashSet<String> =
        ["للتواصل مع الكاتب ارسل رسالة SMS", "88591 - Stc", "635031 - Mobily"]
            .iter()
            .filter_map(|l| line_hash(l))
            .collect();
    let text = format!("{REPORT}\n\nwriter@example.com\n{contact}\n");
    let cleaned = strip_furniture(&text, &learned);
    assert_consistent(&text, &cleaned);
    assert_eq!(cleaned.text, format!("{REPORT}\n\nwriter@example.com"));
    assert_eq!(cleaned.removed.len(), 1);
    assert_eq!(cleaned.removed[0].text, contact);

    let learned: HashSet<String> = line_hash("// انتهى //").into_iter().collect();
    let text = format!(
        "الرياض 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس\n{REPORT}\n // انتهى //\n 14:58 ت م \n"
    );
    let cleaned = strip_furniture(&text, &learned);
    assert_eq!(
        cleaned.text,
        format!("الرياض 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس\n{REPORT}")
    );
}

#[test]
fn nothing_learned_asks_nothing() {
    struct Panics;
    impl LearnedLines for Panics {
        fn is_learned(&self, line: &str, _: &str) -> bool {
            panic!("asked about {line}")
        }
        fn is_empty(&self) -> bool {
            true
        }
    }
    let text = format!("{REPORT}\nسطر قصير\n{REPORT}");
    assert!(strip_furniture(&text, &Panics).removed.is_empty());
}

#[test]
fn line_hashes_are_distinct_and_skip_lone_words_and_paragraphs() {
    let text = format!("الامنية\nجميع الحقوق محفوظة\nجميعُ الحقوق محفوظة\n{REPORT}");
    let hashes = line_hashes(&text);
    // The two spellings of the footer hash alike; one of the report's lines is too long.
    assert_eq!(hashes.len(), 1 + REPORT.lines().filter(|l| l.chars().count() <= 200).count());
    assert_eq!(hashes[0], line_hash("جميع الحقوق محفوظة").unwrap_or_default());
}

#[test]
fn odd_input_never_panics_or_empties_an_article() {
    for text in [
        "",
        "\n\n",
        "شارك",
        "المصدر: واس",
        "• أ ب ت\n• ث ج ح\n• خ د ذ",
        "اقرأ أيضا\r\nمقالات مشابهة\r\n",
        "\u{200f}شارك\u{200f}\n",
        "1\n2\n3\n4",
    ] {
        let cleaned = strip(text);
        assert_consistent(text, &cleaned);
        if text.chars().any(char::is_alphanumeric) {
            assert!(cleaned.text.chars().any(char::is_alphanumeric), "{text:?} emptied");
        }
    }
}

#[test]
fn windows_line_breaks_are_kept_byte_for_byte() {
    let report = REPORT.replace('\n', "\r\n");
    let text = format!("{report}\r\n\r\nمقالات مشابهة\r\n• عنوان أول هنا\r\n• عنوان ثان هنا\r\n");
    let cleaned = strip(&text);
    assert_consistent(&text, &cleaned);
    assert_eq!(cleaned.text, report);
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Lines of every kind the rules look at, in any order and spacing.
    fn line() -> impl Strategy<Value = String> {
        prop_oneof![
            Just(REPORT.lines().next().unwrap_or_default().to_owned()),
            Just("وناقش الوفدان الجهود المبذولة لبناء القدرات المؤسسية لقوات الأمن.".to_owned()),
            Just("إقرأ أيضاً:".to_owned()),
            Just("مقالات مشابهة".to_owned()),
            Just("شارك".to_owned()),
            Just("المصدر: واس".to_owned()),
            Just("* خدمة «نيويورك تايمز»".to_owned()),
            Just("• عنوان خبر آخر مختلف هنا".to_owned()),
            Just("1- عنوان خبر ثان هنا".to_owned()),
            Just("جميع الحقوق محفوظة للصحيفة".to_owned()),
            Just("عنوان قصير".to_owned()),
            Just(String::new()),
            Just("  \u{200f} ".to_owned()),
            "[ -~\u{600}-\u{6ff}•]{0,40}",
        ]
    }

    proptest! {
        #[test]
        fn kept_and_removed_text_account_for_the_input(
            lines in proptest::collection::vec(line(), 0..24),
            crlf in any::<bool>(),
        ) {
            let text = lines.join(if crlf { "\r\n" } else { "\n" });
            let learned: HashSet<String> = line_hash("جميع الحقوق محفوظة للصحيفة").into_iter().collect();
            for cleaned in [strip(&text), strip_furniture(&text, &learned)] {
                assert_consistent(&text, &cleaned);
                if cleaned.removed.is_empty() {
                    prop_assert_eq!(&cleaned.text, &text);
                }
                if text.chars().any(char::is_alphanumeric) {
                    prop_assert!(cleaned.text.chars().any(char::is_alphanumeric));
                }
            }
        }
    }
}
