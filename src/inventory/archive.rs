//! What a zip file holds, read from its central directory: office document type, macros,
//! encrypted entries, nested archives, and entry names that will lose their accents.
//!
//! Only the directory and the first bytes of each entry are read, so a zip bomb costs us a
//! few kilobytes per entry; the number of entries looked at is capped.

use std::io::{Read, Seek};

use super::kind::{FileKind, is_executable};
use crate::said;
use crate::vocabulary::Said;

/// Entries looked at in one archive; beyond this the archive is reported as too large to
/// inspect rather than walked for minutes.
pub const MAX_ENTRIES: usize = 20_000;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArchiveFacts {
    pub entries: usize,
    pub encrypted: Vec<String>,
    pub nested: Vec<String>,
    /// Names with non-ASCII bytes stored without the UTF-8 flag: shown garbled elsewhere.
    pub non_utf8_names: Vec<String>,
    /// An office document carrying a VBA project or Basic macros.
    pub macros: bool,
    /// Executables or scripts inside the archive.
    pub executables: Vec<String>,
    /// The archive could not be read (truncated, corrupt).
    pub error: Option<Said>,
    /// More entries than [`MAX_ENTRIES`]: the rest were not looked at.
    pub truncated: bool,
}

const NESTED_EXTENSIONS: [&str; 9] = ["zip", "7z", "rar", "gz", "tgz", "tar", "bz2", "xz", "cab"];
const EXEC_EXTENSIONS: [&str; 9] = [
    "exe", "bat", "cmd", "com", "msi", "ps1", "vbs", "scr", "jar",
];

/// Inspect a zip; returns the refined kind (docx, xlsx, odt… or plain zip) and the facts.
pub fn inspect<R: Read + Seek>(reader: R) -> (FileKind, ArchiveFacts) {
    let mut facts = ArchiveFacts::default();
    let mut zip = match zip::ZipArchive::new(reader) {
        Ok(z) => z,
        Err(e) => {
            let Said { fr, en } = super::zipguard::zip_error(&e);
            facts.error = Some(Said::new(
                format!("archive illisible : {fr}"),
                format!("unreadable archive: {en}"),
            ));
            return (FileKind::Zip, facts);
        }
    };
    facts.entries = zip.len();
    facts.truncated = zip.len() > MAX_ENTRIES;
    let mut kind = FileKind::Zip;
    let mut odf_mime: Option<String> = None;
    for i in 0..zip.len().min(MAX_ENTRIES) {
        let Ok(entry) = zip.by_index_raw(i) else {
            facts.error = Some(said!("entrée {i} illisible", "unreadable entry {i}"));
            break;
        };
        let raw = entry.name_raw().to_vec();
        let name = String::from_utf8_lossy(&raw).into_owned();
        if !raw.is_ascii() {
            // The zip crate decodes a name as UTF-8 only when the entry says so (flag bit 11
            // or a Unicode path field); otherwise as CP437, which then differs from the bytes.
            let decoded = entry.name().map(|c| c.into_owned()).unwrap_or_default();
            if std::str::from_utf8(&raw)
                .map(|s| s != decoded)
                .unwrap_or(true)
            {
                facts.non_utf8_names.push(decoded);
            }
        }
        kind = ooxml_main_part(&name).unwrap_or(kind);
        if is_macro_part(&name) {
            facts.macros = true;
        }
        if entry.encrypted() {
            facts.encrypted.push(name.clone());
            continue;
        }
        drop(entry);
        if entry_is_dir(&name) {
            continue;
        }
        // First bytes of the entry (decompressed): the ODF mimetype, or a nested archive or
        // executable hidden under another name.
        let mut head = [0u8; 80];
        let n = match zip.by_index(i) {
            Ok(e) => read_up_to(e, &mut head),
            Err(_) => 0,
        };
        let head = &head[..n];
        if name == "mimetype" {
            odf_mime = Some(String::from_utf8_lossy(head).trim().to_string());
        }
        note_hidden_content(&mut facts, &name, head);
    }
    let kind = package_kind(&mut zip, kind, odf_mime.as_deref());
    if kind != FileKind::Zip {
        // Inside an office document, embedded objects are not "nested archives".
        facts.nested.clear();
    }
    (kind, facts)
}

