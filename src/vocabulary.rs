//! The words every layer shares: severities, phases, roles, lots, territories, file formats,
//! statuses and findings. This module imports nothing else from the crate, so that every
//! other module can depend on it without creating a cycle (see `tests/suite/architecture.rs`).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The language of the report's own words (findings, reasons, notices, units): French by
/// default, English with `--lang en`. The packs' words (titles, quotes, advice) stay as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    /// Pick the French or English form.
    pub fn t<'a>(self, fr: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }

    /// What comes between a label and what it introduces: « : » with its French space, ": ".
    pub fn colon(self) -> &'static str {
        self.t(" : ", ": ")
    }

    /// « 1, 2 et 3 » / "1, 2 and 3".
    pub fn and_list(self, items: &[String]) -> String {
        match items.split_last() {
            None => String::new(),
            Some((last, [])) => last.clone(),
            Some((last, rest)) => {
                format!("{} {} {last}", rest.join(", "), self.t("et", "and"))
            }
        }
    }
}

/// A sentence written before the report's language is known (by the folder walk, by a
/// document reader in its worker process, kept in the cache for runs in either language): both
/// forms, the report picks one.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Said {
    pub fr: String,
    pub en: String,
}

impl Said {
    pub fn new(fr: impl Into<String>, en: impl Into<String>) -> Said {
        Said {
            fr: fr.into(),
            en: en.into(),
        }
    }

    /// Words that are the same in both languages (a name, an operating system's message).
    pub fn same(text: impl Into<String>) -> Said {
        let text = text.into();
        Said {
            fr: text.clone(),
            en: text,
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        lang.t(&self.fr, &self.en)
    }
}

/// `said!("… {x} …", "… {x} …")`: a [`Said`], both forms formatted.
#[macro_export]
macro_rules! said {
    ($fr:literal, $en:literal $(, $arg:expr)* $(,)?) => {
        $crate::vocabulary::Said {
            fr: format!($fr $(, $arg)*),
            en: format!($en $(, $arg)*),
        }
    };
}

/// `say!(lang, "… {x} …", "… {x} …")`: the French or the English sentence, formatted. Both
/// forms are written at the place that knows what they mean, so a translation never drifts
/// from its original; the arguments are captured from the caller's scope.
#[macro_export]
macro_rules! say {
    ($lang:expr, $fr:literal, $en:literal $(, $arg:expr)* $(,)?) => {
        match $lang {
            $crate::vocabulary::Lang::Fr => format!($fr $(, $arg)*),
            $crate::vocabulary::Lang::En => format!($en $(, $arg)*),
        }
    };
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    #[default]
    Consultation,
    Webinar,
    CaseLaw,
    Guide,
}

/// A lot of the consultation: its number, or its number and title.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum LotDef {
    Id(LotId),
    Titled { id: LotId, title: String },
}

impl LotDef {
    pub fn id(&self) -> &LotId {
        match self {
            LotDef::Id(id) | LotDef::Titled { id, .. } => id,
        }
    }
}

/// A lot number (`2`) or name (`"2a"`); compared as text.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize, JsonSchema,
)]
#[serde(untagged)]
pub enum LotId {
    Number(u32),
    Name(String),
}

impl std::fmt::Display for LotId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LotId::Number(n) => write!(f, "{n}"),
            LotId::Name(s) => f.write_str(s),
        }
    }
}

impl LotId {
    /// Lots are compared by their text, so that `2` and `"2"` are the same lot.
    pub fn key(&self) -> String {
        self.to_string().trim().to_lowercase()
    }
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Document formats a piece may be deposited in, read from the file's content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Pdf,
    Docx,
    Doc,
    Odt,
    Rtf,
    Xlsx,
    Xls,
    Ods,
    Csv,
    Pptx,
    Odp,
    Txt,
    Png,
    Jpeg,
    Zip,
}

/// Allowed territory for hosting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
pub enum Territory {
    /// The 27 EU member states with their outermost regions (see SPEC §3).
    #[serde(rename = "EU")]
    Eu,
    /// Metropolitan France, Corsica included: country `FR` only.
    #[serde(rename = "FR-METRO")]
    FrMetro,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    Candidature,
    Offre,
}

impl Phase {
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Candidature => "candidature",
            Phase::Offre => "offre",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Form {
    Individuel,
    Groupement,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Individuel,
    Mandataire,
    Cotraitant,
    SousTraitant,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Individuel => "individuel",
            Role::Mandataire => "mandataire",
            Role::Cotraitant => "cotraitant",
            Role::SousTraitant => "sous-traitant",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Pass,
    Fail,
    /// « sans objet »: the rule does not apply to this bid (no member in redressement
    /// judiciaire, lot 2 not applied for).
    NotApplicable,
    /// « non évaluée »: a fact or a document the rule needs is missing (named in the reason).
    Unknown,
    Manual,
    Waived,
    Error,
}

impl Status {
    pub const ALL: [Status; 7] = [
        Status::Pass,
        Status::Fail,
        Status::NotApplicable,
        Status::Unknown,
        Status::Manual,
        Status::Waived,
        Status::Error,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Fail => "fail",
            Status::NotApplicable => "not-applicable",
            Status::Unknown => "unknown",
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

/// Where a requirement applies (the checklist's « périmètre »), said in the report's language
/// by `report::i18n`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Every file of the deposit.
    AllFiles,
    /// Once for the whole bid.
    Bid,
    /// Each member, or the members `criteria` select.
    Members {
        criteria: Option<MemberCriteria>,
        joint: JointDocument,
    },
    /// The manifest's `hosting:`.
    Hosting,
    /// The manifest's `lots:`.
    Lots,
    /// Every bid of an operator (`bidlint portfolio`).
    OperatorBids,
    /// A human's check.
    Human,
    /// The files recognised as these pieces (rule ids).
    Pieces(Vec<String>),
    /// The documents a selector picks.
    SelectedDocuments,
    /// Every document of the deposit.
    AllDocuments,
}

/// Which members a per-member requirement selects, as the pack writes it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MemberCriteria {
    pub roles: Vec<Role>,
    pub hosting: Option<bool>,
    pub redressement_judiciaire: Option<bool>,
    pub except_roles: Vec<Role>,
}

impl MemberCriteria {
    /// Only some roles are left out: every other member is asked.
    pub fn only_excludes(&self) -> bool {
        self.roles.is_empty() && self.hosting.is_none() && self.redressement_judiciaire.is_none()
    }
}

/// Whether one document for the groupement stands for its members.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum JointDocument {
    #[default]
    No,
    /// One document for all (deposited by the mandataire or at the root).
    Admitted,
    /// One document for each member it names.
    IfNamed,
}
