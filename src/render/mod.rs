//! Renderers: one file per output format, each reading the same [`Report`].
//!
//! Everything a renderer prints that comes from the bid folder (file names, extracted text) or
//! from a manifest is hostile data: each format escapes it for its own syntax (see
//! [`escape`] for the shared rules).

pub mod csv;
pub mod escape;
mod format;
pub mod github;
pub mod gitlab;
pub mod html;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod sarif;
pub mod table;
pub mod xlsx;

use std::borrow::Cow;

use crate::report::i18n::Lang;
use crate::report::{Notice, Report, ReportKind, RuleResult, VerdictKind};
use crate::vocabulary::{Finding, Severity, Status};

pub use format::{Format, UnknownFormat};

#[derive(Debug, Clone, Copy)]
pub struct RenderOptions {
    pub lang: Lang,
    /// ANSI colours (a terminal, and NO_COLOR unset).
    pub color: bool,
    /// Table width; None lets the table follow the terminal.
    pub width: Option<u16>,
    /// The `--fail-on` threshold: which failures the machine formats (JUnit, GitHub) mark as
    /// failing the run. The verdict never depends on it.
    pub fail_on: Option<Severity>,
    /// `--allow-incomplete`: blocking rules left unjudged do not fail the run.
    pub allow_incomplete: bool,
    /// `--all`: the terminal table shows every rule, not only what is left to do.
    pub all: bool,
    /// The CSV separator; None: `;` in French (what a French Excel splits on), `,` in English.
    pub csv_separator: Option<u8>,
}

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("écriture du rapport XML impossible : {0}")]
    Xml(#[from] std::io::Error),
    #[error("écriture du rapport CSV impossible : {0}")]
    Csv(#[from] ::csv::Error),
    #[error("écriture du classeur Excel impossible : {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
}

/// The report in `format`, as bytes: text formats are UTF-8, `xlsx` is a zip archive.
pub fn render(
    report: &Report,
    format: Format,
    opts: &RenderOptions,
) -> Result<Vec<u8>, RenderError> {
    Ok(match format {
        Format::Table => table::render(report, opts).into_bytes(),
        Format::Json => json::render(report, opts.lang).into_bytes(),
        Format::Junit => junit::render(report, opts)?,
        Format::Sarif => sarif::render(report, opts).into_bytes(),
        Format::Github => github::render(report, opts).into_bytes(),
        Format::Gitlab => gitlab::render(report, opts).into_bytes(),
        Format::Markdown => markdown::render(report, opts).into_bytes(),
        Format::Csv => csv::render(report, opts)?,
        Format::Xlsx => xlsx::render(report, opts)?,
        Format::Html => html::render(report, opts).into_bytes(),
    })
}

/// Is this result a blocking rule left unjudged (« INCOMPLET ») that the user did not accept
/// with `--allow-incomplete`? A test report shows it failed, like a blocking failure, whatever
/// `--fail-on` says (which sets the exit code only).
pub(crate) fn fails_as_incomplete(r: &RuleResult, opts: &RenderOptions) -> bool {
    !opts.allow_incomplete && crate::report::verdict::is_unjudged_blocking(r)
}

/// Statuses that mean something is wrong with the bid (a `waived` one was wrong, but accepted).
pub(crate) fn is_failing(status: Status) -> bool {
    matches!(status, Status::Fail | Status::Error)
}

/// The verdict sentence shared by every format, from the report's [`Verdict`] (never from
/// `--fail-on`): what blocks, else which blocking rules were not judged, else how many items
/// are left for a human; then the failing warnings, which do not block but deserve a look.
pub(crate) fn verdict(report: &Report, opts: &RenderOptions) -> String {
    let l = opts.lang;
    let v = &report.verdict;
    let manual = v.manual;
    let mut out = match v.kind {
        VerdictKind::NonCompliant => match l {
            Lang::Fr => format!(
                "NON CONFORME — {} règle(s) bloquante(s) à corriger : {}",
                v.blocking.len(),
                v.blocking.join(", ")
            ),
            Lang::En => format!(
                "NOT COMPLIANT — {} blocking rule(s) to fix: {}",
                v.blocking.len(),
                v.blocking.join(", ")
            ),
        },
        VerdictKind::Incomplete => {
            let list = unjudged_by_reason(v);
            match l {
                Lang::Fr => format!(
                    "INCOMPLET — {} règle(s) bloquante(s) non évaluée(s) : {list}",
                    v.unjudged.len()
                ),
                Lang::En => format!(
                    "INCOMPLETE — {} blocking rule(s) not evaluated: {list}",
                    v.unjudged.len()
                ),
            }
        }
        VerdictKind::NotJudged => match l {
            Lang::Fr => format!("{manual} point(s) à vérifier avant le dépôt"),
            Lang::En => format!("{manual} item(s) to check before submission"),
        },
        VerdictKind::NoBlockingDefect => match l {
            Lang::Fr => {
                format!("aucun défaut bloquant détecté — {manual} point(s) à vérifier à la main")
            }
            Lang::En => format!("no blocking defect found — {manual} item(s) to check by hand"),
        },
    };
    if !v.warnings.is_empty() {
        out.push_str(&match l {
            Lang::Fr => format!(
                " ; {} avertissement(s) : {}",
                v.warnings.len(),
                v.warnings.join(", ")
            ),
            Lang::En => format!(
                "; {} warning(s): {}",
                v.warnings.len(),
                v.warnings.join(", ")
            ),
        });
    }
    out
}

/// The unjudged rules grouped by their reason, so that one missing fact (`phase`) is said
/// once: « fait manquant dans le manifeste : `phase` (CAIH-NOM-30, CAIH-CAND-DC1 et 31 autres) ».
fn unjudged_by_reason(v: &crate::report::Verdict) -> String {
    const SHOWN: usize = 3;
    let mut groups: Vec<(&str, Vec<&str>)> = Vec::new();
    for u in &v.unjudged {
        match groups.iter_mut().find(|(r, _)| *r == u.reason) {
            Some((_, rules)) => rules.push(&u.rule),
            None => groups.push((&u.reason, vec![&u.rule])),
        }
    }
    groups
        .iter()
        .map(|(reason, rules)| {
            let mut ids = rules
                .iter()
                .take(SHOWN)
                .copied()
                .collect::<Vec<_>>()
                .join(", ");
            if rules.len() > SHOWN {
                ids.push_str(&format!(" +{}", rules.len() - SHOWN));
            }
            format!("{reason} ({ids})")
        })
        .collect::<Vec<_>>()
        .join(" ; ")
}

/// The deadline as the report's reader writes it: « 19 février 2026 à 12 h 00 », "19 February
/// 2026 at 12:00"; as written when it does not parse.
pub(crate) fn deadline_text(report: &Report, lang: Lang) -> Option<String> {
    let raw = report.bid.deadline.as_deref()?;
    Some(match crate::dates::DateSpec::parse(raw) {
        Ok(d) => crate::dates::long(&d, lang),
        Err(_) => raw.to_string(),
    })
}

/// The line said above everything else when the deadline is already past.
pub(crate) fn deadline_alert(report: &Report, lang: Lang) -> Option<String> {
    if !report.bid.deadline_passed {
        return None;
    }
    let when = deadline_text(report, lang).unwrap_or_default();
    Some(match lang {
        Lang::Fr => format!(
            "ATTENTION : la date limite de dépôt ({when}) est dépassée — vérifiez le calendrier de la consultation"
        ),
        Lang::En => format!(
            "WARNING: the submission deadline ({when}) has passed — check the consultation's calendar"
        ),
    })
}

/// The title of the human reports, by kind of report.
pub(crate) fn report_title(report: &Report, lang: Lang) -> &'static str {
    match report.kind {
        ReportKind::Check => lang.t(
            "bidlint — rapport de conformité",
            "bidlint — compliance report",
        ),
        ReportKind::Checklist => lang.t(
            "bidlint — liste de contrôle avant dépôt",
            "bidlint — pre-submission checklist",
        ),
        ReportKind::Portfolio => lang.t(
            "bidlint — contrôle de l'ensemble des réponses",
            "bidlint — portfolio check",
        ),
    }
}

