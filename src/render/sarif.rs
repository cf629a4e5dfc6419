//! `--format sarif`: a SARIF 2.1.0 log for code-scanning tools (GitHub code scanning, IDE
//! viewers). Every rule of the report is described in `tool.driver.rules`; every finding of a
//! `fail`, `error` or `waived` rule is a result with a location — the file, or the manifest for
//! findings about the bid as a whole; waived findings are kept with a suppression.

use serde_json::{Value, json};

use super::gitlab::fingerprint;
use super::{
    RenderOptions, finding_line, findings_or_rule, folder_root, join_root, manifest_path,
    outside_folder, verdict,
};
use crate::pack::model::Severity;
use crate::report::i18n::Lang;
use crate::report::{Finding, Report, RuleResult, Status};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// The base every relative path of the log is resolved against: the bid folder.
const BASE_ID: &str = "BIDROOT";
/// The directory bidlint ran in: paths of a portfolio report, or outside the bid folder.
const SRC_ROOT: &str = "%SRCROOT%";

pub fn render(report: &Report, opts: &RenderOptions) -> String {
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [run(report, opts)],
    });
    // Serialising a serde_json::Value cannot fail: it holds only strings, numbers and maps.
    let mut s = serde_json::to_string_pretty(&log).unwrap_or_default();
    s.push('\n');
    s
}

fn run(report: &Report, opts: &RenderOptions) -> Value {
    let l = opts.lang;
    let mut run = json!({
        "tool": { "driver": {
            "name": report.tool.name,
            "version": report.tool.version,
            "semanticVersion": report.tool.version,
            "rules": report.results.iter().map(descriptor).collect::<Vec<_>>(),
        }},
        "results": results(report, l),
        "columnKind": "unicodeCodePoints",
        // The report's verdict, the same in every format (a SARIF property bag).
        "properties": {
            "verdict": report.verdict.kind,
            "verdictText": verdict(report, opts),
        },
    });
    if let Some(root) = folder_root(report) {
        run["originalUriBaseIds"] = json!({ BASE_ID: base_location(root) });
    }
    run
}

/// Where BIDROOT is: an absolute folder becomes a `file:` URI; a relative one is relative to
/// SRCROOT, the directory bidlint ran in (the repository root in CI), which the consumer
/// resolves — the SARIF convention for a source root.
fn base_location(root: &str) -> Value {
    let mut dir = root.replace('\\', "/");
    if !dir.ends_with('/') {
        dir.push('/');
    }
    if std::path::Path::new(root).is_absolute() {
        json!({ "uri": file_uri(&dir) })
    } else {
        json!({
            "uri": uri_path(&dir),
            "uriBaseId": SRC_ROOT,
            "description": { "text": "Dossier de réponse" },
        })
    }
}

fn descriptor(r: &RuleResult) -> Value {
    json!({
        "id": r.rule,
        "name": r.rule,
        "shortDescription": { "text": r.title },
        "fullDescription": {
            "text": format!("{}, {} : « {} »", r.source.document, r.source.section, r.source.quote)
        },
        "help": { "text": if r.help.is_empty() { r.title.as_str() } else { r.help.as_str() } },
        "defaultConfiguration": { "level": level(r.severity) },
        "properties": {
            "tags": tags(r),
            "pack": r.pack,
            "severity": r.severity.as_str(),
            "status": r.status.as_str(),
        },
    })
}

/// The pack and the check kind, once each (SARIF wants distinct tags).
fn tags(r: &RuleResult) -> Vec<&str> {
    let mut tags = vec![r.pack.as_str(), r.kind.as_str()];
    tags.dedup();
    tags
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn results(report: &Report, l: Lang) -> Vec<Value> {
    let mut out = Vec::new();
    for (index, r) in report.results.iter().enumerate() {
        if !matches!(r.status, Status::Fail | Status::Error | Status::Waived) {
            continue;
        }
        // A finding without a path (a missing piece) is located at the manifest.
        for f in findings_or_rule(r).iter() {
            out.push(result(report, r, index, f, l));
        }
    }
    out
}

fn result(report: &Report, r: &RuleResult, index: usize, f: &Finding, l: Lang) -> Value {
    let path = f.path.as_deref().unwrap_or(manifest_path(report));
    let mut res = json!({
        "ruleId": r.rule,
        "ruleIndex": index,
        "level": level(r.severity),
        "message": { "text": finding_line(f, l, false) },
        "locations": [{ "physicalLocation": {
            "artifactLocation": artifact(report, path),
            "region": { "startLine": 1 },
        }}],
        "partialFingerprints": { "bidlint/v1": fingerprint(&r.rule, path, &f.message) },
    });
    if let (Status::Waived, Some(reason)) = (r.status, &r.waiver) {
        res["suppressions"] = json!([{ "kind": "external", "justification": reason }]);
    }
    res
}

/// Every location is written from the directory bidlint ran in (SRCROOT: the repository root
/// in CI), the bid folder's path joined in front: GitHub code scanning ignores
/// `originalUriBaseIds` and resolves URIs from the repository root (github/codeql-action#2215),
/// so a BIDROOT-relative URI would point nowhere. An absolute path is a `file:` URI.
fn artifact(report: &Report, path: &str) -> Value {
    let joined = match folder_root(report) {
        Some(root) if !outside_folder(path) => join_root(root, path),
        _ => path.to_string(),
    };
    let slashed = joined.replace('\\', "/");
    if std::path::Path::new(&joined).is_absolute() {
        json!({ "uri": file_uri(&slashed) })
    } else {
        json!({ "uri": uri_path(&slashed), "uriBaseId": SRC_ROOT })
    }
}

fn file_uri(abs: &str) -> String {
    let lead = if abs.starts_with('/') { "" } else { "/" };
    format!("file://{lead}{}", uri_path(abs))
}

/// Percent-encode a `/`-separated path for a URI (RFC 3986): unreserved characters and `/`
/// stay, every other byte of the UTF-8 form becomes `%XX`. A Windows drive's `:` stays.
fn uri_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for (i, b) in path.bytes().enumerate() {
        let drive_colon = b == b':' && i == 1 && path.as_bytes()[0].is_ascii_alphabetic();
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) || drive_colon {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_uri_escaped() {
        assert_eq!(
            uri_path("beta/<img src=x>.pdf"),
            "beta/%3Cimg%20src%3Dx%3E.pdf"
        );
        assert_eq!(uri_path("Mémoire.pdf"), "M%C3%A9moire.pdf");
        assert_eq!(file_uri("/tmp/a b/"), "file:///tmp/a%20b/");
        assert_eq!(file_uri("C:/bid/"), "file:///C:/bid/");
    }
}
