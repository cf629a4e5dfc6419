//! The benchmark's inputs, generated (never committed): a large bid folder and a
//! 100,000-file tree.
//!
//! The large folder is the compliant CAIH offer (`caih-offre-ok`, so the built-in pack runs
//! every rule on it) with, under `annexes/`, hundreds of PDF annexes of 1 to 200 pages of
//! varied French text, Word annexes and workbooks. Page counts are skewed as in real deposits:
//! most annexes are short (attestations, CVs), a few are long (technical documentation). The
//! same seed gives the same bytes: a scale `N` is `N` times the annexes, all distinct.
//!
//! The name tree is empty files with the names of a real deposit, nested by lot, member and
//! section, about one in eight over 29 characters.

use std::path::Path;

use crate::bids::{self, Content};
use crate::documents::{Block, Doc};
use crate::xlsx::{Sheet, n, t};

/// Annexes per scale unit: PDFs, Word documents, workbooks.
pub const PDFS: usize = 200;
pub const DOCXS: usize = 20;
pub const XLSXS: usize = 10;

/// xorshift64*: a small, seeded, portable generator (the corpus must not depend on a crate's
/// algorithm changing).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn pick<'a>(&mut self, words: &[&'a str]) -> &'a str {
        words[self.below(words.len())]
    }
}

const NOUNS: &[&str] = &[
    "plateforme",
    "architecture",
    "sécurité",
    "réversibilité",
    "hébergement",
    "établissement",
    "interopérabilité",
    "messagerie",
    "annuaire",
    "migration",
    "sauvegarde",
    "supervision",
    "gouvernance",
    "maintenance",
    "formation",
    "documentation",
    "identité",
    "virtualisation",
    "conformité",
    "exploitation",
    "continuité",
    "souveraineté",
    "donnée",
    "brique",
    "communauté",
];
const VERBS: &[&str] = &[
    "garantit",
    "assure",
    "permet",
    "renforce",
    "décrit",
    "précise",
    "organise",
    "couvre",
    "simplifie",
    "documente",
];
const ADJECTIVES: &[&str] = &[
    "libre",
    "souveraine",
    "hospitalière",
    "redondante",
    "chiffrée",
    "mutualisée",
    "réversible",
    "certifiée",
    "ouverte",
    "pérenne",
];
const LINKS: &[&str] = &[
    "pour chaque établissement",
    "dans le respect du RGPD",
    "selon le référentiel HDS",
    "au sein du groupement",
    "pendant toute la durée du marché",
    "avec un engagement de service",
    "sur le territoire de l'Union européenne",
];

/// A French sentence of 12 to 30 words.
fn sentence(rng: &mut Rng) -> String {
    let mut s = String::new();
    let clauses = 1 + rng.below(3);
    for c in 0..clauses {
        if c > 0 {
            s.push_str(if rng.below(2) == 0 { ", et " } else { " ; " });
        }
        s.push_str(&format!(
            "la {} {} {} la {} {} {}",
            rng.pick(NOUNS),
            rng.pick(ADJECTIVES),
            rng.pick(VERBS),
            rng.pick(NOUNS),
            rng.pick(ADJECTIVES),
            rng.pick(LINKS)
        ));
    }
    let mut chars = s.chars();
    let first: String = chars
        .next()
        .map(|c| c.to_uppercase().collect())
        .unwrap_or_default();
    format!("{first}{}.", chars.as_str())
}

fn paragraph(rng: &mut Rng) -> String {
    (0..3 + rng.below(3))
        .map(|_| sentence(rng))
        .collect::<Vec<_>>()
        .join(" ")
}

/// An annex of `pages` pages: a title, then on each page a numbered heading, paragraphs and,
/// one page in four, a table of figures as lines.
fn annex(rng: &mut Rng, title: &str, pages: usize) -> Doc {
    let mut doc = Doc::new(title, "Alpha Santé Numérique").footer(title);
    for page in 0..pages {
        if page > 0 {
            doc.blocks.push(Block::PageBreak);
        }
        doc.blocks.push(Block::H2(format!(
            "{}.{} {}",
            page / 10 + 1,
            page % 10 + 1,
            rng.pick(NOUNS)
        )));
        for _ in 0..3 {
            doc.blocks.push(Block::P(paragraph(rng)));
        }
        if page % 4 == 3 {
            for row in 0..6 {
                doc.blocks.push(Block::P(format!(
                    "Ligne {row} : {} — {} jours, {} € HT",
                    rng.pick(NOUNS),
                    1 + rng.below(90),
                    100 * (1 + rng.below(500))
                )));
            }
        }
    }
    doc
}

