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
            &format!("\n# Variante : {what}\nconsultation:"),
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

/// A member's figures in the candidature trame (annexe 1), for 2023, 2024 and 2025.
struct Figures {
    /// Global turnover, open source turnover, open source hosting turnover (€ HT).
    turnover: [[f64; 3]; 3],
    /// Total staff, management, technical profiles, support N2/N3.
    staff: [[f64; 4]; 3],
}

/// A reference listed in the trame, with the plaquette that presents it.
struct Reference {
    number: u32,
    client: &'static str,
    year: f64,
    subject: &'static str,
}

/// A member as the trame lists it.
struct TrameMember<'a> {
    name: &'a str,
    figures: &'a Figures,
    references: &'a [Reference],
}

/// How the trame lays its members out.
#[derive(Clone, Copy, PartialEq)]
enum Layout {
    /// One row per member and year, the member's name in the first column: a trame filled in
    /// for the whole groupement names each member at the start of its rows.
    RowPerMember,
    /// One column per member (« Alpha 2024 », « Beta 2024 »), rows starting with the year:
    /// no row begins with a member's name.
    ColumnPerMember,
}

const YEARS: [f64; 3] = [2023.0, 2024.0, 2025.0];

/// The candidature trame (annexe 1): turnover, staff, references and, when given, the sheet
/// describing the technical and organisational means.
fn trame(title: &str, members: &[TrameMember], layout: Layout, moyens: Option<&[&str]>) -> Content {
    let mut ca_head = vec![t("Membre"), t("Exercice")];
    ca_head.extend([
        t("CA global (€ HT)"),
        t("CA open source (€ HT)"),
        t("CA hébergement open source (€ HT)"),
    ]);
    let mut staff_head = vec![t("Membre"), t("Exercice")];
    staff_head.extend([
        t("Effectif total"),
        t("Encadrement"),
        t("Profils techniques"),
        t("Support N2/N3"),
    ]);
    let (ca, staff) = match layout {
        Layout::RowPerMember => {
            let mut ca = vec![ca_head];
            let mut staff = vec![staff_head];
            for m in members {
                for (k, year) in YEARS.iter().enumerate() {
                    let mut row = vec![t(m.name), n(*year)];
                    row.extend(m.figures.turnover[k].iter().map(|v| n(*v)));
                    ca.push(row);
                    let mut row = vec![t(m.name), n(*year)];
                    row.extend(m.figures.staff[k].iter().map(|v| n(*v)));
                    staff.push(row);
                }
            }
            (ca, staff)
        }
        Layout::ColumnPerMember => {
            let labels = ["CA global", "CA open source", "CA hébergement open source"];
            let staff_labels = ["Effectif", "Encadrement", "Profils techniques", "Support"];
            let mut ca_head = vec![t("Exercice")];
            let mut staff_head = vec![t("Exercice")];
            for m in members {
                let short = m.name.split(' ').next().unwrap_or(m.name);
                ca_head.extend(labels.iter().map(|l| t(&format!("{l} {short}"))));
                staff_head.extend(staff_labels.iter().map(|l| t(&format!("{l} {short}"))));
            }
            let mut ca = vec![ca_head];
            let mut staff = vec![staff_head];
            for (k, year) in YEARS.iter().enumerate() {
                let mut row = vec![n(*year)];
                let mut srow = vec![n(*year)];
                for m in members {
                    row.extend(m.figures.turnover[k].iter().map(|v| n(*v)));
                    srow.extend(m.figures.staff[k].iter().map(|v| n(*v)));
                }
                ca.push(row);
                staff.push(srow);
            }
            (ca, staff)
        }
    };
    let mut refs = vec![vec![
        t("Référence"),
        t("Membre"),
        t("Client"),
        t("Année"),
        t("Objet"),
    ]];
    for m in members {
        for r in m.references {
            refs.push(vec![
                n(f64::from(r.number)),
                t(m.name),
                t(r.client),
                n(r.year),
                t(r.subject),
            ]);
        }
    }
    let mut sheets = vec![
        Sheet {
            name: "CA".into(),
            rows: ca,
        },
        Sheet {
            name: "Effectifs".into(),
            rows: staff,
        },
        Sheet {
            name: "Références".into(),
            rows: refs,
        },
    ];
    if let Some(lines) = moyens {
        sheets.push(Sheet {
            name: "Moyens".into(),
            rows: lines.iter().map(|l| vec![t(l)]).collect(),
        });
    }
    Content::Xlsx {
        title: title.to_string(),
        sheets,
    }
}

