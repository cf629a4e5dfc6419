//! `archives`: zip archives open, are not encrypted, hold no nested archive, and store
//! non-ASCII entry names as UTF-8 (otherwise « Mémoire technique » arrives garbled).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::CompileError;
use super::kind::{BidCheck, CheckKind};
use super::params::yes;
use crate::checks::{Context, Outcome};
use crate::inventory::FileKind;
use crate::say;

/// Archives open, are not encrypted, hold no nested archive, and store non-ASCII names as UTF-8.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Archives {
    #[serde(default = "yes")]
    pub forbid_encrypted: bool,
    #[serde(default = "yes")]
    pub forbid_nested: bool,
    #[serde(default = "yes")]
    pub require_utf8_names: bool,
}

impl CheckKind for Archives {
    type Compiled = Archives;

    fn compile(&self, _: &mut Vec<CompileError>) -> Archives {
        self.clone()
    }

    fn describe(&self) -> Vec<String> {
        let mut out = vec!["Chaque archive ZIP s'ouvre.".to_string()];
        if self.forbid_encrypted {
            out.push("Aucune archive chiffrée (protégée par mot de passe).".to_string());
        }
        if self.forbid_nested {
            out.push(
                    "Aucune archive dans une archive (un document Word, Excel ou OpenDocument n'en est pas une)."
                        .to_string(),
                );
        }
        if self.require_utf8_names {
            out.push("Les noms accentués des fichiers de l'archive sont enregistrés en UTF-8, pour que l'acheteur les lise intacts.".to_string());
        }
        out
    }
}

impl BidCheck for Archives {
    fn evaluate(&self, ctx: &Context, _: &str) -> Outcome {
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
                findings.push(ctx.file_finding(f, e.get(ctx.lang)));
            }
            if a.truncated {
                findings.push(ctx.file_finding(f, {
                    let (n, max) = (a.entries, crate::inventory::archive::MAX_ENTRIES);
                    say!(
                        ctx.lang,
                        "{n} entrées : seules les {max} premières ont été vérifiées",
                        "{n} entries: only the first {max} were checked"
                    )
                }));
            }
            if self.forbid_encrypted {
                for e in &a.encrypted {
                    findings.push(ctx.file_finding(
                        f,
                        say!(
                            ctx.lang,
                            "entrée chiffrée (protégée par mot de passe) : {e}",
                            "encrypted entry (password-protected): {e}"
                        ),
                    ));
                }
            }
            if self.forbid_nested {
                for e in &a.nested {
                    findings.push(ctx.file_finding(
                        f,
                        say!(ctx.lang, "archive imbriquée : {e}", "nested archive: {e}"),
                    ));
                }
            }
            if self.require_utf8_names {
                for e in &a.non_utf8_names {
                    findings.push(
                        ctx.file_finding(
                            f,
                            say!(
                                ctx.lang,
                                "nom d'entrée non enregistré en UTF-8, ses accents seront perdus : {e}",
                                "entry name not stored in UTF-8, its accents will be lost: {e}"
                            ),
                        )
                        .suggest(ctx.lang.t(
                            "recréer l'archive avec un outil qui enregistre les noms en UTF-8 (7-Zip, zip de macOS/Linux récents)",
                            "recreate the archive with a tool that stores names in UTF-8 (7-Zip, recent macOS/Linux zip)",
                        )),
                    );
                }
            }
        }
        Outcome::from_findings(findings)
    }
}
