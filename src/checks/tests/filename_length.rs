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
            "select.paths[0] : expression régulière invalide : regex parse error:\n    (\n    ^\nerror: unclosed group".to_string(),
        ]
    );
}
