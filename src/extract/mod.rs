//! Text out of documents. For now the zip-and-XML formats (DOCX, ODT), read with caps on the
//! archive's entries so that a zip bomb costs bounded memory; PDF, XLSX and ODS come with the
//! isolated document workers.

pub mod office;

use std::path::Path;

/// The plain text of a source document: `.txt`/`.md` as is, `.docx`/`.odt` extracted.
pub fn document_text(path: &Path) -> Result<String, String> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_lowercase();
    match ext.as_str() {
        "txt" | "md" | "" => std::fs::read_to_string(path).map_err(|e| e.to_string()),
        "docx" | "odt" => {
            let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
            office::text(std::io::BufReader::new(file), &ext)
        }
        other => Err(format!(
            "format .{other} non lu pour l'instant : convertissez-le en texte (txt), DOCX ou ODT"
        )),
    }
}
