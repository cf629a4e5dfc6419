//! The document fixtures read back as bidlint will read them: pdf-extract finds the French
//! text, accents included; lopdf finds the page counts and sizes; the Word mémoire is a zip
//! whose paragraphs carry the heading styles; the encrypted files are encrypted; the bombs are
//! small on disk and large inside. What each fixture is for: `DOCUMENTS.md`.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use bidlint_fixturegen::documents::{self, Deviation};
use bidlint_fixturegen::hostile;

/// The generator's output, written once per run of this test binary.
fn out() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("fixturegen-documents");
        if dir.exists() {
            std::fs::remove_dir_all(&dir).expect("clean output");
        }
        bidlint_fixturegen::generate(&dir).expect("generate");
        dir
    })
}

fn read(rel: &str) -> Vec<u8> {
    std::fs::read(out().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The text pdf-extract finds, runs of white space made one space.
fn text(rel: &str) -> String {
    let raw =
        pdf_extract::extract_text_from_mem(&read(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The lines pdf-extract finds, trimmed, empty ones left out.
fn lines(rel: &str) -> Vec<String> {
    pdf_extract::extract_text_from_mem(&read(rel))
        .unwrap_or_else(|e| panic!("{rel}: {e}"))
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect()
}

const A4: (f32, f32) = (595.28, 841.89);
const LETTER: (f32, f32) = (612.0, 792.0);

/// A good PDF: path below the fixtures, page count, page size, text it contains.
type Expected = (&'static str, usize, (f32, f32), &'static [&'static str]);

const GOOD_PDFS: &[Expected] = &[
    (
        "caih-groupement-ok/alpha/26_01_DC_DC1_Alpha.pdf",
        1,
        A4,
        &[
            "DC1 – Lettre de candidature",
            "Centrale d'Achat de l'Informatique Hospitalière",
            "« Alternative Open Source »",
            "groupement conjoint",
            "désignent Alpha Numérique SAS comme mandataire",
        ],
    ),
    (
        "caih-groupement-ok/alpha/26_01_DC_DH_Alpha.pdf",
        1,
        A4,
        &[
            "Déclaration sur l'honneur",
            "L. 2141-1 à L. 2141-5 et L. 2141-7 à L. 2141-11",
            "travailleurs handicapés",
        ],
    ),
    (
        "caih-groupement-ok/alpha/26_01_DC_Moyens_Alpha.pdf",
        1,
        A4,
        &[
            "Moyens techniques et organisationnels",
            "Équipement technique",
            "chaîne d'intégration continue",
        ],
    ),
    (
        "caih-groupement-ok/alpha/26_01_DC_Refs_Alpha.pdf",
        1,
        A4,
        &[
            "Liste des références significatives",
            "Référence 1 – CHU de Rennes (2024)",
        ],
    ),
    (
        "caih-groupement-ok/alpha/26_01_DC_Plaq1_Alpha.pdf",
        2,
        A4,
        &[
            "Plaquette de présentation — Référence 1",
            "page 2/2",
            "Période : janvier 2023",
        ],
    ),
    (
        "caih-groupement-ok/alpha/26_01_DC_Plaq2_Alpha.pdf",
        2,
        A4,
        &["Plaquette de présentation — Référence 2", "GHT Alpes"],
    ),
    (
        "caih-groupement-ok/alpha/26_01_DC_Assurance_Alpha.pdf",
        1,
        A4,
        &[
            "Attestation d'assurance responsabilité civile professionnelle",
            "valable du 01/01/2026 au 31/12/2026",
            "5 000 000,00 €",
        ],
    ),
    (
        "caih-groupement-ok/alpha/26_01_DC_Russie_Alpha.pdf",
        1,
        A4,
        &[
            "sanctions prises contre les opérateurs russes",
            "règlement (UE) n° 833/2014",
        ],
    ),
    (
        "caih-groupement-ok/beta/26_01_DC_DH_Beta.pdf",
        1,
        A4,
        &["Déclaration sur l'honneur", "Beta Cloud SA"],
    ),
    (
        "caih-groupement-ok/beta/26_01_DC_HDS_Beta.pdf",
        1,
        A4,
        &[
            "Certificat de conformité HDS – Hébergeur de données de santé",
            "activités 1, 2, 3, 4, 5 et 6",
            "valable jusqu'au 30/06/2027",
            "Activité 6 : sauvegarde externalisée",
        ],
    ),
    (
        "caih-groupement-ok/beta/26_01_DC_Assurance_Beta.pdf",
        1,
        A4,
        &[
            "Attestation d'assurance responsabilité civile professionnelle",
            "valable du 01/01/2026 au 31/12/2026",
        ],
    ),
    (
        "caih-groupement-ok/beta/26_01_DC_Russie_Beta.pdf",
        1,
        A4,
        &["opérateurs russes", "Thomas Keller"],
    ),
    (
        "caih-offre-ok/L03_Memoire_technique.pdf",
        7,
        A4,
        &[
            "L3 – Mémoire technique général",
            "CHAPITRE 2 – MÉTHODOLOGIE OPÉRATIONNELLE DU PARTENARIAT D’INNOVATION",
            "CHAPITRE 3 – MAÎTRISE DES CYCLES DE DÉVELOPPEMENT OPEN SOURCE",
            "Séquence 2 – Prototypage & expérimentation",
            "mise en œuvre",
            "page 7/7",
        ],
    ),
    (
        "caih-offre-ok/AE_Acte_engagement.pdf",
        1,
        A4,
        &[
            "Acte d'engagement",
            "contact@alpha-numerique.fr",
            "125 000,00 € HT",
            "270 000,00 € HT, soit 324 000,00 € TTC",
        ],
    ),
    (
        "caih-offre-ok/L12_Accompagnement.pdf",
        1,
        A4,
        &["L12 – Plan d’accompagnement, formation et transfert et réversibilité"],
    ),
    (
        "documents/assurance-expiree/beta/26_01_DC_Assurance_Beta.pdf",
        1,
        A4,
        &["valable du 01/01/2025 au 31/12/2025"],
    ),
    (
        "documents/anglais/alpha/26_01_DC_Moyens_Alpha.pdf",
        1,
        A4,
        &["Technical and organisational resources", "test laboratory"],
    ),
    (
        "documents/plaquette-3-pages/alpha/26_01_DC_Plaq1_Alpha.pdf",
        3,
        A4,
        &["page 3/3"],
    ),
    (
        "documents/plaquette-letter/alpha/26_01_DC_Plaq2_Alpha.pdf",
        2,
        LETTER,
        &["Plaquette de présentation — Référence 2"],
    ),
    (
        "documents/piece-par-contenu/beta/26_01_DC_Piece7_Beta.pdf",
        1,
        A4,
        &["Attestation d'assurance responsabilité civile professionnelle"],
    ),
    (
        "documents/hds-activites/beta/26_01_DC_HDS_Beta.pdf",
        1,
        A4,
        &["activités 1, 2, 3 et 4", "valable jusqu'au 30/06/2027"],
    ),
    (
        "documents/lien-externe/alpha/26_01_DC_Refs_Alpha.pdf",
        1,
        A4,
        &["Document téléchargeable à l'adresse https://wetransfer.com/downloads/"],
    ),
    (
        "documents/offre-sans-email/AE_Acte_engagement.pdf",
        1,
        A4,
        &["Acte d'engagement", "à compléter", "125 000,00 € HT"],
    ),
    (
        "hostile/good.pdf",
        1,
        A4,
        &["Note de présentation du candidat"],
    ),
    (
        "hostile/signed.pdf",
        1,
        A4,
        &["Acte d'engagement", "signé électroniquement"],
    ),
];

#[test]
fn good_pdfs_give_their_french_text_to_pdf_extract() {
    for (rel, _, _, want) in GOOD_PDFS {
        let got = text(rel);
        for w in *want {
            assert!(got.contains(w), "{rel}: no « {w} » in:\n{got}");
        }
    }
    let pieces = text("documents/piece-par-contenu/beta/26_01_DC_Piece7_Beta.pdf");
    assert!(pieces.starts_with("Attestation d'assurance responsabilité civile professionnelle"));
    let dc1 = text("caih-groupement-ok/alpha/26_01_DC_DC1_Alpha.pdf");
    assert!(dc1.starts_with("DC1 – Lettre de candidature"), "{dc1}");
    let hds4 = text("documents/hds-activites/beta/26_01_DC_HDS_Beta.pdf");
    assert!(
        !hds4.contains("Activité 5") && hds4.contains("Activité 4"),
        "{hds4}"
    );
    assert!(!text("documents/offre-sans-email/AE_Acte_engagement.pdf").contains('@'));
}

#[test]
fn accents_and_typographic_signs_survive_extraction() {
    let all: String = GOOD_PDFS.iter().map(|(rel, ..)| text(rel)).collect();
    for c in [
        'é', 'è', 'à', 'ç', 'ê', 'ô', 'œ', '€', '«', '»', '’', '–', '—', 'É', 'Î', '•', '°',
    ] {
        assert!(all.contains(c), "no {c:?} in the extracted text");
    }
}

#[test]
fn every_pdf_of_the_good_folders_extracts() {
    for folder in [
        "caih-groupement-ok",
        "caih-offre-ok",
        "caih-offre-docx-ok",
        "documents",
    ] {
        for entry in walk(&out().join(folder)) {
            if entry.extension().is_some_and(|e| e == "pdf") {
                let bytes = std::fs::read(&entry).expect("read");
                let t = pdf_extract::extract_text_from_mem(&bytes)
                    .unwrap_or_else(|e| panic!("{}: {e}", entry.display()));
                assert!(t.trim().len() > 40, "{}: {t:?}", entry.display());
            }
        }
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read dir") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn page_counts_and_media_boxes_read_back_with_lopdf() {
    for (rel, pages, (w, h), _) in GOOD_PDFS {
        let doc = lopdf::Document::load_mem(&read(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
        let ids = doc.get_pages();
        assert_eq!(ids.len(), *pages, "{rel}");
        for id in ids.values() {
            let mb = doc
                .get_dictionary(*id)
                .expect("page")
                .get(b"MediaBox")
                .expect("media box")
                .as_array()
                .expect("array")
                .iter()
                .map(|v| v.as_float().expect("number"))
                .collect::<Vec<_>>();
            assert!(
                (mb[2] - w).abs() < 0.01 && (mb[3] - h).abs() < 0.01,
                "{rel}: {mb:?}"
            );
        }
    }
}

/// The lines of a PDF that are headings of the plan (or of the extra chapter), in order.
fn pdf_headings(rel: &str) -> Vec<String> {
    let known: Vec<&str> = documents::PLAN
        .iter()
        .chain(std::iter::once(&documents::EXTRA_CHAPTER))
        .flat_map(|c| std::iter::once(c.heading).chain(c.sections.iter().map(|s| s.heading)))
        .collect();
    lines(rel)
        .into_iter()
        .filter(|l| known.contains(&l.as_str()))
        .collect()
}

fn plan(deviation: Deviation) -> Vec<String> {
    documents::memoire(deviation)
        .headings()
        .into_iter()
        .map(|(_, h)| h)
        .collect()
}

#[test]
fn the_memoire_pdfs_carry_the_plan_one_heading_per_line() {
    let ok = plan(Deviation::None);
    assert_eq!(ok.len(), 6 + 19);
    assert_eq!(
        ok[0],
        "CHAPITRE 1 – COHÉRENCE, ADÉQUATION ET ROBUSTESSE DE LA SOLUTION"
    );
    assert_eq!(ok[24], "6.3 IMPACT SOCIAL ET TERRITORIAL");
    assert_eq!(pdf_headings("caih-offre-ok/L03_Memoire_technique.pdf"), ok);
    for (variant, deviation) in [
        ("memoire-ordre", Deviation::SwapChapters3And4),
        (
            "memoire-manquant",
            Deviation::MissingSection("3.3 DEVSECOPS ET QUALITE LOGICIELLE"),
        ),
        ("memoire-extra", Deviation::ExtraChapter7),
    ] {
        let want = plan(deviation);
        assert_ne!(want, ok);
        assert_eq!(
            pdf_headings(&format!("documents/{variant}/L03_Memoire_technique.pdf")),
            want,
            "{variant}"
        );
    }
    // No body line starts with a number, which would look like a numbered heading.
    for l in lines("caih-offre-ok/L03_Memoire_technique.pdf") {
        if l.starts_with(|c: char| c.is_ascii_digit()) {
            assert!(ok.contains(&l), "body line starting with a digit: {l}");
        }
    }
}

fn zip_part(rel: &str, part: &str) -> String {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(read(rel))).expect("a zip");
    let mut f = z
        .by_name(part)
        .unwrap_or_else(|e| panic!("{rel} {part}: {e}"));
    let mut s = String::new();
    f.read_to_string(&mut s).expect("utf-8 part");
    s
}

/// The headings of a DOCX: the text of each paragraph styled `Heading1` or `Heading2`.
fn docx_headings(rel: &str) -> Vec<(u8, String)> {
    let xml = zip_part(rel, "word/document.xml");
    xml.split("<w:p>")
        .filter_map(|p| {
            let level = if p.contains("<w:pStyle w:val=\"Heading1\"/>") {
                1
            } else if p.contains("<w:pStyle w:val=\"Heading2\"/>") {
                2
            } else {
                return None;
            };
            let start =
                p.find("<w:t xml:space=\"preserve\">")? + "<w:t xml:space=\"preserve\">".len();
            let end = p[start..].find("</w:t>")? + start;
            Some((level, p[start..end].replace("&amp;", "&")))
        })
        .collect()
}

#[test]
fn the_word_memoire_uses_real_heading_styles() {
    let rel = "caih-offre-docx-ok/L03_Memoire_technique.docx";
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(read(rel))).expect("a zip");
    let names: Vec<String> = z
        .file_names()
        .map(|n| n.expect("entry name").to_string())
        .collect();
    for part in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/_rels/document.xml.rels",
        "word/styles.xml",
    ] {
        assert!(names.iter().any(|n| n == part), "{part} missing: {names:?}");
    }
    for i in 0..z.len() {
        let mut f = z.by_index(i).expect("entry");
        let mut buf = Vec::new();
        f.read_to_end(&mut buf).expect("entry reads, CRC checked");
    }
    let styles = zip_part(rel, "word/styles.xml");
    for decl in [
        "w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/>",
        "w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/>",
        "<w:outlineLvl w:val=\"0\"/>",
        "<w:outlineLvl w:val=\"1\"/>",
        "<w:lang w:val=\"fr-FR\"",
    ] {
        assert!(styles.contains(decl), "styles.xml lacks {decl}");
    }
    let doc = zip_part(rel, "word/document.xml");
    assert!(doc.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"), "A4");
    assert_eq!(
        docx_headings(rel),
        documents::memoire(Deviation::None).headings()
    );
    let missing = docx_headings("documents/memoire-docx-manquant/L03_Memoire_technique.docx");
    assert_eq!(missing.len(), 24);
    assert!(!missing.iter().any(|(_, h)| h.starts_with("5.2 ")));
}

#[test]
fn the_financial_answers_carry_email_and_currency() {
    let ok = zip_part(
        "caih-offre-ok/CRF_Offre_financiere.xlsx",
        "xl/sharedStrings.xml",
    );
    assert!(ok.contains("contact@alpha-numerique.fr"));
    assert!(ok.contains("270 000,00 € HT"));
    assert!(!ok.contains("USD") && !ok.contains('$'));
    let usd = zip_part(
        "documents/montant-dollars/CRF_Offre_financiere.xlsx",
        "xl/sharedStrings.xml",
    );
    assert!(usd.contains("$270,000.00") && usd.contains("Montant HT (USD)"));
    assert!(!usd.contains('€'));
}

#[test]
fn encrypted_pdfs_are_encrypted() {
    let user = read("hostile/user-password.pdf");
    let doc = lopdf::Document::load_mem(&user).expect("lopdf loads it");
    assert!(doc.is_encrypted(), "needs a password to be read");
    let with = |password: &str| {
        lopdf::Document::load_mem_with_options(&user, lopdf::LoadOptions::with_password(password))
    };
    let doc = with(hostile::USER_PASSWORD).expect("the user password opens it");
    assert!(!doc.is_encrypted() && doc.was_encrypted());
    assert_eq!(doc.get_pages().len(), 1);
    assert!(with("mauvais").map_or(true, |d| d.is_encrypted()));

    let owner = read("hostile/owner-password-only.pdf");
    let doc = lopdf::Document::load_mem(&owner).expect("lopdf loads it");
    assert!(doc.was_encrypted(), "encrypted on disk");
    assert!(!doc.is_encrypted(), "opened with the empty user password");
    let t = pdf_extract::extract_text_from_mem(&owner).expect("text without a password");
    assert!(t.contains("s'ouvre sans mot de passe"), "{t}");
    for raw in [&user, &owner] {
        let s = String::from_utf8_lossy(raw);
        assert!(s.contains("/Filter /Standard") || s.contains("/Filter/Standard"));
    }
}

#[test]
fn broken_pdfs_do_not_load_and_odd_ones_do() {
    for rel in [
        "hostile/truncated.pdf",
        "hostile/empty.pdf",
        "hostile/html-renamed.pdf",
    ] {
        assert!(lopdf::Document::load_mem(&read(rel)).is_err(), "{rel}");
    }
    assert!(read("hostile/empty.pdf").is_empty());
    let full = bidlint_fixturegen::pdf::render(&documents::memoire(Deviation::None)).expect("pdf");
    let cut = read("hostile/truncated.pdf");
    assert_eq!(cut.len(), full.len() / 2);
    assert!(full.starts_with(&cut));

    let doc = lopdf::Document::load_mem(&read("hostile/xobject-self.pdf")).expect("loads");
    let selfref = doc.objects.iter().any(|(id, o)| {
        o.as_stream().is_ok_and(|s| {
            s.dict
                .get(b"Resources")
                .and_then(lopdf::Object::as_dict)
                .and_then(|r| r.get(b"XObject"))
                .and_then(lopdf::Object::as_dict)
                .and_then(|x| x.get(b"X1"))
                .and_then(lopdf::Object::as_reference)
                .is_ok_and(|r| r == *id)
        })
    });
    assert!(selfref, "a form XObject naming itself");

    let doc = lopdf::Document::load_mem(&read("hostile/parent-loop.pdf")).expect("loads");
    let parent = |id: lopdf::ObjectId| {
        doc.get_dictionary(id)
            .and_then(|d| d.get(b"Parent"))
            .and_then(lopdf::Object::as_reference)
            .ok()
    };
    let cycle = doc.objects.keys().any(|id| {
        let mut cur = *id;
        (0..4).any(|_| match parent(cur) {
            Some(p) => {
                cur = p;
                cur == *id
            }
            None => false,
        })
    });
    assert!(cycle, "a /Parent cycle");
}

#[test]
fn the_signed_pdf_has_a_signature_field_and_a_byte_range() {
    let bytes = read("hostile/signed.pdf");
    let doc = lopdf::Document::load_mem(&bytes).expect("loads");
    let sig = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .find(|d| d.get(b"Type").and_then(lopdf::Object::as_name).ok() == Some(b"Sig".as_slice()))
        .expect("a signature dictionary");
    let range: Vec<usize> = sig
        .get(b"ByteRange")
        .and_then(lopdf::Object::as_array)
        .expect("byte range")
        .iter()
        .map(|v| v.as_i64().expect("integer") as usize)
        .collect();
    assert_eq!(range[0], 0);
    assert_eq!(range[2] + range[3], bytes.len());
    assert_eq!(bytes[range[1]], b'<');
    assert_eq!(bytes[range[2] - 1], b'>');
    let field = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .find(|d| d.get(b"FT").and_then(lopdf::Object::as_name).ok() == Some(b"Sig".as_slice()));
    assert!(field.is_some(), "a /FT /Sig field");
    let catalog = doc.catalog().expect("catalog");
    assert!(catalog.get(b"AcroForm").is_ok());
}

#[test]
fn our_deflate_inflates_to_what_it_says() {
    use flate2::read::{DeflateDecoder, ZlibDecoder};
    for (byte, n) in [
        (b' ', 1u64),
        (b' ', 258),
        (b' ', 259),
        (0, 100_000),
        (b'A', 1_000_003),
    ] {
        let raw = hostile::deflate_run(b"debut ", byte, n, b" fin");
        let mut got = Vec::new();
        DeflateDecoder::new(raw.as_slice())
            .read_to_end(&mut got)
            .expect("inflates");
        let mut want = b"debut ".to_vec();
        want.extend(std::iter::repeat_n(byte, n as usize));
        want.extend_from_slice(b" fin");
        assert!(got == want, "byte {byte} × {n}");
        let z = hostile::zlib_run(b"", byte, n, b"");
        let mut got = Vec::new();
        ZlibDecoder::new(z.as_slice())
            .read_to_end(&mut got)
            .expect("zlib checks the Adler-32");
        assert_eq!(got.len() as u64, n);
    }
}

#[test]
fn the_bombs_are_small_on_disk_and_large_inside() {
    use flate2::read::ZlibDecoder;
    // flate-bomb.pdf: the first FlateDecode gives about 2 MB, itself a zlib stream whose first
    // bytes decode to the page's text then spaces (2 GiB of them, not decoded here).
    let pdf = read("hostile/flate-bomb.pdf");
    assert!(pdf.len() < 16 * 1024, "{} bytes", pdf.len());
    let doc = lopdf::Document::load_mem(&pdf).expect("loads");
    let stream = doc
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .find(|s| s.dict.get(b"Filter").is_ok_and(|f| f.as_array().is_ok()))
        .expect("the doubly filtered stream");
    let mut inner = Vec::new();
    ZlibDecoder::new(stream.content.as_slice())
        .read_to_end(&mut inner)
        .expect("first layer");
    assert!(
        inner.len() > 2_000_000 && inner.len() < 2_200_000,
        "{}",
        inner.len()
    );
    let mut head = vec![0u8; 4096];
    ZlibDecoder::new(inner.as_slice())
        .read_exact(&mut head)
        .expect("second layer starts");
    assert!(head.starts_with(b"BT /F1 12 Tf"));
    assert!(head[200..].iter().all(|&b| b == b' '));

    let zip = read("hostile/zip-bomb.docx");
    assert!(zip.len() < 2 * 1024 * 1024, "{} bytes", zip.len());
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(zip)).expect("a zip");
    let f = z.by_name("word/document.xml").expect("document.xml");
    assert!(
        f.size() >= hostile::ZIP_BOMB_BYTES,
        "declares {} bytes",
        f.size()
    );

    let liar = read("hostile/zip-bomb-lying-sizes.docx");
    assert!(liar.len() < 512 * 1024);
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(liar)).expect("a zip");
    let f = z.by_name("word/document.xml").expect("document.xml");
    assert_eq!(f.size(), u64::from(hostile::ZIP_LIAR_DECLARED));
    assert!(
        f.compressed_size() > 200_000,
        "far more than 16 KiB can need"
    );

    let xlsx = zip_part("hostile/huge-dimension.xlsx", "xl/worksheets/sheet1.xml");
    assert!(xlsx.contains("<dimension ref=\"A1:XFD1048576\"/>"));
    assert_eq!(xlsx.matches("<row ").count(), 3);
}

#[test]
fn the_fixtures_stay_small() {
    let total: u64 = walk(out())
        .iter()
        .map(|p| std::fs::metadata(p).expect("size").len())
        .sum();
    assert!(total < 6 * 1024 * 1024, "{total} bytes");
}
