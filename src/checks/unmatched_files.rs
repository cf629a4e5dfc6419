//! `unmatched-files`: the files no piece rule recognises, by name or content. Not a defect in
//! itself — a bid may carry free annexes — but the bid manager should see what will be
//! deposited without being expected (usually `severity: info`).

use super::CompileError;
use super::select::FileSelector;
use crate::checks::{Context, Outcome};
use crate::pack::model::UnmatchedFiles;

#[derive(Debug, Clone)]
pub struct Compiled {
    select: FileSelector,
}

pub fn compile(c: &UnmatchedFiles, errors: &mut Vec<CompileError>) -> Compiled {
    Compiled {
        select: FileSelector::compile(c.select.as_ref(), errors),
    }
}

pub fn evaluate(c: &Compiled, ctx: &Context) -> Outcome {
    let findings = c
        .select
        .files(ctx)
        .filter(|(i, _)| !ctx.pieces.values().any(|r| r.files.contains(i)))
        .map(|(_, f)| {
            ctx.file_finding(f, "fichier reconnu comme aucune pièce attendue")
                .suggest("vérifier qu'il doit être déposé, ou le nommer comme la pièce qu'il est")
        })
        .collect();
    Outcome::from_findings(findings)
}
