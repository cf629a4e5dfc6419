//! `fixtures/lecture/`: documents that real software writes slightly wrong, and that their
//! readers (viewers, Word, LibreOffice) open all the same — bidlint must read them too, and
//! say what it worked around. What each file is and why is in `tools/fixturegen/DOCUMENTS.md`.

use crate::bids::Bid;
use crate::documents::{self, Deviation, Doc};
use crate::pdf;

const MANIFEST: &str = "# Généré par bidlint-fixturegen : ne pas modifier à la main\n# (cargo run -p bidlint-fixturegen -- fixtures).\n# Documents que leurs logiciels écrivent de travers mais que les lecteurs ouvrent : bidlint\n# doit les lire, sans les déclarer illisibles. Voir tools/fixturegen/DOCUMENTS.md.\nconsultation: place\nphase: candidature\ndeadline: 2026-02-19T12:00:00+01:00\ncandidate:\n  name: Alpha Numérique SAS\n  form: individuel\nmembers:\n  - name: Alpha Numérique SAS\n    short: Alpha\n    siret: \"12345678200010\"\n    role: individuel\n";

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

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// `docProps/app.xml` of python-docx's default template: 1 page and 0 words whatever the
/// document holds (python-docx never lays the document out).
const PYTHON_DOCX_APP: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" \
xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">\
<Template>Normal.dotm</Template><TotalTime>0</TotalTime><Pages>1</Pages><Words>0</Words>\
<Characters>0</Characters><Application>Microsoft Macintosh Word</Application><DocSecurity>0</DocSecurity>\
<Lines>0</Lines><Paragraphs>0</Paragraphs><ScaleCrop>false</ScaleCrop><Company></Company>\
<LinksUpToDate>false</LinksUpToDate><CharactersWithSpaces>0</CharactersWithSpaces>\
<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>14.0000</AppVersion></Properties>";

fn one_paragraph(text: &str) -> String {
    format!(
        "<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
        crate::docx::escape(text)
    )
}

/// `doc` as python-docx writes it (its template's statistics: 1 page, 0 words), with a
/// header, a footer and a footnote whose texts are given — parts a reader that looks only at
/// `word/document.xml` never sees.
pub fn python_docx(doc: &Doc, header: &str, footer: &str, footnote: &str) -> Vec<u8> {
    let mut parts: Vec<(String, String)> = crate::docx::parts(doc)
        .into_iter()
        .map(|(name, xml)| (name.to_string(), xml))
        .collect();
    for (name, xml) in &mut parts {
        match name.as_str() {
            "docProps/app.xml" => *xml = PYTHON_DOCX_APP.to_string(),
            "[Content_Types].xml" => {
                let kinds = [
                    ("header1", "header"),
                    ("footer1", "footer"),
                    ("footnotes", "footnotes"),
                ];
                let overrides: String = kinds
                    .iter()
                    .map(|(part, kind)| format!("<Override PartName=\"/word/{part}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}+xml\"/>"))
                    .collect();
                *xml = xml.replace("</Types>", &format!("{overrides}</Types>"));
            }
            "word/_rels/document.xml.rels" => {
                let rels = format!(
                    "<Relationship Id=\"rId2\" Type=\"{REL}/header\" Target=\"header1.xml\"/><Relationship Id=\"rId3\" Type=\"{REL}/footer\" Target=\"footer1.xml\"/><Relationship Id=\"rId4\" Type=\"{REL}/footnotes\" Target=\"footnotes.xml\"/></Relationships>"
                );
                *xml = xml.replace("</Relationships>", &rels);
            }
            "word/document.xml" => {
                *xml = xml.replace(
                    "<w:sectPr>",
                    "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId2\"/><w:footerReference w:type=\"default\" r:id=\"rId3\"/>",
                );
                // The note is cited at the end of the first paragraph of text.
                let cite = "<w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr><w:footnoteReference w:id=\"1\"/></w:r></w:p>";
                let first = xml
                    .find("</w:t></w:r></w:p><w:p><w:r><w:t")
                    .expect("two paragraphs");
                let at = first + "</w:t></w:r>".len();
                xml.replace_range(at..at + "</w:p>".len(), cite);
            }
            _ => {}
        }
    }
    let header = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:hdr xmlns:w=\"{W_NS}\">{}</w:hdr>",
        one_paragraph(header)
    );
    let footer = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:ftr xmlns:w=\"{W_NS}\">{}</w:ftr>",
        one_paragraph(footer)
    );
    let notes = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:footnotes xmlns:w=\"{W_NS}\">\
<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>\
<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>\
<w:footnote w:id=\"1\">{}</w:footnote></w:footnotes>",
        one_paragraph(footnote)
    );
    parts.push(("word/header1.xml".into(), header));
    parts.push(("word/footer1.xml".into(), footer));
    parts.push(("word/footnotes.xml".into(), notes));
    let entries: Vec<crate::zipfile::Entry> = parts
        .into_iter()
        .map(|(name, xml)| crate::zipfile::Entry {
            name: name.into_bytes(),
            data: xml.into_bytes(),
            flags: 0,
        })
        .collect();
    crate::zipfile::build(&entries)
}

/// The mémoire (7 pages: each chapter starts a page) as python-docx writes it.
pub fn memoire_python_docx() -> Vec<u8> {
    python_docx(
        &documents::memoire(Deviation::None),
        "Groupement Alpha-Beta – document confidentiel",
        "Annexes volumineuses téléchargeables sur wetransfer.com/downloads/alpha-beta-annexes",
        "Les engagements de service sont détaillés à l'annexe 4 du mémoire.",
    )
}

