//! `--format xlsx`: an Excel workbook for the bid team. « Synthèse »: the folder, packs,
//! deadline, verdict and the count of each status; « Règles »: one row per finding, as in the
//! CSV, with a frozen header, a filter, wrapped text and coloured statuses.
//!
//! Every cell is written with `write_string`: a string cell is never a formula, so its text is
//! kept exactly (no `'` added, unlike the CSV). A text that would look like a formula to
//! someone retyping it (`=…`, `+…`) gets Excel's own « quote prefix » cell style, which is
//! what Excel stores when a user types `'=…`: shown and copied as text.
//!
//! Printing: A4 landscape, the rules fit the page width, the header row and the rule column
//! repeat on every page, and each row is as tall as its wrapped text; the summary fits one
//! page. The document properties carry a fixed date: the same report gives the same bytes.

use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet,
    XlsxError,
};

use super::csv::{COLUMNS, header, rows};
use super::escape::looks_like_formula;
use super::{
    PLAIN, RenderOptions, counts_line, deadline_alert, deadline_text, notice_in, packs_line,
    report_title, status_colours, verdict,
};
use crate::report::Report;
use crate::report::i18n::Lang;
use crate::vocabulary::{Severity, Status};

/// Excel refuses longer strings in a cell.
const MAX_CELL_CHARS: usize = 32_767;
/// Height (points) of one line of the default 11-point font, and Excel's highest row.
const LINE_HEIGHT: f64 = 15.0;
const MAX_ROW_HEIGHT: f64 = 409.0;
/// Width of the summary's value column, in characters.
const SUMMARY_WIDTH: f64 = 90.0;

/// Width (in characters) of each column of the « Règles » sheet, in the order of the CSV:
/// rule, pack, severity, status, title, document, section, path, member, message, suggestion.
const WIDTHS: [f64; COLUMNS] = [
    20.0, 14.0, 13.0, 15.0, 40.0, 22.0, 30.0, 16.0, 50.0, 36.0, 12.0, 50.0, 40.0,
];

pub fn render(report: &Report, opts: &RenderOptions) -> Result<Vec<u8>, XlsxError> {
    let l = opts.lang;
    let mut wb = Workbook::new();
    wb.set_properties(&properties(report, l)?);
    summary_sheet(wb.add_worksheet(), report, opts)?;
    rules_sheet(wb.add_worksheet(), report, l)?;
    wb.save_to_buffer()
}

fn properties(report: &Report, l: Lang) -> Result<DocProperties, XlsxError> {
    // A fixed creation date keeps the output reproducible (Excel would stamp "now").
    let created = ExcelDateTime::from_ymd(2000, 1, 1)?;
    Ok(DocProperties::new()
        .set_title(cell(&format!(
            "{} — {}",
            l.t("Rapport bidlint", "bidlint report"),
            report.bid.root
        )))
        .set_author("bidlint")
        .set_comment(format!("bidlint {}", report.tool.version))
        .set_creation_datetime(&created))
}

fn summary_sheet(
    ws: &mut Worksheet,
    report: &Report,
    opts: &RenderOptions,
) -> Result<(), XlsxError> {
    let l = opts.lang;
    ws.set_name(l.t("Synthèse", "Summary"))?;
    ws.set_column_width(0, 22.0)?;
    ws.set_column_width(1, SUMMARY_WIDTH)?;
    // The whole summary, counts included, on one portrait page.
    ws.set_paper_size(9) // 9 = A4
        .set_print_fit_to_pages(1, 1);
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    ws.write_string_with_format(
        0,
        0,
        report_title(report, l),
        &bold.clone().set_font_size(14),
    )?;
    let unknown = || "?".to_string();
    if let Some(alert) = deadline_alert(report, l) {
        ws.write_string_with_format(1, 0, cell(&alert), &bold)?;
    }
    let facts = [
        (l.t("Dossier", "Folder"), report.bid.root.clone()),
        (l.t("Fichiers", "Files"), report.bid.files.to_string()),
        ("Packs", packs_line(report)),
        ("Phase", report.bid.phase.clone().unwrap_or_else(unknown)),
        (
            l.t("Date limite", "Deadline"),
            deadline_text(report, l).unwrap_or_else(unknown),
        ),
        (l.t("Bilan", "Summary"), counts_line(report, l)),
        ("Verdict", verdict(report, opts)),
    ];
    let mut row = 2;
    for (label, value) in facts {
        ws.write_string_with_format(row, 0, label, &bold)?;
        write_text(ws, row, 1, &value, &wrap)?;
        ws.set_row_height(row, height(&[(value.as_str(), SUMMARY_WIDTH)]))?;
        row += 1;
    }
    row += 1;
    ws.write_string_with_format(row, 0, l.t("Statut", "Status"), &bold)?;
    ws.write_string_with_format(row, 1, l.t("Nombre de règles", "Number of rules"), &bold)?;
    for st in Status::ALL {
        row += 1;
        ws.write_string_with_format(row, 0, l.status(st), &status_format(st, Severity::Error))?;
        ws.write_number(row, 1, report.summary.count(st) as f64)?;
    }
    notices(ws, report, l, row + 2, &bold, &wrap)
}

