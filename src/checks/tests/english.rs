//! `--lang en`: the checks' own words in English, with the same facts as in French (the
//! packs' words — labels, titles — stay as the pack writes them).

use crate::checks::testkit::{TestBid, groupement, lines, member_lines};
use crate::inventory::FileKind;
use crate::vocabulary::{Lang, Status};

#[test]
fn a_missing_piece_and_a_file_in_a_wrong_format_are_said_in_english() {
    let o = TestBid::new()
        .lang(Lang::En)
        .file("DC1.docx", 10, FileKind::Docx)
        .evaluate("kind: piece\nlabel: lettre de candidature\nnames: ['dc ?1']\nformats: [pdf]");
    assert_eq!(o.status, Status::Fail);
    assert_eq!(
        lines(&o),
        [
            "- : missing piece: lettre de candidature",
            "DC1.docx : looks like \"lettre de candidature\" but is in the Word document (docx) format (accepted formats: pdf)",
        ]
    );
}

#[test]
fn a_member_without_its_piece_and_a_file_of_no_member_are_said_in_english() {
    let o = TestBid::new()
        .lang(Lang::En)
        .manifest(&groupement(""))
        .file("Kbis.pdf", 10, FileKind::Pdf)
        .evaluate("kind: piece\nlabel: extrait Kbis\nnames: ['kbis']\nper: member");
    assert_eq!(
        member_lines(&o),
        [
            "Alpha : missing piece: extrait Kbis",
            "Alpha : file(s) recognised but attached to no member: Kbis.pdf",
            "Beta : missing piece: extrait Kbis",
            "Beta : file(s) recognised but attached to no member: Kbis.pdf",
        ]
    );
    assert_eq!(
        o.findings[1].suggestion.as_deref(),
        Some("put the file in the member's folder or add \"_Alpha\" to its name")
    );
}

#[test]
fn hosting_outside_the_territory_and_a_missing_fact_are_said_in_english() {
    let check = "kind: hosting\nterritory: EU\nadministration: true\ntransfers: true";
    let o = TestBid::new()
        .lang(Lang::En)
        .manifest("hosting:\n  datacenters:\n    - {country: us, location: Virginia}\n  administration: [MA]\n  transfers: []\n")
        .evaluate(check);
    assert_eq!(
        lines(&o),
        [
            "bid.yaml : datacenter (Virginia) located in US: outside the European Union",
            "bid.yaml : administration or operation from MA: outside the European Union",
        ]
    );
    let o = TestBid::new().lang(Lang::En).evaluate(check);
    assert_eq!(o.status, Status::Unknown);
    assert_eq!(
        o.reason.as_deref(),
        Some("fact missing from the manifest: `hosting`")
    );
}

#[test]
fn an_expired_document_gives_its_dates_as_an_english_reader_writes_them() {
    const FILE: &str = "alpha/Attestation_assurance_Alpha.pdf";
    let o = TestBid::new()
        .lang(Lang::En)
        .deadline("2026-03-31")
        .manifest(&groupement(""))
        .file(FILE, 10, FileKind::Pdf)
        .text(
            FILE,
            "Attestation d'assurance\nAssuré : Alpha Numérique SAS\nValable jusqu'au 31/01/2026\n",
        )
        .piece("ASSURANCE", &[FILE])
        .evaluate("kind: validity\nselect:\n  pieces: [ASSURANCE]");
    assert_eq!(o.status, Status::Fail);
    assert_eq!(
        lines(&o),
        [format!(
            "{FILE} : expired: valid until 2026-01-31, submission deadline 2026-03-31 (\"jusqu'au 31/01/2026\")"
        )]
    );
    assert_eq!(
        o.findings[0].suggestion.as_deref(),
        Some("ask for a certificate or attestation valid on the deadline")
    );
}

#[test]
fn sizes_pages_and_forbidden_files_are_said_in_english() {
    let o = TestBid::new()
        .lang(Lang::En)
        .file("Annexe.pdf", 2_500_000, FileKind::Pdf)
        .evaluate("kind: bundle-size\nmax_file: 1 MB");
    assert_eq!(lines(&o), ["Annexe.pdf : 2.5 MB: over 1.0 MB per file"]);

    let o = TestBid::new()
        .lang(Lang::En)
        .file("Memoire.pdf", 10, FileKind::Pdf)
        .document(
            "Memoire.pdf",
            crate::documents::DocFacts {
                pages: Some(12),
                ..crate::checks::testkit::text_facts("Mémoire technique")
            },
        )
        .evaluate("kind: pages\nmax: 10\nselect:\n  extensions: [pdf]");
    assert_eq!(lines(&o), ["Memoire.pdf : 12 pages, at most 10"]);
    assert_eq!(
        o.findings[0].suggestion.as_deref(),
        Some("shorten the document to 10 page(s)")
    );

    let o = TestBid::new()
        .lang(Lang::En)
        .file("outil.pdf", 10, FileKind::Executable)
        .evaluate("kind: forbidden-files\nexecutables: true");
    assert_eq!(
        lines(&o),
        [
            "outil.pdf : executable program (recognised by its content, despite the .pdf extension): remove it from the deposit"
        ]
    );
}