/// The kind of OOXML document whose main part is entry `name`, if it is one.
fn ooxml_main_part(name: &str) -> Option<FileKind> {
    match name {
        "word/document.xml" => Some(FileKind::Docx),
        "xl/workbook.xml" => Some(FileKind::Xlsx),
        "ppt/presentation.xml" => Some(FileKind::Pptx),
        _ => None,
    }
}

/// A VBA project (OOXML) or a Basic module (ODF; its two index files are no macro).
fn is_macro_part(name: &str) -> bool {
    let lower = name.to_lowercase();
    lower.ends_with("vbaproject.bin")
        || (lower.starts_with("basic/")
            && lower.ends_with(".xml")
            && !lower.ends_with("script-lc.xml")
            && !lower.ends_with("script-lb.xml"))
}

/// An entry that is a nested archive or an executable, by its first bytes (decompressed) or
/// by its extension: one hidden under another name is found too.
fn note_hidden_content(facts: &mut ArchiveFacts, name: &str, head: &[u8]) {
    let ext = crate::text::extension(name.rsplit('/').next().unwrap_or(name));
    // A Word, Excel or OpenDocument file is itself a zip: it is a document, not an
    // archive inside the archive (the buyer opens it like any other document).
    let nested_by_content = (head.starts_with(b"PK\x03\x04")
        && !is_office_package(head, ext.as_deref()))
        || head.starts_with(b"7z\xBC\xAF")
        || head.starts_with(b"Rar!");
    if nested_by_content
        || ext
            .as_deref()
            .is_some_and(|e| NESTED_EXTENSIONS.contains(&e))
    {
        facts.nested.push(name.to_string());
    }
    if is_executable(head)
        || head.starts_with(b"#!")
        || ext.as_deref().is_some_and(|e| EXEC_EXTENSIONS.contains(&e))
    {
        facts.executables.push(name.to_string());
    }
}

/// What the package is: the ODF kind its `mimetype` names, else the OOXML kind of the main
/// part listed, else what its declarations say, else a plain zip.
fn package_kind<R: Read + Seek>(
    zip: &mut zip::ZipArchive<R>,
    listed: FileKind,
    odf_mime: Option<&str>,
) -> FileKind {
    let kind = odf_mime.and_then(odf_kind).unwrap_or(listed);
    // A package whose main part is not where most software puts it (an ODF package without
    // `mimetype`, a Word document whose body is `word/document2.xml`) is still the document
    // its declarations say it is, as the software that opens it reads them.
    if kind == FileKind::Zip {
        declared_kind(zip).unwrap_or(kind)
    } else {
        kind
    }
}

fn odf_kind(media_type: &str) -> Option<FileKind> {
    match media_type.trim() {
        "application/vnd.oasis.opendocument.text" => Some(FileKind::Odt),
        "application/vnd.oasis.opendocument.spreadsheet" => Some(FileKind::Ods),
        "application/vnd.oasis.opendocument.presentation" => Some(FileKind::Odp),
        _ => None,
    }
}

/// Bytes of a declaration part read at the most: a real one is a few kilobytes.
const DECLARATION_BYTES: u64 = 256 * 1024;

