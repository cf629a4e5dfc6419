//! The worked example of a user pack (`examples/ght-teleconsultation/`): a fictional RC, the
//! pack written for it (`extends: [place]`, `except:`, `overrides:`), and a bid folder with two
//! deliberate defects. What its README shows is what bidlint does: every quote is found in the
//! RC, every rule ends with the status below, the overrides took effect, the two fixes make the
//! folder pass, and the folder on disk is exactly what the generator writes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn example() -> PathBuf {
    root().join("examples/ght-teleconsultation")
}

fn bidlint() -> Command {
    let mut cmd = Command::cargo_bin("bidlint").expect("binary");
    cmd.current_dir(root());
    cmd
}

/// `bidlint check DIR --format json ARGS…` from the repository root: exit code and report.
fn check(dir: &Path, args: &[&str]) -> (i32, Value) {
    crate::common::check_json(dir, crate::common::shared_cache(), args)
}

fn results(report: &Value) -> &Vec<Value> {
    report["results"].as_array().expect("results")
}

fn result<'a>(report: &'a Value, id: &str) -> &'a Value {
    results(report)
        .iter()
        .find(|r| r["rule"] == id)
        .unwrap_or_else(|| panic!("no result for {id}"))
}

/// Every rule id with its status, in report order.
fn statuses(report: &Value) -> Vec<(String, String)> {
    results(report)
        .iter()
        .map(|r| {
            (
                r["rule"].as_str().expect("rule").to_string(),
                r["status"].as_str().expect("status").to_string(),
            )
        })
        .collect()
}

/// The statuses of the example folder as generated, in the pack's order: `place`'s rules
/// first (PLACE-TAILLE excepted, PLACE-ZIP switched off), then the pack's own.
const EXPECTED: [(&str, &str); 35] = [
    ("PLACE-LISIBLE", "pass"),
    ("PLACE-PARASITES", "pass"),
    ("PLACE-NOMS-WINDOWS", "pass"),
    ("PLACE-EXECUTABLES", "pass"),
    ("PLACE-VIDE", "pass"),
    ("PLACE-LIENS", "pass"),
    ("GHT-TLC-NOM-40", "fail"),
    ("GHT-TLC-NOM-FORMAT", "pass"),
    ("GHT-TLC-FORMATS", "pass"),
    ("GHT-TLC-ARCHIVES", "pass"),
    ("PLACE-TAILLE", "pass"),
    ("GHT-TLC-LOTS", "pass"),
    ("GHT-TLC-CANDIDATURE-UNIQUE", "not-applicable"),
    ("GHT-TLC-CAND-DC1", "pass"),
    ("GHT-TLC-CAND-DC2", "pass"),
    ("GHT-TLC-CAND-ASSURANCE", "fail"),
    ("GHT-TLC-CAND-ASSURANCE-VALIDE", "pass"),
    ("GHT-TLC-CAND-KBIS", "pass"),
    ("GHT-TLC-CAND-REFERENCES", "pass"),
    ("GHT-TLC-CAND-HDS", "pass"),
    ("GHT-TLC-HDS", "pass"),
    ("GHT-TLC-HEBERGEMENT-UE", "pass"),
    ("GHT-TLC-ADMIN-UE", "pass"),
    ("GHT-TLC-OFFRE-AE-L1", "pass"),
    ("GHT-TLC-OFFRE-AE-L2", "not-applicable"),
    ("GHT-TLC-OFFRE-AE-L3", "pass"),
    ("GHT-TLC-OFFRE-MT-L1", "pass"),
    ("GHT-TLC-OFFRE-MT-L2", "not-applicable"),
    ("GHT-TLC-OFFRE-MT-L3", "pass"),
    ("GHT-TLC-OFFRE-PRIX-L1", "pass"),
    ("GHT-TLC-OFFRE-PRIX-L2", "not-applicable"),
    ("GHT-TLC-OFFRE-PRIX-L3", "pass"),
    ("GHT-TLC-LANGUE", "pass"),
    ("GHT-TLC-EUROS", "pass"),
    ("GHT-TLC-MANUEL-DEPOT", "manual"),
];

fn expected() -> Vec<(String, String)> {
    EXPECTED
        .iter()
        .map(|(r, s)| (r.to_string(), s.to_string()))
        .collect()
}