/// « 30 conforme · 2 NON CONFORME · … », every status in the same order.
pub(crate) fn counts_line(report: &Report, lang: Lang) -> String {
    Status::ALL
        .iter()
        .map(|st| format!("{} {}", report.summary.count(*st), lang.status(*st)))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// Packs as « id version », comma separated.
pub(crate) fn packs_line(report: &Report) -> String {
    report
        .packs
        .iter()
        .map(|p| format!("{} {}", p.id, p.version))
        .collect::<Vec<_>>()
        .join(", ")
}

/// How a format writes the parts of a line: file names (a code span, `<code>`…) and any
/// other text, each escaped for the format.
pub(crate) struct Markup {
    pub file: fn(&str) -> String,
    pub text: fn(&str) -> String,
}

/// Plain text, for formats that escape whole values afterwards (XML, JSON, CSV).
pub(crate) const PLAIN: Markup = Markup {
    file: |s| s.to_owned(),
    text: |s| s.to_owned(),
};

/// One finding in one line of plain text: « path [member] : message — proposition : … ».
/// Formats that place the path elsewhere (an annotation's `file=`) leave it out.
pub(crate) fn finding_line(f: &Finding, lang: Lang, with_path: bool) -> String {
    finding_in(f, lang, with_path, &PLAIN)
}

/// [`finding_line`] in a format's markup.
pub(crate) fn finding_in(f: &Finding, lang: Lang, with_path: bool, m: &Markup) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(p) = f.path.as_deref().filter(|_| with_path) {
        parts.push((m.file)(p));
    }
    if let Some(member) = &f.member {
        parts.push((m.text)(&format!("[{member}]")));
    }
    let mut line = parts.join(" ");
    if !line.is_empty() {
        line.push_str(lang.colon());
    }
    line.push_str(&(m.text)(&f.message));
    if let Some(s) = &f.suggestion {
        let word = lang.t("proposition :", "suggestion:");
        line.push_str(&format!(" — {} {}", (m.text)(word), (m.file)(s)));
    }
    line
}

