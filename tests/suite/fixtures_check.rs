//! `bidlint check` on the generated fixture folders: the compliant bids pass with the exact
//! statuses below, and each broken variant changes exactly the rules it should, with the
//! findings it should. The folders are real PDF/XLSX/ZIP files from `fixturegen/`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::common::fixture;
use assert_cmd::Command;
use serde_json::Value;

/// A rule's outcome as the tests compare it: status, and each finding as
/// `path [member] : message → suggestion`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Outcome {
    status: String,
    findings: Vec<String>,
}

fn run(dir: &Path, extra: &[&str]) -> (i32, BTreeMap<String, Outcome>, Value) {
    let (code, report) = crate::common::check_json(dir, crate::common::shared_cache(), extra);
    let mut by_rule = BTreeMap::new();
    for r in report["results"].as_array().expect("results") {
        let findings = r["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .map(|f| {
                let mut s = f["path"].as_str().unwrap_or("-").to_string();
                if let Some(m) = f["member"].as_str() {
                    s.push_str(&format!(" [{m}]"));
                }
                s.push_str(" : ");
                s.push_str(f["message"].as_str().unwrap_or(""));
                if let Some(sug) = f["suggestion"].as_str() {
                    s.push_str(&format!(" → {sug}"));
                }
                s
            })
            .collect();
        by_rule.insert(
            r["rule"].as_str().expect("rule").to_string(),
            Outcome {
                status: r["status"].as_str().expect("status").to_string(),
                findings,
            },
        );
    }
    (code, by_rule, report)
}

fn statuses(r: &BTreeMap<String, Outcome>) -> BTreeMap<&str, &str> {
    r.iter()
        .map(|(k, v)| (k.as_str(), v.status.as_str()))
        .collect()
}

/// The statuses of the compliant CAIH groupement candidature.
fn caih_ok_statuses() -> BTreeMap<&'static str, &'static str> {
    let mut m = BTreeMap::new();
    for id in [
        "PLACE-LISIBLE",
        "PLACE-PARASITES",
        "PLACE-NOMS-WINDOWS",
        "PLACE-EXECUTABLES",
        "PLACE-TAILLE",
        "PLACE-VIDE",
        "PLACE-ZIP",
        "CAIH-NOM-30",
        "CAIH-NOM-FORMAT",
        "CAIH-CAND-DC1",
        "CAIH-CAND-DC1-MEMBRES",
        "CAIH-CAND-DH",
        "CAIH-CAND-DH-TITULAIRE",
        "CAIH-CAND-TRAME",
        "CAIH-CAND-MOYENS",
        "CAIH-CAND-REFERENCES",
        "CAIH-CAND-PLAQUETTE",
        "CAIH-CAND-HDS",
        "CAIH-CAND-ASSURANCE",
        "CAIH-CAND-RUSSIE",
        "CAIH-HDS",
        "CAIH-HEBERGEMENT-UE",
        "CAIH-ADMIN-UE",
        "CAIH-LOTS",
        "CAIH-CAND-PLAQUETTE-A4",
        "CAIH-CAND-PLAQUETTE-PAGES",
        "CAIH-CAND-PLAQUETTE-NOMBRE",
        "CAIH-CAND-ASSURANCE-VALIDE",
        "CAIH-LANGUE",
        "CAIH-EUROS",
        "CAIH-EUROS-AUTRES",
        "CAIH-FICHIERS-NON-RECONNUS",
        "PLACE-LIENS",
    ] {
        m.insert(id, "pass");
    }
    // No member is in receivership; the mandataire rule looks across bids (portfolio).
    m.insert("CAIH-CAND-JUGEMENT", "not-applicable");
    m.insert("CAIH-MANDATAIRE", "not-applicable");
    for id in [
        "CAIH-MANUEL-LIBELLES",
        "CAIH-MANUEL-TRAME-CONTENU",
        "CAIH-MANUEL-DUME",
        "CAIH-MANUEL-CAPACITES-TIERS",
        "CAIH-MANUEL-SECNUMCLOUD",
        "CAIH-MANUEL-CAPITAL",
        "CAIH-MANUEL-SOLIDARITE",
        "CAIH-MANUEL-DEPOT",
        "CAIH-MANUEL-SAUVEGARDE",
    ] {
        m.insert(id, "manual");
    }
    m
}

#[test]
fn compliant_caih_groupement_passes_every_automatic_rule() {
    let (code, r, report) = run(&fixture("caih-groupement-ok"), &[]);
    assert_eq!(statuses(&r), caih_ok_statuses());
    assert_eq!(code, 0);
    for (id, o) in &r {
        assert!(o.findings.is_empty(), "{id}: {:?}", o.findings);
    }
    assert_eq!(report["bid"]["phase"], "candidature");
    assert_eq!(report["bid"]["deadline"], "2026-02-19T12:00:00+01:00");
    assert_eq!(report["bid"]["files"], 15);
    let evidence = report["results"]
        .as_array()
        .expect("results")
        .iter()
        .find(|x| x["rule"] == "CAIH-CAND-DH")
        .expect("DH")["evidence"]
        .clone();
    assert_eq!(
        evidence,
        serde_json::json!(["alpha/26_01_DC_DH_Alpha.pdf", "beta/26_01_DC_DH_Beta.pdf"])
    );
}