#[test]
fn every_quote_of_the_pack_is_in_the_rc() {
    let out = bidlint()
        .args([
            "validate-pack",
            "examples/ght-teleconsultation/pack.yaml",
            "--sources",
            "rc=examples/ght-teleconsultation/rc.md",
        ])
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // 29 rules of its own (PLACE-TAILLE redefined included), each with a quote of rc.md.
    assert!(
        stdout.contains("29 citations retrouvées mot pour mot dans leurs sources"),
        "{stdout}"
    );
    assert!(
        stdout.contains("pack « ght-rdl-teleconsultation-2026 » valide"),
        "{stdout}"
    );
}

#[test]
fn a_changed_quote_is_caught() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pack = std::fs::read_to_string(example().join("pack.yaml")).expect("pack");
    let edited = pack.replacen(
        "ne dépasse pas quarante (40) caractères",
        "ne dépasse jamais quarante (40) caractères",
        1,
    );
    assert_ne!(pack, edited);
    let path = dir.path().join("pack.yaml");
    std::fs::write(&path, edited).expect("write");
    let out = bidlint()
        .arg("validate-pack")
        .arg(&path)
        .arg("--sources")
        .arg(format!("rc={}", example().join("rc.md").display()))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("GHT-TLC-NOM-40"), "{stderr}");
}

