//! The deposit zip (`bidlint check reponse.zip`): the archive that will be uploaded, checked
//! like the folder it was made from.
//!
//! The zip is only ever opened for reading. Its entries are written, within the bomb limits of
//! [`crate::inventory::zipguard`] (entry count, declared total and ratio, checked before anything
//! is inflated; the bytes actually inflated capped at what each entry declares), into a private
//! temporary folder (mode 0700, removed when the [`Deposit`] is dropped). That folder is then
//! walked and its documents read exactly as a bid folder is, so the zip gets the same rules and
//! findings as the folder, with the paths inside the zip.
//!
//! An entry that could not be recreated as the buyer would get it is not silently left out:
//! a path escaping the archive (`../`, absolute), a duplicate name, an encrypted or corrupt
//! entry, a symbolic link, each becomes an [`Anomaly`] of its path, which the `readable` rules
//! report like the unreadable files of a folder.

use std::collections::HashSet;
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

use super::zipguard;
use super::{Anomaly, visible};
use crate::said;
use crate::vocabulary::Said;

/// The manifest's name at the root of a bid folder: in a deposit, a file that should not be
/// uploaded.
pub const MANIFEST_NAME: &str = "bid.yaml";

/// Where a problem of the archive as a whole is reported.
pub const ARCHIVE: &str = "(archive)";

/// A symbolic link's target is read up to this many bytes, to be shown.
const LINK_TARGET_MAX: u64 = 4096;

#[derive(Debug, thiserror::Error)]
pub enum DepositError {
    #[error("archive {path} illisible : {cause}")]
    Unreadable { path: String, cause: String },
    #[error("archive {path} refusée : {cause}")]
    Refused { path: String, cause: String },
    #[error("zone temporaire de lecture de l'archive impossible à créer : {0}")]
    Temporary(std::io::Error),
}

/// A deposit zip laid out in a private temporary folder for the time of a run.
#[derive(Debug)]
pub struct Deposit {
    /// Removed, with everything in it, when the deposit is dropped.
    _area: tempfile::TempDir,
    /// The folder the entries were written to: the zip's content, as the buyer unzips it.
    root: PathBuf,
    /// The zip as the user named it.
    zip: PathBuf,
    /// Entries that could not be laid out as they are in the zip.
    anomalies: Vec<Anomaly>,
    /// A `bid.yaml` lies at the root of the zip.
    has_manifest: bool,
}

impl Deposit {
    /// Lay out `zip` for checking. Refused as a whole (an error, never a green report) when it
    /// is not a readable zip or passes the bomb limits.
    pub fn open(zip: &Path) -> Result<Deposit, DepositError> {
        let shown = zip.display().to_string();
        let unreadable = |cause: String| DepositError::Unreadable {
            path: shown.clone(),
            cause,
        };
        let file = File::open(zip).map_err(|e| unreadable(e.to_string()))?;
        let mut archive = zip::ZipArchive::new(BufReader::new(file))
            .map_err(|e| unreadable(zipguard::zip_error_fr(&e)))?;
        // A refused deposit is a run error, said in French as every diagnostic.
        zipguard::check(&mut archive).map_err(|cause| DepositError::Refused {
            path: shown.clone(),
            cause: cause.fr,
        })?;
        let area = tempfile::Builder::new()
            .prefix("bidlint-depot-")
            .tempdir()
            .map_err(DepositError::Temporary)?;
        // The folder is named after the zip, so that a message naming a path of it still
        // says which archive it comes from.
        let name = zip
            .file_name()
            .map(|n| n.to_os_string())
            .unwrap_or_else(|| "depot.zip".into());
        let root = area.path().join(name);
        std::fs::create_dir(&root).map_err(DepositError::Temporary)?;
        let mut deposit = Deposit {
            _area: area,
            root,
            zip: zip.to_path_buf(),
            anomalies: Vec::new(),
            has_manifest: false,
        };
        deposit.lay_out(&mut archive);
        deposit.garbled_names(zip);
        Ok(deposit)
    }

    /// The folder to walk: the zip's content.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The zip as the user named it, for the report.
    pub fn zip(&self) -> &Path {
        &self.zip
    }

    pub fn anomalies(&self) -> &[Anomaly] {
        &self.anomalies
    }

    /// Does the zip hold a `bid.yaml` at its root (bidlint's manifest, not for the buyer)?
    pub fn has_manifest(&self) -> bool {
        self.has_manifest
    }

