//! `mandataire-limit` (portfolio): one operator, identified by SIRET, is mandataire of at most
//! `max` groupements. Being individual candidate or member of other groupements is another
//! matter (CAIH allows it explicitly).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::CompileError;
use super::cross_bid::{CrossBidContext, at_bid};
use super::kind::{CheckKind, CrossBidCheck};
use crate::checks::Outcome;
use crate::say;
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
    fn evaluate_bids(&self, cx: &CrossBidContext) -> Option<Outcome> {
        let (bids, ops) = (cx.bids, cx.ops);
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
                        {
                            let (who, n, max) = (ops.label(siren), as_mandataire.len(), self.max);
                            let bids_named = as_mandataire.join(", ");
                            say!(
                                cx.lang,
                                "{who} mandataire de {n} groupements (au plus {max}) : {bids_named}",
                                "{who} mandataire (lead) of {n} groupements (at most {max}): {bids_named}"
                            )
                        },
                    ));
                }
            }
        }
        let roles_missing: Vec<String> = ops
            .missing_fields(bids)
            .into_iter()
            .filter(|f| f.ends_with(".role") || f.ends_with(".siret") || f.ends_with("members"))
            .collect();
        Some(Outcome::judge(cx.lang, findings, roles_missing))
    }
}
