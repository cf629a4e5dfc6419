//! `bidlint schema manifest|pack`: JSON Schemas for editors.

use std::process::ExitCode;

use super::SchemaKind;

pub fn run(what: SchemaKind) -> Result<ExitCode, miette::Report> {
    let text = match what {
        SchemaKind::Manifest => bidlint::schema::manifest(),
        SchemaKind::Pack => bidlint::schema::pack(),
    };
    print!("{text}");
    Ok(ExitCode::SUCCESS)
}
