//! `fixtures/lecture/`: documents that real software writes slightly wrong, and that their
//! readers (viewers, Word, LibreOffice) open all the same — bidlint must read them too, and
//! say what it worked around. What each file is and why is in `tools/fixturegen/DOCUMENTS.md`.

use crate::bids::Bid;
use crate::documents::{self, Deviation, Doc};
use crate::pdf;

const MANIFEST: &str = "# Généré par bidlint-fixturegen : ne pas modifier à la main\n# (cargo run -p bidlint-fixturegen -- fixtures).\n# Documents que leurs logiciels écrivent de travers mais que les lecteurs ouvrent : bidlint\n# doit les lire, sans les déclarer illisibles. Voir tools/fixturegen/DOCUMENTS.md.\nconsultation: place\nphase: candidature\ndeadline: 2026-02-19T12:00:00+01:00\ncandidate:\n  name: Alpha Numérique SAS\n  form: individuel\nmembers:\n  - name: Alpha Numérique SAS\n    short: Alpha\n    siret: \"12345678900012\"\n    role: individuel\n";

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// `doc` as a classic PDF: a cross-reference table and a trailer, as DOMPDF and most
/// generators write (lopdf writes a cross-reference stream by default).
fn classic(doc: &Doc) -> Vec<u8> {
    let mut d = pdf::layout(doc).expect("lopdf lays the document out");
    d.reference_table.cross_reference_type = lopdf::xref::XrefType::CrossReferenceTable;
    pdf::save(&mut d).expect("lopdf writes the document")
}

fn notice() -> Doc {
    Doc::new("Avis d'appel public à la concurrence", "Centre hospitalier")
        .subtitle("Avis publié au BOAMP, généré par DOMPDF")
        .space()
        .p("Objet du marché : hébergement de données de santé et infogérance du système d'information.")
        .p("Date limite de réception des offres : 19 février 2026 à 12 heures.")
}

/// The decimal number that starts at or after `from`, replaced by itself plus `delta`, written
/// with as many digits (zero-padded: the file keeps its length and every other offset).
fn shift_number(bytes: &mut Vec<u8>, from: usize, delta: i64) {
    let start = from
        + bytes[from..]
            .iter()
            .position(u8::is_ascii_digit)
            .expect("a number");
    let len = bytes[start..]
        .iter()
        .position(|b| !b.is_ascii_digit())
        .expect("end of the number");
    let value: i64 = std::str::from_utf8(&bytes[start..start + len])
        .expect("ASCII digits")
        .parse()
        .expect("a number");
    let shifted = format!("{:0width$}", value + delta, width = len);
    assert_eq!(shifted.len(), len, "the number keeps its width");
    bytes.splice(start..start + len, shifted.into_bytes());
}

/// A PDF whose `startxref` points one byte before the `xref` keyword, as DOMPDF writes them.
pub fn dompdf_startxref() -> Vec<u8> {
    let mut bytes = classic(&notice());
    let at = rfind(&bytes, b"startxref").expect("startxref");
    shift_number(&mut bytes, at, -1);
    bytes
}

/// A several-page PDF cut after its last object: no cross-reference table, no trailer.
pub fn without_trailer() -> Vec<u8> {
    let mut bytes = classic(&documents::memoire(Deviation::None));
    let xref = rfind(&bytes, b"\nxref").expect("xref table");
    bytes.truncate(xref + 1);
    bytes
}

/// A PDF whose first content stream states a `/Length` 40 bytes short of its data.
pub fn lying_length() -> Vec<u8> {
    let mut bytes = classic(&notice());
    let stream = find(&bytes, b"stream\n").expect("a stream");
    let key = rfind(&bytes[..stream], b"/Length ").expect("its length");
    shift_number(&mut bytes, key, -40);
    bytes
}

/// The folder `fixtures/lecture/`.
pub fn bid() -> Bid {
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("avis-dompdf.pdf", dompdf_startxref()),
        ("memoire-sans-trailer.pdf", without_trailer()),
        ("longueur-fausse.pdf", lying_length()),
    ];
    crate::hostile::of_bytes("lecture", MANIFEST, files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_damage_is_where_it_is_said_to_be() {
        let good = classic(&notice());
        let early = dompdf_startxref();
        assert_eq!(good.len(), early.len());
        let tail =
            |b: &[u8]| String::from_utf8_lossy(&b[rfind(b, b"startxref").unwrap()..]).to_string();
        let offset =
            |b: &[u8]| -> usize { tail(b).split_whitespace().nth(1).unwrap().parse().unwrap() };
        assert_eq!(offset(&early) + 1, offset(&good));
        assert_eq!(&good[offset(&good)..offset(&good) + 4], b"xref");
        assert!(find(&without_trailer(), b"trailer").is_none());
        assert_eq!(lying_length().len(), good.len());
    }
}
