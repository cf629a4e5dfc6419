//! `manual`: an item only a human can check; listed with status `manual`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::CompileError;
use super::kind::{BidCheck, CheckKind};
use crate::checks::{Context, Outcome};
use crate::vocabulary::Scope;

/// An item a human must check: listed with status `manual`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Manual {
    /// What to check, in French.
    pub instruction: String,
}

impl CheckKind for Manual {
    type Compiled = Manual;

    fn compile(&self, errors: &mut Vec<CompileError>) -> Manual {
        if self.instruction.trim().is_empty() {
            errors.push(CompileError::new("instruction", "`instruction` est vide"));
        }
        self.clone()
    }

    fn describe(&self) -> Vec<String> {
        vec![format!("À vérifier à la main : {}", self.instruction)]
    }

    fn scope(&self) -> Scope {
        Scope::Human
    }
}

impl BidCheck for Manual {
    fn evaluate(&self, _: &Context, _: &str) -> Outcome {
        Outcome::manual(self.instruction.clone())
    }
}
