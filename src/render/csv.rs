//! `--format csv`: one row per finding (and one row for a rule without findings), for a
//! spreadsheet or a script. RFC 4180 quoting, UTF-8 with a byte-order mark so that Excel reads
//! the accents, and every cell neutralised against formula injection.
//!
//! The rows are also the « Règles » sheet of `--format xlsx`: [`rows`] and [`header`] serve both.

use super::escape::spreadsheet;
use super::{RenderOptions, deadline_alert, is_failing, reason_line, verdict};
use crate::report::i18n::Lang;
use crate::report::{Report, RuleResult};
use crate::vocabulary::Finding;

/// Excel takes a UTF-8 file for its local code page unless it starts with this mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Number of columns of a row.
pub(crate) const COLUMNS: usize = 13;

pub fn render(report: &Report, opts: &RenderOptions) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::WriterBuilder::new()
        .delimiter(separator(opts))
        .terminator(csv::Terminator::CRLF)
        .from_writer(BOM.to_vec());
    w.write_record(header(opts.lang))?;
    for row in rows(report, opts.lang) {
        w.write_record(row.iter().map(|c| spreadsheet(c).into_owned()))?;
    }
    // The last rows carry what every report says: a past deadline (« ALERTE »), then the
    // verdict, the same in every format (« VERDICT »), in the rule column, the text in the
    // message column.
    let alert = deadline_alert(report, opts.lang).map(|a| ("ALERTE", a));
    for (key, text) in alert
        .into_iter()
        .chain([("VERDICT", verdict(report, opts))])
    {
        let mut row: [String; COLUMNS] = Default::default();
        row[0] = key.to_string();
        row[MESSAGE_COLUMN] = text;
        w.write_record(row.iter().map(|c| spreadsheet(c).into_owned()))?;
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

/// The separator asked for, else the one a spreadsheet of the report's language expects.
pub(crate) fn separator(opts: &RenderOptions) -> u8 {
    opts.csv_separator.unwrap_or(match opts.lang {
        Lang::Fr => b';',
        Lang::En => b',',
    })
}

/// The column titles: rule, pack, severity, status, title, scope, source document, section,
/// quote, path, member, message, suggestion. Scope and quote make the pre-submission
/// checklist self-sufficient: who must provide what, and the clause's exact words.
/// Where the message column stands in [`header`].
const MESSAGE_COLUMN: usize = 11;

pub(crate) fn header(l: Lang) -> [&'static str; COLUMNS] {
    [
        l.t("Règle", "Rule"),
        "Pack",
        l.t("Gravité", "Severity"),
        l.t("Statut", "Status"),
        l.t("Exigence", "Requirement"),
        l.t("Périmètre", "Scope"),
        l.t("Document source", "Source document"),
        l.t("Section", "Section"),
        l.t("Citation", "Quote"),
        l.t("Fichier", "File"),
        l.t("Membre", "Member"),
        l.t("Constat", "Message"),
        l.t("Correction proposée", "Suggestion"),
    ]
}

/// A row of cells, not yet neutralised, with the rule it comes from (for the status colour of
/// the workbook).
pub(crate) struct Row<'a> {
    pub rule: &'a RuleResult,
    pub cells: [String; COLUMNS],
}

impl Row<'_> {
    pub(crate) fn iter(&self) -> impl Iterator<Item = &str> {
        self.cells.iter().map(String::as_str)
    }
}

/// One row per finding of each rule, or one row for a rule without findings.
pub(crate) fn rows(report: &Report, l: Lang) -> Vec<Row<'_>> {
    let mut out = Vec::new();
    for r in &report.results {
        if r.findings.is_empty() {
            out.push(row(r, None, l));
        }
        for f in &r.findings {
            out.push(row(r, Some(f), l));
        }
    }
    out
}

fn row<'a>(r: &'a RuleResult, f: Option<&Finding>, l: Lang) -> Row<'a> {
    let reason = reason_line(r, l);
    // The message: the finding's, with the waiver's reason when waived; the rule's reason
    // (skipped, to check by hand, could not be evaluated) for a rule without findings.
    let message = match (f, &r.waiver, reason) {
        (Some(f), Some(_), Some(reason)) => format!("{} ({reason})", f.message),
        (Some(f), _, _) => f.message.clone(),
        (None, _, reason) => reason.unwrap_or_default(),
    };
    // What to do: the finding's own suggestion, else the rule's help where something is wrong.
    let suggestion = match f.and_then(|f| f.suggestion.clone()) {
        Some(s) => s,
        None if is_failing(r.status) => r.help.clone(),
        None => String::new(),
    };
    let opt = |s: Option<&String>| s.cloned().unwrap_or_default();
    Row {
        rule: r,
        cells: [
            r.rule.clone(),
            r.pack.clone(),
            l.severity(r.severity).to_string(),
            l.status(r.status).to_string(),
            r.title.clone(),
            l.scope(&r.scope),
            r.source.document.clone(),
            r.source.section.clone(),
            r.source.quote.clone(),
            opt(f.and_then(|f| f.path.as_ref())),
            opt(f.and_then(|f| f.member.as_ref())),
            message,
            suggestion,
        ],
    }
}
