//! The hostile-input suite: a bid folder built at test time by the committed generator
//! (`tools/fixturegen/src/hostile_tree.rs`) with every hostile document, 10,000 nested folders,
//! a 10 GB sparse file, a FIFO, unreadable files, names that are not UTF-8 or hold a newline, a
//! link to a FIFO outside the folder; and beside it a billion-laughs manifest and pack, a
//! 100 MB manifest and a pack regex built to backtrack. Every command and output format ends
//! within a bounded time with a clear status, and the folder is the same before and after,
//! with nothing created inside it.

use std::collections::BTreeMap;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::process::Command as Std;
use std::sync::OnceLock;
use std::time::Duration;

use assert_cmd::Command;
use bidlint_fixturegen::hostile_tree::{self, HostileTree};
use serde_json::Value;

/// Every run must end well within this (a hang would hit it, not the CI's own timeout).
const BOUND: Duration = Duration::from_secs(60);

struct Suite {
    _base: tempfile::TempDir,
    cache: tempfile::TempDir,
    out: tempfile::TempDir,
    tree: HostileTree,
}

impl Drop for Suite {
    fn drop(&mut self) {
        let _ = hostile_tree::dismantle(&self.tree);
    }
}

/// One hostile tree for the whole suite (10,000 folders are made once).
fn suite() -> &'static Suite {
    static SUITE: OnceLock<Suite> = OnceLock::new();
    SUITE.get_or_init(|| {
        let base = tempfile::tempdir().expect("tempdir");
        let tree = hostile_tree::build(base.path()).expect("hostile tree");
        Suite {
            _base: base,
            cache: tempfile::tempdir().expect("cache dir"),
            out: tempfile::tempdir().expect("output dir"),
            tree,
        }
    })
}

fn root_user() -> bool {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() == 0 }
}

fn bidlint(s: &Suite) -> Command {
    let mut cmd = Command::cargo_bin("bidlint").expect("binary");
    cmd.env("BIDLINT_CACHE_DIR", s.cache.path())
        .env_remove("GITHUB_STEP_SUMMARY")
        .timeout(BOUND);
    cmd
}

/// What the folder is: every entry (never following links, never opening a FIFO) with its
/// type, mode, size, modification time and, for regular files up to 1 MiB, its bytes. GNU
/// find walks the 10,000-deep chain, past `PATH_MAX`, where `std::fs` paths cannot reach.
fn snapshot(dir: &Path) -> BTreeMap<Vec<u8>, Vec<u8>> {
    let out = Std::new("find")
        .arg(dir)
        .args(["-mindepth", "1", "-printf", "%P\\0%y %m %s %T@\\0"])
        .output()
        .expect("find");
    let mut fields = out.stdout.split(|&b| b == 0);
    let mut map = BTreeMap::new();
    while let (Some(path), Some(meta)) = (fields.next(), fields.next()) {
        if path.is_empty() {
            continue;
        }
        let mut value = meta.to_vec();
        if meta.starts_with(b"f ") {
            let full = dir.join(std::ffi::OsStr::from_bytes(path));
            if let Ok(m) = std::fs::symlink_metadata(&full)
                && m.len() <= 1 << 20
                && let Ok(bytes) = std::fs::read(&full)
            {
                value.extend_from_slice(&bytes);
            }
        }
        map.insert(path.to_vec(), value);
    }
    map
}

/// Run `bidlint ARGS`: bounded in time, no panic, an exit code of a real run.
fn run(s: &Suite, args: &[&str]) -> (i32, Vec<u8>, String) {
    let mut cmd = bidlint(s);
    cmd.args(args);
    if matches!(args.first(), Some(&"check" | &"checklist")) {
        // A memory failure is not cached (it depends on the limit), so the flate bomb is read
        // again at every run: a lower limit makes it fail sooner in a debug build.
        cmd.args(["--doc-memory", "256"]);
    }
    let output = cmd.output().expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    let code = output
        .status
        .code()
        .unwrap_or_else(|| panic!("{args:?}: killed by a signal (or the time bound)\n{stderr}"));
    assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    assert!(matches!(code, 0..=2), "{args:?}: exit {code}\n{stderr}");
    (code, output.stdout, stderr)
}

