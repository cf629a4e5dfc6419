//! The deposit zip (`bidlint check reponse.zip`): each fixture bid folder, zipped here with its
//! bid.yaml, gives the results of the folder — same rules, statuses and findings, paths inside
//! the zip — plus the notice that bid.yaml must not be uploaded. The zip is never changed, and
//! the private temporary area it is read through is gone after the run. Entries that cannot be
//! laid out as they are (a path leaving the archive, a duplicate, an encrypted entry) are
//! findings, never silently dropped.

use crate::common::{fixture_bids, repo, words};

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use bidlint_fixturegen::zipfile::{self, ENCRYPTED, Entry, UTF8_NAME};
use serde_json::Value;

/// The folder's entries, folders first as `name/`, names relative to the folder.
fn entries(root: &Path, dir: &Path, out: &mut Vec<Entry>) {
    let mut children: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").path())
        .collect();
    children.sort();
    for path in children {
        let rel = path
            .strip_prefix(root)
            .expect("below root")
            .to_str()
            .expect("utf-8 fixture names")
            .to_string();
        if path.is_dir() {
            out.push(Entry {
                name: format!("{rel}/").into_bytes(),
                data: Vec::new(),
                flags: UTF8_NAME,
            });
            entries(root, &path, out);
        } else {
            out.push(Entry {
                name: rel.into_bytes(),
                data: std::fs::read(&path).expect("read"),
                flags: UTF8_NAME,
            });
        }
    }
}

/// A work area: the zips, a private TMPDIR that must be empty after each run, a cache.
struct Area {
    tmp: tempfile::TempDir,
}

impl Area {
    fn new() -> Area {
        let tmp = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir(tmp.path().join("tmp")).expect("mkdir");
        Area { tmp }
    }

    fn zip(&self, name: &str, entries: &[Entry]) -> PathBuf {
        let path = self.tmp.path().join(name);
        std::fs::write(&path, zipfile::build(entries)).expect("write zip");
        path
    }

    /// `bidlint ARGS…`, documents read afresh (no cache), then the temporary area checked.
    fn run(&self, args: &[&str]) -> Output {
        let out = Command::cargo_bin("bidlint")
            .expect("binary")
            .env("NO_COLOR", "1")
            .env("TMPDIR", self.tmp.path().join("tmp"))
            .current_dir(repo(""))
            .args(args)
            .output()
            .expect("runs");
        let left: Vec<_> = std::fs::read_dir(self.tmp.path().join("tmp"))
            .expect("tmp")
            .collect();
        assert!(left.is_empty(), "temporary area left behind: {left:?}");
        out
    }

    fn json(&self, target: &str, extra: &[&str]) -> (Option<i32>, Value) {
        // A generous time limit per document: the folder and its zip are read one after the
        // other on a loaded machine, and a time-out on one side only is not what is compared.
        let mut args = vec![
            "check",
            target,
            "--format",
            "json",
            "--no-cache",
            "-q",
            "--doc-timeout",
            "300",
        ];
        args.extend_from_slice(extra);
        let out = self.run(&args);
        let v = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{target}: {e}\n{}", String::from_utf8_lossy(&out.stderr)));
        (out.status.code(), v)
    }
}

#[test]
fn each_fixture_zipped_gives_the_results_of_its_folder() {
    let area = Area::new();
    let folders = fixture_bids();
    assert!(folders.len() >= 30, "{folders:?}");
    for folder in &folders {
        let mut list = Vec::new();
        entries(folder, folder, &mut list);
        let name = folder
            .strip_prefix(repo("fixtures"))
            .expect("fixture")
            .to_str()
            .expect("utf-8")
            .replace('/', "-");
        let zip = area.zip(&format!("{name}.zip"), &list);
        let before = std::fs::read(&zip).expect("zip");
        let (code_dir, dir) = area.json(folder.to_str().expect("utf-8"), &[]);
        let (code_zip, dep) = area.json(zip.to_str().expect("utf-8"), &[]);
        assert_eq!(
            std::fs::read(&zip).expect("zip"),
            before,
            "{name}: zip changed"
        );
        assert_eq!(code_zip, code_dir, "{name}: exit code");
        assert_eq!(dep["results"], dir["results"], "{name}: results differ");
        assert_eq!(dep["summary"], dir["summary"], "{name}");
        for key in ["manifest", "phase", "deadline", "files", "bytes"] {
            assert_eq!(dep["bid"][key], dir["bid"][key], "{name}: bid.{key}");
        }
        assert_eq!(dep["bid"]["root"], zip.to_str().expect("utf-8"));
        // The same notices, and the zip's bid.yaml said to be left out of the upload.
        let mut expected = dir["notices"].as_array().cloned().unwrap_or_default();
        expected.push(serde_json::json!({
            "kind": "manifest-in-deposit",
            "message": "bid.yaml est dans l'archive : c'est le manifeste de bidlint, pas une \
                        pièce de la réponse ; retirez-le de l'archive avant le dépôt",
            "path": "bid.yaml",
        }));
        assert_eq!(dep["notices"], Value::Array(expected), "{name}: notices");
    }
}

