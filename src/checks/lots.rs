//! `lots`: the lots applied for (`lots:`) against the consultation's lots and limits.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::CompileError;
use super::cross_bid::{CrossBidContext, at_bid};
use super::kind::{BidCheck, CheckKind, CrossBidCheck};
use crate::checks::{Context, Outcome};
use crate::say;
use crate::vocabulary::{Lang, Scope};

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
            (None, _) => return Outcome::unknown(ctx.lang.t(
                "le pack ne donne pas la liste des lots de la consultation",
                "the pack does not list the consultation's lots",
            )),
            (Some([]), Some(l)) if !l.is_empty() => findings.push(ctx.manifest_finding({
                let lots = list(l.iter().map(|x| x.to_string()));
                say!(
                    ctx.lang,
                    "la consultation n'est pas allotie, mais le manifeste indique les lots {lots} : retirer `lots:`",
                    "the consultation has no lots, but the manifest names lots {lots}: remove `lots:`"
                )
            })),
            (Some([]), _) => {}
            (Some(_), None) => return Outcome::missing(ctx.lang, &["lots".to_string()]),
            (Some(known), Some(l)) => {
                let names = list(known.iter().map(|k| k.id().to_string()));
                for lot in l.iter().filter(|x| !known.iter().any(|k| k.id().key() == x.key())) {
                    findings.push(ctx.manifest_finding(say!(
                        ctx.lang,
                        "lot {lot} inconnu (lots de la consultation : {names})",
                        "unknown lot {lot} (the consultation's lots: {names})"
                    )));
                }
            }
        }
            if let Some(l) = applied {
                let mut keys: Vec<String> = l.iter().map(|x| x.key()).collect();
                keys.sort();
                if keys.windows(2).any(|w| w[0] == w[1]) {
                    findings.push(ctx.manifest_finding(ctx.lang.t(
                        "un même lot est indiqué deux fois dans `lots:`",
                        "the same lot is named twice in `lots:`",
                    )));
                }
            }
        }
        if let Some(max) = self.max {
            let Some(l) = applied else {
                return Outcome::missing(ctx.lang, &["lots".to_string()]);
            };
            if l.len() > max {
                let what = self.limit(max, ctx.lang);
                let (n, lots) = (l.len(), list(l.iter().map(|x| x.to_string())));
                findings.push(ctx.manifest_finding(say!(
                    ctx.lang,
                    "{n} lots demandés ({lots}) : {what}",
                    "{n} lots applied for ({lots}): {what}"
                )));
            }
        }
        Outcome::from_findings(findings)
    }
}

impl Lots {
    /// The rule's own words for the limit (the pack's `message`), else « au plus N lots ».
    fn limit(&self, max: usize, lang: Lang) -> String {
        self.message
            .clone()
            .unwrap_or_else(|| say!(lang, "au plus {max} lots", "at most {max} lots"))
    }
}

fn list(items: impl Iterator<Item = String>) -> String {
    items.collect::<Vec<_>>().join(", ")
}

/// (portfolio) Lots per operator across the bids, for a rule with `max`: more lots than `max`
/// is reported with the rule's message (ANS: more may be applied for, at most three awarded).
/// Sub-contractors are not bidders and do not count. None for a rule without `max`.
impl CrossBidCheck for Lots {
    fn evaluate_bids(&self, cx: &CrossBidContext) -> Option<Outcome> {
        let (bids, ops) = (cx.bids, cx.ops);
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
                let what = self.limit(max, cx.lang);
                let (who, n) = (ops.label(siren), lots.len());
                let (lots, bids_named) = (list(lots.into_iter()), seen_in.join(", "));
                findings.push(at_bid(
                    &bids[first.bid],
                    say!(
                        cx.lang,
                        "{who} : {n} lots demandés ({lots}) dans {bids_named} : {what}",
                        "{who}: {n} lots applied for ({lots}) in {bids_named}: {what}"
                    ),
                ));
            }
        }
        missing.sort();
        missing.dedup();
        Some(Outcome::judge(cx.lang, findings, missing))
    }
}
