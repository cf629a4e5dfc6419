//! `declared-members`: the groupement's candidature letter (DC1 or free form) and the
//! manifest name the same operators. A member of `bid.yaml` that the letter does not name, or
//! a company the letter names (by its SIREN) that `bid.yaml` does not declare, means one of
//! the two is wrong — and in the second case that company's pieces were never checked. Which
//! of the two is wrong only a person can tell: both are « à vérifier », never a rejection, and
//! never silence. A member's own letter or DUME, which names only its author, is not judged.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::CompileError;
use super::holder::company;
use super::kind::{BidCheck, CheckKind};
use super::params::Selector;
use super::per_document::{DocumentFindings, each_text};
use super::select::FileSelector;
use crate::analysis::holder::Mentions;
use crate::checks::{Context, Outcome};
use crate::say;
use crate::siret::siren_of;
use crate::text::fold;
use crate::vocabulary::{Role, Scope};

/// The groupement's candidature letter names every operator of the manifest, and the
/// manifest declares every company the letter names (by SIREN).
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DeclaredMembers {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub select: Option<Selector>,
}

#[derive(Debug, Clone)]
pub struct MemberList {
    select: FileSelector,
}

impl CheckKind for DeclaredMembers {
    type Compiled = MemberList;

    fn compile(&self, errors: &mut Vec<CompileError>) -> MemberList {
        if self.select.is_none() {
            errors.push(CompileError::new(
                "select",
                "indiquez la lettre de candidature à lire (`select: { pieces: [...] }`)",
            ));
        }
        MemberList {
            select: FileSelector::compile(self.select.as_ref(), errors),
        }
    }

    fn describe(&self) -> Vec<String> {
        vec![format!(
            "La lettre de candidature du groupement ({}) nomme chacun des membres du bid.yaml (sous-traitants à part), et le bid.yaml déclare chaque société qu'elle cite ; sinon, « à vérifier ».",
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

impl BidCheck for MemberList {
    fn evaluate(&self, ctx: &Context, _: &str) -> Outcome {
        let Some(members) = ctx.manifest.members.as_deref() else {
            return Outcome::missing(ctx.lang, &["members".to_string()]);
        };
        let mut judge = DocumentFindings::default();
        each_text(&self.select, ctx, &mut judge, |f, facts, judge| {
            let folded = fold(&facts.text);
            let mentions = Mentions::of(&facts.text);
            let named: Vec<bool> = members
                .iter()
                .map(|m| mentions.names(&company(m)))
                .collect();
            // A letter for the groupement names several members or speaks of the groupement; a
            // member's own DUME does neither.
            let joint = named.iter().filter(|n| **n).count() >= 2
                || (folded.contains("groupement") && !folded.contains("document unique de marche"));
            if !joint {
                return;
            }
            for (m, _) in members
                .iter()
                .zip(&named)
                .filter(|(m, n)| !**n && m.role != Some(Role::SousTraitant))
            {
                let name = &m.name;
                judge.unverifiable(
                    f,
                    &say!(
                        ctx.lang,
                        "la lettre de candidature ne nomme pas {name}, membre du groupement dans bid.yaml : compléter la lettre ou corriger bid.yaml",
                        "the candidacy letter does not name {name}, a member of the groupement in bid.yaml: complete the letter or correct bid.yaml"
                    ),
                );
            }
            let declared: Vec<String> = members
                .iter()
                .filter_map(|m| m.siret.as_deref().map(siren_of))
                .collect();
            for siren in mentions.sirens.iter().filter(|s| !declared.contains(s)) {
                judge.unverifiable(
                    f,
                    &say!(
                        ctx.lang,
                        "la lettre de candidature cite le SIREN {siren}, qu'aucun membre de bid.yaml ne porte : si c'est un membre du groupement, le déclarer dans bid.yaml, ses pièces n'ont pas été contrôlées",
                        "the candidacy letter cites SIREN {siren}, which no member of bid.yaml bears: if it is a member of the groupement, declare it in bid.yaml; its pieces were not checked"
                    ),
                );
            }
        });
        judge.outcome(
            ctx.lang,
            ctx.lang.t(
                "aucune lettre de candidature dans le dossier",
                "no candidacy letter in the bid",
            ),
        )
    }

    fn needs_documents(&self) -> bool {
        true
    }
}
