//! `filename-length`: file names, extension included, have at most `max` characters.
//! Characters, after NFC normalisation, never bytes: « Mémoire » is 7 whether macOS wrote it
//! decomposed or not, and 8 bytes in UTF-8.

use std::collections::HashMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::CompileError;
use super::kind::{BidCheck, CheckKind};
use super::params::Selector;
use super::select::FileSelector;
use crate::checks::{Context, Outcome};
use crate::naming;
use crate::say;
use crate::text::nfc_len;

/// File names (with extension) have at most `max` characters, counted after NFC normalisation.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FilenameLength {
    pub max: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub select: Option<Selector>,
}

#[derive(Debug, Clone)]
pub struct LengthLimit {
    max: usize,
    select: FileSelector,
}

impl CheckKind for FilenameLength {
    type Compiled = LengthLimit;

    fn compile(&self, errors: &mut Vec<CompileError>) -> LengthLimit {
        if self.max == 0 {
            errors.push(CompileError::new("max", "`max` doit être au moins 1"));
        }
        LengthLimit {
            max: self.max,
            select: FileSelector::compile(self.select.as_ref(), errors),
        }
    }

    fn describe(&self) -> Vec<String> {
        vec![format!(
            "Chaque nom de fichier ({}), extension comprise, compte au plus {} caractères ; un nom plus long reçoit une proposition plus courte qui garde le préfixe et le nom du membre.",
            super::describe::files(self.select.as_ref()),
            self.max
        )]
    }

    fn selector(&self) -> Option<&Selector> {
        self.select.as_ref()
    }
}

impl BidCheck for LengthLimit {
    fn evaluate(&self, ctx: &Context, _: &str) -> Outcome {
        // In each folder, its names, then every proposal made there, are taken: two files of a
        // folder never get the same proposal, nor the name of a file already there. Names only
        // collide within a folder (one set for the whole deposit made a 100,000-file tree
        // search up to 99 numbered proposals per long name).
        let mut names: HashMap<&str, Vec<&str>> = HashMap::new();
        for f in &ctx.inventory.files {
            names.entry(folder_of(&f.rel)).or_default().push(&f.name);
        }
        let mut taken: HashMap<&str, naming::Taken> = HashMap::new();
        let findings = self
            .select
            .files(ctx)
            .filter_map(|(_, f)| {
                let len = nfc_len(&f.name);
                (len > self.max).then(|| {
                    let finding = ctx.file_finding(f, {
                        let max = self.max;
                        say!(
                            ctx.lang,
                            "{len} caractères (max {max})",
                            "{len} characters (max {max})"
                        )
                    });
                    let folder = folder_of(&f.rel);
                    let taken = taken.entry(folder).or_insert_with(|| {
                        naming::Taken::new(names.get(folder).into_iter().flatten().copied())
                    });
                    match naming::shorten_unique(
                        &f.name,
                        self.max,
                        ctx.member_label(f.member),
                        taken,
                    ) {
                        Some(s) => finding.suggest(s),
                        None => finding,
                    }
                })
            })
            .collect();
        Outcome::from_findings(findings)
    }
}

/// The folder of a path relative to the bid folder (`""` at its root).
fn folder_of(rel: &str) -> &str {
    rel.rsplit_once('/').map_or("", |(folder, _)| folder)
}
