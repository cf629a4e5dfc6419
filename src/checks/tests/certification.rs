//! `certification`: the members concerned hold the scheme, with its activities, valid on the
//! deadline, backed by the certificate (read, with `verify_document`).

use crate::checks::testkit::{
    ALPHA_SIRET, TestBid, compile_errors, lines, member_lines, note_lines,
};
use crate::inventory::FileKind;
use crate::vocabulary::Status;

const HDS: &str = "kind: certification\nscheme: HDS\nactivities: [1, 5]\nvalid_on_deadline: true\nmembers: {hosting: true}";

fn hoster(certifications: &str) -> TestBid {
    TestBid::new()
        .deadline("2026-03-31")
        .manifest(&format!(
            "members:\n  - name: Alpha Numérique SAS\n    short: Alpha\n    siret: '{ALPHA_SIRET}'\n    role: individuel\n    hosting: true\n    certifications:\n{certifications}"
        ))
}

#[test]
fn a_held_certification_covering_the_activities_past_the_deadline_passes() {
    let o = hoster("      - {scheme: hds, activities: [1, 2, 5], valid_until: '2027-01-31'}\n")
        .evaluate(HDS);
    assert_eq!(o.status, Status::Pass, "{o:?}");
}

#[test]
fn a_lacking_activity_and_an_expired_certificate_are_findings_on_the_manifest() {
    let o =
        hoster("      - {scheme: HDS, activities: [1], valid_until: '2026-01-31'}\n").evaluate(HDS);
    assert_eq!(o.status, Status::Fail);
    assert_eq!(
        member_lines(&o),
        [
            "Alpha : HDS sans l'activité 5 exigée",
            "Alpha : HDS valable jusqu'au 31/01/2026 : expiré à la date limite du 31/03/2026",
        ]
    );
    assert_eq!(o.findings[0].path.as_deref(), Some("bid.yaml"));
}

#[test]
fn a_commitment_fails_unless_the_pack_accepts_it() {
    let bid = hoster("      - {scheme: HDS, status: committed}\n");
    let o = bid.evaluate(HDS);
    assert_eq!(
        lines(&o),
        [
            "bid.yaml : HDS seulement en cours d'obtention (status: committed) : une certification détenue est exigée"
        ]
    );
    let o = bid.evaluate(&format!("{HDS}\naccept_commitment: true"));
    // Committed: the activities are still asked, the validity date is not.
    assert_eq!(o.status, Status::Unknown);
    assert_eq!(
        o.reason.as_deref(),
        Some("fait manquant dans le manifeste : `members[0].certifications[0].activities`")
    );
}

#[test]
fn missing_facts_leave_the_rule_not_evaluated() {
    let o = TestBid::new()
        .manifest("members:\n  - {name: Alpha}\n")
        .evaluate(HDS);
    assert_eq!(o.status, Status::Unknown);
    assert_eq!(
        o.reason.as_deref(),
        Some("fait manquant dans le manifeste : `members[0].hosting`")
    );
    let o = TestBid::new()
        .manifest("members:\n  - {name: Alpha, hosting: true, certifications: [{scheme: HDS, activities: [1, 5], valid_until: '2027-01-31'}]}\n")
        .evaluate(HDS);
    assert_eq!(o.status, Status::Unknown);
    assert_eq!(
        o.reason.as_deref(),
        Some("fait manquant dans le manifeste : `deadline`")
    );
}

#[test]
fn the_certificate_read_is_what_the_buyer_judges_and_the_manifest_gets_a_note() {
    let check = format!("{HDS}\ndocument: CERT\nverify_document: true");
    let bid = hoster("      - {scheme: HDS, activities: [1, 5], valid_until: '2027-06-30'}\n")
        .piece_rule("CERT", "label: certificat HDS\nnames: ['hds']")
        .file("Certificat_HDS_Alpha.pdf", 10, FileKind::Pdf);
    let good = "Certificat HDS\nTitulaire : Alpha Numérique SAS\nActivités 1, 2, 3, 4, 5 et 6\nValable jusqu'au 31/03/2027\n";
    let o = bid
        .clone()
        .text("Certificat_HDS_Alpha.pdf", good)
        .evaluate(&check);
    assert_eq!(o.status, Status::Pass, "{o:?}");
    assert_eq!(o.evidence, ["Certificat_HDS_Alpha.pdf"]);
    assert_eq!(
        note_lines(&o),
        ["Certificat_HDS_Alpha.pdf : bid.yaml dit 30/06/2027, le certificat dit 31/03/2027"]
    );
}

#[test]
fn a_scanned_certificate_is_for_a_human_never_a_rejection() {
    let o = hoster("      - {scheme: HDS, activities: [1, 5], valid_until: '2027-06-30'}\n")
        .piece_rule("CERT", "label: certificat HDS\nnames: ['hds']")
        .file("Certificat_HDS_Alpha.pdf", 10, FileKind::Pdf)
        .text("Certificat_HDS_Alpha.pdf", "")
        .evaluate(&format!("{HDS}\ndocument: CERT\nverify_document: true"));
    assert_eq!(o.status, Status::Manual);
    assert_eq!(
        o.reason.as_deref(),
        Some(
            "à vérifier à la main : Certificat_HDS_Alpha.pdf (certificat HDS sans texte lisible, document scanné ? activités, dates et titulaire à vérifier ; le PDF d'origine permet le contrôle)"
        )
    );
}

#[test]
fn an_empty_scheme_is_refused() {
    assert_eq!(
        compile_errors("kind: certification\nscheme: ' '"),
        ["scheme : `scheme` est vide"]
    );
}
