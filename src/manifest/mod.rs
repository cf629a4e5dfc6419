//! Loading and validating `bid.yaml`.

pub mod consistency;
pub mod model;

use std::path::{Path, PathBuf};

pub use model::*;

use crate::dates::DateSpec;
use crate::diagnostics::{YamlProblem, YamlProblems, YamlSource};
use crate::territory;
use crate::yaml_spans::YamlPath;

/// A manifest read and checked, with its source kept for later diagnostics (waivers).
#[derive(Debug, Clone)]
pub struct LoadedManifest {
    pub manifest: Manifest,
    pub path: PathBuf,
    pub source: YamlSource,
    pub deadline: Option<DateSpec>,
}

/// Why a manifest could not be used.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum ManifestError {
    #[error("manifeste introuvable : {0}")]
    #[diagnostic(help(
        "créez-le avec `bidlint init DOSSIER --pack <pack>`, ou indiquez-le avec --manifest"
    ))]
    Missing(String),
    #[error("impossible de lire le manifeste {path} : {cause}")]
    Unreadable { path: String, cause: String },
    #[error(transparent)]
    #[diagnostic(transparent)]
    Invalid(#[from] YamlProblems),
}

/// The largest manifest we read: a real one is a few kilobytes; anything bigger is a mistake
/// or an attack, and parsing it would only waste memory.
pub const MAX_MANIFEST_BYTES: u64 = 1024 * 1024;

pub fn load(path: &Path) -> Result<LoadedManifest, ManifestError> {
    let shown = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => ManifestError::Missing(shown.clone()),
        _ => ManifestError::Unreadable {
            path: shown.clone(),
            cause: io_cause_fr(&e),
        },
    })?;
    if meta.len() > MAX_MANIFEST_BYTES {
        return Err(ManifestError::Unreadable {
            path: shown,
            cause: format!(
                "{} octets, au-delà de la limite de {} octets pour un manifeste",
                meta.len(),
                MAX_MANIFEST_BYTES
            ),
        });
    }
    let text = std::fs::read_to_string(path).map_err(|e| ManifestError::Unreadable {
        path: shown.clone(),
        cause: io_cause_fr(&e),
    })?;
    parse(&shown, &text, path)
}

/// Why a file could not be read, in French, with the fix where there is one. A manifest saved
/// by Notepad or Excel in Latin-1 / Windows-1252 is not UTF-8: say how to save it again.
pub fn io_cause_fr(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::InvalidData => "le fichier n'est pas en UTF-8 (enregistré en Latin-1 / Windows-1252 ?) : \
             ouvrez-le dans le Bloc-notes, « Enregistrer sous », Encodage : UTF-8 (ou, dans VS Code, \
             « Enregistrer avec l'encodage » puis UTF-8)"
            .to_string(),
        ErrorKind::NotFound => "fichier introuvable".to_string(),
        ErrorKind::PermissionDenied => "lecture refusée (droits du fichier)".to_string(),
        ErrorKind::IsADirectory => "c'est un dossier, pas un fichier".to_string(),
        _ => format!("erreur du système : {e}"),
    }
}

/// Parse and validate manifest text; `path` is where it was read from.
pub fn parse(name: &str, text: &str, path: &Path) -> Result<LoadedManifest, ManifestError> {
    let source = YamlSource::new(name, text);
    let manifest: Manifest = serde_yaml::from_str(text).map_err(|e| {
        YamlProblems::new(
            &format!("manifeste {name} invalide"),
            vec![source.from_serde(&e)],
        )
    })?;
    let (deadline, problems) = validate(&manifest, &source);
    if !problems.is_empty() {
        return Err(YamlProblems::new(&format!("manifeste {name} invalide"), problems).into());
    }
    Ok(LoadedManifest {
        manifest,
        path: path.to_path_buf(),
        source,
        deadline,
    })
}

/// Checks serde cannot make: dates, country codes, SIRET, unique member tokens, safe folders.
fn validate(m: &Manifest, src: &YamlSource) -> (Option<DateSpec>, Vec<YamlProblem>) {
    let mut problems = Vec::new();
    let deadline = m
        .deadline
        .as_deref()
        .and_then(|d| match DateSpec::parse(d) {
            Ok(d) => Some(d),
            Err(e) => {
                problems.push(src.at_value("deadline", e));
                None
            }
        });
    if m.consultation.trim().is_empty() {
        problems.push(src.at_value("consultation", "`consultation` est vide"));
    }
    validate_members(m, src, &mut problems);
    if let Some(h) = &m.hosting {
        validate_hosting(h, src, &mut problems);
    }
    validate_waivers(m, src, &mut problems);
    problems.extend(consistency::problems(m, src));
    validate_pieces(m, src, &mut problems);
    (deadline, problems)
}