/// A one-page note as python-docx writes it.
pub fn note_python_docx() -> Vec<u8> {
    python_docx(
        &notice(),
        "Centre hospitalier",
        "Avis d'appel public à la concurrence",
        "Heure de Paris.",
    )
}

/// An OLE compound file (MS-CFB, version 3, 512-byte sectors) holding `streams`, each at
/// least 4,096 bytes so that it lives in regular sectors (no mini stream): the container in
/// which Office stores a password-protected `.docx` or `.xlsx`.
pub fn compound_file(streams: &[(&str, Vec<u8>)]) -> Vec<u8> {
    const FREE: u32 = 0xFFFF_FFFF;
    const END: u32 = 0xFFFF_FFFE;
    const FAT: u32 = 0xFFFF_FFFD;
    let sectors = |len: usize| len.div_ceil(512) as u32;
    // Sector 0: the FAT; sector 1: the directory; then each stream's sectors in turn.
    let mut fat = vec![FAT, END];
    let mut starts = Vec::new();
    for (_, data) in streams {
        assert!(data.len() >= 4096, "a regular stream");
        let start = fat.len() as u32;
        starts.push(start);
        let n = sectors(data.len());
        fat.extend((1..n).map(|i| start + i));
        fat.push(END);
    }
    assert!(
        fat.len() <= 128 && streams.len() <= 3,
        "one FAT and one directory sector"
    );
    fat.resize(128, FREE);
    let mut header = Vec::with_capacity(512);
    header.extend_from_slice(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    header.extend_from_slice(&[0; 16]);
    for v in [0x003Eu16, 0x0003, 0xFFFE, 9, 6] {
        header.extend_from_slice(&v.to_le_bytes());
    }
    header.extend_from_slice(&[0; 6]);
    // Directory sectors (0 in version 3), FAT sectors, first directory sector, transaction,
    // mini stream cutoff, first mini FAT sector, mini FAT sectors, first DIFAT sector, DIFAT
    // sectors.
    for v in [0u32, 1, 1, 0, 4096, END, 0, END, 0] {
        header.extend_from_slice(&v.to_le_bytes());
    }
    header.extend_from_slice(&0u32.to_le_bytes());
    header.extend((1..109).flat_map(|_| FREE.to_le_bytes()));
    let entry = |name: &str, kind: u8, child: u32, right: u32, start: u32, size: u32| {
        let mut e = vec![0u8; 128];
        let utf16: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
        e[..utf16.len()].copy_from_slice(&utf16);
        e[64..66].copy_from_slice(&((utf16.len() + 2) as u16).to_le_bytes());
        e[66] = kind;
        e[67] = 1; // black
        e[68..72].copy_from_slice(&FREE.to_le_bytes());
        e[72..76].copy_from_slice(&right.to_le_bytes());
        e[76..80].copy_from_slice(&child.to_le_bytes());
        e[116..120].copy_from_slice(&start.to_le_bytes());
        e[120..124].copy_from_slice(&size.to_le_bytes());
        e
    };
    let mut directory = entry("Root Entry", 5, 1, FREE, END, 0);
    for (i, (name, data)) in streams.iter().enumerate() {
        let right = if i + 1 < streams.len() {
            i as u32 + 2
        } else {
            FREE
        };
        directory.extend(entry(name, 2, FREE, right, starts[i], data.len() as u32));
    }
    directory.resize(512, 0);
    for e in directory.chunks_mut(128).skip(streams.len() + 1) {
        e[68..80].copy_from_slice(&[0xFF; 12]);
    }
    let mut out = header;
    out.extend(fat.iter().flat_map(|v| v.to_le_bytes()));
    out.extend(directory);
    for (_, data) in streams {
        let mut d = data.clone();
        d.resize(sectors(data.len()) as usize * 512, 0);
        out.extend(d);
    }
    out
}

/// A `.docx` protected by a password as Word writes it: agile encryption (MS-OFFCRYPTO 2.3.4.10)
/// in a compound file. The package bytes are a fixed pseudo-random sequence standing for the
/// AES output: only the container's structure matters to the reader.
pub fn password_docx() -> Vec<u8> {
    let mut info = vec![4, 0, 4, 0, 0x40, 0, 0, 0];
    info.extend_from_slice(br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password"><keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/><keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password"><p:encryptedKey spinCount="100000" saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512"/></keyEncryptor></keyEncryptors></encryption>"#);
    info.resize(4096, 0);
    let mut package = 8192u64.to_le_bytes().to_vec();
    let mut x: u32 = 0x2545_F491;
    while package.len() < 8200 {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        package.push(x as u8);
    }
    compound_file(&[("EncryptionInfo", info), ("EncryptedPackage", package)])
}

/// A `.docx` cut in the middle of its zip (a failed upload or copy): no central directory.
pub fn truncated_docx() -> Vec<u8> {
    let mut bytes = note_python_docx();
    bytes.truncate(bytes.len() / 2);
    bytes
}

/// The folder `fixtures/lecture/`.
pub fn bid() -> Bid {
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("avis-dompdf.pdf", dompdf_startxref()),
        ("memoire-sans-trailer.pdf", without_trailer()),
        ("longueur-fausse.pdf", lying_length()),
        ("memoire-python-docx.docx", memoire_python_docx()),
        ("note-python-docx.docx", note_python_docx()),
        ("offre-mot-de-passe.docx", password_docx()),
        ("offre-tronquee.docx", truncated_docx()),
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
