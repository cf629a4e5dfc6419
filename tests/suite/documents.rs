//! What bidlint reads inside the documents, on the generated fixtures: hostile files each get
//! their status within the limits, the content rules give the exact findings the texts call
//! for, the cache is used and survives corruption, and a PDF can be a quote source.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::common::fixture;
use assert_cmd::Command;
use serde_json::Value;

/// Rule id → (status, findings as `path : message`).
type Rules = BTreeMap<String, (String, Vec<String>)>;

/// `bidlint check DIR --format json` with a private cache: the exit code and the report.
fn report(dir: &Path, cache: &Path, extra: &[&str]) -> (i32, Value) {
    crate::common::check_json(dir, cache, extra)
}

/// `bidlint check DIR --format json` with a private cache; rule → (status, findings).
fn check(dir: &Path, cache: &Path, extra: &[&str]) -> (i32, Rules) {
    let (code, report) = report(dir, cache, extra);
    let mut rules = BTreeMap::new();
    for r in report["results"].as_array().expect("results") {
        let findings = crate::common::finding_lines(r);
        rules.insert(
            r["rule"].as_str().expect("rule").to_string(),
            (r["status"].as_str().expect("status").to_string(), findings),
        );
    }
    (code, rules)
}

/// The rules that are neither `pass`, `skip` nor a manual item, with their findings.
fn defects(rules: &Rules) -> Rules {
    rules
        .iter()
        .filter(|(_, (s, _))| s == "fail" || s == "error")
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

fn expect(rule: &str, status: &str, findings: &[&str]) -> (String, (String, Vec<String>)) {
    (
        rule.to_string(),
        (
            status.to_string(),
            findings.iter().map(|s| s.to_string()).collect(),
        ),
    )
}

#[test]
fn hostile_documents_each_get_a_status_within_the_limits() {
    let cache = tempfile::tempdir().expect("cache");
    let started = Instant::now();
    let (code, rules) = check(&fixture("hostile"), cache.path(), &["--doc-timeout", "20"]);
    assert!(started.elapsed() < Duration::from_secs(60), "bounded time");
    assert_eq!(code, 1);
    let lisible = &rules["PLACE-LISIBLE"];
    assert_eq!(lisible.0, "fail");
    let bad: Vec<&str> = lisible
        .1
        .iter()
        .map(|f| f.split(" : ").next().unwrap_or(""))
        .collect();
    assert_eq!(
        bad,
        vec![
            "flate-bomb.pdf",
            "html-renamed.pdf",
            "parent-loop.pdf",
            "truncated.pdf",
            "user-password.pdf",
            "xobject-self.pdf",
            "zip-bomb-lying-sizes.docx",
            "zip-bomb.docx",
        ],
        "{lisible:?}"
    );
    let why = |name: &str| {
        lisible
            .1
            .iter()
            .find(|f| f.starts_with(&format!("{name} : ")))
            .cloned()
            .unwrap_or_default()
    };
    // The bomb inflates until a limit stops it: the memory limit on an idle machine, the time
    // limit when the machine is loaded (other tests reading at the same time). Either way it
    // is refused within the limits, with its cause.
    let bomb = why("flate-bomb.pdf");
    assert!(
        bomb.contains("plus de 1024 Mo de mémoire")
            || bomb.contains("lecture interrompue après 20 s"),
        "{bomb}"
    );
    // The parser's cause said in French, never its English (« failed parsing cross reference
    // table »).
    assert!(
        why("truncated.pdf").contains(
            "PDF illisible (tronqué ou corrompu) : table des références croisées illisible"
        )
    );
    assert!(why("parent-loop.pdf").contains("forme une boucle"));
    assert!(why("user-password.pdf").contains("mot de passe d'ouverture"));
    assert!(why("xobject-self.pdf").contains("structure récursive sans fin"));
    assert!(why("zip-bomb.docx").contains("bombe de décompression"));
    assert!(why("zip-bomb-lying-sizes.docx").contains("au-delà de la taille qu'elle déclare"));
    // Owner-password-only, signed and huge-dimension files open: not listed.
    assert_eq!(
        rules["PLACE-VIDE"].1,
        vec!["empty.pdf : fichier vide (0 octet)"]
    );
}

#[test]
fn a_lower_memory_limit_and_a_short_timeout_are_obeyed() {
    let cache = tempfile::tempdir().expect("cache");
    let started = Instant::now();
    let (_, rules) = check(
        &fixture("hostile"),
        cache.path(),
        &["--doc-memory", "128", "--doc-timeout", "1", "--jobs", "1"],
    );
    assert!(started.elapsed() < Duration::from_secs(40));
    let bomb = rules["PLACE-LISIBLE"]
        .1
        .iter()
        .find(|f| f.starts_with("flate-bomb.pdf"))
        .cloned()
        .unwrap_or_default();
    assert!(
        bomb.contains("plus de 128 Mo") || bomb.contains("interrompue après 1 s"),
        "{bomb}"
    );
}

#[test]
fn content_rules_on_each_document_variant() {
    let cache = tempfile::tempdir().expect("cache");
    type Case<'a> = (&'a str, Vec<(String, (String, Vec<String>))>);
    let cases: Vec<Case> = vec![
        (
            "anglais",
            vec![expect(
                "CAIH-LANGUE",
                "fail",
                &[
                    "alpha/26_01_DC_Moyens_Alpha.pdf : rédigé en anglais (confiance 100 %), pas en français",
                ],
            )],
        ),
        (
            "assurance-expiree",
            vec![expect(
                "CAIH-CAND-ASSURANCE-VALIDE",
                "fail",
                &[
                    "beta/26_01_DC_Assurance_Beta.pdf : expiré : valable jusqu'au 31/12/2025, date limite de remise le 19/02/2026 (« du 01/01/2025 au 31/12/2025 »)",
                ],
            )],
        ),
        (
            "hds-activites",
            // The RC asks for no particular activity: that bid.yaml claims more than the
            // certificate covers is a manifest inconsistency (a notice), not a defect of the bid
            // (the holders module checks the notice).
            vec![],
        ),
        (
            "memoire-manquant",
            vec![expect(
                "CAIH-MEMOIRE-PLAN",
                "fail",
                &["L03_Memoire_technique.pdf : 3.3 « DEVSECOPS ET QUALITE LOGICIELLE » absent"],
            )],
        ),
        (
            "memoire-docx-manquant",
            vec![expect(
                "CAIH-MEMOIRE-PLAN",
                "fail",
                &["L03_Memoire_technique.docx : 5.2 « MCO ET EXPLOITATION » absent"],
            )],
        ),
        ("memoire-extra", vec![]),
        (
            "offre-sans-email",
            vec![expect(
                "CAIH-OFFRE-EMAIL",
                "fail",
                &["AE_Acte_engagement.pdf : adresse électronique : introuvable"],
            )],
        ),
        ("piece-par-contenu", vec![]),
        (
            "plaquette-3-pages",
            vec![expect(
                "CAIH-CAND-PLAQUETTE-PAGES",
                "fail",
                &[
                    "alpha/26_01_DC_Plaq1_Alpha.pdf : 3 pages pour 1 référence(s), 2 au plus (2 par référence)",
                ],
            )],
        ),
        (
            "plaquette-letter",
            vec![expect(
                "CAIH-CAND-PLAQUETTE-A4",
                "fail",
                &[
                    "alpha/26_01_DC_Plaq2_Alpha.pdf : 2 pages dont la page 1 au format 216 × 279 mm (US Letter), pas A4",
                ],
            )],
        ),
    ];
    for (name, want) in cases {
        let dir = fixture(&format!("documents/{name}"));
        let (_, rules) = check(&dir, cache.path(), &[]);
        let want: Rules = want.into_iter().collect();
        assert_eq!(defects(&rules), want, "variant {name}");
        // The facts kept in the cache (the detected language among them) judge the same.
        let (_, warm) = check(&dir, cache.path(), &[]);
        assert_eq!(warm, rules, "variant {name}, from the cache");
    }
}

