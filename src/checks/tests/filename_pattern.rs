//! `filename-pattern`: `{short}` stands for the file's member token.

use crate::checks::testkit::{TestBid, compile_errors, lines};
use crate::inventory::FileKind;
use crate::vocabulary::Status;

const CHECK: &str = "kind: filename-pattern\npattern: '^26_01_DC_[A-Za-z0-9-]+_{short}\\.[a-z]+$'\nexpected: 26_01_DC_<pièce>_<fournisseur>";

fn two_members() -> TestBid {
    TestBid::new().manifest(
        "members:\n  - name: Alpha SAS\n    short: Alpha\n    folder: alpha\n  - name: Beta SA\n    short: Beta\n    folder: beta\n",
    )
}

#[test]
fn each_member_names_its_files_with_its_own_token() {
    let o = two_members()
        .file("alpha/26_01_DC_Kbis_Alpha.pdf", 10, FileKind::Pdf)
        .file("beta/26_01_DC_Kbis_Beta.pdf", 10, FileKind::Pdf)
        .evaluate(CHECK);
    assert_eq!(o.status, Status::Pass, "{o:?}");
}

#[test]
fn another_members_token_is_out_of_convention() {
    let o = two_members()
        .file("alpha/26_01_DC_Kbis_Beta.pdf", 10, FileKind::Pdf)
        .file("beta/Kbis.pdf", 10, FileKind::Pdf)
        .evaluate(CHECK);
    assert_eq!(o.status, Status::Fail);
    assert_eq!(
        lines(&o),
        [
            "alpha/26_01_DC_Kbis_Beta.pdf : nom hors convention (attendu : 26_01_DC_<pièce>_<fournisseur>)",
            "beta/Kbis.pdf : nom hors convention (attendu : 26_01_DC_<pièce>_<fournisseur>)",
        ]
    );
    assert_eq!(o.findings[0].member.as_deref(), Some("Alpha"));
}

#[test]
fn a_file_of_no_member_takes_any_token() {
    let o = two_members()
        .file("26_01_DC_Lettre_Groupement.pdf", 10, FileKind::Pdf)
        .evaluate(CHECK);
    assert_eq!(o.status, Status::Pass, "{o:?}");
}

#[test]
fn a_forbidden_pattern_names_the_files_that_match_it() {
    let o = TestBid::new()
        .file("Copie de DC1.pdf", 10, FileKind::Pdf)
        .file("DC1.pdf", 10, FileKind::Pdf)
        .evaluate("kind: filename-pattern\npattern: '^Copie de'\nmust_match: false");
    assert_eq!(
        lines(&o),
        ["Copie de DC1.pdf : nom interdit (motif : ^Copie de)"]
    );
}

#[test]
fn a_bad_pattern_is_refused_at_its_path() {
    assert_eq!(
        compile_errors("kind: filename-pattern\npattern: '[a-'"),
        [
            "pattern : expression régulière invalide : crochet [ jamais fermé (caractère 1 de « [a- »)"
        ]
    );
}