/// The kind a package declares: the media type of the root entry of an ODF
/// `META-INF/manifest.xml`, or the main content type of an OOXML `[Content_Types].xml`.
fn declared_kind<R: Read + Seek>(zip: &mut zip::ZipArchive<R>) -> Option<FileKind> {
    let mut part = |name: &str| -> Option<String> {
        let entry = zip.by_name(name).ok()?;
        let mut text = String::new();
        entry
            .take(DECLARATION_BYTES)
            .read_to_string(&mut text)
            .ok()?;
        Some(text)
    };
    if let Some(manifest) = part("META-INF/manifest.xml") {
        // <manifest:file-entry manifest:full-path="/" manifest:media-type="…"/>, attributes
        // in either order.
        let root = manifest
            .split('<')
            .find(|e| e.contains("full-path=\"/\""))?
            .to_string();
        let media = root.split("media-type=\"").nth(1)?.split('"').next()?;
        return odf_kind(media);
    }
    let types = part("[Content_Types].xml")?;
    const MAIN: [(&str, FileKind); 5] = [
        ("wordprocessingml.document.main+xml", FileKind::Docx),
        ("ms-word.document.macroEnabled.main+xml", FileKind::Docx),
        ("spreadsheetml.sheet.main+xml", FileKind::Xlsx),
        ("ms-excel.sheet.macroEnabled.main+xml", FileKind::Xlsx),
        ("presentationml.presentation.main+xml", FileKind::Pptx),
    ];
    MAIN.iter()
        .find(|(t, _)| types.contains(t))
        .map(|(_, k)| *k)
}

/// Office formats stored as zip packages.
const OFFICE_EXTENSIONS: [&str; 14] = [
    "docx", "docm", "dotx", "xlsx", "xlsm", "xltx", "pptx", "pptm", "ppsx", "odt", "ods", "odp",
    "odg", "ott",
];

/// First entries an office package starts with: OOXML parts or the ODF `mimetype`.
const OFFICE_FIRST_ENTRIES: [&[u8]; 8] = [
    b"[Content_Types].xml",
    b"_rels/",
    b"docProps/",
    b"word/",
    b"xl/",
    b"ppt/",
    b"mimetype",
    b"META-INF/",
];

/// The first bytes of an entry are an office document: an office extension, and a zip whose
/// first local entry is an office part. Both are required, so a zip merely renamed `.docx`
/// is still reported as a nested archive.
fn is_office_package(head: &[u8], ext: Option<&str>) -> bool {
    if !ext.is_some_and(|e| OFFICE_EXTENSIONS.contains(&e)) || head.len() < 30 {
        return false;
    }
    let name_len = usize::from(u16::from_le_bytes([head[26], head[27]]));
    let name = &head[30..head.len().min(30 + name_len)];
    OFFICE_FIRST_ENTRIES.iter().any(|m| name.starts_with(m))
}

fn entry_is_dir(name: &str) -> bool {
    name.ends_with('/')
}

fn read_up_to(mut r: impl Read, buf: &mut [u8]) -> usize {
    let mut filled = 0;
    while filled < buf.len() {
        match r.read(&mut buf[filled..]) {
            Ok(0) | Err(_) => break,
            Ok(n) => filled += n,
        }
    }
    filled
}

#[cfg(test)]
mod tests {
    use std::io::{Cursor, Write};

    use zip::write::SimpleFileOptions;

    use super::*;

    fn package(entries: &[(&str, &str)]) -> Cursor<Vec<u8>> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, body) in entries {
            w.start_file(*name, SimpleFileOptions::default())
                .expect("entry");
            w.write_all(body.as_bytes()).expect("write");
        }
        Cursor::new(w.finish().expect("zip").into_inner())
    }

    #[test]
    fn an_odf_package_without_mimetype_is_read_from_its_manifest() {
        let odt = package(&[
            (
                "META-INF/manifest.xml",
                r#"<manifest:manifest><manifest:file-entry manifest:media-type="application/vnd.oasis.opendocument.text" manifest:full-path="/"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#,
            ),
            ("content.xml", "<office:document-content/>"),
        ]);
        assert_eq!(inspect(odt).0, FileKind::Odt);
    }

    #[test]
    fn a_word_document_whose_body_is_elsewhere_is_a_word_document() {
        let docx = package(&[
            (
                "[Content_Types].xml",
                r#"<Types><Override PartName="/word/document2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#,
            ),
            ("word/document2.xml", "<w:document/>"),
        ]);
        assert_eq!(inspect(docx).0, FileKind::Docx);
        // A plain zip declares nothing: it stays a zip.
        assert_eq!(inspect(package(&[("a.txt", "a")])).0, FileKind::Zip);
    }
}
