//! The informational and set-up commands: init, schema, packs, rules, explain, and the
//! refusal to write a report inside the bid folder.

use crate::common::words;

use assert_cmd::Command;
use serde_json::Value;

fn bidlint() -> Command {
    let mut c = Command::cargo_bin("bidlint").expect("binary");
    c.env("NO_COLOR", "1");
    c
}

#[test]
fn init_writes_a_valid_skeleton_and_never_overwrites() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().to_str().expect("utf-8");
    bidlint()
        .args(["init", dir, "--pack", "caih-aos-2026"])
        .assert()
        .success();
    let text = std::fs::read_to_string(tmp.path().join("bid.yaml")).expect("bid.yaml written");
    assert!(text.contains("consultation: caih-aos-2026"));
    // Left as written, its example values are refused, each at its line (exit 2)…
    let out = bidlint()
        .args(["check", dir, "--format", "json"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("SIRET d'exemple du squelette"), "{err}");
    assert!(err.contains("valeur d'exemple du squelette"), "{err}");
    // …and once they are replaced, it is a valid manifest: check runs on it.
    let edited = text
        .replace(
            bidlint::manifest::consistency::SKELETON_SIRET,
            "12002701600357",
        )
        .replace("# EXEMPLE", "#");
    std::fs::write(tmp.path().join("bid.yaml"), edited).expect("write");
    let out = bidlint()
        .args(["check", dir, "--format", "json"])
        .output()
        .expect("runs");
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).expect("json report");
    assert_eq!(report["schema"], "bidlint.report/2");
    // Example facts never make a rule pass: the hosting rules wait for real datacenters.
    for r in report["results"].as_array().expect("results") {
        if r["rule"] == "CAIH-HEBERGEMENT-UE" || r["rule"] == "CAIH-ADMIN-UE" {
            assert_eq!(r["status"], "unknown", "{r}");
        }
    }
    // A second init refuses, and leaves the file as it was.
    std::fs::write(tmp.path().join("bid.yaml"), "consultation: place\n").expect("write");
    let out = bidlint()
        .args(["init", dir, "--pack", "caih-aos-2026"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("existe déjà"));
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("bid.yaml")).expect("read"),
        "consultation: place\n"
    );
}

#[test]
fn schemas_are_json_schemas_of_both_formats() {
    let out = bidlint()
        .args(["schema", "manifest"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let s: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(s["title"], "Manifest");
    assert_eq!(s["required"], serde_json::json!(["consultation"]));
    assert!(s["properties"]["members"].is_object());
    let out = bidlint().args(["schema", "pack"]).output().expect("runs");
    let s: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(s["title"], "PackFile");
    let text = String::from_utf8_lossy(&out.stdout);
    for kind in [
        "filename-length",
        "piece",
        "hosting",
        "certification",
        "unique-candidacy",
        "manual",
    ] {
        assert!(text.contains(&format!("\"{kind}\"")), "schema lacks {kind}");
    }
}

#[test]
fn a_report_is_never_written_inside_the_bid_folder() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().to_str().expect("utf-8");
    let inside = tmp.path().join("rapport.json");
    let out = bidlint()
        .args([
            "check",
            dir,
            "--pack",
            "place",
            "-o",
            inside.to_str().expect("utf-8"),
        ])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("dans le dossier de réponse"));
    assert!(!inside.exists());
    let outside = tempfile::tempdir().expect("temp dir");
    let target = outside.path().join("rapport.json");
    bidlint()
        .args([
            "check",
            dir,
            "--pack",
            "place",
            "--format",
            "json",
            "-o",
            target.to_str().expect("utf-8"),
        ])
        .assert()
        .success();
    let report: Value =
        serde_json::from_str(&std::fs::read_to_string(&target).expect("written")).expect("json");
    assert_eq!(report["bid"]["files"], 0);
}

/// A pack that extends another states its own deadline: the most specific pack wins.
#[test]
fn a_child_pack_deadline_overrides_its_parent() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let pack = tmp.path().join("report.yaml");
    std::fs::write(
        &pack,
        "pack: caih-report\ntitle: \"Report de date\"\nversion: \"1\"\nextends: [caih-aos-2026]\n\
         deadlines: { candidature: 2026-03-05 }\nrules: []\n",
    )
    .expect("write pack");
    let bid = tmp.path().join("bid");
    std::fs::create_dir(&bid).expect("mkdir");
    std::fs::write(
        bid.join("bid.yaml"),
        "consultation: ../report.yaml\nphase: candidature\n",
    )
    .expect("write manifest");
    let out = Command::cargo_bin("bidlint")
        .expect("binary")
        .env("BIDLINT_CACHE_DIR", tmp.path().join("cache"))
        .args(["check", bid.to_str().expect("utf-8"), "--format", "json"])
        .output()
        .expect("runs");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    assert_eq!(report["bid"]["deadline"], "2026-03-05");
}

