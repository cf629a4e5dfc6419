//! `bidlint check DIR`: the library's check of the folder (or zip), rendered; `--verbose`
//! says what was read and how long it took.

use std::process::ExitCode;
use std::time::Instant;

use bidlint::run::{self, CheckRequest};

use super::CheckArgs;
use super::output;
use super::progress::Bar;

pub fn run(args: &CheckArgs) -> Result<ExitCode, miette::Report> {
    let started = Instant::now();
    output::check_destination(&args.report, &[&args.dir])?;
    let request = CheckRequest {
        target: args.dir.clone(),
        inputs: args.inputs.inputs(args.report.lang.lang()),
        documents: args.documents.options(),
    };
    let run = run::check_folder(&request, &Bar::new(!args.quiet))?;
    let code = output::deliver(&run.report, &args.report)?;
    if args.verbose {
        let docs = run.reading;
        eprintln!(
            "bidlint : {} fichiers, {} documents lus ({} depuis le cache), {} règles, {} ms",
            run.report.bid.files,
            docs.read + docs.cached,
            docs.cached,
            run.report.results.len(),
            started.elapsed().as_millis()
        );
    }
    Ok(code)
}
