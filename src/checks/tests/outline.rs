//! `outline`: the imposed plan, in order, with its numbering.

use crate::checks::Outcome;
use crate::checks::testkit::{TestBid, compile_errors, lines};
use crate::documents::DocFacts;
use crate::inventory::FileKind;
use crate::vocabulary::Status;

const CHECK: &str = "kind: outline\nplan:\n  - {number: '1', title: Présentation}\n  - {number: '2', title: Moyens techniques}\n  - {number: '2.1', title: Hébergement}\n  - {number: '3', title: Planning}";

/// A Word document with these heading-styled titles, judged with the plan.
fn judge(headings: &[&str]) -> Outcome {
    let facts = DocFacts {
        text: headings.join("\n"),
        headings: headings.iter().map(|h| h.to_string()).collect(),
        ..DocFacts::default()
    };
    TestBid::new()
        .file("Memoire.docx", 10, FileKind::Docx)
        .document("Memoire.docx", facts)
        .evaluate(CHECK)
}

#[test]
fn a_document_that_follows_the_plan_passes() {
    let o = judge(&[
        "1. Présentation",
        "2 - MOYENS TECHNIQUES",
        "2.1 Hébergement",
        "Chapitre 3 – Planning",
    ]);
    assert_eq!(o.status, Status::Pass, "{o:?}");
}

#[test]
fn a_missing_section_a_swapped_order_and_an_extra_chapter_are_named() {
    let o = judge(&[
        "1. Présentation",
        "3. Planning",
        "2. Moyens techniques",
        "4. Annexes",
    ]);
    assert_eq!(o.status, Status::Fail);
    assert_eq!(
        lines(&o),
        [
            "Memoire.docx : 2.1 « Hébergement » absent",
            "Memoire.docx : 2 « Moyens techniques » placé après 3 « Planning »",
            "Memoire.docx : titre hors plan : 4 « Annexes »",
        ]
    );
}

#[test]
fn a_plan_without_entries_or_with_a_bad_number_is_refused() {
    assert_eq!(
        compile_errors("kind: outline\nplan: []"),
        ["plan : le plan imposé est vide"]
    );
    assert_eq!(
        compile_errors("kind: outline\nplan:\n  - {number: '2.a', title: X}"),
        ["plan[0].number : numéro « 2.a » : attendu 1, 2.3, 2.3.1…"]
    );
}
