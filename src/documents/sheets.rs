//! Workbooks (XLSX, ODS) with calamine: sheet names and the cells' text, one line per row,
//! cells separated by tabs. XLSX cells are streamed (calamine's cell reader), so a sheet
//! whose `<dimension>` claims a million rows costs only the cells it really has.

use std::io::{Read, Seek};

use calamine::{Data, Reader};

use super::ReadFailure;
use super::{DocFacts, DocFormat, MAX_FIRST_PAGE_CHARS, MAX_TEXT_BYTES};
use crate::inventory::zipguard;
use crate::said;
use crate::vocabulary::Said;

/// Cells read per workbook, all sheets together: a real answer grid has a few thousand.
pub const MAX_CELLS: usize = 2_000_000;

/// The workbook's zip passes the bomb limits before any sheet is inflated; then read again
/// from its start.
fn guard<R: Read + Seek>(reader: &mut R) -> Result<(), ReadFailure> {
    zipguard::open(&mut *reader).map_err(ReadFailure::corrupt)?;
    reader
        .seek(std::io::SeekFrom::Start(0))
        .map_err(|e| ReadFailure::io(&e))?;
    Ok(())
}

/// The facts of a workbook; one the reader refuses is [`ReadFailure::Corrupt`] with its
/// detail.
pub fn read<R: Read + Seek>(reader: R, format: DocFormat) -> Result<DocFacts, ReadFailure> {
    let mut reader = reader;
    guard(&mut reader)?;
    let mut facts = DocFacts::default();
    let mut text = String::new();
    let mut cells = 0usize;
    // One sheet that cannot be read loses that sheet, not the workbook: the others are the
    // buyer's to read, and the failure is said.
    let mut failed = Vec::new();
    match format {
        DocFormat::Ods => {
            let mut book = match calamine::Ods::new(&mut reader) {
                Ok(book) => book,
                // calamine refuses some workbooks LibreOffice opens (a row repeated past its
                // cell limit): every cell of an ODS also stores the string it displays, as a
                // paragraph of `content.xml`, which is read instead.
                Err(e) => return displayed_strings(reader, e),
            };
            facts.sheets = book.sheet_names();
            for name in facts.sheets.clone() {
                match book.worksheet_range(&name) {
                    Ok(range) => {
                        for row in range.rows() {
                            let line: Vec<String> = row.iter().filter_map(cell_text).collect();
                            cells += row.len();
                            push_line(&mut text, &line.join("\t"));
                            if cells > MAX_CELLS || text.len() > MAX_TEXT_BYTES {
                                break;
                            }
                        }
                    }
                    Err(e) => failed.push(sheet_failed(&name, &e)),
                }
            }
        }
        _ => {
            let mut book: calamine::Xlsx<R> =
                calamine::Xlsx::new(reader).map_err(|e| workbook_failed(&e))?;
            facts.sheets = book.sheet_names();
            let kinds: Vec<(String, calamine::SheetType)> = book
                .sheets_metadata()
                .iter()
                .map(|m| (m.name.clone(), m.typ))
                .collect();
            for (name, kind) in kinds {
                if kind != calamine::SheetType::WorkSheet {
                    // A chart or an Excel 4 macro sheet has no cells to read: Excel shows it,
                    // and it says nothing about the workbook being readable.
                    facts.notes.push(said!(
                        "feuille « {name} » ({kind:?}) ignorée : pas de cellules",
                        "sheet \"{name}\" ({kind:?}) skipped: no cells"
                    ));
                    continue;
                }
                if let Err(e) = xlsx_sheet(&mut book, &name, &mut text, &mut cells) {
                    failed.push(sheet_failed(&name, &e));
                }
            }
        }
    }
    if !failed.is_empty() && failed.len() >= facts.sheets.len() {
        let join = |f: fn(&Said) -> &str| failed.iter().map(f).collect::<Vec<_>>().join(" ; ");
        return Err(ReadFailure::corrupt(Said::new(
            join(|s| &s.fr),
            join(|s| &s.en),
        )));
    }
    facts.notes.extend(failed);
    facts.text_truncated = super::cut(&mut text, MAX_TEXT_BYTES);
    facts.first_page = super::head_chars(text.trim(), MAX_FIRST_PAGE_CHARS);
    facts.text = text;
    Ok(facts)
}

