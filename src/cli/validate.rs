//! `bidlint validate-pack FILE [--sources [KEY=]DOC...]`: load a pack (and what it extends),
//! report every problem; with sources, check that each quote of the pack's own rules is
//! really in its source document.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use bidlint::pack;
use bidlint::run::{self, QuoteSource};

pub fn run(file: &Path, sources: &[String]) -> Result<ExitCode, miette::Report> {
    let spec = file.display().to_string();
    let set = pack::load(&[spec], Path::new("."))?;
    let own = set.packs.last().map(|p| p.id.clone()).unwrap_or_default();
    if !sources.is_empty() {
        let sources: Vec<QuoteSource> = sources.iter().map(|a| source(a)).collect();
        let checked = run::verify_quotes(&set, &own, &sources, None)?;
        println!(
            "{} : {checked} citations retrouvées mot pour mot dans leurs sources",
            file.display()
        );
    }
    println!(
        "{} : pack « {own} » valide, {} règles (héritées comprises)",
        file.display(),
        set.rules.len()
    );
    Ok(ExitCode::SUCCESS)
}

/// `KEY=PATH` (a key has no `/`, `\` or `.`, so that `docs/a=b.txt` stays a path) or `PATH`.
fn source(arg: &str) -> QuoteSource {
    match arg.split_once('=') {
        Some((k, p)) if !k.contains(['/', '\\', '.']) => QuoteSource {
            key: Some(k.to_string()),
            path: PathBuf::from(p),
        },
        _ => QuoteSource {
            key: None,
            path: PathBuf::from(arg),
        },
    }
}