/// The evidence a rule's result lists.
fn evidence(report: &Value, rule: &str) -> Value {
    report["results"]
        .as_array()
        .expect("results")
        .iter()
        .find(|x| x["rule"] == rule)
        .unwrap_or_else(|| panic!("{rule}"))["evidence"]
        .clone()
}

/// The groupement of the issue: one trame for the whole groupement holding the references and
/// the means, one DC1 holding each member's sworn declarations (F1), and a declared
/// sous-traitant who deposits nothing. Every automatic rule passes, each piece found where it
/// was given.
#[test]
fn compliant_groupement_with_joint_trame_joint_dc1_and_a_sous_traitant() {
    let (code, r, report) = run(&fixture("caih-groupement-trame-ok"), &[]);
    let mut want = caih_ok_statuses();
    // The sworn declarations are in the DC1: no separate declaration whose holder to read.
    want.insert("CAIH-CAND-DH-TITULAIRE", "not-applicable");
    assert_eq!(statuses(&r), want);
    assert_eq!(code, 0);
    for (id, o) in &r {
        assert!(o.findings.is_empty(), "{id}: {:?}", o.findings);
    }
    assert_eq!(
        evidence(&report, "CAIH-CAND-DH"),
        serde_json::json!([
            "alpha/26_01_DC_DC1_Alpha.pdf (déclarations sur l'honneur (rubrique F1 du DC1, ou DUME) de la pièce CAIH-CAND-DC1)"
        ])
    );
    assert_eq!(
        evidence(&report, "CAIH-CAND-REFERENCES"),
        serde_json::json!([
            "alpha/26_01_DC_Trame_Alpha.xlsx (onglet des références de la pièce CAIH-CAND-TRAME)"
        ])
    );
    assert_eq!(
        evidence(&report, "CAIH-CAND-MOYENS"),
        serde_json::json!([
            "alpha/26_01_DC_Trame_Alpha.xlsx (onglet des moyens de la pièce CAIH-CAND-TRAME)"
        ])
    );
    assert_eq!(
        evidence(&report, "CAIH-CAND-TRAME"),
        serde_json::json!(["alpha/26_01_DC_Trame_Alpha.xlsx"])
    );
}

#[test]
fn compliant_caih_individual_attributes_files_by_token() {
    let (code, r, _) = run(&fixture("caih-individuel-ok"), &[]);
    let mut want = caih_ok_statuses();
    // A single candidate: the groupement's solidarity rule does not apply; every piece is found
    // at the root and attributed to the member by the `_Delta` token of its name.
    want.insert("CAIH-MANUEL-SOLIDARITE", "not-applicable");
    want.insert("CAIH-CAND-DC1-MEMBRES", "not-applicable");
    assert_eq!(statuses(&r), want);
    assert_eq!(code, 0);
}

#[test]
fn compliant_ans_candidacy() {
    let (code, r, _) = run(&fixture("ans-ok"), &[]);
    let s = statuses(&r);
    for id in [
        "PLACE-LISIBLE",
        "PLACE-PARASITES",
        "PLACE-EXECUTABLES",
        "PLACE-TAILLE",
        "PLACE-VIDE",
        "PLACE-ZIP",
        "ANS-LOTS-CONNUS",
        "ANS-LOTS-MAX-3",
        "ANS-CAND-HDS",
        "ANS-LOT2-HDS5",
        "ANS-HEBERGEMENT-FR",
    ] {
        assert_eq!(s.get(id), Some(&"pass"), "{id}: {:?}", r.get(id));
    }
    assert_eq!(
        s.get("ANS-LOTS-CANDIDATURE-UNIQUE"),
        Some(&"not-applicable")
    );
    assert!(
        s.iter().all(|(_, st)| *st != "fail" && *st != "error"),
        "{s:?}"
    );
    assert_eq!(code, 0);
}

/// A broken variant differs from the compliant bid in exactly these rules, with exactly these
/// findings, and exits with this code.
type Change = (&'static str, &'static str, &'static [&'static str]);

