//! The walk of the bid folder: every entry, what it is, whom it belongs to. Nothing is ever
//! written, and nothing outside the folder is ever read: symbolic links are reported, not
//! followed (so a link loop cannot hang the walk); FIFOs, sockets and devices are reported and
//! never opened (opening a FIFO would block).

pub mod archive;
pub mod deposit;
pub mod kind;
pub mod members;
pub mod ole;
pub mod zipguard;

use std::fs::File;
use std::io::{Read, Seek};
use std::path::{Path, PathBuf};

use archive::ArchiveFacts;

use crate::vocabulary::{Lang, Said};
use crate::{said, say};
pub use kind::FileKind;

/// A regular file of the folder.
#[derive(Debug, Clone)]
pub struct FileEntry {
    /// Path relative to the folder, `/`-separated (lossy for non-UTF-8 names).
    pub rel: String,
    /// File name (lossy for non-UTF-8 names).
    pub name: String,
    /// The real path, as walked: `rel` is lossy for a non-UTF-8 name, this opens the file.
    pub path: PathBuf,
    /// False when the name is not valid UTF-8: it will not survive an upload intact.
    pub name_is_utf8: bool,
    pub size: u64,
    pub kind: FileKind,
    /// Lowercased extension of the name.
    pub ext: Option<String>,
    /// Index in the manifest's `members`.
    pub member: Option<usize>,
    /// The file could not be opened or read, and why.
    pub read_error: Option<Said>,
    /// Facts read inside zip-based files.
    pub archive: Option<ArchiveFacts>,
}

impl FileEntry {
    /// The file is itself hidden or lies in a hidden folder.
    pub fn in_hidden_path(&self) -> bool {
        self.rel.split('/').any(|c| c.starts_with('.'))
    }
    pub fn has_macros(&self) -> bool {
        self.archive.as_ref().is_some_and(|a| a.macros)
    }
}

#[derive(Debug, Clone)]
pub struct DirEntryInfo {
    pub rel: String,
    pub name: String,
    /// Holds nothing at all (and could be listed).
    pub empty: bool,
}

/// An entry that is not a regular file or folder, or that could not be looked at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Anomaly {
    Symlink { rel: String, target: String },
    Special { rel: String, what: Said },
    Unreadable { rel: String, cause: Said },
}

impl Anomaly {
    pub fn rel(&self) -> &str {
        match self {
            Anomaly::Symlink { rel, .. }
            | Anomaly::Special { rel, .. }
            | Anomaly::Unreadable { rel, .. } => rel,
        }
    }
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Anomaly::Symlink { target, .. } => say!(
                lang,
                "lien symbolique vers « {target} » : non suivi, il ne sera pas déposé tel quel",
                "symbolic link to \"{target}\": not followed, it will not be deposited as such"
            ),
            Anomaly::Special { what, .. } => {
                let what = what.get(lang);
                say!(
                    lang,
                    "{what} : ce n'est pas un fichier, il ne peut pas être déposé",
                    "{what}: not a file, it cannot be deposited"
                )
            }
            Anomaly::Unreadable { cause, .. } => {
                let cause = cause.get(lang);
                say!(lang, "illisible : {cause}", "unreadable: {cause}")
            }
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Inventory {
    pub root: PathBuf,
    pub files: Vec<FileEntry>,
    pub dirs: Vec<DirEntryInfo>,
    pub anomalies: Vec<Anomaly>,
}

impl Inventory {
    pub fn total_bytes(&self) -> u64 {
        self.files.iter().map(|f| f.size).sum()
    }
    pub fn file(&self, rel: &str) -> Option<(usize, &FileEntry)> {
        self.files.iter().enumerate().find(|(_, f)| f.rel == rel)
    }
}

/// Walk `root`, leaving out the files at `exclude` (relative paths: the manifest).
pub fn scan(root: &Path, exclude: &[String]) -> Inventory {
    scan_with(root, exclude, Vec::new())
}

/// [`scan`], with entries known not to be laid out in `root` (a deposit zip's refused
/// entries): reported as anomalies, and their folders not taken for empty ones.
pub fn scan_with(root: &Path, exclude: &[String], known: Vec<Anomaly>) -> Inventory {
    let mut inv = Inventory {
        root: root.to_path_buf(),
        anomalies: known,
        ..Inventory::default()
    };
    let mut unreadable_dirs: Vec<String> = Vec::new();
    let walker = walkdir::WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name();
    for item in walker {
        let entry = match item {
            Ok(e) => e,
            Err(err) => {
                let rel = err.path().map(|p| rel_of(root, p)).unwrap_or_default();
                let cause = match err.io_error() {
                    // A chain of folders deeper than the system allows: walked as far as it
                    // goes, the rest said in one finding.
                    Some(e) if e.raw_os_error() == Some(libc::ENAMETOOLONG) => said!(
                        "chemin trop long ({} caractères) : les dossiers au-delà ne sont pas parcourus",
                        "path too long ({} characters): the folders beyond are not walked",
                        rel.chars().count()
                    ),
                    Some(e) => io_said(e),
                    None => Said::same(err.to_string()),
                };
                unreadable_dirs.push(rel.clone());
                inv.anomalies.push(Anomaly::Unreadable { rel, cause });
                continue;
            }
        };
        if entry.depth() == 0 {
            continue;
        }
        let rel = rel_of(root, entry.path());
        let os_name = entry.file_name();
        let name = visible(os_name.to_string_lossy().into_owned());
        let ft = entry.file_type();
        if ft.is_symlink() {
            let target = std::fs::read_link(entry.path())
                .map(|t| t.display().to_string())
                .unwrap_or_default();
            inv.anomalies.push(Anomaly::Symlink { rel, target });
        } else if ft.is_dir() {
            inv.dirs.push(DirEntryInfo {
                rel,
                name,
                empty: true,
            });
        } else if ft.is_file() {
            if exclude.contains(&rel) {
                continue;
            }
            inv.files.push(read_file(
                entry.path(),
                rel,
                name,
                os_name.to_str().is_some(),
            ));
        } else {
            inv.anomalies.push(Anomaly::Special {
                rel,
                what: special_kind(&ft),
            });
        }
    }
    // A folder is empty when nothing at all was found below it and it could be listed.
    let occupied: std::collections::HashSet<String> = inv
        .files
        .iter()
        .map(|f| f.rel.as_str())
        .chain(inv.dirs.iter().map(|d| d.rel.as_str()))
        .chain(inv.anomalies.iter().map(Anomaly::rel))
        .filter_map(|rel| rel.rsplit_once('/').map(|(parent, _)| parent.to_string()))
        .collect();
    for d in &mut inv.dirs {
        d.empty = !occupied.contains(&d.rel) && !unreadable_dirs.contains(&d.rel);
    }
    inv
}

fn read_file(path: &Path, rel: String, name: String, name_is_utf8: bool) -> FileEntry {
    let ext = crate::text::extension(&name);
    let mut entry = FileEntry {
        rel,
        name,
        path: path.to_path_buf(),
        name_is_utf8,
        size: 0,
        kind: FileKind::Unknown,
        ext,
        member: None,
        read_error: None,
        archive: None,
    };
    let mut file = match File::open(path) {
        Ok(f) => f,
        Err(e) => {
            entry.size = std::fs::symlink_metadata(path)
                .map(|m| m.len())
                .unwrap_or(0);
            entry.read_error = Some(io_said(&e));
            return entry;
        }
    };
    entry.size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let mut head = Vec::with_capacity(kind::HEAD_BYTES);
    if let Err(e) = (&mut file)
        .take(kind::HEAD_BYTES as u64)
        .read_to_end(&mut head)
    {
        entry.read_error = Some(io_said(&e));
        return entry;
    }
    entry.kind = kind::detect(&head, entry.size);
    if entry.kind == FileKind::Ole && is_encrypted_workbook(&mut file, entry.ext.as_deref()) {
        entry.kind = FileKind::Xlsx;
    }
    if entry.kind == FileKind::Zip {
        // A malformed archive must cost its file a status, never the run: contain a panic
        // of the zip reader to this file.
        let reader = std::io::BufReader::new(file);
        let (refined, facts) =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| archive::inspect(reader)))
                .unwrap_or_else(|_| {
                    let facts = ArchiveFacts {
                        error: Some(Said::new(
                            "archive malformée : sa lecture a échoué",
                            "malformed archive: reading it failed",
                        )),
                        ..ArchiveFacts::default()
                    };
                    (FileKind::Zip, facts)
                });
        entry.kind = refined;
        entry.archive = Some(facts);
    }
    entry
}

