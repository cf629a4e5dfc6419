//! `per-reference`: a plaquette per reference of the trame, pages per reference presented.

use crate::checks::testkit::{TestBid, compile_errors, lines, text_facts};
use crate::documents::DocFacts;
use crate::inventory::FileKind;
use crate::vocabulary::Status;

const CHECK: &str = "kind: per-reference\ndocuments: PLAQUETTES\nlist: TRAME\nmax_pages: 2";
const TRAME: &str = "Trame.xlsx";
const TABLE: &str = "Référence\tClient\tAnnée\n1\tCHU de Rennes\t2024\n2\tGHT Alpes\t2025\n";

fn plaquette(text: &str, pages: u32) -> DocFacts {
    DocFacts {
        pages: Some(pages),
        ..text_facts(text)
    }
}

fn bid(table: &str) -> TestBid {
    TestBid::new()
        .file(TRAME, 10, FileKind::Xlsx)
        .text(TRAME, table)
        .piece("TRAME", &[TRAME])
}

#[test]
fn one_file_presenting_both_references_within_its_pages_passes() {
    let o = bid(TABLE)
        .file("Plaquettes.pdf", 10, FileKind::Pdf)
        .document(
            "Plaquettes.pdf",
            plaquette("CHU de Rennes … GHT Alpes …", 4),
        )
        .piece("PLAQUETTES", &["Plaquettes.pdf"])
        .evaluate(CHECK);
    assert_eq!(o.status, Status::Pass, "{o:?}");
    assert_eq!(
        o.evidence,
        [
            "2 référence(s) listée(s), 2 plaquette(s) les présentant",
            "Plaquettes.pdf : 4 page(s), 2 référence(s)"
        ]
    );
}

#[test]
fn a_reference_without_plaquette_and_too_many_pages_fail() {
    let o = bid(TABLE)
        .file("Plaquette_Rennes.pdf", 10, FileKind::Pdf)
        .document("Plaquette_Rennes.pdf", plaquette("CHU de Rennes", 3))
        .piece("PLAQUETTES", &["Plaquette_Rennes.pdf"])
        .evaluate(CHECK);
    assert_eq!(o.status, Status::Fail);
    assert_eq!(
        lines(&o),
        [
            "- : référence 2 (GHT Alpes) listée dans la pièce TRAME : aucune plaquette ne la présente",
            "Plaquette_Rennes.pdf : 3 pages pour 1 référence(s), 2 au plus (2 par référence)",
        ]
    );
}

#[test]
fn what_cannot_be_counted_is_for_a_human_and_no_plaquette_is_not_evaluated() {
    let o = bid("Nom\tMontant\n")
        .file("Plaquette.pdf", 10, FileKind::Pdf)
        .document("Plaquette.pdf", plaquette("Une référence", 1))
        .piece("PLAQUETTES", &["Plaquette.pdf"])
        .evaluate(CHECK);
    assert_eq!(o.status, Status::Manual);
    assert_eq!(
        o.reason.as_deref(),
        Some(
            "à vérifier à la main : tableau des références introuvable dans la pièce TRAME (en-tête « Référence » et « Client » attendu)"
        )
    );
    let o = bid(TABLE).evaluate(CHECK);
    assert_eq!(o.status, Status::Unknown);
    assert_eq!(
        o.reason.as_deref(),
        Some("aucun document de la pièce PLAQUETTES")
    );
}

#[test]
fn a_rule_that_checks_nothing_is_refused() {
    assert_eq!(
        compile_errors("kind: per-reference\ndocuments: P\nlist: T\ncount: false"),
        [" : indiquez `count: true` ou `max_pages` : sinon la règle ne vérifie rien"]
    );
    assert_eq!(
        compile_errors("kind: per-reference\ndocuments: P\nlist: T\nmax_pages: 0"),
        ["max_pages : `max_pages` doit être au moins 1"]
    );
}
