//! Check one bid: walk → manifest → packs → documents → engine → report.

use std::path::{Path, PathBuf};

use crate::dates::DateSpec;
use crate::documents::cache::Cache;
use crate::documents::pool::{self, Documents, Progress, ReadOptions};
use crate::documents::worker::Worker;
use crate::engine::{self, Run};
use crate::inventory::{self, Anomaly};
use crate::manifest::{self, LoadedManifest, ManifestError, Phase};
use crate::pack::{self, PackSet};
use crate::report::Report;
use crate::vocabulary::Lang;

use super::RunError;
use super::request::{CheckRequest, DocumentOptions, Inputs};
use super::target::Target;

/// A check's report, and what reading the documents took.
#[derive(Debug)]
pub struct CheckRun {
    pub report: Report,
    pub reading: Reading,
}

/// How many documents were read by workers, and how many came from the cache.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reading {
    pub read: usize,
    pub cached: usize,
}

/// Check the folder or deposit zip `req.target`: the report as `bidlint check` renders it.
/// `progress` is told how the reading of the documents goes.
pub fn check_folder(req: &CheckRequest, progress: &dyn Progress) -> Result<CheckRun, RunError> {
    check_target(&req.target, &req.inputs, &req.documents, progress).map(|(run, _)| run)
}

/// Check a folder or deposit zip; also what the run was made with.
pub(super) fn check_target(
    path: &Path,
    inputs: &Inputs,
    documents: &DocumentOptions,
    progress: &dyn Progress,
) -> Result<(CheckRun, Setup), RunError> {
    // DIR or ZIP: a zip is laid out in a private temporary folder, removed with `target`.
    let target = Target::resolve(path)?;
    target.require_manifest(inputs)?;
    let setup = Setup::load(target.dir(), inputs)?;
    let mut run = evaluate(
        target.dir(),
        &setup,
        documents,
        progress,
        target.anomalies(),
    )?;
    target.finish(&mut run.report, setup.lang);
    Ok((run, setup))
}

/// The manifest, the packs, the phase and the deadline a run is made with.
pub(super) struct Setup {
    pub manifest_path: PathBuf,
    pub manifest: LoadedManifest,
    pub packs: PackSet,
    /// The packs asked for (command line or manifest), before inheritance.
    pub asked: Vec<String>,
    pub phase: Option<Phase>,
    pub deadline: Option<DateSpec>,
    pub lang: Lang,
}

impl Setup {
    /// Load what `inputs` name; `dir` locates the default manifest.
    pub fn load(dir: &Path, inputs: &Inputs) -> Result<Setup, RunError> {
        if !dir.is_dir() {
            return Err(RunError::FolderMissing {
                dir: dir.to_path_buf(),
                help: Some("indiquez le dossier de réponse : bidlint check ./reponse"),
            });
        }
        let manifest_path = inputs
            .manifest
            .clone()
            .unwrap_or_else(|| dir.join("bid.yaml"));
        let manifest = load_manifest(&manifest_path, &inputs.packs)?;
        let asked = if inputs.packs.is_empty() {
            vec![manifest.manifest.consultation.clone()]
        } else {
            inputs.packs.clone()
        };
        // Pack paths in the manifest are relative to the manifest; on the command line, to the
        // current directory.
        let base = if inputs.packs.is_empty() {
            manifest_path
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default()
        } else {
            PathBuf::from(".")
        };
        let packs = pack::load(&asked, &base)?;
        let phase = inputs.phase.or(manifest.manifest.phase);
        let deadline = match &inputs.deadline {
            Some(d) => Some(DateSpec::parse(d).map_err(RunError::Deadline)?),
            None => manifest
                .deadline
                .clone()
                .or_else(|| phase.and_then(|p| packs.deadline_for(p).cloned())),
        };
        Ok(Setup {
            manifest_path,
            manifest,
            packs,
            asked,
            phase,
            deadline,
            lang: inputs.lang,
        })
    }
}

/// Check `dir` with what `s` loaded: the whole pipeline up to the report. `entries` are the
/// deposit zip's entries that could not be laid out in `dir`, reported with the walk's own.
fn evaluate(
    dir: &Path,
    s: &Setup,
    options: &DocumentOptions,
    progress: &dyn Progress,
    entries: &[Anomaly],
) -> Result<CheckRun, RunError> {
    // The rules are judged on a thread pool as large as `jobs`, whether or not documents are
    // read: `jobs: 1` is a fully sequential run. Only the first call sizes the pool; a later
    // one (another folder of the same process) fails harmlessly.
    let _ = rayon::ThreadPoolBuilder::new()
        .num_threads(options.jobs)
        .build_global();
    let exclude: Vec<String> = manifest_inside(dir, &s.manifest_path).into_iter().collect();
    let mut inv = inventory::scan_with(dir, &exclude, entries.to_vec());
    inventory::members::attribute(&mut inv.files, &s.manifest.manifest);
    let needed = engine::rules_for_phase(&s.packs, s.phase).any(|r| r.check.needs_documents());
    let docs = if needed {
        pool::read_all(&inv, &read_options(dir, options)?, progress)
    } else {
        Documents::none(inv.files.len())
    };
    let report = engine::run(&Run {
        packs: &s.packs,
        manifest: &s.manifest,
        inventory: &inv,
        documents: &docs,
        phase: s.phase,
        deadline: s.deadline.as_ref(),
        root_display: dir.display().to_string(),
        manifest_display: display_manifest(dir, &s.manifest_path),
        today: chrono::Local::now().date_naive(),
        now: chrono::Local::now().fixed_offset(),
        lang: s.lang,
    })?;
    Ok(CheckRun {
        report,
        reading: Reading {
            read: docs.read,
            cached: docs.cached,
        },
    })
}

fn read_options(dir: &Path, options: &DocumentOptions) -> Result<ReadOptions, RunError> {
    let limits = options.limits();
    let worker = match &options.worker {
        Some(program) => Worker::with_program(program.clone(), limits),
        None => Worker::current(limits).map_err(RunError::WorkerNotFound)?,
    };
    Ok(ReadOptions {
        worker,
        jobs: options.jobs,
        cache: if options.cache {
            Cache::open(dir)
        } else {
            None
        },
    })
}

/// The manifest, or — when it is missing but packs are named — a stand-in naming the first
/// pack, so that a folder can be checked before its manifest is written (rules needing facts
/// then skip).
fn load_manifest(path: &Path, packs: &[String]) -> Result<LoadedManifest, RunError> {
    match manifest::load(path) {
        Ok(m) => Ok(m),
        Err(ManifestError::Missing(_)) if !packs.is_empty() => {
            let text = format!("consultation: {}\n", packs[0]);
            manifest::parse("(aucun manifeste)", &text, path).map_err(RunError::StandInManifest)
        }
        Err(e) => Err(e.into()),
    }
}

/// The manifest's path relative to the folder, when it lies inside it (then it is not a
/// deposited file).
fn manifest_inside(dir: &Path, manifest: &Path) -> Option<String> {
    let d = dir.canonicalize().ok()?;
    let m = manifest.canonicalize().ok()?;
    m.strip_prefix(&d)
        .ok()
        .map(|r| inventory::rel_of(Path::new(""), r))
}

fn display_manifest(dir: &Path, manifest: &Path) -> String {
    manifest_inside(dir, manifest).unwrap_or_else(|| manifest.display().to_string())
}
