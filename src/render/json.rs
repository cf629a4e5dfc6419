//! `--format json`: the report as one stable, versioned JSON document (`bidlint.report/2`).

use crate::report::Report;

pub fn render(report: &Report) -> String {
    // Serialising plain data (strings, numbers, enums with string names) cannot fail.
    let mut s =
        serde_json::to_string_pretty(report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}
