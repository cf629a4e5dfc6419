//! The verdict is what a bid manager and a CI job read: it must never say « ready » when a
//! blocking rule failed or could not be judged, and it must be the same in every format
//! whatever `--fail-on` says (which only sets the exit code).

use std::io::Read;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

use crate::common::{check_json, shared_cache};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name)
}

fn bidlint() -> Command {
    let mut c = Command::cargo_bin("bidlint").expect("binary");
    c.env("NO_COLOR", "1")
        .env("BIDLINT_CACHE_DIR", env!("CARGO_TARGET_TMPDIR"));
    c
}

/// A copy of a fixture folder, with its manifest changed by `edit`.
fn copy_with(name: &str, edit: impl Fn(&str) -> Option<String>) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("temp dir");
    let src = fixture(name);
    for e in walkdir::WalkDir::new(&src) {
        let e = e.expect("walk");
        let rel = e.path().strip_prefix(&src).expect("inside");
        let to = tmp.path().join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&to).expect("mkdir");
        } else {
            std::fs::copy(e.path(), &to).expect("copy");
        }
    }
    let manifest = tmp.path().join("bid.yaml");
    let text = std::fs::read_to_string(&manifest).expect("bid.yaml");
    match edit(&text) {
        Some(t) => std::fs::write(&manifest, t).expect("write"),
        None => std::fs::remove_file(&manifest).expect("remove"),
    }
    tmp
}

/// The compliant groupement with `phase:` taken out of its manifest.
fn without_phase() -> tempfile::TempDir {
    copy_with("caih-groupement-ok", |t| {
        Some(
            t.lines()
                .filter(|l| !l.starts_with("phase:"))
                .collect::<Vec<_>>()
                .join("\n"),
        )
    })
}

fn json(dir: &Path, extra: &[&str]) -> (i32, Value) {
    check_json(dir, shared_cache(), extra)
}

#[test]
fn a_manifest_without_phase_is_incomplete_and_exits_1() {
    let dir = without_phase();
    let (code, r) = json(dir.path(), &[]);
    assert_eq!(code, 1);
    assert_eq!(r["verdict"]["kind"], "incomplete");
    let unjudged = r["verdict"]["unjudged"].as_array().expect("unjudged");
    assert!(unjudged.iter().any(|u| u["rule"] == "CAIH-CAND-DC1"
        && u["reason"] == "fait manquant dans le manifeste : `phase`"));
    assert_eq!(r["summary"]["fail"], 0);
    // The user who knows may accept it; the report still says INCOMPLET.
    let (code, r) = json(dir.path(), &["--allow-incomplete"]);
    assert_eq!(code, 0);
    assert_eq!(r["verdict"]["kind"], "incomplete");
    let table = bidlint()
        .arg("check")
        .arg(dir.path())
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&table.stdout);
    assert!(
        text.contains("Verdict : INCOMPLET — ")
            && text.contains("fait manquant dans le manifeste : `phase` (CAIH-NOM-30,"),
        "{text}"
    );
    assert!(!text.contains("aucun défaut bloquant"), "{text}");
}

#[test]
fn a_folder_without_bid_yaml_is_incomplete_and_exits_1() {
    let dir = copy_with("caih-groupement-ok", |_| None);
    let (code, r) = json(dir.path(), &["--pack", "caih-aos-2026"]);
    assert_eq!(code, 1);
    assert_eq!(r["verdict"]["kind"], "incomplete");
    assert!(r["summary"]["unknown"].as_u64().expect("count") > 30);
}

#[test]
fn not_applicable_is_not_unknown() {
    let (code, r) = json(&fixture("caih-groupement-ok"), &[]);
    assert_eq!(code, 0);
    assert_eq!(r["schema"], "bidlint.report/2");
    assert_eq!(r["verdict"]["kind"], "no-blocking-defect");
    let status = |id: &str| {
        r["results"]
            .as_array()
            .expect("results")
            .iter()
            .find(|x| x["rule"] == id)
            .map(|x| x["status"].clone())
    };
    // No member in redressement judiciaire: the judgment is « sans objet ».
    assert_eq!(status("CAIH-CAND-JUGEMENT"), Some("not-applicable".into()));
    assert_eq!(r["summary"]["unknown"], 0);
}

/// The verdict as each format carries it, for the same results.
fn verdicts(dir: &Path, extra: &[&str]) -> Vec<(String, String)> {
    let tmp = tempfile::tempdir().expect("temp dir");
    let mut out = Vec::new();
    for format in [
        "table", "markdown", "html", "csv", "json", "junit", "sarif", "github", "xlsx",
    ] {
        let file = tmp.path().join(format!("report.{format}"));
        let run = bidlint()
            .arg("check")
            .arg(dir)
            .args(["--format", format, "-o"])
            .arg(&file)
            .args(extra)
            .output()
            .expect("runs");
        assert!(
            matches!(run.status.code(), Some(0 | 1)),
            "{format}: {}",
            String::from_utf8_lossy(&run.stderr)
        );
        let text = if format == "xlsx" {
            xlsx_text(&file)
        } else {
            std::fs::read_to_string(&file).expect("report")
        };
        out.push((format.to_string(), text));
    }
    out
}

/// Every string of a workbook, from its shared strings and inline strings.
fn xlsx_text(path: &Path) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).expect("open")).expect("zip");
    let mut all = String::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).expect("entry");
        if f.name().expect("entry name").ends_with(".xml") {
            f.read_to_string(&mut all).expect("xml");
        }
    }
    all
}

