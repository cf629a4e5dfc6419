//! `bidlint checklist [DIR]`: every requirement of the pack(s) for the phase, with scope and
//! source; statuses from a check when DIR is given, « à vérifier » otherwise.

use std::path::Path;
use std::process::ExitCode;

use bidlint::run::{self, ChecklistRequest};

use super::ChecklistArgs;
use super::output;
use super::progress::Bar;

pub fn run(args: &ChecklistArgs) -> Result<ExitCode, miette::Report> {
    let dirs: Vec<&Path> = args.dir.iter().map(|d| d.as_path()).collect();
    output::check_destination(&args.report, &dirs)?;
    let request = ChecklistRequest {
        target: args.dir.clone(),
        inputs: args.inputs.inputs(args.report.lang.lang()),
        documents: args.documents.options(),
    };
    let report = run::checklist(&request, &Bar::new(!args.quiet))?;
    output::deliver(&report, &args.report)
}
