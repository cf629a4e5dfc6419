//! Where a report goes: stdout, or a file that must not lie inside the bid folder.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use bidlint::render::{self, Format, RenderOptions};
use bidlint::report::Report;

use super::ReportArgs;
use std::path::{Path, PathBuf};

use miette::miette;

/// Before any work: where the report (and the GitHub step summary) will be written must be
/// possible and must not lie inside any of the bid folders, which bidlint never modifies; a
/// binary format (xlsx) needs `-o FILE`.
pub fn check_destination(args: &ReportArgs, bid_dirs: &[&Path]) -> Result<(), miette::Report> {
    if args.format.is_binary() && args.output.is_none() {
        return Err(miette!(
            help = "indiquez le fichier à écrire, hors du dossier de réponse : -o rapport.xlsx",
            "le format xlsx est un classeur binaire : il ne s'écrit pas sur la sortie standard"
        ));
    }
    if let Some(out) = args.output.as_deref() {
        writable(out)?;
    }
    if let Some(out) = args.output.as_deref()
        && let Some(dir) = bid_dirs.iter().find(|d| inside(out, d))
    {
        return Err(miette!(
            help = "écrivez le rapport hors du dossier de réponse, par exemple -o ../rapport.json",
            "refus d'écrire {} : ce chemin est dans le dossier de réponse {}, que bidlint ne modifie jamais",
            out.display(),
            dir.display()
        ));
    }
    if let Some(path) = step_summary(args)
        && let Some(dir) = bid_dirs.iter().find(|d| inside(&path, d))
    {
        return Err(miette!(
            help = "GITHUB_STEP_SUMMARY doit désigner un fichier hors du dossier de réponse",
            "refus d'écrire le résumé dans {} : ce chemin est dans le dossier de réponse {}",
            path.display(),
            dir.display()
        ));
    }
    Ok(())
}

/// `-o FILE` names a file that can be created: not a folder, in a folder that exists. Said
/// before the check runs, not after minutes of reading documents.
fn writable(out: &Path) -> Result<(), miette::Report> {
    if out.is_dir() {
        return Err(miette!(
            help = format!(
                "indiquez un fichier, par exemple -o {}",
                out.join("rapport.html").display()
            ),
            "-o {} : c'est un dossier, le rapport doit être un fichier",
            out.display()
        ));
    }
    let parent = out.parent().filter(|p| !p.as_os_str().is_empty());
    if let Some(parent) = parent
        && !parent.is_dir()
    {
        return Err(miette!(
            help = format!(
                "créez d'abord le dossier (mkdir -p {}) ou choisissez un autre chemin",
                parent.display()
            ),
            "-o {} : le dossier {} n'existe pas",
            out.display(),
            parent.display()
        ));
    }
    Ok(())
}

/// Does the file `out` (existing or not) lie inside the folder `dir`, or is it `dir` itself
/// (the deposit zip: a report written over it would destroy it)?
fn inside(out: &Path, dir: &Path) -> bool {
    let dir = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let parent: PathBuf = parent
        .canonicalize()
        .unwrap_or_else(|_| parent.to_path_buf());
    let same = out.file_name().is_some_and(|n| parent.join(n) == dir);
    same || parent.starts_with(&dir)
}

/// With `--format github`, the file named by `GITHUB_STEP_SUMMARY` (set by GitHub Actions),
/// where the full Markdown report is appended: GitHub shows only the first annotations.
fn step_summary(args: &ReportArgs) -> Option<PathBuf> {
    if args.format != Format::Github {
        return None;
    }
    std::env::var_os("GITHUB_STEP_SUMMARY")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
}

/// Append (never truncate: other steps write there too) the Markdown report. A failure is
/// reported on stderr but does not change the verdict: the annotations are already out.
fn append_summary(path: &Path, report: &Report, opts: &RenderOptions) {
    let text = render::markdown::render(report, opts);
    let written = std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(path)
        .and_then(|mut f| f.write_all(text.as_bytes()));
    if let Err(e) = written {
        eprintln!(
            "bidlint : résumé GitHub non écrit dans {} : {e}",
            path.display()
        );
    }
}

pub fn emit(bytes: &[u8], output: Option<&Path>) -> Result<(), miette::Report> {
    match output {
        Some(path) => std::fs::write(path, bytes)
            .map_err(|e| miette!("impossible d'écrire {} : {e}", path.display())),
        None => {
            let mut out = std::io::stdout().lock();
            // A closed pipe (`bidlint check | head`) is not an error worth a message.
            match out.write_all(bytes).and_then(|_| out.flush()) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    Err(miette!("écriture impossible : {e}"))
                }
                _ => Ok(()),
            }
        }
    }
}

/// Render the report as asked, write it, and say which exit code it means. The destination
/// was checked by [`check_destination`] before the run.
pub fn deliver(report: &Report, args: &ReportArgs) -> Result<ExitCode, miette::Report> {
    let summary = step_summary(args);
    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    let opts = RenderOptions {
        lang: args.lang.lang(),
        color: to_terminal && std::env::var_os("NO_COLOR").is_none(),
        width: if to_terminal { None } else { Some(120) },
        fail_on: args.fail_on.threshold(),
        allow_incomplete: args.allow_incomplete,
        all: args.all,
        csv_separator: args.csv_separator,
    };
    let bytes = render::render(report, args.format, &opts).map_err(|e| miette!("{e}"))?;
    emit(&bytes, args.output.as_deref())?;
    if let Some(path) = summary {
        append_summary(&path, report, &opts);
    }
    Ok(
        if report.fails_run(args.fail_on.threshold(), args.allow_incomplete) {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        },
    )
}
