//! `bidlint init DIR --pack P`: write a commented bid.yaml skeleton, creating DIR if needed;
//! never overwrite.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use miette::miette;

use bidlint::pack;
use bidlint::skeleton::skeleton;

pub fn run(dir: &Path, spec: &str) -> Result<ExitCode, miette::Report> {
    // The pack first: a typo in its name creates nothing.
    let packs = pack::load(&[spec.to_string()], Path::new("."))?;
    if dir.exists() && !dir.is_dir() {
        return Err(miette!(
            help = "indiquez le dossier de la réponse, où bid.yaml sera écrit",
            "{} est un fichier, pas un dossier",
            dir.display()
        ));
    }
    // A new consultation starts with a folder that does not exist yet: create it.
    std::fs::create_dir_all(dir)
        .map_err(|e| miette!("impossible de créer le dossier {} : {e}", dir.display()))?;
    let path = dir.join("bid.yaml");
    // create_new: fails if the file exists, with no window between a check and the write.
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => miette!(
                help = "bidlint n'écrase jamais un manifeste : renommez l'ancien si vous voulez repartir de zéro",
                "{} existe déjà",
                path.display()
            ),
            _ => miette!("impossible de créer {} : {e}", path.display()),
        })?;
    file.write_all(skeleton(spec, &packs).as_bytes())
        .map_err(|e| miette!("écriture de {} impossible : {e}", path.display()))?;
    eprintln!(
        "{} écrit : complétez-le, puis lancez bidlint check {}",
        path.display(),
        dir.display()
    );
    Ok(ExitCode::SUCCESS)
}
