//! `--format table`: what a bid manager reads. One row per rule, in the order of the
//! consultation's documents; what is wrong and how to fix it in the last column; a verdict.

use comfy_table::{Attribute, Cell, Color, ContentArrangement, Table, presets};

use super::{RenderOptions, counts_line, deadline_alert, verdict};
use crate::checks::bundle_size::human;
use crate::pack::model::Severity;
use crate::report::i18n::Lang;
use crate::report::{Report, RuleResult, Status};

/// Evidence listed for a passing piece before « … ».
const EVIDENCE_SHOWN: usize = 3;

pub fn render(report: &Report, o: &RenderOptions) -> String {
    let l = o.lang;
    let mut out = String::new();
    if let Some(alert) = deadline_alert(report, l) {
        out.push_str(&alert);
        out.push('\n');
    }
    out.push_str(&header(report, l));
    let mut table = Table::new();
    table.load_style(presets::UTF8_FULL_CONDENSED);
    if o.color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    table.set_content_arrangement(ContentArrangement::Dynamic);
    if let Some(w) = o.width {
        table.set_width(w);
    }
    table.set_header(vec![
        Cell::new(l.t("Statut", "Status")).add_attribute(Attribute::Bold),
        Cell::new(l.t("Règle", "Rule")).add_attribute(Attribute::Bold),
        Cell::new(l.t("Exigence", "Requirement")).add_attribute(Attribute::Bold),
        Cell::new(l.t("Constats et corrections", "Findings and fixes"))
            .add_attribute(Attribute::Bold),
    ]);
    for r in &report.results {
        table.add_row(vec![
            status_cell(r, l, o.color),
            Cell::new(&r.rule),
            Cell::new(format!(
                "{}\n{} — {}",
                r.title,
                short_doc(&r.source.document),
                r.source.section
            )),
            Cell::new(details(r, l)),
        ]);
    }
    out.push_str(&table.to_string());
    out.push('\n');
    for n in &report.notices {
        let at = n
            .path
            .as_deref()
            .map(|p| format!("{p} : "))
            .unwrap_or_default();
        out.push_str(&format!(
            "{} {at}{}\n",
            l.t("Remarque :", "Note:"),
            n.message
        ));
    }
    out.push_str(&summary(report, o));
    out
}

fn header(report: &Report, l: Lang) -> String {
    let packs: Vec<String> = report
        .packs
        .iter()
        .map(|p| format!("{} {}", p.id, p.version))
        .collect();
    format!(
        "bidlint {} — {} {} ({} {}, {})\n{} {} · {} {} · {} {}\n",
        report.tool.version,
        l.t("Dossier", "Folder"),
        report.bid.root,
        report.bid.files,
        l.t("fichiers", "files"),
        human(report.bid.bytes),
        l.t("Packs :", "Packs:"),
        packs.join(", "),
        l.t("Phase :", "Phase:"),
        report.bid.phase.as_deref().unwrap_or("?"),
        l.t("Date limite :", "Deadline:"),
        report.bid.deadline.as_deref().unwrap_or("?"),
    )
}

fn status_cell(r: &RuleResult, l: Lang, color: bool) -> Cell {
    let mut text = l.status(r.status).to_string();
    if matches!(r.status, Status::Fail | Status::Error | Status::Waived) {
        text.push_str(&format!("\n({})", l.severity(r.severity)));
    }
    let cell = Cell::new(text);
    if !color {
        return cell;
    }
    match (r.status, r.severity) {
        (Status::Pass, _) => cell.fg(Color::Green),
        (Status::Fail | Status::Error, Severity::Error) => {
            cell.fg(Color::Red).add_attribute(Attribute::Bold)
        }
        (Status::Fail | Status::Error, Severity::Warning) => {
            cell.fg(Color::Yellow).add_attribute(Attribute::Bold)
        }
        (Status::Fail | Status::Error, Severity::Info) => cell.fg(Color::Blue),
        (Status::Manual, _) => cell.fg(Color::Cyan),
        (Status::Waived, _) => cell.fg(Color::Magenta),
        (Status::NotApplicable, _) => cell.fg(Color::DarkGrey),
        (Status::Unknown, _) => cell.fg(Color::Yellow),
    }
}

fn details(r: &RuleResult, l: Lang) -> String {
    let mut lines: Vec<String> = Vec::new();
    if let Some(w) = &r.waiver {
        lines.push(format!("{} {w}", l.t("Dérogation :", "Waiver:")));
    }
    if let Some(reason) = &r.reason {
        lines.push(reason.clone());
    }
    for f in &r.findings {
        let mut line = String::from("• ");
        if let Some(p) = &f.path {
            line.push_str(p);
        }
        if let Some(m) = &f.member {
            line.push_str(&format!(" [{m}]"));
        }
        if f.path.is_some() || f.member.is_some() {
            line.push_str(" : ");
        }
        line.push_str(&f.message);
        if let Some(s) = &f.suggestion {
            line.push_str(&format!(
                "\n  → {} {s}",
                l.t("proposition :", "suggestion:")
            ));
        }
        lines.push(line);
    }
    if matches!(r.status, Status::Fail | Status::Error) && !r.help.is_empty() {
        lines.push(format!("{} {}", l.t("À faire :", "To do:"), r.help));
    }
    if r.status == Status::Pass && !r.evidence.is_empty() {
        let mut shown: Vec<&str> = r
            .evidence
            .iter()
            .take(EVIDENCE_SHOWN)
            .map(String::as_str)
            .collect();
        if r.evidence.len() > EVIDENCE_SHOWN {
            shown.push("…");
        }
        lines.push(format!(
            "{} {}",
            l.t("trouvé :", "found:"),
            shown.join(", ")
        ));
    }
    lines.join("\n")
}

/// « Règlement de la consultation — partenariat… » -> « Règlement de la consultation ».
fn short_doc(doc: &str) -> &str {
    doc.split(['—', '(']).next().unwrap_or(doc).trim()
}

fn summary(report: &Report, o: &RenderOptions) -> String {
    let l = o.lang;
    format!(
        "{} {}\n{} {}\n",
        l.t("Bilan :", "Summary:"),
        counts_line(report, l),
        l.t("Verdict :", "Verdict:"),
        verdict(report, o)
    )
}
