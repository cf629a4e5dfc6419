//! `bidlint portfolio DIR...`: the cross-bid rules over several bids, per consultation.

use std::path::Path;
use std::process::ExitCode;

use bidlint::run::{self, PortfolioRequest};

use super::PortfolioArgs;
use super::output;

pub fn run(args: &PortfolioArgs) -> Result<ExitCode, miette::Report> {
    let dirs: Vec<&Path> = args.dirs.iter().map(|d| d.as_path()).collect();
    output::check_destination(&args.report, &dirs)?;
    let report = run::portfolio(&PortfolioRequest {
        bids: args.dirs.clone(),
        packs: args.packs.clone(),
        lang: args.report.lang.lang(),
    })?;
    output::deliver(&report, &args.report)
}
