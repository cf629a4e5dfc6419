//! What `check`, `checklist` and `portfolio` were given: a bid folder, or the deposit zip
//! (read through a private temporary folder, see [`crate::inventory::deposit`]; the zip itself
//! is only read). Anything
//! else — a PDF given for its folder, a path that does not exist — is said in French before
//! any work.

use std::path::{Path, PathBuf};

use crate::inventory::Anomaly;
use crate::inventory::deposit::{self, Deposit, MANIFEST_NAME};
use crate::report::{Notice, Report};
use crate::say;
use crate::vocabulary::Lang;

use super::RunError;
use super::request::Inputs;

pub enum Target {
    Folder(PathBuf),
    Deposit(Deposit),
}

impl Target {
    /// A folder is taken as it is (a missing one is refused by the run); a zip is laid out;
    /// another file is refused, naming the folder it lies in.
    pub fn resolve(arg: &Path) -> Result<Target, RunError> {
        if arg.is_dir() || !arg.exists() {
            return Ok(Target::Folder(arg.to_path_buf()));
        }
        if !arg.is_file() {
            // A FIFO or a device: never opened (opening a FIFO would block).
            return Err(RunError::NotAFile {
                path: arg.to_path_buf(),
            });
        }
        if deposit::is_zip(arg) {
            return Deposit::open(arg)
                .map(Target::Deposit)
                .map_err(RunError::Deposit);
        }
        let folder = match arg.parent().filter(|p| !p.as_os_str().is_empty()) {
            Some(p) => p.display().to_string(),
            None => ".".to_string(),
        };
        Err(RunError::FileNotFolder {
            path: arg.to_path_buf(),
            folder,
        })
    }

    /// The folder walked: the bid folder, or the zip's content.
    pub fn dir(&self) -> &Path {
        match self {
            Target::Folder(p) => p,
            Target::Deposit(d) => d.root(),
        }
    }

    /// A zip without a `bid.yaml` at its root, and no `--manifest` or `--pack` to replace it:
    /// said in terms of the zip (not of its temporary copy), with the manifest found in a
    /// folder of the zip when there is one.
    pub fn require_manifest(&self, inputs: &Inputs) -> Result<(), RunError> {
        let Target::Deposit(d) = self else {
            return Ok(());
        };
        if d.has_manifest() || inputs.manifest.is_some() || !inputs.packs.is_empty() {
            return Ok(());
        }
        let nested = std::fs::read_dir(d.root())
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path().join(MANIFEST_NAME))
            .find(|p| p.is_file())
            .and_then(|p| {
                p.strip_prefix(d.root())
                    .ok()
                    .map(|r| r.display().to_string())
            });
        let help = match nested {
            Some(inner) => format!(
                "l'archive contient {inner} : ses pièces sont dans un dossier, qui sera aussi \
                 celui de l'acheteur ; indiquez le manifeste avec --manifest FICHIER, ou le pack \
                 avec --pack"
            ),
            None => "indiquez le manifeste avec --manifest FICHIER, ou le pack avec --pack".into(),
        };
        Err(RunError::ZipWithoutManifest {
            zip: d.zip().to_path_buf(),
            help,
        })
    }

    /// The bid as the user named it.
    pub fn shown(&self) -> String {
        match self {
            Target::Folder(p) => p.display().to_string(),
            Target::Deposit(d) => d.zip().display().to_string(),
        }
    }

    /// The default manifest as the user would name it: `DIR/bid.yaml`, `ZIP/bid.yaml`.
    pub fn manifest_shown(&self) -> String {
        match self {
            Target::Folder(p) => p.join(MANIFEST_NAME).display().to_string(),
            Target::Deposit(d) => format!("{}/{MANIFEST_NAME}", d.zip().display()),
        }
    }

    /// Entries of the zip that could not be laid out as they are (none for a folder).
    pub fn anomalies(&self) -> &[Anomaly] {
        match self {
            Target::Folder(_) => &[],
            Target::Deposit(d) => d.anomalies(),
        }
    }

    /// The report names the zip, not the temporary folder, and says when the zip holds
    /// bidlint's manifest, which must not be uploaded.
    pub fn finish(&self, report: &mut Report, lang: Lang) {
        let Target::Deposit(d) = self else {
            return;
        };
        report.bid.root = self.shown();
        if d.has_manifest() {
            report.notices.push(Notice {
                kind: crate::report::NoticeKind::ManifestInDeposit,
                message: say!(
                    lang,
                    "{MANIFEST_NAME} est dans l'archive : c'est le manifeste de bidlint, pas une \
                     pièce de la réponse ; retirez-le de l'archive avant le dépôt",
                    "{MANIFEST_NAME} is in the archive: it is bidlint's manifest, not a piece of \
                     the bid; remove it from the archive before uploading"
                ),
                path: Some(MANIFEST_NAME.to_string()),
            });
        }
    }
}
