//! `--format table`: what a bid manager reads in a terminal. By default, compact: the verdict
//! first, then what to fix (one row per failing rule, with its findings and the fix), then what
//! a person must check, then the passing and not-applicable rules on one line each. `--all`
//! shows every rule in one table, in the order of the consultation's documents.

use comfy_table::{Attribute, Cell, Color, ContentArrangement, Table, presets};

use super::{
    RenderOptions, counts_line, deadline_alert, deadline_text, evidence_is_found, is_failing,
    verdict,
};
use crate::report::i18n::Lang;
use crate::report::verdict::is_unjudged_blocking;
use crate::report::{Report, RuleResult};
use crate::text::human_size;
use crate::vocabulary::{Severity, Status};

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
    out.push_str(&format!(
        "{} {}\n\n",
        l.t("Verdict :", "Verdict:"),
        verdict(report, o)
    ));
    if o.all {
        out.push_str(&full_table(report, o));
    } else {
        out.push_str(&compact(report, o));
    }
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
    out.push_str(&format!(
        "{} {}\n",
        l.t("Bilan :", "Summary:"),
        counts_line(report, l)
    ));
    out
}

fn new_table(o: &RenderOptions, header: &[&str]) -> Table {
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
    table.set_header(
        header
            .iter()
            .map(|h| Cell::new(h).add_attribute(Attribute::Bold)),
    );
    table
}

/// Every rule, one row each (`--all`).
fn full_table(report: &Report, o: &RenderOptions) -> String {
    let all: Vec<&RuleResult> = report.results.iter().collect();
    format!("{}\n", rules_table(&all, o))
}

/// Rules with their status, requirement and source, findings and fix.
fn rules_table(rules: &[&RuleResult], o: &RenderOptions) -> Table {
    let l = o.lang;
    let mut table = new_table(
        o,
        &[
            l.t("Statut", "Status"),
            l.t("Règle", "Rule"),
            l.t("Exigence", "Requirement"),
            l.t("Constats et corrections", "Findings and fixes"),
        ],
    );
    for r in rules {
        table.add_row(vec![
            status_cell(r, l, o.color),
            Cell::new(&r.rule),
            requirement_cell(r),
            Cell::new(details(r, l)),
        ]);
    }
    table
}

/// A titled part of the compact report: « À corriger (2) » and its table.
fn section(out: &mut String, title: &str, count: usize, table: &Table) {
    out.push_str(&format!("{title} ({count})\n{table}\n\n"));
}

/// What to fix, what to check, and the rest in a line.
fn compact(report: &Report, o: &RenderOptions) -> String {
    let mut out = String::new();
    to_fix(&mut out, report, o);
    not_concluded(&mut out, report, o);
    checklist(&mut out, report, o.lang);
    settled(&mut out, report, o.lang);
    out.push_str(o.lang.t(
        "(--all : chaque règle avec sa source et ce qui a été trouvé ; bidlint explain RÈGLE : une règle en détail)\n",
        "(--all: every rule with its source and what was found; bidlint explain RULE: one rule in full)\n",
    ));
    out
}

/// The failing rules, as the full rules table.
fn to_fix(out: &mut String, report: &Report, o: &RenderOptions) {
    let to_fix: Vec<&RuleResult> = report
        .results
        .iter()
        .filter(|r| is_failing(r.status))
        .collect();
    if !to_fix.is_empty() {
        let table = rules_table(&to_fix, o);
        section(out, o.lang.t("À corriger", "To fix"), to_fix.len(), &table);
    }
}

/// Rules that could not conclude: the blocking ones first (they hold the verdict), each
/// with its reason.
fn not_concluded(out: &mut String, report: &Report, o: &RenderOptions) {
    let l = o.lang;
    let mut open: Vec<&RuleResult> = report
        .results
        .iter()
        .filter(|r| {
            r.status == Status::Unknown || (r.status == Status::Manual && r.kind != "manual")
        })
        .collect();
    open.sort_by_key(|r| !is_unjudged_blocking(r));
    if open.is_empty() {
        return;
    }
    let mut table = new_table(
        o,
        &[
            l.t("Statut", "Status"),
            l.t("Règle", "Rule"),
            l.t("Pourquoi, et que faire", "Why, and what to do"),
        ],
    );
    for r in &open {
        table.add_row(vec![
            status_cell(r, l, o.color),
            Cell::new(&r.rule),
            Cell::new(r.reason.clone().unwrap_or_else(|| r.title.clone())),
        ]);
    }
    let title = l.t("Non évaluées ou à vérifier", "Not evaluated or to check");
    section(out, title, open.len(), &table);
}

