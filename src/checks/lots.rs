//! `lots`: the lots applied for (`lots:`) against the consultation's lots and limits.

use super::CompileError;
use crate::checks::{Context, Outcome};
use crate::pack::model::Lots;

pub type Compiled = Lots;

pub fn compile(c: &Lots, errors: &mut Vec<CompileError>) -> Compiled {
    if !c.known && c.max.is_none() {
        errors.push(CompileError::new(
            "known",
            "indiquez `known: true`, `max: N`, ou les deux",
        ));
    }
    c.clone()
}

pub fn evaluate(c: &Compiled, ctx: &Context) -> Outcome {
    let mut findings = Vec::new();
    let applied = ctx.manifest.lots.as_deref();
    if c.known {
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
                findings
                    .push(ctx.manifest_finding("un même lot est indiqué deux fois dans `lots:`"));
            }
        }
    }
    if let Some(max) = c.max {
        let Some(l) = applied else {
            return Outcome::missing(&["lots".to_string()]);
        };
        if l.len() > max {
            let what = c
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

fn list(items: impl Iterator<Item = String>) -> String {
    items.collect::<Vec<_>>().join(", ")
}

/// (portfolio) Lots per operator across the bids, for a rule with `max`: more lots than `max`
/// is reported with the rule's message (ANS: more may be applied for, at most three awarded).
/// Sub-contractors are not bidders and do not count. None for a rule without `max`.
pub fn evaluate_portfolio(
    c: &Compiled,
    bids: &[super::cross_bid::Bid],
    ops: &super::cross_bid::Operators,
) -> Option<Outcome> {
    let max = c.max?;
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
            let what = c
                .message
                .clone()
                .unwrap_or_else(|| format!("au plus {max} lots"));
            findings.push(super::cross_bid::at_bid(
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
