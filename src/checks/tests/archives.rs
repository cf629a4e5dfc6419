//! `archives`: zips open, are not encrypted, nest nothing, store names in UTF-8.

use crate::checks::testkit::{TestBid, file, lines};
use crate::inventory::archive::ArchiveFacts;
use crate::inventory::{FileEntry, FileKind};
use crate::vocabulary::{Said, Status};

fn zip(rel: &str, facts: ArchiveFacts) -> FileEntry {
    let mut f = file(rel, 1_000, FileKind::Zip);
    f.archive = Some(facts);
    f
}

#[test]
fn a_sound_archive_passes() {
    let o = TestBid::new()
        .entry(zip(
            "Annexes.zip",
            ArchiveFacts {
                entries: 3,
                ..ArchiveFacts::default()
            },
        ))
        .evaluate("kind: archives");
    assert_eq!(o.status, Status::Pass, "{o:?}");
}

#[test]
fn every_defect_of_an_archive_is_named() {
    let bid = TestBid::new()
        .entry(zip(
            "Annexes.zip",
            ArchiveFacts {
                entries: 3,
                encrypted: vec!["secret.pdf".into()],
                nested: vec!["autres.zip".into()],
                non_utf8_names: vec!["Mémoire.pdf".into()],
                ..ArchiveFacts::default()
            },
        ))
        .entry(zip(
            "Casse.zip",
            ArchiveFacts {
                error: Some(Said::same("archive illisible : fin inattendue")),
                ..ArchiveFacts::default()
            },
        ));
    let o = bid.evaluate("kind: archives");
    assert_eq!(o.status, Status::Fail);
    assert_eq!(
        lines(&o),
        [
            "Annexes.zip : entrée chiffrée (protégée par mot de passe) : secret.pdf",
            "Annexes.zip : archive imbriquée : autres.zip",
            "Annexes.zip : nom d'entrée non enregistré en UTF-8, ses accents seront perdus : Mémoire.pdf",
            "Casse.zip : archive illisible : fin inattendue",
        ]
    );
    // What the pack allows is not reported.
    let o = bid.evaluate(
        "kind: archives\nforbid_encrypted: false\nforbid_nested: false\nrequire_utf8_names: false",
    );
    assert_eq!(
        lines(&o),
        ["Casse.zip : archive illisible : fin inattendue"]
    );
}

#[test]
fn a_damaged_office_document_is_not_an_archive() {
    // It lists as a bare zip; `readable` reports it.
    let o = TestBid::new()
        .entry(zip(
            "Memoire.docx",
            ArchiveFacts {
                error: Some(Said::same("archive illisible : fin inattendue")),
                ..ArchiveFacts::default()
            },
        ))
        .evaluate("kind: archives");
    assert_eq!(o.status, Status::Pass, "{o:?}");
}
