//! `hosting`: datacenters, administration and transfers within the allowed territory.

use crate::checks::testkit::{TestBid, lines};
use crate::vocabulary::Status;

const CHECK: &str = "kind: hosting\nterritory: EU\nadministration: true\ntransfers: true";

#[test]
fn hosting_inside_the_union_passes() {
    let o = TestBid::new()
        .manifest(
            "hosting:\n  datacenters:\n    - {country: FR, location: Roubaix}\n    - {country: RE}\n  administration: [FR, DE]\n  transfers: []\n",
        )
        .evaluate(CHECK);
    assert_eq!(o.status, Status::Pass, "{o:?}");
}

#[test]
fn each_place_outside_is_a_finding_on_the_manifest() {
    let o = TestBid::new()
        .manifest(
            "hosting:\n  datacenters:\n    - {country: us, location: Virginie, provider: Nuage Inc}\n    - {country: FR}\n  administration: [MA]\n  transfers:\n    - {country: IN, recipient: support éditeur}\n",
        )
        .evaluate(CHECK);
    assert_eq!(o.status, Status::Fail);
    assert_eq!(
        lines(&o),
        [
            "bid.yaml : datacenter (Virginie, Nuage Inc) situé en US : hors Union européenne",
            "bid.yaml : administration ou exploitation depuis MA : hors Union européenne",
            "bid.yaml : transfert des données ou accès depuis IN (support éditeur) : hors Union européenne",
        ]
    );
}

#[test]
fn a_missing_fact_is_never_a_pass() {
    let o = TestBid::new().evaluate(CHECK);
    assert_eq!(o.status, Status::Unknown);
    assert_eq!(
        o.reason.as_deref(),
        Some("fait manquant dans le manifeste : `hosting`")
    );
    // An empty list of datacenters says nothing; no `transfers:` is no answer.
    let o = TestBid::new()
        .manifest("hosting:\n  datacenters: []\n  administration: [FR]\n")
        .evaluate(CHECK);
    assert_eq!(o.status, Status::Unknown);
    assert_eq!(
        o.reason.as_deref(),
        Some("fait manquant dans le manifeste : `hosting.datacenters`, `hosting.transfers`")
    );
}

#[test]
fn metropolitan_france_leaves_out_the_overseas_departments() {
    let o = TestBid::new()
        .manifest("hosting:\n  datacenters:\n    - {country: RE, provider: Run DC}\n")
        .evaluate("kind: hosting\nterritory: FR-METRO");
    assert_eq!(
        lines(&o),
        ["bid.yaml : datacenter (Run DC) situé en RE : hors France métropolitaine"]
    );
}
