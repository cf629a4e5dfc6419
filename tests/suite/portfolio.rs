//! `bidlint portfolio`: the cases the texts decide, each with the decision the texts give.
//! ANS: 2026 answer 15 (R. 2142-21: one candidacy per lot, individual or in one groupement;
//! at most three lots awarded) and 2025 answer 21 (sub-contractors may appear several times).
//! CAIH: article 3.3 (mandataire of one groupement at most; individual candidate and member of
//! several groupements allowed).

use assert_cmd::Command;
use serde_json::Value;

/// (rule, status, finding messages)
type Row = (String, String, Vec<String>);

/// Run portfolio on the bids of a case; returns (exit code, rows, notices).
fn portfolio(case: &str, bids: &[&str]) -> (i32, Vec<Row>, Vec<String>) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/portfolio");
    let mut args = vec!["portfolio".to_string(), "--format".into(), "json".into()];
    args.extend(bids.iter().map(|b| format!("{case}/{b}")));
    let out = Command::cargo_bin("bidlint")
        .expect("binary")
        .current_dir(dir)
        .args(&args)
        .output()
        .expect("runs");
    let r: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    let results = r["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|x| {
            let findings = x["findings"]
                .as_array()
                .expect("findings")
                .iter()
                .map(|f| f["message"].as_str().expect("message").to_string())
                .collect();
            (
                x["rule"].as_str().expect("rule").to_string(),
                x["status"].as_str().expect("status").to_string(),
                findings,
            )
        })
        .collect();
    let notices = r["notices"]
        .as_array()
        .map(|n| {
            n.iter()
                .map(|x| x["message"].as_str().expect("message").to_string())
                .collect()
        })
        .unwrap_or_default();
    (out.status.code().expect("code"), results, notices)
}

fn status<'a>(results: &'a [Row], rule: &str) -> (&'a str, &'a [String]) {
    let r = results
        .iter()
        .find(|r| r.0 == rule)
        .unwrap_or_else(|| panic!("{rule} missing: {results:?}"));
    (r.1.as_str(), &r.2)
}

#[test]
fn ans_cotraitant_in_two_groupements_for_one_lot_is_refused() {
    let (code, r, _) = portfolio("ans-cotraitant-deux-groupements", &["g1", "g2"]);
    assert_eq!(code, 1);
    let (st, f) = status(&r, "ANS-LOTS-CANDIDATURE-UNIQUE");
    assert_eq!(st, "fail");
    assert_eq!(
        f,
        [
            "Ytterbium Cloud SA (SIREN 222222226) candidat 2 fois au lot 2 : ans-cotraitant-deux-groupements/g1 (cotraitant), ans-cotraitant-deux-groupements/g2 (cotraitant)"
        ]
    );
    assert_eq!(status(&r, "ANS-LOTS-MAX-3").0, "pass");
}

#[test]
fn ans_sub_contractor_in_two_offers_for_one_lot_is_allowed() {
    let (code, r, _) = portfolio("ans-sous-traitant-deux-fois", &["g1", "g2"]);
    assert_eq!(code, 0);
    assert_eq!(status(&r, "ANS-LOTS-CANDIDATURE-UNIQUE").0, "pass");
}

#[test]
fn ans_individual_and_member_for_one_lot_is_refused() {
    let (code, r, _) = portfolio("ans-individuel-et-membre", &["solo", "g1"]);
    assert_eq!(code, 1);
    let (st, f) = status(&r, "ANS-LOTS-CANDIDATURE-UNIQUE");
    assert_eq!(st, "fail");
    assert_eq!(f.len(), 1);
    assert!(
        f[0].contains("candidat 2 fois au lot 1")
            && f[0].contains("solo (individuel)")
            && f[0].contains("g1 (cotraitant)"),
        "{f:?}"
    );
}

#[test]
fn ans_same_operator_on_different_lots_is_allowed() {
    let (code, r, _) = portfolio("ans-lots-differents", &["g1", "g2"]);
    assert_eq!(code, 0);
    assert_eq!(status(&r, "ANS-LOTS-CANDIDATURE-UNIQUE").0, "pass");
}

