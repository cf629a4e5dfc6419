//! `content`: the selected documents contain (`must`) or do not contain (`must_not`)
//! patterns — an e-mail address in the acte d'engagement, no amount in dollars, no external
//! download link in place of a piece. Patterns are regexes on the text, case-insensitive.

use regex::Regex;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::kind::{BidCheck, CheckKind};
use super::params::Selector;
use super::per_document::{DocumentFindings, each_text, excerpt};
use super::select::FileSelector;
use super::{CompileError, text_regex_from};
use crate::checks::{Context, Outcome};
use crate::say;
use crate::vocabulary::Scope;
use crate::yaml_spans::YamlPath;

/// The selected documents contain (`must`) or do not contain (`must_not`) patterns.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Content {
    /// Each pattern must be found in each selected document.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub must: Vec<TextPattern>,
    /// No pattern may be found in any selected document.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub must_not: Vec<TextPattern>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub select: Option<Selector>,
}

/// A regex on a document's text (case-insensitive), with what it stands for in French.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TextPattern {
    pub pattern: String,
    /// What the pattern finds, for the finding (« une adresse e-mail »).
    pub label: String,
}

#[derive(Debug, Clone)]
pub struct TextPatterns {
    must: Vec<(Regex, String)>,
    must_not: Vec<(Regex, String)>,
    select: FileSelector,
}

impl CheckKind for Content {
    type Compiled = TextPatterns;

    fn compile(&self, errors: &mut Vec<CompileError>) -> TextPatterns {
        if self.must.is_empty() && self.must_not.is_empty() {
            errors.push(CompileError::new("", "indiquez `must` ou `must_not`"));
        }
        let mut patterns = |list: &[TextPattern], field: &str| {
            list.iter()
                .enumerate()
                .filter_map(|(i, p)| match text_regex_from(&p.pattern, true) {
                    Ok(r) => Some((r, p.label.clone())),
                    Err(e) => {
                        errors.push(CompileError::new(
                            YamlPath::from(field).index(i).key("pattern"),
                            e,
                        ));
                        None
                    }
                })
                .collect()
        };
        TextPatterns {
            must: patterns(&self.must, "must"),
            must_not: patterns(&self.must_not, "must_not"),
            select: FileSelector::compile(self.select.as_ref(), errors),
        }
    }

    fn describe(&self) -> Vec<String> {
        let mut out = Vec::new();
        for p in &self.must {
            out.push(format!(
                "Chaque document ({}) contient {}.",
                super::describe::files(self.select.as_ref()),
                p.label
            ));
        }
        for p in &self.must_not {
            out.push(format!(
                "Aucun document ({}) ne contient {}.",
                super::describe::files(self.select.as_ref()),
                p.label
            ));
        }
        out
    }

    fn scope(&self) -> Scope {
        super::describe::selected(self.select.as_ref())
    }

    fn selector(&self) -> Option<&Selector> {
        self.select.as_ref()
    }
}

impl BidCheck for TextPatterns {
    fn evaluate(&self, ctx: &Context, _: &str) -> Outcome {
        let mut judge = DocumentFindings::default();
        each_text(&self.select, ctx, &mut judge, |f, facts, judge| {
            for (re, label) in &self.must {
                if !re.is_match(&facts.text) {
                    let mut finding = ctx.file_finding(
                        f,
                        say!(ctx.lang, "{label} : introuvable", "{label}: not found"),
                    );
                    if facts.text_truncated {
                        finding.message.push_str(ctx.lang.t(
                            " (texte lu en partie seulement)",
                            " (text read only in part)",
                        ));
                    }
                    judge.findings.push(finding);
                }
            }
            for (re, label) in &self.must_not {
                if let Some(m) = re.find(&facts.text) {
                    judge.findings.push(ctx.file_finding(f, {
                        let excerpt = excerpt(&facts.text, m.start(), m.end());
                        say!(ctx.lang, "{label} : {excerpt}", "{label}: {excerpt}")
                    }));
                }
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
