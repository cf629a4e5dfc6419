//! `validate-pack --sources`: every quote must be in its source, whatever the line breaks,
//! spacing and typographic quotes; a quote that is not gets the closest passage.

use assert_cmd::Command;

fn run(args: &[&str]) -> (i32, String, String) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/quotes");
    let out = Command::cargo_bin("bidlint")
        .expect("binary")
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().expect("code"),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        flat(&String::from_utf8_lossy(&out.stderr)),
    )
}

/// The diagnostic's text without its frame and line wrapping.
fn flat(s: &str) -> String {
    s.replace('│', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn found_near_miss_and_missing_quotes() {
    let (code, _, err) = run(&[
        "validate-pack",
        "pack.yaml",
        "--sources",
        "rc=rc-extrait.txt",
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("citations non vérifiées : 2 problèmes"),
        "{err}"
    );
    assert!(
        !err.contains("Q-TROUVEE") && !err.contains("Q-APOSTROPHE"),
        "{err}"
    );
    assert!(err.contains("Q-PROCHE : citation introuvable dans rc-extrait.txt : « les offres sont rédigées en langue française »"), "{err}");
    assert!(
        err.contains(
            "passage le plus proche : « les offres sont entièrement rédigés en langue française »"
        ),
        "{err}"
    );
    assert!(err.contains("Q-ABSENTE : citation introuvable"), "{err}");
    assert!(
        err.contains("[pack.yaml:22:53]"),
        "the diagnostic points at the quote: {err}"
    );
}

#[test]
fn unkeyed_sources_are_searched_for_every_rule() {
    let (code, _, err) = run(&["validate-pack", "pack.yaml", "--sources", "rc-extrait.txt"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("Q-ABSENTE") && err.contains("Q-PROCHE"),
        "{err}"
    );
}

#[test]
fn all_quotes_found_passes() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/quotes/pack.yaml"
    ))
    .expect("read");
    let cut = text.find("  - id: Q-PROCHE").expect("third rule");
    std::fs::write(tmp.path().join("ok.yaml"), &text[..cut]).expect("write");
    let src = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/quotes/rc-extrait.txt"
    );
    let out = Command::cargo_bin("bidlint")
        .expect("binary")
        .args([
            "validate-pack",
            tmp.path().join("ok.yaml").to_str().expect("utf-8"),
            "--sources",
            &format!("rc={src}"),
        ])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("2 citations retrouvées mot pour mot"));
}

/// A minimal Word document whose paragraphs are `lines`, each split into two runs as Word does.
fn docx(lines: &[&str]) -> Vec<u8> {
    use std::io::Write;
    let mut body = String::new();
    for l in lines {
        let (a, b) = l.split_at(
            l.char_indices()
                .nth(l.chars().count() / 2)
                .map_or(0, |(i, _)| i),
        );
        let esc = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;");
        body.push_str(&format!(
            "<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
            esc(a),
            esc(b)
        ));
    }
    let xml = format!(
        "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    );
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    zip.start_file("[Content_Types].xml", opts).expect("entry");
    zip.write_all(b"<?xml version=\"1.0\"?><Types/>")
        .expect("write");
    zip.start_file("word/document.xml", opts).expect("entry");
    zip.write_all(xml.as_bytes()).expect("write");
    zip.finish().expect("zip").into_inner()
}

#[test]
fn a_word_source_is_read_like_a_text_one() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/quotes/rc-extrait.txt"
    ))
    .expect("read");
    let lines: Vec<&str> = text.lines().collect();
    let tmp = tempfile::tempdir().expect("temp dir");
    let doc = tmp.path().join("rc.docx");
    std::fs::write(&doc, docx(&lines)).expect("write");
    let (code, _, err) = run(&[
        "validate-pack",
        "pack.yaml",
        "--sources",
        &format!("rc={}", doc.display()),
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("citations non vérifiées : 2 problèmes"),
        "{err}"
    );
    assert!(
        err.contains("Q-PROCHE") && err.contains("Q-ABSENTE") && !err.contains("Q-TROUVEE"),
        "{err}"
    );
}
