//! `unmatched-files`: what no piece rule recognises is listed for the bid manager.

use crate::checks::testkit::{TestBid, lines};
use crate::inventory::FileKind;
use crate::vocabulary::Status;

fn bid() -> TestBid {
    TestBid::new()
        .piece_rule("DC1", "label: lettre de candidature\nnames: ['dc ?1']")
        .file("DC1_Alpha.pdf", 10, FileKind::Pdf)
}

#[test]
fn every_file_recognised_as_a_piece_passes() {
    let o = bid().evaluate("kind: unmatched-files");
    assert_eq!(o.status, Status::Pass, "{o:?}");
}

#[test]
fn a_file_no_piece_rule_recognises_is_listed_with_a_suggestion() {
    let o = bid()
        .file("Photo equipe.jpg", 10, FileKind::Jpeg)
        .evaluate("kind: unmatched-files");
    assert_eq!(o.status, Status::Fail);
    assert_eq!(
        lines(&o),
        ["Photo equipe.jpg : fichier reconnu comme aucune pièce attendue"]
    );
    assert_eq!(
        o.findings[0].suggestion.as_deref(),
        Some("vérifier qu'il doit être déposé, ou le nommer comme la pièce qu'il est")
    );
    // A selector narrows what is listed.
    let o = bid()
        .file("Photo equipe.jpg", 10, FileKind::Jpeg)
        .evaluate("kind: unmatched-files\nselect:\n  extensions: [pdf]");
    assert_eq!(o.status, Status::Pass, "{o:?}");
}
