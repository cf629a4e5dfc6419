//! Broken packs and manifests: exit code 2 and a diagnostic at the right line and column.
//! The diagnostics are snapshots (insta): a change in wording or position shows in review.

use std::path::Path;

use assert_cmd::Command;

use crate::common::words;

fn bidlint(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("bidlint").expect("binary built by cargo");
    cmd.current_dir(dir).env("NO_COLOR", "1");
    cmd
}

fn data(sub: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(sub)
}

// miette prints the column in bytes (the caret under the text is exact): on a line with an
// accented character before the error, the number is one more than the character count.

/// Run validate-pack on a broken pack; it must exit 2; return stderr.
fn pack_diag(file: &str) -> String {
    let out = bidlint(&data("packs"))
        .args(["validate-pack", file])
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(2),
        "{file}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Run check with a broken manifest; it must exit 2; return stderr.
fn manifest_diag(file: &str) -> String {
    let empty = tempfile::tempdir().expect("temp dir");
    let manifest = data("manifests").join(file);
    let out = bidlint(&data("manifests"))
        .args([
            "check",
            empty.path().to_str().expect("utf-8 temp path"),
            "--manifest",
            file,
        ])
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}: {}",
        manifest.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn pack_unknown_field_points_at_the_key_with_a_suggestion() {
    let d = pack_diag("unknown-field.yaml");
    assert!(d.contains("[unknown-field.yaml:12:44]"), "{d}");
    assert!(d.contains("vouliez-vous dire `names`"), "{d}");
    insta::assert_snapshot!(d);
}

#[test]
fn pack_unknown_check_kind() {
    let d = pack_diag("unknown-kind.yaml");
    assert!(d.contains("valeur inconnue `pice`"), "{d}");
    assert!(d.contains("vouliez-vous dire `piece`"), "{d}");
    assert!(d.contains("[unknown-kind.yaml:12:20]"), "{d}");
    insta::assert_snapshot!(d);
}

#[test]
fn pack_invalid_regex() {
    let d = pack_diag("bad-regex.yaml");
    assert!(d.contains("expression régulière invalide"), "{d}");
    assert!(d.contains("[bad-regex.yaml:12:47]"), "{d}");
    insta::assert_snapshot!(d);
}

#[test]
fn pack_duplicate_id() {
    let d = pack_diag("duplicate-id.yaml");
    assert!(d.contains("identifiant de règle en double : T-1"), "{d}");
    assert!(d.contains("[duplicate-id.yaml:13:9]"), "{d}");
    insta::assert_snapshot!(d);
}

#[test]
fn pack_missing_source_and_empty_quote() {
    let d = pack_diag("missing-quote.yaml");
    assert!(d.contains("champ obligatoire manquant : `source`"), "{d}");
    insta::assert_snapshot!(d);
    // Once `source` is there, the empty quote is reported at its position.
    let dir = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read_to_string(data("packs").join("missing-quote.yaml")).expect("read");
    let fixed = text.replace(
        "    help: \"x\"",
        "    source: { doc: rc, section: \"2\", quote: \"q\" }\n    help: \"x\"",
    );
    std::fs::write(dir.path().join("p.yaml"), fixed).expect("write");
    let out = bidlint(dir.path())
        .args(["validate-pack", "p.yaml"])
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        err.contains("la citation de la clause est vide") && err.contains("[p.yaml:10:50]"),
        "{err}"
    );
}

#[test]
fn pack_override_and_except_of_unknown_rules() {
    let d = pack_diag("override-unknown.yaml");
    assert!(
        d.contains("surcharge d'une règle inconnue : PLACE-INEXISTANTE"),
        "{d}"
    );
    assert!(d.contains("[override-unknown.yaml:6:9]"), "{d}");
    assert!(
        d.contains("règle héritée inconnue : PLACE-AUCUNE")
            && d.contains("[override-unknown.yaml:8:10]"),
        "{d}"
    );
    insta::assert_snapshot!(d);
}

#[test]
fn pack_extends_cycle() {
    let d = pack_diag("cycle-a.yaml");
    assert!(d.contains("cycle d'extension"), "{d}");
    assert!(d.contains("[cycle-b.yaml:4:11]"), "{d}");
    insta::assert_snapshot!(d);
}

#[test]
fn pack_yaml_syntax_error() {
    let d = pack_diag("syntax.yaml");
    assert!(d.contains("syntax.yaml:3"), "{d}");
    insta::assert_snapshot!(d);
}

#[test]
fn pack_unknown_source_document_and_dangling_reference() {
    let d = pack_diag("unknown-source-doc.yaml");
    assert!(
        d.contains("document source « ccap » absent de `sources:`"),
        "{d}"
    );
    insta::assert_snapshot!(d);
}

#[test]
fn manifest_unknown_field_with_suggestion() {
    let d = manifest_diag("unknown-field.yaml");
    assert!(
        d.contains("[unknown-field.yaml:5:5]") && d.contains("vouliez-vous dire `short`"),
        "{d}"
    );
    insta::assert_snapshot!(d);
}

#[test]
fn manifest_bad_values_are_all_reported() {
    let d = manifest_diag("bad-values.yaml");
    for needle in [
        "[bad-values.yaml:3:11]",
        "n'est pas une date RFC 3339",
        "SIRET « 1234 » : 14 chiffres attendus",
        "activité HDS 7",
        "pays « France »",
        "pays « USA »",
        "« 2027-13-01 »",
    ] {
        assert!(d.contains(needle), "missing {needle}: {d}");
    }
    insta::assert_snapshot!(d);
}

