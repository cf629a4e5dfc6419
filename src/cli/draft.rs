//! `bidlint draft-pack RC [--id PACK-ID] [-o FILE]`: draft a rule pack from a règlement de la
//! consultation, for a human to review; never overwrites a file.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use miette::miette;

use bidlint::documents::worker::{Limits, Worker};
use bidlint::draft::{self, Options};

pub fn run(rc: &Path, id: Option<&str>, output: Option<&Path>) -> Result<ExitCode, miette::Report> {
    if !rc.is_file() {
        return Err(miette!("règlement introuvable : {}", rc.display()));
    }
    let worker = Worker::current(Limits::default())
        .map_err(|e| miette!("lecteur de documents introuvable : {e}"))?;
    let text = bidlint::documents::source::text(rc, &worker).map_err(|e| {
        miette!(
            help = "donnez le règlement en PDF, DOCX, ODT ou texte (txt, md)",
            "{} illisible : {e}",
            rc.display()
        )
    })?;
    let file_name = rc
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| rc.display().to_string());
    let stem = bidlint::text::stem(&file_name).to_string();
    let pack_id = match id {
        Some(i) => i.to_string(),
        None => format!("draft-{}", slug(&stem)),
    };
    let opts = Options {
        id: pack_id,
        fallback_title: file_name,
    };
    let drafted = draft::draft(&text, &opts)
        .map_err(|e| miette!(help = e.help(), "{} : {e}", rc.display()))?;
    match output {
        Some(path) => {
            let mut file = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(path)
                .map_err(|e| match e.kind() {
                    std::io::ErrorKind::AlreadyExists => miette!(
                        help = "bidlint n'écrase jamais un fichier : choisissez un autre nom ou renommez l'ancien",
                        "{} existe déjà",
                        path.display()
                    ),
                    _ => miette!("impossible de créer {} : {e}", path.display()),
                })?;
            file.write_all(drafted.yaml.as_bytes())
                .map_err(|e| miette!("écriture de {} impossible : {e}", path.display()))?;
        }
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(drafted.yaml.as_bytes())
                .map_err(|e| miette!("écriture impossible : {e}"))?;
        }
    }
    eprintln!(
        "{} : {} règles rédigées, dont {} à vérifier (« # à vérifier »)",
        rc.display(),
        drafted.rules,
        drafted.doubts
    );
    for line in &drafted.summary {
        eprintln!("  • {line}");
    }
    let target = output.map_or("BROUILLON.yaml".to_string(), |p| p.display().to_string());
    eprintln!(
        "Ensuite : relire les « # à vérifier », puis bidlint validate-pack {target} --sources rc={}",
        rc.display()
    );
    Ok(ExitCode::SUCCESS)
}

fn slug(s: &str) -> String {
    let folded = bidlint::text::fold(s);
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "rc".to_string()
    } else {
        out
    }
}
