//! `piece`: a required document is present — once per bid, or once per member (all members,
//! or those matching a filter) — in an allowed format. A file is the piece when its name
//! matches one of the rule's patterns (case and accents ignored), when the manifest's
//! `pieces:` maps it to the rule, or — for a file no piece rule recognises by name — when its
//! first page or its sheet names match the rule's `content` / `sheets` patterns: bid teams
//! name files in many ways, and `26_01_DC_Piece7_Beta.pdf` reading « Attestation
//! d'assurance » on its first page is the insurance attestation.

use rayon::prelude::*;
use regex::Regex;

use super::members::{self, describe};
use super::piece_credit::{self, CompiledWithin};
use super::{CompileError, regex_from};
use std::collections::HashSet;

use crate::documents::DocFacts;
use crate::documents::pool::Documents;
use crate::checks::{Context, Outcome, PieceIndex, Recognized};
use crate::inventory::Inventory;
use crate::manifest::{Manifest, normalize_rel};
use crate::pack::model::{Piece, PieceScope};
use crate::vocabulary::Format;
use crate::quotes;
use crate::vocabulary::Finding;
use crate::text::{fold, stem, strip_accents};

/// Characters at the top of the first page where a document's title is looked for.
const TITLE_WINDOW: usize = 600;

#[derive(Debug, Clone)]
pub struct Compiled {
    pub raw: Piece,
    names: Vec<Regex>,
    content: Vec<Regex>,
    sheets: Vec<Regex>,
    within: Vec<CompiledWithin>,
}

pub fn compile(c: &Piece, errors: &mut Vec<CompileError>) -> Compiled {
    if c.names.is_empty() {
        errors.push(CompileError::new(
            "names",
            "au moins un motif de nom est nécessaire",
        ));
    }
    if c.max.is_some_and(|m| m < c.min) {
        errors.push(CompileError::new("max", "`max` est inférieur à `min`"));
    }
    if c.members.is_some() && c.per == PieceScope::Bid {
        errors.push(CompileError::new(
            "members",
            "`members` n'a de sens qu'avec `per: member`",
        ));
    }
    if c.joint_named && c.per == PieceScope::Bid {
        errors.push(CompileError::new(
            "joint_named",
            "`joint_named` n'a de sens qu'avec `per: member`",
        ));
    }
    let mut patterns = |list: &[String], field: &str| -> Vec<Regex> {
        list.iter()
            .enumerate()
            .filter_map(|(i, p)| {
                // Names and content are compared folded (no accents): so is the pattern.
                let p = strip_accents(p);
                match regex_from(&p, true) {
                    Ok(r) => Some(r),
                    Err(e) => {
                        errors.push(CompileError::new(format!("{field}[{i}]"), e));
                        None
                    }
                }
            })
            .collect()
    };
    Compiled {
        names: patterns(&c.names, "names"),
        content: patterns(&c.content, "content"),
        sheets: patterns(&c.sheets, "sheets"),
        within: piece_credit::compile_within(&c.within, errors),
        raw: c.clone(),
    }
}

impl Compiled {
    pub fn reads_content(&self) -> bool {
        self.by_content() || !self.within.is_empty() || self.raw.joint_named
    }
    fn by_content(&self) -> bool {
        !self.content.is_empty() || !self.sheets.is_empty()
    }
}

