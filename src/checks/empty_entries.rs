//! `empty-entries`: no zero-byte file, no empty folder (both look like a failed upload).

use crate::checks::{Context, Outcome};
use crate::inventory::FileKind;
use crate::pack::model::EmptyEntries;
use crate::vocabulary::Finding;

pub type Compiled = EmptyEntries;

pub fn evaluate(c: &Compiled, ctx: &Context) -> Outcome {
    let mut findings = Vec::new();
    if c.files {
        for f in ctx
            .inventory
            .files
            .iter()
            .filter(|f| f.kind == FileKind::Empty)
        {
            findings.push(ctx.file_finding(f, "fichier vide (0 octet)"));
        }
    }
    if c.folders {
        for d in ctx.inventory.dirs.iter().filter(|d| d.empty) {
            findings.push(Finding::new("dossier vide").at(&d.rel));
        }
    }
    Outcome::from_findings(findings)
}
