//! `content`: patterns that must, or must not, be in the selected documents' text.

use crate::checks::testkit::{TestBid, compile_errors, lines};
use crate::inventory::FileKind;
use crate::vocabulary::Status;

const CHECK: &str = "kind: content\nmust:\n  - {pattern: '[a-z0-9.]+@[a-z0-9.]+', label: une adresse e-mail}\nmust_not:\n  - {pattern: '\\bUSD\\b|\\d\\s?\\$', label: un montant en dollars}\nselect:\n  extensions: [pdf]";

#[test]
fn a_document_with_what_is_asked_and_nothing_forbidden_passes() {
    let o = TestBid::new()
        .file("AE.pdf", 10, FileKind::Pdf)
        .text("AE.pdf", "Contact : offres@alpha.fr — montant 12 000 € HT")
        .file("Notes.txt", 10, FileKind::Text)
        .evaluate(CHECK);
    assert_eq!(o.status, Status::Pass, "{o:?}");
    assert_eq!(o.evidence, ["AE.pdf"]);
}

#[test]
fn what_is_missing_and_what_is_forbidden_are_named_with_an_excerpt() {
    let o = TestBid::new()
        .file("AE.pdf", 10, FileKind::Pdf)
        .text("AE.pdf", "Montant total : 12 000 USD hors taxes")
        .evaluate(CHECK);
    assert_eq!(o.status, Status::Fail);
    assert_eq!(
        lines(&o),
        [
            "AE.pdf : une adresse e-mail : introuvable",
            "AE.pdf : un montant en dollars : …Montant total : 12 000 USD hors taxes…",
        ]
    );
}

#[test]
fn a_document_that_could_not_be_read_is_said_once_not_as_a_finding_of_this_rule() {
    let o = TestBid::new()
        .file("AE.pdf", 10, FileKind::Pdf)
        .text("AE.pdf", "Montant total : 12 000 USD, offres@alpha.fr")
        .file("Annexe.pdf", 10, FileKind::Pdf)
        .unreadable("Annexe.pdf", "PDF illisible")
        .evaluate(CHECK);
    assert_eq!(o.status, Status::Fail);
    // The unreadable annex is PLACE-LISIBLE's finding; here, only what this rule found.
    assert_eq!(
        lines(&o),
        ["AE.pdf : un montant en dollars : …Montant total : 12 000 USD, offres@alpha.fr…"]
    );
    assert_eq!(
        o.reason.as_deref(),
        Some(
            "document(s) non lu(s), ce défaut est signalé à part (lisibilité, fichiers interdits) : Annexe.pdf : PDF illisible"
        )
    );
}

#[test]
fn a_scan_is_for_a_human_never_a_pass() {
    let o = TestBid::new()
        .file("AE.pdf", 10, FileKind::Pdf)
        .text("AE.pdf", "  \n ")
        .evaluate(CHECK);
    assert_eq!(o.status, Status::Manual);
    assert_eq!(
        o.reason.as_deref(),
        Some("à vérifier à la main : AE.pdf (aucun texte lisible : document scanné ?)")
    );
}

#[test]
fn a_bad_pattern_is_refused_at_its_path() {
    let errors = compile_errors("kind: content\nmust_not:\n  - {pattern: '(', label: x}");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with("must_not[0].pattern : expression régulière invalide : "),
        "{errors:?}"
    );
}
