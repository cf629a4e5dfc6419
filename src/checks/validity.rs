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
use crate::analysis::validity::{ValidityPeriod, latest_until, validity_periods};
use crate::checks::{Context, Outcome};
use crate::dates::{DateSpec, short_date};
use crate::inventory::FileEntry;
use crate::say;
use crate::vocabulary::{Finding, Scope};

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
            return Outcome::missing(ctx.lang, &["deadline".to_string()]);
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
                judge.unverifiable(
                    f,
                    ctx.lang.t(
                        "aucune date de validité lisible dans le document",
                        "no readable validity date in the document",
                    ),
                );
                return;
            };
            judge.findings.extend(dates_finding(ctx, f, last, deadline));
            if let Some(scheme) = &self.certification
                && let Some(declared) = declared_until(ctx, f.member, scheme)
                && declared.date != last.until
            {
                let declared = short_date(declared.date, ctx.lang);
                let until = short_date(last.until, ctx.lang);
                let note = say!(
                    ctx.lang,
                    "bid.yaml dit {declared} ({scheme}, valid_until), le document dit {until} : corriger bid.yaml ou joindre le bon document",
                    "bid.yaml says {declared} ({scheme}, valid_until), the document says {until}: correct bid.yaml or attach the right document"
                );
                judge.manifest_notes.push(ctx.file_finding(f, note));
            }
        });
        judge.outcome(
            ctx.lang,
            ctx.lang.t(
                "aucun document concerné dans le dossier",
                "no document concerned in the bid",
            ),
        )
    }

    fn needs_documents(&self) -> bool {
        true
    }
}

/// The document is expired on the deadline, or not yet valid then.
fn dates_finding(
    ctx: &Context,
    f: &FileEntry,
    last: &ValidityPeriod,
    deadline: &DateSpec,
) -> Option<Finding> {
    let excerpt = &last.excerpt;
    if last.until < deadline.date {
        let until = short_date(last.until, ctx.lang);
        let deadline = short_date(deadline.date, ctx.lang);
        return Some(
            ctx.file_finding(
                f,
                say!(
                    ctx.lang,
                    "expiré : valable jusqu'au {until}, date limite de remise le {deadline} (« {excerpt} »)",
                    "expired: valid until {until}, submission deadline {deadline} (\"{excerpt}\")"
                ),
            )
            .suggest(ctx.lang.t(
                "demander une attestation ou un certificat en cours de validité",
                "ask for a certificate or attestation valid on the deadline",
            )),
        );
    }
    let from = last.from.filter(|from| *from > deadline.date)?;
    let from = short_date(from, ctx.lang);
    Some(ctx.file_finding(
        f,
        say!(
            ctx.lang,
            "pas encore valable à la date limite : valable à partir du {from} (« {excerpt} »)",
            "not yet valid on the deadline: valid from {from} (\"{excerpt}\")"
        ),
    ))
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
