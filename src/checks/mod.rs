//! The check kinds: the vocabulary packs are written with. Each kind lives in its own file:
//! its parameters (what serde reads under `check:`), their `compile` (validated once, at load
//! time), its `evaluate` (judge the bid) and its words (`describe`, `scope`); `registry.rs`
//! lists the kinds and derives the dispatch.

pub mod archives;
pub mod bundle_size;
pub mod certification;
pub mod content;
pub mod context;
pub mod cross_bid;
pub mod declared_members;
pub mod describe;
pub mod empty_entries;
pub mod filename_length;
pub mod filename_pattern;
pub mod forbidden_files;
pub mod holder;
pub mod hosting;
pub mod kind;
pub mod language;
pub mod lots;
pub mod mandataire_limit;
pub mod manual;
pub mod members;
pub mod outline;
pub mod pages;
pub mod params;
pub mod per_document;
pub mod per_reference;
pub mod piece;
pub mod piece_credit;
pub mod readable;
pub mod regex_words;
pub mod registry;
pub mod select;
#[cfg(test)]
pub(crate) mod testkit;
pub mod unique_candidacy;
pub mod unmatched_files;
pub mod validity;

use regex::{Regex, RegexBuilder};

use crate::yaml_spans::YamlPath;
pub use context::{Context, Outcome, PieceIndex, Recognized};
pub use kind::{BidCheck, CheckKind, CrossBidCheck};
pub use registry::{Check, CompiledCheck};

/// A problem in a check's parameters, at a path relative to `check:`.
#[derive(Debug, Clone)]
pub struct CompileError {
    pub path: YamlPath,
    pub message: String,
}

impl CompileError {
    pub fn new(path: impl Into<YamlPath>, message: impl Into<String>) -> CompileError {
        CompileError {
            path: path.into(),
            message: message.into(),
        }
    }
}

/// Compile a user regex that runs over the text of documents (megabytes, in French).
///
/// Word boundaries are made ASCII (`\b` → `(?-u:\b)`): the regex crate's fast engines
/// cannot decide a Unicode word boundary in non-ASCII text and fall back to the slowest one,
/// which took seconds per run on a 200-document bid. The only difference: a letter with an
/// accent next to the pattern counts as a boundary (`\bUSD\b` also matches « éUSD »).
pub fn text_regex_from(pattern: &str, case_insensitive: bool) -> Result<Regex, String> {
    build_regex(&ascii_word_boundaries(pattern), pattern, case_insensitive)
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
    build_regex(pattern, pattern, case_insensitive)
}

/// `compiled`, the engine's form of the pattern the pack wrote (`written`): a problem is said
/// of what the author wrote.
fn build_regex(compiled: &str, written: &str, case_insensitive: bool) -> Result<Regex, String> {
    RegexBuilder::new(compiled)
        .case_insensitive(case_insensitive)
        .size_limit(1 << 20)
        .dfa_size_limit(1 << 20)
        .build()
        .map_err(|e| {
            format!(
                "expression régulière invalide : {}",
                regex_words::regex_error_fr(written, &e)
            )
        })
}

#[cfg(test)]
mod tests;
