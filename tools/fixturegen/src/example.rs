//! The worked example of a user pack (`examples/ght-teleconsultation/`): the bid folder
//! `reponse/` of a groupement answering lots 1 and 3 of the fictional GHT Rives de Loire
//! teleconsultation tender, with two mistakes a bid team really makes — an annex whose name
//! runs past the 40 characters of article 9.2, and a cotraitant whose insurance attestation
//! was never collected. Same data-only style as [`crate::bids`]; the files are written by
//! [`crate::generate_example`].

use crate::bids::{Bid, Content, File};
use crate::pdf::{A4, PdfSpec};
use crate::xlsx::{Sheet, n, t};

/// The example's directory, relative to the workspace root.
pub const EXAMPLE_DIR: &str = "examples/ght-teleconsultation";
/// The bid folder, below [`EXAMPLE_DIR`].
pub const FOLDER: &str = "reponse";

/// A member of the groupement: company name, SIRET as printed, file-name token.
struct Company {
    name: &'static str,
    siret: &'static str,
    short: &'static str,
}

const ORBIS: Company = Company {
    name: "Orbis Santé Connectée SAS",
    siret: "412 758 369 00026",
    short: "Orbis",
};
const LHS: Company = Company {
    name: "Ligérienne d'Hébergement Santé SA",
    siret: "529 384 174 00015",
    short: "LHS",
};

const CONSULTATION: &str =
    "Consultation GHT-RDL-2026-TLC-07 — plateforme régionale de téléconsultation";

const HEADER: &str = "# Généré par bidlint-fixturegen : ne pas modifier à la main\n# (cargo run -p bidlint-fixturegen -- --example).\n";

fn file(path: String, content: Content) -> File {
    File { path, content }
}

/// `GHT-TLC_<lot>_<pièce>_<candidat>.<ext>` (article 9.2 of the RC).
fn name(lot: &str, piece: &str, who: &Company, ext: &str) -> String {
    format!("GHT-TLC_{lot}_{piece}_{}.{ext}", who.short)
}

/// A one-page A4 document: title, the consultation, the body, then who signs it.
fn doc(title: &str, body: &[&str], signers: &[&Company]) -> Content {
    let mut lines = vec![CONSULTATION.to_string(), String::new()];
    lines.extend(body.iter().map(|s| s.to_string()));
    lines.push(String::new());
    for c in signers {
        lines.push(format!("{} — SIRET {}", c.name, c.siret));
    }
    lines.push("Fait à Nantes, le 4 mai 2026.".to_string());
    Content::Pdf(PdfSpec {
        title: title.to_string(),
        pages: vec![lines],
        size: A4,
    })
}

/// A document of several A4 pages: title, then each page's lines.
fn pages(title: &str, pages: &[&[&str]]) -> Content {
    Content::Pdf(PdfSpec {
        title: title.to_string(),
        pages: pages
            .iter()
            .map(|p| p.iter().map(|s| s.to_string()).collect())
            .collect(),
        size: A4,
    })
}

fn dc2(c: &Company, activity: &str, turnover: [&str; 3]) -> Content {
    doc(
        "Déclaration du candidat individuel ou du membre du groupement — DC2",
        &[
            &format!("Membre du groupement : {}.", c.name),
            &format!("Activité : {activity}."),
            "Chiffre d'affaires global hors taxes des trois derniers exercices :",
            &format!(
                "2023 : {} € — 2024 : {} € — 2025 : {} €.",
                turnover[0], turnover[1], turnover[2]
            ),
        ],
        &[c],
    )
}

fn kbis(c: &Company, number: &str) -> Content {
    doc(
        "Extrait Kbis — Registre du commerce et des sociétés",
        &[
            "Greffe du tribunal de commerce de Nantes.",
            &format!("Dénomination : {}.", c.name),
            &format!("Immatriculation : RCS Nantes {number}."),
            "Extrait délivré le 2 avril 2026.",
        ],
        &[],
    )
}

fn offer_letter(lot: u32, object: &str) -> Content {
    doc(
        &format!("Acte d'engagement — ATTRI1 — Lot {lot}"),
        &[
            &format!("Lot {lot} : {object}."),
            "Titulaire : groupement conjoint Orbis Santé Connectée SAS (mandataire, solidaire)",
            "et Ligérienne d'Hébergement Santé SA (cotraitant).",
            "Adresse électronique : marches@orbis-sante.example",
            "Prix : selon le cadre de prix joint, en euros hors taxes et toutes taxes comprises.",
        ],
        &[&ORBIS],
    )
}

fn price_sheet(title: &str, sheet: &str, rows: &[(&str, &str, f64)]) -> Content {
    let mut table = vec![vec![
        t("Poste"),
        t("Unité"),
        t("Prix unitaire (€ HT)"),
        t("Prix unitaire (€ TTC)"),
    ]];
    for (label, unit, ht) in rows {
        table.push(vec![
            t(label),
            t(unit),
            n(*ht),
            n((ht * 1.2 * 100.0).round() / 100.0),
        ]);
    }
    Content::Xlsx {
        title: title.to_string(),
        sheets: vec![Sheet {
            name: sheet.into(),
            rows: table,
        }],
    }
}

