//! Limits on zip-based documents (DOCX, ODT, XLSX, ODS) before any entry is inflated: a zip
//! bomb declares a small file that expands to gigabytes. The declared sizes are checked here;
//! what is actually inflated is capped by the readers (`take`) and, for the spreadsheet
//! reader, by the worker's memory limit (a zip can lie about its sizes).

use std::io::{ErrorKind, Read, Seek};

use zip::result::ZipError;

use crate::said;
use crate::vocabulary::Said;

/// A zip reader's error in words a bid manager can act on (a damaged or truncated archive, an
/// encrypted entry, a compression other tools do not read), never the library's own.
pub fn zip_error(e: &ZipError) -> Said {
    let (fr, en) = match e {
        ZipError::Io(io) => return entry_read_error(io),
        ZipError::InvalidArchive(m) if m.contains("EOCD") || m.contains("central directory") => (
            "répertoire central ZIP introuvable",
            "ZIP central directory not found",
        ),
        ZipError::InvalidArchive(_) => ("structure ZIP endommagée", "damaged ZIP structure"),
        ZipError::UnsupportedArchive(m) if m.contains("assword") || m.contains("ncrypt") => (
            "archive chiffrée par mot de passe",
            "archive encrypted with a password",
        ),
        ZipError::UnsupportedArchive(_) | ZipError::CompressionMethodNotSupported(_) => (
            "méthode de compression ou format ZIP non pris en charge",
            "unsupported compression method or ZIP format",
        ),
        ZipError::FileNotFound => (
            "entrée introuvable dans l'archive",
            "entry not found in the archive",
        ),
        ZipError::InvalidPassword => (
            "mot de passe de l'archive incorrect",
            "wrong archive password",
        ),
        _ => ("archive ZIP illisible", "unreadable ZIP archive"),
    };
    Said::new(fr, en)
}

/// [`zip_error`] in French, for the readers whose words are French only.
pub fn zip_error_fr(e: &ZipError) -> String {
    zip_error(e).fr
}

/// Reading an entry's bytes failed: the file is cut short, or its compressed data or its
/// checksum is damaged.
pub fn entry_read_error(e: &std::io::Error) -> Said {
    // The zip reader stops an entry that inflates past the size it declares: a bomb that lied.
    if e.to_string().contains("larger than its declared") {
        return Said::new(
            "se décompresse au-delà de la taille qu'elle déclare : refusée comme bombe de \
             décompression",
            "inflates beyond the size it declares: refused as a decompression bomb",
        );
    }
    let (fr, en) = match e.kind() {
        ErrorKind::UnexpectedEof => (
            "données coupées avant la fin (fichier tronqué)",
            "data cut before the end (truncated file)",
        ),
        ErrorKind::InvalidData | ErrorKind::InvalidInput => (
            "données compressées endommagées (flux ou somme de contrôle invalide)",
            "damaged compressed data (invalid stream or checksum)",
        ),
        ErrorKind::PermissionDenied => (
            "lecture refusée (droits du fichier)",
            "reading refused (file permissions)",
        ),
        ErrorKind::NotFound => ("fichier introuvable", "file not found"),
        _ => ("erreur de lecture du fichier", "error reading the file"),
    };
    Said::new(fr, en)
}

/// More entries than any real office document has (a large workbook has a few hundred).
pub const MAX_ENTRIES: usize = 10_000;
/// Declared uncompressed size of all entries together.
pub const MAX_TOTAL_UNCOMPRESSED: u64 = 1024 * 1024 * 1024;
/// Declared expansion of one entry. XML compresses well (20× is common, 100× happens on
/// repetitive sheets); 1,000× only comes from a bomb.
pub const MAX_RATIO: u64 = 1000;
/// Entries smaller than this are not judged on their ratio (tiny entries compress oddly).
const RATIO_FLOOR: u64 = 1024 * 1024;

/// Open a zip-based document and pass its declared sizes through [`check`].
pub fn open<R: Read + Seek>(reader: R) -> Result<zip::ZipArchive<R>, Said> {
    let mut zip = zip::ZipArchive::new(reader).map_err(|e| {
        let Said { fr, en } = zip_error(&e);
        Said::new(
            format!("archive illisible : {fr}"),
            format!("unreadable archive: {en}"),
        )
    })?;
    check(&mut zip)?;
    Ok(zip)
}

pub fn check<R: Read + Seek>(zip: &mut zip::ZipArchive<R>) -> Result<(), Said> {
    let n = zip.len();
    if n > MAX_ENTRIES {
        return Err(said!(
            "archive de {n} entrées (limite {MAX_ENTRIES}) : refusée comme bombe de décompression",
            "archive of {n} entries (limit {MAX_ENTRIES}): refused as a decompression bomb"
        ));
    }
    let mut total: u64 = 0;
    for i in 0..n {
        let entry = zip.by_index_raw(i).map_err(|e| {
            let Said { fr, en } = zip_error(&e);
            Said::new(
                format!("entrée {i} illisible : {fr}"),
                format!("unreadable entry {i}: {en}"),
            )
        })?;
        let size = entry.size();
        let packed = entry.compressed_size().max(1);
        if size > RATIO_FLOOR && size / packed > MAX_RATIO {
            let name = entry.name().unwrap_or_default();
            let (ratio, mb) = (size / packed, size >> 20);
            return Err(said!(
                "« {name} » se décompresse {ratio}× ({mb} Mo) : refusé comme bombe de décompression",
                "\"{name}\" inflates {ratio}× ({mb} MB): refused as a decompression bomb"
            ));
        }
        total = total.saturating_add(size);
    }
    if total > MAX_TOTAL_UNCOMPRESSED {
        let (mb, max) = (total >> 20, MAX_TOTAL_UNCOMPRESSED >> 20);
        return Err(said!(
            "contenu de {mb} Mo une fois décompressé (limite {max} Mo) : refusé",
            "content of {mb} MB once inflated (limit {max} MB): refused"
        ));
    }
    Ok(())
}

