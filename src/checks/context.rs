//! What a check sees: the manifest's facts, the folder's files, the phase and deadline, and
//! the pieces already recognised. Read-only: checks compute, they never change anything.

use std::collections::HashMap;

use crate::dates::DateSpec;
use crate::documents::pool::Documents;
use crate::inventory::{FileEntry, Inventory};
use crate::manifest::{Manifest, Member};
use crate::say;
use crate::vocabulary::{Finding, Lang, LotDef, Phase, Status};

/// Files recognised as each piece rule's document, by rule id.
pub type PieceIndex = HashMap<String, Recognized>;

#[derive(Debug, Clone, Default)]
pub struct Recognized {
    /// Indices into `Inventory::files`.
    pub files: Vec<usize>,
    /// Paths mapped in the manifest's `pieces:` that are not in the folder.
    pub missing_mapped: Vec<String>,
    /// Of `files`, those recognised by their content rather than their name.
    pub by_content: Vec<usize>,
}

pub struct Context<'a> {
    pub manifest: &'a Manifest,
    /// How findings about manifest facts name the manifest (`bid.yaml`).
    pub manifest_name: &'a str,
    pub inventory: &'a Inventory,
    pub phase: Option<Phase>,
    pub deadline: Option<&'a DateSpec>,
    /// The consultation's lots, when a pack states them (`Some(empty)`: no lots).
    pub pack_lots: Option<&'a [LotDef]>,
    pub pieces: &'a PieceIndex,
    /// What was read inside the documents (empty when no rule needs it).
    pub documents: &'a Documents,
    /// The language findings, reasons and evidence are written in.
    pub lang: Lang,
}

impl Context<'_> {
    pub fn members(&self) -> &[Member] {
        self.manifest.members.as_deref().unwrap_or_default()
    }
    pub fn member_label(&self, idx: Option<usize>) -> Option<&str> {
        idx.and_then(|i| self.members().get(i)).map(Member::label)
    }
    pub fn file(&self, idx: usize) -> &FileEntry {
        &self.inventory.files[idx]
    }

    /// A finding on a file, with its member.
    pub fn file_finding(&self, f: &FileEntry, message: impl Into<String>) -> Finding {
        Finding::new(message)
            .at(&f.rel)
            .member(self.member_label(f.member))
    }

    /// A finding on a manifest fact.
    pub fn manifest_finding(&self, message: impl Into<String>) -> Finding {
        Finding::new(message).at(self.manifest_name)
    }
}

/// What a check concludes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub status: Status,
    pub reason: Option<String>,
    pub findings: Vec<Finding>,
    pub evidence: Vec<String>,
    /// Where the manifest contradicts a document (« bid.yaml dit 30/06/2027, le certificat
    /// dit 31/03/2027 »): one of the two is wrong, but the document is what the buyer reads,
    /// so it is reported as a manifest inconsistency, not as a defect of the bid.
    pub manifest_notes: Vec<Finding>,
}

impl Outcome {
    fn new(status: Status, reason: Option<String>) -> Outcome {
        Outcome {
            status,
            reason,
            findings: Vec::new(),
            evidence: Vec::new(),
            manifest_notes: Vec::new(),
        }
    }
    pub fn pass() -> Outcome {
        Outcome::new(Status::Pass, None)
    }

    /// Pass when nothing was found wrong, fail otherwise.
    pub fn from_findings(findings: Vec<Finding>) -> Outcome {
        let status = if findings.is_empty() {
            Status::Pass
        } else {
            Status::Fail
        };
        Outcome {
            findings,
            ..Outcome::new(status, None)
        }
    }

    /// « sans objet »: the rule does not concern this bid.
    pub fn not_applicable(reason: impl Into<String>) -> Outcome {
        Outcome::new(Status::NotApplicable, Some(reason.into()))
    }

    /// « non évaluée »: something the rule needs is missing; never a pass.
    pub fn unknown(reason: impl Into<String>) -> Outcome {
        Outcome::new(Status::Unknown, Some(reason.into()))
    }

    /// A fact the rule needs is missing from the manifest: never a pass.
    pub fn missing(lang: Lang, fields: &[String]) -> Outcome {
        let list = fields
            .iter()
            .map(|f| format!("`{f}`"))
            .collect::<Vec<_>>()
            .join(", ");
        Outcome::unknown(say!(
            lang,
            "fait manquant dans le manifeste : {list}",
            "fact missing from the manifest: {list}"
        ))
    }
    /// « à vérifier à la main : … »: what only a person can judge, listed.
    pub fn by_hand(lang: Lang, what: &[String]) -> Outcome {
        let what = what.join(" ; ");
        Outcome::manual(say!(
            lang,
            "à vérifier à la main : {what}",
            "to check by hand: {what}"
        ))
    }
    pub fn manual(reason: impl Into<String>) -> Outcome {
        Outcome::new(Status::Manual, Some(reason.into()))
    }
    pub fn error(reason: impl Into<String>) -> Outcome {
        Outcome::new(Status::Error, Some(reason.into()))
    }
    pub fn with_evidence(mut self, evidence: Vec<String>) -> Outcome {
        self.evidence = evidence;
        self
    }
    pub fn with_manifest_notes(mut self, notes: Vec<Finding>) -> Outcome {
        self.manifest_notes = notes;
        self
    }

    /// Findings make a failure; without any, missing facts make a skip; else a pass.
    pub fn judge(lang: Lang, findings: Vec<Finding>, missing: Vec<String>) -> Outcome {
        if findings.is_empty() && !missing.is_empty() {
            let mut m = missing;
            m.dedup();
            Outcome::missing(lang, &m)
        } else {
            Outcome::from_findings(findings)
        }
    }
}