/// The spreadsheet reader's message in words a bid manager can act on: « File not found
/// 'xl/workbook.xml' » is a part missing from the package. Anything else keeps the reader's
/// own words, marked as such.
fn reader_said(e: &dyn std::fmt::Display) -> Said {
    let msg = e.to_string();
    let quoted = |m: &str| m.split('\'').nth(1).map(str::to_string);
    if let Some(rest) = msg.find("File not found").map(|i| &msg[i..])
        && let Some(part) = quoted(rest)
    {
        return said!(
            "partie « {part} » absente du paquet (fichier incomplet ou mal enregistré)",
            "part \"{part}\" missing from the package (incomplete or badly saved file)"
        );
    }
    let lower = msg.to_lowercase();
    if lower.contains("zip") {
        return Said::new(
            "archive du classeur endommagée ou tronquée",
            "damaged or truncated workbook archive",
        );
    }
    if lower.contains("xml") {
        return Said::new(
            "XML du classeur invalide (fichier endommagé)",
            "invalid workbook XML (damaged file)",
        );
    }
    said!(
        "erreur du lecteur de classeurs (« {msg} »)",
        "workbook reader error (\"{msg}\")"
    )
}

/// The workbook as a whole could not be read.
fn workbook_failed(e: &dyn std::fmt::Display) -> ReadFailure {
    let Said { fr, en } = reader_said(e);
    ReadFailure::corrupt(Said::new(
        format!("classeur illisible : {fr}"),
        format!("unreadable workbook: {en}"),
    ))
}

/// One sheet could not be read.
fn sheet_failed(name: &str, e: &dyn std::fmt::Display) -> Said {
    let Said { fr, en } = reader_said(e);
    Said::new(
        format!("feuille « {name} » illisible : {fr}"),
        format!("unreadable sheet \"{name}\": {en}"),
    )
}

/// The text of an ODS that calamine refused, from the strings its cells display.
fn displayed_strings<R: Read + Seek>(
    mut reader: R,
    e: calamine::OdsError,
) -> Result<DocFacts, ReadFailure> {
    reader
        .seek(std::io::SeekFrom::Start(0))
        .map_err(|e| ReadFailure::io(&e))?;
    let mut facts = super::office::read(reader, DocFormat::Ods).map_err(|_| workbook_failed(&e))?;
    facts.pages = None;
    facts.page_estimate = None;
    facts.headings.clear();
    let Said { fr, en } = reader_said(&e);
    facts.notes.push(Said::new(
        format!("classeur lu par le texte affiché de ses cellules (lecteur de cellules : {fr})"),
        format!("workbook read from the text its cells display (cell reader: {en})"),
    ));
    Ok(facts)
}

/// The cells of one XLSX sheet, streamed, one line per row.
fn xlsx_sheet<R: Read + Seek>(
    book: &mut calamine::Xlsx<R>,
    name: &str,
    text: &mut String,
    cells: &mut usize,
) -> Result<(), calamine::XlsxError> {
    let mut cell_reader = book.worksheet_cells_reader(name)?;
    let mut row: Option<u32> = None;
    let mut line = String::new();
    while let Some(cell) = cell_reader.next_cell()? {
        *cells += 1;
        if *cells > MAX_CELLS || text.len() > MAX_TEXT_BYTES {
            break;
        }
        let (r, _) = cell.get_position();
        if row.is_some_and(|prev| prev != r) {
            push_line(text, &line);
            line.clear();
        }
        row = Some(r);
        if let Some(s) = cell_text(&Data::from(cell.get_value().clone())) {
            if !line.is_empty() {
                line.push('\t');
            }
            line.push_str(&s);
        }
    }
    push_line(text, &line);
    Ok(())
}