#[test]
fn swapped_chapters_name_the_moved_sections() {
    let cache = tempfile::tempdir().expect("cache");
    let (_, rules) = check(&fixture("documents/memoire-ordre"), cache.path(), &[]);
    let plan = &rules["CAIH-MEMOIRE-PLAN"];
    assert_eq!(plan.0, "fail", "a warning rule that failed");
    assert!(
        plan.1
            .iter()
            .all(|f| f.starts_with("L03_Memoire_technique.pdf : 4") && f.contains("placé après")),
        "{plan:?}"
    );
    assert_eq!(plan.1.len(), 3, "{plan:?}");
}

#[test]
fn external_links_and_dollars_are_named_with_their_passage() {
    let cache = tempfile::tempdir().expect("cache");
    let (_, rules) = check(&fixture("documents/lien-externe"), cache.path(), &[]);
    let liens = &rules["PLACE-LIENS"];
    assert_eq!(liens.0, "fail");
    assert!(
        liens
            .1
            .iter()
            .all(|f| f.starts_with("alpha/26_01_DC_Refs_Alpha.pdf : "))
    );
    assert!(
        liens
            .1
            .iter()
            .any(|f| f.contains("https://wetransfer.com/"))
    );
    let (_, rules) = check(&fixture("documents/montant-dollars"), cache.path(), &[]);
    let euros = &rules["CAIH-EUROS"];
    assert_eq!(euros.0, "fail");
    assert_eq!(euros.1.len(), 1);
    assert!(
        euros.1[0]
            .starts_with("CRF_Offre_financiere.xlsx : montant dans une autre devise que l'euro : ")
    );
    assert!(euros.1[0].contains("(USD)"));
}

