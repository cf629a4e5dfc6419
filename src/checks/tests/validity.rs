//! `validity`: a dated document valid on the deadline, issued to its member.

use crate::checks::testkit::{TestBid, compile_errors, groupement, lines, note_lines};
use crate::inventory::FileKind;
use crate::vocabulary::Status;

const CHECK: &str = "kind: validity\ncertification: HDS\nselect:\n  pieces: [ASSURANCE]";
const FILE: &str = "alpha/Attestation_assurance_Alpha.pdf";

fn bid(text: &str) -> TestBid {
    TestBid::new()
        .deadline("2026-03-31")
        .manifest(&groupement(
            ", certifications: [{scheme: HDS, valid_until: '2026-12-31'}]",
        ))
        .file(FILE, 10, FileKind::Pdf)
        .text(FILE, text)
        .piece("ASSURANCE", &[FILE])
}

#[test]
fn a_document_valid_on_the_deadline_passes() {
    let o = bid("Attestation d'assurance\nAssuré : Alpha Numérique SAS\nValable du 01/01/2026 au 31/12/2026\n")
        .evaluate(CHECK);
    assert_eq!(o.status, Status::Pass, "{o:?}");
    assert!(o.manifest_notes.is_empty(), "{o:?}");
}

#[test]
fn an_expired_document_fails_with_its_dates_and_the_manifest_gets_a_note() {
    let o =
        bid("Attestation d'assurance\nAssuré : Alpha Numérique SAS\nValable jusqu'au 31/01/2026\n")
            .evaluate(CHECK);
    assert_eq!(o.status, Status::Fail);
    assert_eq!(
        lines(&o),
        [format!(
            "{FILE} : expiré : valable jusqu'au 31/01/2026, date limite de remise le 31/03/2026 (« jusqu'au 31/01/2026 »)"
        )]
    );
    assert_eq!(
        note_lines(&o),
        [format!(
            "{FILE} : bid.yaml dit 31/12/2026 (HDS, valid_until), le document dit 31/01/2026 : corriger bid.yaml ou joindre le bon document"
        )]
    );
}

#[test]
fn another_companys_document_says_nothing_of_the_member() {
    let o = bid("Attestation d'assurance\nAssuré : Beta Cloud SA\nValable jusqu'au 31/12/2026\n")
        .evaluate(CHECK);
    assert_eq!(
        lines(&o),
        [format!(
            "{FILE} : document au nom de « Beta Cloud SA », et non de Alpha Numérique SAS : il ne vaut pas pour ce membre"
        )]
    );
}

#[test]
fn without_a_deadline_or_a_readable_date_it_is_not_judged() {
    let o = TestBid::new().evaluate(CHECK);
    assert_eq!(o.status, Status::Unknown);
    assert_eq!(
        o.reason.as_deref(),
        Some("fait manquant dans le manifeste : `deadline`")
    );
    let o = bid("Attestation d'assurance\nAssuré : Alpha Numérique SAS\n").evaluate(CHECK);
    assert_eq!(o.status, Status::Manual);
    assert_eq!(
        o.reason,
        Some(format!(
            "à vérifier à la main : {FILE} (aucune date de validité lisible dans le document)"
        ))
    );
}

#[test]
fn a_rule_without_selection_is_refused() {
    assert_eq!(
        compile_errors("kind: validity"),
        ["select : indiquez les documents datés à lire (`select: { pieces: [...] }`)"]
    );
}
