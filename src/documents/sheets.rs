//! Workbooks (XLSX, ODS) with calamine: sheet names and the cells' text, one line per row,
//! cells separated by tabs. XLSX cells are streamed (calamine's cell reader), so a sheet
//! whose `<dimension>` claims a million rows costs only the cells it really has.

use std::io::{Read, Seek};

use calamine::{DataType, Reader};

use super::zipguard;
use super::{DocFacts, DocFormat, MAX_FIRST_PAGE_CHARS, MAX_TEXT_BYTES};

/// Cells read per workbook, all sheets together: a real answer grid has a few thousand.
pub const MAX_CELLS: usize = 2_000_000;

pub fn read<R: Read + Seek>(reader: R, format: DocFormat) -> Result<DocFacts, String> {
    let mut reader = reader;
    {
        let mut zip =
            zip::ZipArchive::new(&mut reader).map_err(|e| format!("archive illisible : {e}"))?;
        zipguard::check(&mut zip)?;
    }
    reader
        .seek(std::io::SeekFrom::Start(0))
        .map_err(|e| format!("lecture impossible : {e}"))?;
    let mut facts = DocFacts::default();
    let mut text = String::new();
    match format {
        DocFormat::Ods => {
            let mut book: calamine::Ods<R> =
                calamine::Ods::new(reader).map_err(|e| format!("classeur illisible : {e}"))?;
            facts.sheets = book.sheet_names();
            let mut cells = 0usize;
            for name in facts.sheets.clone() {
                let range = book
                    .worksheet_range(&name)
                    .map_err(|e| format!("feuille « {name} » illisible : {e}"))?;
                for row in range.rows() {
                    let line: Vec<String> = row.iter().filter_map(DataType::as_string).collect();
                    cells += row.len();
                    push_line(&mut text, &line.join("\t"));
                    if cells > MAX_CELLS || text.len() > MAX_TEXT_BYTES {
                        break;
                    }
                }
            }
        }
        _ => {
            let mut book: calamine::Xlsx<R> =
                calamine::Xlsx::new(reader).map_err(|e| format!("classeur illisible : {e}"))?;
            facts.sheets = book.sheet_names();
            let mut cells = 0usize;
            for name in facts.sheets.clone() {
                let mut cell_reader = book
                    .worksheet_cells_reader(&name)
                    .map_err(|e| format!("feuille « {name} » illisible : {e}"))?;
                let mut row: Option<u32> = None;
                let mut line = String::new();
                while let Some(cell) = cell_reader
                    .next_cell()
                    .map_err(|e| format!("feuille « {name} » illisible : {e}"))?
                {
                    cells += 1;
                    if cells > MAX_CELLS || text.len() > MAX_TEXT_BYTES {
                        break;
                    }
                    let (r, _) = cell.get_position();
                    if row.is_some_and(|prev| prev != r) {
                        push_line(&mut text, &line);
                        line.clear();
                    }
                    row = Some(r);
                    if let Some(s) = cell.get_value().as_string() {
                        if !line.is_empty() {
                            line.push('\t');
                        }
                        line.push_str(&s);
                    }
                }
                push_line(&mut text, &line);
            }
        }
    }
    facts.text_truncated = super::cut(&mut text, MAX_TEXT_BYTES);
    facts.first_page = super::head_chars(text.trim(), MAX_FIRST_PAGE_CHARS);
    facts.text = text;
    Ok(facts)
}

fn push_line(text: &mut String, line: &str) {
    if !line.trim().is_empty() {
        text.push_str(line);
        text.push('\n');
    }
}
