//! Golden files for the human report formats (table, Markdown, HTML): the whole report of one
//! failing and one compliant fixture, as insta snapshots, so that any change of wording, order
//! or layout shows in review. The fixtures' deadlines are in the past, so the « date limite
//! dépassée » alert is there for good; the version is the only volatile part, and is redacted.
//! The table is the one printed to a pipe (120 columns wide, no colour).

use assert_cmd::Command;

use crate::common::shared_cache;

/// A fixture whose only defect is a file name over 29 characters: one NON CONFORME rule.
const FAILING: &str = "fixtures/caih-broken/nom-30";
/// A compliant bid: no blocking defect, only points to check by hand.
const COMPLIANT: &str = "fixtures/ans-ok";

/// `bidlint check FIXTURE --format FORMAT` run from the repository root (the folder is shown
/// as the relative path given), its stdout with the version redacted, after checking the
/// exit code.
fn report(fixture: &str, format: &str, expected_code: i32) -> String {
    report_with(fixture, &["--format", format], expected_code)
}

/// `bidlint check FIXTURE ARGS…`, as [`report`].
fn report_with(fixture: &str, args: &[&str], expected_code: i32) -> String {
    let out = Command::cargo_bin("bidlint")
        .expect("binary")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env("BIDLINT_CACHE_DIR", shared_cache())
        .env_remove("GITHUB_STEP_SUMMARY")
        .args(["check", fixture])
        .args(args)
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(expected_code),
        "{fixture} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("UTF-8 report")
        .replace(env!("CARGO_PKG_VERSION"), "[version]")
}

#[test]
fn failing_table() {
    insta::assert_snapshot!(report(FAILING, "table", 1));
}

/// The table with every rule, its source and its evidence (`--all`).
#[test]
fn failing_table_all() {
    insta::assert_snapshot!(report_with(FAILING, &["--format", "table", "--all"], 1));
}

#[test]
fn failing_markdown() {
    insta::assert_snapshot!(report(FAILING, "markdown", 1));
}

#[test]
fn failing_html() {
    insta::assert_snapshot!(report(FAILING, "html", 1));
}

#[test]
fn compliant_table() {
    insta::assert_snapshot!(report(COMPLIANT, "table", 0));
}

#[test]
fn compliant_markdown() {
    insta::assert_snapshot!(report(COMPLIANT, "markdown", 0));
}

#[test]
fn compliant_html() {
    insta::assert_snapshot!(report(COMPLIANT, "html", 0));
}
