//! `mandataire-limit` (portfolio): mandataire of at most `max` groupements.

use crate::checks::testkit::{ALPHA_SIRET, BETA_SIRET, TestBid, evaluate_bids, lines};
use crate::vocabulary::Status;

const CHECK: &str = "kind: mandataire-limit\nmax: 1";

fn groupement(mandataire: (&str, &str), cotraitant: (&str, &str)) -> String {
    format!(
        "members:\n  - {{name: {}, siret: '{}', role: mandataire}}\n  - {{name: {}, siret: '{}', role: cotraitant}}\n",
        mandataire.0, mandataire.1, cotraitant.0, cotraitant.1
    )
}

#[test]
fn mandataire_once_and_cotraitant_elsewhere_passes() {
    let a = groupement(("Alpha", ALPHA_SIRET), ("Beta", BETA_SIRET));
    let b = groupement(("Beta", BETA_SIRET), ("Alpha", ALPHA_SIRET));
    let o = evaluate_bids(CHECK, &[("a", &a), ("b", &b)], false).expect("judged");
    assert_eq!(o.status, Status::Pass, "{o:?}");
}

#[test]
fn mandataire_of_two_groupements_is_named_with_both() {
    let a = groupement(("Alpha", ALPHA_SIRET), ("Beta", BETA_SIRET));
    let b = groupement(("Alpha SAS", ALPHA_SIRET), ("Gamma", "55208131766522"));
    let o = evaluate_bids(CHECK, &[("a", &a), ("b", &b)], false).expect("judged");
    assert_eq!(o.status, Status::Fail);
    assert_eq!(
        lines(&o),
        ["a/bid.yaml : Alpha (SIREN 123456782) mandataire de 2 groupements (au plus 1) : a, b"]
    );
}

#[test]
fn a_member_without_role_leaves_the_rule_not_evaluated() {
    let a = format!("members:\n  - {{name: Alpha, siret: '{ALPHA_SIRET}'}}\n");
    let o = evaluate_bids(CHECK, &[("a", &a)], false).expect("judged");
    assert_eq!(o.status, Status::Unknown);
    assert_eq!(
        o.reason.as_deref(),
        Some("fait manquant dans le manifeste : `a/bid.yaml : members[0].role`")
    );
    assert_eq!(TestBid::new().evaluate(CHECK).status, Status::NotApplicable);
}
