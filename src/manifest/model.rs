//! The bid manifest `bid.yaml`: the facts about a bid that its files alone cannot show.
//!
//! Every field is optional except `consultation`. A rule that needs a missing fact reports
//! `unknown` naming the field, never `pass`.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::vocabulary::LotId;
pub use crate::vocabulary::{Form, Phase, Role};

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// Built-in pack id (`caih-aos-2026`) or path to a pack file, relative to the manifest.
    pub consultation: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase: Option<Phase>,
    /// RFC 3339 date or date-time; overrides the pack's deadline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub candidate: Option<Candidate>,
    /// Lots applied for; omit for a consultation without lots.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lots: Option<Vec<LotId>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub members: Option<Vec<Member>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hosting: Option<Hosting>,
    /// Explicit mapping: rule id -> file(s) relative to the folder, for pieces the tool could
    /// not recognise by itself.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub pieces: BTreeMap<String, PieceFiles>,
    /// Accepted deviations, reported as `waived` with their reason.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub waivers: Vec<Waiver>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Candidate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<Form>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Member {
    pub name: String,
    /// The supplier token used in file names (`…_Alpha.pdf`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short: Option<String>,
    /// 14 digits; identifies the operator across bids (portfolio).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub siret: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// Sub-folder (relative to the bid folder) holding this member's pieces.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub folder: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redressement_judiciaire: Option<bool>,
    /// True for the member providing the hosting services.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hosting: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certifications: Option<Vec<CertificationFact>>,
}

impl Member {
    /// The name used in findings: the file-name token when there is one.
    pub fn label(&self) -> &str {
        self.short.as_deref().unwrap_or(&self.name)
    }
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CertificationFact {
    /// `HDS`, `SecNumCloud`, `ISO27001`…
    pub scheme: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// Activities covered (HDS: 1 to 6).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activities: Option<Vec<u8>>,
    /// Last day of validity (RFC 3339 date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<String>,
    /// `held` (default) or `committed`: the member commits to obtain it before the services
    /// start (accepted only where the consultation allows it, e.g. ANS lot 2).
    #[serde(default)]
    pub status: CertificationStatus,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum CertificationStatus {
    #[default]
    Held,
    Committed,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Hosting {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub datacenters: Option<Vec<Datacenter>>,
    /// Countries (ISO 3166-1 alpha-2) from which hosting is operated or administered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub administration: Option<Vec<String>>,
    /// Every place the data is transferred to or accessed from outside the hosting itself:
    /// subprocessors, publisher support, remote maintenance. `[]` declares that there is none;
    /// omitted, the question is left unanswered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transfers: Option<Vec<Transfer>>,
}

/// A transfer of, or access to, the data from a country.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Transfer {
    /// ISO 3166-1 alpha-2 of the place the data goes to or is accessed from.
    pub country: String,
    /// Who receives or accesses the data (« support éditeur », « sous-traitant de sauvegarde »).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Datacenter {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// ISO 3166-1 alpha-2; French overseas territories use their own codes (GP MQ GF RE YT MF
    /// BL PM PF NC WF TF).
    pub country: String,
}

/// The file(s) deposited for a piece: one path, a list, or per member (`{Beta: beta/x.pdf}`),
/// which also attributes each file to that member.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum PieceFiles {
    One(String),
    Many(Vec<String>),
    ByMember(BTreeMap<String, FileList>),
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum FileList {
    One(String),
    Many(Vec<String>),
}

impl FileList {
    pub fn as_slice(&self) -> &[String] {
        match self {
            FileList::One(s) => std::slice::from_ref(s),
            FileList::Many(v) => v,
        }
    }
}

impl PieceFiles {
    /// Every (member token if given, path) pair.
    pub fn entries(&self) -> Vec<(Option<&str>, &str)> {
        match self {
            PieceFiles::One(s) => vec![(None, s.as_str())],
            PieceFiles::Many(v) => v.iter().map(|s| (None, s.as_str())).collect(),
            PieceFiles::ByMember(m) => m
                .iter()
                .flat_map(|(who, files)| {
                    files
                        .as_slice()
                        .iter()
                        .map(move |f| (Some(who.as_str()), f.as_str()))
                })
                .collect(),
        }
    }

    pub fn paths(&self) -> Vec<&str> {
        self.entries().into_iter().map(|(_, p)| p).collect()
    }
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Waiver {
    pub rule: String,
    /// Why the deviation is accepted (who accepted it, when).
    pub reason: String,
    /// Last day the waiver applies (RFC 3339 date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires: Option<String>,
}
