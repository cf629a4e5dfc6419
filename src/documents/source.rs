//! The text of a source document (a règlement de consultation, a webinar transcript) for
//! `validate-pack --sources`: text files as they are, everything else through a worker like
//! any document of a bid folder.

use std::path::Path;

use super::DocFormat;
use super::worker::Worker;
use crate::inventory::kind;

pub fn text(path: &Path, worker: &Worker) -> Result<String, String> {
    let ext = crate::text::extension(&path.to_string_lossy()).unwrap_or_default();
    if matches!(ext.as_str(), "txt" | "md" | "") {
        return std::fs::read_to_string(path).map_err(|e| e.to_string());
    }
    let head = read_head(path)?;
    let len = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    let mut found = kind::detect(&head, len);
    if found == kind::FileKind::Zip {
        // A zip is an office document by its entries; the extension says which one it claims
        // to be, and the reader refuses it if it is not.
        found = match ext.as_str() {
            "odt" => kind::FileKind::Odt,
            "docx" => kind::FileKind::Docx,
            "xlsx" => kind::FileKind::Xlsx,
            "ods" => kind::FileKind::Ods,
            _ => found,
        };
    }
    let format = DocFormat::of(found).ok_or_else(|| {
        format!(
            "format non lu ({}) : donnez la source en texte (txt), PDF, DOCX ou ODT",
            found.label()
        )
    })?;
    let facts = worker.read(path, format).map_err(|f| f.cause)?;
    if facts.encryption == super::Encryption::UserPassword {
        return Err("document protégé par mot de passe".to_string());
    }
    if let Some(e) = facts.text_error {
        return Err(e);
    }
    Ok(facts.text)
}

fn read_head(path: &Path) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let mut head = Vec::with_capacity(kind::HEAD_BYTES);
    std::fs::File::open(path)
        .and_then(|f| f.take(kind::HEAD_BYTES as u64).read_to_end(&mut head))
        .map_err(|e| e.to_string())?;
    Ok(head)
}
