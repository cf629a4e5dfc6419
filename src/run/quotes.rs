//! `validate-pack --sources`: each quote of a pack's own rules must be, word for word, in its
//! source document.

use std::path::PathBuf;

use crate::diagnostics::YamlProblems;
use crate::documents::worker::{Limits, Worker};
use crate::pack::PackSet;
use crate::quotes;

use super::RunError;

/// A source document: its key in the pack's `sources:` when given (`rc=…`; without one, it
/// is searched for every rule), and its path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteSource {
    pub key: Option<String>,
    pub path: PathBuf,
}

/// Check the quotes of the rules of pack `own` (the last of `set`, not those it extends)
/// against `sources`, read through `worker` (`None`: this executable). The number of rules
/// whose quote was checked, or every quote not found, located in the pack.
pub fn verify_quotes(
    set: &PackSet,
    own: &str,
    sources: &[QuoteSource],
    worker: Option<PathBuf>,
) -> Result<usize, RunError> {
    let worker = match worker {
        Some(program) => Worker::with_program(program, Limits::default()),
        None => Worker::current(Limits::default()).map_err(RunError::SourceWorkerNotFound)?,
    };
    let texts = sources
        .iter()
        .map(|source| read(source, &worker))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(find_quotes(set, own, &texts)?)
}

/// A source with its normalised text.
struct SourceText<'a> {
    source: &'a QuoteSource,
    text: String,
}

fn read<'a>(source: &'a QuoteSource, worker: &Worker) -> Result<SourceText<'a>, RunError> {
    let raw =
        crate::documents::source::text(&source.path, worker).map_err(|cause| RunError::Source {
            path: source.path.clone(),
            cause,
        })?;
    Ok(SourceText {
        source,
        text: quotes::normalize(&raw),
    })
}

/// Every quote of the pack's own rules, in its keyed source or in any unkeyed one.
fn find_quotes(set: &PackSet, own: &str, docs: &[SourceText]) -> Result<usize, YamlProblems> {
    let mut problems = Vec::new();
    let mut checked = 0;
    for rule in set.rules.iter().filter(|r| r.pack == own) {
        let key = &rule.def.source.doc;
        let keyed = docs
            .iter()
            .find(|d| d.source.key.as_deref() == Some(key.as_str()));
        let candidates: Vec<&SourceText> = match keyed {
            Some(d) => vec![d],
            None => docs.iter().filter(|d| d.source.key.is_none()).collect(),
        };
        if candidates.is_empty() {
            continue;
        }
        checked += 1;
        let quote = &rule.def.source.quote;
        let misses: Vec<(&SourceText, String)> = candidates
            .iter()
            .filter_map(|d| quotes::find(quote, &d.text).err().map(|f| (*d, f)))
            .collect();
        if misses.len() < candidates.len() {
            continue;
        }
        let (doc, fragment) = &misses[0];
        let near = quotes::closest(fragment, &doc.text);
        let (src, at) = &rule.origin;
        problems.push(
            src.at_value(
                &at.key("source").key("quote"),
                format!(
                    "{} : citation introuvable dans {} : « {fragment} »",
                    rule.def.id,
                    doc.source.path.display()
                ),
            )
            .with_help(format!("passage le plus proche : « {near} »")),
        );
    }
    if problems.is_empty() {
        Ok(checked)
    } else {
        Err(YamlProblems::new("citations non vérifiées", problems))
    }
}
