//! The pre-submission checklist of a pack and phase: judged by a check when a bid is given,
//! every line « à vérifier » otherwise.

use std::path::Path;

use crate::checklist;
use crate::documents::pool::Progress;
use crate::engine;
use crate::report::{BidInfo, Report, ReportKind};

use super::RunError;
use super::check::{Setup, check_target};
use super::request::{ChecklistRequest, Inputs};

/// The checklist report of `req`; `progress` is told how the reading of the documents goes.
pub fn checklist(req: &ChecklistRequest, progress: &dyn Progress) -> Result<Report, RunError> {
    let Some(dir) = &req.target else {
        return blank(&req.inputs);
    };
    let (run, setup) = check_target(dir, &req.inputs, &req.documents, progress)?;
    let mut report = run.report;
    checklist::order(report.results_mut(), &setup.asked);
    report.kind = ReportKind::Checklist;
    Ok(report)
}

/// The checklist of a pack without a folder: from the packs asked for (or the consultation of
/// the manifest found from the current directory).
fn blank(inputs: &Inputs) -> Result<Report, RunError> {
    let s = Setup::load(Path::new("."), inputs)?;
    let mut results = checklist::blank(&s.packs, s.phase);
    checklist::order(&mut results, &s.asked);
    let deadline_passed = s
        .deadline
        .as_ref()
        .is_some_and(|d| d.is_past(chrono::Local::now().fixed_offset()));
    Ok(Report::new(
        ReportKind::Checklist,
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