#[test]
fn init_creates_its_folder_and_every_commented_example_works_once_uncommented() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("nouvelle/reponse");
    let d = dir.to_str().expect("utf-8");
    bidlint()
        .args(["init", d, "--pack", "caih-aos-2026"])
        .assert()
        .success();
    let text = std::fs::read_to_string(dir.join("bid.yaml")).expect("bid.yaml in a new folder");
    // Uncomment every example line: a commented YAML key or list item (French prose puts a
    // space before its colon, so « # Hébergement : … » stays a comment).
    let example = regex::Regex::new(r"^# ?(\s*[A-Za-z_][A-Za-z0-9_-]*:|\s*- )").expect("regex");
    let mut uncommented = 0;
    let full: String = text
        .lines()
        .map(|l| {
            if example.is_match(l) {
                uncommented += 1;
                let rest = l.strip_prefix("# ").unwrap_or(&l[1..]);
                format!("{rest}\n")
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    assert!(uncommented >= 20, "{uncommented} example lines:\n{text}");
    assert!(full.contains("\npieces:\n") && full.contains("\nwaivers:\n  - rule:"));
    // The skeleton's example values (its sample SIRET, the lines marked « # EXEMPLE ») must
    // still be replaced by the bid's own: left as they are, they are refused at their line.
    std::fs::write(dir.join("bid.yaml"), &full).expect("write");
    let out = bidlint()
        .args(["check", d, "--format", "json"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("SIRET d'exemple du squelette"));
    let full = full
        .replace(
            bidlint::manifest::consistency::SKELETON_SIRET,
            "12002701600357",
        )
        .replace("# EXEMPLE", "#");
    std::fs::write(dir.join("bid.yaml"), &full).expect("write");
    let out = bidlint()
        .args(["check", d, "--format", "json"])
        .output()
        .expect("runs");
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "the uncommented skeleton is a valid manifest:\n{}\n{full}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).expect("json report");
    // The uncommented hosting example is read: the hosting rules are judged, no longer skipped.
    let hosting = report["results"]
        .as_array()
        .expect("results")
        .iter()
        .find(|r| r["rule"] == "CAIH-HEBERGEMENT-UE")
        .expect("hosting rule");
    assert_ne!(hosting["status"], "unknown", "{hosting}");
    // A file given for a folder is refused by init too.
    let file = dir.join("bid.yaml");
    let out = bidlint()
        .args(["init", file.to_str().expect("utf-8"), "--pack", "place"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(words(&out.stderr).contains("est un fichier, pas un dossier"));
}

#[test]
fn explain_ignores_case_and_suggests_the_nearest_id() {
    let out = bidlint()
        .args(["explain", "caih-nom-30"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("CAIH-NOM-30 — "));
    let out = bidlint()
        .args(["explain", "CAIH-NOM-3O"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = words(&out.stderr);
    assert!(err.contains("règle inconnue : CAIH-NOM-3O"), "{err}");
    assert!(err.contains("vouliez-vous dire `CAIH-NOM-30` ?"), "{err}");
    // Nothing close: the list command is suggested instead.
    let out = bidlint()
        .args(["explain", "ZZZZZZZZ"])
        .output()
        .expect("runs");
    assert!(words(&out.stderr).contains("bidlint rules --pack"));
}

#[test]
fn output_problems_are_refused_in_french_before_the_check_runs() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let missing = tmp.path().join("absent/rapport.json");
    // The bid folder does not even exist: the -o problem is found first, before any work.
    for (out, expected) in [
        (missing.clone(), "n'existe pas"),
        (
            tmp.path().to_path_buf(),
            "c'est un dossier, le rapport doit être un fichier",
        ),
    ] {
        let run = bidlint()
            .args([
                "check",
                "fixtures/caih-groupement-ok",
                "-o",
                out.to_str().expect("utf-8"),
            ])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .expect("runs");
        assert_eq!(run.status.code(), Some(2));
        let err = words(&run.stderr);
        assert!(err.contains(expected), "{err}");
        assert!(run.stdout.is_empty());
    }
    assert!(
        !missing.parent().expect("parent").exists(),
        "nothing created"
    );
}

#[test]
fn portfolio_header_shows_each_bid_phase_deadline_and_size() {
    let out = bidlint()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "portfolio",
            "fixtures/caih-groupement-ok",
            "fixtures/caih-individuel-ok",
            "--format",
            "markdown",
        ])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    for expected in [
        "fixtures/caih-groupement-ok (phase candidature, date limite 19 février 2026 à 12 h 00, 15 fichier(s), 46,1 Ko)",
        "fixtures/caih-individuel-ok (phase candidature, date limite 19 février 2026 à 12 h 00, 9 fichier(s), 16,2 Ko)",
    ] {
        assert!(text.contains(expected), "{expected}\n{text}");
    }
}

#[test]
fn explain_and_rules_speak_french_words_not_yaml() {
    let out = bidlint()
        .args(["explain", "CAIH-NOM-30"])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Gravité     : bloquant"), "{text}");
    assert!(
        text.contains("Chaque nom de fichier (tout le dépôt), extension comprise, compte au plus 29 caractères"),
        "{text}"
    );
    assert!(
        !text.contains("kind:") && !text.contains("max: 29"),
        "{text}"
    );
    let out = bidlint()
        .args(["rules", "--pack", "caih-aos-2026"])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("bloquant") && text.contains("avertissement"),
        "{text}"
    );
    assert!(
        !text.contains("┆ error ") && !text.contains("┆ warning "),
        "{text}"
    );
}

/// A mistake on the command line is said in French, with the nearest command, exit code 2;
/// `--help` stays clap's (English, on stdout, exit 0).
#[test]
fn command_line_mistakes_are_said_in_french() {
    let out = Command::cargo_bin("bidlint")
        .expect("binary")
        .args(["verifie", "."])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("commande inconnue « verifie »"), "{err}");
    assert!(!err.contains("unrecognized"), "{err}");
    let help = Command::cargo_bin("bidlint")
        .expect("binary")
        .arg("--help")
        .output()
        .expect("runs");
    assert_eq!(help.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&help.stdout).contains("Usage: bidlint"));
}
