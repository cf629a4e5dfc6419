//! The fixture bid folders, described as data: each file with its content, each manifest as
//! text. Broken variants are the compliant CAIH candidature with exactly one change.

use crate::documents::{self, Currency, Deviation};
use crate::pdf::{A4, PdfSpec};
use crate::xlsx::{Sheet, n, t};
use crate::zipfile::{ENCRYPTED, Entry, UTF8_NAME};

/// What a file holds.
#[derive(Debug, Clone)]
pub enum Content {
    Pdf(PdfSpec),
    Xlsx { title: String, sheets: Vec<Sheet> },
    Bytes(Vec<u8>),
}

#[derive(Debug, Clone)]
pub struct File {
    pub path: String,
    pub content: Content,
}

#[derive(Debug, Clone)]
pub struct Bid {
    /// Folder below the output directory.
    pub name: String,
    pub manifest: String,
    pub files: Vec<File>,
}

// The edits below `panic!` when a fixture description names a file or manifest text that is
// not there: that is a mistake in this generator's data, and generating a silently different
// fixture would be worse than stopping.
impl Bid {
    pub(crate) fn remove(mut self, path: &str) -> Bid {
        let before = self.files.len();
        self.files.retain(|f| f.path != path);
        assert_ne!(
            before,
            self.files.len(),
            "fixture {} has no {path}",
            self.name
        );
        self
    }
    pub(crate) fn rename(mut self, from: &str, to: &str) -> Bid {
        let f = self.files.iter_mut().find(|f| f.path == from);
        f.unwrap_or_else(|| panic!("fixture {} has no {from}", self.name))
            .path = to.to_string();
        self
    }
    pub(crate) fn add(mut self, path: &str, content: Content) -> Bid {
        self.files.push(File {
            path: path.to_string(),
            content,
        });
        self
    }
    /// The same file name with other contents.
    pub(crate) fn replace(mut self, path: &str, content: Content) -> Bid {
        let f = self.files.iter_mut().find(|f| f.path == path);
        f.unwrap_or_else(|| panic!("fixture {} has no {path}", self.name))
            .content = content;
        self
    }
    pub(crate) fn manifest_edit(mut self, from: &str, to: &str) -> Bid {
        assert!(
            self.manifest.contains(from),
            "fixture {}: manifest lacks {from:?}",
            self.name
        );
        self.manifest = self.manifest.replacen(from, to, 1);
        self
    }
    /// A variant: the same bid under another name, its manifest saying what changed.
    fn variant(&self, name: &str, what: &str) -> Bid {
        self.variant_in("caih-broken", name, what)
    }
    /// A variant in the folder `dir`.
    pub(crate) fn variant_in(&self, dir: &str, name: &str, what: &str) -> Bid {
        let mut b = self.clone();
        b.name = format!("{dir}/{name}");
        b.manifest = b.manifest.replacen(
            "\nconsultation:",
            &format!("# Variante : {what}\nconsultation:"),
            1,
        );
        b
    }
}

const HEADER: &str = "# Généré par bidlint-fixturegen : ne pas modifier à la main\n# (cargo run -p bidlint-fixturegen -- fixtures).\n";

fn file(path: &str, content: Content) -> File {
    File {
        path: path.to_string(),
        content,
    }
}

fn signature(company: &str, siret: &str) -> [String; 3] {
    [
        format!("Société : {company}"),
        format!("SIRET : {siret}"),
        "Fait à Lyon, le 10 février 2026 — signature du représentant habilité".to_string(),
    ]
}

fn with_sig(title: &str, body: &[&str], company: &str, siret: &str) -> Content {
    let mut lines: Vec<String> = body.iter().map(|s| s.to_string()).collect();
    lines.push(String::new());
    lines.extend(signature(company, siret));
    Content::Pdf(PdfSpec {
        title: title.to_string(),
        pages: vec![lines],
        size: A4,
    })
}

