//! `--format json`: the report as one stable, versioned JSON document (`bidlint.report/2`).

use crate::report::Report;
use crate::report::i18n::Lang;

/// The report, its `scope` words in `lang` like its findings (the packs' own words — titles,
/// quotes, advice — are as the pack writes them).
pub fn render(report: &Report, lang: Lang) -> String {
    // Serialising plain data (strings, numbers, enums with string names) cannot fail.
    let mut value = match serde_json::to_value(report) {
        Ok(v) => v,
        Err(e) => return format!("{{\"error\": \"{e}\"}}\n"),
    };
    if lang != Lang::Fr
        && let Some(rows) = value.get_mut("results").and_then(|r| r.as_array_mut())
    {
        for (row, result) in rows.iter_mut().zip(&report.results) {
            row["scope"] = lang.scope(&result.scope).into();
        }
    }
    let mut s =
        serde_json::to_string_pretty(&value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}