/// An Excel workbook that Excel encrypted: its zip is inside an OLE compound file, in the
/// `EncryptedPackage` stream. It is a workbook all the same — Excel opens one encrypted with its
/// built-in default password without asking, and the document reader tries that password — so
/// a piece asking for `xlsx` takes it. Word and PowerPoint have no such default password: an
/// encrypted `.docx` stays an OLE file, which the readability rule calls password-protected.
fn is_encrypted_workbook(file: &mut File, ext: Option<&str>) -> bool {
    matches!(ext, Some("xlsx" | "xlsm" | "xltx" | "xltm"))
        && file.rewind().is_ok()
        && ole::is_encrypted_package(std::io::BufReader::new(file)).unwrap_or(false)
}

fn special_kind(ft: &std::fs::FileType) -> Said {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return Said::new("tube nommé (FIFO)", "named pipe (FIFO)");
        }
        if ft.is_socket() {
            return Said::same("socket");
        }
        if ft.is_block_device() || ft.is_char_device() {
            return Said::new("périphérique", "device");
        }
    }
    let _ = ft;
    Said::new("entrée spéciale", "special entry")
}

/// Why the operating system refused a file or folder, in words a bid manager can act on; the
/// system's own message otherwise, marked as such.
pub fn io_said(e: &std::io::Error) -> Said {
    use std::io::ErrorKind;
    let (fr, en) = match e.kind() {
        ErrorKind::PermissionDenied => (
            "lecture refusée (droits du fichier)",
            "reading refused (file permissions)",
        ),
        ErrorKind::NotFound => (
            "introuvable (déplacé ou supprimé pendant la vérification)",
            "not found (moved or deleted during the check)",
        ),
        _ => {
            return said!("erreur du système : {e}", "system error: {e}");
        }
    };
    Said::new(fr, en)
}

/// `/`-separated path of `p` below `root`, shown on one line (see [`visible`]).
pub fn rel_of(root: &Path, p: &Path) -> String {
    let r = p.strip_prefix(root).unwrap_or(p);
    r.components()
        .map(|c| visible(c.as_os_str().to_string_lossy().into_owned()))
        .collect::<Vec<_>>()
        .join("/")
}

/// A name as shown in reports: a control character (a newline, a tab) is replaced by its
/// Unicode picture (`␊`, `␉`), so that a name never breaks a table row, a CSV record or a CI
/// annotation. The real path stays in [`FileEntry::path`] to open the file.
pub fn visible(name: String) -> String {
    if !name.chars().any(char::is_control) {
        return name;
    }
    name.chars()
        .map(|c| match c {
            '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
            '\u{7f}' => '\u{2421}',
            c if c.is_control() => '\u{fffd}',
            c => c,
        })
        .collect()
}

/// True when a file's real name holds a control character (see [`visible`]).
pub fn has_control_character(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.to_string_lossy().chars().any(char::is_control))
}
