//! `bundle-size`: total and per-file limits, written with units.

use crate::checks::testkit::{TestBid, compile_errors, lines};
use crate::inventory::FileKind;
use crate::vocabulary::Status;

const CHECK: &str = "kind: bundle-size\nmax_total: 1 MB\nmax_file: 600 KB";

#[test]
fn a_deposit_within_both_limits_passes() {
    let o = TestBid::new()
        .file("a.pdf", 500_000, FileKind::Pdf)
        .file("b.pdf", 500_000, FileKind::Pdf)
        .evaluate(CHECK);
    assert_eq!(o.status, Status::Pass, "{o:?}");
}

#[test]
fn the_total_and_each_large_file_are_reported_with_their_sizes() {
    let o = TestBid::new()
        .file("a.pdf", 700_000, FileKind::Pdf)
        .file("b.pdf", 400_000, FileKind::Pdf)
        .evaluate(CHECK);
    assert_eq!(o.status, Status::Fail);
    assert_eq!(
        lines(&o),
        [
            "- : dépôt de 1,1 Mo (1100000 octets) : au-delà de 1,0 Mo (1000000 octets)",
            "a.pdf : 700,0 Ko : au-delà de 600,0 Ko par fichier",
        ]
    );
}

#[test]
fn an_unreadable_size_is_refused_at_its_field() {
    assert_eq!(
        compile_errors("kind: bundle-size\nmax_total: beaucoup\nmax_file: 20 MiB"),
        ["max_total : taille « beaucoup » illisible (ex. « 1 GB », « 500 MB », « 20 MiB »)"]
    );
}