#[test]
fn a_failing_bid_has_the_same_verdict_in_every_format_even_with_fail_on_never() {
    let dir = fixture("caih-broken/nom-30");
    let expected = "NON CONFORME — 1 règle(s) bloquante(s) à corriger : CAIH-NOM-30";
    let code = bidlint()
        .arg("check")
        .arg(&dir)
        .args(["--fail-on", "never", "-q"])
        .output()
        .expect("runs")
        .status
        .code();
    assert_eq!(code, Some(0), "--fail-on never sets the exit code only");
    for (format, text) in verdicts(&dir, &["--fail-on", "never"]) {
        if format == "json" {
            let v: Value = serde_json::from_str(&text).expect("json");
            assert_eq!(v["verdict"]["kind"], "non-compliant");
            assert_eq!(v["verdict"]["blocking"], serde_json::json!(["CAIH-NOM-30"]));
            continue;
        }
        assert!(text.contains(expected), "{format}: {text}");
        assert!(
            !text.contains("aucun défaut bloquant"),
            "{format} says ready: {text}"
        );
    }
}

#[test]
fn an_incomplete_bid_is_incomplete_in_every_format_and_a_junit_failure() {
    let dir = without_phase();
    for (format, text) in verdicts(dir.path(), &[]) {
        assert!(
            text.contains("INCOMPLET — ") || text.contains("\"incomplete\""),
            "{format}: {text}"
        );
        assert!(!text.contains("aucun défaut bloquant"), "{format}: {text}");
        if format == "junit" {
            assert!(
                text.contains(
                    "<failure message=\"non évaluée : fait manquant dans le manifeste : `phase`\""
                ),
                "{text}"
            );
        }
    }
}

#[test]
fn a_member_to_whom_no_file_is_attributed_is_said() {
    let dir = copy_with("caih-groupement-ok", |t| {
        Some(
            t.replace("folder: beta", "folder: betta")
                .replace("short: Beta", "short: Betta"),
        )
    });
    let (code, r) = json(dir.path(), &[]);
    assert_eq!(
        code, 1,
        "Beta's pieces are missing for the per-member rules"
    );
    let notices = r["notices"].as_array().expect("notices");
    assert!(
        notices.iter().any(|n| n["kind"] == "member-without-files"
            && n["message"]
                == "aucun fichier n'est rattaché à Beta Cloud SA (aucun fichier dans son dossier « betta ») : vérifier `folder`/`short` dans le manifeste"),
        "{notices:?}"
    );
}

#[test]
fn the_default_table_puts_the_verdict_first_and_fits_one_screen() {
    let out = bidlint()
        .arg("check")
        .arg(fixture("caih-groupement-ok"))
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.len() <= 40, "{} lines:\n{text}", lines.len());
    let verdict = lines
        .iter()
        .position(|l| l.starts_with("Verdict : aucun défaut bloquant détecté"))
        .expect("verdict line");
    let manual = lines
        .iter()
        .position(|l| l.starts_with("À vérifier à la main avant le dépôt (9)"))
        .expect("checklist items");
    assert!(verdict < manual && verdict < 6, "{text}");
    assert!(
        text.contains("Date limite : 19 février 2026 à 12 h 00"),
        "{text}"
    );
    assert!(
        text.contains("Sans objet (2) : CAIH-CAND-JUGEMENT, CAIH-MANDATAIRE"),
        "{text}"
    );
    // `--all`: every rule on its own row, the passing ones with what was found.
    let all = bidlint()
        .arg("check")
        .arg(fixture("caih-groupement-ok"))
        .arg("--all")
        .output()
        .expect("runs");
    let all = String::from_utf8_lossy(&all.stdout);
    // Cells wrap at the table's width: the path may stand on the line below « trouvé : ».
    let dc1 = all
        .lines()
        .position(|l| l.contains("┆ CAIH-CAND-DC1 "))
        .expect("DC1 row");
    let rows: String = all.lines().skip(dc1).take(2).collect();
    assert!(
        rows.contains("trouvé :") && rows.contains("alpha/26_01_DC_DC1_Alpha.pdf"),
        "{all}"
    );
    // A rule that reads documents says how many it read, not « trouvé » with their names.
    assert!(all.contains("document(s) lu(s)"), "{all}");
}

#[test]
fn the_advice_to_fix_a_failure_leaves_the_pack_authors_reading_out() {
    let out = bidlint()
        .arg("check")
        .arg(fixture("caih-broken/nom-30"))
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("À corriger (1)"), "{text}");
    assert!(text.contains("À faire : Raccourcissez"), "{text}");
    assert!(!text.contains("Lecture retenue"), "{text}");
}

/// The « À faire » advice names the bid's own member, not the pack's example names: Delta's
/// missing sworn declaration is to be named `26_01_DC_DH_Delta.pdf`.
#[test]
fn the_advice_names_the_bids_own_member() {
    let dir = copy_with("caih-individuel-ok", |t| Some(t.to_string()));
    std::fs::remove_file(dir.path().join("26_01_DC_DH_Delta.pdf")).expect("remove the DH");
    let (code, report) = check_json(dir.path(), shared_cache(), &[]);
    assert_eq!(code, 1, "{report}");
    let dh = report["results"]
        .as_array()
        .expect("results")
        .iter()
        .find(|r| r["rule"] == "CAIH-CAND-DH")
        .expect("the DH rule");
    assert_eq!(dh["status"], "fail");
    let help = dh["help"].as_str().expect("help");
    assert!(help.contains("« 26_01_DC_DH_Delta.pdf »"), "{help}");
    assert!(
        !help.contains("{membre}") && !help.contains("_Beta"),
        "{help}"
    );
    // Without a bid (`explain`), the placeholder reads as what to write.
    let out = bidlint()
        .args(["explain", "CAIH-CAND-DH"])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("26_01_DC_DH_<nom court>.pdf"), "{text}");
}
