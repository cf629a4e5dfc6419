//! `forbidden-files`: temporary, lock and system files, hidden entries, executables and
//! macro-enabled documents. Executables and macros are recognised by content as well as by
//! extension: renaming `setup.exe` to `annexe.pdf` does not hide it.

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::CompileError;
use super::kind::{BidCheck, CheckKind};
use crate::checks::{Context, Outcome};
use crate::inventory::{FileEntry, FileKind};
use crate::say;
use crate::vocabulary::{Finding, Lang};
use crate::yaml_spans::YamlPath;

/// No file matches these names, and (when asked) no hidden, executable or macro-enabled file.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ForbiddenFiles {
    /// Glob-like patterns on file or folder names (`~$*`, `*.tmp`, `__MACOSX`); case-insensitive.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<String>,
    /// Forbid hidden files and folders (names starting with a dot).
    #[serde(default)]
    pub hidden: bool,
    /// Forbid executables and scripts, by content (PE, ELF, Mach-O, `#!`) and by extension.
    #[serde(default)]
    pub executables: bool,
    /// Forbid macro-enabled office files, by content (VBA project inside) and by extension.
    #[serde(default)]
    pub macros: bool,
    /// Extensions forbidden whatever the content (without the dot).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extensions: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct ForbiddenNames {
    names: GlobSet,
    hidden: bool,
    executables: bool,
    macros: bool,
    extensions: Vec<String>,
}

impl CheckKind for ForbiddenFiles {
    type Compiled = ForbiddenNames;

    fn compile(&self, errors: &mut Vec<CompileError>) -> ForbiddenNames {
        let mut set = GlobSetBuilder::new();
        for (i, pattern) in self.names.iter().enumerate() {
            match GlobBuilder::new(pattern)
                .case_insensitive(true)
                .literal_separator(true)
                .build()
            {
                Ok(g) => {
                    set.add(g);
                }
                Err(e) => errors.push(CompileError::new(
                    YamlPath::from("names").index(i),
                    format!("motif invalide : {}", glob_error_fr(&e)),
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
        ForbiddenNames {
            names,
            hidden: self.hidden,
            executables: self.executables,
            macros: self.macros,
            extensions: self
                .extensions
                .iter()
                .map(|e| e.trim_start_matches('.').to_lowercase())
                .collect(),
        }
    }

    fn describe(&self) -> Vec<String> {
        let mut out = Vec::new();
        if !self.names.is_empty() {
            out.push(format!(
                "Aucun fichier temporaire, de verrouillage ou système ({}).",
                self.names.join(", ")
            ));
        }
        if self.hidden {
            out.push("Aucun fichier caché (nom commençant par un point).".to_string());
        }
        if self.executables {
            out.push(
                "Aucun exécutable ni script, reconnu à son contenu autant qu'à son extension."
                    .to_string(),
            );
        }
        if self.macros {
            out.push("Aucun document bureautique à macros.".to_string());
        }
        if !self.extensions.is_empty() {
            out.push(format!(
                "Aucune de ces extensions : {}.",
                self.extensions.join(", ")
            ));
        }
        out
    }
}

impl BidCheck for ForbiddenNames {
    fn evaluate(&self, ctx: &Context, _: &str) -> Outcome {
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
            let l = ctx.lang;
            let why = if self.names.is_match(&d.name) {
                Some(l.t(
                    "dossier système ou temporaire",
                    "system or temporary folder",
                ))
            } else if self.hidden && d.name.starts_with('.') {
                Some(l.t("dossier caché", "hidden folder"))
            } else {
                None
            };
            if let Some(why) = why {
                findings.push(Finding::new(to_remove(l, why)).at(&d.rel));
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
            if let Some(why) = self.why_forbidden(f, ctx.lang) {
                findings.push(ctx.file_finding(f, to_remove(ctx.lang, &why)));
            }
        }
        Outcome::from_findings(findings)
    }
}

impl ForbiddenNames {
    /// Why the file may not be deposited, if it may not.
    fn why_forbidden(&self, f: &FileEntry, l: Lang) -> Option<String> {
        let ext = f.ext.as_deref().unwrap_or("");
        let why = if self.names.is_match(&f.name) {
            l.t("fichier temporaire ou système", "temporary or system file")
                .into()
        } else if self.hidden && f.name.starts_with('.') {
            l.t("fichier caché", "hidden file").into()
        } else if self.executables && f.kind == FileKind::Executable {
            let disguise = disguise(ext, l);
            say!(
                l,
                "programme exécutable (reconnu à son contenu{disguise})",
                "executable program (recognised by its content{disguise})"
            )
        } else if self.executables && f.kind == FileKind::Script {
            let disguise = disguise(ext, l);
            say!(
                l,
                "script (reconnu à son contenu{disguise})",
                "script (recognised by its content{disguise})"
            )
        } else if self.macros && f.has_macros() {
            l.t(
                "document contenant des macros (projet VBA)",
                "document holding macros (VBA project)",
            )
            .into()
        } else if self.executables
            && let Some(inner) = f.archive.as_ref().and_then(|a| a.executables.first())
        {
            say!(
                l,
                "archive contenant un exécutable : {inner}",
                "archive holding an executable: {inner}"
            )
        } else if self.extensions.iter().any(|e| e == ext) {
            say!(
                l,
                "extension .{ext} interdite (exécutable, script ou document à macros)",
                "forbidden extension .{ext} (executable, script or document with macros)"
            )
        } else {
            return None;
        };
        Some(why)
    }
}

fn to_remove(l: Lang, why: &str) -> String {
    say!(
        l,
        "{why} : à retirer du dépôt",
        "{why}: remove it from the deposit"
    )
}

fn disguise(ext: &str, l: Lang) -> String {
    if ext.is_empty() {
        String::new()
    } else {
        say!(
            l,
            ", malgré l'extension .{ext}",
            ", despite the .{ext} extension"
        )
    }
}

/// Why a name pattern does not compile, in French (globset says it in English).
fn glob_error_fr(e: &globset::Error) -> String {
    use globset::ErrorKind;
    match e.kind() {
        ErrorKind::UnclosedClass => "crochet [ jamais fermé".to_string(),
        ErrorKind::InvalidRange(a, b) => format!("intervalle {a}-{b} à l'envers"),
        ErrorKind::UnopenedAlternates => "accolade } sans accolade ouvrante".to_string(),
        ErrorKind::UnclosedAlternates => "accolade { jamais fermée".to_string(),
        ErrorKind::NestedAlternates => "accolades { } imbriquées".to_string(),
        ErrorKind::DanglingEscape => "\\ seul à la fin du motif".to_string(),
        ErrorKind::InvalidRecursive => "** ailleurs qu'entre deux /".to_string(),
        _ => format!(
            "« {} » n'est pas un motif de nom valide",
            e.glob().unwrap_or("")
        ),
    }
}