#[test]
fn a_zip_without_bid_yaml_takes_the_manifest_option_and_hostile_entries_are_findings() {
    let area = Area::new();
    let folder = repo("fixtures/caih-groupement-ok");
    let mut list = Vec::new();
    entries(&folder, &folder, &mut list);
    list.retain(|e| e.name != b"bid.yaml");
    let clean = area.zip("propre.zip", &list);
    // Without --manifest, the missing bid.yaml is said of the zip, not of a temporary copy.
    let out = area.run(&["check", clean.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(2));
    let err = words(&out.stderr);
    assert!(err.contains("n'a pas de bid.yaml à sa racine"), "{err}");
    assert!(!err.contains("bidlint-depot-"), "{err}");
    let manifest = folder.join("bid.yaml");
    let manifest = manifest.to_str().expect("utf-8");
    let (code, report) = area.json(clean.to_str().expect("utf-8"), &["--manifest", manifest]);
    assert_eq!(code, Some(0), "{report}");
    assert!(report.get("notices").is_none(), "{report}");

    // The same deposit with an entry climbing out of the archive, a name twice, an
    // encrypted entry: each is a finding of PLACE/CAIH's readable rule, the run fails.
    let pdf = list
        .iter()
        .find(|e| e.name.ends_with(b".pdf"))
        .expect("a pdf")
        .data
        .clone();
    let dup = list
        .iter()
        .find(|e| e.name.ends_with(b".pdf"))
        .expect("a pdf")
        .name
        .clone();
    for (name, flags) in [
        (b"../evade.pdf".to_vec(), UTF8_NAME),
        (dup.clone(), UTF8_NAME),
        (b"seul/secret.pdf".to_vec(), UTF8_NAME | ENCRYPTED),
        // « Mémoire.pdf » in Latin-1, without the UTF-8 flag.
        (b"M\xe9moire.pdf".to_vec(), 0),
    ] {
        list.push(Entry {
            name,
            data: pdf.clone(),
            flags,
        });
    }
    let hostile = area.zip("hostile.zip", &list);
    let (code, report) = area.json(hostile.to_str().expect("utf-8"), &["--manifest", manifest]);
    assert_eq!(code, Some(1), "{report}");
    let notices: Vec<(String, String)> = report["notices"]
        .as_array()
        .expect("notices")
        .iter()
        .map(|n| {
            (
                n["path"].as_str().unwrap_or_default().to_string(),
                n["message"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    for (path, words) in [
        ("../evade.pdf", "remontant hors d'elle"),
        ("(archive)", "plusieurs entrées du même nom"),
        ("seul/secret.pdf", "chiffrée par mot de passe"),
        // Code page 437, as the zip reader (and many unzip tools) decode it.
        ("M\u{398}moire.pdf", "sans le codage UTF-8"),
    ] {
        assert!(
            notices.iter().any(|(p, m)| p == path && m.contains(words)),
            "{path}: {notices:#?}"
        );
    }
    let failing: Vec<&Value> = report["results"]
        .as_array()
        .expect("results")
        .iter()
        .filter(|r| r["status"] == "fail")
        .collect();
    assert!(
        failing.iter().any(|r| r["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .any(|f| f["path"] == "../evade.pdf")),
        "the escaping entry fails a rule: {failing:#?}"
    );
    // The folder of the encrypted entry holds it: it is not an empty folder.
    let empty = report["results"]
        .as_array()
        .expect("results")
        .iter()
        .find(|r| r["rule"] == "PLACE-VIDE")
        .expect("PLACE-VIDE");
    assert_eq!(empty["status"], "pass", "{empty}");
}

#[test]
fn a_file_that_is_not_a_zip_is_refused_naming_its_folder_and_a_report_never_overwrites_the_zip() {
    let area = Area::new();
    let out = area.run(&[
        "check",
        "fixtures/caih-groupement-ok/alpha/26_01_DC_DC1_Alpha.pdf",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = words(&out.stderr);
    assert!(
        err.contains("est un fichier, pas un dossier de réponse")
            && err.contains("il se trouve dans le dossier fixtures/caih-groupement-ok/alpha"),
        "{err}"
    );
    // A FIFO given as the bid is refused at once, never opened (opening it would block).
    let fifo = area.tmp.path().join("tube");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(made.success());
    let out = area.run(&["check", fifo.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(words(&out.stderr).contains("n'est ni un dossier ni un fichier ordinaire"));
    let zip = area.zip(
        "depot.zip",
        &[Entry {
            name: b"a.pdf".to_vec(),
            data: b"%PDF-1.4\n".to_vec(),
            flags: UTF8_NAME,
        }],
    );
    let before = std::fs::read(&zip).expect("zip");
    let z = zip.to_str().expect("utf-8");
    let out = area.run(&["check", z, "--pack", "place", "-o", z]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("refus d'écrire"));
    assert_eq!(std::fs::read(&zip).expect("zip"), before);
    // A zip that is not one (truncated) is refused whole, never a green report.
    std::fs::write(&zip, &before[..before.len() / 2]).expect("write");
    let out = area.run(&["check", z, "--pack", "place"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("illisible"));
}

#[test]
fn checklist_and_portfolio_read_the_zip_too() {
    let area = Area::new();
    let folder = repo("fixtures/caih-groupement-ok");
    let mut list = Vec::new();
    entries(&folder, &folder, &mut list);
    let zip = area.zip("groupement.zip", &list);
    let z = zip.to_str().expect("utf-8");
    let out = area.run(&["checklist", z, "-q", "--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty(), "-q: nothing on stderr");
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["kind"], "checklist");
    assert_eq!(v["bid"]["root"], z);
    let out = area.run(&[
        "portfolio",
        z,
        "fixtures/caih-individuel-ok",
        "--format",
        "json",
    ]);
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert!(v.to_string().contains("groupement.zip"), "{v}");
}
