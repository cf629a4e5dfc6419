//! `bidlint checklist`: every rule of the phase, consultation rules first, with scope and
//! source; « à vérifier » without a folder, the check's statuses with one.

use assert_cmd::Command;
use serde_json::Value;

fn checklist(args: &[&str]) -> Value {
    let out = Command::cargo_bin("bidlint")
        .expect("binary")
        .arg("checklist")
        .args(args)
        .args(["--format", "json"])
        .output()
        .expect("runs");
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)))
}

fn rules(r: &Value) -> Vec<String> {
    r["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|x| x["rule"].as_str().expect("rule").to_string())
        .collect()
}

fn field<'a>(r: &'a Value, rule: &str, key: &str) -> &'a Value {
    &r["results"]
        .as_array()
        .expect("results")
        .iter()
        .find(|x| x["rule"] == rule)
        .unwrap_or_else(|| panic!("{rule}"))[key]
}

#[test]
fn blank_candidature_checklist_lists_every_rule_to_tick() {
    let r = checklist(&["--pack", "caih-aos-2026", "--phase", "candidature"]);
    assert_eq!(r["kind"], "checklist");
    let ids = rules(&r);
    assert_eq!(
        ids.first().map(String::as_str),
        Some("CAIH-NOM-30"),
        "consultation rules first"
    );
    let first_place = ids
        .iter()
        .position(|i| i.starts_with("PLACE-"))
        .expect("platform rules");
    assert!(
        ids[first_place..].iter().all(|i| i.starts_with("PLACE-")),
        "platform rules last: {ids:?}"
    );
    assert!(
        ids.iter().all(|i| !i.starts_with("CAIH-OFFRE-")),
        "no offer-phase rule: {ids:?}"
    );
    for want in [
        "CAIH-CAND-DC1",
        "CAIH-CAND-HDS",
        "CAIH-HDS",
        "CAIH-MANUEL-DEPOT",
        "CAIH-MANUEL-SAUVEGARDE",
        "PLACE-ZIP",
    ] {
        assert!(ids.iter().any(|i| i == want), "{want} missing");
    }
    assert!(
        r["results"]
            .as_array()
            .expect("results")
            .iter()
            .all(|x| x["status"] == "manual")
    );
    assert_eq!(r["summary"]["manual"].as_u64(), Some(ids.len() as u64));
    assert_eq!(
        field(&r, "CAIH-CAND-DH", "scope"),
        "chaque membre, sauf sous-traitant (document commun admis s'il nomme le membre)"
    );
    assert_eq!(
        field(&r, "CAIH-CAND-DC1", "scope"),
        "chaque membre, sauf sous-traitant (document commun admis)"
    );
    assert_eq!(
        field(&r, "CAIH-CAND-HDS", "scope"),
        "membres (hosting: true)"
    );
    assert_eq!(field(&r, "CAIH-CAND-PLAQUETTE", "scope"), "le dossier");
    assert_eq!(field(&r, "CAIH-NOM-30", "source")["section"], "Article 6");
    assert!(
        field(&r, "CAIH-NOM-30", "source")["quote"]
            .as_str()
            .expect("quote")
            .contains("moins de 30 caractères")
    );
}

#[test]
fn offer_checklist_lists_the_annexe_3_deliverables() {
    let r = checklist(&["--pack", "caih-aos-2026", "--phase", "offre"]);
    let ids = rules(&r);
    for n in 3..=16 {
        let id = format!("CAIH-OFFRE-L{n:02}");
        assert!(ids.contains(&id), "{id} missing");
    }
    assert!(
        ids.contains(&"CAIH-OFFRE-AE".to_string())
            && ids.contains(&"CAIH-OFFRE-FINANCIERE".to_string())
    );
    assert!(!ids.contains(&"CAIH-CAND-DH".to_string()));
}

#[test]
fn with_a_folder_the_statuses_are_the_checks() {
    let tmp = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        tmp.path().join("bid.yaml"),
        "consultation: caih-aos-2026\nphase: candidature\nmembers:\n  - { name: Delta SAS, short: Delta, role: individuel, hosting: false, redressement_judiciaire: false }\n",
    )
    .expect("manifest");
    std::fs::write(
        tmp.path().join("26_01_DC_DH_Delta.pdf"),
        b"%PDF-1.4\n%%EOF\n",
    )
    .expect("pdf");
    let r = checklist(&[tmp.path().to_str().expect("utf-8")]);
    assert_eq!(r["kind"], "checklist");
    assert_eq!(field(&r, "CAIH-CAND-DH", "status"), "pass");
    assert_eq!(field(&r, "CAIH-CAND-DC1", "status"), "fail");
    assert_eq!(field(&r, "CAIH-MANUEL-DEPOT", "status"), "manual");
    assert_eq!(rules(&r).first().map(String::as_str), Some("CAIH-NOM-30"));
}

#[test]
fn xlsx_checklist_needs_an_output_file() {
    let out = Command::cargo_bin("bidlint")
        .expect("binary")
        .args(["checklist", "--pack", "caih-aos-2026", "--format", "xlsx"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("checklist.xlsx");
    Command::cargo_bin("bidlint")
        .expect("binary")
        .args([
            "checklist",
            "--pack",
            "caih-aos-2026",
            "--phase",
            "candidature",
            "--format",
            "xlsx",
            "-o",
        ])
        .arg(&target)
        .assert()
        .success();
    let bytes = std::fs::read(&target).expect("written");
    assert!(bytes.starts_with(b"PK\x03\x04"), "an xlsx is a zip");
}
