//! What a file is, read from its first bytes rather than trusted from its extension: a
//! `.pdf` that is an HTML page, or a script renamed `.pdf`, must not pass for a PDF.

use crate::vocabulary::{Format, Lang};

/// How many bytes of each file are read to recognise it.
pub const HEAD_BYTES: usize = 8192;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Empty,
    Pdf,
    /// Zip-based office documents, refined by looking inside the archive.
    Docx,
    Xlsx,
    Pptx,
    Odt,
    Ods,
    Odp,
    /// A zip that is not an office document.
    Zip,
    /// OLE compound file: legacy .doc/.xls/.ppt, or an .msi installer.
    Ole,
    Rtf,
    Png,
    Jpeg,
    Gif,
    Tiff,
    Executable,
    Script,
    /// Other archive formats (7z, rar, gzip, bzip2, xz, tar): not inspected.
    OtherArchive,
    Html,
    Xml,
    Text,
    Unknown,
}

impl FileKind {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            FileKind::Empty => lang.t("fichier vide", "empty file"),
            FileKind::Pdf => lang.t("PDF", "PDF"),
            FileKind::Docx => lang.t("document Word (docx)", "Word document (docx)"),
            FileKind::Xlsx => lang.t("classeur Excel (xlsx)", "Excel workbook (xlsx)"),
            FileKind::Pptx => lang.t(
                "présentation PowerPoint (pptx)",
                "PowerPoint presentation (pptx)",
            ),
            FileKind::Odt => lang.t("document OpenDocument (odt)", "OpenDocument text (odt)"),
            FileKind::Ods => lang.t(
                "classeur OpenDocument (ods)",
                "OpenDocument spreadsheet (ods)",
            ),
            FileKind::Odp => lang.t(
                "présentation OpenDocument (odp)",
                "OpenDocument presentation (odp)",
            ),
            FileKind::Zip => lang.t("archive ZIP", "ZIP archive"),
            FileKind::Ole => lang.t(
                "document Office ancien format (OLE)",
                "legacy Office document (OLE)",
            ),
            FileKind::Rtf => lang.t("RTF", "RTF"),
            FileKind::Png => lang.t("image PNG", "PNG image"),
            FileKind::Jpeg => lang.t("image JPEG", "JPEG image"),
            FileKind::Gif => lang.t("image GIF", "GIF image"),
            FileKind::Tiff => lang.t("image TIFF", "TIFF image"),
            FileKind::Executable => lang.t("programme exécutable", "executable program"),
            FileKind::Script => lang.t("script", "script"),
            FileKind::OtherArchive => lang.t("archive (7z, rar, gz…)", "archive (7z, rar, gz…)"),
            FileKind::Html => lang.t("page HTML", "HTML page"),
            FileKind::Xml => lang.t("XML", "XML"),
            FileKind::Text => lang.t("texte", "text"),
            FileKind::Unknown => lang.t("format inconnu", "unknown format"),
        }
    }

    /// Is `ext` (lowercase) a plausible extension for this content?
    pub fn matches_extension(self, ext: &str) -> Option<bool> {
        let expected: &[FileKind] = match ext {
            "pdf" => &[FileKind::Pdf],
            "docx" | "docm" | "dotx" | "dotm" => &[FileKind::Docx],
            "xlsx" | "xlsm" | "xltx" | "xltm" => &[FileKind::Xlsx],
            "pptx" | "pptm" => &[FileKind::Pptx],
            "odt" => &[FileKind::Odt],
            "ods" => &[FileKind::Ods],
            "odp" => &[FileKind::Odp],
            "zip" => &[
                FileKind::Zip,
                FileKind::Docx,
                FileKind::Xlsx,
                FileKind::Pptx,
                FileKind::Odt,
                FileKind::Ods,
                FileKind::Odp,
            ],
            // Word has long saved « .doc » files as RTF.
            "doc" => &[FileKind::Ole, FileKind::Rtf],
            "xls" | "ppt" | "msg" => &[FileKind::Ole],
            "rtf" => &[FileKind::Rtf],
            "png" => &[FileKind::Png],
            "jpg" | "jpeg" => &[FileKind::Jpeg],
            "gif" => &[FileKind::Gif],
            "tif" | "tiff" => &[FileKind::Tiff],
            "txt" | "csv" | "md" => &[FileKind::Text],
            "html" | "htm" => &[FileKind::Html, FileKind::Text],
            "xml" => &[FileKind::Xml, FileKind::Text],
            _ => return None,
        };
        Some(self == FileKind::Empty || expected.contains(&self))
    }

    /// The deposit format this content is, for a piece's `formats:`.
    pub fn format(self, ext: Option<&str>) -> Option<Format> {
        Some(match self {
            FileKind::Pdf => Format::Pdf,
            FileKind::Docx => Format::Docx,
            FileKind::Xlsx => Format::Xlsx,
            FileKind::Pptx => Format::Pptx,
            FileKind::Odt => Format::Odt,
            FileKind::Ods => Format::Ods,
            FileKind::Odp => Format::Odp,
            FileKind::Zip => Format::Zip,
            FileKind::Ole => match ext {
                Some("xls") => Format::Xls,
                Some("doc") => Format::Doc,
                _ => return None,
            },
            FileKind::Rtf => Format::Rtf,
            FileKind::Png => Format::Png,
            FileKind::Jpeg => Format::Jpeg,
            FileKind::Text => match ext {
                Some("csv") => Format::Csv,
                _ => Format::Txt,
            },
            _ => return None,
        })
    }
}

