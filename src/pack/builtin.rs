//! The built-in packs, compiled into the binary so that bidlint works from any directory.

/// (id, file name, YAML text). `place` first: the others extend it.
pub const BUILTIN: [(&str, &str, &str); 3] = [
    (
        "place",
        "rules/place.yaml",
        include_str!("../../rules/place.yaml"),
    ),
    (
        "caih-aos-2026",
        "rules/caih-aos-2026.yaml",
        include_str!("../../rules/caih-aos-2026.yaml"),
    ),
    (
        "ans-si-coeur-2026",
        "rules/ans-si-coeur-2026.yaml",
        include_str!("../../rules/ans-si-coeur-2026.yaml"),
    ),
];

pub fn find(id: &str) -> Option<(&'static str, &'static str)> {
    BUILTIN
        .iter()
        .find(|(i, _, _)| *i == id)
        .map(|(_, name, text)| (*name, *text))
}

pub fn ids() -> Vec<&'static str> {
    BUILTIN.iter().map(|(id, _, _)| *id).collect()
}
