//! What is inside the documents of the folder: page count and sizes, text, headings, sheet
//! names, encryption, signature. Read once per file, in a separate worker process (see
//! [`worker`]) because the PDF and spreadsheet parsers can panic, recurse without end, loop or
//! allocate without bound on hostile files; cached by content hash (see [`cache`]).
//!
//! The flow: [`pool::read_all`] (parent) → [`worker`] (child process) → [`read`] (the parsers)
//! → [`DocFacts`] (or a [`ReadFailure`]) back to the parent as JSON.

pub mod cache;
pub mod failure;
pub mod layout;
pub mod office;
pub mod office_crypto;
/// The compound-file scan moved to the inventory, which classifies files by it; kept here for
/// the callers that look for it beside the readers.
pub use crate::inventory::ole;
pub mod opc;
pub mod pdf;
pub mod pdf_repair;
pub mod pool;
pub mod sheets;
pub mod source;
pub mod worker;

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::analysis::language::{self, Detected};
use crate::inventory::FileKind;
use crate::vocabulary::Said;

pub use failure::ReadFailure;

/// The most text kept per document. A 300-page mémoire is about 1 MB of text; beyond this the
/// rest is dropped (and said so), so that one huge file cannot fill the parent's memory.
pub const MAX_TEXT_BYTES: usize = 16 * 1024 * 1024;
/// The most characters kept for the first page (piece recognition reads titles there).
pub const MAX_FIRST_PAGE_CHARS: usize = 4000;
/// The largest file handed to a document reader (and hashed for the cache): a real deposit's
/// biggest scan is a few hundred megabytes; past this the file gets a finding, not a reading.
pub const MAX_DOCUMENT_BYTES: u64 = 1024 * 1024 * 1024;
/// The most page sizes kept: enough for any real deposit, bounded for a hostile one.
pub const MAX_PAGE_SIZES: usize = 10_000;

/// The document formats whose content bidlint reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DocFormat {
    Pdf,
    Docx,
    Odt,
    Xlsx,
    Ods,
}

