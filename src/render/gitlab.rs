//! `--format gitlab`: a GitLab Code Quality report — a JSON array of issues, one per finding
//! of a `fail` or `error` rule (waived findings are accepted deviations, not issues).
//!
//! Severity mapping (GitLab knows blocker, critical, major, minor, info):
//! - an `error` rule that failed → `critical`: the bid would be rejected;
//! - an `error` rule that could not be evaluated (status `error`) → `blocker`: the folder cannot
//!   even be assessed (often an unreadable document, itself a cause of rejection);
//! - a `warning` rule → `minor`;
//! - an `info` rule → `info`.
//!
//! `major` is not used: bidlint has no level between "rejected" and "worth a look".
//!
//! `location.path` is relative to the repository root (the directory bidlint runs in): never
//! absolute, never with `./`, as GitLab links it to the file in the merge request. The
//! fingerprint is built from the path *inside* the bid folder, so the same finding keeps its
//! identity when the folder is renamed or typed differently (`./reponse`, `$PWD/reponse`).

use std::collections::HashSet;

use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use super::{
    RenderOptions, findings_or_rule, is_failing, located_line, outside_folder, path_in_bid,
    workspace_path,
};
use crate::report::i18n::Lang;
use crate::report::{Report, RuleResult};
use crate::vocabulary::{Finding, Severity, Status};

pub fn render(report: &Report, opts: &RenderOptions) -> String {
    let mut seen: HashSet<String> = HashSet::new();
    let mut issues = Vec::new();
    for r in report.results.iter().filter(|r| is_failing(r.status)) {
        // A finding without a path is located at the manifest.
        for f in findings_or_rule(r).iter() {
            issues.push(issue(report, r, f, opts.lang, &mut seen));
        }
    }
    // Serialising a serde_json::Value cannot fail: it holds only strings, numbers and maps.
    let mut s = serde_json::to_string_pretty(&Value::Array(issues)).unwrap_or_default();
    s.push('\n');
    s
}

fn issue(
    report: &Report,
    r: &RuleResult,
    f: &Finding,
    l: Lang,
    seen: &mut HashSet<String>,
) -> Value {
    let inner = path_in_bid(f.path.as_deref());
    let mut path = workspace_path(report, f.path.as_deref());
    if outside_folder(&path) {
        // Outside the repository (an absolute folder elsewhere): GitLab cannot link it anyway;
        // the path inside the bid folder at least names the file, and is never absolute.
        path = if inner.is_empty() {
            "bid.yaml".to_string()
        } else {
            inner.clone()
        };
    }
    json!({
        "type": "issue",
        "check_name": r.rule,
        "description": format!("{} — {} : {}", r.rule, r.title, located_line(report, f, l)),
        "severity": severity(r),
        "fingerprint": unique(fingerprint(&r.rule, &inner, &f.message), seen),
        "location": { "path": path, "lines": { "begin": 1 } },
    })
}

fn severity(r: &RuleResult) -> &'static str {
    match (r.severity, r.status) {
        (Severity::Error, Status::Error) => "blocker",
        (Severity::Error, _) => "critical",
        (Severity::Warning, _) => "minor",
        (Severity::Info, _) => "info",
    }
}

/// A stable identity for a finding: SHA-256 of the rule id, the path and the message, with
/// nothing from the run (no date, no absolute path), so GitLab matches it across pipelines.
pub(crate) fn fingerprint(rule: &str, path: &str, message: &str) -> String {
    let mut h = Sha256::new();
    for part in [rule, path, message] {
        h.update(part.as_bytes());
        // A separator that cannot occur in the parts keeps ("ab","c") apart from ("a","bc").
        h.update([0u8]);
    }
    hex(&h.finalize())
}

/// The same finding twice (same rule, path and message) would collapse into one issue: the
/// second one gets a fingerprint salted with its rank, still stable across runs.
fn unique(fp: String, seen: &mut HashSet<String>) -> String {
    let mut candidate = fp.clone();
    let mut n = 1;
    while !seen.insert(candidate.clone()) {
        n += 1;
        candidate = fingerprint(&fp, "#", &n.to_string());
    }
    candidate
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_stable_and_separated() {
        let a = fingerprint("R", "a/b.pdf", "m");
        assert_eq!(a, fingerprint("R", "a/b.pdf", "m"));
        assert_eq!(a.len(), 64);
        assert_ne!(fingerprint("ab", "c", ""), fingerprint("a", "bc", ""));
        let mut seen = HashSet::new();
        let first = unique(a.clone(), &mut seen);
        let second = unique(a.clone(), &mut seen);
        assert_eq!(first, a);
        assert_ne!(second, a);
    }
}
