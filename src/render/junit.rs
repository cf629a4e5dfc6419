//! `--format junit`: JUnit XML, the test-report format every CI reads. One `<testsuite>` per
//! pack, one `<testcase>` per rule named by its id (stable and unique, so CI history follows a
//! rule from run to run); `fail` → `<failure>`, `error` → `<error>`, `skip`, `manual` and
//! `waived` → `<skipped>` with the reason.
//!
//! A warning-level rule that fails without failing the run (unless `--fail-on warning`) is not
//! a failed test either: it is `<skipped>` with « avertissement » in its message, so that a CI
//! that turns red on a failed test agrees with bidlint's exit code. A blocking rule that fails
//! is always a `<failure>`, even with `--fail-on never` (the report must not look green); so
//! is a blocking rule left unjudged (« INCOMPLET »), unless `--allow-incomplete`. Each suite
//! carries the report's verdict as its `bidlint.verdict` property, and a past deadline as
//! `bidlint.alert`.
//!
//! The output is valid against Jenkins' `junit-10.xsd` (xunit plugin), the strictest of the
//! common readers: `<testsuites>` carries only `name`, `tests`, `failures` and `errors`.

use std::io;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use super::escape::xml_safe;
use super::{
    RenderOptions, deadline_alert, fails_as_incomplete, finding_line, is_failing, reason_line,
    source_line, verdict,
};
use crate::report::i18n::Lang;
use crate::report::{Report, RuleResult};
use crate::vocabulary::{Severity, Status};

pub fn render(report: &Report, opts: &RenderOptions) -> io::Result<Vec<u8>> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let all: Vec<&RuleResult> = report.results.iter().collect();
    let totals = Counts::of(&all, opts);
    // junit-10.xsd allows no `skipped` on <testsuites> (only on each <testsuite>).
    let mut attributes = totals.attributes("bidlint");
    attributes.retain(|(k, _)| *k != "skipped");
    w.create_element("testsuites")
        .with_attributes(attributes.iter().map(|(k, v)| (*k, v.as_str())))
        .write_inner_content(|w| {
            let verdict = verdict(report, opts);
            for (pack, rules) in by_pack(report) {
                write_suite(w, report, pack, &rules, &verdict, opts)?;
            }
            Ok(())
        })?;
    let mut out = w.into_inner();
    out.push(b'\n');
    Ok(out)
}

/// Rules grouped by the pack that defines them, packs in the order of their first rule.
fn by_pack(report: &Report) -> Vec<(&str, Vec<&RuleResult>)> {
    let mut groups: Vec<(&str, Vec<&RuleResult>)> = Vec::new();
    for r in &report.results {
        match groups.iter_mut().find(|(p, _)| *p == r.pack) {
            Some((_, rules)) => rules.push(r),
            None => groups.push((&r.pack, vec![r])),
        }
    }
    groups
}

/// The four counters JUnit consumers check against the test cases.
struct Counts {
    tests: usize,
    failures: usize,
    errors: usize,
    skipped: usize,
}

impl Counts {
    fn of(rules: &[&RuleResult], opts: &RenderOptions) -> Counts {
        let count = |tag: &str| {
            rules
                .iter()
                .filter(|r| outcome(r, opts).is_some_and(|(t, _)| t == tag))
                .count()
        };
        Counts {
            tests: rules.len(),
            failures: count("failure"),
            errors: count("error"),
            skipped: count("skipped"),
        }
    }

    fn attributes(&self, name: &str) -> Vec<(&'static str, String)> {
        vec![
            ("name", xml_safe(name).into_owned()),
            ("tests", self.tests.to_string()),
            ("failures", self.failures.to_string()),
            ("errors", self.errors.to_string()),
            ("skipped", self.skipped.to_string()),
        ]
    }
}