const CHECK_FORMATS: &[&str] = &[
    "table", "json", "junit", "sarif", "github", "gitlab", "markdown", "csv", "xlsx", "html",
];

#[test]
fn every_command_and_format_ends_and_leaves_the_folder_as_it_was() {
    let s = suite();
    let dir = s.tree.bid.to_str().expect("temp path is UTF-8");
    let before = snapshot(&s.tree.bid);
    assert!(before.len() > hostile_tree::DEPTH, "the chain is there");
    let mut runs: Vec<Vec<String>> = Vec::new();
    for format in CHECK_FORMATS {
        for command in ["check", "checklist"] {
            let out = s.out.path().join(format!("{command}.{format}"));
            runs.push(
                [
                    command,
                    dir,
                    "--format",
                    format,
                    "-o",
                    out.to_str().expect("utf-8"),
                ]
                .map(str::to_string)
                .to_vec(),
            );
        }
    }
    runs.push(
        ["check", dir, "--no-cache", "--jobs", "1"]
            .map(str::to_string)
            .to_vec(),
    );
    runs.push(["portfolio", dir].map(str::to_string).to_vec());
    runs.push(
        ["rules", "--pack", "caih-aos-2026"]
            .map(str::to_string)
            .to_vec(),
    );
    for args in &runs {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, _, stderr) = run(s, &args);
        // The folder has faults: exit 1 for the reports, never 2 (bidlint ran as asked).
        if args[0] == "check" {
            assert_eq!(code, 1, "{args:?}: {stderr}");
        }
        assert_eq!(
            snapshot(&s.tree.bid),
            before,
            "{args:?} changed the bid folder"
        );
    }
}

fn report(s: &Suite) -> Value {
    let dir = s.tree.bid.to_str().expect("utf-8");
    let (code, stdout, stderr) = run(s, &["check", dir, "--format", "json"]);
    assert_eq!(code, 1, "{stderr}");
    serde_json::from_slice(&stdout).expect("JSON report")
}