const VARIANTS: &[(&str, i32, &[Change])] = &[
    (
        "admin-ue",
        1,
        &[(
            "CAIH-ADMIN-UE",
            "fail",
            &["bid.yaml : administration ou exploitation depuis US : hors Union européenne"],
        )],
    ),
    (
        "cand-assurance",
        1,
        &[(
            "CAIH-CAND-ASSURANCE",
            "fail",
            &["- [Alpha] : pièce absente : attestation d'assurance en cours de validité"],
        )],
    ),
    (
        "cand-dc1",
        1,
        &[
            (
                "CAIH-CAND-DC1",
                "fail",
                &[
                    "- [Alpha] : pièce absente : lettre de candidature (DC1 ou format libre)",
                    "- [Beta] : pièce absente : lettre de candidature (DC1 ou format libre)",
                ],
            ),
            // Without a letter, the members it names cannot be compared.
            ("CAIH-CAND-DC1-MEMBRES", "unknown", &[]),
        ],
    ),
    (
        "cand-dh",
        1,
        &[(
            "CAIH-CAND-DH",
            "fail",
            &[
                "- [Beta] : pièce absente : déclaration sur l'honneur (articles L. 2141-1 à L. 2141-11 du CCP)",
            ],
        )],
    ),
    (
        "cand-hds",
        1,
        &[
            (
                "CAIH-CAND-HDS",
                "fail",
                &["- [Beta] : pièce absente : certificat HDS (hébergeur de données de santé)"],
            ),
            (
                "CAIH-HDS",
                "fail",
                &["- [Beta] : certificat HDS absent du dossier (pièce CAIH-CAND-HDS)"],
            ),
        ],
    ),
    (
        "cand-jugement",
        1,
        &[(
            "CAIH-CAND-JUGEMENT",
            "fail",
            &["- [Beta] : pièce absente : copie du ou des jugements de redressement judiciaire"],
        )],
    ),
    (
        "cand-moyens",
        1,
        &[(
            "CAIH-CAND-MOYENS",
            "fail",
            &[
                "- [Alpha] : pièce absente : description des moyens techniques et organisationnels",
                "- [Beta] : pièce absente : description des moyens techniques et organisationnels",
            ],
        )],
    ),
    (
        "cand-plaquette",
        1,
        &[
            (
                "CAIH-CAND-PLAQUETTE",
                "fail",
                &["- : pièce absente : plaquette de présentation d'une référence"],
            ),
            ("CAIH-CAND-PLAQUETTE-A4", "unknown", &[]),
            ("CAIH-CAND-PLAQUETTE-PAGES", "unknown", &[]),
            ("CAIH-CAND-PLAQUETTE-NOMBRE", "unknown", &[]),
        ],
    ),
    (
        "cand-references",
        1,
        &[
            (
                "CAIH-CAND-REFERENCES",
                "fail",
                &[
                    "- [Alpha] : pièce absente : liste des références significatives (3 dernières années)",
                    "- [Beta] : pièce absente : liste des références significatives (3 dernières années)",
                ],
            ),
            // Without the references table, the plaquettes cannot be counted: left to a human.
            ("CAIH-CAND-PLAQUETTE-NOMBRE", "manual", &[]),
        ],
    ),
    (
        // A warning: article 6.1.1 does not list the attestation among the pieces.
        "cand-russie",
        0,
        &[(
            "CAIH-CAND-RUSSIE",
            "fail",
            &[
                "- [Beta] : pièce absente : attestation sur l'honneur relative aux sanctions contre les opérateurs russes",
            ],
        )],
    ),
    (
        "dh-dc1-sans-beta",
        1,
        &[
            (
                "CAIH-CAND-DH",
                "fail",
                &[
                    "- [Beta] : pièce absente : déclaration sur l'honneur (articles L. 2141-1 à L. 2141-11 du CCP)",
                ],
            ),
            // The declarations are in the DC1: no separate declaration to read.
            ("CAIH-CAND-DH-TITULAIRE", "not-applicable", &[]),
        ],
    ),
    (
        "trame-commune-non-declaree",
        1,
        &[(
            "CAIH-CAND-TRAME",
            "fail",
            &["- [Beta] : pièce absente : trame Excel de candidature (annexe 1 au RC)"],
        )],
    ),
    (
        // A French document under another name is not the English one's translation.
        "langue-sans-traduction",
        1,
        &[
            (
                "CAIH-LANGUE",
                "fail",
                &[
                    "beta/26_01_DC_Ress_Beta.pdf [Beta] : rédigé en anglais (confiance 100 %), pas en français → fournir le document en français (ou sa traduction)",
                ],
            ),
            (
                "CAIH-FICHIERS-NON-RECONNUS",
                "fail",
                &[
                    "beta/26_01_DC_Ress_Beta.pdf [Beta] : fichier reconnu comme aucune pièce attendue → vérifier qu'il doit être déposé, ou le nommer comme la pièce qu'il est",
                ],
            ),
        ],
    ),
    (
        // A references table left blank: nothing is counted as compliant, a human checks; a
        // blocking rule left « à vérifier » makes the verdict INCOMPLET (exit 1).
        "trames-sans-references",
        1,
        &[("CAIH-CAND-PLAQUETTE-NOMBRE", "manual", &[])],
    ),
    (
        // The trames list three references; the plaquette of the third is missing.
        "plaquette-manquante",
        1,
        &[(
            "CAIH-CAND-PLAQUETTE-NOMBRE",
            "fail",
            &[
                "- : référence 3 (CH de Colmar) listée dans la pièce CAIH-CAND-TRAME : aucune plaquette ne la présente",
            ],
        )],
    ),
    (
        // Two references on six pages in one file: 4 pages allowed (a warning).
        "plaquettes-trop-longues",
        0,
        &[(
            "CAIH-CAND-PLAQUETTE-PAGES",
            "fail",
            &[
                "alpha/26_01_DC_Plaq_Alpha.pdf [Alpha] : 6 pages pour 2 référence(s), 4 au plus (2 par référence)",
            ],
        )],
    ),
    (
        "transferts-hors-ue",
        1,
        &[(
            "CAIH-ADMIN-UE",
            "fail",
            &[
                "bid.yaml : transfert des données ou accès depuis US (support de l'éditeur) : hors Union européenne",
            ],
        )],
    ),
    (
        "cand-trame",
        1,
        &[(
            "CAIH-CAND-TRAME",
            "fail",
            &["- [Beta] : pièce absente : trame Excel de candidature (annexe 1 au RC)"],
        )],
    ),
    (
        "executables",
        1,
        &[
            (
                "PLACE-EXECUTABLES",
                "fail",
                &[
                    "alpha/outil.exe [Alpha] : programme exécutable (reconnu à son contenu, malgré l'extension .exe) : à retirer du dépôt",
                    "beta/26_01_DC_Note_Beta.pdf [Beta] : script (reconnu à son contenu, malgré l'extension .pdf) : à retirer du dépôt",
                ],
            ),
            (
                "CAIH-NOM-FORMAT",
                "fail",
                &[
                    "alpha/outil.exe [Alpha] : nom hors convention (attendu : 26_01_DC_<pièce>_<fournisseur>)",
                ],
            ),
            (
                "CAIH-FICHIERS-NON-RECONNUS",
                "fail",
                &[
                    "alpha/outil.exe [Alpha] : fichier reconnu comme aucune pièce attendue → vérifier qu'il doit être déposé, ou le nommer comme la pièce qu'il est",
                    "beta/26_01_DC_Note_Beta.pdf [Beta] : fichier reconnu comme aucune pièce attendue → vérifier qu'il doit être déposé, ou le nommer comme la pièce qu'il est",
                ],
            ),
        ],
    ),
    (
        "hds-expire",
        1,
        &[(
            "CAIH-HDS",
            "fail",
            &[
                "beta/26_01_DC_HDS_Beta.pdf [Beta] : le certificat expire le 31/01/2026 (« jusqu'au 31/01/2026 »), avant la date limite du 19/02/2026",
            ],
        )],
    ),
    (
        "hebergement-ue",
        1,
        &[(
            "CAIH-HEBERGEMENT-UE",
            "fail",
            &["bid.yaml : datacenter (Zurich, Beta Cloud) situé en CH : hors Union européenne"],
        )],
    ),
    (
        "lisible",
        1,
        &[
            (
                "PLACE-LISIBLE",
                "fail",
                &[
                    "beta/26_01_DC_Kbis_Beta.pdf [Beta] : le contenu est un(e) page HTML, pas un fichier .pdf : il ne s'ouvrira pas",
                ],
            ),
            (
                "CAIH-FICHIERS-NON-RECONNUS",
                "fail",
                &[
                    "beta/26_01_DC_Kbis_Beta.pdf [Beta] : fichier reconnu comme aucune pièce attendue → vérifier qu'il doit être déposé, ou le nommer comme la pièce qu'il est",
                ],
            ),
        ],
    ),
    (
        "lots",
        0,
        &[(
            "CAIH-LOTS",
            "fail",
            &[
                "bid.yaml : la consultation n'est pas allotie, mais le manifeste indique les lots 1 : retirer `lots:`",
            ],
        )],
    ),
    (
        "macros",
        1,
        &[
            (
                "PLACE-EXECUTABLES",
                "fail",
                &[
                    "alpha/26_01_DC_CA_Alpha.xlsm [Alpha] : document contenant des macros (projet VBA) : à retirer du dépôt",
                ],
            ),
            // The macro workbook is not read (its defect is PLACE-EXECUTABLES'): the rules
            // that read documents are « non évaluée » for it, not an ERREUR of their own.
            ("PLACE-LIENS", "unknown", &[]),
            (
                "CAIH-FICHIERS-NON-RECONNUS",
                "fail",
                &[
                    "alpha/26_01_DC_CA_Alpha.xlsm [Alpha] : fichier reconnu comme aucune pièce attendue → vérifier qu'il doit être déposé, ou le nommer comme la pièce qu'il est",
                ],
            ),
            ("CAIH-LANGUE", "unknown", &[]),
            // Not a financial document: only the warning rule reads it.
            ("CAIH-EUROS-AUTRES", "unknown", &[]),
        ],
    ),
    (
        "nom-30",
        1,
        &[(
            "CAIH-NOM-30",
            "fail",
            &[
                "alpha/26_01_DC_Moyens_techniques_Alpha.pdf [Alpha] : 36 caractères (max 29) → 26_01_DC_Moye_techn_Alpha.pdf",
            ],
        )],
    ),
    (
        // The proposals keep the prefix and the token, and take neither the name of the file
        // already there nor each other's.
        "nom-30-doublons",
        1,
        &[(
            "CAIH-NOM-30",
            "fail",
            &[
                "alpha/26_01_DC_Moyens_techniques_Alpha.pdf [Alpha] : 36 caractères (max 29) → 26_01_DC_Moye_tech2_Alpha.pdf",
                "alpha/26_01_DC_Moyens_technologiques_Alpha.pdf [Alpha] : 40 caractères (max 29) → 26_01_DC_Moye_tech3_Alpha.pdf",
            ],
        )],
    ),
    (
        "nom-format",
        0,
        &[(
            "CAIH-NOM-FORMAT",
            "fail",
            &[
                "beta/DH_Beta.pdf [Beta] : nom hors convention (attendu : 26_01_DC_<pièce>_<fournisseur>)",
            ],
        )],
    ),
    (
        // A warning: no text makes a `.DS_Store` a ground for rejection.
        "parasites",
        0,
        &[
            (
                "PLACE-PARASITES",
                "fail",
                &[
                    ".DS_Store : fichier temporaire ou système : à retirer du dépôt",
                    "alpha/~$26_01_DC_DH_Alpha.docx [Alpha] : fichier temporaire ou système : à retirer du dépôt",
                    "beta/Thumbs.db [Beta] : fichier temporaire ou système : à retirer du dépôt",
                ],
            ),
            (
                "CAIH-FICHIERS-NON-RECONNUS",
                "fail",
                &[
                    ".DS_Store : fichier reconnu comme aucune pièce attendue → vérifier qu'il doit être déposé, ou le nommer comme la pièce qu'il est",
                    "beta/Thumbs.db [Beta] : fichier reconnu comme aucune pièce attendue → vérifier qu'il doit être déposé, ou le nommer comme la pièce qu'il est",
                ],
            ),
        ],
    ),
    (
        "vide",
        1,
        &[
            (
                "PLACE-VIDE",
                "fail",
                &["alpha/26_01_DC_Vide_Alpha.pdf [Alpha] : fichier vide (0 octet)"],
            ),
            (
                "CAIH-FICHIERS-NON-RECONNUS",
                "fail",
                &[
                    "alpha/26_01_DC_Vide_Alpha.pdf [Alpha] : fichier reconnu comme aucune pièce attendue → vérifier qu'il doit être déposé, ou le nommer comme la pièce qu'il est",
                ],
            ),
        ],
    ),
    (
        "zip",
        1,
        &[
            (
                "PLACE-ZIP",
                "fail",
                &[
                    "alpha/26_01_DC_Annexes_Alpha.zip [Alpha] : entrée chiffrée (protégée par mot de passe) : confidentiel.pdf",
                    "alpha/26_01_DC_Annexes_Alpha.zip [Alpha] : archive imbriquée : inner.zip",
                    "alpha/26_01_DC_Annexes_Alpha.zip [Alpha] : nom d'entrée non enregistré en UTF-8, ses accents seront perdus : MΘmoire technique/plan.pdf → recréer l'archive avec un outil qui enregistre les noms en UTF-8 (7-Zip, zip de macOS/Linux récents)",
                ],
            ),
            (
                "CAIH-FICHIERS-NON-RECONNUS",
                "fail",
                &[
                    "alpha/26_01_DC_Annexes_Alpha.zip [Alpha] : fichier reconnu comme aucune pièce attendue → vérifier qu'il doit être déposé, ou le nommer comme la pièce qu'il est",
                ],
            ),
        ],
    ),
];

