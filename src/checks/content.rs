//! `content`: the selected documents contain (`must`) or do not contain (`must_not`)
//! patterns — an e-mail address in the acte d'engagement, no amount in dollars, no external
//! download link in place of a piece. Patterns are regexes on the text, case-insensitive.

use regex::Regex;

use super::documents::{Judge, each_text, excerpt};
use super::select::FileSelector;
use super::{CompileError, text_regex_from};
use crate::checks::{Context, Outcome};
use crate::pack::model::Content;

#[derive(Debug, Clone)]
pub struct Compiled {
    must: Vec<(Regex, String)>,
    must_not: Vec<(Regex, String)>,
    select: FileSelector,
}

pub fn compile(c: &Content, errors: &mut Vec<CompileError>) -> Compiled {
    if c.must.is_empty() && c.must_not.is_empty() {
        errors.push(CompileError::new("", "indiquez `must` ou `must_not`"));
    }
    let mut patterns = |list: &[crate::pack::model::TextPattern], field: &str| {
        list.iter()
            .enumerate()
            .filter_map(|(i, p)| match text_regex_from(&p.pattern, true) {
                Ok(r) => Some((r, p.label.clone())),
                Err(e) => {
                    errors.push(CompileError::new(format!("{field}[{i}].pattern"), e));
                    None
                }
            })
            .collect()
    };
    Compiled {
        must: patterns(&c.must, "must"),
        must_not: patterns(&c.must_not, "must_not"),
        select: FileSelector::compile(c.select.as_ref(), errors),
    }
}

pub fn evaluate(c: &Compiled, ctx: &Context) -> Outcome {
    let mut judge = Judge::default();
    each_text(&c.select, ctx, &mut judge, |f, facts, judge| {
        for (re, label) in &c.must {
            if !re.is_match(&facts.text) {
                let mut finding = ctx.file_finding(f, format!("{label} : introuvable"));
                if facts.text_truncated {
                    finding.message.push_str(" (texte lu en partie seulement)");
                }
                judge.findings.push(finding);
            }
        }
        for (re, label) in &c.must_not {
            if let Some(m) = re.find(&facts.text) {
                judge.findings.push(ctx.file_finding(
                    f,
                    format!("{label} : {}", excerpt(&facts.text, m.start(), m.end())),
                ));
            }
        }
    });
    judge.outcome("aucun document concerné dans le dossier")
}
