//! Issue 5, the shipped tagger model: it loads, it is exactly what the training
//! command's writer produces for the model it holds (format round trip), a freshly
//! trained model reads back, and damaged model bytes give an error, never a panic.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code

use marsad_annotate::entities::{
    read_labeled, train, ModelError, NerModel, Tag, TrainOptions, MODEL_VERSION, SHIPPED_MODEL,
};

const SAMPLE: &str = "قال O\nالرئيس O\nباراك B-PERS\nأوباما I-PERS\nفي O\nواشنطن B-LOC\n. O\n\n\
زار O\nجون B-PERS\nكيري I-PERS\nبغداد B-LOC\n. O\n\nأعلنت O\nوزارة B-ORG\nالدفاع I-ORG\n. O\n";

#[test]
fn issue_5_shipped_model_loads_and_matches_the_writer() {
    let model = NerModel::shipped().expect("the shipped model loads");
    assert_eq!(model.to_bytes(), SHIPPED_MODEL, "the shipped file is what the writer writes");
    assert_eq!(&SHIPPED_MODEL[8..12], &MODEL_VERSION.to_le_bytes());
    let tags =
        model.tag(&["وقال", "وزير", "الخارجية", "الأمريكي", "جون", "كيري", "في", "بغداد", "."]);
    assert_eq!(tags.len(), 9);
    assert_eq!(tags[7].kind().map(|k| k.as_str()), Some("LOC"));
}

#[test]
fn issue_5_trained_model_reads_back() {
    let data = read_labeled(SAMPLE);
    let opts = TrainOptions { epochs: 4, bits: 12, ..TrainOptions::default() };
    let model = train(&data, &opts);
    let bytes = model.to_bytes();
    let again = NerModel::from_bytes(&bytes).expect("reads back");
    assert_eq!(again.to_bytes(), bytes);
    assert_eq!(again.tag(&data[1].tokens), data[1].tags);
    assert_eq!(train(&data, &opts).to_bytes(), bytes, "training is deterministic");
}

#[test]
fn issue_5_damaged_models_are_errors() {
    assert_eq!(NerModel::from_bytes(b"").unwrap_err(), ModelError::Corrupt);
    assert_eq!(NerModel::from_bytes(b"not a model at all").unwrap_err(), ModelError::BadMagic);
    let mut other_version = SHIPPED_MODEL.to_vec();
    other_version[8] = 99;
    assert_eq!(NerModel::from_bytes(&other_version).unwrap_err(), ModelError::Version(99));
    let mut other_features = SHIPPED_MODEL.to_vec();
    other_features[12] ^= 1;
    assert_eq!(NerModel::from_bytes(&other_features).unwrap_err(), ModelError::FeatureMismatch);
    for cut in [20, 40, 300, SHIPPED_MODEL.len() / 2, SHIPPED_MODEL.len() - 1] {
        assert!(NerModel::from_bytes(&SHIPPED_MODEL[..cut]).is_err(), "cut at {cut}");
    }
    let mut longer = SHIPPED_MODEL.to_vec();
    longer.push(0);
    assert!(NerModel::from_bytes(&longer).is_err());
}

#[test]
fn issue_5_tagging_odd_input_never_panics() {
    let model = NerModel::shipped().unwrap();
    assert!(model.tag::<&str>(&[]).is_empty());
    let odd = [
        "",
        " ",
        "\u{200f}",
        "ـــ",
        "١٢٣",
        "a\u{301}",
        "😀",
        "\u{feff}",
        "ٱلله",
        "x".repeat(5000).leak(),
    ];
    assert_eq!(model.tag(&odd).len(), odd.len());
    let long: Vec<&str> =
        std::iter::repeat_n(["محمد", "علي", "في", "بغداد", "،"], 4000).flatten().collect();
    let tags = model.tag(&long);
    assert_eq!(tags.len(), long.len());
    assert!(tags.iter().all(|t| *t == Tag::parse(t.as_str())));
}
