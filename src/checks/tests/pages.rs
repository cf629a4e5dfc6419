//! `pages`: page count bounds and paper size; an estimate near a bound is « à vérifier ».

use crate::checks::testkit::{TestBid, compile_errors, lines};
use crate::documents::layout::{Distrust, PageEstimate};
use crate::documents::{DocFacts, PageSize};
use crate::inventory::FileKind;
use crate::vocabulary::Status;

const A4: PageSize = PageSize {
    width: 595.0,
    height: 842.0,
};
const LETTER: PageSize = PageSize {
    width: 612.0,
    height: 792.0,
};

fn pdf(pages: &[PageSize]) -> DocFacts {
    DocFacts {
        pages: Some(pages.len() as u32),
        page_sizes: pages.to_vec(),
        ..DocFacts::default()
    }
}

const CHECK: &str = "kind: pages\nmax: 2\nsize: A4";

#[test]
fn two_a4_pages_pass_and_landscape_is_a4_too() {
    let landscape = PageSize {
        width: A4.height,
        height: A4.width,
    };
    let o = TestBid::new()
        .file("Plaquette.pdf", 10, FileKind::Pdf)
        .document("Plaquette.pdf", pdf(&[A4, landscape]))
        .evaluate(CHECK);
    assert_eq!(o.status, Status::Pass, "{o:?}");
    assert_eq!(o.evidence, ["Plaquette.pdf"]);
}

#[test]
fn too_many_pages_and_a_letter_page_are_named() {
    let o = TestBid::new()
        .file("Plaquette.pdf", 10, FileKind::Pdf)
        .document("Plaquette.pdf", pdf(&[A4, LETTER, A4]))
        .evaluate(CHECK);
    assert_eq!(o.status, Status::Fail);
    assert_eq!(
        lines(&o),
        [
            "Plaquette.pdf : 3 pages, 2 au plus",
            "Plaquette.pdf : page 2 au format 216 × 279 mm (US Letter), pas A4",
        ]
    );
}

#[test]
fn an_estimated_count_near_the_bound_is_for_a_human() {
    let estimate = PageEstimate {
        pages: 2,
        low: 2,
        high: 3,
        words: 900,
        breaks: 1,
        rendered: 0,
        stored: None,
        why: Distrust::Missing,
    };
    let o = TestBid::new()
        .file("Memoire.docx", 10, FileKind::Docx)
        .document(
            "Memoire.docx",
            DocFacts {
                pages: Some(2),
                page_estimate: Some(estimate),
                ..DocFacts::default()
            },
        )
        .evaluate("kind: pages\nmax: 2");
    assert_eq!(o.status, Status::Manual, "{o:?}");
    let reason = o.reason.as_deref().unwrap_or_default();
    assert!(
        reason.starts_with("à vérifier à la main : Memoire.docx (nombre de pages estimé, à compter à l'ouverture : environ 2 page(s) estimée(s), entre 2 et 3"),
        "{reason}"
    );
    assert!(
        reason.ends_with("; attendu : 2 page(s) au plus)"),
        "{reason}"
    );
}

#[test]
fn an_unreadable_document_or_none_selected_is_not_evaluated() {
    let o = TestBid::new()
        .file("Plaquette.pdf", 10, FileKind::Pdf)
        .unreadable("Plaquette.pdf", "PDF tronqué")
        .evaluate(CHECK);
    assert_eq!(o.status, Status::Unknown);
    assert_eq!(
        o.reason.as_deref(),
        Some(
            "document(s) non lu(s), ce défaut est signalé à part (lisibilité, fichiers interdits) : Plaquette.pdf : PDF tronqué"
        )
    );
    let o = TestBid::new().evaluate(CHECK);
    assert_eq!(o.status, Status::Unknown);
    assert_eq!(
        o.reason.as_deref(),
        Some("aucun document concerné dans le dossier")
    );
}

#[test]
fn bounds_that_make_no_sense_are_refused() {
    assert_eq!(
        compile_errors("kind: pages\nmin: 3\nmax: 2\ntolerance_pt: 100"),
        [
            "max : `max` est inférieur à `min`",
            "tolerance_pt : tolérance attendue entre 0 et 72 points",
        ]
    );
    assert_eq!(
        compile_errors("kind: pages"),
        [" : indiquez au moins `min`, `max` ou `size`"]
    );
}
