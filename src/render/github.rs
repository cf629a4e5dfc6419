//! `--format github`: GitHub Actions workflow commands. One annotation per finding of a `fail`
//! or `error` rule (`::error`, `::warning` or `::notice` by the rule's severity), attached to
//! the file, then one summary line. GitHub shows only the first annotations of a step, so the
//! CLI also appends the full Markdown report to `$GITHUB_STEP_SUMMARY` (see `cli/output.rs`).

use super::{
    RenderOptions, counts_line, deadline_alert, finding_line, findings_or_rule, is_failing,
    verdict, workspace_path,
};
use crate::pack::model::Severity;
use crate::report::Report;

pub fn render(report: &Report, opts: &RenderOptions) -> String {
    let mut out = String::new();
    if let Some(alert) = deadline_alert(report, opts.lang) {
        out.push_str(&format!("::warning title=bidlint::{}\n", data(&alert)));
    }
    for r in report.results.iter().filter(|r| is_failing(r.status)) {
        for f in findings_or_rule(r).iter() {
            let file = workspace_path(report, f.path.as_deref());
            let message = format!("{} : {}", r.title, finding_line(f, opts.lang, false));
            out.push_str(&format!(
                "::{} file={},title={}::{}\n",
                command(r.severity),
                property(&file),
                property(&r.rule),
                data(&message)
            ));
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
