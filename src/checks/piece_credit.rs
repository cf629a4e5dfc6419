//! Which members a document counts for under a per-member `piece` rule, and the pieces given
//! inside another piece (`within:`).
//!
//! A file counts for its owner (folder or name token). It also counts for other members when
//! the pack or the manifest says so: a joint document (`joint`) deposited by the mandataire or
//! at the root counts for all; a document for the groupement that names each member
//! (`joint_named`) counts for each member it names; the manifest's `pieces:` mapping by member
//! credits the file to each member listed, so one trame can be declared for Alpha and Beta.

use regex::Regex;

use super::piece::{Piece, Within};
use super::{CompileError, regex_from, text_regex_from};
use crate::checks::Context;
use crate::documents::DocFacts;
use crate::manifest::{Member, normalize_rel};
use crate::quotes;
use crate::say;
use crate::text::{fold, name_tokens, stem, strip_accents};
use crate::vocabulary::Role;
use crate::yaml_spans::YamlPath;

/// A `within:` entry, its patterns compiled.
#[derive(Debug, Clone)]
pub struct CompiledWithin {
    /// The host piece rule, or None when the host is named by `names`.
    piece: Option<String>,
    names: Vec<Regex>,
    label: String,
    sheets: Vec<Regex>,
    text: Vec<Regex>,
}

pub fn compile_within(list: &[Within], errors: &mut Vec<CompileError>) -> Vec<CompiledWithin> {
    list.iter()
        .enumerate()
        .map(|(i, w)| {
            // Exactly one of the two: both given, or neither, is an error.
            if w.piece.is_some() != w.names.is_empty() {
                errors.push(CompileError::new(
                    YamlPath::from("within").index(i),
                    "indiquez soit `piece` (la règle de la pièce hôte), soit `names` (les noms \
                     des fichiers hôtes)",
                ));
            }
            if w.sheets.is_empty() && w.text.is_empty() {
                errors.push(CompileError::new(
                    YamlPath::from("within").index(i),
                    "indiquez `sheets` ou `text` : ce qui, dans la pièce hôte, montre que \
                     celle-ci s'y trouve",
                ));
            }
            // Text patterns run over whole documents: ASCII word boundaries keep them fast.
            let mut patterns = |list: &[String], field: &str| -> Vec<Regex> {
                let compile = if field == "text" {
                    text_regex_from
                } else {
                    regex_from
                };
                list.iter()
                    .enumerate()
                    .filter_map(|(j, p)| match compile(&strip_accents(p), true) {
                        Ok(r) => Some(r),
                        Err(e) => {
                            errors.push(CompileError::new(
                                YamlPath::from("within").index(i).key(field).index(j),
                                e,
                            ));
                            None
                        }
                    })
                    .collect()
            };
            CompiledWithin {
                piece: w.piece.clone(),
                names: patterns(&w.names, "names"),
                label: w.label.clone(),
                sheets: patterns(&w.sheets, "sheets"),
                text: patterns(&w.text, "text"),
            }
        })
        .collect()
}

/// A file of another piece that holds this one.
#[derive(Debug, Clone)]
pub struct Hosted {
    pub file: usize,
    /// How the report names it: « onglet des références de la pièce CAIH-CAND-TRAME ».
    pub how: String,
}

/// The files of the host pieces whose sheets or text show that they hold this piece.
pub fn hosted(within: &[CompiledWithin], ctx: &Context) -> Vec<Hosted> {
    let mut out: Vec<Hosted> = Vec::new();
    for w in within {
        let hosts: Vec<usize> = match &w.piece {
            Some(id) => ctx
                .pieces
                .get(id)
                .map(|r| r.files.clone())
                .unwrap_or_default(),
            None => (0..ctx.inventory.files.len())
                .filter(|&i| {
                    let name = fold(stem(&ctx.file(i).name));
                    w.names.iter().any(|r| r.is_match(&name))
                })
                .collect(),
        };
        let how = match &w.piece {
            Some(id) => {
                let label = &w.label;
                say!(
                    ctx.lang,
                    "{label} de la pièce {id}",
                    "{label} of piece {id}"
                )
            }
            None => w.label.clone(),
        };
        for i in hosts {
            if out.iter().any(|h| h.file == i) {
                continue;
            }
            let Some(facts) = ctx.documents.facts(i) else {
                continue;
            };
            if holds(w, facts) {
                out.push(Hosted {
                    file: i,
                    how: how.clone(),
                });
            }
        }
    }
    out
}

