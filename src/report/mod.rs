//! The report model: what every renderer reads. It is built once by the engine and never
//! changed by a renderer.

pub mod i18n;
pub mod verdict;

use serde::Serialize;

pub use crate::vocabulary::{Finding, Status};
use crate::vocabulary::{Scope, Severity, SourceKind};

pub use verdict::{Unjudged, Verdict, VerdictKind};

/// `/2` (from `/1`): `skip` split into `not-applicable` and `unknown` (statuses and summary),
/// a `verdict` object, `bid.deadline_passed`.
pub const SCHEMA: &str = "bidlint.report/2";

#[derive(Debug, Clone, Serialize)]
pub struct SourceOut {
    pub document: String,
    pub kind: SourceKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    pub section: String,
    pub quote: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct RuleResult {
    pub rule: String,
    pub title: String,
    pub severity: Severity,
    pub status: Status,
    /// The pack that defines the rule.
    pub pack: String,
    /// The check kind (`piece`, `hosting`…).
    pub kind: String,
    /// Where the requirement applies: « le dossier », « chaque membre »… (in French in JSON).
    #[serde(serialize_with = "scope_in_french")]
    pub scope: Scope,
    pub source: SourceOut,
    /// Why the rule was skipped, could not be evaluated, or must be checked by hand.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    pub findings: Vec<Finding>,
    /// Files that satisfied the rule (recognised pieces), for the reader to confirm.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
    pub help: String,
    /// The waiver's reason when the status is `waived`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub waiver: Option<String>,
}

impl RuleResult {
    /// Does this result fail the run at `threshold`?
    pub fn fails_at(&self, threshold: Option<Severity>) -> bool {
        match threshold {
            None => false,
            Some(t) => matches!(self.status, Status::Fail | Status::Error) && self.severity >= t,
        }
    }
}

#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Summary {
    pub pass: usize,
    pub fail: usize,
    #[serde(rename = "not-applicable")]
    pub not_applicable: usize,
    pub unknown: usize,
    pub manual: usize,
    pub waived: usize,
    pub error: usize,
}

impl Summary {
    pub fn of(results: &[RuleResult]) -> Summary {
        let mut s = Summary::default();
        for r in results {
            *s.slot(r.status) += 1;
        }
        s
    }
    fn slot(&mut self, st: Status) -> &mut usize {
        match st {
            Status::Pass => &mut self.pass,
            Status::Fail => &mut self.fail,
            Status::NotApplicable => &mut self.not_applicable,
            Status::Unknown => &mut self.unknown,
            Status::Manual => &mut self.manual,
            Status::Waived => &mut self.waived,
            Status::Error => &mut self.error,
        }
    }
    pub fn count(&self, st: Status) -> usize {
        let mut c = self.clone();
        *c.slot(st)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ToolInfo {
    pub name: &'static str,
    pub version: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct PackRef {
    pub id: String,
    pub version: String,
    pub title: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct BidInfo {
    pub root: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub manifest: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phase: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deadline: Option<String>,
    /// The deadline is already past on the day of the run: said at the top of every report.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub deadline_passed: bool,
    pub files: usize,
    pub bytes: u64,
}

/// Something the reader should know that is not a rule's result: a stale or expired waiver,
/// a file that could not be looked at.
#[derive(Debug, Clone, Serialize)]
pub struct Notice {
    pub kind: NoticeKind,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

/// The JSON report keeps the scope's French words, as its other texts.
fn scope_in_french<S: serde::Serializer>(scope: &Scope, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&i18n::Lang::Fr.scope(scope))
}

/// What a notice is about (JSON `notices[].kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NoticeKind {
    /// bid.yaml contradicts a document (a date, activities); the document is what is judged.
    ManifestInconsistency,
    /// A file or folder the walk could not take as it is (unreadable, link, bad name).
    Entry,
    /// A member of bid.yaml to whom no file of the folder is attributed.
    MemberWithoutFiles,
    WaiverExpired,
    WaiverUnused,
    /// One SIREN under different names across the bids of a portfolio.
    SiretNames,
    /// The manifest was found inside the deposit zip (it would be uploaded).
    ManifestInDeposit,
}

/// What the report is: a folder's check, a pre-submission checklist, or a portfolio.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ReportKind {
    Check,
    Checklist,
    Portfolio,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub schema: &'static str,
    pub kind: ReportKind,
    pub tool: ToolInfo,
    pub packs: Vec<PackRef>,
    pub bid: BidInfo,
    pub summary: Summary,
    pub verdict: Verdict,
    pub results: Vec<RuleResult>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notices: Vec<Notice>,
}

impl Report {
    /// A report whose summary and verdict are computed once, here, from the results.
    pub fn new(
        kind: ReportKind,
        packs: Vec<PackRef>,
        bid: BidInfo,
        results: Vec<RuleResult>,
        notices: Vec<Notice>,
    ) -> Report {
        let blank = kind == ReportKind::Checklist && bid.manifest.is_none();
        Report {
            schema: SCHEMA,
            kind,
            tool: tool(),
            packs,
            bid,
            summary: Summary::of(&results),
            verdict: Verdict::of(kind, blank, &results),
            results,
            notices,
        }
    }

    /// Results reordered (the checklist puts the consultation's rules first): the summary and
    /// verdict do not depend on the order.
    pub fn results_mut(&mut self) -> &mut [RuleResult] {
        &mut self.results
    }

    pub fn fails_at(&self, threshold: Option<Severity>) -> bool {
        self.results.iter().any(|r| r.fails_at(threshold))
    }

    /// Does the run exit 1? A failure at `threshold`, or — unless the user accepts it — a
    /// blocking rule left unjudged (« INCOMPLET »): a CI job must not go green on a bid that
    /// was not fully checked. `--fail-on never` never fails.
    pub fn fails_run(&self, threshold: Option<Severity>, allow_incomplete: bool) -> bool {
        self.fails_at(threshold)
            || (threshold.is_some()
                && !allow_incomplete
                && self.verdict.kind == VerdictKind::Incomplete)
    }
}

pub fn tool() -> ToolInfo {
    ToolInfo {
        name: "bidlint",
        version: env!("CARGO_PKG_VERSION"),
    }
}
