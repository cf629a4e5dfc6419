//! The text of a source document (a règlement de consultation, a webinar transcript) for
//! `validate-pack --sources`: text files as they are, everything else through a worker like
//! any document of a bid folder.

use std::path::Path;

use super::worker::Worker;
use super::{DocFormat, ReadFailure};
use crate::inventory::kind;

/// Why a source's text could not be had (said after « source PATH illisible : »).
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// A file of a kind bidlint does not read (its French label).
    #[error("format non lu ({0}) : donnez la source en texte (txt), PDF, DOCX ou ODT")]
    Unsupported(&'static str),
    #[error("{0}")]
    Unreadable(#[from] ReadFailure),
    /// The document was read but its text could not be extracted (the reader's words).
    #[error("{0}")]
    NoText(String),
}

pub fn text(path: &Path, worker: &Worker) -> Result<String, SourceError> {
    let ext = crate::text::extension(&path.to_string_lossy()).unwrap_or_default();
    if matches!(ext.as_str(), "txt" | "md" | "") {
        return Ok(std::fs::read_to_string(path)?);
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
    let format = DocFormat::of(found).ok_or(SourceError::Unsupported(
        found.label(crate::vocabulary::Lang::Fr),
    ))?;
    let facts = worker.read(path, format)?;
    if facts.encryption == super::Encryption::UserPassword {
        return Err(ReadFailure::PasswordProtected.into());
    }
    if let Some(e) = facts.text_error {
        return Err(SourceError::NoText(e.fr));
    }
    Ok(facts.text)
}

fn read_head(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut head = Vec::with_capacity(kind::HEAD_BYTES);
    std::fs::File::open(path)
        .and_then(|f| f.take(kind::HEAD_BYTES as u64).read_to_end(&mut head))?;
    Ok(head)
}
