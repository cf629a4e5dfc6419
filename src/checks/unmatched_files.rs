//! `unmatched-files`: the files no piece rule recognises, by name or content. Not a defect in
//! itself — a bid may carry free annexes — but the bid manager should see what will be
//! deposited without being expected (usually `severity: info`).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::CompileError;
use super::kind::{BidCheck, CheckKind};
use super::params::Selector;
use super::select::FileSelector;
use crate::checks::{Context, Outcome};

/// Files that no piece rule of the phase recognises, listed so that the bid manager sees
/// what will be deposited without being expected.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UnmatchedFiles {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub select: Option<Selector>,
}

#[derive(Debug, Clone)]
pub struct UnexpectedFiles {
    select: FileSelector,
}

impl CheckKind for UnmatchedFiles {
    type Compiled = UnexpectedFiles;

    fn compile(&self, errors: &mut Vec<CompileError>) -> UnexpectedFiles {
        UnexpectedFiles {
            select: FileSelector::compile(self.select.as_ref(), errors),
        }
    }

    fn describe(&self) -> Vec<String> {
        vec![format!(
            "Les fichiers ({}) qu'aucune règle de pièce ne reconnaît sont listés, pour information.",
            super::describe::files(self.select.as_ref())
        )]
    }

    fn selector(&self) -> Option<&Selector> {
        self.select.as_ref()
    }
}

impl BidCheck for UnexpectedFiles {
    fn evaluate(&self, ctx: &Context, _: &str) -> Outcome {
        let findings = self
            .select
            .files(ctx)
            .filter(|(i, _)| !ctx.pieces.values().any(|r| r.files.contains(i)))
            .map(|(_, f)| {
                ctx.file_finding(
                    f,
                    ctx.lang.t(
                        "fichier reconnu comme aucune pièce attendue",
                        "file recognised as none of the expected pieces",
                    ),
                )
                .suggest(ctx.lang.t(
                    "vérifier qu'il doit être déposé, ou le nommer comme la pièce qu'il est",
                    "check that it must be deposited, or name it as the piece it is",
                ))
            })
            .collect();
        Outcome::from_findings(findings)
    }

    fn needs_documents(&self) -> bool {
        true
    }
}
