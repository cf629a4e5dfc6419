//! `filename-pattern`: names of the selected files match a regex (or must not). `{short}` in
//! the pattern stands for the file's member token, so one rule checks every member's names.

use regex::Regex;

use super::select::FileSelector;
use super::{CompileError, regex_from};
use crate::checks::{Context, Outcome};
use crate::pack::model::FilenamePattern;
use crate::text::nfc;

#[derive(Debug, Clone)]
pub struct Compiled {
    template: String,
    must_match: bool,
    expected: Option<String>,
    select: FileSelector,
    /// The pattern with `{short}` as "any token", for files of no member.
    any_member: Option<Regex>,
}

const PLACEHOLDER: &str = "{short}";
const ANY_TOKEN: &str = "[^_/]+";

pub fn compile(c: &FilenamePattern, errors: &mut Vec<CompileError>) -> Compiled {
    let any_member = match regex_from(&c.pattern.replace(PLACEHOLDER, ANY_TOKEN), false) {
        Ok(r) => Some(r),
        Err(e) => {
            errors.push(CompileError::new("pattern", e));
            None
        }
    };
    Compiled {
        template: c.pattern.clone(),
        must_match: c.must_match,
        expected: c.expected.clone(),
        select: FileSelector::compile(c.select.as_ref(), errors),
        any_member,
    }
}

pub fn evaluate(c: &Compiled, ctx: &Context) -> Outcome {
    let Some(any) = &c.any_member else {
        return Outcome::error("motif invalide");
    };
    // One regex per member token, built once per run.
    let per_member: Vec<Option<Regex>> = ctx
        .members()
        .iter()
        .map(|m| {
            let token = regex::escape(m.short.as_deref().unwrap_or(&m.name));
            regex_from(&c.template.replace(PLACEHOLDER, &token), false).ok()
        })
        .collect();
    let mut findings = Vec::new();
    for (_, f) in c.select.files(ctx) {
        let re = f
            .member
            .and_then(|i| per_member.get(i))
            .and_then(Option::as_ref)
            .unwrap_or(any);
        let name = nfc(&f.name);
        if re.is_match(&name) != c.must_match {
            let msg = match (&c.expected, c.must_match) {
                (Some(e), true) => format!("nom hors convention (attendu : {e})"),
                (None, true) => format!("nom hors convention (motif : {})", c.template),
                (Some(e), false) => format!("nom refusé : {e}"),
                (None, false) => format!("nom interdit (motif : {})", c.template),
            };
            findings.push(ctx.file_finding(f, msg));
        }
    }
    Outcome::from_findings(findings)
}
