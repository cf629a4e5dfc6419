//! `lots`: the lots applied for (`lots:`) against the consultation's lots and limits.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::CompileError;
use super::cross_bid::{Bid, Operators, at_bid};
use super::kind::{BidCheck, CheckKind, CrossBidCheck};
use crate::checks::{Context, Outcome};
use crate::vocabulary::Scope;

/// The lots applied for (`lots:` of the manifest) against the consultation's lots.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Lots {
    /// Every lot applied for is one of the pack's lots; a consultation without lots
    /// accepts no `lots:`.
    #[serde(default)]
    pub known: bool,
    /// At most this many lots (the finding says what the limit means: `message`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<usize>,
    /// What going over `max` means, in French (« au plus trois lots attribués »).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

impl CheckKind for Lots {
    type Compiled = Lots;

    fn compile(&self, errors: &mut Vec<CompileError>) -> Lots {
        if !self.known && self.max.is_none() {
            errors.push(CompileError::new(
                "known",
                "indiquez `known: true`, `max: N`, ou les deux",
            ));
        }
        self.clone()
    }

    fn describe(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.known {
            out.push("Chaque lot demandé (`lots:` du bid.yaml) est un lot de la consultation ; une consultation non allotie n'en accepte aucun.".to_string());
        }
        if let Some(max) = self.max {
            out.push(format!("Au plus {max} lot(s) par candidature."));
        }
        out
    }

    fn scope(&self) -> Scope {
        Scope::Lots
    }
}

impl BidCheck for Lots {
    fn across_bids(&self) -> Option<&dyn CrossBidCheck> {
        Some(self)
    }

    fn evaluate(&self, ctx: &Context, _: &str) -> Outcome {
        let mut findings = Vec::new();
        let applied = ctx.manifest.lots.as_deref();
        if self.known {
            match (ctx.pack_lots, applied) {
            (None, _) => return Outcome::unknown("le pack ne donne pas la liste des lots de la consultation"),
            (Some([]), Some(l)) if !l.is_empty() => findings.push(ctx.manifest_finding(format!(
                "la consultation n'est pas allotie, mais le manifeste indique les lots {} : retirer `lots:`",
                list(l.iter().map(|x| x.to_string()))
            ))),
            (Some([]), _) => {}
            (Some(_), None) => return Outcome::missing(&["lots".to_string()]),
            (Some(known), Some(l)) => {
                for lot in l.iter().filter(|x| !known.iter().any(|k| k.id().key() == x.key())) {
                    findings.push(ctx.manifest_finding(format!(
                        "lot {lot} inconnu (lots de la consultation : {})",
                        list(known.iter().map(|k| k.id().to_string()))
                    )));
                }
            }
        }
            if let Some(l) = applied {
                let mut keys: Vec<String> = l.iter().map(|x| x.key()).collect();
                keys.sort();
                if keys.windows(2).any(|w| w[0] == w[1]) {
                    findings.push(
                        ctx.manifest_finding("un même lot est indiqué deux fois dans `lots:`"),
                    );
                }
            }
        }
        if let Some(max) = self.max {
            let Some(l) = applied else {
                return Outcome::missing(&["lots".to_string()]);
            };
            if l.len() > max {
                let what = self
                    .message
                    .clone()
                    .unwrap_or_else(|| format!("au plus {max} lots"));
                findings.push(ctx.manifest_finding(format!(
                    "{} lots demandés ({}) : {what}",
                    l.len(),
                    list(l.iter().map(|x| x.to_string()))
                )));
            }
        }
        Outcome::from_findings(findings)
    }
}

fn list(items: impl Iterator<Item = String>) -> String {
    items.collect::<Vec<_>>().join(", ")
}

/// (portfolio) Lots per operator across the bids, for a rule with `max`: more lots than `max`
/// is reported with the rule's message (ANS: more may be applied for, at most three awarded).
/// Sub-contractors are not bidders and do not count. None for a rule without `max`.
impl CrossBidCheck for Lots {
    fn evaluate_bids(&self, bids: &[Bid], ops: &Operators, _: bool) -> Option<Outcome> {
        let max = self.max?;
        let mut findings = Vec::new();
        let mut missing = ops.missing_fields(bids);
        for (siren, parts) in &ops.by_siren {
            let mut lots: Vec<String> = Vec::new();
            let mut seen_in: Vec<&str> = Vec::new();
            for p in parts
                .iter()
                .filter(|p| p.role != crate::vocabulary::Role::SousTraitant)
            {
                let bid = &bids[p.bid];
                match &bid.manifest.manifest.lots {
                    Some(l) => {
                        lots.extend(l.iter().map(ToString::to_string));
                        seen_in.push(&bid.name);
                    }
                    None => missing.push(format!("{} : lots", bid.manifest_display)),
                }
            }
            lots.sort();
            lots.dedup();
            if lots.len() > max
                && let Some(first) = parts.first()
            {
                let what = self
                    .message
                    .clone()
                    .unwrap_or_else(|| format!("au plus {max} lots"));
                findings.push(at_bid(
                    &bids[first.bid],
                    format!(
                        "{} : {} lots demandés ({}) dans {} : {what}",
                        ops.label(siren),
                        lots.len(),
                        list(lots.into_iter()),
                        seen_in.join(", ")
                    ),
                ));
            }
        }
        missing.sort();
        missing.dedup();
        Some(Outcome::judge(findings, missing))
    }
}
