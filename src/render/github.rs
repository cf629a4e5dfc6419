//! `--format github`: GitHub Actions workflow commands. One annotation per finding of a `fail`
//! or `error` rule (`::error`, `::warning` or `::notice` by the rule's severity), attached to
//! the file, then one summary line.
//!
//! GitHub shows at most [`PER_KIND`] annotations of each kind per step and drops the rest
//! silently. Past that many findings of a kind, that kind gets one annotation per rule, with
//! its count of findings and the first one; and if even the rules are too many, the last
//! annotation names the rules left out. The CLI also appends the full Markdown report to
//! `$GITHUB_STEP_SUMMARY` (see `cli/output.rs`).

use super::{
    RenderOptions, counts_line, deadline_alert, finding_line, findings_or_rule, is_failing,
    located_line, verdict, workspace_path,
};
use crate::report::i18n::Lang;
use crate::report::{Report, RuleResult};
use crate::vocabulary::{Finding, Severity};

/// Annotations of one kind (error, warning, notice) GitHub keeps per step.
const PER_KIND: usize = 10;
/// The length of a rule's annotation listing its findings: well within what GitHub shows.
const MESSAGE_BUDGET: usize = 4096;

pub fn render(report: &Report, opts: &RenderOptions) -> String {
    let mut out = String::new();
    if let Some(alert) = deadline_alert(report, opts.lang) {
        out.push_str(&format!("::warning title=bidlint::{}\n", data(&alert)));
    }
    for severity in [Severity::Error, Severity::Warning, Severity::Info] {
        let rules: Vec<&RuleResult> = report
            .results
            .iter()
            .filter(|r| is_failing(r.status) && r.severity == severity)
            .collect();
        let findings: usize = rules.iter().map(|r| findings_or_rule(r).len()).sum();
        if findings <= PER_KIND {
            for r in &rules {
                for f in findings_or_rule(r).iter() {
                    let message = format!("{} : {}", r.title, located_line(report, f, opts.lang));
                    let file = workspace_path(report, f.path.as_deref());
                    out.push_str(&annotation(severity, &file, &r.rule, &message));
                }
            }
        } else {
            out.push_str(&per_rule(report, &rules, severity, opts.lang));
        }
    }
    // A plain line, not a command: it starts with « bidlint », never with `::`.
    out.push_str(&format!(
        "bidlint : {} — {}\n",
        data(&counts_line(report, opts.lang)),
        data(&verdict(report, opts))
    ));
    out
}

/// One annotation per rule, at its first finding, with the count; the rules past what GitHub
/// keeps are named together in the last one, at the manifest.
fn per_rule(report: &Report, rules: &[&RuleResult], severity: Severity, l: Lang) -> String {
    let shown = if rules.len() > PER_KIND {
        PER_KIND - 1
    } else {
        rules.len()
    };
    let mut out = String::new();
    for r in &rules[..shown] {
        let findings = findings_or_rule(r);
        let Some(first) = findings.first() else {
            continue;
        };
        let file = workspace_path(report, first.path.as_deref());
        let title = format!("{} ({})", r.rule, findings.len());
        out.push_str(&annotation(
            severity,
            &file,
            &title,
            &listed(r, &findings, l),
        ));
    }
    let rest = &rules[shown..];
    if !rest.is_empty() {
        let ids: Vec<&str> = rest.iter().map(|r| r.rule.as_str()).collect();
        let count: usize = rest.iter().map(|r| findings_or_rule(r).len()).sum();
        let message = match l {
            Lang::Fr => format!(
                "{} autre(s) règle(s), {count} constat(s) : {} — voir le rapport complet",
                rest.len(),
                ids.join(", ")
            ),
            Lang::En => format!(
                "{} more rule(s), {count} finding(s): {} — see the full report",
                rest.len(),
                ids.join(", ")
            ),
        };
        let file = workspace_path(report, None);
        out.push_str(&annotation(severity, &file, "bidlint", &message));
    }
    out
}

/// A rule's findings in one annotation: the title and count, then one line per finding,
/// within [`MESSAGE_BUDGET`] characters.
fn listed(r: &RuleResult, findings: &[Finding], l: Lang) -> String {
    let mut message = match l {
        Lang::Fr => format!("{} : {} constat(s)", r.title, findings.len()),
        Lang::En => format!("{}: {} finding(s)", r.title, findings.len()),
    };
    for (i, f) in findings.iter().enumerate() {
        let line = format!("\n- {}", finding_line(f, l, true));
        if message.len() + line.len() > MESSAGE_BUDGET {
            message.push_str(&match l {
                Lang::Fr => format!(
                    "\n… et {} autre(s) : voir le rapport complet",
                    findings.len() - i
                ),
                Lang::En => format!("\n… and {} more: see the full report", findings.len() - i),
            });
            break;
        }
        message.push_str(&line);
    }
    message
}

fn annotation(severity: Severity, file: &str, title: &str, message: &str) -> String {
    format!(
        "::{} file={},title={}::{}\n",
        command(severity),
        property(file),
        property(title),
        data(message)
    )
}

fn command(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// A command's message: `%`, CR and LF are encoded, so hostile text cannot end the line and
/// start a command of its own (GitHub's `escapeData`).
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A command's property value: as [`data`], plus `:` and `,` which end a property
/// (GitHub's `escapeProperty`).
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_github_rules() {
        assert_eq!(data("50%\r\n::error::x"), "50%25%0D%0A::error::x");
        assert_eq!(property("a,b:c%\n"), "a%2Cb%3Ac%25%0A");
    }
}