impl DocFormat {
    /// The readable format of a file of this kind, if any.
    pub fn of(kind: FileKind) -> Option<DocFormat> {
        match kind {
            FileKind::Pdf => Some(DocFormat::Pdf),
            FileKind::Docx => Some(DocFormat::Docx),
            FileKind::Odt => Some(DocFormat::Odt),
            FileKind::Xlsx => Some(DocFormat::Xlsx),
            FileKind::Ods => Some(DocFormat::Ods),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            DocFormat::Pdf => "pdf",
            DocFormat::Docx => "docx",
            DocFormat::Odt => "odt",
            DocFormat::Xlsx => "xlsx",
            DocFormat::Ods => "ods",
        }
    }
    pub fn parse(s: &str) -> Option<DocFormat> {
        [
            DocFormat::Pdf,
            DocFormat::Docx,
            DocFormat::Odt,
            DocFormat::Xlsx,
            DocFormat::Ods,
        ]
        .into_iter()
        .find(|f| f.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Encryption {
    #[default]
    None,
    /// Encrypted, but it opens without asking for a password, which is fine for the buyer: a
    /// PDF with an empty user password (printing or copying may be restricted), a workbook
    /// encrypted with Excel's default password.
    OwnerOnly,
    /// A password is needed to open it: the buyer cannot read it.
    UserPassword,
}

/// A page's size in PDF points (1/72 inch), as displayed (rotation applied).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PageSize {
    pub width: f32,
    pub height: f32,
}

/// Everything the checks need to know about one document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocFacts {
    /// Page count, when the format has pages: exact for a PDF; for DOCX/ODT the stored count
    /// when plausible, else an estimate (then [`DocFacts::page_estimate`] says so).
    pub pages: Option<u32>,
    /// `pages` is an estimate from the text and layout, with its figures.
    #[serde(default)]
    pub page_estimate: Option<layout::PageEstimate>,
    /// PDF page sizes, in order (at most [`MAX_PAGE_SIZES`]).
    pub page_sizes: Vec<PageSize>,
    pub encryption: Encryption,
    /// A signature field or a `/ByteRange` is present (reported, not verified).
    pub signed: bool,
    pub title: Option<String>,
    pub producer: Option<String>,
    /// The text, one line per line or paragraph (at most [`MAX_TEXT_BYTES`]).
    pub text: String,
    /// The text was longer than [`MAX_TEXT_BYTES`] and was cut.
    pub text_truncated: bool,
    /// The first page's text (PDF), or the beginning of the text.
    pub first_page: String,
    /// Headings by style (DOCX heading styles, ODT `text:h`), in order.
    pub headings: Vec<String>,
    /// Workbook sheet names, in order.
    pub sheets: Vec<String>,
    /// The text could not be extracted, and why (the structure was read).
    pub text_error: Option<Said>,
    /// What the reader had to work around and the bidder should know, not a defect (a PDF
    /// repaired at reading, a page count estimated, a chart sheet skipped).
    #[serde(default)]
    pub notes: Vec<Said>,
    /// The language of the text, detected once here rather than at every run (`None`: too
    /// few letters to tell).
    pub language: Option<Detected>,
}

impl DocFacts {
    /// Lines that may be headings: the styled headings when the document has them, else
    /// every line of text (a PDF has no styles).
    pub fn heading_candidates(&self) -> Vec<&str> {
        if self.headings.is_empty() {
            self.text.lines().collect()
        } else {
            self.headings.iter().map(String::as_str).collect()
        }
    }
    /// Is there text to judge? A scanned PDF has none.
    pub fn has_text(&self) -> bool {
        self.text.chars().any(char::is_alphanumeric)
    }
}

/// Read one document in this process. Only the worker calls it: the parsers are not trusted
/// with the parent's memory or time.
pub fn read(path: &Path, format: DocFormat) -> Result<DocFacts, ReadFailure> {
    let mut facts = read_format(path, format)?;
    // Rules match letters: a ligature or a compatibility form would hide a word from them.
    facts.text = crate::text::compatible(std::mem::take(&mut facts.text));
    facts.first_page = crate::text::compatible(std::mem::take(&mut facts.first_page));
    facts.headings = std::mem::take(&mut facts.headings)
        .into_iter()
        .map(crate::text::compatible)
        .collect();
    facts.language = language::detect(&facts.text);
    Ok(facts)
}

fn read_format(path: &Path, format: DocFormat) -> Result<DocFacts, ReadFailure> {
    match format {
        DocFormat::Pdf => {
            let bytes = std::fs::read(path).map_err(|e| ReadFailure::io(&e))?;
            pdf::read(&bytes)
        }
        DocFormat::Docx | DocFormat::Odt => {
            let file = std::fs::File::open(path).map_err(|e| ReadFailure::io(&e))?;
            office::read(std::io::BufReader::new(file), format)
        }
        DocFormat::Xlsx | DocFormat::Ods => {
            let mut file = std::fs::File::open(path).map_err(|e| ReadFailure::io(&e))?;
            // The inventory calls a workbook Excel encrypted a workbook (see
            // `inventory::ole`): it is an OLE compound file, not a zip.
            if format == DocFormat::Xlsx
                && office_crypto::is_compound_file(&mut file).map_err(|e| ReadFailure::io(&e))?
            {
                return office_crypto::read_workbook(std::io::BufReader::new(file));
            }
            sheets::read(std::io::BufReader::new(file), format)
        }
    }
}

/// Extensions of zip-based office documents (OOXML and OpenDocument, with their macro and
/// template variants): a defect of their zip is a defect of the document (PLACE-LISIBLE),
/// not of an archive.
pub fn is_office_extension(ext: &str) -> bool {
    matches!(
        ext,
        "docx"
            | "docm"
            | "dotx"
            | "dotm"
            | "xlsx"
            | "xlsm"
            | "xltx"
            | "xltm"
            | "pptx"
            | "pptm"
            | "potx"
            | "ppsx"
            | "odt"
            | "ods"
            | "odp"
            | "odg"
            | "ott"
            | "ots"
            | "otp"
    )
}

/// Extensions of OOXML documents, which Office encrypts inside an OLE compound file.
pub fn is_ooxml_extension(ext: &str) -> bool {
    is_office_extension(ext) && !ext.starts_with('o')
}

/// Cut `text` to at most `max` bytes, at a character boundary.
pub fn cut(text: &mut String, max: usize) -> bool {
    if text.len() <= max {
        return false;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
    true
}

/// The first `max` characters of `text`.
pub fn head_chars(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}