/// Every piece rule's files. By name and by the manifest's mapping first; then, for the
/// files that no rule recognised that way, by content.
pub fn recognize_all<'a>(
    rules: impl Iterator<Item = (&'a str, &'a Compiled)>,
    manifest: &Manifest,
    inv: &Inventory,
    docs: &Documents,
) -> PieceIndex {
    let rules: Vec<(&str, &Compiled)> = rules.collect();
    let mut index = PieceIndex::new();
    for (id, c) in &rules {
        index.insert(id.to_string(), recognize(c, id, manifest, inv));
    }
    let named: HashSet<usize> = index.values().flat_map(|r| r.files.clone()).collect();
    let content_rules: Vec<&(&str, &Compiled)> =
        rules.iter().filter(|(_, c)| c.by_content()).collect();
    if content_rules.is_empty() {
        return index;
    }
    // Each unnamed document is recognised on its own (in parallel), then filed in folder order.
    let unnamed: Vec<usize> = (0..inv.files.len())
        .filter(|i| !named.contains(i))
        .collect();
    let found: Vec<Option<(usize, &str)>> = unnamed
        .par_iter()
        .map(|&i| {
            let facts = docs.facts(i)?;
            recognize_by_content(&content_rules, facts).map(|id| (i, id))
        })
        .collect();
    for (i, id) in found.into_iter().flatten() {
        if let Some(rec) = index.get_mut(id) {
            rec.files.push(i);
            rec.by_content.push(i);
        }
    }
    index
}

/// The piece whose title comes first on the document's first page (a DC1 lists the
/// declarations that come with it: the title, i.e. the earliest match, decides), else one
/// whose sheet names the workbook has.
fn recognize_by_content<'a>(rules: &[&(&'a str, &Compiled)], facts: &DocFacts) -> Option<&'a str> {
    let top: String = fold(&quotes::normalize(&facts.first_page))
        .chars()
        .take(TITLE_WINDOW)
        .collect();
    let sheets: Vec<String> = facts.sheets.iter().map(|s| fold(s)).collect();
    rules
        .iter()
        .filter_map(|(id, c)| {
            let by_text = c
                .content
                .iter()
                .filter_map(|r| r.find(&top))
                .map(|m| m.start())
                .min();
            let by_sheet = c
                .sheets
                .iter()
                .any(|r| sheets.iter().any(|s| r.is_match(s)))
                .then_some(usize::MAX);
            by_text.or(by_sheet).map(|pos| (pos, *id))
        })
        .min()
        .map(|(_, id)| id)
}

/// The files that are this piece: by name, or mapped to `rule_id` in the manifest.
fn recognize(c: &Compiled, rule_id: &str, manifest: &Manifest, inv: &Inventory) -> Recognized {
    let mut rec = Recognized::default();
    for (i, f) in inv.files.iter().enumerate() {
        let folded = fold(stem(&f.name));
        if c.names.iter().any(|r| r.is_match(&folded)) {
            rec.files.push(i);
        }
    }
    if let Some(mapped) = manifest.pieces.get(rule_id) {
        for path in mapped.paths() {
            let rel = normalize_rel(path);
            match inv.file(&rel) {
                Some((i, _)) if !rec.files.contains(&i) => rec.files.push(i),
                Some(_) => {}
                None => rec.missing_mapped.push(rel),
            }
        }
    }
    rec
}

