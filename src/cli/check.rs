//! `bidlint check DIR`: walk → manifest → packs → engine → report → renderer → exit code.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use miette::{IntoDiagnostic, miette};

use bidlint::dates::DateSpec;
use bidlint::documents::cache::Cache;
use bidlint::documents::pool::{self, Documents, ReadOptions};
use bidlint::documents::worker::{Limits, Worker};
use bidlint::engine::{self, Run};
use bidlint::inventory::{self, Anomaly};
use bidlint::manifest::{self, LoadedManifest, ManifestError, Phase};
use bidlint::pack::{self, PackSet};
use bidlint::report::Report;

use super::output;
use super::target::Target;
use super::{CheckArgs, DocumentArgs, InputArgs};

pub fn run(args: &CheckArgs) -> Result<ExitCode, miette::Report> {
    let started = Instant::now();
    output::check_destination(&args.report, &[&args.dir])?;
    // DIR or ZIP: a zip is laid out in a private temporary folder, removed with `target`.
    let target = Target::resolve(&args.dir)?;
    target.require_manifest(&args.inputs)?;
    let (mut report, docs) = evaluate(
        target.dir(),
        &setup(target.dir(), &args.inputs)?,
        &args.documents,
        !args.quiet,
        target.anomalies(),
    )?;
    target.finish(&mut report);
    let code = output::deliver(&report, &args.report)?;
    if args.verbose {
        eprintln!(
            "bidlint : {} fichiers, {} documents lus ({} depuis le cache), {} règles, {} ms",
            report.bid.files,
            docs.read + docs.cached,
            docs.cached,
            report.results.len(),
            started.elapsed().as_millis()
        );
    }
    Ok(code)
}

/// The manifest, the packs, the phase and the deadline a run is made with.
pub struct Setup {
    pub manifest_path: PathBuf,
    pub manifest: LoadedManifest,
    pub packs: PackSet,
    /// The packs asked for (command line or manifest), before inheritance.
    pub asked: Vec<String>,
    pub phase: Option<Phase>,
    pub deadline: Option<DateSpec>,
}

/// Load what `inputs` name; `dir` locates the default manifest.
pub fn setup(dir: &Path, inputs: &InputArgs) -> Result<Setup, miette::Report> {
    if !dir.is_dir() {
        return Err(miette!(
            help = "indiquez le dossier de réponse : bidlint check ./reponse",
            "dossier introuvable : {}",
            dir.display()
        ));
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
    let phase: Option<Phase> = inputs.phase.map(Into::into).or(manifest.manifest.phase);
    let deadline = match &inputs.deadline {
        Some(d) => Some(DateSpec::parse(d).map_err(|e| miette!("--deadline : {e}"))?),
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
    })
}

/// Check `dir` with what `s` loaded: the whole pipeline up to the report (and what was read
/// inside the documents, for `--verbose`). `entries` are the deposit zip's entries that could
/// not be laid out in `dir`, reported with the walk's own.
pub fn evaluate(
    dir: &Path,
    s: &Setup,
    doc_args: &DocumentArgs,
    progress: bool,
    entries: &[Anomaly],
) -> Result<(Report, Documents), miette::Report> {
    // The rules are judged on a thread pool as large as `--jobs`, whether or not documents are
    // read: `--jobs 1` is a fully sequential run. Only the first call sizes the pool; a later
    // one (another folder of the same process) fails harmlessly.
    let _ = rayon::ThreadPoolBuilder::new()
        .num_threads(doc_args.jobs())
        .build_global();
    let exclude: Vec<String> = manifest_inside(dir, &s.manifest_path).into_iter().collect();
    let mut inv = inventory::scan_with(dir, &exclude, entries.to_vec());
    inventory::members::attribute(&mut inv.files, &s.manifest.manifest);
    let needed = engine::rules_for_phase(&s.packs, s.phase).any(|r| r.check.needs_documents());
    let docs = if needed {
        pool::read_all(&inv, &read_options(dir, doc_args, progress)?)
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
    })?;
    Ok((report, docs))
}

fn read_options(
    dir: &Path,
    a: &DocumentArgs,
    progress: bool,
) -> Result<ReadOptions, miette::Report> {
    let limits = Limits {
        timeout: Duration::from_secs(a.doc_timeout),
        memory: a.doc_memory.saturating_mul(1024 * 1024),
    };
    let worker = Worker::current(limits)
        .map_err(|e| miette!("lecteur de documents introuvable (exécutable de bidlint) : {e}"))?;
    Ok(ReadOptions {
        worker,
        jobs: a.jobs(),
        cache: if a.no_cache { None } else { Cache::open(dir) },
        progress,
    })
}

/// The manifest, or — when it is missing but packs are named — an empty one, so that a
/// folder can be checked before its manifest is written (rules needing facts then skip).
fn load_manifest(path: &Path, packs: &[String]) -> Result<LoadedManifest, miette::Report> {
    match manifest::load(path) {
        Ok(m) => Ok(m),
        Err(ManifestError::Missing(_)) if !packs.is_empty() => {
            let text = format!("consultation: {}\n", packs[0]);
            manifest::parse("(aucun manifeste)", &text, path).into_diagnostic()
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
