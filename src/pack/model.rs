//! The rule-pack file format, exactly as users write it in YAML.
//!
//! This is the *raw* model: what serde reads. Regexes, dates and references between rules are
//! kept as text here and checked by [`crate::pack::compile`], so that every problem can be
//! reported with the line and column of the offending value.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use crate::checks::Check;
use crate::vocabulary::{Form, Phase};
pub use crate::vocabulary::{Format, LotDef, LotId, Severity, SourceKind, Territory};

/// A rule pack: the minimum requirements of one consultation (or a shared base such as `place`).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PackFile {
    /// Identifier used on the command line and in `consultation:` (`caih-aos-2026`).
    pub pack: String,
    /// Human title of the consultation.
    pub title: String,
    /// Version of the pack, bumped when a rule changes.
    pub version: String,
    /// Packs whose rules this pack inherits (built-in ids or paths relative to this file).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extends: Vec<String>,
    /// Keep only these inherited rules (ids). Rules defined in this pack are always kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub only: Option<Vec<String>>,
    /// Drop these inherited rules (ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub except: Vec<String>,
    /// Source documents cited by the rules, by key (`rc`, `webinaire-2026`…).
    #[serde(default)]
    pub sources: BTreeMap<String, SourceDoc>,
    /// Deadline of each phase (RFC 3339 date or date-time).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub deadlines: BTreeMap<Phase, String>,
    /// The consultation's lots; empty for a consultation without lots.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lots: Option<Vec<LotDef>>,
    /// What the texts leave open, and how the pack reads it (shown by `bidlint rules`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// Field-by-field changes to inherited rules.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overrides: Vec<RuleOverride>,
    /// The rules this pack defines.
    #[serde(default)]
    pub rules: Vec<RuleDef>,
}

/// A cited document: a plain title, or a title with its kind and reference.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum SourceDoc {
    Title(String),
    Detailed(SourceDocDetail),
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceDocDetail {
    pub title: String,
    /// `consultation` (RC, CCAP…), `webinar` (questions/answers), `case-law`, `guide`.
    #[serde(default)]
    pub kind: SourceKind,
    /// Date, number or address that identifies the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
}

impl SourceDoc {
    pub fn title(&self) -> &str {
        match self {
            SourceDoc::Title(t) => t,
            SourceDoc::Detailed(d) => &d.title,
        }
    }
    pub fn kind(&self) -> SourceKind {
        match self {
            SourceDoc::Title(_) => SourceKind::Consultation,
            SourceDoc::Detailed(d) => d.kind,
        }
    }
    pub fn reference(&self) -> Option<&str> {
        match self {
            SourceDoc::Title(_) => None,
            SourceDoc::Detailed(d) => d.reference.as_deref(),
        }
    }
}

/// One requirement of the consultation.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleDef {
    /// Stable identifier (`CAIH-NOM-30`): scripts, waivers and overrides rely on it.
    pub id: String,
    /// The requirement in one line, in French.
    pub title: String,
    pub severity: Severity,
    /// Phases the rule applies to; every phase when omitted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phases: Option<Vec<Phase>>,
    /// Condition on manifest facts; the rule is `skip` when it does not hold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<When>,
    /// Where the requirement comes from, quoted verbatim.
    pub source: SourceRef,
    /// How to fix a failure, in French; says how an ambiguous text was read.
    pub help: String,
    /// Set to false to ship a rule switched off.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub enabled: bool,
    pub check: Check,
}

/// What a `help` writes where the bid's own member belongs: « nommée
/// 26_01_DC_DH_{membre}.pdf » reads « 26_01_DC_DH_Gamma.pdf » in Gamma's report.
pub const MEMBER_PLACEHOLDER: &str = "{membre}";

impl RuleDef {
    /// The help, `{membre}` said with `member`'s short name, or « <nom court> » when no bid
    /// is at hand (`explain`, the checklist, a portfolio).
    pub fn help_for(&self, member: Option<&str>) -> String {
        self.help
            .replace(MEMBER_PLACEHOLDER, member.unwrap_or("<nom court>"))
    }
}

fn yes() -> bool {
    true
}
fn is_true(b: &bool) -> bool {
    *b
}

/// The clause a rule comes from.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceRef {
    /// Key in the pack's `sources:`.
    pub doc: String,
    /// Article, section, annex, question number…
    pub section: String,
    /// The words of the clause, verbatim (an ellipsis … marks a cut).
    pub quote: String,
}

/// Field-by-field change to an inherited rule.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleOverride {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phases: Option<Vec<Phase>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// Conditions on the manifest's facts. Every condition given must hold.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct When {
    /// The candidate's form (`candidate.form`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<Form>,
    /// The bid applies for at least one of these lots (`lots`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lots_any: Option<Vec<LotId>>,
}
