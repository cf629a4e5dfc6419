//! `forbidden-files`: names, hidden entries, executables and macros, by content too.

use crate::checks::testkit::{TestBid, compile_errors, file, lines};
use crate::inventory::FileKind;
use crate::inventory::archive::ArchiveFacts;
use crate::vocabulary::Status;

const CHECK: &str = "kind: forbidden-files\nnames: ['~$*', '*.tmp', '__MACOSX', 'Thumbs.db']\nhidden: true\nexecutables: true\nmacros: true\nextensions: [exe, docm]";

#[test]
fn a_clean_deposit_passes() {
    let o = TestBid::new()
        .file("DC1.pdf", 10, FileKind::Pdf)
        .file("annexes/Planning.xlsx", 10, FileKind::Xlsx)
        .evaluate(CHECK);
    assert_eq!(o.status, Status::Pass, "{o:?}");
}

#[test]
fn each_forbidden_file_is_named_once_and_a_forbidden_folder_once_for_its_content() {
    let mut with_macros = file("Offre.docx", 10, FileKind::Docx);
    with_macros.archive = Some(ArchiveFacts {
        macros: true,
        ..ArchiveFacts::default()
    });
    let mut zipped_exe = file("Outils.zip", 10, FileKind::Zip);
    zipped_exe.archive = Some(ArchiveFacts {
        executables: vec!["setup.exe".into()],
        ..ArchiveFacts::default()
    });
    let o = TestBid::new()
        .file("__MACOSX/._DC1.pdf", 10, FileKind::Unknown)
        .file("~$Memoire.docx", 10, FileKind::Unknown)
        .file(".DS_Store", 10, FileKind::Unknown)
        .file("annexe.pdf", 10, FileKind::Executable)
        .file("lancer", 10, FileKind::Script)
        .entry(with_macros)
        .entry(zipped_exe)
        .file("Modele.docm", 10, FileKind::Docx)
        .evaluate(CHECK);
    assert_eq!(o.status, Status::Fail);
    assert_eq!(
        lines(&o),
        [
            "__MACOSX : dossier système ou temporaire : à retirer du dépôt",
            "~$Memoire.docx : fichier temporaire ou système : à retirer du dépôt",
            ".DS_Store : fichier caché : à retirer du dépôt",
            "annexe.pdf : programme exécutable (reconnu à son contenu, malgré l'extension .pdf) : à retirer du dépôt",
            "lancer : script (reconnu à son contenu) : à retirer du dépôt",
            "Offre.docx : document contenant des macros (projet VBA) : à retirer du dépôt",
            "Outils.zip : archive contenant un exécutable : setup.exe : à retirer du dépôt",
            "Modele.docm : extension .docm interdite (exécutable, script ou document à macros) : à retirer du dépôt",
        ]
    );
}

#[test]
fn what_a_pack_does_not_forbid_is_left_alone() {
    let o = TestBid::new()
        .file(".hidden.pdf", 10, FileKind::Pdf)
        .file("setup.exe", 10, FileKind::Executable)
        .evaluate("kind: forbidden-files\nnames: ['*.tmp']");
    assert_eq!(o.status, Status::Pass, "{o:?}");
}

#[test]
fn a_bad_glob_is_refused_at_its_index() {
    let errors = compile_errors("kind: forbidden-files\nnames: ['*.tmp', 'a[']");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with("names[1] : motif invalide : "),
        "{errors:?}"
    );
}