fn write_suite(
    w: &mut Writer<Vec<u8>>,
    report: &Report,
    pack: &str,
    rules: &[&RuleResult],
    verdict: &str,
    opts: &RenderOptions,
) -> io::Result<()> {
    let counts = Counts::of(rules, opts);
    w.create_element("testsuite")
        .with_attributes(
            counts
                .attributes(pack)
                .iter()
                .map(|(k, v)| (*k, v.as_str())),
        )
        .write_inner_content(|w| {
            // The report's verdict, the same in every format, where JUnit allows metadata.
            w.create_element("properties").write_inner_content(|w| {
                w.create_element("property")
                    .with_attribute(("name", "bidlint.verdict"))
                    .with_attribute(("value", xml_safe(verdict).as_ref()))
                    .write_empty()?;
                if let Some(alert) = deadline_alert(report, opts.lang) {
                    w.create_element("property")
                        .with_attribute(("name", "bidlint.alert"))
                        .with_attribute(("value", xml_safe(&alert).as_ref()))
                        .write_empty()?;
                }
                Ok(())
            })?;
            for r in rules {
                write_case(w, r, opts)?;
            }
            Ok(())
        })?;
    Ok(())
}

fn write_case(w: &mut Writer<Vec<u8>>, r: &RuleResult, opts: &RenderOptions) -> io::Result<()> {
    let l = opts.lang;
    let case = w
        .create_element("testcase")
        .with_attribute(("name", xml_safe(&r.rule).as_ref()))
        .with_attribute(("classname", xml_safe(&r.pack).as_ref()));
    let Some((tag, message)) = outcome(r, opts) else {
        case.write_empty()?;
        return Ok(());
    };
    let body = body(r, l);
    case.write_inner_content(|w| {
        w.create_element(tag)
            .with_attribute(("message", xml_safe(&message).as_ref()))
            .with_attribute(("type", r.severity.as_str()))
            .write_text_content(BytesText::new(&xml_safe(&body)))?;
        Ok(())
    })?;
    Ok(())
}

/// The child element of a test case that did not pass, and its one-line message. A rule that
/// fails below `--fail-on` is skipped with a warning, never a failed test.
fn outcome(r: &RuleResult, opts: &RenderOptions) -> Option<(&'static str, String)> {
    let l = opts.lang;
    let reason = || reason_line(r, l).unwrap_or_else(|| r.title.clone());
    if fails_as_incomplete(r, opts) {
        return Some((
            "failure",
            format!("{} {}", l.t("non évaluée :", "not evaluated:"), reason()),
        ));
    }
    if is_failing(r.status) && !r.fails_at(failed_test_threshold(opts.fail_on)) {
        return Some((
            "skipped",
            format!(
                "{} {} ({} {})",
                l.t(
                    "avertissement, sans effet sur le résultat :",
                    "warning, does not fail the run:"
                ),
                r.title,
                r.findings.len(),
                l.t("constat(s)", "finding(s)")
            ),
        ));
    }
    match r.status {
        Status::Pass => None,
        Status::Fail => Some((
            "failure",
            format!(
                "{} ({} {})",
                r.title,
                r.findings.len(),
                l.t("constat(s)", "finding(s)")
            ),
        )),
        Status::Error => Some(("error", reason())),
        Status::NotApplicable | Status::Unknown | Status::Manual | Status::Waived => {
            Some(("skipped", reason()))
        }
    }
}

/// From which severity a failing rule is a failed test: a blocking (`error`) rule always is,
/// whatever `--fail-on` says (`--fail-on never` sets the exit code, it must not turn the Tests
/// tab green: SPEC §2); a warning is one when `--fail-on warning` makes it fail the run.
fn failed_test_threshold(fail_on: Option<Severity>) -> Option<Severity> {
    match fail_on {
        Some(t) if t < Severity::Error => Some(t),
        _ => Some(Severity::Error),
    }
}

/// The element's text: title, findings, source and what to do, for the CI log.
fn body(r: &RuleResult, l: Lang) -> String {
    let mut lines = vec![format!("{} — {}", r.rule, r.title)];
    if let Some(reason) = reason_line(r, l) {
        lines.push(reason);
    }
    lines.extend(
        r.findings
            .iter()
            .map(|f| format!("- {}", finding_line(f, l, true))),
    );
    lines.push(format!("{} {}", l.t("Source :", "Source:"), source_line(r)));
    if !r.help.is_empty() {
        lines.push(format!("{} {}", l.t("À faire :", "To do:"), r.help));
    }
    lines.join("\n")
}