/// A notice of the report (stale waiver, unreadable file…) in a format's markup.
pub(crate) fn notice_in(n: &Notice, m: &Markup) -> String {
    match &n.path {
        Some(p) => format!("{} : {}", (m.file)(p), (m.text)(&n.message)),
        None => (m.text)(&n.message),
    }
}

/// The columns of the human formats' table of rules.
pub(crate) fn rule_columns(lang: Lang) -> [&'static str; 5] {
    [
        lang.t("Statut", "Status"),
        lang.t("Règle", "Rule"),
        lang.t("Exigence", "Requirement"),
        lang.t("Périmètre", "Scope"),
        "Source",
    ]
}

/// The status in words, with the severity where it changes what to do:
/// « NON CONFORME (bloquant) », « dérogation (avertissement) », « conforme ».
pub(crate) fn status_text(r: &RuleResult, lang: Lang) -> String {
    let status = lang.status(r.status);
    if matches!(r.status, Status::Fail | Status::Error | Status::Waived) {
        format!("{status} ({})", lang.severity(r.severity))
    } else {
        status.to_string()
    }
}

/// The findings to report one by one: a rule that failed without a file to blame (a missing
/// piece) still yields one, at the bid level, so that every annotation has a message.
pub(crate) fn findings_or_rule(r: &RuleResult) -> Cow<'_, [Finding]> {
    if r.findings.is_empty() {
        let text = r.reason.clone().unwrap_or_else(|| r.title.clone());
        Cow::Owned(vec![Finding::new(text)])
    } else {
        Cow::Borrowed(&r.findings)
    }
}

