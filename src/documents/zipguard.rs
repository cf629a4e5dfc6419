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
    Ok(Some(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn part_names_match_as_office_matches_them() {
        assert_eq!(normalise("Word\\Document.XML"), "word/document.xml");
        assert_eq!(normalise("/word/document.xml"), "word/document.xml");
    }
}