/// The same trame without its references sheet: an older template.
fn without_references(trame: Content) -> Content {
    match trame {
        Content::Xlsx { title, sheets } => Content::Xlsx {
            title,
            sheets: sheets
                .into_iter()
                .filter(|s| s.name != "Références")
                .collect(),
        },
        other => other,
    }
}

const ALPHA_FIGURES: Figures = Figures {
    turnover: [
        [4_200_000.0, 2_900_000.0, 0.0],
        [4_750_000.0, 3_300_000.0, 0.0],
        [5_100_000.0, 3_650_000.0, 0.0],
    ],
    // 61 people in 2025, as the description of the means says.
    staff: [
        [48.0, 7.0, 29.0, 6.0],
        [55.0, 8.0, 33.0, 7.0],
        [61.0, 9.0, 36.0, 8.0],
    ],
};

const BETA_FIGURES: Figures = Figures {
    turnover: [
        [1_800_000.0, 900_000.0, 700_000.0],
        [2_100_000.0, 1_100_000.0, 850_000.0],
        [2_400_000.0, 1_300_000.0, 1_000_000.0],
    ],
    // 24 system and network engineers in 2025, as the description of the means says.
    staff: [
        [26.0, 4.0, 19.0, 3.0],
        [29.0, 4.0, 22.0, 3.0],
        [31.0, 4.0, 24.0, 3.0],
    ],
};

/// Alpha's two references: the ones its list and plaquettes 1 and 2 present.
const ALPHA_REFERENCES: [Reference; 2] = [
    Reference {
        number: 1,
        client: "CHU de Rennes",
        year: 2024.0,
        subject: "Migration de la messagerie vers une suite collaborative libre",
    },
    Reference {
        number: 2,
        client: "GHT Alpes",
        year: 2025.0,
        subject: "Annuaire commun et authentification unique (Pro Santé Connect)",
    },
];

/// Beta's reference, presented by plaquette 3.
const BETA_REFERENCES: [Reference; 1] = [Reference {
    number: 3,
    client: "CH de Colmar",
    year: 2024.0,
    subject: "Hébergement HDS de la gestion électronique de documents libre",
}];

/// The description of the means, as the joint trame's « Moyens » sheet holds it.
const MOYENS_LINES: [&str; 3] = [
    "Alpha Numérique SAS : 61 salariés en 2025 (9 encadrants, 36 développeurs, 8 ingénieurs de support N2/N3), laboratoire de tests reproduisant un SI hospitalier, forge et intégration continue hébergées en France.",
    "Beta Cloud SA : 24 ingénieurs systèmes et réseaux, deux centres de données certifiés HDS à Strasbourg et à Francfort.",
    "Qualité : démarche ISO 9001 depuis 2019 ; 8 % du chiffre d'affaires consacré à la recherche et au développement.",
];

fn alpha_trame() -> Content {
    trame(
        "Trame de candidature — Alpha Numérique SAS",
        &[TrameMember {
            name: ALPHA.0,
            figures: &ALPHA_FIGURES,
            references: &ALPHA_REFERENCES,
        }],
        Layout::RowPerMember,
        None,
    )
}

fn beta_trame() -> Content {
    trame(
        "Trame de candidature — Beta Cloud SA",
        &[TrameMember {
            name: BETA.0,
            figures: &BETA_FIGURES,
            references: &BETA_REFERENCES,
        }],
        Layout::RowPerMember,
        None,
    )
}

/// One trame for the whole groupement. In rows, with the means sheet (whose rows begin with
/// each member's name); in columns, without it, so that no row begins with a member's name.
fn groupement_trame(layout: Layout) -> Content {
    trame(
        "Trame de candidature — Groupement Alpha-Beta",
        &[
            TrameMember {
                name: ALPHA.0,
                figures: &ALPHA_FIGURES,
                references: &ALPHA_REFERENCES,
            },
            TrameMember {
                name: BETA.0,
                figures: &BETA_FIGURES,
                references: &BETA_REFERENCES,
            },
        ],
        layout,
        (layout == Layout::RowPerMember).then_some(&MOYENS_LINES[..]),
    )
}

