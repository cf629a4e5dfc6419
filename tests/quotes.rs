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
