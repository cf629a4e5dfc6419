//! `lots`: the lots applied for against the consultation's, on one bid and across bids.

use crate::checks::testkit::{
    ALPHA_SIRET, BETA_SIRET, TestBid, compile_errors, evaluate_bids, lines,
};
use crate::vocabulary::Status;

const CHECK: &str = "kind: lots\nknown: true\nmax: 2\nmessage: au plus deux lots attribués";

#[test]
fn known_lots_within_the_limit_pass() {
    let o = TestBid::new()
        .pack_lots("[1, 2, {id: 3, title: Hébergement}]")
        .manifest("lots: [1, 3]\n")
        .evaluate(CHECK);
    assert_eq!(o.status, Status::Pass, "{o:?}");
}

#[test]
fn an_unknown_lot_a_repeated_lot_and_too_many_lots_are_named() {
    let o = TestBid::new()
        .pack_lots("[1, 2, 3]")
        .manifest("lots: [1, 4, 1]\n")
        .evaluate(CHECK);
    assert_eq!(o.status, Status::Fail);
    assert_eq!(
        lines(&o),
        [
            "bid.yaml : lot 4 inconnu (lots de la consultation : 1, 2, 3)",
            "bid.yaml : un même lot est indiqué deux fois dans `lots:`",
            "bid.yaml : 3 lots demandés (1, 4, 1) : au plus deux lots attribués",
        ]
    );
}

#[test]
fn lots_for_a_consultation_without_lots_are_refused() {
    let o = TestBid::new()
        .pack_lots("[]")
        .manifest("lots: [1]\n")
        .evaluate("kind: lots\nknown: true");
    assert_eq!(
        lines(&o),
        [
            "bid.yaml : la consultation n'est pas allotie, mais le manifeste indique les lots 1 : retirer `lots:`"
        ]
    );
}

#[test]
fn what_is_not_known_leaves_the_rule_not_evaluated() {
    // The pack does not list the lots.
    let o = TestBid::new().manifest("lots: [1]\n").evaluate(CHECK);
    assert_eq!(o.status, Status::Unknown);
    assert_eq!(
        o.reason.as_deref(),
        Some("le pack ne donne pas la liste des lots de la consultation")
    );
    // The manifest does not say which lots.
    let o = TestBid::new().pack_lots("[1, 2]").evaluate(CHECK);
    assert_eq!(o.status, Status::Unknown);
    assert_eq!(
        o.reason.as_deref(),
        Some("fait manquant dans le manifeste : `lots`")
    );
}

#[test]
fn a_rule_that_checks_nothing_is_refused() {
    assert_eq!(
        compile_errors("kind: lots"),
        ["known : indiquez `known: true`, `max: N`, ou les deux"]
    );
}

fn member(name: &str, siret: &str, role: &str) -> String {
    format!("  - {{name: {name}, siret: '{siret}', role: {role}}}\n")
}

#[test]
fn across_bids_an_operator_over_the_limit_is_named_and_subcontracting_does_not_count() {
    let a = format!(
        "lots: [1, 2]\nmembers:\n{}",
        member("Alpha", ALPHA_SIRET, "individuel")
    );
    let b = format!(
        "lots: [3]\nmembers:\n{}{}",
        member("Beta", BETA_SIRET, "mandataire"),
        member("Alpha SAS", ALPHA_SIRET, "cotraitant")
    );
    let c = format!(
        "lots: [4]\nmembers:\n{}{}",
        member("Beta", BETA_SIRET, "individuel"),
        member("Alpha", ALPHA_SIRET, "sous-traitant")
    );
    let o = evaluate_bids(
        CHECK,
        &[("offre-a", &a), ("offre-b", &b), ("offre-c", &c)],
        true,
    )
    .expect("a rule with max is judged across bids");
    assert_eq!(o.status, Status::Fail);
    assert_eq!(
        lines(&o),
        [
            "offre-a/bid.yaml : Alpha (SIREN 123456782) : 3 lots demandés (1, 2, 3) dans offre-a, offre-b : au plus deux lots attribués"
        ]
    );
    // Without `max`, nothing is asked across bids.
    assert!(evaluate_bids("kind: lots\nknown: true", &[("offre-a", &a)], true).is_none());
}
