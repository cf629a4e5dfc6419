//! The report formats: a plain enum with its command-line names, so that the library
//! needs no argument parser (the binary lists [`Format::ALL`] in `--help`).

/// A report format. Its [`name`](Format::name) is what `--format` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
    Junit,
    Sarif,
    Github,
    Gitlab,
    Markdown,
    Csv,
    Xlsx,
    Html,
}

impl Format {
    /// Every format, in the order `--help` lists them.
    pub const ALL: [Format; 10] = [
        Format::Table,
        Format::Json,
        Format::Junit,
        Format::Sarif,
        Format::Github,
        Format::Gitlab,
        Format::Markdown,
        Format::Csv,
        Format::Xlsx,
        Format::Html,
    ];

    /// Binary formats cannot go to a terminal: they need `-o FILE`.
    pub fn is_binary(self) -> bool {
        matches!(self, Format::Xlsx)
    }

    /// The format's name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Json => "json",
            Format::Junit => "junit",
            Format::Sarif => "sarif",
            Format::Github => "github",
            Format::Gitlab => "gitlab",
            Format::Markdown => "markdown",
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
            Format::Html => "html",
        }
    }

    /// One line saying what the format is, for `--help`.
    pub fn description(self) -> &'static str {
        match self {
            Format::Table => "Human table (default on a terminal)",
            Format::Json => "One JSON document, schema bidlint.report/2",
            Format::Junit => {
                "JUnit XML: one testsuite per pack, one testcase per rule (CI test reports)"
            }
            Format::Sarif => "SARIF 2.1.0 log, for code-scanning tools",
            Format::Github => {
                "GitHub Actions annotations; appends the Markdown report to $GITHUB_STEP_SUMMARY"
            }
            Format::Gitlab => "GitLab Code Quality JSON (issues with stable fingerprints)",
            Format::Markdown => {
                "Markdown report: summary, table of rules, details of what is not compliant"
            }
            Format::Csv => "CSV, one row per finding (UTF-8 with BOM, for Excel)",
            Format::Xlsx => {
                "Excel workbook with a summary sheet and a rules sheet (requires -o FILE)"
            }
            Format::Html => "Self-contained HTML page, printable on A4",
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A name that is not one of [`Format::ALL`]'s.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("format inconnu « {0} »")]
pub struct UnknownFormat(pub String);

impl std::str::FromStr for Format {
    type Err = UnknownFormat;
    fn from_str(s: &str) -> Result<Format, UnknownFormat> {
        Format::ALL
            .into_iter()
            .find(|f| f.name() == s)
            .ok_or_else(|| UnknownFormat(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_parses_back() {
        for f in Format::ALL {
            assert_eq!(f.name().parse::<Format>(), Ok(f));
            assert_eq!(f.to_string(), f.name());
        }
        assert_eq!("json".parse::<Format>(), Ok(Format::Json));
        assert_eq!("xlsx".parse::<Format>().map(Format::is_binary), Ok(true));
    }

    #[test]
    fn unknown_names_are_refused() {
        assert_eq!(
            "JSON".parse::<Format>(),
            Err(UnknownFormat("JSON".to_string()))
        );
        assert!("".parse::<Format>().is_err());
        assert!("pdf".parse::<Format>().is_err());
    }
}
