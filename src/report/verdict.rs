//! The verdict: what a bid manager and a CI job read first. It comes from the results and the
//! rules' severities only — never from `--fail-on`, which sets the exit code and nothing else —
//! so every format shows the same verdict for the same results.

use serde::Serialize;

use super::{ReportKind, RuleResult};

use crate::vocabulary::{Severity, Status};

/// The three answers a check can give.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum VerdictKind {
    /// A blocking rule failed (or could not run on a document): the bid would be rejected.
    NonCompliant,
    /// No blocking rule failed, but some blocking rules could not be judged: the bid is not
    /// known to be ready.
    Incomplete,
    /// Every blocking rule that applies passed (or was waived).
    NoBlockingDefect,
    /// A checklist without a folder: nothing was judged.
    NotJudged,
}

/// A blocking rule that could not be judged, and why (the missing fact, the unreadable holder).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unjudged {
    pub rule: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verdict {
    pub kind: VerdictKind,
    /// Blocking rules that failed (status `fail` or `error`).
    pub blocking: Vec<String>,
    /// Blocking rules left `unknown`, or « à vérifier » by an automatic check that could not
    /// conclude (a `manual` rule is a checklist item, not an unjudged one).
    pub unjudged: Vec<Unjudged>,
    /// Warning-level rules that failed: they do not block, but deserve a look.
    pub warnings: Vec<String>,
    /// Items left for a human (status `manual`).
    pub manual: usize,
}

impl Verdict {
    pub fn of(kind: ReportKind, blank: bool, results: &[RuleResult]) -> Verdict {
        let ids = |pred: &dyn Fn(&RuleResult) -> bool| -> Vec<String> {
            results
                .iter()
                .filter(|r| pred(r))
                .map(|r| r.rule.clone())
                .collect()
        };
        let blocking = ids(&|r| {
            r.severity == Severity::Error && matches!(r.status, Status::Fail | Status::Error)
        });
        let warnings = ids(&|r| {
            r.severity == Severity::Warning && matches!(r.status, Status::Fail | Status::Error)
        });
        let unjudged: Vec<Unjudged> = results
            .iter()
            .filter(|r| is_unjudged_blocking(r))
            .map(|r| Unjudged {
                rule: r.rule.clone(),
                reason: r.reason.clone().unwrap_or_default(),
            })
            .collect();
        let manual = results
            .iter()
            .filter(|r| r.status == Status::Manual)
            .count();
        let kind = if kind == ReportKind::Checklist && blank {
            VerdictKind::NotJudged
        } else if !blocking.is_empty() {
            VerdictKind::NonCompliant
        } else if !unjudged.is_empty() {
            VerdictKind::Incomplete
        } else {
            VerdictKind::NoBlockingDefect
        };
        Verdict {
            kind,
            blocking,
            unjudged,
            warnings,
            manual,
        }
    }

    /// Is the bid not known to be ready (a blocking rule failed or was not judged)?
    pub fn is_green(&self) -> bool {
        self.kind == VerdictKind::NoBlockingDefect
    }
}

/// A blocking rule left open: a fact or document missing, or an automatic check that could
/// only say « à vérifier ».
pub fn is_unjudged_blocking(r: &RuleResult) -> bool {
    if r.severity != Severity::Error {
        return false;
    }
    match r.status {
        Status::Unknown => true,
        Status::Manual => r.kind != "manual",
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::SourceOut;
    use crate::vocabulary::SourceKind;

    fn result(rule: &str, severity: Severity, status: Status, kind: &str) -> RuleResult {
        RuleResult {
            rule: rule.into(),
            title: String::new(),
            severity,
            status,
            pack: "p".into(),
            kind: kind.into(),
            scope: crate::vocabulary::Scope::AllFiles,
            source: SourceOut {
                document: String::new(),
                kind: SourceKind::Consultation,
                reference: None,
                section: String::new(),
                quote: String::new(),
            },
            reason: Some("fait manquant dans le manifeste : `phase`".into()),
            findings: vec![],
            evidence: vec![],
            help: String::new(),
            waiver: None,
        }
    }

    #[test]
    fn a_blocking_rule_not_judged_makes_the_bid_incomplete_never_green() {
        let rs = [
            result("A", Severity::Error, Status::Pass, "piece"),
            result("B", Severity::Error, Status::Unknown, "piece"),
            result("C", Severity::Warning, Status::Unknown, "piece"),
        ];
        let v = Verdict::of(ReportKind::Check, false, &rs);
        assert_eq!(v.kind, VerdictKind::Incomplete);
        assert_eq!(v.unjudged.len(), 1);
        assert_eq!(v.unjudged[0].rule, "B");
        assert!(!v.is_green());
    }

    #[test]
    fn a_blocking_failure_wins_over_unjudged_rules() {
        let rs = [
            result("A", Severity::Error, Status::Fail, "piece"),
            result("B", Severity::Error, Status::Unknown, "piece"),
            result("W", Severity::Warning, Status::Fail, "piece"),
        ];
        let v = Verdict::of(ReportKind::Check, false, &rs);
        assert_eq!(v.kind, VerdictKind::NonCompliant);
        assert_eq!(v.blocking, ["A"]);
        assert_eq!(v.warnings, ["W"]);
    }

    #[test]
    fn not_applicable_manual_items_and_waivers_leave_the_bid_green() {
        let rs = [
            result("A", Severity::Error, Status::NotApplicable, "piece"),
            result("M", Severity::Error, Status::Manual, "manual"),
            result("W", Severity::Error, Status::Waived, "piece"),
        ];
        let v = Verdict::of(ReportKind::Check, false, &rs);
        assert_eq!(v.kind, VerdictKind::NoBlockingDefect);
        assert_eq!(v.manual, 1);
    }

    #[test]
    fn an_automatic_check_left_to_verify_on_a_blocking_rule_is_not_green() {
        let rs = [result(
            "H",
            Severity::Error,
            Status::Manual,
            "certification",
        )];
        assert_eq!(
            Verdict::of(ReportKind::Check, false, &rs).kind,
            VerdictKind::Incomplete
        );
    }
}
