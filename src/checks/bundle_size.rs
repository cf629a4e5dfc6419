//! `bundle-size`: total and per-file size of the deposit.

use bytesize::ByteSize;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::CompileError;
use super::kind::{BidCheck, CheckKind};
use crate::checks::{Context, Outcome};
use crate::say;
use crate::text::human_size;
use crate::vocabulary::{Finding, Lang};

/// Size limits, written with units: `1 GB`, `500 MB`, `20 MiB`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BundleSize {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_total: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_file: Option<String>,
}

#[derive(Debug, Clone)]
pub struct SizeLimits {
    max_total: Option<u64>,
    max_file: Option<u64>,
}

fn parse(raw: Option<&String>, field: &str, errors: &mut Vec<CompileError>) -> Option<u64> {
    let raw = raw?;
    match raw.trim().parse::<ByteSize>() {
        Ok(b) => Some(b.as_u64()),
        Err(_) => {
            errors.push(CompileError::new(
                field,
                format!("taille « {raw} » illisible (ex. « 1 GB », « 500 MB », « 20 MiB »)"),
            ));
            None
        }
    }
}

impl CheckKind for BundleSize {
    type Compiled = SizeLimits;

    fn compile(&self, errors: &mut Vec<CompileError>) -> SizeLimits {
        SizeLimits {
            max_total: parse(self.max_total.as_ref(), "max_total", errors),
            max_file: parse(self.max_file.as_ref(), "max_file", errors),
        }
    }

    fn describe(&self) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(t) = &self.max_total {
            out.push(format!("Le dépôt entier pèse au plus {t}."));
        }
        if let Some(f) = &self.max_file {
            out.push(format!("Chaque fichier pèse au plus {f}."));
        }
        out
    }
}

/// « 1,3 Go (1323000000 octets) », or « 717 octets » when that says it all.
fn exact(bytes: u64, lang: Lang) -> String {
    let h = human_size(bytes, lang);
    if bytes < 1_000 {
        h
    } else {
        say!(lang, "{h} ({bytes} octets)", "{h} ({bytes} bytes)")
    }
}

impl BidCheck for SizeLimits {
    fn evaluate(&self, ctx: &Context, _: &str) -> Outcome {
        let mut findings = Vec::new();
        let total = ctx.inventory.total_bytes();
        if let Some(max) = self.max_total
            && total > max
        {
            let (total, max) = (exact(total, ctx.lang), exact(max, ctx.lang));
            findings.push(Finding::new(say!(
                ctx.lang,
                "dépôt de {total} : au-delà de {max}",
                "deposit of {total}: over {max}"
            )));
        }
        if let Some(max) = self.max_file {
            for f in ctx.inventory.files.iter().filter(|f| f.size > max) {
                findings.push(ctx.file_finding(f, {
                    let (size, max) = (human_size(f.size, ctx.lang), human_size(max, ctx.lang));
                    say!(
                        ctx.lang,
                        "{size} : au-delà de {max} par fichier",
                        "{size}: over {max} per file"
                    )
                }));
            }
        }
        Outcome::from_findings(findings)
    }
}