/// Recognise a file from its first bytes (zip-based formats are refined later, from the
/// archive's entries).
pub fn detect(head: &[u8], total_len: u64) -> FileKind {
    if total_len == 0 {
        return FileKind::Empty;
    }
    // Containers first: a zip whose first entry is a stored PDF holds "%PDF-" in its first
    // kilobyte, and is still a zip.
    if head.starts_with(b"PK\x03\x04")
        || head.starts_with(b"PK\x05\x06")
        || head.starts_with(b"PK\x07\x08")
    {
        return FileKind::Zip;
    }
    if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return FileKind::Ole;
    }
    // The PDF header may follow some junk; readers accept it within the first kilobyte.
    if find(&head[..head.len().min(1024)], b"%PDF-").is_some() {
        return FileKind::Pdf;
    }
    if is_executable(head) {
        return FileKind::Executable;
    }
    if head.starts_with(b"#!") {
        return FileKind::Script;
    }
    if head.starts_with(b"{\\rtf") {
        return FileKind::Rtf;
    }
    if let Some(t) = infer::get(head) {
        use infer::MatcherType;
        match (t.matcher_type(), t.extension()) {
            (_, "png") => return FileKind::Png,
            (_, "jpg") => return FileKind::Jpeg,
            (_, "gif") => return FileKind::Gif,
            (_, "tif") => return FileKind::Tiff,
            (MatcherType::App, _) => return FileKind::Executable,
            (MatcherType::Archive, "7z" | "rar" | "gz" | "bz2" | "xz" | "tar" | "zst" | "cab") => {
                return FileKind::OtherArchive;
            }
            _ => {}
        }
    }
    text_kind(head)
}

/// PE (`MZ` … `PE\0\0`), DOS `MZ`, ELF, Mach-O and Java class files.
pub fn is_executable(head: &[u8]) -> bool {
    head.starts_with(b"MZ")
        || head.starts_with(b"\x7fELF")
        || head.starts_with(&[0xFE, 0xED, 0xFA, 0xCE])
        || head.starts_with(&[0xFE, 0xED, 0xFA, 0xCF])
        || head.starts_with(&[0xCE, 0xFA, 0xED, 0xFE])
        || head.starts_with(&[0xCF, 0xFA, 0xED, 0xFE])
        || head.starts_with(&[0xCA, 0xFE, 0xBA, 0xBE])
}

fn text_kind(head: &[u8]) -> FileKind {
    if head.contains(&0) {
        return FileKind::Unknown;
    }
    let body = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start: Vec<u8> = body
        .iter()
        .skip_while(|b| b.is_ascii_whitespace())
        .take(64)
        .map(u8::to_ascii_lowercase)
        .collect();
    if start.starts_with(b"<!doctype html") || start.starts_with(b"<html") {
        return FileKind::Html;
    }
    if start.starts_with(b"<?xml") {
        return FileKind::Xml;
    }
    // Valid UTF-8, allowing a character cut by the end of the head.
    match std::str::from_utf8(body) {
        Ok(_) => FileKind::Text,
        Err(e) if e.error_len().is_none() => FileKind::Text,
        Err(_) => {
            // Latin-1 text: printable bytes and common controls only.
            let printable = body
                .iter()
                .filter(|b| **b >= 0x20 || b"\t\r\n\x0c".contains(b))
                .count();
            if printable * 100 >= body.len() * 95 {
                FileKind::Text
            } else {
                FileKind::Unknown
            }
        }
    }
}

pub fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_by_content() {
        assert_eq!(detect(b"%PDF-1.7\n", 9), FileKind::Pdf);
        assert_eq!(detect(b"\n\n%PDF-1.4", 10), FileKind::Pdf);
        assert_eq!(detect(b"<!DOCTYPE html><html>", 21), FileKind::Html);
        assert_eq!(detect(b"#!/bin/sh\necho", 14), FileKind::Script);
        assert_eq!(detect(b"MZ\x90\x00", 4), FileKind::Executable);
        assert_eq!(detect(b"\x7fELF\x02", 5), FileKind::Executable);
        assert_eq!(detect(b"PK\x03\x04rest", 8), FileKind::Zip);
        assert_eq!(
            detect(b"PK\x03\x04\x14\x00 plan.pdf %PDF-1.4", 30),
            FileKind::Zip
        );
        assert_eq!(detect(b"", 0), FileKind::Empty);
        assert_eq!(detect("Déclaration".as_bytes(), 12), FileKind::Text);
        assert_eq!(detect(b"\x00\x01\x02\x03binary", 10), FileKind::Unknown);
    }

    #[test]
    fn extension_consistency() {
        assert_eq!(FileKind::Html.matches_extension("pdf"), Some(false));
        assert_eq!(FileKind::Pdf.matches_extension("pdf"), Some(true));
        assert_eq!(FileKind::Rtf.matches_extension("doc"), Some(true));
        assert_eq!(FileKind::Pdf.matches_extension("weird"), None);
    }
}