#[test]
fn a_piece_is_recognised_by_its_first_page() {
    let cache = tempfile::tempdir().expect("cache");
    let dir = fixture("documents/piece-par-contenu");
    let out = Command::cargo_bin("bidlint")
        .expect("binary")
        .env("BIDLINT_CACHE_DIR", cache.path())
        .args(["check", dir.to_str().expect("utf-8"), "--format", "json"])
        .output()
        .expect("runs");
    let report: Value = serde_json::from_slice(&out.stdout).expect("json");
    let assurance = report["results"]
        .as_array()
        .expect("results")
        .iter()
        .find(|r| r["rule"] == "CAIH-CAND-ASSURANCE")
        .expect("rule");
    assert_eq!(assurance["status"], "pass");
    let evidence: Vec<&str> = assurance["evidence"]
        .as_array()
        .expect("evidence")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(
        evidence.contains(&"beta/26_01_DC_Piece7_Beta.pdf (reconnu par son contenu)"),
        "{evidence:?}"
    );
}

#[test]
fn compliant_offers_pass_every_content_rule() {
    let cache = tempfile::tempdir().expect("cache");
    for name in ["caih-offre-ok", "caih-offre-docx-ok", "caih-groupement-ok"] {
        let (code, rules) = check(&fixture(name), cache.path(), &[]);
        assert_eq!(defects(&rules), BTreeMap::new(), "{name}");
        assert_eq!(code, 0, "{name}");
        for id in ["CAIH-LANGUE", "CAIH-EUROS", "PLACE-LIENS", "PLACE-LISIBLE"] {
            assert_eq!(rules[id].0, "pass", "{name} {id}");
        }
    }
    let (_, rules) = check(&fixture("caih-offre-docx-ok"), cache.path(), &[]);
    assert_eq!(rules["CAIH-MEMOIRE-PLAN"].0, "pass");
    assert_eq!(rules["CAIH-OFFRE-EMAIL"].0, "pass");
}