#[test]
fn each_broken_variant_changes_exactly_its_rules() {
    check_variants("caih-broken", &caih_ok_statuses(), VARIANTS);
}

/// Compliant variants of the groupement: each gives a piece another way, and still passes.
const OK_VARIANTS: &[(&str, i32, &[Change])] = &[
    // The declarations are in the DC1: no separate declaration whose holder to read.
    (
        "dh-dans-dc1",
        0,
        &[("CAIH-CAND-DH-TITULAIRE", "not-applicable", &[])],
    ),
    // Three plaquettes on six pages in one PDF: 2 pages per reference.
    ("plaquettes-un-fichier", 0, &[]),
    ("sous-traitant", 0, &[]),
    ("trame-par-membre", 0, &[]),
    (
        // The English document's French translation is attached next to it: CAIH-LANGUE
        // passes, as its help promises.
        "traduction",
        0,
        &[(
            "CAIH-FICHIERS-NON-RECONNUS",
            "fail",
            &[
                "beta/26_01_DC_Ress_Beta.pdf [Beta] : fichier reconnu comme aucune pièce attendue → vérifier qu'il doit être déposé, ou le nommer comme la pièce qu'il est",
            ],
        )],
    ),
    ("transferts-ue", 0, &[]),
    (
        // Word and Excel files inside a zip are documents, not nested archives: PLACE-ZIP
        // passes; the zip itself is listed for information.
        "zip-bureautique",
        0,
        &[(
            "CAIH-FICHIERS-NON-RECONNUS",
            "fail",
            &[
                "alpha/26_01_DC_Annexes_Alpha.zip [Alpha] : fichier reconnu comme aucune pièce attendue → vérifier qu'il doit être déposé, ou le nommer comme la pièce qu'il est",
            ],
        )],
    ),
];

