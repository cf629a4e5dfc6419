//! `unique-candidacy` (portfolio): one operator, identified by SIRET, holds at most one
//! candidacy per lot in the given roles — as individual candidate or as member of one
//! groupement, never both, never two groupements. Roles left out (sous-traitant) may appear in
//! several offers for the same lot.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::CompileError;
use super::kind::{CheckKind, CrossBidCheck};
use std::collections::BTreeMap;

use super::cross_bid::{CrossBidContext, at_bid, bid_lots};
use crate::checks::Outcome;
use crate::say;
use crate::vocabulary::{Lang, Role, Scope};

/// (portfolio) One operator (SIRET) holds at most one candidacy per lot in `roles`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UniqueCandidacy {
    pub roles: Vec<Role>,
}

impl CheckKind for UniqueCandidacy {
    type Compiled = UniqueCandidacy;

    fn compile(&self, _: &mut Vec<CompileError>) -> UniqueCandidacy {
        self.clone()
    }

    fn describe(&self) -> Vec<String> {
        let roles: Vec<&str> = self.roles.iter().map(|r| r.as_str()).collect();
        vec![format!(
            "Sur l'ensemble des réponses (`bidlint portfolio`), un même opérateur (même SIREN) ne présente qu'une candidature par lot dans les rôles {}.",
            roles.join(", ")
        )]
    }

    fn scope(&self) -> Scope {
        Scope::OperatorBids
    }
}

impl CrossBidCheck for UniqueCandidacy {
    fn evaluate_bids(&self, cx: &CrossBidContext) -> Option<Outcome> {
        let (bids, ops, has_lots) = (cx.bids, cx.ops, cx.has_lots);
        let mut findings = Vec::new();
        let mut missing = ops.missing_fields(bids);
        for (siren, parts) in &ops.by_siren {
            // lot -> the parts of this operator in bids applying for that lot
            let mut per_lot: BTreeMap<String, Vec<usize>> = BTreeMap::new();
            for (k, p) in parts
                .iter()
                .enumerate()
                .filter(|(_, p)| self.roles.contains(&p.role))
            {
                match bid_lots(&bids[p.bid], has_lots) {
                    Some(lots) => {
                        for lot in lots {
                            per_lot.entry(lot.to_string()).or_default().push(k);
                        }
                    }
                    None => missing.push(format!("{} : lots", bids[p.bid].manifest_display)),
                }
            }
            for (lot, ks) in per_lot.iter().filter(|(_, ks)| ks.len() > 1) {
                let places: Vec<String> = ks
                    .iter()
                    .map(|&k| format!("{} ({})", bids[parts[k].bid].name, parts[k].role.as_str()))
                    .collect();
                let lot_text = match (has_lots, cx.lang) {
                    (true, Lang::Fr) => format!("au lot {lot}"),
                    (true, Lang::En) => format!("for lot {lot}"),
                    (false, l) => l.t("à la consultation", "in the consultation").to_string(),
                };
                let first = &bids[parts[ks[0]].bid];
                let (who, n, places) = (ops.label(siren), ks.len(), places.join(", "));
                findings.push(at_bid(
                    first,
                    say!(
                        cx.lang,
                        "{who} candidat {n} fois {lot_text} : {places}",
                        "{who} a candidate {n} times {lot_text}: {places}"
                    ),
                ));
            }
        }
        missing.sort();
        missing.dedup();
        Some(Outcome::judge(cx.lang, findings, missing))
    }
}