#[test]
fn check_gives_the_documented_statuses_and_findings() {
    let (code, report) = check(Path::new("examples/ght-teleconsultation/reponse"), &[]);
    assert_eq!(code, 1, "two errors fail the run");
    assert_eq!(statuses(&report), expected());
    assert_eq!(
        report["summary"],
        serde_json::json!({ "pass": 28, "fail": 2, "not-applicable": 4, "unknown": 0, "manual": 1, "waived": 0, "error": 0 })
    );
    assert_eq!(report["bid"]["phase"], "offre");
    // No `deadline:` in bid.yaml: the pack's (article 9.1 of the RC) applies.
    assert_eq!(report["bid"]["deadline"], "2026-05-12T12:00:00+02:00");
    assert_eq!(report["bid"]["files"], 15);
    let packs: Vec<&str> = report["packs"]
        .as_array()
        .expect("packs")
        .iter()
        .map(|p| p["id"].as_str().expect("id"))
        .collect();
    assert_eq!(packs, ["place", "ght-rdl-teleconsultation-2026"]);

    // Defect 1: the annex added on the last day is 47 characters long.
    let nom = result(&report, "GHT-TLC-NOM-40");
    assert_eq!(nom["severity"], "error");
    let findings = nom["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), 1);
    assert_eq!(
        findings[0]["path"],
        "GHT-TLC_L1_MT-Annexe-Interoperabilite_Orbis.pdf"
    );
    assert_eq!(findings[0]["member"], "Orbis");
    assert_eq!(findings[0]["message"], "47 caractères (max 40)");
    let suggestion = findings[0]["suggestion"].as_str().expect("a suggestion");
    assert!(suggestion.chars().count() <= 40, "{suggestion}");
    assert!(suggestion.ends_with("_Orbis.pdf"), "{suggestion}");

    // Defect 2: the cotraitant's insurance attestation was never collected.
    let assurance = result(&report, "GHT-TLC-CAND-ASSURANCE");
    assert_eq!(
        assurance["findings"],
        serde_json::json!([{
            "member": "LHS",
            "message": "pièce absente : attestation d'assurance de responsabilité civile professionnelle"
        }])
    );
    assert_eq!(
        assurance["evidence"],
        serde_json::json!(["GHT-TLC_CA_ASSUR_Orbis.pdf"])
    );

    // Every rule that passes or skips says nothing wrong; skips give their reason.
    for r in results(&report) {
        if r["status"] != "fail" {
            assert_eq!(r["findings"], serde_json::json!([]), "{}", r["rule"]);
        }
    }
    for lot2 in [
        "GHT-TLC-OFFRE-AE-L2",
        "GHT-TLC-OFFRE-MT-L2",
        "GHT-TLC-OFFRE-PRIX-L2",
    ] {
        assert_eq!(
            result(&report, lot2)["reason"],
            "ne concerne que les candidatures au lot 2"
        );
    }
    assert!(
        result(&report, "GHT-TLC-CANDIDATURE-UNIQUE")["reason"]
            .as_str()
            .expect("reason")
            .contains("bidlint portfolio")
    );
    // Pieces are attributed to members by the `_Orbis` / `_LHS` token of their names.
    assert_eq!(
        result(&report, "GHT-TLC-CAND-DC2")["evidence"],
        serde_json::json!(["GHT-TLC_CA_DC2_LHS.pdf", "GHT-TLC_CA_DC2_Orbis.pdf"])
    );
}

#[test]
fn the_overrides_took_effect() {
    let (_, report) = check(Path::new("examples/ght-teleconsultation/reponse"), &[]);
    // `overrides: enabled: false`: the rule is not run at all.
    assert!(
        !results(&report).iter().any(|r| r["rule"] == "PLACE-ZIP"),
        "PLACE-ZIP is switched off"
    );
    // `overrides: severity:` both ways (and a help citing the RC), on rules still from `place`.
    let liens = result(&report, "PLACE-LIENS");
    assert_eq!(liens["severity"], "error");
    assert_eq!(liens["pack"], "place");
    assert!(
        liens["help"]
            .as_str()
            .expect("help")
            .contains("article 9.1 du RC"),
        "{}",
        liens["help"]
    );
    let parasites = result(&report, "PLACE-PARASITES");
    assert_eq!(parasites["severity"], "warning");
    assert_eq!(parasites["pack"], "place");
    assert!(
        parasites["help"]
            .as_str()
            .expect("help")
            .contains("article 9.5 du RC"),
        "{}",
        parasites["help"]
    );
    // `except: [PLACE-TAILLE]`, then redefined with the RC's limits under the same id.
    let taille = result(&report, "PLACE-TAILLE");
    assert_eq!(taille["pack"], "ght-rdl-teleconsultation-2026");
    assert_eq!(taille["source"]["section"], "Article 9.4");
    assert_eq!(
        taille["title"],
        "Pli de 500 Mo au plus, aucun fichier au-delà de 100 Mo"
    );
}

#[test]
fn the_pack_given_on_the_command_line_gives_the_same_report() {
    let (code, report) = check(
        Path::new("examples/ght-teleconsultation/reponse"),
        &["--pack", "examples/ght-teleconsultation/pack.yaml"],
    );
    assert_eq!(code, 1);
    assert_eq!(statuses(&report), expected());
}

/// The README's « after the fixes »: rename the annex and add the cotraitant's attestation
/// (in a copy: bidlint never touches the folder, and neither does this test).
#[test]
fn the_two_fixes_make_the_folder_pass() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("reponse");
    copy_dir(&example().join("reponse"), &dir);
    std::fs::rename(
        dir.join("GHT-TLC_L1_MT-Annexe-Interoperabilite_Orbis.pdf"),
        dir.join("GHT-TLC_L1_MT-Annexe-Interop_Orbis.pdf"),
    )
    .expect("rename");
    // The attestation the cotraitant's insurer sends: in LHS's name (a copy of Orbis's would be
    // Orbis's attestation, and is refused as such).
    let attestation = bidlint_fixturegen::pdf::build(&bidlint_fixturegen::pdf::PdfSpec {
        title: "Attestation d'assurance — responsabilité civile professionnelle".to_string(),
        pages: vec![vec![
            "Attestation d'assurance — responsabilité civile professionnelle".to_string(),
            "Ligérienne d'Hébergement Santé SA est titulaire du contrat de responsabilité civile"
                .to_string(),
            "professionnelle n° RCP-2026-2231, valable du 01/01/2026 au 31/12/2026.".to_string(),
        ]],
        size: bidlint_fixturegen::pdf::A4,
    })
    .expect("PDF");
    std::fs::write(dir.join("GHT-TLC_CA_ASSUR_LHS.pdf"), attestation).expect("write");
    let pack = example().join("pack.yaml");
    let (code, report) = check(&dir, &["--pack", pack.to_str().expect("utf-8 path")]);
    assert_eq!(code, 0, "{report:#}");
    let mut want = expected();
    for (rule, status) in &mut want {
        if rule == "GHT-TLC-NOM-40" || rule == "GHT-TLC-CAND-ASSURANCE" {
            *status = "pass".to_string();
        }
    }
    assert_eq!(statuses(&report), want);
}

