//! `empty-entries`: no zero-byte file, no empty folder (both look like a failed upload).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::CompileError;
use super::kind::{BidCheck, CheckKind};
use super::params::yes;
use crate::checks::{Context, Outcome};
use crate::inventory::FileKind;
use crate::vocabulary::Finding;

/// No empty file (zero bytes) and no empty folder.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EmptyEntries {
    #[serde(default = "yes")]
    pub files: bool,
    #[serde(default = "yes")]
    pub folders: bool,
}

impl CheckKind for EmptyEntries {
    type Compiled = EmptyEntries;

    fn compile(&self, _: &mut Vec<CompileError>) -> EmptyEntries {
        self.clone()
    }

    fn describe(&self) -> Vec<String> {
        vec![match (self.files, self.folders) {
            (true, true) => "Aucun fichier vide ni dossier vide.".to_string(),
            (true, false) => "Aucun fichier vide.".to_string(),
            _ => "Aucun dossier vide.".to_string(),
        }]
    }
}

impl BidCheck for EmptyEntries {
    fn evaluate(&self, ctx: &Context, _: &str) -> Outcome {
        let mut findings = Vec::new();
        if self.files {
            for f in ctx
                .inventory
                .files
                .iter()
                .filter(|f| f.kind == FileKind::Empty)
            {
                findings.push(ctx.file_finding(
                    f,
                    ctx.lang.t("fichier vide (0 octet)", "empty file (0 bytes)"),
                ));
            }
        }
        if self.folders {
            for d in ctx.inventory.dirs.iter().filter(|d| d.empty) {
                findings.push(Finding::new(ctx.lang.t("dossier vide", "empty folder")).at(&d.rel));
            }
        }
        Outcome::from_findings(findings)
    }
}
