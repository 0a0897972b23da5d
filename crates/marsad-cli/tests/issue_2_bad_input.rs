//! Issue 2: bad input is reported with file and record, counted, and never stops the rest.

mod common;

use common::*;

#[test]
fn a_missing_path_is_reported_and_the_rest_is_ingested() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    let missing = dir.path().join("no-such-file.json");
    let output =
        run(&db, &["ingest", missing.to_str().unwrap(), seeds().to_str().unwrap(), "--json"]);
    assert_eq!(output.status.code(), Some(0), "per-record problems are not fatal");
    let summary = json(&output);
    assert_eq!(summary["added"], 5);
    let errors = summary["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1);
    assert!(errors[0]["file"].as_str().unwrap().ends_with("no-such-file.json"));
}

#[test]
fn a_malformed_json_line_names_its_line_and_the_others_are_stored() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("feed.jsonl");
    std::fs::write(
        &input,
        concat!(
            r#"{"url": "https://a.example/1", "title": "خبر أول", "content": "نص الخبر الأول عن بغداد"}"#,
            "\n",
            r#"{"url": "https://a.example/2", "title": "خبر مكسور", "content": "#,
            "\n",
            r#"{"url": "https://a.example/3", "title": "خبر ثالث", "content": "نص الخبر الثالث عن البصرة"}"#,
            "\n"
        ),
    )
    .unwrap();
    let summary =
        json(&run(&dir.path().join("m.db"), &["ingest", input.to_str().unwrap(), "--json"]));
    assert_eq!(summary["added"], 2);
    let errors = summary["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0]["record"].as_str().unwrap().contains('2'), "{errors:?}");
}

#[test]
fn records_without_text_are_skipped_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("day.json");
    std::fs::write(
        &input,
        r#"[{"url": "https://a.example/1", "title": "عنوان", "content": ""},
            {"url": "https://a.example/2", "title": "عنوان آخر", "content": "نص كامل للخبر"}]"#,
    )
    .unwrap();
    let summary =
        json(&run(&dir.path().join("m.db"), &["ingest", input.to_str().unwrap(), "--json"]));
    assert_eq!((summary["read"].as_u64(), summary["added"].as_u64()), (Some(2), Some(1)));
    assert_eq!(summary["skipped"], 1);
    let skipped = &summary["skipped_records"][0];
    assert!(skipped["reason"].as_str().unwrap().contains("no text"), "{skipped}");
    assert!(skipped["file"].as_str().unwrap().ends_with("day.json"), "{skipped}");
}

#[test]
fn a_file_that_is_not_a_database_is_a_fatal_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("notes.db");
    std::fs::write(&db, "هذا ليس قاعدة بيانات، بل ملف نصي طويل بما يكفي ليقرأه SQLite كرأس ملف.")
        .unwrap();
    let output = run(&db, &["ingest", seeds().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(message.contains("notes.db") && message.contains("not a"), "{message}");
    // Nothing was written over the user's file.
    assert!(std::fs::read_to_string(&db).unwrap().starts_with("هذا ليس"));
}

#[test]
fn queries_on_a_missing_database_fail_instead_of_creating_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("typo.db");
    let output = run(&db, &["stats"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("typo.db"));
    assert!(!db.exists());
}

#[test]
fn usage_errors_exit_with_2() {
    let output = marsad().args(["ingest"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let output = marsad().args(["no-such-command"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
}
