//! The benchmark's inputs are bids bidlint judges: a benchmark that stops at a manifest error
//! measures nothing (the name-only run once took 0.01 s for that reason).

use bidlint_fixturegen::corpus::name_tree;

use crate::common::{check_json, repo, shared_cache};

#[test]
fn the_name_tree_of_the_benchmark_is_judged_not_refused() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let tree = dir.path().join("names");
    let pack = repo("bench/names-pack.yaml");
    let long = name_tree(&tree, 300, &pack.display().to_string()).expect("tree written");
    assert!(long > 0, "the tree holds names over the limit");
    let (code, report) = check_json(&tree, shared_cache(), &["--pack", "bench/names-pack.yaml"]);
    assert_eq!(code, 1, "{report}");
    let failed = report["results"]
        .as_array()
        .expect("results")
        .iter()
        .find(|r| r["rule"] == "BENCH-NOM-29")
        .expect("the name-length rule");
    assert_eq!(failed["status"], "fail");
    assert_eq!(failed["findings"].as_array().map(Vec::len), Some(long));
}