#[test]
fn manifest_bad_phase_and_missing_consultation() {
    let d = manifest_diag("bad-phase.yaml");
    assert!(
        d.contains("valeur inconnue `offer`") && d.contains("vouliez-vous dire `offre`"),
        "{d}"
    );
    insta::assert_snapshot!("bad-phase", d);
    let d = manifest_diag("no-consultation.yaml");
    assert!(
        d.contains("champ obligatoire manquant : `consultation`"),
        "{d}"
    );
    insta::assert_snapshot!("no-consultation", d);
}

#[test]
fn manifest_waiver_of_an_unknown_rule() {
    let d = manifest_diag("unknown-waiver.yaml");
    assert!(
        d.contains("dérogation pour une règle inconnue : CAIH-NOM-31")
            && d.contains("[unknown-waiver.yaml:4:11]"),
        "{d}"
    );
}

#[test]
fn missing_folder_manifest_and_pack_exit_2() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = bidlint(tmp.path())
        .args(["check", "nowhere"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("dossier introuvable"));
    let out = bidlint(tmp.path())
        .args(["check", "."])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("manifeste introuvable"));
    let out = bidlint(tmp.path())
        .args(["check", ".", "--pack", "caih-aos-2025"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("pack inconnu") && err.contains("vouliez-vous dire `caih-aos-2026`"),
        "{err}"
    );
    let out = bidlint(tmp.path())
        .args(["explain", "NOPE-1"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn manifest_pieces_key_that_is_no_piece_rule() {
    let d = manifest_diag("unknown-piece.yaml");
    // miette wraps lines, at spaces and after hyphens (« vouliez-⏎vous »): undo both.
    let d = d
        .replace('│', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace("- ", "-");
    assert!(
        d.contains("pieces: « CAIH-CAND-MOYEN » n'est pas une règle de pièce des packs chargés — vouliez-vous dire `CAIH-CAND-MOYENS` ?")
            && d.contains("[unknown-piece.yaml:4:3]"),
        "{d}"
    );
}

#[test]
fn manifest_siret_with_two_digits_swapped_is_refused_at_its_line_with_the_fix() {
    let d = manifest_diag("siret-transpose.yaml");
    assert!(d.contains("[siret-transpose.yaml:10:12]"), "{d}");
    assert!(
        d.contains("SIRET « 12002710600357 » invalide : la clé de contrôle ne correspond pas"),
        "{d}"
    );
    assert!(d.contains("vouliez-vous dire « 12002701600357 »"), "{d}");
    // The same SIRET written with spaces is valid: one problem only.
    assert!(d.contains("1 problème") || !d.contains("problèmes"), "{d}");
}

#[test]
fn manifest_roles_that_contradict_the_form_are_each_located() {
    let d = manifest_diag("roles-contradictory.yaml");
    assert!(d.contains("second mandataire"), "{d}");
    assert!(d.contains("[roles-contradictory.yaml:12:11]"), "{d}");
    assert!(d.contains("rôle « individuel » dans un groupement"), "{d}");
    assert!(d.contains("[roles-contradictory.yaml:15:11]"), "{d}");

    let d = manifest_diag("individuel-several.yaml");
    assert!(
        d.contains("candidature individuelle, mais 2 membres qui ne sont pas sous-traitants"),
        "{d}"
    );
    assert!(d.contains("[individuel-several.yaml:5:9]"), "{d}");
    assert!(
        d.contains("rôle de groupement dans une candidature individuelle"),
        "{d}"
    );

    let d = manifest_diag("groupement-sans-mandataire.yaml");
    assert!(d.contains("groupement sans mandataire"), "{d}");
}

#[test]
fn manifest_example_values_of_the_skeleton_are_refused() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().to_str().expect("utf-8");
    bidlint(tmp.path())
        .args(["init", dir, "--pack", "ans-si-coeur-2026"])
        .assert()
        .success();
    let out = bidlint(tmp.path())
        .args(["check", dir])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let d = String::from_utf8_lossy(&out.stderr);
    // The sample SIRET, the sample candidate and member names, the sample lot and deadline.
    assert!(
        d.contains("SIRET d'exemple du squelette laissé en place"),
        "{d}"
    );
    assert_eq!(
        d.matches("valeur d'exemple du squelette `bidlint init` laissée en place")
            .count(),
        4,
        "{d}"
    );
}

#[test]
fn manifest_in_latin_1_says_how_to_save_it_as_utf_8() {
    let tmp = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        tmp.path().join("bid.yaml"),
        b"consultation: caih-aos-2026\ncandidate:\n  name: Soci\xe9t\xe9 G\xe9n\xe9rale\n",
    )
    .expect("write");
    let out = bidlint(tmp.path())
        .args(["check", "."])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("n'est pas en UTF-8"), "{err}");
    assert!(err.contains("Enregistrer sous"), "{err}");
    assert!(!err.contains("stream did not contain"), "{err}");
}

#[test]
fn manifest_type_errors_and_french_dates_are_said_in_french() {
    let tmp = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        tmp.path().join("bid.yaml"),
        "consultation: caih-aos-2026\ndeadline: 30/06/2027\nmembers:\n  - name: Alpha\n    hosting: oui\n",
    )
    .expect("write");
    let out = bidlint(tmp.path())
        .args(["check", "."])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = words(&out.stderr);
    assert!(err.contains("un booléen (true ou false) attendu"), "{err}");
    assert!(!err.contains("expected a boolean"), "{err}");
    // serde stops at the first type error; once it is fixed, the date is named.
    std::fs::write(
        tmp.path().join("bid.yaml"),
        "consultation: caih-aos-2026\ndeadline: 30/06/2027\n",
    )
    .expect("write");
    let out = bidlint(tmp.path())
        .args(["check", "."])
        .output()
        .expect("runs");
    let err = words(&out.stderr);
    assert!(err.contains("écrivez 2027-06-30"), "{err}");
}
