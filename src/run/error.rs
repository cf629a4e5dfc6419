//! Why a run could not be made as asked: one type for every command of [`crate::run`], with
//! the French message and help the user reads (the binary draws it with miette and exits 2).

use std::path::PathBuf;

use crate::diagnostics::YamlProblems;
use crate::documents::source::SourceError;
use crate::inventory::deposit::{DepositError, MANIFEST_NAME};
use crate::manifest::ManifestError;
use crate::pack::PackError;

#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum RunError {
    /// The bid folder does not exist (`help`: how to name it, when the command has one).
    #[error("dossier introuvable : {}", dir.display())]
    FolderMissing {
        dir: PathBuf,
        #[help]
        help: Option<&'static str>,
    },
    /// A FIFO or a device: never opened (opening a FIFO would block).
    #[error("{} n'est ni un dossier ni un fichier ordinaire", path.display())]
    #[diagnostic(help("indiquez le dossier de réponse ou l'archive zip à déposer"))]
    NotAFile { path: PathBuf },
    /// A file given for its folder (a PDF of the bid, say).
    #[error(
        "{} est un fichier, pas un dossier de réponse ni une archive zip ; il se trouve dans le dossier {folder}",
        path.display()
    )]
    #[diagnostic(help("pour vérifier le dossier qui le contient : bidlint check {folder}"))]
    FileNotFolder { path: PathBuf, folder: String },
    /// The deposit zip could not be laid out.
    #[error("{0}")]
    Deposit(DepositError),
    /// A deposit zip without a manifest at its root, and nothing given to replace it;
    /// `nested` is the manifest found in a folder of the zip, if any.
    #[error("l'archive {} n'a pas de {MANIFEST_NAME} à sa racine", zip.display())]
    ZipWithoutManifest {
        zip: PathBuf,
        #[help]
        help: String,
    },
    #[error(transparent)]
    #[diagnostic(transparent)]
    Manifest(#[from] ManifestError),
    /// The stand-in manifest made from `--pack` (when bid.yaml is missing) did not parse.
    #[error("{0}")]
    StandInManifest(ManifestError),
    #[error(transparent)]
    #[diagnostic(transparent)]
    Pack(#[from] PackError),
    /// `--deadline` is not a date (the parser's French words).
    #[error("--deadline : {0}")]
    Deadline(String),
    /// The rules or the facts they need do not fit together (each problem located).
    #[error(transparent)]
    #[diagnostic(transparent)]
    Problems(#[from] YamlProblems),
    /// The executable that reads documents (this program) cannot be found.
    #[error("lecteur de documents introuvable (exécutable de bidlint) : {0}")]
    WorkerNotFound(std::io::Error),
    /// The same, when reading the sources of a pack's quotes.
    #[error("lecteur de documents introuvable : {0}")]
    SourceWorkerNotFound(std::io::Error),
    /// A source document given for the quotes could not be read.
    #[error("source {} illisible : {cause}", path.display())]
    Source { path: PathBuf, cause: SourceError },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_today_s() {
        let missing = RunError::FolderMissing {
            dir: PathBuf::from("reponse"),
            help: None,
        };
        assert_eq!(missing.to_string(), "dossier introuvable : reponse");
        let deadline = RunError::Deadline("date invalide".into());
        assert_eq!(deadline.to_string(), "--deadline : date invalide");
        let file = RunError::FileNotFolder {
            path: PathBuf::from("a/b.pdf"),
            folder: "a".into(),
        };
        assert_eq!(
            miette::Diagnostic::help(&file).map(|h| h.to_string()),
            Some("pour vérifier le dossier qui le contient : bidlint check a".to_string())
        );
    }
}