/// Every finding of a rule, as (path, message).
fn findings(report: &Value, rule: &str) -> Vec<(String, String)> {
    report["results"]
        .as_array()
        .expect("results")
        .iter()
        .filter(|r| r["rule"] == rule)
        .flat_map(|r| r["findings"].as_array().cloned().unwrap_or_default())
        .map(|f| {
            (
                f["path"].as_str().unwrap_or("").to_string(),
                f["message"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

fn finding_for<'a>(list: &'a [(String, String)], path: &str) -> &'a str {
    list.iter()
        .find(|(p, _)| p == path)
        .map(|(_, m)| m.as_str())
        .unwrap_or_else(|| panic!("no finding for {path:?} in {list:#?}"))
}

#[test]
fn each_hostile_entry_gets_a_clear_status() {
    let s = suite();
    let r = report(s);
    let unreadable = findings(&r, "PLACE-LISIBLE");
    // The documents of fixtures/hostile/, as in tests/documents.rs.
    for (path, says) in [
        ("truncated.pdf", "PDF illisible"),
        ("user-password.pdf", "mot de passe"),
        ("parent-loop.pdf", "boucle"),
        ("xobject-self.pdf", "structure récursive"),
        ("flate-bomb.pdf", "mémoire"),
        ("zip-bomb.docx", "bombe"),
        ("html-renamed.pdf", "page HTML"),
    ] {
        let m = finding_for(&unreadable, path);
        assert!(m.contains(says), "{path}: {m}");
    }
    // Not read, not hashed: far past the limit.
    assert!(finding_for(&unreadable, "enorme.pdf").contains("trop volumineux"));
    // Never opened: a FIFO is not a file.
    let tube = finding_for(&unreadable, "tube.pdf");
    assert!(tube.contains("FIFO") || tube.contains("tube"), "{tube}");
    // A link is reported, never followed (its target is a FIFO outside: following it would
    // have hung the run).
    let link = finding_for(&unreadable, "lien-externe.pdf");
    assert!(link.contains("lien symbolique"), "{link}");
    // The 10,000-deep chain: walked until paths get too long, then said.
    let deep = unreadable
        .iter()
        .find(|(p, _)| p.starts_with("profond/d/d/"))
        .unwrap_or_else(|| panic!("nothing said of the deep chain: {unreadable:#?}"));
    assert!(deep.1.contains("chemin trop long"), "{}", deep.1);
    // Mode 000: unreadable unless root, who reads anything.
    if root_user() {
        assert!(unreadable.iter().all(|(p, _)| p != "ferme.pdf"));
    } else {
        assert!(finding_for(&unreadable, "ferme.pdf").contains("illisible"));
        assert!(finding_for(&unreadable, "dossier-ferme").contains("illisible"));
    }
    // The names: each said once, shown on one line.
    assert!(finding_for(&unreadable, "nom-\u{fffd}.pdf").contains("non encodé en UTF-8"));
    assert!(finding_for(&unreadable, "ligne\u{240a}suite.pdf").contains("caractère de contrôle"));
    // The 10 GB file is the deposit's size problem, and only that.
    let size = findings(&r, "PLACE-TAILLE");
    assert_eq!(size.len(), 1, "{size:#?}");
}

#[test]
fn a_name_with_a_newline_never_breaks_a_report_line() {
    let s = suite();
    let dir = s.tree.bid.to_str().expect("utf-8");
    // (SARIF percent-encodes its URIs: no raw character of the name is left there.)
    for format in [
        "table", "csv", "markdown", "github", "gitlab", "junit", "html",
    ] {
        let (_, stdout, _) = run(s, &["check", dir, "--format", format]);
        let text = String::from_utf8(stdout).expect("reports are UTF-8");
        assert!(
            text.contains("ligne\u{240a}suite.pdf"),
            "{format}: the name is not shown"
        );
        assert!(
            !text.lines().any(|l| l.starts_with("suite.pdf")),
            "{format}: a file name's newline broke a line"
        );
    }
}

#[test]
fn a_billion_laughs_manifest_and_pack_and_a_100_mb_manifest_are_refused_quickly() {
    let s = suite();
    let start = std::time::Instant::now();
    let laughs = s.tree.laughs_bid.to_str().expect("utf-8");
    let (code, _, stderr) = run(s, &["check", laughs]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("bid.yaml"), "{stderr}");
    let huge = s.tree.huge_manifest_bid.to_str().expect("utf-8");
    let (code, _, stderr) = run(s, &["check", huge]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("bid.yaml"), "{stderr}");
    let pack = s.tree.laughs_pack.to_str().expect("utf-8");
    let (code, _, stderr) = run(s, &["validate-pack", pack]);
    assert_eq!(code, 2, "{stderr}");
    let dir = s.tree.bid.to_str().expect("utf-8");
    let (code, _, stderr) = run(s, &["check", dir, "--pack", pack]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        start.elapsed() < Duration::from_secs(20),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn a_regex_built_to_backtrack_runs_in_linear_time() {
    let s = suite();
    let dir = s.tree.backtrack_bid.to_str().expect("utf-8");
    let start = std::time::Instant::now();
    let (code, stdout, stderr) = run(s, &["check", dir, "--format", "json"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        start.elapsed() < Duration::from_secs(10),
        "{:?}",
        start.elapsed()
    );
    let r: Value = serde_json::from_slice(&stdout).expect("JSON");
    let f = findings(&r, "HOSTILE-REGEX");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert!(f[0].0.ends_with("!.pdf"));
}