#[test]
fn each_compliant_variant_still_passes() {
    check_variants("caih-ok-variants", &caih_ok_statuses(), OK_VARIANTS);
}

/// Each variant folder of `dir` differs from `base` in exactly its listed rules.
fn check_variants(
    dir: &str,
    base: &BTreeMap<&'static str, &'static str>,
    variants: &[(&str, i32, &[Change])],
) {
    let on_disk: std::collections::BTreeSet<String> = std::fs::read_dir(fixture(dir))
        .expect("variants")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    let tested: std::collections::BTreeSet<String> =
        variants.iter().map(|v| v.0.to_string()).collect();
    assert_eq!(
        on_disk, tested,
        "every generated variant has its expectations"
    );
    for (name, want_code, changes) in variants {
        let (code, r, _) = run(&fixture(&format!("{dir}/{name}")), &[]);
        for (id, st) in statuses(&r) {
            match changes.iter().find(|c| c.0 == id) {
                Some((_, want, findings)) => {
                    assert_eq!(st, *want, "{name}: {id}");
                    assert_eq!(r[id].findings, findings.to_vec(), "{name}: {id}");
                }
                None => assert_eq!(Some(&st), base.get(id), "{name}: {id} changed: {:?}", r[id]),
            }
        }
        assert_eq!(code, *want_code, "{name}: exit code");
    }
}