pub fn evaluate(c: &Compiled, ctx: &Context, rule_id: &str) -> Outcome {
    let empty = Recognized::default();
    let rec = ctx.pieces.get(rule_id).unwrap_or(&empty);
    let mut findings: Vec<Finding> = rec
        .missing_mapped
        .iter()
        .map(|p| {
            ctx.manifest_finding(format!(
                "« {p} », déclaré dans pieces:, est absent du dossier"
            ))
        })
        .collect();
    // Recognised files in a format the consultation does not accept do not count; they are
    // named only when the piece is then missing (a `~$…docx` lock file next to the real
    // document is another rule's business).
    let (valid, wrong_format): (Vec<usize>, Vec<usize>) = rec.files.iter().partition(|&&i| {
        let f = ctx.file(i);
        let format = f.kind.format(f.ext.as_deref());
        c.raw.formats.is_empty() || format.is_some_and(|fm| c.raw.formats.contains(&fm))
    });
    // Files of other pieces that hold this one (the references in the trame's sheet): their
    // format is their own piece's business.
    let hosted: Vec<piece_credit::Hosted> = piece_credit::hosted(&c.within, ctx)
        .into_iter()
        .filter(|h| !valid.contains(&h.file))
        .collect();
    let mut evidence: Vec<String> = valid
        .iter()
        .map(|&i| {
            let rel = ctx.file(i).rel.clone();
            if rec.by_content.contains(&i) {
                format!("{rel} (reconnu par son contenu)")
            } else {
                rel
            }
        })
        .collect();
    evidence.extend(
        hosted
            .iter()
            .map(|h| format!("{} ({})", ctx.file(h.file).rel, h.how)),
    );
    let valid: Vec<usize> = valid
        .into_iter()
        .chain(hosted.iter().map(|h| h.file))
        .collect();
    let label = &c.raw.label;
    let explain_wrong_format = |owner: Option<usize>, findings: &mut Vec<Finding>| {
        for &i in &wrong_format {
            let f = ctx.file(i);
            if owner.is_none() || f.member == owner || f.member.is_none() {
                findings.push(ctx.file_finding(
                    f,
                    format!(
                        "ressemble à « {label} » mais est au format {} (formats acceptés : {})",
                        f.kind.label(),
                        formats(&c.raw.formats)
                    ),
                ));
            }
        }
    };
    match c.raw.per {
        PieceScope::Bid => {
            let before = findings.len();
            count_findings(valid.len(), &c.raw, None, label, &mut findings);
            if findings.len() > before && valid.len() < c.raw.min {
                explain_wrong_format(None, &mut findings);
            }
            Outcome::from_findings(findings).with_evidence(evidence)
        }
        PieceScope::Member => {
            let Some(all) = ctx.manifest.members.as_deref() else {
                return Outcome::missing(&["members".to_string()]);
            };
            let sel = members::select(c.raw.members.as_ref(), all);
            if sel.selected.is_empty() && sel.missing.is_empty() {
                return Outcome::not_applicable(format!(
                    "aucun membre concerné ({})",
                    describe(c.raw.members.as_ref())
                ));
            }
            let mapped = piece_credit::mapped(rule_id, ctx);
            let unattributed: Vec<&str> = valid
                .iter()
                .map(|&i| ctx.file(i))
                .filter(|f| f.member.is_none())
                .map(|f| f.rel.as_str())
                .collect();
            for &m in &sel.selected {
                let n = valid
                    .iter()
                    .filter(|&&i| piece_credit::credits(&c.raw, ctx, &mapped, i, m))
                    .count();
                let who = all[m].label();
                let before = findings.len();
                count_findings(n, &c.raw, Some(who), label, &mut findings);
                if n < c.raw.min {
                    explain_wrong_format(Some(m), &mut findings);
                }
                if findings.len() > before && n == 0 && !unattributed.is_empty() && !c.raw.joint {
                    findings.push(
                        Finding::new(format!(
                            "fichier(s) reconnu(s) mais rattaché(s) à aucun membre : {}",
                            unattributed.join(", ")
                        ))
                        .member(Some(who))
                        .suggest(format!("placer le fichier dans le dossier du membre ou ajouter « _{who} » à son nom")),
                    );
                }
            }
            if findings.is_empty() && !sel.missing.is_empty() {
                return Outcome::missing(&sel.missing);
            }
            Outcome::from_findings(findings).with_evidence(evidence)
        }
    }
}

fn count_findings(
    n: usize,
    p: &Piece,
    who: Option<&str>,
    label: &str,
    findings: &mut Vec<Finding>,
) {
    if n < p.min {
        let msg = if n == 0 {
            format!("pièce absente : {label}")
        } else {
            format!(
                "{n} document(s) pour « {label} », {} attendu(s) au moins",
                p.min
            )
        };
        findings.push(Finding::new(msg).member(who));
    }
    if let Some(max) = p.max
        && n > max
    {
        findings.push(
            Finding::new(format!("{n} documents pour « {label} », {max} au plus")).member(who),
        );
    }
}

fn formats(f: &[Format]) -> String {
    f.iter()
        .map(|x| {
            serde_json::to_value(x)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(", ")
}
