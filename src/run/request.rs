//! What a run is asked to do: plain values, whoever builds them (the command line, a test, a
//! fuzz target).

use std::path::PathBuf;
use std::time::Duration;

use crate::documents::worker::{DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_SECS, Limits};
use crate::manifest::Phase;
use crate::report::i18n::Lang;

/// What a check or a checklist is run with; every field defaults to the manifest's.
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    /// Built-in pack ids or paths to YAML packs (relative to the current directory); empty:
    /// the manifest's `consultation:` (relative to the manifest).
    pub packs: Vec<String>,
    /// The phase of the procedure; `None`: the manifest's.
    pub phase: Option<Phase>,
    /// The manifest; `None`: `bid.yaml` in the folder (or at the zip's root).
    pub manifest: Option<PathBuf>,
    /// The deadline as written (RFC 3339 date or date-time); `None`: the manifest's, else the
    /// pack's for the phase.
    pub deadline: Option<String>,
    /// The language of the report's own words (findings, reasons, notices).
    pub lang: Lang,
}

/// How documents are read.
#[derive(Debug, Clone)]
pub struct DocumentOptions {
    /// Documents read at once, each by its own worker process; also the threads judging rules.
    pub jobs: usize,
    /// Wall-clock time one document may take.
    pub timeout: Duration,
    /// Address space one document's reader may use, in bytes.
    pub memory: u64,
    /// Use and fill the cache of document facts.
    pub cache: bool,
    /// The executable started as a worker (`None`: this one). A test names the `bidlint`
    /// binary, since the test executable is not one.
    pub worker: Option<PathBuf>,
}

impl Default for DocumentOptions {
    fn default() -> Self {
        DocumentOptions {
            jobs: std::thread::available_parallelism().map_or(1, |n| n.get()),
            timeout: Duration::from_secs(DEFAULT_TIMEOUT_SECS),
            memory: DEFAULT_MEMORY_MB * 1024 * 1024,
            cache: true,
            worker: None,
        }
    }
}

impl DocumentOptions {
    pub fn limits(&self) -> Limits {
        Limits {
            timeout: self.timeout,
            memory: self.memory,
        }
    }
}

/// `bidlint check`: one bid folder, or its deposit zip.
#[derive(Debug, Clone)]
pub struct CheckRequest {
    /// The bid folder or the deposit zip (read in place, never modified).
    pub target: PathBuf,
    pub inputs: Inputs,
    pub documents: DocumentOptions,
}

/// `bidlint checklist`: a pack's requirements for the phase, judged when a bid is given.
#[derive(Debug, Clone)]
pub struct ChecklistRequest {
    /// The bid folder or its deposit zip; `None`: every line « à vérifier ».
    pub target: Option<PathBuf>,
    pub inputs: Inputs,
    pub documents: DocumentOptions,
}

/// `bidlint portfolio`: the cross-bid rules over several bids of one company.
#[derive(Debug, Clone)]
pub struct PortfolioRequest {
    /// Bid folders or deposit zips, each with its `bid.yaml`.
    pub bids: Vec<PathBuf>,
    /// Packs for every bid; empty: each bid's `consultation:`.
    pub packs: Vec<String>,
    /// The language of the words the run writes into the report's header.
    pub lang: Lang,
}