fn trame(company: &str) -> Content {
    Content::Xlsx {
        title: format!("Trame de candidature — {company}"),
        sheets: vec![
            Sheet {
                name: "CA".into(),
                rows: vec![
                    vec![
                        t("Exercice"),
                        t("CA global (€ HT)"),
                        t("CA open source (€ HT)"),
                        t("CA hébergement open source (€ HT)"),
                    ],
                    vec![n(2023.0), n(4_200_000.0), n(2_900_000.0), n(600_000.0)],
                    vec![n(2024.0), n(4_750_000.0), n(3_300_000.0), n(710_000.0)],
                    vec![n(2025.0), n(5_100_000.0), n(3_650_000.0), n(820_000.0)],
                ],
            },
            Sheet {
                name: "Effectifs".into(),
                rows: vec![
                    vec![
                        t("Exercice"),
                        t("Effectif total"),
                        t("Encadrement"),
                        t("Développeurs"),
                        t("Support N2/N3"),
                    ],
                    vec![n(2023.0), n(48.0), n(7.0), n(29.0), n(6.0)],
                    vec![n(2024.0), n(55.0), n(8.0), n(33.0), n(7.0)],
                    vec![n(2025.0), n(61.0), n(9.0), n(36.0), n(8.0)],
                ],
            },
            Sheet {
                name: "Références".into(),
                rows: vec![
                    vec![t("Référence"), t("Client"), t("Année"), t("Objet")],
                    vec![
                        n(1.0),
                        t("CHU de Rennes"),
                        n(2024.0),
                        t("Migration de la messagerie vers une suite open source"),
                    ],
                    vec![
                        n(2.0),
                        t("GHT Alpes"),
                        n(2025.0),
                        t("Annuaire et SSO interopérables avec Pro Santé Connect"),
                    ],
                    vec![
                        n(3.0),
                        t("Région Occitanie"),
                        n(2023.0),
                        t("Virtualisation Proxmox et PRA"),
                    ],
                ],
            },
        ],
    }
}

const ALPHA: (&str, &str) = ("Alpha Numérique SAS", "123 456 782 00010");
const BETA: (&str, &str) = ("Beta Cloud SA", "987 654 324 00035");

fn assurance(company: (&str, &str)) -> Content {
    with_sig(
        "Attestation d'assurance responsabilité civile professionnelle",
        &[
            "L'assureur Mutuelle des Services Numériques atteste que la société désignée ci-dessous",
            "est titulaire d'un contrat d'assurance responsabilité civile professionnelle n° RC-2026-0412.",
            "Attestation valable du 01/01/2026 au 31/12/2026.",
        ],
        company.0,
        company.1,
    )
}

fn dh(company: (&str, &str)) -> Content {
    with_sig(
        "Déclaration sur l'honneur",
        &[
            "Le candidat déclare sur l'honneur n'entrer dans aucun des cas mentionnés aux articles",
            "L. 2141-1 à L. 2141-5 et L. 2141-7 à L. 2141-11 du Code de la commande publique,",
            "et satisfaire aux obligations d'emploi des travailleurs handicapés (L. 5212-1 à L. 5212-11).",
        ],
        company.0,
        company.1,
    )
}

fn russie(company: (&str, &str)) -> Content {
    with_sig(
        "Attestation sur l'honneur relative aux sanctions prises contre les opérateurs russes",
        &[
            "Le candidat atteste ne pas relever de l'article 5 duodecies du règlement (UE) n° 833/2014.",
        ],
        company.0,
        company.1,
    )
}

fn hds(company: (&str, &str), until: &str) -> Content {
    with_sig(
        "Certificat de conformité HDS — Hébergeur de données de santé",
        &[
            "Organisme certificateur : Certification Santé Numérique (accrédité COFRAC).",
            "Périmètre : hébergement d'infrastructure physique et infogérance, activités 1 à 6.",
            &format!("Certificat n° HDS-2024-118, valable jusqu'au {until}."),
        ],
        company.0,
        company.1,
    )
}

fn plaquette(n: u32) -> Content {
    let page = |k: u32| -> Vec<String> {
        vec![
            format!("Référence {n} — page {k}/2"),
            "Contexte, périmètre, volumétrie, résultats obtenus et contact du client.".to_string(),
        ]
    };
    Content::Pdf(PdfSpec {
        title: format!("Plaquette de présentation — Référence {n}"),
        pages: vec![page(1), page(2)],
        size: A4,
    })
}

