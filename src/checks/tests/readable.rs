//! `readable`: every document opens on the buyer's side.

use crate::checks::testkit::{TestBid, file, lines};
use crate::documents::{DocFacts, Encryption};
use crate::inventory::archive::ArchiveFacts;
use crate::inventory::{Anomaly, FileKind};
use crate::vocabulary::{Said, Status};

#[test]
fn documents_read_without_defect_pass_and_a_signature_is_evidence() {
    let o = TestBid::new()
        .file("DC1.pdf", 10, FileKind::Pdf)
        .document(
            "DC1.pdf",
            DocFacts {
                signed: true,
                ..DocFacts::default()
            },
        )
        .evaluate("kind: readable");
    assert_eq!(o.status, Status::Pass, "{o:?}");
    assert_eq!(
        o.evidence,
        ["DC1.pdf (signature électronique présente, non vérifiée)"]
    );
}

#[test]
fn what_will_not_open_is_named_with_its_cause() {
    let mut unopenable = file("Kbis.pdf", 10, FileKind::Unknown);
    unopenable.read_error = Some(crate::inventory::io_said(&std::io::Error::from(
        std::io::ErrorKind::PermissionDenied,
    )));
    let mut latin1 = file("Mmoire.pdf", 10, FileKind::Pdf);
    latin1.name_is_utf8 = false;
    let mut damaged = file("Offre.docx", 10, FileKind::Docx);
    damaged.archive = Some(ArchiveFacts {
        error: Some(Said::same("archive illisible : fin inattendue")),
        ..ArchiveFacts::default()
    });
    let o = TestBid::new()
        .entry(unopenable)
        .entry(latin1)
        .file("Page.pdf", 10, FileKind::Html)
        .entry(damaged)
        .file("Secret.pdf", 10, FileKind::Pdf)
        .document(
            "Secret.pdf",
            DocFacts {
                encryption: Encryption::UserPassword,
                ..DocFacts::default()
            },
        )
        .file("Tronque.pdf", 10, FileKind::Pdf)
        .unreadable("Tronque.pdf", "PDF tronqué")
        .anomaly(Anomaly::Symlink {
            rel: "lien.pdf".into(),
            target: "/tmp/x.pdf".into(),
        })
        .evaluate("kind: readable");
    assert_eq!(o.status, Status::Fail);
    assert_eq!(
        lines(&o),
        [
            "Kbis.pdf : impossible d'ouvrir le fichier : lecture refusée (droits du fichier)",
            "Mmoire.pdf : nom de fichier non encodé en UTF-8 : il arrivera déformé chez l'acheteur",
            "Page.pdf : le contenu est un(e) page HTML, pas un fichier .pdf : il ne s'ouvrira pas",
            "Offre.docx : document corrompu (archive illisible : fin inattendue)",
            "Secret.pdf : document protégé par un mot de passe d'ouverture : l'acheteur ne pourra pas le lire",
            "Tronque.pdf : PDF tronqué",
            "lien.pdf : lien symbolique vers « /tmp/x.pdf » : non suivi, il ne sera pas déposé tel quel",
        ]
    );
}

#[test]
fn an_empty_file_or_a_disguised_program_is_left_to_its_own_rule() {
    let o = TestBid::new()
        .file("vide.pdf", 0, FileKind::Empty)
        .file("annexe.pdf", 10, FileKind::Executable)
        .evaluate("kind: readable");
    assert_eq!(o.status, Status::Pass, "{o:?}");
}
