//! `bidlint init`'s skeleton, in process: for every built-in pack it reads as a manifest, and
//! the manifest's consistency check refuses exactly its example values (the sample SIRET and
//! the lines marked `# EXEMPLE`), nothing else; once those are replaced, it loads.

use std::path::Path;

use bidlint::manifest::consistency::SKELETON_SIRET;
use bidlint::manifest::{Manifest, ManifestError};

const SAMPLE_SIRET: &str = "SIRET d'exemple du squelette laissé en place";
const EXAMPLE_LEFT: &str = "valeur d'exemple du squelette `bidlint init` laissée en place";

#[test]
fn every_built_in_pack_gives_a_skeleton_refused_only_for_its_examples() {
    for id in bidlint::pack::builtin::ids() {
        let packs = bidlint::pack::load(&[id.to_string()], Path::new("."))
            .unwrap_or_else(|e| panic!("{id}: {e:?}"));
        let text = bidlint::skeleton::skeleton(id, &packs);
        let manifest: Manifest =
            serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{id}: {e}\n{text}"));
        assert_eq!(manifest.consultation, id);
        let marked = text
            .lines()
            .filter(|l| l.contains("# EXEMPLE") && !l.trim_start().starts_with('#'))
            .count();
        assert!(marked >= 2, "{id}: {marked} marked lines\n{text}");
        let problems = match bidlint::manifest::parse("bid.yaml", &text, Path::new("bid.yaml")) {
            Err(ManifestError::Invalid(p)) => p.problems,
            other => panic!("{id}: the skeleton's examples are not refused: {other:?}"),
        };
        let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
        let siret = messages
            .iter()
            .filter(|m| m.starts_with(SAMPLE_SIRET))
            .count();
        let examples = messages.iter().filter(|m| **m == EXAMPLE_LEFT).count();
        assert_eq!(
            (siret, examples, messages.len()),
            (1, marked, 1 + marked),
            "{id}: {messages:#?}"
        );
        let replaced = text
            .replace(SKELETON_SIRET, "12002701600357")
            .replace("# EXEMPLE", "#");
        if let Err(e) = bidlint::manifest::parse("bid.yaml", &replaced, Path::new("bid.yaml")) {
            panic!("{id}: {e:?}\n{replaced}");
        }
    }
}