/// The entry a part name designates as Office finds it: part names are case-insensitive,
/// and some writers store `word\document.xml` with backslashes or a leading `/`.
fn entry_name<R: Read + Seek>(zip: &zip::ZipArchive<R>, name: &str) -> Option<String> {
    let wanted = normalise(name);
    let names = || zip.file_names().flatten();
    names()
        .find(|n| n == name)
        .or_else(|| names().find(|n| normalise(n) == wanted))
        .map(|n| n.into_owned())
}

fn normalise(name: &str) -> String {
    name.replace('\\', "/")
        .trim_start_matches('/')
        .to_lowercase()
}

/// Read one entry, inflating at most `max` bytes: beyond, the entry is refused.
pub fn read_entry<R: Read + Seek>(
    zip: &mut zip::ZipArchive<R>,
    name: &str,
    max: u64,
) -> Result<Option<Vec<u8>>, Said> {
    let unreadable = |Said { fr, en }: Said| {
        Said::new(
            format!("{name} illisible : {fr}"),
            format!("{name} unreadable: {en}"),
        )
    };
    let Some(actual) = entry_name(zip, name) else {
        return Ok(None);
    };
    let file = match zip.by_name(&actual) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(unreadable(zip_error(&e))),
    };
    if file.encrypted() {
        return Err(Said::new(
            "document protégé par mot de passe",
            "password-protected document",
        ));
    }
    let mut out = Vec::new();
    file.take(max + 1)
        .read_to_end(&mut out)
        .map_err(|e| unreadable(entry_read_error(&e)))?;
    if out.len() as u64 > max {
        let mb = max >> 20;
        return Err(said!(
            "{name} dépasse {mb} Mo une fois décompressé : refusé comme bombe de décompression",
            "{name} exceeds {mb} MB once inflated: refused as a decompression bomb"
        ));
    }
    Ok(Some(utf8(out)))
}

/// An XML part as UTF-8. Office and LibreOffice accept parts written in UTF-16 (with their
/// byte-order mark, as some generators write them); the XML reader reads UTF-8 only.
fn utf8(bytes: Vec<u8>) -> Vec<u8> {
    let units = |from_bytes: fn([u8; 2]) -> u16| -> Vec<u8> {
        let units: Vec<u16> = bytes[2..]
            .chunks_exact(2)
            .map(|c| from_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
            .replacen("encoding=\"UTF-16\"", "encoding=\"UTF-8\"", 1)
            .replacen("encoding=\"utf-16\"", "encoding=\"UTF-8\"", 1)
            .into_bytes()
    };
    match bytes.get(..2) {
        Some([0xFF, 0xFE]) => units(u16::from_le_bytes),
        Some([0xFE, 0xFF]) => units(u16::from_be_bytes),
        _ => bytes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_parts_are_read_as_utf8() {
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><w:t>Mémoire</w:t>";
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(xml.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(xml.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        let want = xml.replace("UTF-16", "UTF-8").into_bytes();
        assert_eq!(utf8(le), want);
        assert_eq!(utf8(be), want);
        assert_eq!(utf8(b"<a/>".to_vec()), b"<a/>");
    }

    #[test]
    fn part_names_match_as_office_matches_them() {
        assert_eq!(normalise("Word\\Document.XML"), "word/document.xml");
        assert_eq!(normalise("/word/document.xml"), "word/document.xml");
    }

    #[test]
    fn zip_errors_are_said_in_french() {
        use std::borrow::Cow;
        let eocd = ZipError::InvalidArchive(Cow::Borrowed("Could not find EOCD"));
        assert_eq!(zip_error_fr(&eocd), "répertoire central ZIP introuvable");
        let header = ZipError::InvalidArchive(Cow::Borrowed("Invalid local file header"));
        assert_eq!(zip_error_fr(&header), "structure ZIP endommagée");
        let cut = ZipError::Io(std::io::Error::from(ErrorKind::UnexpectedEof));
        assert_eq!(
            zip_error_fr(&cut),
            "données coupées avant la fin (fichier tronqué)"
        );
        let deflate = std::io::Error::new(ErrorKind::InvalidData, "corrupt deflate stream");
        assert!(!entry_read_error(&deflate).fr.contains("deflate"));
        assert_eq!(
            zip_error_fr(&ZipError::UnsupportedArchive(
                "Password required to decrypt file"
            )),
            "archive chiffrée par mot de passe"
        );
    }
}
