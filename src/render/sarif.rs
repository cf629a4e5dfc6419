//! `--format sarif`: a SARIF 2.1.0 log for code-scanning tools (GitHub code scanning, IDE
//! viewers). Every rule of the report is described in `tool.driver.rules` (a readable `name`
//! distinct from its id, `help.markdown`, `properties.precision` and `problem.severity` as
//! GitHub reads them); every finding of a `fail`, `error` or `waived` rule is a result with a
//! location — the file, or the manifest for findings about the bid as a whole.
//!
//! GitHub ignores `suppressions`: a waived finding, kept with its suppression (SPEC §5), is also
//! marked so that it cannot pass for an alert: `kind: informational`, `level: none`, and its
//! message starts with « Dérogation acceptée ».
//!
//! Every URI is relative to `%SRCROOT%`, declared in `originalUriBaseIds` (the directory bidlint
//! ran in: the repository root in CI), and `partialFingerprints.primaryLocationLineHash` is
//! computed from the path inside the bid folder, so an alert keeps its identity across runs
//! and when the folder is renamed.

use serde_json::{Value, json};

use std::collections::HashMap;

use super::gitlab::fingerprint;
use super::{
    RenderOptions, deadline_alert, findings_or_rule, folder_root, located_line, path_in_bid,
    verdict, workspace_path,
};
use crate::report::i18n::Lang;
use crate::report::{Report, RuleResult};
use crate::vocabulary::{Finding, Severity, Status};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// The bid folder, relative to SRCROOT: described for viewers; results use SRCROOT.
const BASE_ID: &str = "BIDROOT";
/// The directory bidlint ran in (the repository root in CI): the base of every result's URI.
/// GitHub code scanning resolves URIs from the repository root and ignores the base ids
/// (github/codeql-action#2215), so URIs are written from there.
const SRC_ROOT: &str = "%SRCROOT%";
/// Where bidlint is described, when the package declares its repository.
const INFORMATION_URI: &str = env!("CARGO_PKG_REPOSITORY");

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
    let mut driver = json!({
        "name": report.tool.name,
        "version": report.tool.version,
        "semanticVersion": report.tool.version,
        "rules": report.results.iter().map(|r| descriptor(r, l)).collect::<Vec<_>>(),
    });
    if !INFORMATION_URI.is_empty() {
        driver["informationUri"] = json!(INFORMATION_URI);
    }
    let mut bases = json!({
        SRC_ROOT: { "description": { "text": l.t(
            "le dossier où bidlint a été lancé (la racine du dépôt en CI)",
            "the directory bidlint ran in (the repository root in CI)",
        ) } },
    });
    if let Some(root) = folder_root(report) {
        bases[BASE_ID] = base_location(root, l);
    }
    json!({
        "tool": { "driver": driver },
        "originalUriBaseIds": bases,
        "results": results(report, l),
        "columnKind": "unicodeCodePoints",
        // The report's verdict, the same in every format (a SARIF property bag).
        "properties": {
            "verdict": report.verdict.kind,
            "verdictText": verdict(report, opts),
            "alert": deadline_alert(report, l),
        },
    })
}

/// Where BIDROOT is: an absolute folder becomes a `file:` URI; a relative one is relative to
/// SRCROOT, the directory bidlint ran in (the repository root in CI), which the consumer
/// resolves — the SARIF convention for a source root.
fn base_location(root: &str, l: Lang) -> Value {
    let description = json!({ "text": l.t("le dossier de réponse", "the bid folder") });
    let mut dir = root.replace('\\', "/");
    if !dir.ends_with('/') {
        dir.push('/');
    }
    if std::path::Path::new(root).is_absolute() {
        json!({ "uri": file_uri(&dir), "description": description })
    } else {
        json!({
            "uri": uri_path(&dir),
            "uriBaseId": SRC_ROOT,
            "description": description,
        })
    }
}

fn descriptor(r: &RuleResult, l: Lang) -> Value {
    let help = if r.help.is_empty() { &r.title } else { &r.help };
    json!({
        "id": r.rule,
        "name": rule_name(&r.title, &r.rule),
        "shortDescription": { "text": r.title },
        "fullDescription": {
            "text": format!("{}, {} : « {} »", r.source.document, r.source.section, r.source.quote)
        },
        "help": {
            "text": help,
            "markdown": help_markdown(r, help, l),
        },
        "defaultConfiguration": { "level": level(r.severity) },
        "properties": {
            "tags": tags(r),
            "precision": precision(&r.kind),
            "problem.severity": problem_severity(r.severity),
            "pack": r.pack,
            "severity": r.severity.as_str(),
            "status": r.status.as_str(),
        },
    })
}