#[test]
fn waivers_turn_a_failure_into_waived_and_stale_ones_are_reported() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let manifest = tmp.path().join("bid.yaml");
    let text =
        std::fs::read_to_string(fixture("caih-broken/nom-30").join("bid.yaml")).expect("manifest");
    std::fs::write(
        &manifest,
        format!(
            "{text}waivers:\n  - rule: CAIH-NOM-30\n    reason: \"Nommage validé par l'acheteur (réponse du 12/02)\"\n  - rule: CAIH-CAND-DH\n    reason: \"Ancienne dérogation\"\n  - rule: CAIH-HDS\n    reason: \"Expirée\"\n    expires: 2020-01-01\n"
        ),
    )
    .expect("write");
    let (code, r, report) = run(
        &fixture("caih-broken/nom-30"),
        &["--manifest", manifest.to_str().expect("utf-8")],
    );
    assert_eq!(r["CAIH-NOM-30"].status, "waived");
    assert_eq!(code, 0, "the only failure is waived");
    let w = report["results"]
        .as_array()
        .expect("results")
        .iter()
        .find(|x| x["rule"] == "CAIH-NOM-30")
        .expect("rule");
    assert_eq!(
        w["waiver"],
        "Nommage validé par l'acheteur (réponse du 12/02)"
    );
    let notices: Vec<&str> = report["notices"]
        .as_array()
        .expect("notices")
        .iter()
        .map(|n| n["message"].as_str().expect("message"))
        .collect();
    assert_eq!(
        notices,
        [
            "la dérogation pour CAIH-CAND-DH ne sert à rien (statut conforme) : la retirer du manifeste",
            "la dérogation pour CAIH-HDS a expiré le 01/01/2020 : elle n'est plus appliquée",
        ]
    );
}

#[test]
fn the_bid_folders_are_left_untouched_by_every_format() {
    let dir = fixture("caih-broken/zip");
    let before = snapshot(&dir);
    let out = tempfile::tempdir().expect("temp dir");
    for format in [
        "table", "json", "junit", "sarif", "github", "gitlab", "markdown", "csv", "html", "xlsx",
    ] {
        let target = out.path().join(format!("report.{format}"));
        Command::cargo_bin("bidlint")
            .expect("binary")
            .arg("check")
            .arg(&dir)
            .args(["--format", format, "-o"])
            .arg(&target)
            .env("GITHUB_STEP_SUMMARY", out.path().join("summary.md"))
            .output()
            .expect("runs");
        assert!(target.exists(), "{format}");
    }
    assert_eq!(snapshot(&dir), before);
}

/// Every path below `dir` with its bytes.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for e in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let e = e.expect("walk");
        let bytes = if e.file_type().is_file() {
            std::fs::read(e.path()).expect("read")
        } else {
            Vec::new()
        };
        out.push((e.path().to_path_buf(), bytes));
    }
    out
}

#[test]
fn compliant_caih_offer_has_every_annexe_3_deliverable() {
    let (code, r, report) = run(&fixture("caih-offre-ok"), &[]);
    assert_eq!(code, 0);
    assert_eq!(report["bid"]["phase"], "offre");
    let mut want: Vec<String> = (3..=16).map(|n| format!("CAIH-OFFRE-L{n:02}")).collect();
    want.extend([
        "CAIH-OFFRE-AE".to_string(),
        "CAIH-OFFRE-FINANCIERE".to_string(),
        "CAIH-NOM-30".to_string(),
    ]);
    for id in &want {
        assert_eq!(r[id.as_str()].status, "pass", "{id}: {:?}", r[id.as_str()]);
    }
    let s = statuses(&r);
    assert!(
        s.iter().all(|(_, st)| *st != "fail" && *st != "error"),
        "{s:?}"
    );
    assert!(
        !s.contains_key("CAIH-CAND-DH"),
        "candidature rules are not part of the offer"
    );
}