#[test]
fn the_cache_is_used_and_a_corrupt_entry_is_rebuilt() {
    let cache = tempfile::tempdir().expect("cache");
    let dir = fixture("caih-groupement-ok");
    let run = |extra: &[&str]| {
        let out = Command::cargo_bin("bidlint")
            .expect("binary")
            .env("BIDLINT_CACHE_DIR", cache.path())
            .args([
                "check",
                dir.to_str().expect("utf-8"),
                "--format",
                "json",
                "--verbose",
            ])
            .args(extra)
            .output()
            .expect("runs");
        (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (cold, log) = run(&[]);
    assert!(log.contains("(0 depuis le cache)"), "{log}");
    let (warm, log) = run(&[]);
    assert!(log.contains("documents lus (15 depuis le cache)"), "{log}");
    assert_eq!(cold, warm, "the same report from the cache");
    // Corrupt every entry: each is ignored, read again and rewritten.
    for entry in walk(cache.path()) {
        std::fs::write(&entry, b"{ corrupt").expect("corrupt");
    }
    let (again, log) = run(&[]);
    assert!(log.contains("(0 depuis le cache)"), "{log}");
    assert_eq!(cold, again);
    let (_, log) = run(&["--no-cache"]);
    assert!(log.contains("(0 depuis le cache)"), "{log}");
    let (_, log) = run(&[]);
    assert!(log.contains("(15 depuis le cache)"), "rewritten: {log}");
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).expect("dir").flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn one_job_or_many_give_the_same_report() {
    let cache = tempfile::tempdir().expect("cache");
    let dir = fixture("caih-offre-ok");
    let (_, one) = check(&dir, cache.path(), &["--jobs", "1", "--no-cache"]);
    let (_, four) = check(&dir, cache.path(), &["--jobs", "4", "--no-cache"]);
    assert_eq!(one, four);
}

#[test]
fn a_pdf_can_be_a_quote_source() {
    use bidlint_fixturegen::pdf::{PdfSpec, build};
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/quotes/rc-extrait.txt"
    ))
    .expect("read");
    let lines: Vec<&str> = text.lines().collect();
    let tmp = tempfile::tempdir().expect("temp dir");
    let pdf = tmp.path().join("rc.pdf");
    std::fs::write(
        &pdf,
        build(&PdfSpec::page("Règlement", &lines)).expect("pdf"),
    )
    .expect("write");
    let out = Command::cargo_bin("bidlint")
        .expect("binary")
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/quotes"))
        .env("NO_COLOR", "1")
        .args(["validate-pack", "pack.yaml", "--sources"])
        .arg(format!("rc={}", pdf.display()))
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr).replace('│', " ");
    let err = err.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("citations non vérifiées : 2 problèmes"),
        "{err}"
    );
    assert!(
        err.contains("Q-PROCHE") && err.contains("Q-ABSENTE") && !err.contains("Q-TROUVEE"),
        "{err}"
    );
}

#[test]
fn a_signature_is_reported_not_verified() {
    let cache = tempfile::tempdir().expect("cache");
    let out = Command::cargo_bin("bidlint")
        .expect("binary")
        .env("BIDLINT_CACHE_DIR", cache.path())
        .arg("check")
        .arg(fixture("hostile"))
        .args(["--format", "json", "--doc-timeout", "20"])
        .output()
        .expect("runs");
    let report: Value = serde_json::from_slice(&out.stdout).expect("json");
    let lisible = report["results"]
        .as_array()
        .expect("results")
        .iter()
        .find(|r| r["rule"] == "PLACE-LISIBLE")
        .expect("rule");
    assert_eq!(
        lisible["evidence"],
        serde_json::json!(["signed.pdf (signature électronique présente, non vérifiée)"])
    );
}

/// Rule id → (status, evidence) of `bidlint check DIR --format json`.
fn evidence(dir: &Path, cache: &Path, extra: &[&str]) -> BTreeMap<String, (String, Vec<String>)> {
    let (_, report) = report(dir, cache, extra);
    report["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| {
            let evidence = r["evidence"]
                .as_array()
                .map(|e| {
                    e.iter()
                        .filter_map(|v| v.as_str())
                        .map(String::from)
                        .collect()
                })
                .unwrap_or_default();
            (
                r["rule"].as_str().expect("rule").to_string(),
                (r["status"].as_str().expect("status").to_string(), evidence),
            )
        })
        .collect()
}

/// A user pack: the `place` rules plus « 5 pages at most » on every Word document.
const FIVE_PAGES_PACK: &str = "pack: test-pages\ntitle: Limite de pages\nversion: \"1\"\nextends: [place]\nsources:\n  rc:\n    title: RC de test\n    kind: consultation\nrules:\n  - id: TEST-PAGES\n    title: Mémoire de 5 pages au plus\n    severity: error\n    source:\n      doc: rc\n      section: Article 1\n      quote: Le mémoire technique ne dépasse pas 5 pages.\n    help: Réduire le mémoire.\n    check:\n      kind: pages\n      max: 5\n      select: { extensions: [docx] }\n";

