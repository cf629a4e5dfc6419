//! `piece`: a required document, per bid or per member, recognised by name, by `pieces:`,
//! by content or inside another piece.

use crate::checks::testkit::{TestBid, compile_errors, lines, member_lines, text_facts};
use crate::documents::DocFacts;
use crate::inventory::FileKind;
use crate::vocabulary::Status;

const KBIS: &str = "kind: piece\nlabel: extrait Kbis\nper: member\nnames: ['kbis']\nformats: [pdf]";

fn groupement() -> TestBid {
    TestBid::new().manifest(
        "members:\n  - {name: Alpha SAS, short: Alpha, role: mandataire, folder: alpha}\n  - {name: Beta SA, short: Beta, role: cotraitant, folder: beta}\n  - {name: Gamma, short: Gamma, role: sous-traitant, folder: gamma}\n",
    )
}

#[test]
fn a_piece_of_the_bid_found_by_name_passes_with_its_file_as_evidence() {
    let o = TestBid::new()
        .file("Lettre_candidature_DC1.pdf", 10, FileKind::Pdf)
        .evaluate("kind: piece\nlabel: lettre de candidature\nnames: ['dc ?1']");
    assert_eq!(o.status, Status::Pass, "{o:?}");
    assert_eq!(o.evidence, ["Lettre_candidature_DC1.pdf"]);
}

#[test]
fn a_missing_piece_fails_and_a_file_in_a_wrong_format_is_named() {
    let o = TestBid::new()
        .file("DC1.docx", 10, FileKind::Docx)
        .evaluate("kind: piece\nlabel: lettre de candidature\nnames: ['dc ?1']\nformats: [pdf]");
    assert_eq!(o.status, Status::Fail);
    assert_eq!(
        lines(&o),
        [
            "- : pièce absente : lettre de candidature",
            "DC1.docx : ressemble à « lettre de candidature » mais est au format document Word (docx) (formats acceptés : pdf)",
        ]
    );
}

#[test]
fn each_member_concerned_provides_its_own_and_a_file_of_no_member_is_pointed_out() {
    let o = groupement()
        .file("alpha/Kbis_Alpha.pdf", 10, FileKind::Pdf)
        .file("Kbis.pdf", 10, FileKind::Pdf)
        .evaluate(&format!(
            "{KBIS}\nmembers: {{except_roles: [sous-traitant]}}"
        ));
    assert_eq!(o.status, Status::Fail);
    assert_eq!(
        member_lines(&o),
        [
            "Beta : pièce absente : extrait Kbis",
            "Beta : fichier(s) reconnu(s) mais rattaché(s) à aucun membre : Kbis.pdf",
        ]
    );
    assert_eq!(
        o.findings[1].suggestion.as_deref(),
        Some("placer le fichier dans le dossier du membre ou ajouter « _Beta » à son nom")
    );
}

#[test]
fn the_manifest_mapping_credits_a_file_to_a_member_and_a_dangling_one_is_named() {
    let o = groupement()
        .manifest(
            "members:\n  - {name: Alpha SAS, short: Alpha, role: mandataire}\n  - {name: Beta SA, short: Beta, role: cotraitant}\npieces:\n  TEST-RULE:\n    Alpha: extrait-societe-1.pdf\n    Beta: [extrait-societe-2.pdf]\n",
        )
        .file("extrait-societe-1.pdf", 10, FileKind::Pdf)
        .file("extrait-societe-2.pdf", 10, FileKind::Pdf)
        .evaluate(KBIS);
    assert_eq!(o.status, Status::Pass, "{o:?}");
    let o = TestBid::new()
        .manifest("pieces:\n  TEST-RULE: Kbis/ancien.pdf\n")
        .evaluate("kind: piece\nlabel: extrait Kbis\nnames: ['kbis']\nmin: 0");
    assert_eq!(
        lines(&o),
        ["bid.yaml : « Kbis/ancien.pdf », déclaré dans pieces:, est absent du dossier"]
    );
}

#[test]
fn a_joint_document_of_the_mandataire_counts_for_every_member() {
    let o = groupement()
        .file("alpha/Convention_groupement.pdf", 10, FileKind::Pdf)
        .evaluate(
            "kind: piece\nlabel: convention de groupement\nper: member\njoint: true\nnames: ['convention']\nmembers: {role: [mandataire, cotraitant]}",
        );
    assert_eq!(o.status, Status::Pass, "{o:?}");
}

#[test]
fn a_document_is_recognised_by_its_first_page_or_inside_its_host_piece() {
    let o = TestBid::new()
        .file("Piece7.pdf", 10, FileKind::Pdf)
        .text("Piece7.pdf", "ATTESTATION D'ASSURANCE\nResponsabilité civile professionnelle")
        .evaluate(
            "kind: piece\nlabel: attestation d'assurance\nnames: ['assurance']\ncontent: [\"attestation d'assurance\"]",
        );
    assert_eq!(o.status, Status::Pass, "{o:?}");
    assert_eq!(o.evidence, ["Piece7.pdf (reconnu par son contenu)"]);

    let o = TestBid::new()
        .piece_rule("TRAME", "label: trame\nnames: ['trame']")
        .file("Trame_candidature.xlsx", 10, FileKind::Xlsx)
        .document(
            "Trame_candidature.xlsx",
            DocFacts {
                sheets: vec!["Identité".into(), "Références".into()],
                ..text_facts("Référence\tClient")
            },
        )
        .evaluate(
            "kind: piece\nlabel: références\nnames: ['references']\nwithin:\n  - {piece: TRAME, sheets: ['^references$'], label: onglet des références}",
        );
    assert_eq!(o.status, Status::Pass, "{o:?}");
    assert_eq!(
        o.evidence,
        ["Trame_candidature.xlsx (onglet des références de la pièce TRAME)"]
    );
}

#[test]
fn without_members_a_per_member_piece_is_not_evaluated_and_with_none_concerned_not_applicable() {
    let o = TestBid::new().evaluate(KBIS);
    assert_eq!(o.status, Status::Unknown);
    assert_eq!(
        o.reason.as_deref(),
        Some("fait manquant dans le manifeste : `members`")
    );
    let o = groupement().evaluate(&format!(
        "{KBIS}\nmembers: {{redressement_judiciaire: true}}"
    ));
    // Nobody declared `redressement_judiciaire`: a missing fact, not « sans objet ».
    assert_eq!(o.status, Status::Unknown);
    let o = TestBid::new()
        .manifest("members:\n  - {name: Alpha, redressement_judiciaire: false}\n")
        .evaluate(&format!(
            "{KBIS}\nmembers: {{redressement_judiciaire: true}}"
        ));
    assert_eq!(o.status, Status::NotApplicable);
    assert_eq!(
        o.reason.as_deref(),
        Some("aucun membre concerné (redressement_judiciaire: true)")
    );
}

#[test]
fn contradictory_parameters_are_refused_at_their_paths() {
    assert_eq!(
        compile_errors(
            "kind: piece\nlabel: x\nnames: []\nmin: 2\nmax: 1\nmembers: {hosting: true}\ncontent: ['(']"
        ),
        [
            "names : au moins un motif de nom est nécessaire",
            "max : `max` est inférieur à `min`",
            "members : `members` n'a de sens qu'avec `per: member`",
            "content[0] : expression régulière invalide : parenthèse ouverte jamais fermée (caractère 1 de « ( »)",
        ]
    );
}
