//! `declared-members`: the groupement's letter and the manifest name the same operators.

use crate::checks::testkit::{TestBid, compile_errors, groupement};
use crate::inventory::FileKind;
use crate::vocabulary::Status;

const CHECK: &str = "kind: declared-members\nselect:\n  pieces: [DC1]";
const FILE: &str = "DC1_Groupement.pdf";

fn bid(text: &str) -> TestBid {
    TestBid::new()
        .manifest(&format!(
            "{}  - {{name: Gamma Services, short: Gamma, role: sous-traitant}}\n",
            groupement("")
        ))
        .file(FILE, 10, FileKind::Pdf)
        .text(FILE, text)
        .piece("DC1", &[FILE])
}

#[test]
fn a_letter_naming_every_operator_passes_and_a_subcontractor_need_not_be_named() {
    let o = bid("Lettre de candidature du groupement\nMandataire : Alpha Numérique SAS\nCotraitant : Beta Cloud SA\n")
        .evaluate(CHECK);
    assert_eq!(o.status, Status::Pass, "{o:?}");
}

#[test]
fn a_member_the_letter_omits_and_a_siren_the_manifest_lacks_are_for_a_human() {
    let o = bid("Lettre de candidature du groupement\nMandataire : Alpha Numérique SAS\nCotraitant : Delta SARL, SIREN 552 081 317\n")
        .evaluate(CHECK);
    assert_eq!(o.status, Status::Manual, "{o:?}");
    assert_eq!(
        o.reason,
        Some(format!(
            "à vérifier à la main : {FILE} (la lettre de candidature ne nomme pas Beta Cloud SA, membre du groupement dans bid.yaml : compléter la lettre ou corriger bid.yaml) ; {FILE} (la lettre de candidature cite le SIREN 552081317, qu'aucun membre de bid.yaml ne porte : si c'est un membre du groupement, le déclarer dans bid.yaml, ses pièces n'ont pas été contrôlées)"
        ))
    );
}

#[test]
fn a_members_own_letter_is_not_judged_and_no_members_is_not_evaluated() {
    let o = bid("Lettre de candidature\nAlpha Numérique SAS se porte candidate.\n").evaluate(CHECK);
    assert_eq!(o.status, Status::Pass, "{o:?}");
    let o = TestBid::new().evaluate(CHECK);
    assert_eq!(o.status, Status::Unknown);
    assert_eq!(
        o.reason.as_deref(),
        Some("fait manquant dans le manifeste : `members`")
    );
}

#[test]
fn a_rule_without_selection_is_refused() {
    assert_eq!(
        compile_errors("kind: declared-members"),
        ["select : indiquez la lettre de candidature à lire (`select: { pieces: [...] }`)"]
    );
}
