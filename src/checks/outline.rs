//! `outline`: a document follows an imposed plan (« le mémoire technique respectera le plan
//! suivant »): every chapter and section present, in order, with its numbering and title.
//! Headings are taken from the heading styles of a Word or OpenDocument file, and from the
//! lines of text of a PDF; matching ignores case, accents, punctuation, spacing and
//! « CHAPITRE n – » prefixes (see `analysis::outline`).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::CompileError;
use super::kind::{BidCheck, CheckKind};
use super::params::Selector;
use super::per_document::{DocumentFindings, each_text};
use super::select::FileSelector;
use crate::analysis::outline::{PlanEntry, check_outline};
use crate::checks::{Context, Outcome};
use crate::vocabulary::Scope;
use crate::yaml_spans::YamlPath;

/// A document's headings follow an imposed plan: every entry present, in order, with its
/// numbering.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Outline {
    pub plan: Vec<PlanItem>,
    /// Chapters or sections that are not in the plan are accepted.
    #[serde(default)]
    pub allow_extra: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub select: Option<Selector>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanItem {
    /// `1`, `2.3`…
    pub number: String,
    pub title: String,
}

#[derive(Debug, Clone)]
pub struct ImposedPlan {
    plan: Vec<PlanEntry>,
    allow_extra: bool,
    select: FileSelector,
}

impl CheckKind for Outline {
    type Compiled = ImposedPlan;

    fn compile(&self, errors: &mut Vec<CompileError>) -> ImposedPlan {
        if self.plan.is_empty() {
            errors.push(CompileError::new("plan", "le plan imposé est vide"));
        }
        for (i, item) in self.plan.iter().enumerate() {
            let ok = !item.number.is_empty()
                && item
                    .number
                    .split('.')
                    .all(|n| !n.is_empty() && n.chars().all(|ch| ch.is_ascii_digit()));
            if !ok {
                errors.push(CompileError::new(
                    YamlPath::from("plan").index(i).key("number"),
                    format!("numéro « {} » : attendu 1, 2.3, 2.3.1…", item.number),
                ));
            }
        }
        ImposedPlan {
            plan: self
                .plan
                .iter()
                .map(|p| PlanEntry {
                    number: p.number.clone(),
                    title: p.title.clone(),
                })
                .collect(),
            allow_extra: self.allow_extra,
            select: FileSelector::compile(self.select.as_ref(), errors),
        }
    }

    fn describe(&self) -> Vec<String> {
        let chapters: Vec<String> = self
            .plan
            .iter()
            .filter(|p| !p.number.contains('.'))
            .map(|p| format!("{} {}", p.number, p.title))
            .collect();
        vec![
            format!(
                "Les titres du document ({}) suivent le plan imposé, dans l'ordre, avec leur numérotation : {} ({} entrées en tout).",
                super::describe::files(self.select.as_ref()),
                chapters.join(" ; "),
                self.plan.len()
            ),
            if self.allow_extra {
                "Des chapitres supplémentaires sont permis.".to_string()
            } else {
                "Aucun chapitre hors du plan.".to_string()
            },
        ]
    }

    fn scope(&self) -> Scope {
        super::describe::selected(self.select.as_ref())
    }

    fn selector(&self) -> Option<&Selector> {
        self.select.as_ref()
    }
}

impl BidCheck for ImposedPlan {
    fn evaluate(&self, ctx: &Context, _: &str) -> Outcome {
        let mut judge = DocumentFindings::default();
        each_text(&self.select, ctx, &mut judge, |f, facts, judge| {
            let lines = facts.heading_candidates();
            for problem in check_outline(&self.plan, &lines, self.allow_extra) {
                judge
                    .findings
                    .push(
                        ctx.file_finding(f, problem.message(ctx.lang))
                            .suggest(ctx.lang.t(
                            "suivre le plan imposé : numéros et titres de l'annexe, dans l'ordre",
                            "follow the imposed plan: the annex's numbers and titles, in order",
                        )),
                    );
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
