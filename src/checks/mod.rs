//! The check kinds: the vocabulary packs are written with. Each kind lives in its own file
//! with a `compile` (validate the parameters once, at load time) and an `evaluate` (judge the
//! bid). This module only dispatches.

pub mod archives;
pub mod bundle_size;
pub mod certification;
pub mod content;
pub mod context;
pub mod cross_bid;
pub mod declared_members;
pub mod describe;
pub mod documents;
pub mod empty_entries;
pub mod filename_length;
pub mod filename_pattern;
pub mod forbidden_files;
pub mod holder;
pub mod hosting;
pub mod language;
pub mod lots;
pub mod mandataire_limit;
pub mod manual;
pub mod members;
pub mod outline;
pub mod pages;
pub mod per_reference;
pub mod piece;
pub mod piece_credit;
pub mod readable;
pub mod select;
pub mod unique_candidacy;
pub mod unmatched_files;
pub mod validity;

use regex::{Regex, RegexBuilder};

pub use context::{Context, Outcome, PieceIndex, Recognized};
use crate::pack::model::Check;

/// A problem in a check's parameters, at a path relative to `check:`.
#[derive(Debug, Clone)]
pub struct CompileError {
    pub path: String,
    pub message: String,
}

impl CompileError {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> CompileError {
        CompileError {
            path: path.into(),
            message: message.into(),
        }
    }
}

#[derive(Debug, Clone)]
pub enum CompiledCheck {
    FilenameLength(filename_length::Compiled),
    FilenamePattern(filename_pattern::Compiled),
    ForbiddenFiles(forbidden_files::Compiled),
    BundleSize(bundle_size::Compiled),
    EmptyEntries(empty_entries::Compiled),
    Archives(archives::Compiled),
    Readable(readable::Compiled),
    Piece(piece::Compiled),
    Hosting(hosting::Compiled),
    Certification(certification::Compiled),
    Lots(lots::Compiled),
    UniqueCandidacy(unique_candidacy::Compiled),
    MandataireLimit(mandataire_limit::Compiled),
    Manual(manual::Compiled),
    Pages(pages::Compiled),
    Content(content::Compiled),
    Language(language::Compiled),
    Validity(validity::Compiled),
    Holder(holder::Compiled),
    DeclaredMembers(declared_members::Compiled),
    Outline(outline::Compiled),
    UnmatchedFiles(unmatched_files::Compiled),
    PerReference(per_reference::Compiled),
}

pub fn compile(check: &Check) -> Result<CompiledCheck, Vec<CompileError>> {
    let mut errors = Vec::new();
    let compiled = match check {
        Check::FilenameLength(c) => {
            CompiledCheck::FilenameLength(filename_length::compile(c, &mut errors))
        }
        Check::FilenamePattern(c) => {
            CompiledCheck::FilenamePattern(filename_pattern::compile(c, &mut errors))
        }
        Check::ForbiddenFiles(c) => {
            CompiledCheck::ForbiddenFiles(forbidden_files::compile(c, &mut errors))
        }
        Check::BundleSize(c) => CompiledCheck::BundleSize(bundle_size::compile(c, &mut errors)),
        Check::EmptyEntries(c) => CompiledCheck::EmptyEntries(c.clone()),
        Check::Archives(c) => CompiledCheck::Archives(c.clone()),
        Check::Readable(c) => CompiledCheck::Readable(readable::compile(c, &mut errors)),
        Check::Piece(c) => CompiledCheck::Piece(piece::compile(c, &mut errors)),
        Check::Hosting(c) => CompiledCheck::Hosting(c.clone()),
        Check::Certification(c) => {
            CompiledCheck::Certification(certification::compile(c, &mut errors))
        }
        Check::Lots(c) => CompiledCheck::Lots(lots::compile(c, &mut errors)),
        Check::UniqueCandidacy(c) => CompiledCheck::UniqueCandidacy(c.clone()),
        Check::MandataireLimit(c) => CompiledCheck::MandataireLimit(c.clone()),
        Check::Manual(c) => CompiledCheck::Manual(manual::compile(c, &mut errors)),
        Check::Pages(c) => CompiledCheck::Pages(pages::compile(c, &mut errors)),
        Check::Content(c) => CompiledCheck::Content(content::compile(c, &mut errors)),
        Check::Language(c) => CompiledCheck::Language(language::compile(c, &mut errors)),
        Check::Validity(c) => CompiledCheck::Validity(validity::compile(c, &mut errors)),
        Check::Holder(c) => CompiledCheck::Holder(holder::compile(c, &mut errors)),
        Check::DeclaredMembers(c) => {
            CompiledCheck::DeclaredMembers(declared_members::compile(c, &mut errors))
        }
        Check::Outline(c) => CompiledCheck::Outline(outline::compile(c, &mut errors)),
        Check::UnmatchedFiles(c) => {
            CompiledCheck::UnmatchedFiles(unmatched_files::compile(c, &mut errors))
        }
        Check::PerReference(c) => {
            CompiledCheck::PerReference(per_reference::compile(c, &mut errors))
        }
    };
    if errors.is_empty() {
        Ok(compiled)
    } else {
        Err(errors)
    }
}