#[test]
fn documents_read_as_their_software_does() {
    let cache = tempfile::tempdir().expect("cache");
    let dir = fixture("lecture");
    let pack = cache.path().join("pages.yaml");
    std::fs::write(&pack, FIVE_PAGES_PACK).expect("pack");
    let pack = pack.to_str().expect("UTF-8 path");
    let (code, rules) = check(&dir, cache.path(), &["--pack", pack]);
    // The defects: the password-protected and the truncated Word files, each once with its
    // cause (not « an old-format document » or « a ZIP archive, not a .docx », not again
    // under PLACE-ZIP), and the download link in a Word footer (a footer is read).
    assert_eq!(
        defects(&rules),
        [
            expect(
                "PLACE-LIENS",
                "fail",
                &["memoire-python-docx.docx : lien vers un service de transfert ou de partage de fichiers : …exes volumineuses téléchargeables sur wetransfer.com/downloads/alpha-beta-annexes Les engage…"]
            ),
            expect(
                "PLACE-LISIBLE",
                "fail",
                &[
                    "offre-mot-de-passe.docx : document protégé par un mot de passe d'ouverture : l'acheteur ne pourra pas le lire",
                    "offre-tronquee.docx : document corrompu ou tronqué (archive illisible : répertoire central ZIP introuvable) : il ne s'ouvrira pas"
                ]
            )
        ]
        .into_iter()
        .collect::<Rules>()
    );
    assert_eq!(code, 1);
    let all = evidence(&dir, cache.path(), &["--pack", pack]);
    // Their text was read: a text rule judged each (a stream whose length lies used to lose
    // the page's text, and the file went to a human as « aucun texte lisible »).
    assert_eq!(
        all["PLACE-LIENS"].1,
        [
            "avis-dompdf.pdf",
            "longueur-fausse.pdf",
            "memoire-python-docx.docx",
            "memoire-sans-trailer.pdf",
            "note-python-docx.docx"
        ]
    );
    let repaired = |file: &str, why: &str| {
        format!(
            "{file} (PDF réparé à la lecture comme le font les lecteurs PDF : {why}, table des objets reconstruite)"
        )
    };
    let (status, notes) = &all["PLACE-LISIBLE"];
    assert_eq!(status, "fail");
    assert_eq!(
        notes,
        &vec![
            repaired(
                "avis-dompdf.pdf",
                "table des références croisées ou trailer illisible"
            ),
            repaired("longueur-fausse.pdf", "longueur de flux erronée"),
            repaired(
                "memoire-sans-trailer.pdf",
                "table des références croisées ou trailer illisible"
            ),
        ]
    );
    // python-docx stores « 1 page » whatever the length: the 7-page mémoire used to pass a
    // 5-page limit. Its count is now estimated, and an estimate near or past a limit is for a
    // human, with the figures; the one-page note is far enough below to pass.
    let (_, report) = report(&dir, cache.path(), &["--pack", pack]);
    let pages = report["results"]
        .as_array()
        .expect("results")
        .iter()
        .find(|r| r["rule"] == "TEST-PAGES")
        .expect("the pages rule");
    assert_eq!(pages["status"], "manual");
    assert_eq!(
        pages["reason"],
        "à vérifier à la main : memoire-python-docx.docx (nombre de pages estimé, à compter à l'ouverture : environ 7 page(s) estimée(s), entre 7 et 11 (1285 mots, 6 saut(s) de page, le fichier en déclare 1) ; statistiques du fichier vides (0 page ou 0 mot) ; attendu : 5 page(s) au plus)"
    );
}

/// A user pack: the `place` rules, two workbooks named `velvet…` in `xlsx` (a format read from
/// the content), and a sentence their text must hold.
const ENCRYPTED_PACK: &str = r#"pack: test-chiffre
title: Classeurs chiffrés
version: "1"
extends: [place]
sources:
  rc: { title: RC de test, kind: consultation }