/// The compliant CAIH candidature of a groupement of two: mandataire Alpha, cotraitant Beta
/// providing the HDS hosting, each with its pieces in its own folder.
pub fn caih_groupement() -> Bid {
    let manifest = format!(
        "{HEADER}consultation: caih-aos-2026
phase: candidature
deadline: 2026-02-19T12:00:00+01:00
candidate:
  name: Groupement Alpha-Beta
  form: groupement
members:
  - name: Alpha Numérique SAS
    short: Alpha
    siret: \"12345678200010\"
    role: mandataire
    folder: alpha
    redressement_judiciaire: false
    hosting: false
    certifications: []
  - name: Beta Cloud SA
    short: Beta
    siret: \"98765432400035\"
    role: cotraitant
    folder: beta
    redressement_judiciaire: false
    hosting: true
    certifications:
      - scheme: HDS
        activities: [1, 2, 3, 4, 5, 6]
        valid_until: 2027-06-30
      - scheme: SecNumCloud
        version: \"3.2\"
hosting:
  datacenters:
    - provider: Beta Cloud
      location: Strasbourg
      country: FR
    - provider: Beta Cloud
      location: Francfort
      country: DE
  administration: [FR]
"
    );
    Bid {
        name: "caih-groupement-ok".into(),
        manifest,
        files: vec![
            file("alpha/26_01_DC_DC1_Alpha.pdf", documents::dc1().pdf()),
            file(
                "alpha/26_01_DC_DH_Alpha.pdf",
                documents::dh(documents::ALPHA).pdf(),
            ),
            file("alpha/26_01_DC_Trame_Alpha.xlsx", trame(ALPHA.0)),
            file("alpha/26_01_DC_Moyens_Alpha.pdf", documents::moyens().pdf()),
            file(
                "alpha/26_01_DC_Refs_Alpha.pdf",
                documents::references().pdf(),
            ),
            file(
                "alpha/26_01_DC_Plaq1_Alpha.pdf",
                documents::plaquette(1, A4, 2),
            ),
            file(
                "alpha/26_01_DC_Plaq2_Alpha.pdf",
                documents::plaquette(2, A4, 2),
            ),
            file(
                "alpha/26_01_DC_Assurance_Alpha.pdf",
                documents::assurance(documents::ALPHA, 2026).pdf(),
            ),
            file(
                "alpha/26_01_DC_Russie_Alpha.pdf",
                documents::russie(documents::ALPHA).pdf(),
            ),
            file(
                "beta/26_01_DC_DH_Beta.pdf",
                documents::dh(documents::BETA).pdf(),
            ),
            file("beta/26_01_DC_Trame_Beta.xlsx", trame(BETA.0)),
            file(
                "beta/26_01_DC_HDS_Beta.pdf",
                documents::hds(documents::BETA, 6).pdf(),
            ),
            file(
                "beta/26_01_DC_Assurance_Beta.pdf",
                documents::assurance(documents::BETA, 2026).pdf(),
            ),
            file(
                "beta/26_01_DC_Russie_Beta.pdf",
                documents::russie(documents::BETA).pdf(),
            ),
        ],
    }
}

/// A compliant individual CAIH candidature: one member, pieces at the root, attributed to the
/// member by the `_Delta` token of their names.
pub fn caih_individuel() -> Bid {
    let d = ("Delta Santé Libre SAS", "111 222 337 00045");
    let manifest = format!(
        "{HEADER}consultation: caih-aos-2026
phase: candidature
deadline: 2026-02-19T12:00:00+01:00
candidate:
  name: Delta Santé Libre SAS
  form: individuel
members:
  - name: Delta Santé Libre SAS
    short: Delta
    siret: \"11122233700045\"
    role: individuel
    redressement_judiciaire: false
    hosting: true
    certifications:
      - scheme: HDS
        activities: [1, 2, 3, 4, 5, 6]
        valid_until: 2027-06-30
hosting:
  datacenters:
    - provider: Delta Santé Libre
      location: Roubaix
      country: FR
  administration: [FR]
"
    );
    Bid {
        name: "caih-individuel-ok".into(),
        manifest,
        files: vec![
            file(
                "26_01_DC_DC1_Delta.pdf",
                with_sig(
                    "Lettre de candidature — DC1",
                    &["Candidat individuel."],
                    d.0,
                    d.1,
                ),
            ),
            file("26_01_DC_DH_Delta.pdf", dh(d)),
            file("26_01_DC_Trame_Delta.xlsx", trame(d.0)),
            file(
                "26_01_DC_Moyens_Delta.pdf",
                with_sig(
                    "Moyens techniques et organisationnels",
                    &["Équipe de 20 personnes."],
                    d.0,
                    d.1,
                ),
            ),
            file(
                "26_01_DC_Refs_Delta.pdf",
                with_sig(
                    "Liste des références",
                    &["1. CH de Valence (2025)."],
                    d.0,
                    d.1,
                ),
            ),
            file("26_01_DC_Plaq1_Delta.pdf", plaquette(1)),
            file("26_01_DC_HDS_Delta.pdf", hds(d, "30/06/2027")),
            file("26_01_DC_Assurance_Delta.pdf", assurance(d)),
            file("26_01_DC_Russie_Delta.pdf", russie(d)),
        ],
    }
}