/// A readable identifier for the rule, distinct from its id as SARIF asks: its title in
/// PascalCase, accents removed (« Mémoire technique » → `MemoireTechnique`). A title without
/// a letter or digit falls back to the id, prefixed so that it still differs.
fn rule_name(title: &str, id: &str) -> String {
    let name: String = crate::text::strip_accents(title)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut cs = w.chars();
            cs.next()
                .map(|c| c.to_ascii_uppercase().to_string() + cs.as_str())
                .unwrap_or_default()
        })
        .collect();
    if name.is_empty() || name == id {
        format!(
            "Regle{}",
            id.replace(|c: char| !c.is_ascii_alphanumeric(), "")
        )
    } else {
        name
    }
}

/// The rule's help in Markdown: what to do, then the clause it comes from, quoted.
fn help_markdown(r: &RuleResult, help: &str, l: Lang) -> String {
    format!(
        "**{}** {}\n\n{} {}, {} :\n\n> {}",
        l.t("À faire :", "To do:"),
        markdown_text(help),
        l.t("Source :", "Source:"),
        markdown_text(&r.source.document),
        markdown_text(&r.source.section),
        markdown_text(&r.source.quote).replace('\n', "\n> ")
    )
}

/// Text in Markdown: characters that would start markup are backslash-escaped (pack texts
/// are trusted, but a `*` in a clause must stay a star).
fn markdown_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if "\\`*_[]<>#|".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// How often a finding of this kind of check is right, as GitHub code scanning reads it:
/// facts of names, sizes and the manifest are certain; what is recognised in a document
/// (a piece, a certificate, a page count) is very likely; what is inferred from its text
/// (language, plan, content) is a good guess.
fn precision(kind: &str) -> &'static str {
    match kind {
        "content" | "language" | "outline" | "unmatched-files" => "medium",
        "piece" | "certification" | "validity" | "readable" | "pages" | "manual" => "high",
        _ => "very-high",
    }
}

/// GitHub's `problem.severity`: error, warning or recommendation.
fn problem_severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "recommendation",
    }
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
    // How many results so far share a line hash: GitHub's `hash:occurrence` form.
    let mut occurrences: HashMap<String, usize> = HashMap::new();
    for (index, r) in report.results.iter().enumerate() {
        if !matches!(r.status, Status::Fail | Status::Error | Status::Waived) {
            continue;
        }
        // A finding without a path (a missing piece) is located at the manifest.
        for f in findings_or_rule(r).iter() {
            out.push(result(report, r, index, f, l, &mut occurrences));
        }
    }
    out
}

fn result(
    report: &Report,
    r: &RuleResult,
    index: usize,
    f: &Finding,
    l: Lang,
    occurrences: &mut HashMap<String, usize>,
) -> Value {
    let inner = path_in_bid(f.path.as_deref());
    let stable = fingerprint(&r.rule, &inner, &f.message);
    let hash: String = stable.chars().take(16).collect();
    let n = occurrences.entry(hash.clone()).or_insert(0);
    *n += 1;
    let mut res = json!({
        "ruleId": r.rule,
        "ruleIndex": index,
        "level": level(r.severity),
        "message": { "text": located_line(report, f, l) },
        "locations": [{ "physicalLocation": {
            "artifactLocation": artifact(&workspace_path(report, f.path.as_deref())),
            "region": { "startLine": 1 },
        }}],
        "partialFingerprints": {
            "primaryLocationLineHash": format!("{hash}:{n}"),
            "bidlint/v1": stable,
        },
    });
    if let (Status::Waived, Some(reason)) = (r.status, &r.waiver) {
        res["kind"] = json!("informational");
        res["level"] = json!("none");
        res["message"]["text"] = json!(format!(
            "{} ({reason}) — {}",
            l.t("Dérogation acceptée", "Accepted waiver"),
            located_line(report, f, l)
        ));
        res["suppressions"] = json!([{ "kind": "external", "justification": reason }]);
    }
    res
}

/// A result's file, from the directory bidlint ran in (see [`SRC_ROOT`]); a path that cannot
/// be written from there (absolute, outside it) is a `file:` URI.
fn artifact(path: &str) -> Value {
    let slashed = path.replace('\\', "/");
    if std::path::Path::new(path).is_absolute() {
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

    #[test]
    fn rule_names_are_readable_and_differ_from_ids() {
        assert_eq!(
            rule_name("Mémoire technique (≤ 30 pages)", "X-1"),
            "MemoireTechnique30Pages"
        );
        assert_eq!(rule_name("«»", "CAIH-NOM-30"), "RegleCAIHNOM30");
        assert_eq!(precision("filename-length"), "very-high");
        assert_eq!(precision("language"), "medium");
    }
}