#[test]
fn ans_more_than_three_lots_is_a_warning_naming_the_lots() {
    let (code, r, _) = portfolio("ans-quatre-lots", &["g1", "g2"]);
    assert_eq!(
        code, 0,
        "a warning does not fail the run at --fail-on error"
    );
    let (st, f) = status(&r, "ANS-LOTS-MAX-3");
    assert_eq!(st, "fail");
    assert!(
        f[0].starts_with("Ytterbium Cloud SA (SIREN 222222226) : 4 lots demandés (1, 2, 3, 5)"),
        "{f:?}"
    );
    let out = Command::cargo_bin("bidlint")
        .expect("binary")
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/portfolio"))
        .args([
            "portfolio",
            "ans-quatre-lots/g1",
            "ans-quatre-lots/g2",
            "--fail-on",
            "warning",
        ])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn caih_mandataire_of_two_groupements_is_refused() {
    let (code, r, _) = portfolio("caih-mandataire-deux-fois", &["g1", "g2"]);
    assert_eq!(code, 1);
    let (st, f) = status(&r, "CAIH-MANDATAIRE");
    assert_eq!(st, "fail");
    assert_eq!(
        f,
        [
            "Xénon Conseil SAS (SIREN 111111118) mandataire de 2 groupements (au plus 1) : caih-mandataire-deux-fois/g1, caih-mandataire-deux-fois/g2"
        ]
    );
}

#[test]
fn caih_individual_and_member_of_two_groupements_is_allowed() {
    let (code, r, _) = portfolio("caih-individuel-et-deux-groupements", &["solo", "g1", "g2"]);
    assert_eq!(code, 0);
    assert_eq!(r.len(), 1, "CAIH has one cross-bid rule: {r:?}");
    assert_eq!(status(&r, "CAIH-MANDATAIRE").0, "pass");
}

#[test]
fn same_siret_under_two_names_is_reported() {
    let (_, _, notices) = portfolio("ans-siret-deux-noms", &["g1", "g2"]);
    assert_eq!(
        notices,
        [
            "le SIREN 222222226 porte des noms différents : « Ytterbium Cloud SA » (ans-siret-deux-noms/g1), « Ytterbium Cloud » (ans-siret-deux-noms/g2)"
        ]
    );
}

#[test]
fn bids_of_two_consultations_are_judged_by_their_own_rules() {
    let (_, r, _) = portfolio(
        ".",
        &[
            "caih-mandataire-deux-fois/g1",
            "caih-mandataire-deux-fois/g2",
            "ans-lots-differents/g1",
        ],
    );
    let rules: Vec<&str> = r.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(
        rules,
        [
            "ANS-LOTS-MAX-3",
            "ANS-LOTS-CANDIDATURE-UNIQUE",
            "CAIH-MANDATAIRE"
        ]
    );
    assert_eq!(status(&r, "CAIH-MANDATAIRE").0, "fail");
}

/// A groupement's candidature folder and its offer folder are one candidacy: the cross-bid
/// rules are judged per phase, never across the two.
#[test]
fn the_candidature_and_the_offer_of_one_groupement_are_not_two_groupements() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
    let out = Command::cargo_bin("bidlint")
        .expect("binary")
        .current_dir(root)
        .args([
            "portfolio",
            "caih-groupement-ok",
            "caih-offre-ok",
            "--format",
            "json",
        ])
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: Value = serde_json::from_slice(&out.stdout).expect("json");
    let rows: Vec<(String, String, String)> = r["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|x| {
            (
                x["rule"].as_str().expect("rule").to_string(),
                x["status"].as_str().expect("status").to_string(),
                x["title"].as_str().expect("title").to_string(),
            )
        })
        .collect();
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(
        rows.iter()
            .all(|(id, st, _)| id == "CAIH-MANDATAIRE" && st == "pass")
    );
    assert!(rows[0].2.ends_with("— phase candidature"), "{rows:?}");
    assert!(rows[1].2.ends_with("— phase offre"), "{rows:?}");
}

#[test]
fn two_establishments_of_one_company_are_one_operator() {
    let (code, r, _) = portfolio("ans-deux-etablissements", &["g1", "g2"]);
    assert_eq!(code, 1);
    let (st, f) = status(&r, "ANS-LOTS-CANDIDATURE-UNIQUE");
    assert_eq!(st, "fail");
    assert_eq!(
        f,
        [
            "Ytterbium Cloud SA (SIREN 222222226) candidat 2 fois au lot 2 : ans-deux-etablissements/g1 (cotraitant), ans-deux-etablissements/g2 (cotraitant)"
        ]
    );
}