fn notices(
    ws: &mut Worksheet,
    report: &Report,
    l: Lang,
    first: u32,
    bold: &Format,
    wrap: &Format,
) -> Result<(), XlsxError> {
    if report.notices.is_empty() {
        return Ok(());
    }
    ws.write_string_with_format(first, 0, l.t("Remarques", "Notes"), bold)?;
    for (i, n) in (first + 1..).zip(&report.notices) {
        let text = notice_in(n, &PLAIN);
        write_text(ws, i, 1, &text, wrap)?;
        ws.set_row_height(i, height(&[(text.as_str(), SUMMARY_WIDTH)]))?;
    }
    Ok(())
}

fn rules_sheet(ws: &mut Worksheet, report: &Report, l: Lang) -> Result<(), XlsxError> {
    ws.set_name(l.t("Règles", "Rules"))?;
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color(Color::RGB(0x1F3864))
        .set_font_color(Color::White)
        .set_border(FormatBorder::Thin);
    let wrap = Format::new()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin);
    for (col, (title, width)) in (0..).zip(header(l).iter().zip(WIDTHS)) {
        ws.set_column_width(col, width)?;
        ws.write_string_with_format(0, col, *title, &head)?;
    }
    let rows = rows(report, l);
    for (r, row) in (1..).zip(&rows) {
        let status = status_format(row.rule.status, row.rule.severity)
            .set_text_wrap()
            .set_align(FormatAlign::Top)
            .set_border(FormatBorder::Thin);
        for (c, value) in (0..).zip(row.iter()) {
            // Column 3 is the status: coloured like the report's other human formats.
            let format = if c == 3 { &status } else { &wrap };
            write_text(ws, r, c, value, format)?;
        }
        let cells: Vec<(&str, f64)> = row.iter().zip(WIDTHS).collect();
        ws.set_row_height(r, height(&cells))?;
    }
    ws.set_freeze_panes(1, 0)?;
    // `rows.len()` is at most the number of findings, far below u32::MAX.
    let last = u32::try_from(rows.len()).unwrap_or(u32::MAX).max(1);
    ws.autofilter(0, 0, last, (COLUMNS - 1) as u16)?;
    // Printed: as wide as the page (as many pages down as needed), with the header row and the
    // rule column on every page.
    ws.set_landscape()
        .set_paper_size(9) // 9 = A4
        .set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(0, 0)?;
    ws.set_repeat_columns(0, 0)?;
    Ok(())
}

/// A row as tall as its tallest wrapped cell: each `(text, column width)` takes a line per
/// column width of characters (and per line break), within Excel's limit.
fn height(cells: &[(&str, f64)]) -> f64 {
    let lines = cells
        .iter()
        .map(|(text, width)| {
            let per_line = (*width as usize).saturating_sub(1).max(1);
            text.split('\n')
                .map(|l| l.chars().count().div_ceil(per_line).max(1))
                .sum::<usize>()
        })
        .max()
        .unwrap_or(1);
    (lines as f64 * LINE_HEIGHT).min(MAX_ROW_HEIGHT)
}

/// A string cell, its text cut to what Excel accepts; a text that starts like a formula gets
/// the quote-prefix style (see the module's comment), never a literal `'`.
fn write_text(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    value: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    let text = cell(value);
    if looks_like_formula(&text) {
        ws.write_string_with_format(row, col, text, &format.clone().set_quote_prefix())?;
    } else {
        ws.write_string_with_format(row, col, text, format)?;
    }
    Ok(())
}

fn status_format(status: Status, severity: Severity) -> Format {
    let (bg, fg) = status_colours(status, severity);
    Format::new()
        .set_background_color(Color::RGB(bg))
        .set_font_color(Color::RGB(fg))
        .set_bold()
}

/// A cell's text, cut to what Excel accepts.
fn cell(s: &str) -> String {
    if s.chars().count() <= MAX_CELL_CHARS {
        return s.to_string();
    }
    let mut cut: String = s.chars().take(MAX_CELL_CHARS - 1).collect();
    cut.push('…');
    cut
}