    /// Every entry of the archive recreated under the deposit's root, or reported as an
    /// anomaly of its path.
    fn lay_out<R: Read + std::io::Seek>(&mut self, archive: &mut zip::ZipArchive<R>) {
        // The zip reader keeps one entry per name: a name stored twice is seen once, and the
        // buyer's unzip tool also keeps only one of them. Said once for the archive.
        if archive.has_duplicate_names() {
            self.problem(
                ARCHIVE.to_string(),
                Said::new(
                    "l'archive contient plusieurs entrées du même nom : une seule de chaque sera \
                     obtenue à l'extraction, et bidlint n'a vérifié que celle-là",
                    "the archive holds several entries of the same name: only one of each will \
                     be extracted, and bidlint checked only that one",
                ),
            );
        }
        let mut seen: HashSet<String> = HashSet::new();
        // What was really inflated, whatever the entries declare: the same total as the
        // declared one checked by zipguard.
        let mut budget = zipguard::MAX_TOTAL_UNCOMPRESSED;
        for i in 0..archive.len() {
            if let Some(file) = self.place(archive, i, &mut seen) {
                self.extract(archive, i, file, &mut budget);
            }
        }
    }

    /// The entry's path in the deposit (as shown, and as folder names), unless it is forbidden
    /// (absolute, climbing out of the archive), empty, or a name seen before: then reported.
    fn checked_parts<'n>(
        &mut self,
        name: &'n str,
        seen: &mut HashSet<String>,
    ) -> Option<(String, Vec<&'n str>)> {
        let rel = visible(name.trim_end_matches('/').to_string());
        let Some(parts) = safe_parts(name) else {
            self.problem(
                rel,
                Said::new(
                    "chemin interdit dans une archive (absolu ou remontant hors d'elle) : \
                     l'entrée n'a pas été lue",
                    "path forbidden in an archive (absolute or climbing out of it): the entry \
                     was not read",
                ),
            );
            return None;
        };
        if parts.is_empty() {
            return None;
        }
        if !seen.insert(parts.join("/")) {
            self.problem(
                rel,
                Said::new(
                    "nom présent deux fois dans l'archive : une seule des deux entrées sera \
                     obtenue à l'extraction",
                    "name present twice in the archive: only one of the two entries will be \
                     extracted",
                ),
            );
            return None;
        }
        Some((rel, parts))
    }

    /// Where entry `i` goes in the deposit, if it is a file to extract: a folder is recreated
    /// here, and an entry that cannot be laid out (unreadable, a forbidden path, a name seen
    /// before, encrypted) is reported instead.
    fn place<R: Read + std::io::Seek>(
        &mut self,
        archive: &mut zip::ZipArchive<R>,
        i: usize,
        seen: &mut HashSet<String>,
    ) -> Option<PlacedFile> {
        let entry = match archive.by_index_raw(i) {
            Ok(e) => e,
            Err(e) => {
                let Said { fr, en } = zipguard::zip_error(&e);
                self.problem(
                    format!("#{}", i + 1),
                    Said::new(
                        format!("entrée illisible : {fr}"),
                        format!("unreadable entry: {en}"),
                    ),
                );
                return None;
            }
        };
        let name = match entry.name() {
            Ok(n) => n.into_owned(),
            Err(e) => {
                String::from_utf8_lossy(entry.name_raw()).into_owned()
                    + &format!(" ({})", zipguard::zip_error_fr(&e))
            }
        };
        let (rel, parts) = self.checked_parts(&name, seen)?;
        let path = parts.iter().fold(self.root.clone(), |p, c| p.join(c));
        if entry.is_dir() {
            if let Err(e) = std::fs::create_dir_all(&path) {
                self.problem(
                    rel,
                    said!(
                        "dossier impossible à recréer : {e}",
                        "folder that cannot be recreated: {e}"
                    ),
                );
            }
            return None;
        }
        if entry.encrypted() {
            // Its folder exists in the deposit, holding it: recreated, not empty.
            if let Some(parent) = path.parent() {
                let _ = std::fs::create_dir_all(parent);
            }
            self.problem(
                rel,
                Said::new(
                    "entrée chiffrée par mot de passe : l'acheteur ne pourra pas l'ouvrir",
                    "entry encrypted with a password: the buyer will not be able to open it",
                ),
            );
            return None;
        }
        if parts == [MANIFEST_NAME] {
            self.has_manifest = true;
        }
        Some(PlacedFile {
            rel,
            path,
            symlink: entry.is_symlink(),
            declared: entry.size(),
        })
    }

    /// Entry `i` written at its place within what is left of the `budget` of inflated bytes
    /// (which it then uses up), or reported: a symbolic link as such, a failure with its cause.
    fn extract<R: Read + std::io::Seek>(
        &mut self,
        archive: &mut zip::ZipArchive<R>,
        i: usize,
        file: PlacedFile,
        budget: &mut u64,
    ) {
        let written = archive
            .by_index(i)
            .map_err(|e| zipguard::zip_error(&e))
            .and_then(|e| {
                if file.symlink {
                    link_target(e).map(Err)
                } else {
                    write_entry(e, &file.path, file.declared, *budget).map(Ok)
                }
            });
        match written {
            Ok(Ok(n)) => *budget = budget.saturating_sub(n),
            Ok(Err(target)) => self.anomalies.push(Anomaly::Symlink {
                rel: file.rel,
                target,
            }),
            Err(cause) => self.problem(file.rel, cause),
        }
    }

    /// Names with accents stored without the UTF-8 flag: laid out as an unzip tool decodes
    /// them (code page 437), they reach the buyer garbled — the « Mémoire technique » folder
    /// that arrived with altered accents (TA Montpellier, 29 Oct. 2024). Read with the same
    /// inspection as the archives inside a bid folder.
    fn garbled_names(&mut self, zip: &Path) {
        let Ok(file) = File::open(zip) else {
            return;
        };
        let (_, facts) = super::archive::inspect(BufReader::new(file));
        for name in facts.non_utf8_names {
            self.problem(
                visible(name.trim_end_matches('/').to_string()),
                Said::new(
                    "nom accentué enregistré sans le codage UTF-8 : l'acheteur le verra altéré \
                     (recréez l'archive avec les noms en UTF-8, 7-Zip : paramètre cu=on)",
                    "accented name stored without the UTF-8 encoding: the buyer will see it \
                     garbled (recreate the archive with UTF-8 names, 7-Zip: parameter cu=on)",
                ),
            );
        }
    }

    fn problem(&mut self, rel: String, cause: Said) {
        self.anomalies.push(Anomaly::Unreadable { rel, cause });
    }
}

