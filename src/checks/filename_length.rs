//! `filename-length`: file names, extension included, have at most `max` characters.
//! Characters, after NFC normalisation, never bytes: « Mémoire » is 7 whether macOS wrote it
//! decomposed or not, and 8 bytes in UTF-8.

use super::CompileError;
use super::select::FileSelector;
use crate::checks::{Context, Outcome};
use crate::naming;
use crate::pack::model::FilenameLength;
use crate::text::nfc_len;

#[derive(Debug, Clone)]
pub struct Compiled {
    max: usize,
    select: FileSelector,
}

pub fn compile(c: &FilenameLength, errors: &mut Vec<CompileError>) -> Compiled {
    if c.max == 0 {
        errors.push(CompileError::new("max", "`max` doit être au moins 1"));
    }
    Compiled {
        max: c.max,
        select: FileSelector::compile(c.select.as_ref(), errors),
    }
}

pub fn evaluate(c: &Compiled, ctx: &Context) -> Outcome {
    // Every name of the bid, then every proposal, is taken: two files never get the same
    // proposal, nor the name of a file already there.
    let mut taken = naming::Taken::new(ctx.inventory.files.iter().map(|f| f.name.as_str()));
    let findings = c
        .select
        .files(ctx)
        .filter_map(|(_, f)| {
            let len = nfc_len(&f.name);
            (len > c.max).then(|| {
                let finding = ctx.file_finding(f, format!("{len} caractères (max {})", c.max));
                match naming::shorten_unique(&f.name, c.max, ctx.member_label(f.member), &mut taken)
                {
                    Some(s) => finding.suggest(s),
                    None => finding,
                }
            })
        })
        .collect();
    Outcome::from_findings(findings)
}