/// Annexe 3 asks, at the offer, for insurance attestations « en cours de validité »: an
/// attestation valid at the candidature but expired at the offer's deadline is caught.
#[test]
fn offer_attestation_expired_at_the_offer_deadline() {
    let (_, ok, _) = run(&fixture("caih-offre-ok"), &[]);
    assert_eq!(ok["CAIH-OFFRE-L16-VALIDE"].status, "pass");
    let (code, r, _) = run(&fixture("caih-offre-broken/assurance-expiree"), &[]);
    for (id, st) in statuses(&r) {
        if id != "CAIH-OFFRE-L16-VALIDE" {
            assert_eq!(st, ok[id].status, "{id}");
        }
    }
    assert_eq!(r["CAIH-OFFRE-L16-VALIDE"].status, "fail");
    assert_eq!(
        r["CAIH-OFFRE-L16-VALIDE"].findings,
        [
            "L16_Assurance_Alpha.pdf [Alpha] : expiré : valable jusqu'au 31/12/2025, date limite de remise le 15/04/2026 (« du 01/01/2025 au 31/12/2025 ») → demander une attestation ou un certificat en cours de validité"
        ]
    );
    assert_eq!(code, 1);
}

/// Every file below `from` copied below `to`.
fn copy_tree(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from) {
        let e = e.expect("walk");
        let target = to.join(e.path().strip_prefix(from).expect("below"));
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else {
            std::fs::copy(e.path(), &target).expect("copy");
        }
    }
}

/// Names Windows refuses are reported, as a warning. Built in a temporary folder rather than
/// committed: a repository holding such names cannot be checked out on Windows.
#[test]
fn names_windows_refuses_are_a_warning() {
    let tmp = tempfile::tempdir().expect("temp dir");
    copy_tree(&fixture("caih-groupement-ok"), tmp.path());
    let pdf = std::fs::read(fixture(
        "caih-groupement-ok/alpha/26_01_DC_Moyens_Alpha.pdf",
    ))
    .expect("pdf");
    for name in [
        "26_01_DC_Note?_Alpha.pdf",
        "26_01_DC_Annexe_Alpha.",
        "CON.pdf",
    ] {
        std::fs::write(tmp.path().join("alpha").join(name), &pdf).expect("write");
    }
    let (code, r, _) = run(tmp.path(), &[]);
    assert_eq!(r["PLACE-NOMS-WINDOWS"].status, "fail");
    assert_eq!(
        r["PLACE-NOMS-WINDOWS"].findings,
        [
            "alpha/26_01_DC_Annexe_Alpha. [Alpha] : nom refusé : caractère ou nom refusé par Windows",
            "alpha/26_01_DC_Note?_Alpha.pdf [Alpha] : nom refusé : caractère ou nom refusé par Windows",
            "alpha/CON.pdf [Alpha] : nom refusé : caractère ou nom refusé par Windows",
        ]
    );
    // A warning: the names alone do not block the verdict.
    assert_eq!(code, 0);
}