/// A compliant ANS « SI Cœur et Portails » candidacy of an individual candidate for lots 1
/// and 2, HDS activity 5 held, hosted in metropolitan France.
pub fn ans() -> Bid {
    let g = ("Gamma Santé SAS", "555 444 330 00024");
    let manifest = format!(
        "{HEADER}consultation: ans-si-coeur-2026
phase: candidature
deadline: 2026-07-15T12:00:00+02:00
candidate:
  name: Gamma Santé SAS
  form: individuel
lots: [1, 2]
members:
  - name: Gamma Santé SAS
    short: Gamma
    siret: \"55544433000024\"
    role: individuel
    redressement_judiciaire: false
    hosting: true
    certifications:
      - scheme: HDS
        activities: [1, 2, 3, 4, 5, 6]
        valid_until: 2027-12-31
hosting:
  datacenters:
    - provider: Gamma Santé
      location: Roubaix
      country: FR
  administration: [FR]
"
    );
    Bid {
        name: "ans-ok".into(),
        manifest,
        files: vec![
            file(
                "DC1_Lettre_candidature.pdf",
                with_sig(
                    "Lettre de candidature — DC1",
                    &["Lots 1 et 2 — SI Cœur et Portails."],
                    g.0,
                    g.1,
                ),
            ),
            file(
                "DC2_Declaration_candidat.pdf",
                with_sig(
                    "Déclaration du candidat individuel — DC2",
                    &["Capacités économiques et techniques."],
                    g.0,
                    g.1,
                ),
            ),
            file(
                "Certificat_HDS_Gamma.pdf",
                with_sig(
                    "Certificat de conformité HDS",
                    &[
                        "Activités certifiées : 1, 2, 3, 4, 5 et 6.",
                        "Activité 5 : administration et exploitation du système d'information contenant les données de santé.",
                        "Valable jusqu'au 31/12/2027.",
                    ],
                    g.0,
                    g.1,
                ),
            ),
            file("Attestation_assurance.pdf", assurance(g)),
            file(
                "Kbis_Gamma.pdf",
                with_sig(
                    "Extrait Kbis",
                    &["Greffe du tribunal de commerce de Lille Métropole."],
                    g.0,
                    g.1,
                ),
            ),
        ],
    }
}

/// The CAIH offer phase: the annexe-3 deliverables (the mémoire technique L3 following the
/// imposed plan of annexe 2), the acte d'engagement and the financial answer, both carrying the
/// e-mail address article 5.3 requires and their amounts in euros.
pub fn caih_offre() -> Bid {
    let base = caih_groupement();
    let manifest = base
        .manifest
        .replacen("phase: candidature", "phase: offre", 1)
        .replacen(
            "deadline: 2026-02-19T12:00:00+01:00",
            "deadline: 2026-04-15T12:00:00+02:00",
            1,
        );
    let mut files = vec![file(
        "L03_Memoire_technique.pdf",
        documents::memoire(Deviation::None).pdf(),
    )];
    for (path, title, covers) in documents::DELIVERABLES {
        files.push(file(path, documents::deliverable(title, covers).pdf()));
    }
    files.push(file(
        "AE_Acte_engagement.pdf",
        documents::acte_engagement(true).pdf(),
    ));
    files.push(file(
        "CRF_Offre_financiere.xlsx",
        documents::offre_financiere(Currency::Euro),
    ));
    Bid {
        name: "caih-offre-ok".into(),
        manifest,
        files,
    }
}

