//! Whose document is it: a certificate, an insurance attestation or a sworn declaration filed
//! for one member but issued to another company fails the rule that needs it, naming both; a
//! document that names nobody leaves the rule « à vérifier » and the verdict INCOMPLET; a
//! manifest date that disagrees with the certificate is a manifest inconsistency, not a defect
//! of the bid. The fixtures are `fixtures/titulaires/*` (`tools/fixturegen/src/holders.rs`).

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::common::{check_json, repo, shared_cache};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/titulaires")
        .join(name)
}

fn check(name: &str) -> (i32, Value) {
    check_json(&fixture(name), shared_cache(), &[])
}

/// Every rule that did not pass or was not « sans objet »: (rule, status, findings as
/// `path [member] : message`), manual rules left out.
fn not_passing(r: &Value) -> Vec<(String, String, Vec<String>)> {
    r["results"]
        .as_array()
        .expect("results")
        .iter()
        .filter(|x| x["kind"] != "manual")
        .filter(|x| !matches!(x["status"].as_str(), Some("pass" | "not-applicable")))
        .map(|x| {
            let findings = x["findings"]
                .as_array()
                .expect("findings")
                .iter()
                .map(|f| {
                    format!(
                        "{} [{}] : {}",
                        f["path"].as_str().unwrap_or("-"),
                        f["member"].as_str().unwrap_or("-"),
                        f["message"].as_str().unwrap_or("")
                    )
                })
                .collect();
            (
                x["rule"].as_str().unwrap_or("").to_string(),
                x["status"].as_str().unwrap_or("").to_string(),
                findings,
            )
        })
        .collect()
}

fn one(rule: &str, status: &str, findings: &[&str]) -> Vec<(String, String, Vec<String>)> {
    vec![(
        rule.to_string(),
        status.to_string(),
        findings.iter().map(|s| s.to_string()).collect(),
    )]
}

#[test]
fn an_hds_certificate_of_another_company_fails_naming_both() {
    let (code, r) = check("hds-autre-societe");
    assert_eq!(code, 1);
    assert_eq!(
        not_passing(&r),
        one(
            "CAIH-HDS",
            "fail",
            &[
                "beta/26_01_DC_HDS_Beta.pdf [Beta] : certificat HDS au nom de « Omega Hébergement SAS », et non de Beta Cloud SA : il ne vaut pas pour ce membre"
            ]
        )
    );
}

#[test]
fn an_insurance_attestation_of_another_company_fails_naming_both() {
    let (code, r) = check("assurance-autre-societe");
    assert_eq!(code, 1);
    assert_eq!(
        not_passing(&r),
        one(
            "CAIH-CAND-ASSURANCE-VALIDE",
            "fail",
            &[
                "alpha/26_01_DC_Assurance_Alpha.pdf [Alpha] : document au nom de « Omega Hébergement SAS », et non de Alpha Numérique SAS : il ne vaut pas pour ce membre"
            ]
        )
    );
}

#[test]
fn a_sworn_declaration_of_another_company_fails_naming_both() {
    let (code, r) = check("dh-autre-societe");
    assert_eq!(code, 1);
    assert_eq!(
        not_passing(&r),
        one(
            "CAIH-CAND-DH-TITULAIRE",
            "fail",
            &[
                "beta/26_01_DC_DH_Beta.pdf [Beta] : document au nom de « Omega Hébergement SAS », et non de Beta Cloud SA : il ne vaut pas pour ce membre"
            ]
        )
    );
}

#[test]
fn an_unreadable_holder_is_to_be_checked_and_the_verdict_incomplete() {
    let (code, r) = check("titulaire-illisible");
    assert_eq!(code, 1);
    assert_eq!(r["verdict"]["kind"], "incomplete");
    let rows = not_passing(&r);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0].0, "CAIH-CAND-ASSURANCE-VALIDE");
    assert_eq!(rows[0].1, "manual");
    assert_eq!(
        reason(&r, "CAIH-CAND-ASSURANCE-VALIDE"),
        "à vérifier à la main : beta/26_01_DC_Assurance_Beta.pdf (titulaire non lu : ni le nom ni le SIREN de Beta Cloud SA n'apparaissent dans le document)"
    );
}

#[test]
fn a_manifest_date_that_disagrees_with_the_certificate_is_a_manifest_inconsistency() {
    let (code, r) = check("hds-date-manifeste");
    assert_eq!(code, 0, "the certificate is valid: the bid is not at fault");
    assert_eq!(not_passing(&r), vec![]);
    let notices = r["notices"].as_array().expect("notices");
    assert!(
        notices.iter().any(|n| n["kind"] == "manifest-inconsistency"
            && n["message"] == "CAIH-HDS : bid.yaml dit 31/03/2027, le certificat dit 30/06/2027"
            && n["path"] == "beta/26_01_DC_HDS_Beta.pdf"),
        "{notices:?}"
    );
}

#[test]
fn the_certification_body_is_reported() {
    let (_, r) = check("hds-date-manifeste");
    let hds = r["results"]
        .as_array()
        .expect("results")
        .iter()
        .find(|x| x["rule"] == "CAIH-HDS")
        .expect("CAIH-HDS");
    assert_eq!(
        hds["evidence"],
        serde_json::json!([
            "beta/26_01_DC_HDS_Beta.pdf — délivré par Certification Santé Numérique"
        ])
    );
}

/// The reason of a rule's result.
fn reason(r: &Value, rule: &str) -> String {
    r["results"]
        .as_array()
        .expect("results")
        .iter()
        .find(|x| x["rule"] == rule)
        .and_then(|x| x["reason"].as_str())
        .unwrap_or_default()
        .to_string()
}

#[test]
fn a_company_in_the_candidature_letter_missing_from_the_manifest_is_to_be_checked() {
    let (code, r) = check("dc1-membre-en-plus");
    assert_eq!(code, 1);
    assert_eq!(r["verdict"]["kind"], "incomplete");
    assert_eq!(
        reason(&r, "CAIH-CAND-DC1-MEMBRES"),
        "à vérifier à la main : alpha/26_01_DC_DC1_Alpha.pdf (la lettre de candidature cite le SIREN 444555668, qu'aucun membre de bid.yaml ne porte : si c'est un membre du groupement, le déclarer dans bid.yaml, ses pièces n'ont pas été contrôlées)"
    );
}

#[test]
fn a_manifest_member_missing_from_the_candidature_letter_is_to_be_checked() {
    let (code, r) = check("dc1-membre-oublie");
    assert_eq!(code, 1);
    assert_eq!(r["verdict"]["kind"], "incomplete");
    assert_eq!(
        reason(&r, "CAIH-CAND-DC1-MEMBRES"),
        "à vérifier à la main : alpha/26_01_DC_DC1_Alpha.pdf (la lettre de candidature ne nomme pas Beta Cloud SA, membre du groupement dans bid.yaml : compléter la lettre ou corriger bid.yaml)"
    );
}

#[test]
fn manifest_activities_the_certificate_does_not_cover_are_a_manifest_inconsistency() {
    let (code, r) = check_json(
        &repo("fixtures/documents/hds-activites"),
        shared_cache(),
        &[],
    );
    assert_eq!(code, 0);
    let notices = r["notices"].as_array().expect("notices");
    assert!(
        notices.iter().any(|n| n["kind"] == "manifest-inconsistency"
            && n["message"] == "CAIH-HDS : bid.yaml dit activités 1, 2, 3, 4, 5 et 6, le certificat dit 1, 2, 3 et 4"),
        "{notices:?}"
    );
}
