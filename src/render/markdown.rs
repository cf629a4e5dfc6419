//! `--format markdown`: the human report as Markdown — for a pull request, a wiki, or the
//! GitHub step summary. Header (folder, packs, phase, deadline), summary and verdict, a table
//! of every rule, then the details of each rule that did not pass.
//!
//! Text from the report goes through [`text`] (Markdown punctuation backslash-escaped, so a
//! file name cannot open a link, an image or raw HTML) or [`code`] (a code span, shown as is).

use super::{
    Markup, RenderOptions, counts_line, deadline_alert, deadline_text, finding_in, notice_in,
    packs_line, reason_line, report_title, rule_columns, source_line, status_text, verdict,
};
use crate::report::i18n::Lang;
use crate::report::{Report, RuleResult};
use crate::text::human_size;
use crate::vocabulary::{Severity, Status};

/// File names as code spans, other text escaped.
const MARKDOWN: Markup = Markup { file: code, text };

pub fn render(report: &Report, opts: &RenderOptions) -> String {
    let l = opts.lang;
    let mut out = String::new();
    out.push_str(&header(report, opts));
    out.push_str(&rules_table(report, l));
    let details: Vec<String> = report
        .results
        .iter()
        .filter(|r| r.status != Status::Pass)
        .map(|r| details(r, l))
        .collect();
    if !details.is_empty() {
        out.push_str(&format!("\n## {}\n", l.t("Détails", "Details")));
        out.push_str(&details.concat());
    }
    out.push_str(&notices(report, l));
    out
}

fn header(report: &Report, opts: &RenderOptions) -> String {
    let l = opts.lang;
    let unknown = || "?".to_string();
    let alert = deadline_alert(report, l)
        .map(|a| format!("> **{}**\n\n", text(&a)))
        .unwrap_or_default();
    format!(
        "# {title}\n\n{alert}\
         - **{folder}** {root} — {files} {files_word}, {size}\n\
         - **{packs}** {pack_list}\n\
         - **{phase}** {phase_v} · **{deadline}** {deadline_v}\n\
         - **{summary}** {counts}\n\n\
         **{verdict_w}** {verdict}\n\n",
        title = report_title(report, l),
        folder = l.t("Dossier :", "Folder:"),
        root = code(&report.bid.root),
        files = report.bid.files,
        files_word = l.t("fichiers", "files"),
        size = human_size(report.bid.bytes, l),
        packs = l.t("Packs :", "Packs:"),
        pack_list = text(&packs_line(report)),
        phase = l.t("Phase :", "Phase:"),
        phase_v = text(&report.bid.phase.clone().unwrap_or_else(unknown)),
        deadline = l.t("Date limite :", "Deadline:"),
        deadline_v = text(&deadline_text(report, l).unwrap_or_else(unknown)),
        summary = l.t("Bilan :", "Summary:"),
        counts = text(&counts_line(report, l)),
        verdict_w = l.t("Verdict :", "Verdict:"),
        verdict = text(&verdict(report, opts)),
    )
}

fn rules_table(report: &Report, l: Lang) -> String {
    let mut out = format!(
        "| {} |\n|---|---|---|---|---|\n",
        rule_columns(l).join(" | ")
    );
    for r in &report.results {
        let cells = [
            status_label(r, l),
            text(&r.rule),
            text(&r.title),
            text(&l.scope(&r.scope)),
            text(&source_line(r)),
        ];
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out
}

fn details(r: &RuleResult, l: Lang) -> String {
    let mut out = format!(
        "\n### {} {} — {}\n\n",
        icon(r),
        text(&r.rule),
        text(&r.title)
    );
    out.push_str(&format!(
        "- **{}** {}\n- **{}** {}, {}\n\n> {}\n\n",
        l.t("Statut :", "Status:"),
        status_label(r, l),
        l.t("Source :", "Source:"),
        text(&r.source.document),
        text(&r.source.section),
        text(&r.source.quote),
    ));
    if let Some(reason) = reason_line(r, l) {
        out.push_str(&format!("{}\n\n", text(&reason)));
    }
    for f in &r.findings {
        out.push_str(&format!("- {}\n", finding_in(f, l, true, &MARKDOWN)));
    }
    if !r.findings.is_empty() {
        out.push('\n');
    }
    if matches!(r.status, Status::Fail | Status::Error) && !r.help.is_empty() {
        out.push_str(&format!(
            "**{}** {}\n",
            l.t("À faire :", "To do:"),
            text(&r.help)
        ));
    }
    out
}

fn notices(report: &Report, l: Lang) -> String {
    if report.notices.is_empty() {
        return String::new();
    }
    let mut out = format!("\n## {}\n\n", l.t("Remarques", "Notes"));
    for n in &report.notices {
        out.push_str(&format!(
            "- {}
",
            notice_in(n, &MARKDOWN)
        ));
    }
    out
}

/// « ❌ NON CONFORME (bloquant) ».
fn status_label(r: &RuleResult, l: Lang) -> String {
    format!("{} {}", icon(r), status_text(r, l))
}

fn icon(r: &RuleResult) -> &'static str {
    match (r.status, r.severity) {
        (Status::Pass, _) => "✅",
        (Status::Fail, Severity::Error) => "❌",
        (Status::Fail, Severity::Warning) => "⚠️",
        (Status::Fail, Severity::Info) => "ℹ️",
        (Status::NotApplicable, _) => "➖",
        (Status::Unknown, _) => "❔",
        (Status::Manual, _) => "📝",
        (Status::Waived, _) => "🔓",
        (Status::Error, _) => "⛔",
    }
}

/// Plain text for Markdown: the punctuation that could start markup (links, images, emphasis,
/// raw HTML, table cells, entities) is backslash-escaped, and line breaks become spaces so a
/// value stays in its table cell or list item.
pub(crate) fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '!' | '|' | '~' | '&' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// A code span showing `s` exactly: the fence is longer than any run of backticks inside.
fn code(s: &str) -> String {
    let s = s.replace(['\n', '\r'], " ");
    let longest = s.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if s.starts_with('`') || s.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{s}{pad}{fence}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_text_stays_text() {
        assert_eq!(
            text("<img src=x onerror=alert(1)>.pdf"),
            "\\<img src=x onerror=alert(1)\\>.pdf"
        );
        assert_eq!(text("[a](http://x) | b\nc"), "\\[a\\](http://x) \\| b c");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`a"), "`` `a ``");
    }
}