fn holds(w: &CompiledWithin, facts: &DocFacts) -> bool {
    let by_sheet = w.sheets.is_empty()
        || facts
            .sheets
            .iter()
            .any(|s| w.sheets.iter().any(|r| r.is_match(&fold(s))));
    let by_text = w.text.is_empty() || {
        let text = fold(&quotes::normalize(&facts.text));
        w.text.iter().any(|r| r.is_match(&text))
    };
    by_sheet && by_text
}

/// The (file, member) pairs the manifest's `pieces:` mapping credits for this rule.
pub fn mapped(rule_id: &str, ctx: &Context) -> Vec<(usize, usize)> {
    let Some(files) = ctx.manifest.pieces.get(rule_id) else {
        return Vec::new();
    };
    let members = ctx.members();
    files
        .entries()
        .into_iter()
        .filter_map(|(who, path)| {
            let m = member_index(members, who?)?;
            let (i, _) = ctx.inventory.file(&normalize_rel(path))?;
            Some((i, m))
        })
        .collect()
}

/// The member a `pieces:` key names, by token or full name (accents and case ignored).
fn member_index(members: &[Member], who: &str) -> Option<usize> {
    let who = fold(who.trim());
    members.iter().position(|m| {
        m.short.as_deref().map(fold).as_deref() == Some(who.as_str()) || fold(&m.name) == who
    })
}

/// Does `file` count for member `m` under this rule?
pub fn credits(p: &Piece, ctx: &Context, mapped: &[(usize, usize)], file: usize, m: usize) -> bool {
    let owner = ctx.file(file).member;
    if owner == Some(m) || mapped.contains(&(file, m)) {
        return true;
    }
    if !is_joint_owner(owner, ctx) {
        return false;
    }
    p.joint
        || (p.joint_named
            && ctx
                .members()
                .get(m)
                .zip(ctx.documents.facts(file))
                .is_some_and(|(member, facts)| names_member(facts, member)))
}

/// A joint document (one for the groupement) is deposited by the mandataire or at the root.
pub fn is_joint_owner(owner: Option<usize>, ctx: &Context) -> bool {
    match owner {
        None => true,
        Some(i) => ctx.members().get(i).and_then(|m| m.role) == Some(Role::Mandataire),
    }
}

/// The document names the member: a sheet whose name holds the member's token, or a line
/// (a row of a workbook, a line of a form, an item of a list) that begins with its name or
/// token. A name cited
/// in a sentence (« en groupement avec Beta Cloud ») is not enough: the document must list
/// the member as one of those it is filled in for.
pub fn names_member(facts: &DocFacts, m: &Member) -> bool {
    let mut keys: Vec<String> = vec![fold(m.name.trim())];
    if let Some(s) = &m.short {
        keys.push(fold(s.trim()));
    }
    keys.retain(|k| !k.is_empty());
    let starts_with_key = |line: &str| {
        // A bullet (« • », « - ») before the name is still the start of the line; a number is
        // not (« 3 Beta Cloud SA » is a reference's row, not the member's).
        let line = fold(line.trim_start_matches(|c: char| !c.is_alphanumeric()));
        keys.iter().any(|k| {
            line.strip_prefix(k.as_str())
                .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
        })
    };
    facts.sheets.iter().any(|s| {
        let folded = fold(s);
        name_tokens(&folded).any(|t| keys.iter().any(|k| k == t))
    }) || facts.text.lines().any(starts_with_key)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(name: &str, short: &str) -> Member {
        serde_yaml::from_str(&format!("name: {name}\nshort: {short}\n")).expect("member")
    }

    fn facts(sheets: &[&str], text: &str) -> DocFacts {
        DocFacts {
            sheets: sheets.iter().map(|s| s.to_string()).collect(),
            text: text.to_string(),
            ..DocFacts::default()
        }
    }

    #[test]
    fn a_member_is_named_by_a_sheet_or_a_line_that_begins_with_it() {
        let beta = member("Beta Cloud SA", "Beta");
        assert!(names_member(&facts(&["CA Beta"], ""), &beta));
        assert!(names_member(
            &facts(&[], "Beta Cloud SA\t2024\t4 750 000"),
            &beta
        ));
        assert!(names_member(&facts(&[], "  bêta : cotraitant"), &beta));
        assert!(names_member(
            &facts(&[], "• Beta Cloud SA, cotraitant"),
            &beta
        ));
        // Cited in a sentence, or as the start of another word: not named.
        assert!(!names_member(
            &facts(&["CA"], "Alpha, en groupement avec Beta Cloud SA"),
            &beta
        ));
        assert!(!names_member(&facts(&["Betamax"], "Betamax SARL"), &beta));
        assert!(!names_member(
            &facts(&[], "3\tBeta Cloud SA\tCH de Colmar"),
            &beta
        ));
    }
}
