//! `holder`: a document counts for the member it was issued to.

use crate::checks::testkit::{TestBid, compile_errors, groupement, lines};
use crate::inventory::FileKind;
use crate::vocabulary::Status;

const CHECK: &str = "kind: holder\nselect:\n  pieces: [KBIS]";
const FILE: &str = "beta/Kbis_Beta.pdf";

fn bid(text: &str) -> TestBid {
    TestBid::new()
        .manifest(&groupement(""))
        .file(FILE, 10, FileKind::Pdf)
        .text(FILE, text)
        .piece("KBIS", &[FILE])
}

#[test]
fn a_document_naming_its_member_by_siren_passes() {
    let o = bid("Extrait Kbis\nImmatriculation : 987 654 324 R.C.S. Lyon\n").evaluate(CHECK);
    assert_eq!(o.status, Status::Pass, "{o:?}");
}

#[test]
fn a_document_of_another_member_fails_naming_both() {
    let o = bid("Extrait Kbis\nDénomination : Alpha Numérique SAS\n").evaluate(CHECK);
    assert_eq!(o.status, Status::Fail);
    assert_eq!(
        lines(&o),
        [format!(
            "{FILE} : document au nom de « Alpha Numérique SAS », et non de Beta Cloud SA : il ne vaut pas pour ce membre"
        )]
    );
    assert_eq!(o.findings[0].member.as_deref(), Some("Beta"));
    assert_eq!(
        o.findings[0].suggestion.as_deref(),
        Some("joindre le document au nom de Beta Cloud SA")
    );
}

#[test]
fn a_holder_that_cannot_be_read_is_for_a_human() {
    let o = bid("Extrait d'immatriculation principale au registre du commerce\n").evaluate(CHECK);
    assert_eq!(o.status, Status::Manual);
    assert_eq!(
        o.reason,
        Some(format!(
            "à vérifier à la main : {FILE} (titulaire non lu : ni le nom ni le SIREN de Beta Cloud SA n'apparaissent dans le document)"
        ))
    );
}

#[test]
fn no_separate_document_is_not_applicable() {
    let o = TestBid::new().evaluate(CHECK);
    assert_eq!(o.status, Status::NotApplicable);
    assert_eq!(
        o.reason.as_deref(),
        Some("aucun document distinct à contrôler")
    );
}

#[test]
fn a_rule_without_selection_is_refused() {
    assert_eq!(
        compile_errors("kind: holder"),
        [
            "select : indiquez les pièces dont le titulaire est contrôlé (`select: { pieces: [...] }`)"
        ]
    );
}