/// « Document — section », the clause a rule comes from.
pub(crate) fn source_line(r: &RuleResult) -> String {
    format!("{} — {}", r.source.document, r.source.section)
}

/// Is a passing rule's evidence what the rule looked for (the files recognised as the piece,
/// the certificate), rather than the documents a content rule merely read? PLACE-LIENS reads
/// every document and finds no link: its documents are « lus », not « trouvés ».
pub(crate) fn evidence_is_found(r: &RuleResult) -> bool {
    matches!(r.kind.as_str(), "piece" | "certification")
}

/// Why a rule did not pass or fail: the waiver's reason for `waived`, else the engine's
/// reason (skipped, to check by hand, could not be evaluated).
pub(crate) fn reason_line(r: &RuleResult, lang: Lang) -> Option<String> {
    match (&r.waiver, &r.reason) {
        (Some(w), _) => Some(format!("{} {w}", lang.t("Dérogation :", "Waiver:"))),
        (None, Some(reason)) => Some(reason.clone()),
        (None, None) => None,
    }
}

/// Background and text colours (RGB) of a status cell, shared by `xlsx` and `html` so both
/// read the same: pass green, fail red (error) / orange (warning) / yellow (info), skip grey,
/// manual blue, waived purple, error dark red.
pub(crate) fn status_colours(status: Status, severity: Severity) -> (u32, u32) {
    match (status, severity) {
        (Status::Pass, _) => (0xC6EFCE, 0x006100),
        (Status::Fail, Severity::Error) => (0xFFC7CE, 0x9C0006),
        (Status::Fail, Severity::Warning) => (0xFCD5B4, 0x974706),
        (Status::Fail, Severity::Info) => (0xFFEB9C, 0x7F6000),
        (Status::NotApplicable, _) => (0xE7E6E6, 0x3A3838),
        (Status::Unknown, _) => (0xFFE699, 0x7F4F00),
        (Status::Manual, _) => (0xBDD7EE, 0x1F3864),
        (Status::Waived, _) => (0xE4DFEC, 0x5B2C6F),
        (Status::Error, _) => (0xC00000, 0xFFFFFF),
    }
}

/// Where a finding points, relative to the current directory (which CI tools resolve paths
/// against: the repository root): the finding's path under the bid folder, or the manifest for
/// bid-level findings, without `./` segments. A path under the current directory given
/// absolute is made relative to it; any other absolute path is kept as is.
pub(crate) fn workspace_path(report: &Report, path: Option<&str>) -> String {
    if let Some(zip) = deposit_zip(report) {
        // A file inside the deposit zip is not a file of the repository: the zip is.
        return relative_to_cwd(&tidy(zip));
    }
    let rel = path.unwrap_or(manifest_path(report));
    let joined = match folder_root(report) {
        Some(root) => join_root(root, rel),
        None => rel.to_string(),
    };
    relative_to_cwd(&tidy(&joined))
}

/// The deposit zip the report is about (`bidlint check reponse.zip`), when it is one: a CI
/// location then names the zip, and the message the path inside it.
pub(crate) fn deposit_zip(report: &Report) -> Option<&str> {
    folder_root(report).filter(|root| std::path::Path::new(root).is_file())
}

/// A finding's line for a CI location: the path is in the location, unless the location is
/// the deposit zip, when the path inside it goes in the message.
pub(crate) fn located_line(report: &Report, f: &Finding, lang: Lang) -> String {
    finding_line(f, lang, deposit_zip(report).is_some())
}