/// The presentation sheet of a reference: one A4 page recto-verso, i.e. two pages.
fn plaquette_of(r: &Reference, page1: &[&str], page2: &[&str]) -> Content {
    let page = |k: u32, body: &[&str]| -> Vec<String> {
        let mut lines = vec![
            format!(
                "Référence {} — {} ({}) : {} — page {k}/2",
                r.number, r.client, r.year, r.subject
            ),
            String::new(),
        ];
        lines.extend(body.iter().map(|s| s.to_string()));
        lines
    };
    Content::Pdf(PdfSpec {
        title: format!("Plaquette de présentation — Référence {}", r.number),
        pages: vec![page(1, page1), page(2, page2)],
        size: A4,
    })
}

/// The plaquettes of several references gathered in one PDF, `pages` pages each.
fn plaquettes_in_one(refs: &[&Reference], pages: u32) -> Content {
    let mut out = Vec::new();
    for r in refs {
        for k in 1..=pages {
            out.push(vec![
                format!(
                    "Plaquette de présentation — Référence {} — {} ({}) — page {k}/{pages}",
                    r.number, r.client, r.year
                ),
                String::new(),
                format!("Objet : {}.", r.subject),
                "Contexte, périmètre, volumétrie, résultats obtenus et contact du client."
                    .to_string(),
            ]);
        }
    }
    Content::Pdf(PdfSpec {
        title: "Plaquettes de présentation des références".to_string(),
        pages: out,
        size: A4,
    })
}

fn beta_plaquette() -> Content {
    plaquette_of(
        &BETA_REFERENCES[0],
        &[
            "Client : centre hospitalier de Colmar, 2 800 agents.",
            "Périmètre : hébergement certifié HDS de la GED libre,",
            "sauvegarde externalisée et plan de reprise d'activité.",
        ],
        &[
            "Résultats : disponibilité de 99,95 % sur douze mois,",
            "reprise testée deux fois par an.",
            "Contact : direction des systèmes d'information du CH de Colmar.",
        ],
    )
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

/// The compliant CAIH candidature of a groupement of two: mandataire Alpha, cotraitant Beta
/// providing the HDS hosting, each with its pieces in its own folder. Each member's trame is
/// its own (figures matching the description of the means), and the three references the
/// trames list have three plaquettes.
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
  transfers: []
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
            file("alpha/26_01_DC_Trame_Alpha.xlsx", alpha_trame()),
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
            file("beta/26_01_DC_Trame_Beta.xlsx", beta_trame()),
            file("beta/26_01_DC_Plaq3_Beta.pdf", beta_plaquette()),
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

/// Delta's one reference, the one its trame, its list and its plaquette present.
const DELTA_REFERENCES: [Reference; 1] = [Reference {
    number: 1,
    client: "CH de Valence",
    year: 2025.0,
    subject: "Hébergement et infogérance du dossier patient informatisé libre",
}];

/// Delta's figures: 20 people in 2025, as its description of the means says.
const DELTA_FIGURES: Figures = Figures {
    turnover: [
        [1_100_000.0, 800_000.0, 300_000.0],
        [1_300_000.0, 950_000.0, 350_000.0],
        [1_500_000.0, 1_100_000.0, 400_000.0],
    ],
    staff: [
        [16.0, 3.0, 10.0, 3.0],
        [18.0, 3.0, 11.0, 4.0],
        [20.0, 4.0, 12.0, 4.0],
    ],
};

/// A compliant individual CAIH candidature: one member, pieces at the root, attributed to the
/// member by the `_Delta` token of their names. Its trame, its list of references and its
/// plaquette cite the same reference; its trame and its description of the means the same
/// staff.
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
  transfers: []
"
    );
    let r = &DELTA_REFERENCES[0];
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
            file(
                "26_01_DC_Trame_Delta.xlsx",
                trame(
                    "Trame de candidature — Delta Santé Libre SAS",
                    &[TrameMember {
                        name: d.0,
                        figures: &DELTA_FIGURES,
                        references: &DELTA_REFERENCES,
                    }],
                    Layout::RowPerMember,
                    None,
                ),
            ),
            file(
                "26_01_DC_Moyens_Delta.pdf",
                with_sig(
                    "Moyens techniques et organisationnels",
                    &[
                        "Équipe de 20 personnes en 2025 : 4 encadrants, 12 ingénieurs,",
                        "4 techniciens de support N2/N3 ; centre de données de Roubaix.",
                    ],
                    d.0,
                    d.1,
                ),
            ),
            file(
                "26_01_DC_Refs_Delta.pdf",
                with_sig(
                    "Liste des références",
                    &[&format!(
                        "Référence {} – {} ({}) : {}.",
                        r.number, r.client, r.year, r.subject
                    )],
                    d.0,
                    d.1,
                ),
            ),
            file(
                "26_01_DC_Plaq1_Delta.pdf",
                plaquette_of(
                    r,
                    &[
                        "Client : centre hospitalier de Valence, 3 500 agents.",
                        "Périmètre : hébergement HDS et infogérance du dossier patient libre.",
                    ],
                    &[
                        "Résultats : bascule en quatre mois, aucune interruption des soins.",
                        "Contact : direction du numérique du CH de Valence.",
                    ],
                ),
            ),
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

