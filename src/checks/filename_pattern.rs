//! `filename-pattern`: names of the selected files match a regex (or must not). `{short}` in
//! the pattern stands for the file's member token, so one rule checks every member's names.

use regex::Regex;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::kind::{BidCheck, CheckKind};
use super::params::{Selector, yes};
use super::select::FileSelector;
use super::{CompileError, regex_from};
use crate::checks::{Context, Outcome};
use crate::say;
use crate::text::nfc;

/// Names of the selected files match `pattern` (or must not, with `must_match: false`).
/// In the pattern, `{short}` stands for the file's member token (any token when the file
/// belongs to no member).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FilenamePattern {
    pub pattern: String,
    #[serde(default = "yes")]
    pub must_match: bool,
    /// The expected form, in words, for the finding (`26_01_DC_<pièce>_<fournisseur>`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub select: Option<Selector>,
}

#[derive(Debug, Clone)]
pub struct NamePattern {
    template: String,
    must_match: bool,
    expected: Option<String>,
    select: FileSelector,
    /// The pattern with `{short}` as "any token", for files of no member.
    any_member: Option<Regex>,
}

const PLACEHOLDER: &str = "{short}";
const ANY_TOKEN: &str = "[^_/]+";

impl CheckKind for FilenamePattern {
    type Compiled = NamePattern;

    fn compile(&self, errors: &mut Vec<CompileError>) -> NamePattern {
        let any_member = match regex_from(&self.pattern.replace(PLACEHOLDER, ANY_TOKEN), false) {
            Ok(r) => Some(r),
            Err(e) => {
                errors.push(CompileError::new("pattern", e));
                None
            }
        };
        NamePattern {
            template: self.pattern.clone(),
            must_match: self.must_match,
            expected: self.expected.clone(),
            select: FileSelector::compile(self.select.as_ref(), errors),
            any_member,
        }
    }

    fn describe(&self) -> Vec<String> {
        let form = self
            .expected
            .clone()
            .unwrap_or_else(|| "la forme imposée".to_string());
        vec![if self.must_match {
            format!(
                "Chaque nom de fichier ({}) suit {form}.",
                super::describe::files(self.select.as_ref())
            )
        } else {
            format!(
                "Aucun nom de fichier ({}) n'a {form}.",
                super::describe::files(self.select.as_ref())
            )
        }]
    }

    fn selector(&self) -> Option<&Selector> {
        self.select.as_ref()
    }
}

impl BidCheck for NamePattern {
    fn evaluate(&self, ctx: &Context, _: &str) -> Outcome {
        let Some(any) = &self.any_member else {
            return Outcome::error(ctx.lang.t("motif invalide", "invalid pattern"));
        };
        // One regex per member token, built once per run.
        let per_member: Vec<Option<Regex>> = ctx
            .members()
            .iter()
            .map(|m| {
                let token = regex::escape(m.short.as_deref().unwrap_or(&m.name));
                regex_from(&self.template.replace(PLACEHOLDER, &token), false).ok()
            })
            .collect();
        let mut findings = Vec::new();
        for (_, f) in self.select.files(ctx) {
            let re = f
                .member
                .and_then(|i| per_member.get(i))
                .and_then(Option::as_ref)
                .unwrap_or(any);
            let name = nfc(&f.name);
            if re.is_match(&name) != self.must_match {
                let (l, t) = (ctx.lang, &self.template);
                let msg = match (&self.expected, self.must_match) {
                    (Some(e), true) => say!(
                        l,
                        "nom hors convention (attendu : {e})",
                        "name outside the convention (expected: {e})"
                    ),
                    (None, true) => say!(
                        l,
                        "nom hors convention (motif : {t})",
                        "name outside the convention (pattern: {t})"
                    ),
                    (Some(e), false) => say!(l, "nom refusé : {e}", "name refused: {e}"),
                    (None, false) => {
                        say!(
                            l,
                            "nom interdit (motif : {t})",
                            "forbidden name (pattern: {t})"
                        )
                    }
                };
                findings.push(ctx.file_finding(f, msg));
            }
        }
        Outcome::from_findings(findings)
    }
}