/// `verify_document: true`: the HDS certificate is read; a `valid_until` in bid.yaml that
/// disagrees with it is a manifest inconsistency (the certificate, valid, is what is judged).
#[test]
fn the_hds_certificate_is_read() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("reponse");
    copy_dir(&example().join("reponse"), &dir);
    let manifest = std::fs::read_to_string(dir.join("bid.yaml")).expect("bid.yaml");
    let edited = manifest.replacen("valid_until: 2028-03-31", "valid_until: 2027-03-31", 1);
    assert_ne!(manifest, edited);
    std::fs::write(dir.join("bid.yaml"), edited).expect("write");
    let pack = example().join("pack.yaml");
    let (_, report) = check(&dir, &["--pack", pack.to_str().expect("utf-8 path")]);
    let hds = result(&report, "GHT-TLC-HDS");
    assert_eq!(hds["status"], "pass");
    assert_eq!(
        report["notices"][0],
        serde_json::json!({
            "kind": "manifest-inconsistency",
            "path": "GHT-TLC_CA_HDS_LHS.pdf",
            "message": "GHT-TLC-HDS : bid.yaml dit 31/03/2027, le certificat dit 31/03/2028"
        })
    );
}

/// The README's aside: the cotraitant's attestation saved as `Scan_0412.pdf` is recognised by
/// its first page (`content:` patterns of the piece rule), but belongs to no member, so the
/// finding says how to attribute it; the name is also off the convention.
#[test]
fn a_badly_named_attestation_is_recognised_by_its_content() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("reponse");
    copy_dir(&example().join("reponse"), &dir);
    std::fs::copy(
        dir.join("GHT-TLC_CA_ASSUR_Orbis.pdf"),
        dir.join("Scan_0412.pdf"),
    )
    .expect("copy");
    let pack = example().join("pack.yaml");
    let (_, report) = check(&dir, &["--pack", pack.to_str().expect("utf-8 path")]);
    let assurance = result(&report, "GHT-TLC-CAND-ASSURANCE");
    assert_eq!(assurance["status"], "fail");
    assert_eq!(
        assurance["evidence"],
        serde_json::json!([
            "GHT-TLC_CA_ASSUR_Orbis.pdf",
            "Scan_0412.pdf (reconnu par son contenu)"
        ])
    );
    let unattributed = &assurance["findings"][1];
    assert_eq!(unattributed["member"], "LHS");
    assert_eq!(
        unattributed["message"],
        "fichier(s) reconnu(s) mais rattaché(s) à aucun membre : Scan_0412.pdf"
    );
    let format = result(&report, "GHT-TLC-NOM-FORMAT");
    assert_eq!(format["status"], "fail");
    assert_eq!(format["findings"][0]["path"], "Scan_0412.pdf");
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let path = entry.expect("entry").path();
        let dest = to.join(path.file_name().expect("name"));
        if path.is_dir() {
            copy_dir(&path, &dest);
        } else {
            std::fs::copy(&path, &dest).expect("copy");
        }
    }
}

fn tree(root: &Path) -> BTreeMap<String, Vec<u8>> {
    bidlint_fixturegen::read_tree(root).expect("read tree")
}

/// The folder on disk is what `cargo run -p bidlint-fixturegen -- --example` writes.
#[test]
fn the_folder_on_disk_is_what_the_generator_writes() {
    let tmp = tempfile::tempdir().expect("temp dir");
    bidlint_fixturegen::generate_example(tmp.path()).expect("generator runs");
    let generated = tree(&tmp.path().join("reponse"));
    let committed = tree(&example().join("reponse"));
    let stale = "examples/ght-teleconsultation/reponse is stale: run \
                 `cargo run -p bidlint-fixturegen -- --example`";
    assert_eq!(
        generated.keys().collect::<Vec<_>>(),
        committed.keys().collect::<Vec<_>>(),
        "{stale}"
    );
    for (k, v) in &generated {
        assert!(committed[k] == *v, "{k}: {stale}");
    }
}
