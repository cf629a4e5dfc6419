//! `mandataire-limit` (portfolio): one operator, identified by SIRET, is mandataire of at most
//! `max` groupements. Being individual candidate or member of other groupements is another
//! matter (CAIH allows it explicitly).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::CompileError;
use super::cross_bid::{Bid, Operators, at_bid};
use super::kind::{CheckKind, CrossBidCheck};
use crate::checks::Outcome;
use crate::vocabulary::{Role, Scope};

/// (portfolio) One operator (SIRET) is mandataire of at most `max` groupements.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MandataireLimit {
    pub max: usize,
}

impl CheckKind for MandataireLimit {
    type Compiled = MandataireLimit;

    fn compile(&self, _: &mut Vec<CompileError>) -> MandataireLimit {
        self.clone()
    }

    fn describe(&self) -> Vec<String> {
        vec![format!(
            "Sur l'ensemble des réponses (`bidlint portfolio`), un même opérateur (même SIREN) est mandataire d'au plus {} groupement(s).",
            self.max
        )]
    }

    fn scope(&self) -> Scope {
        Scope::OperatorBids
    }
}

impl CrossBidCheck for MandataireLimit {
    fn evaluate_bids(&self, bids: &[Bid], ops: &Operators, _: bool) -> Option<Outcome> {
        let mut findings = Vec::new();
        for (siren, parts) in &ops.by_siren {
            let as_mandataire: Vec<&str> = parts
                .iter()
                .filter(|p| p.role == Role::Mandataire)
                .map(|p| bids[p.bid].name.as_str())
                .collect();
            if as_mandataire.len() > self.max {
                let first = parts
                    .iter()
                    .find(|p| p.role == Role::Mandataire)
                    .map(|p| &bids[p.bid]);
                if let Some(first) = first {
                    findings.push(at_bid(
                        first,
                        format!(
                            "{} mandataire de {} groupements (au plus {}) : {}",
                            ops.label(siren),
                            as_mandataire.len(),
                            self.max,
                            as_mandataire.join(", ")
                        ),
                    ));
                }
            }
        }
        let roles_missing: Vec<String> = ops
            .missing_fields(bids)
            .into_iter()
            .filter(|f| f.ends_with(".role") || f.ends_with(".siret") || f.ends_with("members"))
            .collect();
        Some(Outcome::judge(findings, roles_missing))
    }
}
