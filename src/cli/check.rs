//! `bidlint check DIR`: walk → manifest → packs → engine → report → renderer → exit code.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use miette::{IntoDiagnostic, miette};

use bidlint::dates::DateSpec;
use bidlint::engine::{self, Run};
use bidlint::inventory;
use bidlint::manifest::{self, LoadedManifest, ManifestError, Phase};
use bidlint::pack;

use super::CheckArgs;
use super::output;

pub fn run(args: &CheckArgs) -> Result<ExitCode, miette::Report> {
    let started = Instant::now();
    let dir = &args.dir;
    if !dir.is_dir() {
        return Err(miette!(
            help = "indiquez le dossier de réponse : bidlint check ./reponse",
            "dossier introuvable : {}",
            dir.display()
        ));
    }
    output::guard(args.report.output.as_deref(), dir)?;
    output::check_destination(&args.report)?;
    let manifest_path = args
        .manifest
        .clone()
        .unwrap_or_else(|| dir.join("bid.yaml"));
    let loaded = load_manifest(&manifest_path, &args.packs)?;
    let specs = if args.packs.is_empty() {
        vec![loaded.manifest.consultation.clone()]
    } else {
        args.packs.clone()
    };
    // Pack paths in the manifest are relative to the manifest; on the command line, to the
    // current directory.
    let base = if args.packs.is_empty() {
        manifest_path
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default()
    } else {
        PathBuf::from(".")
    };
    let packs = pack::load(&specs, &base)?;
    let phase: Option<Phase> = args.phase.map(Into::into).or(loaded.manifest.phase);
    let cli_deadline = match &args.deadline {
        Some(d) => Some(DateSpec::parse(d).map_err(|e| miette!("--deadline : {e}"))?),
        None => None,
    };
    let deadline = cli_deadline
        .as_ref()
        .or(loaded.deadline.as_ref())
        .or_else(|| phase.and_then(|p| packs.deadline_for(p)));

    let exclude = manifest_inside(dir, &manifest_path)
        .into_iter()
        .collect::<Vec<_>>();
    let mut inv = inventory::scan(dir, &exclude);
    inventory::members::attribute(&mut inv.files, &loaded.manifest);
    let report = engine::run(&Run {
        packs: &packs,
        manifest: &loaded,
        inventory: &inv,
        phase,
        deadline,
        root_display: dir.display().to_string(),
        manifest_display: display_manifest(dir, &manifest_path),
        today: chrono::Local::now().date_naive(),
    })?;

    let code = output::deliver_for(&report, &args.report, &[dir.as_path()])?;
    if args.verbose {
        eprintln!(
            "bidlint : {} fichiers, {} règles, {} ms",
            inv.files.len(),
            report.results.len(),
            started.elapsed().as_millis()
        );
    }
    Ok(code)
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