/// The checklist items: one line each; the instruction is in `explain` and `--all`.
fn checklist(out: &mut String, report: &Report, l: Lang) {
    let checklist: Vec<&RuleResult> = report
        .results
        .iter()
        .filter(|r| r.status == Status::Manual && r.kind == "manual")
        .collect();
    if checklist.is_empty() {
        return;
    }
    out.push_str(&format!(
        "{} ({})\n",
        l.t(
            "À vérifier à la main avant le dépôt",
            "To check by hand before submission"
        ),
        checklist.len()
    ));
    for r in checklist {
        out.push_str(&format!("  • {} — {}\n", r.rule, r.title));
    }
    out.push('\n');
}

/// The rules with nothing left to do (passed, waived, not applicable): their ids on one line
/// per status.
fn settled(out: &mut String, report: &Report, l: Lang) {
    for (status, label) in [
        (Status::Pass, l.t("Conformes", "Passed")),
        (Status::Waived, l.t("Dérogations", "Waived")),
        (Status::NotApplicable, l.t("Sans objet", "Not applicable")),
    ] {
        let ids: Vec<&str> = report
            .results
            .iter()
            .filter(|r| r.status == status)
            .map(|r| r.rule.as_str())
            .collect();
        if !ids.is_empty() {
            out.push_str(&format!(
                "{label} ({}){}{}\n",
                ids.len(),
                l.colon(),
                ids.join(", ")
            ));
        }
    }
}

fn requirement_cell(r: &RuleResult) -> Cell {
    Cell::new(format!(
        "{}\n{} — {}",
        r.title,
        short_doc(&r.source.document),
        r.source.section
    ))
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
        human_size(report.bid.bytes, l),
        l.t("Packs :", "Packs:"),
        packs.join(", "),
        l.t("Phase :", "Phase:"),
        report.bid.phase.as_deref().unwrap_or("?"),
        l.t("Date limite :", "Deadline:"),
        deadline_text(report, l).unwrap_or_else(|| "?".to_string()),
    )
}

fn status_cell(r: &RuleResult, l: Lang, color: bool) -> Cell {
    let mut text = l.status(r.status).to_string();
    if matches!(r.status, Status::Fail | Status::Error | Status::Waived) || is_unjudged_blocking(r)
    {
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
            line.push_str(l.colon());
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
        lines.push(format!(
            "{} {}",
            l.t("À faire :", "To do:"),
            advice(&r.help)
        ));
    }
    if r.status == Status::Pass && !r.evidence.is_empty() {
        lines.push(evidence_line(r, l));
    }
    lines.join("\n")
}

/// The part of a rule's help that says what to do: the pack author's reading of the clause
/// (« Lecture retenue : … ») is for `bidlint explain`, not for the bid manager fixing a file.
fn advice(help: &str) -> &str {
    ["Lecture retenue", "Lecture :"]
        .iter()
        .filter_map(|m| help.find(m))
        .min()
        .map_or(help, |i| help[..i].trim_end())
}

/// What a passing rule rests on: the files recognised as the piece (« trouvé : … »), or, for
/// a rule that reads documents, how many it read — never the read files listed as if they
/// were what the rule looks for (a link, an amount in dollars).
fn evidence_line(r: &RuleResult, l: Lang) -> String {
    if evidence_is_found(r) {
        let mut shown: Vec<&str> = r
            .evidence
            .iter()
            .take(EVIDENCE_SHOWN)
            .map(String::as_str)
            .collect();
        if r.evidence.len() > EVIDENCE_SHOWN {
            shown.push("…");
        }
        format!("{} {}", l.t("trouvé :", "found:"), shown.join(", "))
    } else {
        format!(
            "{} {}",
            r.evidence.len(),
            l.t("document(s) lu(s)", "document(s) read")
        )
    }
}

/// « Règlement de la consultation — partenariat… » -> « Règlement de la consultation ».
fn short_doc(doc: &str) -> &str {
    doc.split(['—', '(']).next().unwrap_or(doc).trim()
}

#[cfg(test)]
mod tests {
    use super::advice;

    #[test]
    fn the_advice_leaves_the_pack_authors_reading_out() {
        assert_eq!(
            advice("Raccourcissez le nom. Lecture retenue : 29 au plus."),
            "Raccourcissez le nom."
        );
        assert_eq!(advice("Ajoutez la pièce."), "Ajoutez la pièce.");
    }
}
