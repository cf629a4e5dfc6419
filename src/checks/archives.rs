//! `archives`: zip archives open, are not encrypted, hold no nested archive, and store
//! non-ASCII entry names as UTF-8 (otherwise « Mémoire technique » arrives garbled).

use crate::checks::{Context, Outcome};
use crate::inventory::FileKind;
use crate::pack::model::Archives;

pub type Compiled = Archives;

pub fn evaluate(c: &Compiled, ctx: &Context) -> Outcome {
    let mut findings = Vec::new();
    for f in ctx
        .inventory
        .files
        .iter()
        // A damaged `.docx` lists as a bare zip: it is PLACE-LISIBLE's finding, not an archive's.
        .filter(|f| {
            f.kind == FileKind::Zip
                && !f
                    .ext
                    .as_deref()
                    .is_some_and(crate::documents::is_office_extension)
        })
    {
        let Some(a) = &f.archive else { continue };
        if let Some(e) = &a.error {
            findings.push(ctx.file_finding(f, e.clone()));
        }
        if a.truncated {
            findings.push(ctx.file_finding(
                f,
                format!(
                    "{} entrées : seules les {} premières ont été vérifiées",
                    a.entries,
                    crate::inventory::archive::MAX_ENTRIES
                ),
            ));
        }
        if c.forbid_encrypted {
            for e in &a.encrypted {
                findings.push(ctx.file_finding(
                    f,
                    format!("entrée chiffrée (protégée par mot de passe) : {e}"),
                ));
            }
        }
        if c.forbid_nested {
            for e in &a.nested {
                findings.push(ctx.file_finding(f, format!("archive imbriquée : {e}")));
            }
        }
        if c.require_utf8_names {
            for e in &a.non_utf8_names {
                findings.push(
                    ctx.file_finding(f, format!("nom d'entrée non enregistré en UTF-8, ses accents seront perdus : {e}"))
                        .suggest("recréer l'archive avec un outil qui enregistre les noms en UTF-8 (7-Zip, zip de macOS/Linux récents)"),
                );
            }
        }
    }
    Outcome::from_findings(findings)
}
