//! `validity`: a dated document — insurance attestation, certificate — is valid on the
//! deadline. Its dates of validity are read from its text (« valable jusqu'au 31/12/2026 »,
//! « du 01/01/2026 au 31/12/2026 », « Date d'expiration : 30 juin 2027 », `2027-06-30`);
//! with `certification`, the date read is also compared with the manifest's `valid_until`
//! for that scheme of the file's member: a disagreement is a finding (one of the two is
//! wrong, and the buyer reads the document). The document must have been issued to the member
//! it counts for (see [`super::holder`]).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::CompileError;
use super::holder::{self, HolderCheck};
use super::kind::{BidCheck, CheckKind};
use super::params::Selector;
use super::per_document::{DocumentFindings, each_text};
use super::select::FileSelector;
use crate::analysis::validity::{latest_until, validity_periods};
use crate::checks::{Context, Outcome};
use crate::dates::{DateSpec, fr_date};
use crate::vocabulary::Scope;

/// A dated document is valid on the deadline: its dates of validity are read from its
/// text; with `certification`, they are compared with the manifest's `valid_until` for that
/// scheme of the file's member.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Validity {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certification: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub select: Option<Selector>,
}

#[derive(Debug, Clone)]
pub struct DatedDocuments {
    certification: Option<String>,
    select: FileSelector,
}

impl CheckKind for Validity {
    type Compiled = DatedDocuments;

    fn compile(&self, errors: &mut Vec<CompileError>) -> DatedDocuments {
        if self.select.is_none() {
            errors.push(CompileError::new(
                "select",
                "indiquez les documents datés à lire (`select: { pieces: [...] }`)",
            ));
        }
        DatedDocuments {
            certification: self.certification.clone(),
            select: FileSelector::compile(self.select.as_ref(), errors),
        }
    }

    fn describe(&self) -> Vec<String> {
        vec![format!(
            "Chaque document daté ({}) est valable à la date limite, d'après les dates lues dans son texte, et il est au nom du membre pour qui il est déposé.{}",
            super::describe::files(self.select.as_ref()),
            if self.certification.is_some() {
                " Un désaccord avec la date du bid.yaml est signalé en remarque."
            } else {
                ""
            }
        )]
    }

    fn scope(&self) -> Scope {
        super::describe::selected(self.select.as_ref())
    }

    fn selector(&self) -> Option<&Selector> {
        self.select.as_ref()
    }
}

impl BidCheck for DatedDocuments {
    fn evaluate(&self, ctx: &Context, _: &str) -> Outcome {
        let Some(deadline) = ctx.deadline else {
            return Outcome::missing(&["deadline".to_string()]);
        };
        let mut judge = DocumentFindings::default();
        each_text(&self.select, ctx, &mut judge, |f, facts, judge| {
            // A document issued to another company says nothing of the member's validity.
            match holder::check(ctx, f, &facts.text, "document") {
                HolderCheck::Fine => {}
                HolderCheck::Wrong(finding) => {
                    judge.findings.push(finding);
                    return;
                }
                HolderCheck::Unreadable(why) => judge.unverifiable(f, &why),
            }
            let periods = validity_periods(&facts.text);
            let Some(last) = latest_until(&periods) else {
                judge.unverifiable(f, "aucune date de validité lisible dans le document");
                return;
            };
            if last.until < deadline.date {
                judge.findings.push(
                    ctx.file_finding(
                        f,
                        format!(
                            "expiré : valable jusqu'au {}, date limite de remise le {} (« {} »)",
                            fr_date(last.until),
                            fr_date(deadline.date),
                            last.excerpt
                        ),
                    )
                    .suggest("demander une attestation ou un certificat en cours de validité"),
                );
            } else if let Some(from) = last.from
                && from > deadline.date
            {
                judge.findings.push(ctx.file_finding(
                    f,
                    format!(
                        "pas encore valable à la date limite : valable à partir du {} (« {} »)",
                        fr_date(from),
                        last.excerpt
                    ),
                ));
            }
            if let Some(scheme) = &self.certification
                && let Some(declared) = declared_until(ctx, f.member, scheme)
                && declared.date != last.until
            {
                judge.manifest_notes.push(ctx.file_finding(
                f,
                format!(
                    "bid.yaml dit {} ({scheme}, valid_until), le document dit {} : corriger bid.yaml ou joindre le bon document",
                    fr_date(declared.date),
                    fr_date(last.until)
                ),
            ));
            }
        });
        judge.outcome("aucun document concerné dans le dossier")
    }

    fn needs_documents(&self) -> bool {
        true
    }
}

/// The manifest's `valid_until` for `scheme` of the member.
fn declared_until(ctx: &Context, member: Option<usize>, scheme: &str) -> Option<DateSpec> {
    let m = ctx.members().get(member?)?;
    m.certifications
        .iter()
        .flatten()
        .find(|c| c.scheme.eq_ignore_ascii_case(scheme))
        .and_then(|c| c.valid_until.as_deref())
        .and_then(|d| DateSpec::parse(d).ok())
}
