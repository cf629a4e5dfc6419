//! The report model: what every renderer reads. It is built once by the engine and never
//! changed by a renderer.

pub mod i18n;

use serde::Serialize;

use crate::pack::model::{Severity, SourceKind};

pub const SCHEMA: &str = "bidlint.report/1";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Pass,
    Fail,
    Skip,
    Manual,
    Waived,
    Error,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::Pass,
        Status::Fail,
        Status::Skip,
        Status::Manual,
        Status::Waived,
        Status::Error,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Fail => "fail",
            Status::Skip => "skip",
            Status::Manual => "manual",
            Status::Waived => "waived",
            Status::Error => "error",
        }
    }
}

/// One thing wrong, tied to a file (relative to the bid folder) or to a manifest fact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub member: Option<String>,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
}

impl Finding {
    pub fn new(message: impl Into<String>) -> Finding {
        Finding {
            path: None,
            member: None,
            message: message.into(),
            suggestion: None,
        }
    }
    pub fn at(mut self, path: impl Into<String>) -> Finding {
        self.path = Some(path.into());
        self
    }
    pub fn member(mut self, member: Option<&str>) -> Finding {
        self.member = member.map(str::to_string);
        self
    }
    pub fn suggest(mut self, s: impl Into<String>) -> Finding {
        self.suggestion = Some(s.into());
        self
    }
}

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
    /// Where the requirement applies, in French: « le dossier », « chaque membre »…
    pub scope: String,
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
    pub skip: usize,
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
            Status::Skip => &mut self.skip,
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
    pub files: usize,
    pub bytes: u64,
}

/// Something the reader should know that is not a rule's result: a stale or expired waiver,
/// a file that could not be looked at.
#[derive(Debug, Clone, Serialize)]
pub struct Notice {
    pub kind: &'static str,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
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
    pub results: Vec<RuleResult>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notices: Vec<Notice>,
}

impl Report {
    pub fn fails_at(&self, threshold: Option<Severity>) -> bool {
        self.results.iter().any(|r| r.fails_at(threshold))
    }
}

pub fn tool() -> ToolInfo {
    ToolInfo {
        name: "bidlint",
        version: env!("CARGO_PKG_VERSION"),
    }
}
