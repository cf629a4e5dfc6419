//! `bidlint checklist [DIR]`: every requirement of the pack(s) for the phase, with scope and
//! source; statuses from a check when DIR is given, « à vérifier » otherwise.

use std::path::Path;
use std::process::ExitCode;

use bidlint::checklist;
use bidlint::engine;
use bidlint::report::{self, BidInfo, Report};

use super::ChecklistArgs;
use super::check;
use super::output;
use super::target::Target;

pub fn run(args: &ChecklistArgs) -> Result<ExitCode, miette::Report> {
    let dirs: Vec<&Path> = args.dir.iter().map(|d| d.as_path()).collect();
    output::check_destination(&args.report, &dirs)?;
    let report = match &args.dir {
        Some(dir) => {
            let target = Target::resolve(dir)?;
            target.require_manifest(&args.inputs)?;
            let s = check::setup(target.dir(), &args.inputs)?;
            let (mut r, _) = check::evaluate(
                target.dir(),
                &s,
                &args.documents,
                !args.quiet,
                target.anomalies(),
            )?;
            target.finish(&mut r);
            checklist::order(r.results_mut(), &s.asked);
            r.kind = report::ReportKind::Checklist;
            r
        }
        None => blank(args)?,
    };
    output::deliver(&report, &args.report)
}

/// The checklist of a pack without a folder: from `--pack` (or the manifest's consultation).
fn blank(args: &ChecklistArgs) -> Result<Report, miette::Report> {
    let s = check::setup(Path::new("."), &args.inputs)?;
    let mut results = checklist::blank(&s.packs, s.phase);
    checklist::order(&mut results, &s.asked);
    let deadline_passed = s
        .deadline
        .as_ref()
        .is_some_and(|d| d.is_past(chrono::Local::now().fixed_offset()));
    Ok(Report::new(
        report::ReportKind::Checklist,
        engine::pack_refs(&s.packs),
        BidInfo {
            root: "(aucun dossier)".to_string(),
            manifest: None,
            phase: s.phase.map(|p| p.as_str().to_string()),
            deadline: s.deadline.map(|d| d.raw),
            deadline_passed,
            files: 0,
            bytes: 0,
        },
        results,
        Vec::new(),
    ))
}