/// Member tokens unique and usable in file names, folders inside the bid, certification
/// dates and HDS activities.
fn validate_members(m: &Manifest, src: &YamlSource, problems: &mut Vec<YamlProblem>) {
    let mut shorts: Vec<String> = Vec::new();
    for (i, member) in m.members.iter().flatten().enumerate() {
        let at = YamlPath::from("members").index(i);
        if let Some(short) = &member.short {
            let key = short.trim().to_lowercase();
            if key.is_empty() || key.contains(['/', '\\']) {
                problems.push(src.at_value(
                    &at.key("short"),
                    "`short` doit être un mot du nom de fichier, sans / ni \\",
                ));
            } else if shorts.contains(&key) {
                problems.push(src.at_value(
                    &at.key("short"),
                    format!("`short` « {short} » déjà utilisé par un autre membre"),
                ));
            }
            shorts.push(key);
        }
        if let Some(folder) = &member.folder
            && !is_safe_relative(folder)
        {
            problems.push(src.at_value(
                &at.key("folder"),
                format!(
                    "dossier « {folder} » : chemin relatif au dossier de réponse attendu, sans .."
                ),
            ));
        }
        for (j, cert) in member.certifications.iter().flatten().enumerate() {
            if let Some(v) = &cert.valid_until
                && let Err(e) = DateSpec::parse(v)
            {
                problems
                    .push(src.at_value(&at.key("certifications").index(j).key("valid_until"), e));
            }
            for (k, a) in cert.activities.iter().flatten().enumerate() {
                if cert.scheme.eq_ignore_ascii_case("HDS") && !(1..=6).contains(a) {
                    problems.push(src.at_value(
                        &at.key("certifications").index(j).key("activities").index(k),
                        format!("activité HDS {a} : les activités HDS vont de 1 à 6"),
                    ));
                }
            }
        }
    }
}

/// Country codes of datacenters, administration and transfers.
fn validate_hosting(h: &Hosting, src: &YamlSource, problems: &mut Vec<YamlProblem>) {
    for (i, dc) in h.datacenters.iter().flatten().enumerate() {
        if !territory::is_country_code(&dc.country) {
            problems.push(
                src.at_value(
                    &YamlPath::from("hosting")
                        .key("datacenters")
                        .index(i)
                        .key("country"),
                    format!(
                        "pays « {} » : code ISO 3166-1 à deux lettres attendu (FR, DE, GP…)",
                        dc.country
                    ),
                ),
            );
        }
    }
    for (i, c) in h.administration.iter().flatten().enumerate() {
        if !territory::is_country_code(c) {
            problems.push(src.at_value(
                &YamlPath::from("hosting").key("administration").index(i),
                format!("pays « {c} » : code ISO 3166-1 à deux lettres attendu (FR, DE…)"),
            ));
        }
    }
    for (i, t) in h.transfers.iter().flatten().enumerate() {
        if !territory::is_country_code(&t.country) {
            problems.push(
                src.at_value(
                    &YamlPath::from("hosting")
                        .key("transfers")
                        .index(i)
                        .key("country"),
                    format!(
                        "pays « {} » : code ISO 3166-1 à deux lettres attendu (FR, DE…)",
                        t.country
                    ),
                ),
            );
        }
    }
}

/// Every waiver gives its reason, and a readable expiry.
fn validate_waivers(m: &Manifest, src: &YamlSource, problems: &mut Vec<YamlProblem>) {
    for (i, w) in m.waivers.iter().enumerate() {
        if w.reason.trim().is_empty() {
            problems.push(src.at_value(
                &YamlPath::from("waivers").index(i).key("reason"),
                "une dérogation doit donner sa raison",
            ));
        }
        if let Some(e) = &w.expires
            && let Err(msg) = DateSpec::parse(e)
        {
            problems.push(src.at_value(&YamlPath::from("waivers").index(i).key("expires"), msg));
        }
    }
}

/// Files mapped in `pieces:` stay inside the bid folder.
fn validate_pieces(m: &Manifest, src: &YamlSource, problems: &mut Vec<YamlProblem>) {
    for (rule, files) in &m.pieces {
        for f in files.paths() {
            if !is_safe_relative(f) {
                problems.push(src.at_value(
                    &YamlPath::from("pieces").key(rule),
                    format!("« {f} » : chemin relatif au dossier de réponse attendu, sans .."),
                ));
            }
        }
    }
}

/// A relative path that stays inside the bid folder.
pub fn is_safe_relative(p: &str) -> bool {
    let p = p.trim();
    !p.is_empty()
        && !p.starts_with('/')
        && !p.starts_with('\\')
        && !p.contains(':')
        && p.split(['/', '\\']).all(|c| c != "..")
}

/// Normalise a relative folder or file path written by a user: `./alpha/` -> `alpha`.
pub fn normalize_rel(p: &str) -> String {
    p.trim()
        .replace('\\', "/")
        .split('/')
        .filter(|c| !c.is_empty() && *c != ".")
        .collect::<Vec<_>>()
        .join("/")
}
