//! `filename-length`: characters after NFC, never bytes; a shorter name is proposed.

use crate::checks::testkit::{TestBid, compile_errors, lines};
use crate::inventory::FileKind;
use crate::vocabulary::Status;

const CHECK: &str = "kind: filename-length\nmax: 29";

#[test]
fn names_within_the_limit_pass() {
    // « Mémoire » decomposed (e + combining accent, as macOS writes it) is 32 characters
    // as stored, 31 after NFC: at the limit, not over it.
    let o = TestBid::new()
        .file(
            "26_01_DC_Me\u{301}moire_tech_Alpha.pdf",
            1_000,
            FileKind::Pdf,
        )
        .file("Kbis.pdf", 1_000, FileKind::Pdf)
        .evaluate("kind: filename-length\nmax: 31");
    assert_eq!(o.status, Status::Pass, "{o:?}");
    assert!(o.findings.is_empty());
}

#[test]
fn a_long_name_fails_with_a_shorter_proposal_keeping_the_member() {
    let o = TestBid::new()
        .manifest("members:\n  - name: Alpha SAS\n    short: Alpha\n")
        .file("26_01_DC_Memoire_technique_Alpha.pdf", 1_000, FileKind::Pdf)
        .evaluate(CHECK);
    assert_eq!(o.status, Status::Fail);
    assert_eq!(
        lines(&o),
        ["26_01_DC_Memoire_technique_Alpha.pdf : 36 caractères (max 29)"]
    );
    let f = &o.findings[0];
    assert_eq!(f.member.as_deref(), Some("Alpha"));
    let proposal = f.suggestion.as_deref().expect("a proposal");
    assert!(proposal.chars().count() <= 29, "{proposal}");
    assert!(proposal.ends_with("_Alpha.pdf"), "{proposal}");
}

#[test]
fn a_zero_maximum_and_a_bad_selector_regex_are_refused_with_their_paths() {
    assert_eq!(
        compile_errors("kind: filename-length\nmax: 0\nselect:\n  paths: ['(']"),
        [
            "max : `max` doit être au moins 1".to_string(),
            "select.paths[0] : expression régulière invalide : parenthèse ouverte jamais fermée (caractère 1 de « ( »)".to_string(),
        ]
    );
}

#[test]
fn proposals_differ_within_a_folder_only() {
    let o = TestBid::new()
        .file("a/26_01_DC_Memoire_technique_v1.pdf", 1_000, FileKind::Pdf)
        .file("a/26_01_DC_Memoire_technique_v2.pdf", 1_000, FileKind::Pdf)
        .file("b/26_01_DC_Memoire_technique_v1.pdf", 1_000, FileKind::Pdf)
        .evaluate(CHECK);
    let proposals: Vec<(&str, &str)> = o
        .findings
        .iter()
        .map(|f| {
            (
                f.path.as_deref().expect("path"),
                f.suggestion.as_deref().expect("a proposal"),
            )
        })
        .collect();
    assert_eq!(proposals.len(), 3, "{proposals:?}");
    let (a1, a2, b1) = (proposals[0].1, proposals[1].1, proposals[2].1);
    // Two files of one folder never get the same proposal…
    assert_ne!(a1.to_lowercase(), a2.to_lowercase(), "{proposals:?}");
    // …but a file of another folder may have the name proposed in the first one.
    assert_eq!(a1, b1, "{proposals:?}");
}
