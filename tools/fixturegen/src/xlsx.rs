//! Workbooks over rust_xlsxwriter: named sheets of text and numbers, with fixed document
//! properties so that two runs write the same bytes.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};

#[derive(Debug, Clone)]
pub enum Cell {
    Text(String),
    Number(f64),
    /// A number shown with an Excel number format, e.g. `#,##0.00\ "€"` for an amount in euros.
    Formatted(f64, String),
}

pub fn t(s: &str) -> Cell {
    Cell::Text(s.to_string())
}

pub fn n(v: f64) -> Cell {
    Cell::Number(v)
}

#[derive(Debug, Clone)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<Cell>>,
}

pub fn build(title: &str, sheets: &[Sheet]) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    // A fixed date: the properties would otherwise carry the time of the run.
    let created = ExcelDateTime::from_ymd(2026, 1, 15)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(title)
            .set_author("bidlint-fixturegen")
            .set_creation_datetime(&created),
    );
    for sheet in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(&sheet.name)?;
        for (r, row) in (0u32..).zip(&sheet.rows) {
            for (c, cell) in (0u16..).zip(row) {
                match cell {
                    Cell::Text(s) => ws.write_string(r, c, s)?,
                    Cell::Number(v) => ws.write_number(r, c, *v)?,
                    Cell::Formatted(v, f) => {
                        ws.write_number_with_format(r, c, *v, &Format::new().set_num_format(f))?
                    }
                };
            }
        }
    }
    wb.save_to_buffer()
}
