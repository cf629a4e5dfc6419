//! `forbidden-files`: temporary, lock and system files, hidden entries, executables and
//! macro-enabled documents. Executables and macros are recognised by content as well as by
//! extension: renaming `setup.exe` to `annexe.pdf` does not hide it.

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};

use super::CompileError;
use crate::checks::{Context, Outcome};
use crate::inventory::FileKind;
use crate::pack::model::ForbiddenFiles;
use crate::vocabulary::Finding;

#[derive(Debug, Clone)]
pub struct Compiled {
    names: GlobSet,
    hidden: bool,
    executables: bool,
    macros: bool,
    extensions: Vec<String>,
}

pub fn compile(c: &ForbiddenFiles, errors: &mut Vec<CompileError>) -> Compiled {
    let mut set = GlobSetBuilder::new();
    for (i, pattern) in c.names.iter().enumerate() {
        match GlobBuilder::new(pattern)
            .case_insensitive(true)
            .literal_separator(true)
            .build()
        {
            Ok(g) => {
                set.add(g);
            }
            Err(e) => errors.push(CompileError::new(
                format!("names[{i}]"),
                format!("motif invalide : {e}"),
            )),
        }
    }
    let names = set.build().unwrap_or_else(|e| {
        errors.push(CompileError::new(
            "names",
            format!("motifs invalides : {e}"),
        ));
        GlobSet::empty()
    });
    Compiled {
        names,
        hidden: c.hidden,
        executables: c.executables,
        macros: c.macros,
        extensions: c
            .extensions
            .iter()
            .map(|e| e.trim_start_matches('.').to_lowercase())
            .collect(),
    }
}

pub fn evaluate(c: &Compiled, ctx: &Context) -> Outcome {
    let mut findings: Vec<Finding> = Vec::new();
    // Folders first: a forbidden folder is reported once, not once per file inside it.
    let mut flagged_dirs: Vec<String> = Vec::new();
    for d in &ctx.inventory.dirs {
        if flagged_dirs
            .iter()
            .any(|p| d.rel.starts_with(&format!("{p}/")))
        {
            continue;
        }
        let why = if c.names.is_match(&d.name) {
            Some("dossier système ou temporaire")
        } else if c.hidden && d.name.starts_with('.') {
            Some("dossier caché")
        } else {
            None
        };
        if let Some(why) = why {
            findings.push(Finding::new(format!("{why} : à retirer du dépôt")).at(&d.rel));
            flagged_dirs.push(d.rel.clone());
        }
    }
    for f in &ctx.inventory.files {
        if flagged_dirs
            .iter()
            .any(|p| f.rel.starts_with(&format!("{p}/")))
        {
            continue;
        }
        let ext = f.ext.as_deref().unwrap_or("");
        let why: Option<String> = if c.names.is_match(&f.name) {
            Some("fichier temporaire ou système".into())
        } else if c.hidden && f.name.starts_with('.') {
            Some("fichier caché".into())
        } else if c.executables && f.kind == FileKind::Executable {
            Some(format!(
                "programme exécutable (reconnu à son contenu{})",
                disguise(ext)
            ))
        } else if c.executables && f.kind == FileKind::Script {
            Some(format!("script (reconnu à son contenu{})", disguise(ext)))
        } else if c.macros && f.has_macros() {
            Some("document contenant des macros (projet VBA)".into())
        } else if c.executables
            && let Some(inner) = f.archive.as_ref().and_then(|a| a.executables.first())
        {
            Some(format!("archive contenant un exécutable : {inner}"))
        } else if c.extensions.iter().any(|e| e == ext) {
            Some(format!(
                "extension .{ext} interdite (exécutable, script ou document à macros)"
            ))
        } else {
            None
        };
        if let Some(why) = why {
            findings.push(ctx.file_finding(f, format!("{why} : à retirer du dépôt")));
        }
    }
    Outcome::from_findings(findings)
}

fn disguise(ext: &str) -> String {
    if ext.is_empty() {
        String::new()
    } else {
        format!(", malgré l'extension .{ext}")
    }
}
