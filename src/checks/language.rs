//! `language`: the selected documents are written in the given language (« rédigés en
//! langue française »). The finding names the language found. A document with too little
//! text to tell is left to a human.

use super::CompileError;
use super::documents::{Judge, each_text};
use super::select::FileSelector;
use crate::analysis::language;
use crate::engine::{Context, Outcome};
use crate::pack::model::Language;

#[derive(Debug, Clone)]
pub struct Compiled {
    code: String,
    select: FileSelector,
}

pub fn compile(c: &Language, errors: &mut Vec<CompileError>) -> Compiled {
    let code = c.language.trim().to_lowercase();
    if language::name_fr(&code).is_none() {
        errors.push(CompileError::new(
            "language",
            format!(
                "langue inconnue « {} » : code ISO 639-1 attendu ({})",
                c.language,
                language::SUPPORTED.join(", ")
            ),
        ));
    }
    Compiled {
        code,
        select: FileSelector::compile(c.select.as_ref(), errors),
    }
}

pub fn evaluate(c: &Compiled, ctx: &Context) -> Outcome {
    let mut judge = Judge::default();
    let expected = language::name_fr(&c.code).unwrap_or("?");
    each_text(&c.select, ctx, &mut judge, |f, facts, judge| {
        match &facts.language {
            // Too little text to have a language (a table of figures): nothing to judge.
            None => {}
            Some(d) if d.code == c.code => {}
            Some(d) if !d.reliable => {
                judge.unverifiable(f, &format!("langue incertaine ({} probable)", d.name_fr()))
            }
            Some(d) => judge.findings.push(
                ctx.file_finding(
                    f,
                    format!(
                        "rédigé en {} (confiance {:.0} %), pas en {expected}",
                        d.name_fr(),
                        d.confidence * 100.0
                    ),
                )
                .suggest(format!(
                    "fournir le document en {expected} (ou sa traduction)"
                )),
            ),
        }
    });
    judge.outcome("aucun document concerné dans le dossier")
}
