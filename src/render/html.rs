//! `--format html`: one self-contained page (inline CSS, no script, no external asset) that a
//! bid manager opens in a browser or prints on A4: a coloured summary of the statuses, the
//! verdict, a table of the rules, then each rule with its source clause quoted, its findings
//! and how to fix them.
//!
//! Every string from the report goes through [`html`]: file names are hostile data, and
//! `<img src=x onerror=alert(1)>.pdf` must show as text.

use super::escape::html;
use super::{
    Markup, RenderOptions, counts_line, deadline_alert, deadline_text, evidence_is_found,
    finding_in, notice_in, packs_line, reason_line, report_title, rule_columns, source_line,
    status_colours, status_text, verdict,
};
use crate::report::i18n::Lang;
use crate::report::{Report, RuleResult};
use crate::text::human_size;
use crate::vocabulary::{Severity, Status};

const STYLE: &str = r#"
@page { size: A4; margin: 15mm; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; font-size: 10.5pt;
       color: #1b1b1b; margin: 0 auto; max-width: 60rem; padding: 1.5rem; line-height: 1.4; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
h2 { font-size: 1.25rem; border-bottom: 2px solid #1f3864; padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin: 0 0 .4rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0 0 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
.counts { display: flex; flex-wrap: wrap; gap: .5rem; margin: .5rem 0; padding: 0; list-style: none; }
.counts li { padding: .35rem .7rem; border-radius: .3rem; font-weight: 600; }
.bar { display: flex; height: .9rem; border-radius: .3rem; overflow: hidden; margin: .5rem 0 1rem; border: 1px solid #999; }
.bar span { display: block; height: 100%; }
.verdict { font-size: 1.1rem; font-weight: 700; padding: .6rem .8rem; border-left: .4rem solid #1f3864; background: #f2f4f8; }
.alert { padding: .6rem .8rem; border-left: .4rem solid #9c0006; background: #ffc7ce; color: #9c0006; }
/* The table of rules: fixed column widths, so that it never gets wider than the page, on
   screen or on A4. Long rule ids, file patterns and citations wrap inside their column. */
table { border-collapse: collapse; width: 100%; margin: .5rem 0; table-layout: fixed; }
th, td { border: 1px solid #bbb; padding: .3rem .45rem; text-align: left; vertical-align: top;
         overflow-wrap: anywhere; }
th:nth-child(1) { width: 19%; }
th:nth-child(2) { width: 17%; }
th:nth-child(3) { width: 25%; }
th:nth-child(4) { width: 13%; }
th:nth-child(5) { width: 26%; }
th { background: #1f3864; color: #fff; }
.status { font-weight: 700; white-space: nowrap; border-radius: .25rem; padding: .1rem .4rem; display: inline-block; }
td .status { white-space: normal; overflow-wrap: normal; }
section.rule { border: 1px solid #ccc; border-radius: .4rem; padding: .7rem .9rem; margin: .8rem 0; }
blockquote { margin: .4rem 0; padding: .3rem .8rem; border-left: .25rem solid #8a8a8a; background: #f6f6f6; font-style: italic; }
code { font-family: Consolas, "DejaVu Sans Mono", monospace; background: #f0f0f0; padding: 0 .2rem;
       overflow-wrap: anywhere; }
ul.findings { padding-left: 1.2rem; }
.fix { color: #0b5d1e; }
.muted { color: #555; }
@media print {
  body { max-width: none; padding: 0; font-size: 9.5pt; }
  table { font-size: 8.5pt; line-height: 1.3; }
  section.rule, tr { break-inside: avoid; }
  h2 { break-after: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

/// What the page may load or run: nothing but its own inline styles (the `<style>` element and
/// the status colours' `style` attributes, hence `'unsafe-inline'` for styles only). No script,
/// image, font, frame, form target or base URL: should a file name ever get past the escaping,
/// the browser still refuses to run or fetch anything. `frame-ancestors` cannot be set from a
/// meta tag, and the page has nothing to protect from framing.
pub(crate) const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; \
     script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'";

/// File names in `<code>`, other text escaped.
const HTML: Markup = Markup {
    file: code,
    text: html,
};

fn code(s: &str) -> String {
    format!("<code>{}</code>", html(s))
}

pub fn render(report: &Report, opts: &RenderOptions) -> String {
    let l = opts.lang;
    let title = report_title(report, l);
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{} — {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        l.t("fr", "en"),
        html(title),
        html(&report.bid.root)
    );
    out.push_str(&format!("<h1>{}</h1>\n", html(title)));
    if let Some(alert) = deadline_alert(report, l) {
        out.push_str(&format!(
            "<p class=\"alert\"><strong>{}</strong></p>\n",
            html(&alert)
        ));
    }
    out.push_str(&facts(report, l));
    out.push_str(&summary(report, opts));
    out.push_str(&rules_table(report, l));
    out.push_str(&format!(
        "<h2>{}</h2>\n",
        l.t("Exigences une à une", "Requirements one by one")
    ));
    for r in &report.results {
        out.push_str(&rule_section(r, l));
    }
    out.push_str(&notices(report, l));
    out.push_str(&format!(
        "<p class=\"muted\">bidlint {}</p>\n</body>\n</html>\n",
        html(report.tool.version)
    ));
    out
}

fn facts(report: &Report, l: Lang) -> String {
    let unknown = || "?".to_string();
    let rows = [
        (
            l.t("Dossier", "Folder"),
            format!("<code>{}</code>", html(&report.bid.root)),
        ),
        (
            l.t("Contenu", "Contents"),
            format!(
                "{} {}, {}",
                report.bid.files,
                l.t("fichiers", "files"),
                html(&human_size(report.bid.bytes, l))
            ),
        ),
        ("Packs", html(&packs_line(report))),
        (
            "Phase",
            html(&report.bid.phase.clone().unwrap_or_else(unknown)),
        ),
        (
            l.t("Date limite", "Deadline"),
            html(&deadline_text(report, l).unwrap_or_else(unknown)),
        ),
    ];
    let mut out = String::from("<dl class=\"facts\">\n");
    for (k, v) in rows {
        out.push_str(&format!("<dt>{}</dt><dd>{v}</dd>\n", html(k)));
    }
    out.push_str("</dl>\n");
    out
}

/// Coloured counts, a bar whose segments are proportional to them, and the verdict.
fn summary(report: &Report, opts: &RenderOptions) -> String {
    let l = opts.lang;
    let total = report.results.len().max(1) as f64;
    let mut counts = String::from("<ul class=\"counts\">\n");
    let mut bar = format!(
        "<div class=\"bar\" role=\"img\" aria-label=\"{}\">",
        html(&counts_line(report, l))
    );
    for st in Status::ALL {
        let n = report.summary.count(st);
        let style = colour_style(st, Severity::Error);
        counts.push_str(&format!(
            "<li style=\"{style}\">{n} {}</li>\n",
            html(l.status(st))
        ));
        if n > 0 {
            let width = n as f64 * 100.0 / total;
            bar.push_str(&format!(
                "<span style=\"{style} width: {width:.2}%\"></span>"
            ));
        }
    }
    counts.push_str("</ul>\n");
    bar.push_str("</div>\n");
    format!(
        "<h2>{}</h2>\n{counts}{bar}<p class=\"verdict\">{} {}</p>\n",
        l.t("Bilan", "Summary"),
        l.t("Verdict :", "Verdict:"),
        html(&verdict(report, opts))
    )
}

fn rules_table(report: &Report, l: Lang) -> String {
    let head: String = rule_columns(l)
        .iter()
        .map(|c| format!("<th>{}</th>", html(c)))
        .collect();
    let mut out = format!("<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n");
    for r in &report.results {
        out.push_str(&format!(
            "<tr><td>{}</td><td class=\"id\"><a href=\"#{}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            badge(r, l),
            anchor(&r.rule),
            html(&r.rule),
            html(&r.title),
            html(&l.scope(&r.scope)),
            html(&source_line(r)),
        ));
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

fn rule_section(r: &RuleResult, l: Lang) -> String {
    let mut out = format!(
        "<section class=\"rule\" id=\"{}\">\n<h3>{} {} — {}</h3>\n",
        anchor(&r.rule),
        badge(r, l),
        html(&r.rule),
        html(&r.title)
    );
    out.push_str(&format!(
        "<p class=\"muted\">{} {}, {}</p>\n<blockquote>{}</blockquote>\n",
        l.t("Source :", "Source:"),
        html(&r.source.document),
        html(&r.source.section),
        html(&r.source.quote)
    ));
    if let Some(reason) = reason_line(r, l) {
        out.push_str(&format!("<p>{}</p>\n", html(&reason)));
    }
    out.push_str(&findings(r, l));
    if matches!(r.status, Status::Fail | Status::Error) && !r.help.is_empty() {
        out.push_str(&format!(
            "<p class=\"fix\"><strong>{}</strong> {}</p>\n",
            l.t("À faire :", "To do:"),
            html(&r.help)
        ));
    }
    if r.status == Status::Pass && !r.evidence.is_empty() {
        let found: Vec<String> = r
            .evidence
            .iter()
            .map(|e| format!("<code>{}</code>", html(e)))
            .collect();
        let label = if evidence_is_found(r) {
            l.t("Trouvé :", "Found:")
        } else {
            l.t("Documents lus :", "Documents read:")
        };
        out.push_str(&format!(
            "<p class=\"muted\">{label} {}</p>\n",
            found.join(", ")
        ));
    }
    out.push_str("</section>\n");
    out
}

fn findings(r: &RuleResult, l: Lang) -> String {
    if r.findings.is_empty() {
        return String::new();
    }
    let mut out = String::from("<ul class=\"findings\">\n");
    for f in &r.findings {
        out.push_str(&format!("<li>{}</li>\n", finding_in(f, l, true, &HTML)));
    }
    out.push_str("</ul>\n");
    out
}

fn notices(report: &Report, l: Lang) -> String {
    if report.notices.is_empty() {
        return String::new();
    }
    let mut out = format!("<h2>{}</h2>\n<ul>\n", l.t("Remarques", "Notes"));
    for n in &report.notices {
        out.push_str(&format!(
            "<li>{}</li>
",
            notice_in(n, &HTML)
        ));
    }
    out.push_str("</ul>\n");
    out
}

/// The status as a coloured label, with the severity where it changes what to do.
fn badge(r: &RuleResult, l: Lang) -> String {
    format!(
        "<span class=\"status\" style=\"{}\">{}</span>",
        colour_style(r.status, r.severity),
        html(&status_text(r, l))
    )
}

/// Inline colours: the same palette as the workbook. Built from numbers only, never from
/// report text.
fn colour_style(status: Status, severity: Severity) -> String {
    let (bg, fg) = status_colours(status, severity);
    format!("background: #{bg:06X}; color: #{fg:06X};")
}

/// An element id for a rule: its id with anything but letters, digits, `-` and `_` replaced,
/// so it is safe in an attribute and in a `#fragment`.
fn anchor(rule: &str) -> String {
    let id: String = rule
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("rule-{id}")
}