/// `./a/./b` → `a/b`: the same file, written as consumers compare paths.
fn tidy(path: &str) -> String {
    let absolute = path.starts_with('/');
    let parts: Vec<&str> = path
        .split('/')
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    let joined = parts.join("/");
    match (absolute, joined.is_empty()) {
        (true, _) => format!("/{joined}"),
        (false, true) => ".".to_string(),
        (false, false) => joined,
    }
}

/// An absolute path under the current directory, relative to it (a CI job given
/// `$CI_PROJECT_DIR/reponse`); else unchanged.
fn relative_to_cwd(path: &str) -> String {
    let p = std::path::Path::new(path);
    if !p.is_absolute() {
        return path.to_string();
    }
    let Ok(cwd) = std::env::current_dir() else {
        return path.to_string();
    };
    let canonical = cwd.canonicalize().unwrap_or_else(|_| cwd.clone());
    [cwd, canonical]
        .iter()
        .find_map(|base| p.strip_prefix(base).ok())
        .filter(|rel| !rel.as_os_str().is_empty())
        .map(|rel| rel.to_string_lossy().replace('\\', "/"))
        .unwrap_or_else(|| path.to_string())
}

/// Where a finding lies inside the bid folder, whatever the folder is called or however it
/// was typed: the base of fingerprints that survive renaming the folder. A finding about the
/// bid as a whole (no path) has the empty path.
pub(crate) fn path_in_bid(path: Option<&str>) -> String {
    path.map(tidy).unwrap_or_default()
}

/// The bid folder that finding paths are relative to. A portfolio report spans several
/// folders and has no manifest of its own: its findings already name paths from the current
/// directory (each bid's `bid.yaml`), so there is no root to prepend.
pub(crate) fn folder_root(report: &Report) -> Option<&str> {
    report
        .bid
        .manifest
        .as_ref()
        .map(|_| report.bid.root.as_str())
}

/// The manifest's path as the report names it, else `bid.yaml` (a portfolio report).
pub(crate) fn manifest_path(report: &Report) -> &str {
    report.bid.manifest.as_deref().unwrap_or("bid.yaml")
}

/// Is `rel` a path that does not lie under the bid folder (absolute, or climbing out of it)?
pub(crate) fn outside_folder(rel: &str) -> bool {
    std::path::Path::new(rel).is_absolute() || rel.starts_with("../") || rel.starts_with("..\\")
}

pub(crate) fn join_root(root: &str, rel: &str) -> String {
    let root = root.trim_end_matches(['/', '\\']);
    if outside_folder(rel) || root.is_empty() || root == "." {
        rel.to_string()
    } else {
        format!("{root}/{rel}")
    }
}

#[cfg(test)]
mod tests {
    use super::join_root;

    #[test]
    fn paths_are_joined_under_the_bid_folder_unless_outside_it() {
        assert_eq!(join_root("reponse", "beta/a.pdf"), "reponse/beta/a.pdf");
        assert_eq!(join_root("reponse/", "a.pdf"), "reponse/a.pdf");
        assert_eq!(join_root(".", "a.pdf"), "a.pdf");
        assert_eq!(join_root("reponse", "/tmp/bid.yaml"), "/tmp/bid.yaml");
        assert_eq!(join_root("reponse", "../bid.yaml"), "../bid.yaml");
    }

    #[test]
    fn paths_are_tidied_and_made_relative_to_the_current_directory() {
        assert_eq!(super::tidy("./reponse/./a.pdf"), "reponse/a.pdf");
        assert_eq!(super::tidy("/tmp//x/./a.pdf"), "/tmp/x/a.pdf");
        assert_eq!(super::tidy("./"), ".");
        let cwd = std::env::current_dir().expect("cwd");
        let inside = cwd.join("reponse/a.pdf");
        assert_eq!(
            super::relative_to_cwd(inside.to_str().expect("utf-8")),
            "reponse/a.pdf"
        );
        assert_eq!(
            super::relative_to_cwd("/elsewhere/a.pdf"),
            "/elsewhere/a.pdf"
        );
    }
}
