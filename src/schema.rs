//! JSON Schemas of the manifest and of the pack format, for editors' completion and checks.

use crate::manifest::Manifest;
use crate::pack::model::PackFile;

pub fn manifest() -> String {
    pretty(schemars::schema_for!(Manifest))
}

pub fn pack() -> String {
    pretty(schemars::schema_for!(PackFile))
}

fn pretty(schema: schemars::Schema) -> String {
    let mut s = serde_json::to_string_pretty(&schema).unwrap_or_default();
    s.push('\n');
    s
}
