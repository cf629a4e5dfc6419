//! Why a document could not be read: a type, not a sentence, so that the worker can report
//! it structurally, the cache can tell a lasting failure from a passing one, and the checks
//! say it in the report's language ([`ReadFailure::said`]; [`std::fmt::Display`] is the French).

use serde::{Deserialize, Serialize};

use super::MAX_DOCUMENT_BYTES;
use crate::vocabulary::{Lang, Said};

/// A document that was not read, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum ReadFailure {
    /// The file could not be opened or read (the operating system's words).
    #[error("lecture impossible : {detail}")]
    Io { detail: String },
    /// Larger than [`MAX_DOCUMENT_BYTES`]: neither read nor hashed.
    #[error(
        "fichier trop volumineux pour être lu ({} Mo, limite {} Mo) : à vérifier à la main",
        bytes / (1024 * 1024),
        MAX_DOCUMENT_BYTES / (1024 * 1024)
    )]
    TooLarge { bytes: u64 },
    /// The reader took longer than the wall-clock limit.
    #[error(
        "lecture interrompue après {seconds} s (structure sans fin ou document trop lourd ; \
         limite réglable par --doc-timeout)"
    )]
    Timeout { seconds: u64 },
    /// The reader hit its address-space limit.
    #[error(
        "lecture abandonnée : le document demande plus de {limit_mb} Mo de mémoire (bombe de \
         décompression ou document anormal ; limite réglable par --doc-memory)"
    )]
    OutOfMemory { limit_mb: u64 },
    /// The reader recursed without end (an object of the document contains itself).
    #[error(
        "lecture abandonnée : structure récursive sans fin (un objet du document se contient \
         lui-même)"
    )]
    StackOverflow,
    /// The reader died without replying, for another reason.
    #[error("le lecteur de documents s'est arrêté ({how}) : document probablement corrompu")]
    Crashed { how: Stop },
    /// The reader panicked on this file (the panic's message).
    #[error("le lecteur de documents a échoué sur ce fichier ({message})")]
    Panicked { message: String },
    /// The reader refused the file, in its own words (« PDF corrompu : … »).
    #[error("{}", detail.fr)]
    Corrupt { detail: Said },
    /// A password is needed to open the document.
    #[error("document protégé par mot de passe")]
    PasswordProtected,
    /// The worker process could not be started.
    #[error("lecteur de documents impossible à lancer : {detail}")]
    WorkerNotStarted { detail: String },
    /// Waiting for the worker process failed.
    #[error("lecteur de documents perdu : {detail}")]
    WorkerLost { detail: String },
}

/// How a worker process ended without replying.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stop {
    Signal(i32),
    Code(i32),
    Unknown,
}

impl std::fmt::Display for Stop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Stop::Signal(s) => write!(f, "signal {s}"),
            Stop::Code(c) => write!(f, "code {c}"),
            Stop::Unknown => f.write_str("cause inconnue"),
        }
    }
}

impl ReadFailure {
    /// A refusal by a reader, in its own words.
    pub fn corrupt(detail: Said) -> ReadFailure {
        ReadFailure::Corrupt { detail }
    }

    pub fn io(e: &std::io::Error) -> ReadFailure {
        ReadFailure::Io {
            detail: e.to_string(),
        }
    }

    /// Will the same bytes always fail this way, so that the failure may be kept in the
    /// cache? Whatever the reader itself replied is (it read these bytes to the end of what it
    /// could), and so is an endless recursion; a timeout, an exhausted memory limit, a crash
    /// or a worker that could not run depend on the limits and the machine. A file too large
    /// is never hashed, so never cached.
    pub fn may_be_cached(&self) -> bool {
        match self {
            ReadFailure::Io { .. }
            | ReadFailure::Panicked { .. }
            | ReadFailure::Corrupt { .. }
            | ReadFailure::PasswordProtected
            | ReadFailure::StackOverflow => true,
            ReadFailure::TooLarge { .. }
            | ReadFailure::Timeout { .. }
            | ReadFailure::OutOfMemory { .. }
            | ReadFailure::Crashed { .. }
            | ReadFailure::WorkerNotStarted { .. }
            | ReadFailure::WorkerLost { .. } => false,
        }
    }
}

