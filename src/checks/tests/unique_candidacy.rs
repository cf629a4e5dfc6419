//! `unique-candidacy` (portfolio): one candidacy per lot and operator.

use crate::checks::testkit::{ALPHA_SIRET, BETA_SIRET, TestBid, evaluate_bids, lines};
use crate::vocabulary::Status;

const CHECK: &str = "kind: unique-candidacy\nroles: [individuel, mandataire, cotraitant]";

fn bid(lots: &str, members: &[(&str, &str, &str)]) -> String {
    let mut s = format!("lots: {lots}\nmembers:\n");
    for (name, siret, role) in members {
        s.push_str(&format!(
            "  - {{name: {name}, siret: '{siret}', role: {role}}}\n"
        ));
    }
    s
}

#[test]
fn one_candidacy_per_lot_passes_and_subcontracting_is_free() {
    let a = bid("[1]", &[("Alpha", ALPHA_SIRET, "individuel")]);
    let b = bid(
        "[1]",
        &[
            ("Beta", BETA_SIRET, "individuel"),
            ("Alpha", ALPHA_SIRET, "sous-traitant"),
        ],
    );
    let c = bid("[2]", &[("Alpha", ALPHA_SIRET, "mandataire")]);
    let o = evaluate_bids(CHECK, &[("a", &a), ("b", &b), ("c", &c)], true).expect("judged");
    assert_eq!(o.status, Status::Pass, "{o:?}");
}

#[test]
fn the_same_operator_twice_on_a_lot_is_named_with_its_places() {
    // Two establishments of one company (same SIREN) are one operator.
    let a = bid("[1, 2]", &[("Alpha", ALPHA_SIRET, "individuel")]);
    let b = bid(
        "[2]",
        &[
            ("Beta", BETA_SIRET, "mandataire"),
            ("Alpha Lyon", "12345678200028", "cotraitant"),
        ],
    );
    let o = evaluate_bids(CHECK, &[("a", &a), ("b", &b)], true).expect("judged");
    assert_eq!(o.status, Status::Fail);
    assert_eq!(
        lines(&o),
        [
            "a/bid.yaml : Alpha (SIREN 123456782) candidat 2 fois au lot 2 : a (individuel), b (cotraitant)"
        ]
    );
    // A consultation without lots is one lot.
    let o = evaluate_bids(CHECK, &[("a", &a), ("b", &b)], false).expect("judged");
    assert_eq!(
        lines(&o),
        [
            "a/bid.yaml : Alpha (SIREN 123456782) candidat 2 fois à la consultation : a (individuel), b (cotraitant)"
        ]
    );
}

#[test]
fn a_member_without_siret_leaves_the_rule_not_evaluated() {
    let a = "lots: [1]\nmembers:\n  - {name: Alpha, role: individuel}\n";
    let o = evaluate_bids(CHECK, &[("a", a)], true).expect("judged");
    assert_eq!(o.status, Status::Unknown);
    assert_eq!(
        o.reason.as_deref(),
        Some("fait manquant dans le manifeste : `a/bid.yaml : members[0].siret`")
    );
}

#[test]
fn on_one_bid_a_cross_bid_rule_has_no_status() {
    let o = TestBid::new().evaluate(CHECK);
    assert_eq!(o.status, Status::NotApplicable);
    assert_eq!(
        o.reason.as_deref(),
        Some("règle inter-dossiers : vérifiée par `bidlint portfolio` sur l'ensemble des réponses")
    );
}
