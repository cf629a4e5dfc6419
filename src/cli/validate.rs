//! `bidlint validate-pack FILE [--sources [KEY=]DOC...]`: load a pack (and what it extends),
//! report every problem; with sources, check that each quote of the pack's own rules is
//! really in its source document.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use miette::miette;

use bidlint::diagnostics::YamlProblems;
use bidlint::documents::worker::{Limits, Worker};
use bidlint::pack::{self, PackSet};
use bidlint::quotes;

pub fn run(file: &Path, sources: &[String]) -> Result<ExitCode, miette::Report> {
    let spec = file.display().to_string();
    let set = pack::load(&[spec], Path::new("."))?;
    let own = set.packs.last().map(|p| p.id.clone()).unwrap_or_default();
    if !sources.is_empty() {
        let docs = read_sources(sources)?;
        let checked = verify_quotes(&set, &own, &docs)?;
        println!(
            "{} : {checked} citations retrouvées mot pour mot dans leurs sources",
            file.display()
        );
    }
    println!(
        "{} : pack « {own} » valide, {} règles (héritées comprises)",
        file.display(),
        set.rules.len()
    );
    Ok(ExitCode::SUCCESS)
}

/// A source document: its pack key when given (`rc=…`), its path, its normalised text.
struct SourceText {
    key: Option<String>,
    path: PathBuf,
    text: String,
}

fn read_sources(args: &[String]) -> Result<Vec<SourceText>, miette::Report> {
    let worker = Worker::current(Limits::default())
        .map_err(|e| miette!("lecteur de documents introuvable : {e}"))?;
    args.iter()
        .map(|a| {
            let (key, path) = match a.split_once('=') {
                Some((k, p)) if !k.contains(['/', '\\', '.']) => {
                    (Some(k.to_string()), PathBuf::from(p))
                }
                _ => (None, PathBuf::from(a)),
            };
            let raw = bidlint::documents::source::text(&path, &worker)
                .map_err(|e| miette!("source {} illisible : {e}", path.display()))?;
            Ok(SourceText {
                key,
                path,
                text: quotes::normalize(&raw),
            })
        })
        .collect()
}

/// Every quote of the pack's own rules, in its keyed source or in any unkeyed one.
fn verify_quotes(set: &PackSet, own: &str, docs: &[SourceText]) -> Result<usize, YamlProblems> {
    let mut problems = Vec::new();
    let mut checked = 0;
    for rule in set.rules.iter().filter(|r| r.pack == own) {
        let key = &rule.def.source.doc;
        let candidates: Vec<&SourceText> = match docs.iter().find(|d| d.key.as_deref() == Some(key))
        {
            Some(d) => vec![d],
            None => docs.iter().filter(|d| d.key.is_none()).collect(),
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
                &format!("{at}.source.quote"),
                format!(
                    "{} : citation introuvable dans {} : « {fragment} »",
                    rule.def.id,
                    doc.path.display()
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
