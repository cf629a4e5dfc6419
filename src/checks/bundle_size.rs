//! `bundle-size`: total and per-file size of the deposit.

use bytesize::ByteSize;

use super::CompileError;
use crate::checks::{Context, Outcome};
use crate::pack::model::BundleSize;
use crate::text::human_size;
use crate::vocabulary::Finding;

#[derive(Debug, Clone)]
pub struct Compiled {
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

pub fn compile(c: &BundleSize, errors: &mut Vec<CompileError>) -> Compiled {
    Compiled {
        max_total: parse(c.max_total.as_ref(), "max_total", errors),
        max_file: parse(c.max_file.as_ref(), "max_file", errors),
    }
}

/// « 1,3 Go (1323000000 octets) », or « 717 octets » when that says it all.
fn exact(bytes: u64) -> String {
    let h = human_size(bytes);
    if bytes < 1_000 {
        h
    } else {
        format!("{h} ({bytes} octets)")
    }
}

pub fn evaluate(c: &Compiled, ctx: &Context) -> Outcome {
    let mut findings = Vec::new();
    let total = ctx.inventory.total_bytes();
    if let Some(max) = c.max_total
        && total > max
    {
        findings.push(Finding::new(format!(
            "dépôt de {} : au-delà de {}",
            exact(total),
            exact(max)
        )));
    }
    if let Some(max) = c.max_file {
        for f in ctx.inventory.files.iter().filter(|f| f.size > max) {
            findings.push(ctx.file_finding(
                f,
                format!("{} : au-delà de {} par fichier", human_size(f.size), human_size(max)),
            ));
        }
    }
    Outcome::from_findings(findings)
}
