//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

/// A path under the repository (`fixtures/…`, `tests/data/…`).
pub fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// A fixture folder: `fixture("caih-broken/zip")`.
pub fn fixture(name: &str) -> PathBuf {
    repo("fixtures").join(name)
}

/// Every fixture bid folder: a folder of fixtures/ (or one level below) with its bid.yaml.
pub fn fixture_bids() -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut level = vec![repo("fixtures")];
    for _ in 0..2 {
        let mut next = Vec::new();
        for dir in level {
            for e in std::fs::read_dir(&dir).expect("fixtures") {
                let path = e.expect("entry").path();
                if path.is_dir() {
                    if path.join("bid.yaml").is_file() {
                        out.push(path.clone());
                    }
                    next.push(path);
                }
            }
        }
        level = next;
    }
    out.sort();
    out
}

/// `bidlint check DIR --format json EXTRA…`, run from the repository root (relative paths
/// are the repository's), with `cache` as the document cache (never the user's): the exit
/// code and the report. A run that prints no JSON fails the test with its stderr.
pub fn check_json(dir: &Path, cache: &Path, extra: &[&str]) -> (i32, Value) {
    let out = Command::cargo_bin("bidlint")
        .expect("binary")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env("BIDLINT_CACHE_DIR", cache)
        .arg("check")
        .arg(dir)
        .args(["--format", "json"])
        .args(extra)
        .output()
        .expect("runs");
    let report: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{}: {e}\n{}",
            dir.display(),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (out.status.code().expect("exit code"), report)
}

/// The cache shared by the tests that do not test the cache.
pub fn shared_cache() -> &'static Path {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
}

/// stderr with miette's wrapping undone: the words of the message, one space apart, so that
/// a test does not depend on where a long line was cut.
pub fn words(stderr: &[u8]) -> String {
    String::from_utf8_lossy(stderr)
        .replace('│', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A rule result's findings as `path : message` (`-` for a finding on the bid as a whole).
pub fn finding_lines(result: &Value) -> Vec<String> {
    result["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            format!(
                "{} : {}",
                f["path"].as_str().unwrap_or("-"),
                f["message"].as_str().unwrap_or("")
            )
        })
        .collect()
}
