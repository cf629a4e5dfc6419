//! Limits on zip-based documents (DOCX, ODT, XLSX, ODS) before any entry is inflated: a zip
//! bomb declares a small file that expands to gigabytes. The declared sizes are checked here;
//! what is actually inflated is capped by the readers (`take`) and, for the spreadsheet
//! reader, by the worker's memory limit (a zip can lie about its sizes).

use std::io::{Read, Seek};

/// More entries than any real office document has (a large workbook has a few hundred).
pub const MAX_ENTRIES: usize = 10_000;
/// Declared uncompressed size of all entries together.
pub const MAX_TOTAL_UNCOMPRESSED: u64 = 1024 * 1024 * 1024;
/// Declared expansion of one entry. XML compresses well (20× is common, 100× happens on
/// repetitive sheets); 1,000× only comes from a bomb.
pub const MAX_RATIO: u64 = 1000;
/// Entries smaller than this are not judged on their ratio (tiny entries compress oddly).
const RATIO_FLOOR: u64 = 1024 * 1024;

pub fn check<R: Read + Seek>(zip: &mut zip::ZipArchive<R>) -> Result<(), String> {
    if zip.len() > MAX_ENTRIES {
        return Err(format!(
            "archive de {} entrées (limite {MAX_ENTRIES}) : refusée comme bombe de décompression",
            zip.len()
        ));
    }
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let entry = zip
            .by_index_raw(i)
            .map_err(|e| format!("entrée {i} illisible : {e}"))?;
        let size = entry.size();
        let packed = entry.compressed_size().max(1);
        if size > RATIO_FLOOR && size / packed > MAX_RATIO {
            return Err(format!(
                "« {} » se décompresse {}× ({} Mo) : refusé comme bombe de décompression",
                entry.name().unwrap_or_default(),
                size / packed,
                size >> 20
            ));
        }
        total = total.saturating_add(size);
    }
    if total > MAX_TOTAL_UNCOMPRESSED {
        return Err(format!(
            "contenu de {} Mo une fois décompressé (limite {} Mo) : refusé",
            total >> 20,
            MAX_TOTAL_UNCOMPRESSED >> 20
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
) -> Result<Option<Vec<u8>>, String> {
    let Some(actual) = entry_name(zip, name) else {
        return Ok(None);
    };
    let file = match zip.by_name(&actual) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(format!("{name} illisible : {e}")),
    };
    if file.encrypted() {
        return Err("document protégé par mot de passe".to_string());
    }
    let mut out = Vec::new();
    file.take(max + 1)
        .read_to_end(&mut out)
        .map_err(|e| format!("{name} illisible : {e}"))?;
    if out.len() as u64 > max {
        return Err(format!(
            "{name} dépasse {} Mo une fois décompressé : refusé comme bombe de décompression",
            max >> 20
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
}
