//! `holder`: whose document is it. A certificate, an attestation or a declaration counts for
//! the member it is attributed to only if it was issued to that member. The check kind judges
//! the selected pieces (a sworn declaration, a Kbis); [`check`] is shared with the kinds that
//! read such documents for other facts (`validity`, `certification`). A document issued to
//! another company fails the rule that needs it, naming both; a holder that cannot be read
//! leaves it « à vérifier ».

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::CompileError;
use super::kind::{BidCheck, CheckKind};
use super::params::Selector;
use super::per_document::{DocumentFindings, each_text};
use super::select::FileSelector;
use crate::analysis::holder::{Company, Holder, holder_of};
use crate::checks::{Context, Outcome};
use crate::inventory::FileEntry;
use crate::manifest::Member;
use crate::say;
use crate::vocabulary::{Finding, Role, Scope};

/// The selected documents (sworn declarations, attestations, Kbis) were issued to the member
/// they are filed for: its name or SIREN is in their text. A document of another company fails;
/// one whose holder cannot be read is left to a human.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentHolder {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub select: Option<Selector>,
}

#[derive(Debug, Clone)]
pub struct ExpectedHolder {
    select: FileSelector,
}

impl CheckKind for DocumentHolder {
    type Compiled = ExpectedHolder;

    fn compile(&self, errors: &mut Vec<CompileError>) -> ExpectedHolder {
        if self.select.is_none() {
            errors.push(CompileError::new(
                "select",
                "indiquez les pièces dont le titulaire est contrôlé (`select: { pieces: [...] }`)",
            ));
        }
        ExpectedHolder {
            select: FileSelector::compile(self.select.as_ref(), errors),
        }
    }

    fn describe(&self) -> Vec<String> {
        vec![format!(
            "Chaque document ({}) est au nom du membre pour qui il est déposé (son nom ou son SIREN y figure) ; au nom d'une autre société, il ne vaut pas pour lui ; sans titulaire lisible, il est « à vérifier ».",
            super::describe::files(self.select.as_ref())
        )]
    }

    fn scope(&self) -> Scope {
        super::describe::selected(self.select.as_ref())
    }

    fn selector(&self) -> Option<&Selector> {
        self.select.as_ref()
    }
}

impl BidCheck for ExpectedHolder {
    fn evaluate(&self, ctx: &Context, _: &str) -> Outcome {
        // No separate document to judge: its presence is the piece rule's business, and a piece
        // given inside another (the DC1's sworn declarations) is judged with that other one.
        if self.select.files(ctx).next().is_none() {
            return Outcome::not_applicable(ctx.lang.t(
                "aucun document distinct à contrôler",
                "no separate document to check",
            ));
        }
        let mut judge = DocumentFindings::default();
        each_text(
            &self.select,
            ctx,
            &mut judge,
            |f, facts, judge| match check(ctx, f, &facts.text, "document") {
                HolderCheck::Fine => {}
                HolderCheck::Wrong(finding) => judge.findings.push(finding),
                HolderCheck::Unreadable(why) => judge.unverifiable(f, &why),
            },
        );
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

/// What the document's holder means for the rule.
pub enum HolderCheck {
    /// Issued to the member (or no member to compare with).
    Fine,
    /// Issued to another company.
    Wrong(Finding),
    /// The holder could not be read: for a human, with the reason.
    Unreadable(String),
}

/// The member a file is judged for: its own, or the only operator of a bid that has one
/// (an individual candidate's files often carry no member token).
pub fn member_of<'a>(ctx: &'a Context, f: &FileEntry) -> Option<(usize, &'a Member)> {
    if let Some(i) = f.member {
        return ctx.members().get(i).map(|m| (i, m));
    }
    let mut operators = ctx
        .members()
        .iter()
        .enumerate()
        .filter(|(_, m)| m.role != Some(Role::SousTraitant));
    match (operators.next(), operators.next()) {
        (Some(only), None) => Some(only),
        _ => None,
    }
}

/// A member as the holder analysis compares it.
pub(crate) fn company(m: &Member) -> Company<'_> {
    Company {
        name: &m.name,
        siret: m.siret.as_deref(),
    }
}

/// Judge the holder of `f` (whose text is `text`) against the member it counts for; `what`
/// names the document in findings (« certificat HDS », « attestation »).
pub fn check(ctx: &Context, f: &FileEntry, text: &str, what: &str) -> HolderCheck {
    let Some((idx, member)) = member_of(ctx, f) else {
        return HolderCheck::Fine;
    };
    let others: Vec<Company> = ctx
        .members()
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != idx)
        .map(|(_, m)| company(m))
        .collect();
    match holder_of(text, company(member), &others) {
        Holder::Expected => HolderCheck::Fine,
        Holder::Other(name) => {
            let member_name = &member.name;
            HolderCheck::Wrong(
                Finding::new(say!(
                    ctx.lang,
                    "{what} au nom de « {name} », et non de {member_name} : il ne vaut pas pour ce membre",
                    "{what} in the name of \"{name}\", not of {member_name}: it does not count for this member"
                ))
                .at(&f.rel)
                .member(Some(member.label()))
                .suggest(say!(
                    ctx.lang,
                    "joindre le document au nom de {member_name}",
                    "attach the document in the name of {member_name}"
                )),
            )
        }
        Holder::Unreadable { cited } => {
            let name = &member.name;
            let mut why = say!(
                ctx.lang,
                "titulaire non lu : ni le nom ni le SIREN de {name} n'apparaissent dans le document",
                "holder not read: neither the name nor the SIREN of {name} appears in the document"
            );
            if let Some(s) = cited {
                why.push_str(&say!(
                    ctx.lang,
                    " (il cite le SIREN {s})",
                    " (it cites SIREN {s})"
                ));
            }
            HolderCheck::Unreadable(why)
        }
    }
}
