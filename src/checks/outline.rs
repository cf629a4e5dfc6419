//! `outline`: a document follows an imposed plan (« le mémoire technique respectera le plan
//! suivant »): every chapter and section present, in order, with its numbering and title.
//! Headings are taken from the heading styles of a Word or OpenDocument file, and from the
//! lines of text of a PDF; matching ignores case, accents, punctuation, spacing and
//! « CHAPITRE n – » prefixes (see `analysis::outline`).

use super::CompileError;
use super::documents::{Judge, each_text};
use super::select::FileSelector;
use crate::analysis::outline::{PlanEntry, check_outline};
use crate::checks::{Context, Outcome};
use crate::pack::model::Outline;

#[derive(Debug, Clone)]
pub struct Compiled {
    plan: Vec<PlanEntry>,
    allow_extra: bool,
    select: FileSelector,
}

pub fn compile(c: &Outline, errors: &mut Vec<CompileError>) -> Compiled {
    if c.plan.is_empty() {
        errors.push(CompileError::new("plan", "le plan imposé est vide"));
    }
    for (i, item) in c.plan.iter().enumerate() {
        let ok = !item.number.is_empty()
            && item
                .number
                .split('.')
                .all(|n| !n.is_empty() && n.chars().all(|ch| ch.is_ascii_digit()));
        if !ok {
            errors.push(CompileError::new(
                format!("plan[{i}].number"),
                format!("numéro « {} » : attendu 1, 2.3, 2.3.1…", item.number),
            ));
        }
    }
    Compiled {
        plan: c
            .plan
            .iter()
            .map(|p| PlanEntry {
                number: p.number.clone(),
                title: p.title.clone(),
            })
            .collect(),
        allow_extra: c.allow_extra,
        select: FileSelector::compile(c.select.as_ref(), errors),
    }
}

pub fn evaluate(c: &Compiled, ctx: &Context) -> Outcome {
    let mut judge = Judge::default();
    each_text(&c.select, ctx, &mut judge, |f, facts, judge| {
        let lines = facts.heading_candidates();
        for problem in check_outline(&c.plan, &lines, c.allow_extra) {
            judge
                .findings
                .push(ctx.file_finding(f, problem.message_fr()).suggest(
                    "suivre le plan imposé : numéros et titres de l'annexe, dans l'ordre",
                ));
        }
    });
    judge.outcome("aucun document concerné dans le dossier")
}
