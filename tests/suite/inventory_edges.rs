//! The walk on hostile folders: links are reported and never followed (a loop cannot hang
//! it), FIFOs are never opened, non-UTF-8 names are reported, lengths count characters after
//! NFC. Every run ends with a status per entry, and the folder is left exactly as it was.

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;
use serde_json::Value;

fn edge_pack() -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/packs-ok/edge.yaml").to_string()
}

/// Run check with the edge pack; returns (exit code, rule -> result JSON).
fn check(dir: &Path) -> (i32, BTreeMap<String, Value>) {
    let out = Command::cargo_bin("bidlint")
        .expect("binary")
        .args([
            "check",
            dir.to_str().expect("utf-8 temp path"),
            "--pack",
            &edge_pack(),
            "--format",
            "json",
        ])
        .timeout(Duration::from_secs(30))
        .output()
        .expect("runs");
    let report: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("json: {e}\n{}", String::from_utf8_lossy(&out.stderr)));
    let by_rule = report["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| (r["rule"].as_str().expect("rule").to_string(), r.clone()))
        .collect();
    (out.status.code().expect("exit code"), by_rule)
}

/// Every path below `dir` with its type, size and content: to prove nothing changed.
fn snapshot(dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for e in walkdir::WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
    {
        let e = e.expect("walk");
        let meta = e.path().symlink_metadata().expect("meta");
        let content = if meta.file_type().is_file() && meta.len() < 1 << 20 {
            format!("{:?}", std::fs::read(e.path()).unwrap_or_default())
        } else {
            format!("{:?} {}", meta.file_type(), meta.len())
        };
        out.push((e.path().to_string_lossy().into_owned(), content));
    }
    out
}

#[test]
fn links_fifos_and_odd_names_get_a_status_and_nothing_changes() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let d = tmp.path();
    std::fs::write(d.join("ok.pdf"), b"%PDF-1.4\n%%EOF\n").expect("write");
    std::os::unix::fs::symlink(".", d.join("boucle")).expect("symlink loop");
    std::os::unix::fs::symlink("/etc/passwd", d.join("secret.pdf")).expect("symlink out");
    let fifo = d.join("tube.pdf");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(made.success());
    let latin1 = d.join(OsStr::from_bytes(b"M\xe9moire.pdf"));
    std::fs::write(&latin1, b"%PDF-1.4\n%%EOF\n").expect("write latin-1 name");
    let before = snapshot(d);

    let (code, r) = check(d);
    assert_eq!(code, 1, "unreadable entries fail an error rule");
    let lisible = crate::common::finding_lines(&r["EDGE-LISIBLE"]);
    assert_eq!(r["EDGE-LISIBLE"]["status"], "fail");
    assert!(
        lisible
            .iter()
            .any(|m| m.starts_with("boucle : lien symbolique vers « . »")),
        "{lisible:?}"
    );
    assert!(
        lisible
            .iter()
            .any(|m| m.starts_with("secret.pdf : lien symbolique vers « /etc/passwd »")),
        "{lisible:?}"
    );
    assert!(
        lisible
            .iter()
            .any(|m| m.starts_with("tube.pdf : tube nommé (FIFO)")),
        "{lisible:?}"
    );
    assert!(lisible.iter().any(|m| m == "M\u{fffd}moire.pdf : nom de fichier non encodé en UTF-8 : il arrivera déformé chez l'acheteur"), "{lisible:?}");
    // Neither « PDF » is one (a header and nothing else): the reader says so, for each.
    for name in ["ok.pdf", "M\u{fffd}moire.pdf"] {
        assert!(
            lisible
                .iter()
                .any(|m| m.starts_with(&format!("{name} : PDF illisible (tronqué ou corrompu)"))),
            "{lisible:?}"
        );
    }
    assert_eq!(lisible.len(), 6, "{lisible:?}");
    assert_eq!(snapshot(d), before, "the folder must be left untouched");
}

#[test]
fn name_length_counts_characters_after_nfc() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let d = tmp.path();
    // 25 × « é » + « .pdf » = 29 characters (54 bytes): passes.
    let nfc29 = format!("{}.pdf", "é".repeat(25));
    // The same in NFD (e + combining acute, 54 code points): still 29 characters.
    let nfd29 = format!("{}.pdf", "e\u{301}".repeat(24) + "x");
    // 26 × « é » + « .pdf » = 30 characters: fails.
    let nfc30 = format!("{}.pdf", "é".repeat(26));
    for n in [&nfc29, &nfd29, &nfc30] {
        std::fs::write(d.join(n), b"%PDF-1.4\n%%EOF\n").expect("write");
    }
    let (_, r) = check(d);
    let nom = &r["EDGE-NOM-29"];
    assert_eq!(nom["status"], "fail");
    let f = nom["findings"].as_array().expect("findings");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0]["path"], nfc30.as_str());
    assert_eq!(f[0]["message"], "30 caractères (max 29)");
    let suggestion = f[0]["suggestion"]
        .as_str()
        .expect("a shorter name is suggested");
    assert!(
        suggestion.chars().count() <= 29 && suggestion.ends_with(".pdf"),
        "{suggestion}"
    );
}

#[test]
fn parasites_empty_entries_and_sizes() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let d = tmp.path();
    std::fs::create_dir_all(d.join("__MACOSX/sub")).expect("dir");
    std::fs::write(d.join("__MACOSX/sub/._x.pdf"), b"junk").expect("write");
    std::fs::write(d.join("~$memoire.docx"), b"owner").expect("write");
    std::fs::write(d.join(".DS_Store"), b"\0\0\0\x01Bud1").expect("write");
    std::fs::write(d.join("vide.pdf"), b"").expect("write");
    std::fs::create_dir(d.join("rien")).expect("dir");
    std::fs::write(d.join("gros.pdf"), vec![b'%'; 700]).expect("write");
    let (code, r) = check(d);
    assert_eq!(code, 1);
    assert_eq!(r["EDGE-PARASITES"]["status"], "fail");
    let p = crate::common::finding_lines(&r["EDGE-PARASITES"]);
    assert_eq!(
        p,
        vec![
            "__MACOSX : dossier système ou temporaire : à retirer du dépôt",
            ".DS_Store : fichier caché : à retirer du dépôt",
            "~$memoire.docx : fichier temporaire ou système : à retirer du dépôt",
        ]
    );
    assert_eq!(
        crate::common::finding_lines(&r["EDGE-VIDE"]),
        vec!["vide.pdf : fichier vide (0 octet)", "rien : dossier vide"]
    );
    let t = crate::common::finding_lines(&r["EDGE-TAILLE"]);
    assert_eq!(t.len(), 2, "{t:?}");
    assert_eq!(t[0], "- : dépôt de 717 octets : au-delà de 500 octets");
    assert_eq!(
        t[1],
        "gros.pdf : 700 octets : au-delà de 600 octets par fichier"
    );
}