rules:
  - id: TEST-CADRE
    title: Cadre de réponse financière au format xlsx
    severity: error
    source: { doc: rc, section: Article 1, quote: Le cadre de réponse financière est remis au format xlsx. }
    help: Joindre le cadre.
    check: { kind: piece, label: cadre de réponse financière, names: ['^velvet'], formats: [xlsx], min: 2 }
  - id: TEST-CADRE-TEXTE
    title: Le cadre nomme le partenariat
    severity: error
    source: { doc: rc, section: Article 1, quote: Le cadre nomme le partenariat. }
    help: Remplir le cadre.
    check:
      kind: content
      must: [{ pattern: 'Alternative Open Source', label: nom du partenariat }]
      select: { pieces: [TEST-CADRE] }
"#;

const SMALL_MANIFEST: &str = "consultation: place\nphase: candidature\ndeadline: 2026-02-19T12:00:00+01:00\ncandidate:\n  name: Alpha Numérique SAS\n  form: individuel\nmembers:\n  - name: Alpha Numérique SAS\n    short: Alpha\n    siret: \"12345678200010\"\n    role: individuel\n";

#[test]
fn a_workbook_encrypted_with_excel_s_default_password_is_read() {
    // tests/data/office-crypto/make.py: msoffcrypto-tool's Agile encryption, and a Standard
    // one it decrypts, of the fixture generator's CRF_Offre_financiere.xlsx.
    let bid = tempfile::tempdir().expect("bid");
    let data = crate::common::repo("tests/data/office-crypto");
    for name in [
        "velvet-agile.xlsx",
        "velvet-standard.xlsx",
        "autre-mot-de-passe.xlsx",
        "bombe-chiffree.xlsx",
    ] {
        std::fs::copy(data.join(name), bid.path().join(name)).expect("copy");
    }
    let agile = std::fs::read(data.join("velvet-agile.xlsx")).expect("agile");
    std::fs::write(
        bid.path().join("offre-tronquee.xlsx"),
        &agile[..agile.len() / 2],
    )
    .expect("cut");
    std::fs::write(bid.path().join("bid.yaml"), SMALL_MANIFEST).expect("manifest");
    let cache = tempfile::tempdir().expect("cache");
    let pack = cache.path().join("chiffre.yaml");
    std::fs::write(&pack, ENCRYPTED_PACK).expect("pack");
    let pack = pack.to_str().expect("UTF-8 path");
    let (code, rules) = check(bid.path(), cache.path(), &["--pack", pack]);
    // Only the workbook another password protects, the decompression bomb (refused once
    // decrypted, as a plain one is) and the cut workbook cannot be opened — each with its own
    // cause.
    assert_eq!(
        defects(&rules),
        [expect(
            "PLACE-LISIBLE",
            "fail",
            &[
                "autre-mot-de-passe.xlsx : document protégé par un mot de passe d'ouverture : l'acheteur ne pourra pas le lire",
                "bombe-chiffree.xlsx : « word/document.xml » se décompresse 1031× (1024 Mo) : refusé comme bombe de décompression",
                "offre-tronquee.xlsx : classeur chiffré corrompu ou tronqué (conteneur OLE corrompu) : il ne s'ouvrira pas",
            ]
        )]
        .into_iter()
        .collect::<Rules>()
    );
    assert_eq!(code, 1);
    let all = evidence(bid.path(), cache.path(), &["--pack", pack]);
    let note = "(classeur chiffré avec le mot de passe par défaut d'Excel (VelvetSweatshop) : Excel l'ouvre sans demander de mot de passe)";
    assert_eq!(
        all["PLACE-LISIBLE"].1,
        [
            format!("velvet-agile.xlsx {note}"),
            format!("velvet-standard.xlsx {note}")
        ]
    );
    // Both are the `xlsx` they claim to be, and their cells are read.
    let both = vec![
        "velvet-agile.xlsx".to_string(),
        "velvet-standard.xlsx".to_string(),
    ];
    assert_eq!(all["TEST-CADRE"], ("pass".to_string(), both.clone()));
    assert_eq!(all["TEST-CADRE-TEXTE"], ("pass".to_string(), both));
}
