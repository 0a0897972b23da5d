//! Issue 2: `marsad ingest examples/seeds` stores 5 articles with sensible titles; a rerun adds nothing.

mod common;

use common::*;

#[test]
fn seeds_are_stored_once_with_sensible_titles() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    let seeds = seeds();
    let seeds = seeds.to_str().unwrap();

    let first = json(&run(&db, &["ingest", seeds, "--json"]));
    assert_eq!(first["read"], 5);
    assert_eq!(first["added"], 5);
    assert_eq!(first["errors"].as_array().unwrap().len(), 0);

    let again = json(&run(&db, &["ingest", seeds, "--json"]));
    assert_eq!((again["added"].as_u64(), again["unchanged"].as_u64()), (Some(0), Some(5)));

    let articles = json_lines(&run(&db, &["articles", "--json"]));
    assert_eq!(articles.len(), 5);
    for article in &articles {
        let title = article["title"].as_str().unwrap();
        let words = title.split_whitespace().count();
        assert!(
            (3..=40).contains(&words),
            "title of {} is not a headline: {title:?}",
            article["url"]
        );
        assert!(
            !title.starts_with('*') && !title.contains("(26/7/2021)"),
            "byline as title: {title}"
        );
        // Without a URL in the record, the url points back to the file.
        assert!(article["url"].as_str().unwrap().ends_with(".txt"), "{}", article["url"]);
        assert_eq!(article["outlet"], "seeds");
    }
    let titles: Vec<&str> = articles.iter().map(|a| a["title"].as_str().unwrap()).collect();
    assert!(titles.contains(&"تقرير أميركي يكشف عدد أفراد داعش في العراق بعد اندحار التنظيم"));
}

#[test]
fn search_over_seeds_matches_clitic_forms_and_returns_snippets() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    json(&run(&db, &["ingest", seeds().to_str().unwrap(), "--json"]));
    // The seeds write والعراق / بالعراق / للعراق; a search for the bare word must find them all.
    let hits = json_lines(&run(&db, &["search", "العراق", "--json"]));
    assert_eq!(hits.len(), 5);
    for hit in &hits {
        let snippet = hit["snippet"].as_str().unwrap();
        let highlights = hit["highlights"].as_array().unwrap();
        assert!(!highlights.is_empty(), "no highlight in {snippet}");
        let [start, end] =
            [&highlights[0][0], &highlights[0][1]].map(|v| v.as_u64().unwrap() as usize);
        assert!(snippet[start..end].contains("عراق"), "highlight {:?}", &snippet[start..end]);
    }
    let scores: Vec<f64> = hits.iter().map(|h| h["score"].as_f64().unwrap()).collect();
    assert!(scores.windows(2).all(|pair| pair[0] >= pair[1]), "not ranked: {scores:?}");
}

#[test]
fn demo_runs_on_the_bundled_examples() {
    let dir = tempfile::tempdir().unwrap();
    let output = marsad()
        .current_dir(dir.path())
        .args(["demo", seeds().to_str().unwrap()])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("5 added"), "{text}");
    assert!(text.contains("articles:         5"), "{text}");
    // The whole job on the example corpus: stories, reused passages with their earliest
    // source, people with spelling variants merged (issues 4–6), and quotes (issue 7).
    assert!(text.contains("story #") && text.contains("4 articles"), "{text}");
    assert!(text.contains("== reused passages") && text.contains("earliest source"), "{text}");
    assert!(text.contains("سيليست والاندر، سيليست واندر"), "{text}");
    // Who said what, as ingest stored it (issue 7).
    assert!(text.contains("== who said what") && text.contains("لويد أوستن said"), "{text}");
    assert!(dir.path().join("marsad-demo.db").exists());
}

#[test]
fn analyze_json_has_the_contract_fields_with_spans_into_text() {
    let seed = seeds().join("000_3764c3d9eba899d3.txt");
    let output = marsad().args(["analyze", seed.to_str().unwrap(), "--json"]).output().unwrap();
    let analysis = json(&output);
    let text = analysis["text"].as_str().unwrap();
    for field in ["title", "text", "published", "tokens", "sentences"] {
        assert!(analysis.get(field).is_some(), "missing {field}");
    }
    for token in analysis["tokens"].as_array().unwrap() {
        let (start, end) = (token["span"][0].as_u64().unwrap(), token["span"][1].as_u64().unwrap());
        assert_eq!(&text[start as usize..end as usize], token["text"].as_str().unwrap());
    }
    let sentences = analysis["sentences"].as_array().unwrap();
    // The initial in «لويد ج. أوستن» does not end a sentence.
    assert!(sentences.iter().any(|s| s["text"].as_str().unwrap().contains("لويد ج. أوستن وزير")));
}

#[test]
fn demo_never_overwrites_a_database_the_user_named() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("mine.db");
    json(&run(
        &db,
        &["ingest", seeds().join("001_b722c595d9660330.txt").to_str().unwrap(), "--json"],
    ));
    let output = run(&db, &["demo", seeds().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("already exists"), "{}", stderr(&output));
    assert_eq!(json(&run(&db, &["stats", "--json"]))["articles"], 1);
}

#[test]
fn output_into_a_closed_pipe_is_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    json(&run(&db, &["ingest", seeds().to_str().unwrap(), "--json"]));
    let mut child = marsad()
        .arg("--db")
        .arg(&db)
        .args(["analyze", seeds().join("000_3764c3d9eba899d3.txt").to_str().unwrap()])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // the reader went away, like `| head -0`
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}