pub fn evaluate(check: &CompiledCheck, ctx: &Context, rule_id: &str) -> Outcome {
    match check {
        CompiledCheck::FilenameLength(c) => filename_length::evaluate(c, ctx),
        CompiledCheck::FilenamePattern(c) => filename_pattern::evaluate(c, ctx),
        CompiledCheck::ForbiddenFiles(c) => forbidden_files::evaluate(c, ctx),
        CompiledCheck::BundleSize(c) => bundle_size::evaluate(c, ctx),
        CompiledCheck::EmptyEntries(c) => empty_entries::evaluate(c, ctx),
        CompiledCheck::Archives(c) => archives::evaluate(c, ctx),
        CompiledCheck::Readable(c) => readable::evaluate(c, ctx),
        CompiledCheck::Piece(c) => piece::evaluate(c, ctx, rule_id),
        CompiledCheck::Hosting(c) => hosting::evaluate(c, ctx),
        CompiledCheck::Certification(c) => certification::evaluate(c, ctx),
        CompiledCheck::Lots(c) => lots::evaluate(c, ctx),
        CompiledCheck::UniqueCandidacy(c) => unique_candidacy::evaluate(c, ctx),
        CompiledCheck::MandataireLimit(c) => mandataire_limit::evaluate(c, ctx),
        CompiledCheck::Manual(c) => manual::evaluate(c, ctx),
        CompiledCheck::Pages(c) => pages::evaluate(c, ctx),
        CompiledCheck::Content(c) => content::evaluate(c, ctx),
        CompiledCheck::Language(c) => language::evaluate(c, ctx),
        CompiledCheck::Validity(c) => validity::evaluate(c, ctx),
        CompiledCheck::Holder(c) => holder::evaluate(c, ctx),
        CompiledCheck::DeclaredMembers(c) => declared_members::evaluate(c, ctx),
        CompiledCheck::Outline(c) => outline::evaluate(c, ctx),
        CompiledCheck::UnmatchedFiles(c) => unmatched_files::evaluate(c, ctx),
        CompiledCheck::PerReference(c) => per_reference::evaluate(c, ctx),
    }
}

impl CompiledCheck {
    /// Does judging this check need what is inside the documents? When no rule of a run
    /// does, no document is read at all (a name-only pack stays a directory walk).
    pub fn needs_documents(&self) -> bool {
        match self {
            CompiledCheck::Readable(_)
            | CompiledCheck::Pages(_)
            | CompiledCheck::Content(_)
            | CompiledCheck::Language(_)
            | CompiledCheck::Validity(_)
            | CompiledCheck::Holder(_)
            | CompiledCheck::DeclaredMembers(_)
            | CompiledCheck::Outline(_)
            | CompiledCheck::UnmatchedFiles(_)
            | CompiledCheck::PerReference(_) => true,
            CompiledCheck::Piece(p) => p.reads_content(),
            CompiledCheck::Certification(c) => c.reads_document(),
            _ => false,
        }
    }
}

/// Where a requirement applies, in French, for the checklist's « périmètre » column.
pub fn scope(check: &Check) -> String {
    use crate::pack::model::PieceScope;
    match check {
        Check::Piece(p) => {
            // A filter that only leaves out some roles still asks every other member.
            let only_except = p.members.as_ref().is_some_and(|f| {
                f.role.is_none() && f.hosting.is_none() && f.redressement_judiciaire.is_none()
            });
            let who = match (&p.members, only_except) {
                (None, _) | (Some(_), true) => "chaque membre".to_string(),
                (Some(f), false) => format!("membres ({})", members::describe(Some(f))),
            };
            let except = match (&p.members, only_except) {
                (Some(f), true) => format!(", {}", members::describe(Some(f))),
                _ => String::new(),
            };
            let joint = if p.joint {
                " (document commun admis)"
            } else if p.joint_named {
                " (document commun admis s'il nomme le membre)"
            } else {
                ""
            };
            match p.per {
                PieceScope::Bid => "le dossier".to_string(),
                PieceScope::Member => format!("{who}{except}{joint}"),
            }
        }
        Check::Certification(c) => match &c.members {
            Some(f) => format!("membres ({})", members::describe(Some(f))),
            None => "chaque membre".to_string(),
        },
        Check::Hosting(_) => "hébergement (bid.yaml)".to_string(),
        Check::Lots(_) => "lots (bid.yaml)".to_string(),
        Check::UniqueCandidacy(_) | Check::MandataireLimit(_) => {
            "toutes les réponses de l'opérateur".to_string()
        }
        Check::Manual(_) => "vérification humaine".to_string(),
        Check::Pages(c) => selected(c.select.as_ref()),
        Check::Content(c) => selected(c.select.as_ref()),
        Check::Language(c) => selected(c.select.as_ref()),
        Check::Validity(c) => selected(c.select.as_ref()),
        Check::Holder(c) => selected(c.select.as_ref()),
        Check::DeclaredMembers(c) => selected(c.select.as_ref()),
        Check::Outline(c) => selected(c.select.as_ref()),
        Check::PerReference(c) => format!("pièces : {}, {}", c.documents, c.list),
        _ => "tous les fichiers du dépôt".to_string(),
    }
}