/// An archive entry to extract as a file of the deposit.
struct PlacedFile {
    /// Its path in the deposit, as reports show it.
    rel: String,
    /// Where it is written.
    path: PathBuf,
    /// A symbolic link: reported, never written.
    symlink: bool,
    /// The size the entry declares (the real one is counted while inflating).
    declared: u64,
}

/// The components of an entry's name, or None when it would leave the archive's folder (an
/// absolute path, `..`, a NUL byte): the buyer's unzip tool refuses or misplaces it.
fn safe_parts(name: &str) -> Option<Vec<&str>> {
    if name.starts_with('/') || name.contains('\0') {
        return None;
    }
    let parts: Vec<&str> = name.split('/').filter(|p| !p.is_empty()).collect();
    if parts.iter().any(|p| *p == "." || *p == "..") {
        return None;
    }
    // A Windows drive (`C:`) as first component is an absolute path too.
    if parts
        .first()
        .is_some_and(|p| p.len() == 2 && p.ends_with(':'))
    {
        return None;
    }
    Some(parts)
}

/// Write one entry at `path`, its parent folders created: at most `declared` bytes (an entry
/// inflating past what it declares is a bomb that lied to zipguard) and at most `budget`
/// (what is left of the total). Returns the bytes written.
fn write_entry(entry: impl Read, path: &Path, declared: u64, budget: u64) -> Result<u64, Said> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| {
            said!(
                "dossier impossible à recréer : {e}",
                "folder that cannot be recreated: {e}"
            )
        })?;
    }
    let limit = declared.min(budget);
    let mut out = File::create_new(path).map_err(|e| {
        said!(
            "entrée impossible à lire : {e}",
            "entry that cannot be read: {e}"
        )
    })?;
    let mut reader = entry.take(limit + 1);
    let n = std::io::copy(&mut reader, &mut out).map_err(|e| corrupt_entry(&e))?;
    if n > limit {
        drop(out);
        // Best effort: the whole area is removed with the deposit anyway.
        let _ = std::fs::remove_file(path);
        return Err(said!(
            "l'entrée se décompresse au-delà de ce qu'elle déclare ({declared} octets) : \
             refusée comme bombe de décompression",
            "the entry inflates beyond what it declares ({declared} bytes): refused as a \
             decompression bomb"
        ));
    }
    Ok(n)
}

/// An entry whose bytes could not be inflated.
fn corrupt_entry(e: &std::io::Error) -> Said {
    let Said { fr, en } = zipguard::entry_read_error(e);
    Said::new(
        format!("entrée corrompue : {fr}"),
        format!("corrupt entry: {en}"),
    )
}

/// A symbolic link's target, stored as the entry's content.
fn link_target(entry: impl Read) -> Result<String, Said> {
    let mut target = Vec::new();
    entry
        .take(LINK_TARGET_MAX)
        .read_to_end(&mut target)
        .map_err(|e| corrupt_entry(&e))?;
    Ok(visible(String::from_utf8_lossy(&target).into_owned()))
}

/// Is `path` a zip archive, by its first bytes (a deposit, not a bid folder)?
pub fn is_zip(path: &Path) -> bool {
    let mut head = [0u8; 4];
    File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok()
        && (head == *b"PK\x03\x04" || head == *b"PK\x05\x06")
}

#[cfg(test)]
mod tests {
    use super::safe_parts;

    #[test]
    fn names_leaving_the_archive_are_refused() {
        assert_eq!(safe_parts("a/b.pdf"), Some(vec!["a", "b.pdf"]));
        assert_eq!(safe_parts("a/"), Some(vec!["a"]));
        for escaping in ["/etc/passwd", "../x", "a/../../x", "a/./b", "C:/x", "a\0b"] {
            assert_eq!(safe_parts(escaping), None, "{escaping}");
        }
    }
}