/// The ANS candidacy with the HDS commitment written in the DC2 instead of a certificate
/// (`with_commitment: false`: the DC2 says nothing of HDS).
fn ans_commitment(name: &str, what: &str, with_commitment: bool) -> Bid {
    let g = ("Gamma Santé SAS", "555 444 330 00024");
    // The commitment comes after the capacities, well below the title: it is found in the
    // text, not taken for the document's title.
    let mut body = vec![
        "Capacités économiques et techniques.",
        "Chiffre d'affaires global des trois derniers exercices : 3,1 M€, 3,6 M€ et 4,2 M€.",
        "Chiffre d'affaires du domaine des systèmes d'information de santé : 2,4 M€ en 2025.",
        "Effectifs : 38 salariés, dont 6 chefs de projet et 22 ingénieurs d'exploitation.",
        "Références : exploitation du répertoire régional des ressources de santé (2024) ;",
        "infogérance d'un portail de prise de rendez-vous pour un GHT (2025).",
        "Moyens : centre de services à Lille, astreinte 24 h/24, outillage de supervision libre.",
        "Assurance responsabilité civile professionnelle : contrat n° RC-2026-0911.",
    ];
    if with_commitment {
        body.extend([
            "Gamma Santé SAS s'engage à obtenir, avant le démarrage des prestations,",
            "la certification HDS pour l'activité 5 (administration et exploitation du",
            "système d'information contenant les données de santé).",
        ]);
    }
    ans()
        .variant_in("ans-variants", name, what)
        .remove("Certificat_HDS_Gamma.pdf")
        .replace(
            "DC2_Declaration_candidat.pdf",
            with_sig("Déclaration du candidat individuel — DC2", &body, g.0, g.1),
        )
        .manifest_edit(
            "        valid_until: 2027-12-31",
            "        status: committed",
        )
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
    // L16 is the certificates and attestations themselves, whose validity is read at the
    // offer's deadline; the other deliverables are notes.
    for (path, title, covers) in documents::DELIVERABLES {
        if !path.starts_with("L16_") {
            files.push(file(path, documents::deliverable(title, covers).pdf()));
        }
    }
    files.extend([
        file(
            "L16_Certif_HDS_Beta.pdf",
            documents::hds(documents::BETA, 6).pdf(),
        ),
        file(
            "L16_Assurance_Alpha.pdf",
            documents::assurance(documents::ALPHA, 2026).pdf(),
        ),
        file(
            "L16_Assurance_Beta.pdf",
            documents::assurance(documents::BETA, 2026).pdf(),
        ),
    ]);
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

/// The offer with one defect each.
pub fn caih_offre_variants() -> Vec<Bid> {
    let ok = caih_offre();
    vec![
        ok.variant_in(
            "caih-offre-broken",
            "assurance-expiree",
            "l'attestation d'assurance d'Alpha a expiré avant la date limite de l'offre",
        )
        .replace(
            "L16_Assurance_Alpha.pdf",
            documents::assurance(documents::ALPHA, 2025).pdf(),
        ),
        ok.variant_in(
            "caih-offre-broken",
            "tco-dollars",
            "la note TCO compare avec une suite propriétaire vendue en dollars",
        )
        .replace(
            "L14_Projection_TCO.pdf",
            documents::deliverable(
                "L14 – Projection TCO et comparaison",
                &[
                    "le coût total de possession de la solution libre sur cinq ans, en euros : 1 240 000 € HT ;",
                    "la comparaison avec la suite propriétaire de référence, vendue 36 USD par utilisateur et par mois, soit 2 950 000 € HT sur cinq ans au cours de janvier 2026 ;",
                    "les hypothèses de volumétrie et de taux de change retenues.",
                ],
            )
            .pdf(),
        ),
    ]
}

/// The groupement's DC1 holding the members' sworn declarations (section F1), as the official
/// form does; `with_beta: false` is a DC1 that forgot to list the cotraitant.
fn dc1_with_declarations(with_beta: bool) -> Content {
    let mut doc = documents::Doc::new("DC1 – Lettre de candidature", ALPHA.0)
        .subtitle("Habilitation du mandataire par ses cotraitants")
        .space()
        .strong("A – Identification de l'acheteur")
        .p("Centrale d'Achat de l'Informatique Hospitalière (CAIH), 83-85 boulevard Vivier Merle, 69003 Lyon.")
        .strong("B – Objet de la consultation")
        .p("Partenariat d'innovation « Alternative Open Source », étape 1 : candidature.")
        .strong("C – Présentation du candidat")
        .p("Le candidat se présente sous la forme d'un groupement conjoint, dont le mandataire est solidaire de chacun des membres pour ses obligations contractuelles à l'égard de l'acheteur.")
        .strong("D – Membres du groupement")
        .bullet("Alpha Numérique SAS, 12 rue de la République, 69002 Lyon, SIRET 123 456 782 00010, mandataire.");
    if with_beta {
        doc = doc.bullet(
            "Beta Cloud SA, 4 rue du Dôme, 67000 Strasbourg, SIRET 987 654 324 00035, cotraitant.",
        );
    }
    doc.strong("E – Désignation du mandataire")
        .p("Les membres du groupement désignent Alpha Numérique SAS comme mandataire et l'habilitent à signer et déposer la candidature.")
        .strong("F1 – Attestations sur l'honneur")
        .p("Chaque membre du groupement déclare sur l'honneur n'entrer dans aucun des cas d'exclusion mentionnés aux articles L. 2141-1 à L. 2141-5 et L. 2141-7 à L. 2141-11 du code de la commande publique, et être en règle au regard des articles L. 5212-1 à L. 5212-11 du code du travail concernant l'emploi des travailleurs handicapés.")
        .strong("F2 – Signature des membres du groupement")
        .p("Fait à Lyon, le 10 février 2026.")
        .p("Pour Alpha Numérique SAS : Claire Martin, présidente.")
        .p("Pour Beta Cloud SA : Thomas Keller, directeur général.")
        .pdf()
}

/// A declared sous-traitant, who deposits no candidature piece.
const GAMMA_SOUS_TRAITANT: &str = "  - name: Gamma Support SARL
    short: Gamma
    siret: \"44455566800078\"
    role: sous-traitant
    redressement_judiciaire: false
    hosting: false
";

/// The compliant groupement the issue describes: one trame for the whole groupement holding
/// the references and the means, one DC1 holding every member's sworn declarations, and a
/// declared sous-traitant who deposits nothing.
pub fn caih_groupement_trame() -> Bid {
    let mut b = caih_groupement()
        .remove("alpha/26_01_DC_DH_Alpha.pdf")
        .remove("beta/26_01_DC_DH_Beta.pdf")
        .remove("alpha/26_01_DC_Moyens_Alpha.pdf")
        .remove("alpha/26_01_DC_Refs_Alpha.pdf")
        .remove("beta/26_01_DC_Trame_Beta.xlsx")
        .replace("alpha/26_01_DC_DC1_Alpha.pdf", dc1_with_declarations(true))
        .replace(
            "alpha/26_01_DC_Trame_Alpha.xlsx",
            groupement_trame(Layout::RowPerMember),
        )
        .manifest_edit(
            "hosting:\n  datacenters:",
            &format!("{GAMMA_SOUS_TRAITANT}hosting:\n  datacenters:"),
        );
    b.name = "caih-groupement-trame-ok".into();
    b.manifest = b.manifest.replacen(
        "\nconsultation:",
        "# Une trame commune (références, moyens), un DC1 commun (déclarations F1), un sous-traitant.\nconsultation:",
        1,
    );
    b
}

/// Compliant variants of the CAIH groupement, each exercising one way a piece is given.
pub fn caih_ok_variants() -> Vec<Bid> {
    let ok = caih_groupement();
    let dir = "caih-ok-variants";
    vec![
        ok.variant_in(dir, "sous-traitant", "un sous-traitant déclaré, sans pièce")
            .manifest_edit(
                "hosting:\n  datacenters:",
                &format!("{GAMMA_SOUS_TRAITANT}hosting:\n  datacenters:"),
            ),
        ok.variant_in(
            dir,
            "trame-par-membre",
            "une trame commune déclarée pour chaque membre dans pieces:",
        )
        .remove("beta/26_01_DC_Trame_Beta.xlsx")
        .replace(
            "alpha/26_01_DC_Trame_Alpha.xlsx",
            groupement_trame(Layout::ColumnPerMember),
        )
        .manifest_edit(
            "hosting:\n  datacenters:",
            "pieces:\n  CAIH-CAND-TRAME:\n    Alpha: alpha/26_01_DC_Trame_Alpha.xlsx\n    Beta: alpha/26_01_DC_Trame_Alpha.xlsx\nhosting:\n  datacenters:",
        ),
        ok.variant_in(
            dir,
            "dh-dans-dc1",
            "les déclarations sur l'honneur dans la rubrique F1 du DC1 commun",
        )
        .remove("alpha/26_01_DC_DH_Alpha.pdf")
        .remove("beta/26_01_DC_DH_Beta.pdf")
        .replace("alpha/26_01_DC_DC1_Alpha.pdf", dc1_with_declarations(true)),
        ok.variant_in(
            dir,
            "zip-bureautique",
            "une archive contenant un document Word et un classeur Excel",
        )
        .add(
            "alpha/26_01_DC_Annexes_Alpha.zip",
            Content::Bytes(office_archive()),
        ),
        ok.variant_in(
            dir,
            "traduction",
            "un document en anglais accompagné de sa traduction en français",
        )
        .add(
            "beta/26_01_DC_Ress_Beta.pdf",
            documents::moyens_english().pdf(),
        )
        .add(
            "beta/26_01_DC_Ress_FR_Beta.pdf",
            documents::moyens().pdf(),
        ),
        ok.variant_in(
            dir,
            "plaquettes-un-fichier",
            "les trois plaquettes réunies dans un PDF de six pages",
        )
        .remove("alpha/26_01_DC_Plaq1_Alpha.pdf")
        .remove("alpha/26_01_DC_Plaq2_Alpha.pdf")
        .remove("beta/26_01_DC_Plaq3_Beta.pdf")
        .add(
            "alpha/26_01_DC_Plaq_Alpha.pdf",
            plaquettes_in_one(
                &[&ALPHA_REFERENCES[0], &ALPHA_REFERENCES[1], &BETA_REFERENCES[0]],
                2,
            ),
        ),
        ok.variant_in(dir, "transferts-ue", "un accès du support depuis l'Irlande")
            .manifest_edit(
                "  transfers: []",
                "  transfers:\n    - country: IE\n      recipient: support de l'éditeur",
            ),
    ]
}

/// A zip holding a Word document and an Excel workbook: documents, not nested archives.
fn office_archive() -> Vec<u8> {
    let docx = crate::docx::build(&documents::moyens());
    let xlsx = match crate::xlsx::build(
        "Chiffre d'affaires",
        &[Sheet {
            name: "CA".into(),
            rows: vec![
                vec![t("Exercice"), t("CA (€ HT)")],
                vec![n(2025.0), n(5_100_000.0)],
            ],
        }],
    ) {
        Ok(b) => b,
        Err(e) => panic!("rust_xlsxwriter writes a two-cell workbook: {e}"),
    };
    crate::zipfile::build(&[
        Entry {
            name: b"Moyens_detail.docx".to_vec(),
            data: docx,
            flags: 0,
        },
        Entry {
            name: b"CA_detail.xlsx".to_vec(),
            data: xlsx,
            flags: 0,
        },
    ])
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
        ok.variant(
            "nom-30-doublons",
            "deux noms trop longs qui s'abrégeraient pareil, et un fichier qui porte déjà l'abréviation",
        )
        .rename(
            "alpha/26_01_DC_Moyens_Alpha.pdf",
            "alpha/26_01_DC_Moyens_techniques_Alpha.pdf",
        )
        .add(
            "alpha/26_01_DC_Moyens_technologiques_Alpha.pdf",
            documents::moyens().pdf(),
        )
        .add(
            "alpha/26_01_DC_Moye_techn_Alpha.pdf",
            documents::moyens().pdf(),
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
        ok.variant(
            "cand-references",
            "pas de liste de références, ni dans un fichier ni dans les trames",
        )
        .remove("alpha/26_01_DC_Refs_Alpha.pdf")
        .replace(
            "alpha/26_01_DC_Trame_Alpha.xlsx",
            without_references(alpha_trame()),
        )
        .replace(
            "beta/26_01_DC_Trame_Beta.xlsx",
            without_references(beta_trame()),
        ),
        ok.variant(
            "trame-commune-non-declaree",
            "une trame commune qui ne nomme pas Beta en tête de ligne, sans pieces:",
        )
        .remove("beta/26_01_DC_Trame_Beta.xlsx")
        .replace(
            "alpha/26_01_DC_Trame_Alpha.xlsx",
            groupement_trame(Layout::ColumnPerMember),
        ),
        ok.variant(
            "dh-dc1-sans-beta",
            "déclarations dans un DC1 commun qui ne liste pas Beta",
        )
        .remove("alpha/26_01_DC_DH_Alpha.pdf")
        .remove("beta/26_01_DC_DH_Beta.pdf")
        .replace("alpha/26_01_DC_DC1_Alpha.pdf", dc1_with_declarations(false)),
        ok.variant(
            "langue-sans-traduction",
            "un document en anglais, et un document en français qui n'en est pas la traduction",
        )
        .add(
            "beta/26_01_DC_Ress_Beta.pdf",
            documents::moyens_english().pdf(),
        )
        .add(
            "beta/26_01_DC_Orga_Beta.pdf",
            documents::moyens().pdf(),
        ),
        ok.variant(
            "trames-sans-references",
            "des trames dont le tableau des références est resté vide",
        )
        .replace(
            "alpha/26_01_DC_Trame_Alpha.xlsx",
            trame(
                "Trame de candidature — Alpha Numérique SAS",
                &[TrameMember {
                    name: ALPHA.0,
                    figures: &ALPHA_FIGURES,
                    references: &[],
                }],
                Layout::RowPerMember,
                None,
            ),
        )
        .replace(
            "beta/26_01_DC_Trame_Beta.xlsx",
            trame(
                "Trame de candidature — Beta Cloud SA",
                &[TrameMember {
                    name: BETA.0,
                    figures: &BETA_FIGURES,
                    references: &[],
                }],
                Layout::RowPerMember,
                None,
            ),
        ),
        ok.variant(
            "plaquette-manquante",
            "trois références dans les trames, deux plaquettes",
        )
        .remove("beta/26_01_DC_Plaq3_Beta.pdf"),
        ok.variant(
            "plaquettes-trop-longues",
            "les plaquettes de deux références réunies dans un PDF de six pages",
        )
        .remove("alpha/26_01_DC_Plaq1_Alpha.pdf")
        .remove("alpha/26_01_DC_Plaq2_Alpha.pdf")
        .add(
            "alpha/26_01_DC_Plaq_Alpha.pdf",
            plaquettes_in_one(&[&ALPHA_REFERENCES[0], &ALPHA_REFERENCES[1]], 3),
        ),
        ok.variant(
            "transferts-hors-ue",
            "un accès du support depuis les États-Unis",
        )
        .manifest_edit(
            "  transfers: []",
            "  transfers:\n    - country: US\n      recipient: support de l'éditeur",
        ),
        ok.variant("cand-plaquette", "pas de plaquette")
            .remove("alpha/26_01_DC_Plaq1_Alpha.pdf")
            .remove("alpha/26_01_DC_Plaq2_Alpha.pdf")
            .remove("beta/26_01_DC_Plaq3_Beta.pdf"),
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
        caih_groupement_trame(),
        caih_individuel(),
        caih_offre(),
        caih_offre_docx(),
        ans(),
    ];
    bids.extend(caih_variants());
    bids.extend(crate::holders::variants());
    bids.extend(caih_ok_variants());
    bids.extend(caih_offre_variants());
    bids.push(ans_commitment(
        "engagement-dc2",
        "l'engagement d'obtenir la certification HDS écrit dans le DC2",
        true,
    ));
    bids.push(ans_commitment(
        "sans-engagement",
        "ni certificat HDS ni engagement",
        false,
    ));
    bids.extend(documents::variants());
    bids.push(crate::hostile::bid());
    bids.push(crate::reading::bid());
    bids
}