/// The bid folder: groupement Orbis (mandataire) + LHS (cotraitant, HDS hosting), lots 1 and 3.
pub fn bid() -> Bid {
    let manifest = format!(
        "{HEADER}# Réponse du groupement Orbis-LHS aux lots 1 et 3 de la consultation fictive
# GHT-RDL-2026-TLC-07 : l'exemple commenté de bidlint (voir ../README.md).
consultation: ../pack.yaml
# Appel d'offres ouvert : la candidature et l'offre partent dans le même pli.
phase: offre
# Pas de `deadline:` : celle du pack s'applique (12 mai 2026, 12 h 00, article 9.1 du RC).
candidate:
  name: Groupement Orbis-LHS
  form: groupement
lots: [1, 3]
members:
  - name: Orbis Santé Connectée SAS
    short: Orbis
    siret: \"41275836900026\"
    role: mandataire
    redressement_judiciaire: false
    hosting: false
    certifications: []
  - name: Ligérienne d'Hébergement Santé SA
    short: LHS
    siret: \"52938417400015\"
    role: cotraitant
    redressement_judiciaire: false
    hosting: true
    certifications:
      - scheme: HDS
        activities: [1, 2, 3, 4, 5, 6]
        valid_until: 2028-03-31
hosting:
  datacenters:
    - provider: Ligérienne d'Hébergement Santé
      location: Saint-Herblain
      country: FR
    - provider: Ligérienne d'Hébergement Santé (site de secours)
      location: Liège
      country: BE
  administration: [FR]
"
    );
    let files = vec![
        // Candidature (article 7.1).
        file(
            name("CA", "DC1", &ORBIS, "pdf"),
            doc(
                "Lettre de candidature — DC1",
                &[
                    "Objet : lots 1 et 3 de la consultation GHT-RDL-2026-TLC-07.",
                    "Candidat : groupement conjoint, mandataire solidaire de chacun des membres.",
                    "Mandataire : Orbis Santé Connectée SAS, SIRET 412 758 369 00026.",
                    "Cotraitant : Ligérienne d'Hébergement Santé SA, SIRET 529 384 174 00015,",
                    "chargé de l'hébergement des données de la plateforme (lot 1).",
                    "Lettre signée par chacun des membres du groupement.",
                ],
                &[&ORBIS, &LHS],
            ),
        ),
        file(
            name("CA", "DC2", &ORBIS, "pdf"),
            dc2(
                &ORBIS,
                "édition de logiciels de télémédecine",
                ["6 480 000", "7 915 000", "9 240 000"],
            ),
        ),
        file(
            name("CA", "DC2", &LHS, "pdf"),
            dc2(
                &LHS,
                "hébergement et infogérance de systèmes d'information de santé",
                ["12 100 000", "13 450 000", "14 020 000"],
            ),
        ),
        file(
            name("CA", "ASSUR", &ORBIS, "pdf"),
            doc(
                "Attestation d'assurance — responsabilité civile professionnelle",
                &[
                    "La Mutuelle Ligérienne des Entreprises du Numérique atteste que la société",
                    "Orbis Santé Connectée SAS est titulaire du contrat de responsabilité civile",
                    "professionnelle n° RCP-2026-88412, pour ses activités d'édition de logiciels.",
                    "Attestation valable du 01/01/2026 au 31/12/2026.",
                ],
                &[],
            ),
        ),
        // The insurance attestation of LHS is missing: the cotraitant never sent it.
        file(
            name("CA", "KBIS", &ORBIS, "pdf"),
            kbis(&ORBIS, "412 758 369"),
        ),
        file(name("CA", "KBIS", &LHS, "pdf"), kbis(&LHS, "529 384 176")),
        file(
            name("CA", "REF", &ORBIS, "pdf"),
            doc(
                "Liste des principales prestations des trois dernières années",
                &[
                    "Liste commune au groupement Orbis-LHS.",
                    "2023 — CHU de Brest-Iroise : téléconsultation en EHPAD — 310 000 € HT.",
                    "2024 — GHT Val-de-Vienne : télé-expertise dermatologie — 185 000 € HT.",
                    "2025 — Clinique des Coteaux : hébergement et infogérance — 240 000 € HT.",
                ],
                &[&ORBIS],
            ),
        ),
        file(
            name("CA", "HDS", &LHS, "pdf"),
            doc(
                "Certificat de conformité HDS — hébergeur de données de santé",
                &[
                    "Organisme certificateur : Bureau de Certification Loire-Atlantique (accrédité COFRAC).",
                    "Ligérienne d'Hébergement Santé SA est certifiée pour les activités 1 à 6",
                    "(hébergeur d'infrastructure physique et hébergeur infogéreur).",
                    "Certificat n° HDS-2025-0417, valable jusqu'au 31/03/2028.",
                ],
                &[],
            ),
        ),
        // Offre, lot 1 (article 7.2).
        file(
            name("L1", "AE", &ORBIS, "pdf"),
            offer_letter(
                1,
                "plateforme logicielle de téléconsultation et de télé-expertise, hébergée (SaaS)",
            ),
        ),
        file(
            name("L1", "MT", &ORBIS, "pdf"),
            pages(
                "Mémoire technique — Lot 1 — Plateforme de téléconsultation",
                &[
                    &[
                        "1. Compréhension du besoin des sept établissements du GHT.",
                        "2. Fonctionnalités : rendez-vous, salle d'attente virtuelle, vidéo, télé-expertise.",
                        "3. Interopérabilité : DMP, messagerie sécurisée de santé, Pro Santé Connect.",
                    ],
                    &[
                        "4. Hébergement à Saint-Herblain, site de secours à Liège, exploitation depuis Nantes.",
                        "5. Déploiement par vagues, formation des référents, support de niveau 2.",
                    ],
                ],
            ),
        ),
        // The annex added on the last day: 47 characters, over the 40 of article 9.2.
        file(
            name("L1", "MT-Annexe-Interoperabilite", &ORBIS, "pdf"),
            doc(
                "Annexe au mémoire technique — Lot 1 — Matrice d'interopérabilité",
                &[
                    "Profils CI-SIS mis en œuvre : alimentation du DMP, messagerie sécurisée de santé,",
                    "identification par Pro Santé Connect et e-CPS, INS qualifiée.",
                ],
                &[&ORBIS],
            ),
        ),
        file(
            name("L1", "BPU", &ORBIS, "xlsx"),
            price_sheet(
                "Bordereau des prix unitaires — Lot 1",
                "BPU lot 1",
                &[
                    (
                        "Licence plateforme, par établissement et par an",
                        "an",
                        18_500.0,
                    ),
                    ("Téléconsultation réalisée, au-delà du forfait", "acte", 2.4),
                    ("Hébergement et infogérance, par an", "an", 42_000.0),
                    ("Journée d'intervention sur site", "jour", 950.0),
                ],
            ),
        ),
        // Offre, lot 3.
        file(
            name("L3", "AE", &ORBIS, "pdf"),
            offer_letter(
                3,
                "accompagnement au déploiement, formation des utilisateurs et conduite du changement",
            ),
        ),
        file(
            name("L3", "MT", &ORBIS, "pdf"),
            doc(
                "Mémoire technique — Lot 3 — Accompagnement et formation",
                &[
                    "1. Méthode de conduite du changement par établissement.",
                    "2. Plan de formation : référents, médecins requérants et requis, secrétariats.",
                    "3. Calendrier de déploiement sur dix-huit mois.",
                ],
                &[&ORBIS],
            ),
        ),
        file(
            name("L3", "DPGF", &ORBIS, "xlsx"),
            price_sheet(
                "Décomposition du prix global et forfaitaire — Lot 3",
                "DPGF lot 3",
                &[
                    ("Cadrage et plan de déploiement", "forfait", 24_000.0),
                    (
                        "Formation des référents (7 établissements)",
                        "forfait",
                        31_500.0,
                    ),
                    ("Accompagnement au démarrage", "forfait", 46_000.0),
                ],
            ),
        ),
    ];
    Bid {
        name: FOLDER.to_string(),
        manifest,
        files,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::path::Path;

    use super::*;

    fn tree(root: &Path) -> BTreeMap<String, Vec<u8>> {
        crate::read_tree(root).expect("read tree")
    }

    #[test]
    fn the_committed_example_is_what_this_writes() {
        let tmp = tempfile::tempdir().expect("temp dir");
        crate::generate_example(tmp.path()).expect("generates");
        let generated = tree(&tmp.path().join(FOLDER));
        let committed = tree(
            &Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../..")
                .join(EXAMPLE_DIR)
                .join(FOLDER),
        );
        let stale = "the example is stale: run `cargo run -p bidlint-fixturegen -- --example`";
        assert_eq!(
            generated.keys().collect::<Vec<_>>(),
            committed.keys().collect::<Vec<_>>(),
            "{stale}"
        );
        for (k, v) in &generated {
            assert!(committed[k] == *v, "{k}: {stale}");
        }
    }

    #[test]
    fn names_follow_article_9_2_but_one() {
        let long: Vec<String> = bid()
            .files
            .iter()
            .map(|f| f.path.clone())
            .filter(|p| p.chars().count() > 40)
            .collect();
        assert_eq!(long, ["GHT-TLC_L1_MT-Annexe-Interoperabilite_Orbis.pdf"]);
    }

    #[test]
    fn no_insurance_attestation_for_the_cotraitant() {
        let paths: Vec<String> = bid().files.iter().map(|f| f.path.clone()).collect();
        assert!(paths.contains(&"GHT-TLC_CA_ASSUR_Orbis.pdf".to_string()));
        assert!(!paths.iter().any(|p| p.contains("ASSUR_LHS")));
    }
}