/// The same offer with the mémoire technique as a Word document, headings in the `Heading1`
/// and `Heading2` styles.
pub fn caih_offre_docx() -> Bid {
    let mut b = caih_offre().remove("L03_Memoire_technique.pdf").add(
        "L03_Memoire_technique.docx",
        documents::memoire(Deviation::None).docx(),
    );
    b.name = "caih-offre-docx-ok".into();
    b.manifest = b.manifest.replacen(
        "\nconsultation:",
        "# Le mémoire technique (L3) est un document Word.\nconsultation:",
        1,
    );
    b
}

/// A little PE header: `MZ`, the offset of the PE signature, then `PE\0\0`.
fn pe_bytes() -> Vec<u8> {
    let mut b = vec![0u8; 0x80];
    b[0] = b'M';
    b[1] = b'Z';
    b[0x3c] = 0x40;
    b[0x40..0x44].copy_from_slice(b"PE\0\0");
    b
}

fn hostile_archive() -> Vec<u8> {
    let inner = crate::zipfile::build(&[Entry {
        name: b"note.txt".to_vec(),
        data: b"annexe".to_vec(),
        flags: 0,
    }]);
    crate::zipfile::build(&[
        Entry {
            name: b"inner.zip".to_vec(),
            data: inner,
            flags: 0,
        },
        Entry {
            name: b"confidentiel.pdf".to_vec(),
            data: b"\x8f\x12\x7a\x00\x11\x42\x99\x03\x21\x7f\x55\x10chiffre".to_vec(),
            flags: ENCRYPTED,
        },
        // « Mémoire technique/plan.pdf » in Latin-1, without the UTF-8 flag.
        Entry {
            name: b"M\xe9moire technique/plan.pdf".to_vec(),
            data: b"%PDF-1.4\n%%EOF\n".to_vec(),
            flags: 0,
        },
        Entry {
            name: "Réponse/lisible.pdf".as_bytes().to_vec(),
            data: b"%PDF-1.4\n%%EOF\n".to_vec(),
            flags: UTF8_NAME,
        },
    ])
}

/// An xlsx with a VBA project inside: what Excel saves as .xlsm.
fn macro_workbook() -> Vec<u8> {
    crate::zipfile::build(&[
        Entry { name: b"[Content_Types].xml".to_vec(), data: b"<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".to_vec(), flags: 0 },
        Entry { name: b"xl/workbook.xml".to_vec(), data: b"<?xml version=\"1.0\"?><workbook/>".to_vec(), flags: 0 },
        Entry { name: b"xl/vbaProject.bin".to_vec(), data: vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], flags: 0 },
    ])
}