/// 1 to 200 pages, most annexes short: 1 + 199·u⁵ (mean about 34 pages).
fn page_count(rng: &mut Rng) -> usize {
    1 + (199.0 * rng.unit().powi(5)).round() as usize
}

fn workbook(rng: &mut Rng, k: usize) -> Content {
    let rows: Vec<Vec<crate::xlsx::Cell>> =
        std::iter::once(vec![t("Poste"), t("Quantité"), t("Prix unitaire (€ HT)")])
            .chain((0..200).map(|_| {
                vec![
                    t(&format!("{} {}", rng.pick(NOUNS), rng.pick(ADJECTIVES))),
                    n(1.0 + rng.below(50) as f64),
                    n(10.0 * (1 + rng.below(900)) as f64),
                ]
            }))
            .collect();
    Content::Xlsx {
        title: format!("Annexe financière {k}"),
        sheets: vec![Sheet {
            name: "Détail".to_string(),
            rows,
        }],
    }
}

/// Write the large bid folder at `out` (replaced): the compliant CAIH offer and `scale` times
/// the annexes. Returns the number of files and of PDF pages written.
pub fn large_bid(out: &Path, scale: usize) -> Result<(usize, usize), Box<dyn std::error::Error>> {
    let mut bid = bids::caih_offre();
    bid.name = out.file_name().map_or_else(
        || "corpus".to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut pages = 0;
    for k in 0..PDFS * scale {
        let p = page_count(&mut rng);
        pages += p;
        let title = format!("Annexe {} — {}", k + 1, rng.pick(NOUNS));
        let doc = annex(&mut rng, &title, p);
        bid = bid.add(&format!("annexes/A{:04}_Annexe.pdf", k + 1), doc.pdf());
    }
    for k in 0..DOCXS * scale {
        let p = 1 + rng.below(20);
        let title = format!("Note {} — {}", k + 1, rng.pick(NOUNS));
        let doc = annex(&mut rng, &title, p);
        bid = bid.add(&format!("annexes/N{:04}_Note.docx", k + 1), doc.docx());
    }
    for k in 0..XLSXS * scale {
        let content = workbook(&mut rng, k + 1);
        bid = bid.add(&format!("annexes/T{:04}_Tableau.xlsx", k + 1), content);
    }
    let parent = out.parent().unwrap_or_else(|| Path::new("."));
    crate::write_bid(parent, &bid)?;
    Ok((bid.files.len() + 1, pages))
}

/// Write `count` empty files (and their folders) below `out` (replaced), with a `bid.yaml`
/// naming `pack`. Returns how many names are over 29 characters.
pub fn name_tree(out: &Path, count: usize, pack: &str) -> std::io::Result<usize> {
    if out.exists() {
        std::fs::remove_dir_all(out)?;
    }
    std::fs::create_dir_all(out)?;
    std::fs::write(
        out.join("bid.yaml"),
        format!(
            "consultation: {pack}\nphase: candidature\ncandidate:\n  name: Banc d'essai\n  form: individuel\nmembers:\n  - name: Alpha Santé Numérique\n    short: Alpha\n    siret: \"73282932000074\"\n    role: individuel\n"
        ),
    )?;
    const PIECES: &[&str] = &[
        "DC1",
        "DH",
        "Trame",
        "Moyens",
        "Refs",
        "Plaq",
        "HDS",
        "Assurance",
        "Russie",
        "Kbis",
        "Memoire",
        "Annexe",
        "Planning",
        "Prix",
        "CV",
    ];
    const EXTENSIONS: &[&str] = &["pdf", "docx", "xlsx"];
    let mut rng = Rng(0xD1B5_4A32_D192_ED03);
    let mut long = 0;
    let mut made = 0;
    'tree: for lot in 1.. {
        for member in 1..=20 {
            for section in 1..=10 {
                let dir = out.join(format!("lot{lot:02}/membre{member:02}/section{section:02}"));
                std::fs::create_dir_all(&dir)?;
                for _ in 0..50 {
                    if made == count {
                        break 'tree;
                    }
                    made += 1;
                    let piece = rng.pick(PIECES);
                    let ext = rng.pick(EXTENSIONS);
                    // One in eight with a long, descriptive label: over the 29-character limit.
                    let name = if rng.below(8) == 0 {
                        long += 1;
                        format!("26_01_DC_{piece}_complet_version_{made}_Alpha.{ext}")
                    } else {
                        format!("DC_{piece}_{made}.{ext}")
                    };
                    std::fs::File::create(dir.join(name))?;
                }
            }
        }
    }
    Ok(long)
}