/// A cell as the spreadsheet displays it in French, where the value says how: a date as
/// `30/06/2027` (with the time when there is one), a boolean as `VRAI`/`FAUX`, a whole number
/// without decimals, a decimal number with a comma. Without this, a date is a serial number
/// (46568) that no « valable jusqu'au » rule can read. Errors and empty cells are not text.
fn cell_text(cell: &Data) -> Option<String> {
    match cell {
        Data::String(s) => Some(s.clone()),
        Data::Int(i) => Some(i.to_string()),
        Data::Float(f) => Some(number(*f)),
        Data::Bool(b) => Some(if *b { "VRAI" } else { "FAUX" }.to_string()),
        Data::DateTime(d) if d.is_datetime() => {
            let (y, m, day, h, min, sec, _) = d.to_ymd_hms_milli();
            Some(date_time(y, m, day, h, min, sec))
        }
        Data::DateTime(d) => Some(number(d.as_f64())),
        Data::DateTimeIso(s) => Some(iso_date(s).unwrap_or_else(|| s.clone())),
        Data::DurationIso(s) => Some(s.clone()),
        // `#DIV/0!`, `#N/A`…: what the cell shows.
        Data::Error(e) => Some(e.to_string()),
        Data::Empty => None,
    }
}

fn date_time(y: u16, m: u8, d: u8, h: u8, min: u8, sec: u8) -> String {
    if (h, min, sec) == (0, 0, 0) {
        format!("{d:02}/{m:02}/{y:04}")
    } else {
        format!("{d:02}/{m:02}/{y:04} {h:02}:{min:02}")
    }
}

/// An ODS date (`2027-06-30` or `2027-06-30T14:00:00`) as displayed in French.
fn iso_date(s: &str) -> Option<String> {
    let (date, time) = s.split_once('T').unwrap_or((s, ""));
    let mut parts = date.splitn(3, '-').map(|p| p.parse::<u16>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    let mut t = time.split(':').map(|p| p.parse::<f32>().ok());
    let h = t.next().flatten().unwrap_or(0.0) as u8;
    let min = t.next().flatten().unwrap_or(0.0) as u8;
    let sec = t.next().flatten().unwrap_or(0.0) as u8;
    let (m, d) = (u8::try_from(m).ok()?, u8::try_from(d).ok()?);
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then(|| date_time(y, m, d, h, min, sec))
}

/// A number as a French spreadsheet shows it by default: no `.0` on a whole number, a decimal
/// comma.
fn number(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}").replace('.', ",")
    }
}

fn push_line(text: &mut String, line: &str) {
    if !line.trim().is_empty() {
        text.push_str(line);
        text.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{ExcelDateTime, ExcelDateTimeType};

    #[test]
    fn cells_as_a_french_spreadsheet_shows_them() {
        let date = |v| Data::DateTime(ExcelDateTime::new(v, ExcelDateTimeType::DateTime, false));
        assert_eq!(cell_text(&date(46568.0)).as_deref(), Some("30/06/2027"));
        assert_eq!(
            cell_text(&date(46568.5)).as_deref(),
            Some("30/06/2027 12:00")
        );
        assert_eq!(
            cell_text(&Data::DateTimeIso("2027-06-30".into())).as_deref(),
            Some("30/06/2027")
        );
        assert_eq!(
            cell_text(&Data::DateTimeIso("2027-06-30T14:30:00".into())).as_deref(),
            Some("30/06/2027 14:30")
        );
        assert_eq!(cell_text(&Data::Bool(true)).as_deref(), Some("VRAI"));
        assert_eq!(cell_text(&Data::Float(1250.0)).as_deref(), Some("1250"));
        assert_eq!(cell_text(&Data::Float(0.2)).as_deref(), Some("0,2"));
        assert_eq!(cell_text(&Data::Empty), None);
        assert_eq!(
            cell_text(&Data::Error(calamine::CellErrorType::Div0)).as_deref(),
            Some("#DIV/0!")
        );
    }
}

#[cfg(test)]
mod reader_words {
    use super::reader_said;

    #[test]
    fn a_missing_part_is_said_in_french_and_in_english() {
        let said = reader_said(&"Xlsx error: File not found '_rels/.rels'");
        assert_eq!(
            said.fr,
            "partie « _rels/.rels » absente du paquet (fichier incomplet ou mal enregistré)"
        );
        assert_eq!(
            said.en,
            "part \"_rels/.rels\" missing from the package (incomplete or badly saved file)"
        );
        assert_eq!(
            reader_said(&"Zip error: invalid Zip archive").fr,
            "archive du classeur endommagée ou tronquée"
        );
    }
}