/// The documents a content check reads, in French.
fn selected(sel: Option<&crate::pack::model::Selector>) -> String {
    match sel {
        Some(s) if !s.pieces.is_empty() => format!("pièces : {}", s.pieces.join(", ")),
        Some(_) => "documents sélectionnés".to_string(),
        None => "tous les documents du dépôt".to_string(),
    }
}

/// Rule ids a check refers to (certificate document, selected pieces), with their path.
pub fn piece_references(check: &Check) -> Vec<(String, String)> {
    let select = |s: Option<&crate::pack::model::Selector>| {
        s.map(|s| {
            let listed = |list: &[String], field: &str| {
                list.iter()
                    .enumerate()
                    .map(|(i, p)| (format!("select.{field}[{i}]"), p.clone()))
                    .collect::<Vec<_>>()
            };
            let mut refs = listed(&s.pieces, "pieces");
            refs.extend(listed(&s.exclude_pieces, "exclude_pieces"));
            refs
        })
        .unwrap_or_default()
    };
    match check {
        Check::Certification(c) => c
            .document
            .iter()
            .map(|d| ("document".to_string(), d.clone()))
            .collect(),
        Check::FilenameLength(c) => select(c.select.as_ref()),
        Check::FilenamePattern(c) => select(c.select.as_ref()),
        Check::Readable(c) => select(c.select.as_ref()),
        Check::Pages(c) => select(c.select.as_ref()),
        Check::Content(c) => select(c.select.as_ref()),
        Check::Language(c) => select(c.select.as_ref()),
        Check::Validity(c) => select(c.select.as_ref()),
        Check::Holder(c) => select(c.select.as_ref()),
        Check::DeclaredMembers(c) => select(c.select.as_ref()),
        Check::Outline(c) => select(c.select.as_ref()),
        Check::UnmatchedFiles(c) => select(c.select.as_ref()),
        Check::PerReference(c) => vec![
            ("documents".to_string(), c.documents.clone()),
            ("list".to_string(), c.list.clone()),
        ],
        Check::Piece(p) => p
            .within
            .iter()
            .enumerate()
            .filter_map(|(i, w)| Some((format!("within[{i}].piece"), w.piece.clone()?)))
            .collect(),
        _ => Vec::new(),
    }
}

/// Compile a user regex that runs over the text of documents (megabytes, in French).
///
/// Word boundaries are made ASCII (`\b` → `(?-u:\b)`): the regex crate's fast engines
/// cannot decide a Unicode word boundary in non-ASCII text and fall back to the slowest one,
/// which took seconds per run on a 200-document bid. The only difference: a letter with an
/// accent next to the pattern counts as a boundary (`\bUSD\b` also matches « éUSD »).
pub fn text_regex_from(pattern: &str, case_insensitive: bool) -> Result<Regex, String> {
    regex_from(&ascii_word_boundaries(pattern), case_insensitive)
}

/// `\b` and `\B` outside character classes written `(?-u:\b)` and `(?-u:\B)`.
fn ascii_word_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut class_depth = 0usize;
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(b @ ('b' | 'B')) if class_depth == 0 => {
                    out.push_str("(?-u:\\");
                    out.push(b);
                    out.push(')');
                }
                Some(next) => {
                    out.push('\\');
                    out.push(next);
                }
                None => out.push('\\'),
            },
            '[' => {
                class_depth += 1;
                out.push(c);
            }
            ']' if class_depth > 0 => {
                class_depth -= 1;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// Compile a user regex. The regex crate runs in linear time, so a pattern built to
/// backtrack cannot hang a run; the size limit stops a pattern built to exhaust memory.
pub fn regex_from(pattern: &str, case_insensitive: bool) -> Result<Regex, String> {
    RegexBuilder::new(pattern)
        .case_insensitive(case_insensitive)
        .size_limit(1 << 20)
        .dfa_size_limit(1 << 20)
        .build()
        .map_err(|e| format!("expression régulière invalide : {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_boundaries_in_text_patterns_are_ascii_and_the_rest_is_untouched() {
        assert_eq!(ascii_word_boundaries(r"\bUSD\b"), r"(?-u:\b)USD(?-u:\b)");
        assert_eq!(ascii_word_boundaries(r"a\Bb"), r"a(?-u:\B)b");
        // An escaped backslash, classes and other escapes stay as written.
        assert_eq!(ascii_word_boundaries(r"\\b[\]b]\d\$"), r"\\b[\]b]\d\$");
        let re = text_regex_from(r"\bUSD\b|\d\s?\$", true).expect("valid");
        assert!(re.is_match("Montant total : 12 000 usd hors taxes, délai réduit"));
        assert!(!re.is_match("un montant en USDT"));
    }
}