/// `bidlint` with `args`; its exit code and its error output.
fn bidlint_stderr(args: &[&std::ffi::OsStr]) -> (i32, String) {
    let out = Command::cargo_bin("bidlint")
        .expect("binary")
        .env("BIDLINT_CACHE_DIR", env!("CARGO_TARGET_TMPDIR"))
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().expect("exit code"),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const WITHIN_ERRORS: &str = r#"pack: within-errors
title: "Erreurs"
version: "1"
sources:
  rc: "RC"
rules:
  - id: EX-TRAME
    title: "Trame"
    severity: error
    source: { doc: rc, section: "1", quote: "la trame" }
    help: "Joindre la trame."
    check:
      kind: piece
      label: "trame"
      per: member
      names: ['trame']
  - id: EX-REFS
    title: "Références"
    severity: error
    source: { doc: rc, section: "1", quote: "les références" }
    help: "Joindre la liste."
    check:
      kind: piece
      label: "références"
      joint_named: true
      names: ['refs']
      within:
        - piece: EX-TRAME
          label: "onglet"
          sheets: ['ref(']
        - label: "rien"
          piece: EX-TRAME
        - label: "les deux"
          piece: EX-TRAME
          names: ['dc1']
          text: ['x']
"#;

/// The new pack and manifest fields, used wrongly: exit 2, each problem at its line.
#[test]
fn new_fields_used_wrongly_get_located_diagnostics() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let pack = tmp.path().join("pack.yaml");
    std::fs::write(&pack, WITHIN_ERRORS).expect("write");
    let (code, err) = bidlint_stderr(&["validate-pack".as_ref(), pack.as_os_str()]);
    assert_eq!(code, 2, "{err}");
    for (message, at) in [
        (
            "`joint_named` n'a de sens qu'avec `per: member`",
            "pack.yaml:25:20",
        ),
        ("parenthèse ouverte jamais fermée", "pack.yaml:30:20"),
        ("indiquez `sheets` ou `text`", "pack.yaml:31:16"),
        ("indiquez soit `piece`", "pack.yaml:33:16"),
    ] {
        let i = err
            .find(message)
            .unwrap_or_else(|| panic!("{message}: {err}"));
        assert!(err[i..].contains(at), "{message} at {at}: {err}");
    }
    // A host that is no piece rule, and an unknown role.
    let fixed = WITHIN_ERRORS
        .replace("      joint_named: true\n", "")
        .replace("['ref(']", "['ref']")
        .replace(
            "        - label: \"rien\"\n          piece: EX-TRAME\n        - label: \"les deux\"\n          piece: EX-TRAME\n          names: ['dc1']\n          text: ['x']\n",
            "",
        );
    std::fs::write(
        &pack,
        fixed.replace(
            "piece: EX-TRAME\n          label",
            "piece: EX-TRAMME\n          label",
        ),
    )
    .expect("write");
    let (code, err) = bidlint_stderr(&["validate-pack".as_ref(), pack.as_os_str()]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("« EX-TRAMME » n'est pas une règle de type piece de ce pack"),
        "{err}"
    );
    assert!(err.contains("pack.yaml:27:18"), "{err}");
    std::fs::write(
        &pack,
        fixed.replace("      names: ['refs']", "      per: member\n      members: { except_roles: [sous-traitante] }\n      names: ['refs']"),
    )
    .expect("write");
    let (code, err) = bidlint_stderr(&["validate-pack".as_ref(), pack.as_os_str()]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("valeur inconnue `sous-traitante`"), "{err}");
    assert!(err.contains("vouliez-vous dire `sous-traitant`"), "{err}");

    // The manifest's transfers: an unknown field, then a country that is no ISO code.
    let bid = tmp.path().join("bid");
    std::fs::create_dir(&bid).expect("mkdir");
    let manifest = bid.join("bid.yaml");
    std::fs::write(
        &manifest,
        "consultation: caih-aos-2026\nphase: candidature\nhosting:\n  administration: [FR]\n  transfers:\n    - pays: FR\n",
    )
    .expect("write");
    let (code, err) = bidlint_stderr(&["check".as_ref(), bid.as_os_str()]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("hosting.transfers[0] : champ inconnu `pays`"),
        "{err}"
    );
    assert!(err.contains("bid.yaml:6:7"), "{err}");
    std::fs::write(
        &manifest,
        "consultation: caih-aos-2026\nphase: candidature\nhosting:\n  administration: [FR]\n  transfers:\n    - country: USA\n      recipient: support\n",
    )
    .expect("write");
    let (code, err) = bidlint_stderr(&["check".as_ref(), bid.as_os_str()]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("pays « USA » : code ISO 3166-1 à deux lettres attendu"),
        "{err}"
    );
    assert!(err.contains("bid.yaml:6:16"), "{err}");
}

/// The ANS HDS commitment written inside the DC2 satisfies ANS-CAND-HDS, found in its text
/// below the title; without it (and without a certificate) the piece is missing.
#[test]
fn ans_hds_commitment_inside_the_dc2() {
    let (code, r, report) = run(&fixture("ans-variants/engagement-dc2"), &[]);
    assert_eq!(r["ANS-CAND-HDS"].status, "pass");
    assert_eq!(
        evidence(&report, "ANS-CAND-HDS"),
        serde_json::json!([
            "DC2_Declaration_candidat.pdf (engagement d'obtenir la certification HDS, dans le DC1, le DC2 ou le DUME)"
        ])
    );
    assert_eq!(r["ANS-LOT2-HDS5"].status, "pass");
    assert!(
        r.values()
            .all(|o| o.status != "fail" && o.status != "error"),
        "{r:?}"
    );
    assert_eq!(code, 0);
    let (code, r, _) = run(&fixture("ans-variants/sans-engagement"), &[]);
    assert_eq!(r["ANS-CAND-HDS"].status, "fail");
    assert_eq!(
        r["ANS-CAND-HDS"].findings,
        ["- : pièce absente : certificat HDS activité 5, ou engagement à l'obtenir"]
    );
    assert_eq!(code, 1);
}

/// « exprimés en EUROS » concerns the bid's prices: the L14 TCO note comparing with a suite
/// priced in dollars is what L14 asks for — a warning to reread, not a blocking error.
#[test]
fn dollars_in_the_tco_comparison_are_a_warning() {
    let (_, ok, _) = run(&fixture("caih-offre-ok"), &[]);
    assert_eq!(ok["CAIH-EUROS"].status, "pass");
    assert_eq!(ok["CAIH-EUROS-AUTRES"].status, "pass");
    let (code, r, _) = run(&fixture("caih-offre-broken/tco-dollars"), &[]);
    for (id, st) in statuses(&r) {
        if id != "CAIH-EUROS-AUTRES" {
            assert_eq!(st, ok[id].status, "{id}");
        }
    }
    assert_eq!(r["CAIH-EUROS-AUTRES"].status, "fail");
    assert_eq!(
        r["CAIH-EUROS-AUTRES"].findings,
        [
            "L14_Projection_TCO.pdf : montant dans une autre devise que l'euro : …propriétaire de référence, vendue 36 USD par utilisateur et par mois, soit 2 950…"
        ]
    );
    assert_eq!(code, 0);
}
