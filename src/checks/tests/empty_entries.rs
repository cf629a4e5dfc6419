//! `empty-entries`: zero-byte files and empty folders.

use crate::checks::testkit::{TestBid, lines};
use crate::inventory::FileKind;
use crate::vocabulary::Status;

#[test]
fn files_with_content_in_non_empty_folders_pass() {
    let o = TestBid::new()
        .file("alpha/DC1.pdf", 10, FileKind::Pdf)
        .evaluate("kind: empty-entries");
    assert_eq!(o.status, Status::Pass, "{o:?}");
}

#[test]
fn an_empty_file_and_an_empty_folder_look_like_a_failed_upload() {
    let bid = TestBid::new()
        .file("alpha/DC2.pdf", 0, FileKind::Empty)
        .empty_dir("beta");
    let o = bid.evaluate("kind: empty-entries");
    assert_eq!(o.status, Status::Fail);
    assert_eq!(
        lines(&o),
        [
            "alpha/DC2.pdf : fichier vide (0 octet)",
            "beta : dossier vide"
        ]
    );
    // Folders can be left out.
    let o = bid.evaluate("kind: empty-entries\nfolders: false");
    assert_eq!(lines(&o), ["alpha/DC2.pdf : fichier vide (0 octet)"]);
}