/// The report's words for a failure: the French text above, or its English.
impl ReadFailure {
    pub fn said(&self, lang: Lang) -> String {
        if lang == Lang::Fr {
            return self.to_string();
        }
        let mb = |b: u64| b / (1024 * 1024);
        match self {
            ReadFailure::Io { detail } => format!("cannot be read: {detail}"),
            ReadFailure::TooLarge { bytes } => format!(
                "file too large to be read ({} MB, limit {} MB): to check by hand",
                mb(*bytes),
                mb(MAX_DOCUMENT_BYTES)
            ),
            ReadFailure::Timeout { seconds } => format!(
                "reading stopped after {seconds} s (endless structure or document too heavy; \
                 limit set by --doc-timeout)"
            ),
            ReadFailure::OutOfMemory { limit_mb } => format!(
                "reading abandoned: the document asks for more than {limit_mb} MB of memory \
                 (decompression bomb or abnormal document; limit set by --doc-memory)"
            ),
            ReadFailure::StackOverflow => "reading abandoned: endless recursive structure (an \
                 object of the document contains itself)"
                .to_string(),
            ReadFailure::Crashed { how } => {
                let how = match how {
                    Stop::Unknown => "unknown cause".to_string(),
                    other => other.to_string(),
                };
                format!("the document reader stopped ({how}): document probably corrupt")
            }
            ReadFailure::Panicked { message } => {
                format!("the document reader failed on this file ({message})")
            }
            ReadFailure::Corrupt { detail } => detail.en.clone(),
            ReadFailure::PasswordProtected => "password-protected document".to_string(),
            ReadFailure::WorkerNotStarted { detail } => {
                format!("the document reader could not be started: {detail}")
            }
            ReadFailure::WorkerLost { detail } => format!("document reader lost: {detail}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_text_is_today_s() {
        let cases = [
            (
                ReadFailure::Io {
                    detail: "No such file".into(),
                },
                "lecture impossible : No such file",
            ),
            (
                ReadFailure::TooLarge {
                    bytes: 2048 * 1024 * 1024,
                },
                "fichier trop volumineux pour être lu (2048 Mo, limite 1024 Mo) : à vérifier à la main",
            ),
            (
                ReadFailure::Timeout { seconds: 30 },
                "lecture interrompue après 30 s (structure sans fin ou document trop lourd ; \
                 limite réglable par --doc-timeout)",
            ),
            (
                ReadFailure::OutOfMemory { limit_mb: 1024 },
                "lecture abandonnée : le document demande plus de 1024 Mo de mémoire (bombe de \
                 décompression ou document anormal ; limite réglable par --doc-memory)",
            ),
            (
                ReadFailure::StackOverflow,
                "lecture abandonnée : structure récursive sans fin (un objet du document se \
                 contient lui-même)",
            ),
            (
                ReadFailure::Crashed {
                    how: Stop::Signal(11),
                },
                "le lecteur de documents s'est arrêté (signal 11) : document probablement corrompu",
            ),
            (
                ReadFailure::Crashed { how: Stop::Code(3) },
                "le lecteur de documents s'est arrêté (code 3) : document probablement corrompu",
            ),
            (
                ReadFailure::Crashed { how: Stop::Unknown },
                "le lecteur de documents s'est arrêté (cause inconnue) : document probablement corrompu",
            ),
            (
                ReadFailure::Panicked {
                    message: "index out of bounds".into(),
                },
                "le lecteur de documents a échoué sur ce fichier (index out of bounds)",
            ),
            (
                ReadFailure::corrupt(Said::same("PDF corrompu : page sans contenu")),
                "PDF corrompu : page sans contenu",
            ),
            (
                ReadFailure::PasswordProtected,
                "document protégé par mot de passe",
            ),
            (
                ReadFailure::WorkerNotStarted {
                    detail: "denied".into(),
                },
                "lecteur de documents impossible à lancer : denied",
            ),
            (
                ReadFailure::WorkerLost {
                    detail: "gone".into(),
                },
                "lecteur de documents perdu : gone",
            ),
        ];
        for (failure, text) in cases {
            assert_eq!(failure.to_string(), text);
        }
    }

    #[test]
    fn only_lasting_failures_may_be_cached() {
        assert!(ReadFailure::corrupt(Said::same("XML invalide")).may_be_cached());
        assert!(ReadFailure::StackOverflow.may_be_cached());
        assert!(
            ReadFailure::Panicked {
                message: "x".into()
            }
            .may_be_cached()
        );
        assert!(!ReadFailure::Timeout { seconds: 1 }.may_be_cached());
        assert!(!ReadFailure::OutOfMemory { limit_mb: 64 }.may_be_cached());
        assert!(
            !ReadFailure::Crashed {
                how: Stop::Signal(9)
            }
            .may_be_cached()
        );
        assert!(!ReadFailure::TooLarge { bytes: 1 }.may_be_cached());
        assert!(!ReadFailure::WorkerNotStarted { detail: "x".into() }.may_be_cached());
    }

    #[test]
    fn survives_the_worker_s_json() {
        let failure = ReadFailure::Crashed { how: Stop::Code(3) };
        let json = serde_json::to_string(&failure).unwrap();
        assert_eq!(serde_json::from_str::<ReadFailure>(&json).unwrap(), failure);
    }
}