/// Each variant changes one thing of the compliant CAIH candidature.
pub fn caih_variants() -> Vec<Bid> {
    let ok = caih_groupement();
    vec![
        ok.variant("nom-30", "un nom de 36 caractères").rename(
            "alpha/26_01_DC_Moyens_Alpha.pdf",
            "alpha/26_01_DC_Moyens_techniques_Alpha.pdf",
        ),
        ok.variant("nom-format", "un nom hors convention")
            .rename("beta/26_01_DC_DH_Beta.pdf", "beta/DH_Beta.pdf"),
        ok.variant("cand-dc1", "pas de lettre de candidature")
            .remove("alpha/26_01_DC_DC1_Alpha.pdf"),
        ok.variant("cand-dh", "pas de déclaration sur l'honneur de Beta")
            .remove("beta/26_01_DC_DH_Beta.pdf"),
        ok.variant(
            "cand-jugement",
            "Beta en redressement judiciaire, sans jugement",
        )
        .manifest_edit(
            "    redressement_judiciaire: false\n    hosting: true",
            "    redressement_judiciaire: true\n    hosting: true",
        ),
        ok.variant("cand-trame", "pas de trame Excel pour Beta")
            .remove("beta/26_01_DC_Trame_Beta.xlsx"),
        ok.variant("cand-moyens", "pas de description des moyens")
            .remove("alpha/26_01_DC_Moyens_Alpha.pdf"),
        ok.variant("cand-references", "pas de liste de références")
            .remove("alpha/26_01_DC_Refs_Alpha.pdf"),
        ok.variant("cand-plaquette", "pas de plaquette")
            .remove("alpha/26_01_DC_Plaq1_Alpha.pdf")
            .remove("alpha/26_01_DC_Plaq2_Alpha.pdf"),
        ok.variant("cand-hds", "pas de certificat HDS dans le dossier")
            .remove("beta/26_01_DC_HDS_Beta.pdf"),
        ok.variant("cand-assurance", "pas d'attestation d'assurance pour Alpha")
            .remove("alpha/26_01_DC_Assurance_Alpha.pdf"),
        ok.variant(
            "cand-russie",
            "pas d'attestation « sanctions russes » pour Beta",
        )
        .remove("beta/26_01_DC_Russie_Beta.pdf"),
        ok.variant("hds-expire", "certificat HDS expiré avant la date limite")
            .manifest_edit("valid_until: 2027-06-30", "valid_until: 2026-01-31")
            .replace("beta/26_01_DC_HDS_Beta.pdf", hds(BETA, "31/01/2026")),
        ok.variant("hebergement-ue", "un datacenter en Suisse")
            .manifest_edit(
                "      location: Francfort\n      country: DE",
                "      location: Zurich\n      country: CH",
            ),
        ok.variant("admin-ue", "administration depuis les États-Unis")
            .manifest_edit("administration: [FR]", "administration: [FR, US]"),
        ok.variant("lots", "des lots pour une consultation non allotie")
            .manifest_edit(
                "hosting:\n  datacenters:",
                "lots: [1]\nhosting:\n  datacenters:",
            ),
        ok.variant("parasites", "fichiers système et temporaires")
            .add(
                ".DS_Store",
                Content::Bytes(b"\x00\x00\x00\x01Bud1\x00\x00\x10\x00\x00\x00\x08\x00".to_vec()),
            )
            .add(
                "alpha/~$26_01_DC_DH_Alpha.docx",
                Content::Bytes({
                    let mut b = vec![0x0Bu8];
                    b.extend_from_slice(b"Alpha Numerique");
                    b.resize(162, 0x20);
                    b
                }),
            )
            .add(
                "beta/Thumbs.db",
                Content::Bytes(vec![
                    0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0,
                ]),
            ),
        ok.variant("executables", "un exécutable et un script déguisé en PDF")
            .add("alpha/outil.exe", Content::Bytes(pe_bytes()))
            .add(
                "beta/26_01_DC_Note_Beta.pdf",
                Content::Bytes(b"#!/bin/sh\necho 'pas un PDF'\n".to_vec()),
            ),
        ok.variant("macros", "un classeur à macros").add(
            "alpha/26_01_DC_CA_Alpha.xlsm",
            Content::Bytes(macro_workbook()),
        ),
        ok.variant("zip", "une archive chiffrée, imbriquée, aux noms non UTF-8")
            .add(
                "alpha/26_01_DC_Annexes_Alpha.zip",
                Content::Bytes(hostile_archive()),
            ),
        ok.variant("lisible", "une page HTML nommée .pdf").add(
            "beta/26_01_DC_Kbis_Beta.pdf",
            Content::Bytes(b"<!DOCTYPE html>\n<html><body>Extrait Kbis</body></html>\n".to_vec()),
        ),
        ok.variant("vide", "un fichier vide")
            .add("alpha/26_01_DC_Vide_Alpha.pdf", Content::Bytes(Vec::new())),
    ]
}

/// Every fixture folder.
pub fn all() -> Vec<Bid> {
    let mut bids = vec![
        caih_groupement(),
        caih_individuel(),
        caih_offre(),
        caih_offre_docx(),
        ans(),
    ];
    bids.extend(caih_variants());
    bids.extend(crate::holders::variants());
    bids.extend(documents::variants());
    bids.push(crate::hostile::bid());
    bids.push(crate::reading::bid());
    bids
}
