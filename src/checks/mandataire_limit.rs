//! `mandataire-limit` (portfolio): one operator, identified by SIRET, is mandataire of at most
//! `max` groupements. Being individual candidate or member of other groupements is another
//! matter (CAIH allows it explicitly).

use crate::checks::{Context, Outcome};
use crate::vocabulary::Role;
use crate::pack::model::MandataireLimit;
use super::cross_bid::{Bid, Operators, at_bid};

pub type Compiled = MandataireLimit;

pub fn evaluate(_: &Compiled, _: &Context) -> Outcome {
    Outcome::not_applicable(
        "règle inter-dossiers : vérifiée par `bidlint portfolio` sur l'ensemble des réponses",
    )
}

pub fn evaluate_portfolio(c: &Compiled, bids: &[Bid], ops: &Operators) -> Outcome {
    let mut findings = Vec::new();
    for (siren, parts) in &ops.by_siren {
        let as_mandataire: Vec<&str> = parts
            .iter()
            .filter(|p| p.role == Role::Mandataire)
            .map(|p| bids[p.bid].name.as_str())
            .collect();
        if as_mandataire.len() > c.max {
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
                        c.max,
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
    Outcome::judge(findings, roles_missing)
}
