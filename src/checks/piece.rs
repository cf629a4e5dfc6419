//! `piece`: a required document is present — once per bid, or once per member (all members,
//! or those matching a filter) — in an allowed format. A file is the piece when its name
//! matches one of the rule's patterns (case and accents ignored), when the manifest's
//! `pieces:` maps it to the rule, or — for a file no piece rule recognises by name — when its
//! first page or its sheet names match the rule's `content` / `sheets` patterns: bid teams
//! name files in many ways, and `26_01_DC_Piece7_Beta.pdf` reading « Attestation
//! d'assurance » on its first page is the insurance attestation.

use rayon::prelude::*;
use regex::Regex;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::kind::{BidCheck, CheckKind};
use super::members::{self, describe};
use super::piece_credit::{self, CompiledWithin};
use super::{CompileError, regex_from};
use std::collections::HashSet;

use super::params::MemberFilter;
use crate::checks::{Context, Outcome, PieceIndex, Recognized};
use crate::documents::DocFacts;
use crate::documents::pool::Documents;
use crate::inventory::Inventory;
use crate::manifest::{Manifest, normalize_rel};
use crate::quotes;
use crate::say;
use crate::text::{fold, stem, strip_accents};
use crate::vocabulary::{Finding, Format, JointDocument, Lang, Scope};
use crate::yaml_spans::YamlPath;

/// Whether a piece is required once for the bid or once per member.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum PieceScope {
    #[default]
    Bid,
    Member,
}

/// A required document, recognised by its file name (regexes on the name without extension,
/// case- and accent-insensitive) or by the manifest's `pieces:` mapping.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Piece {
    /// What the piece is, in French (« lettre de candidature »).
    pub label: String,
    #[serde(default)]
    pub per: PieceScope,
    /// With `per: member`, which members must provide it (all when omitted).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub members: Option<MemberFilter>,
    /// With `per: member`: one document for the whole groupement, deposited by the mandataire
    /// or at the root of the folder, satisfies every member.
    #[serde(default)]
    pub joint: bool,
    /// With `per: member`: a document deposited by the mandataire or at the root satisfies
    /// each member it names — a sheet whose name holds the member's token, or a line (a
    /// workbook row) that begins with the member's name or token. One trame or one DC1 for
    /// the whole groupement, listing each member, counts for each of them and no other.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub joint_named: bool,
    /// Other pieces this one may be given inside: the references in a sheet of the Excel
    /// trame, the sworn declarations in section F1 of the DC1. A file recognised as the host
    /// piece also counts for this one when its sheets or its text match.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub within: Vec<Within>,
    /// Regexes on the file name without extension; any may match.
    pub names: Vec<String>,
    /// Allowed formats, read from content; any format when omitted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub formats: Vec<Format>,
    /// Regexes on the top of the first page (its first 600 characters, case- and
    /// accent-insensitive, spaces collapsed, ’ written '): a file no piece rule recognises by
    /// name is this piece when its title matches (« attestation d'assurance », « dc ?1 »);
    /// when several rules match, the earliest match wins.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub content: Vec<String>,
    /// Regexes on a workbook's sheet names (case- and accent-insensitive): a workbook no
    /// piece rule recognises by name is this piece when one of its sheets matches.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sheets: Vec<String>,
    /// How many documents at least (per bid or per member).
    #[serde(default = "one")]
    pub min: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<usize>,
}

fn one() -> usize {
    1
}

/// Where a piece may be given inside another document: the files of a host piece rule
/// (`piece`), or the files whose names match `names` when the pack has no rule for the host
/// (the DC1/DC2 of a pack that does not require them). At least one of `sheets` and `text`;
/// when both are given, both must match.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Within {
    /// Id of the host `piece` rule (`CAIH-CAND-TRAME`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub piece: Option<String>,
    /// Regexes on the host file's name without extension (case- and accent-insensitive), when
    /// no `piece` is given.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<String>,
    /// Regexes on the host workbook's sheet names (case- and accent-insensitive); any may
    /// match.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sheets: Vec<String>,
    /// Regexes on the host document's text (case- and accent-insensitive, spaces collapsed);
    /// any may match.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub text: Vec<String>,
    /// What the host holds, in French, for the report (« onglet des références »).
    pub label: String,
}

/// Characters at the top of the first page where a document's title is looked for.
const TITLE_WINDOW: usize = 600;

#[derive(Debug, Clone)]
pub struct RequiredPiece {
    pub raw: Piece,
    names: Vec<Regex>,
    content: Vec<Regex>,
    sheets: Vec<Regex>,
    within: Vec<CompiledWithin>,
}

impl CheckKind for Piece {
    type Compiled = RequiredPiece;

    fn compile(&self, errors: &mut Vec<CompileError>) -> RequiredPiece {
        if self.names.is_empty() {
            errors.push(CompileError::new(
                "names",
                "au moins un motif de nom est nécessaire",
            ));
        }
        if self.max.is_some_and(|m| m < self.min) {
            errors.push(CompileError::new("max", "`max` est inférieur à `min`"));
        }
        if self.members.is_some() && self.per == PieceScope::Bid {
            errors.push(CompileError::new(
                "members",
                "`members` n'a de sens qu'avec `per: member`",
            ));
        }
        if self.joint_named && self.per == PieceScope::Bid {
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
                            errors.push(CompileError::new(YamlPath::from(field).index(i), e));
                            None
                        }
                    }
                })
                .collect()
        };
        RequiredPiece {
            names: patterns(&self.names, "names"),
            content: patterns(&self.content, "content"),
            sheets: patterns(&self.sheets, "sheets"),
            within: piece_credit::compile_within(&self.within, errors),
            raw: self.clone(),
        }
    }

    fn describe(&self) -> Vec<String> {
        let count = match (self.min, self.max) {
            (1, None) => "au moins un document".to_string(),
            (n, None) => format!("au moins {n} documents"),
            (a, Some(b)) if a == b => format!("exactement {a} document(s)"),
            (a, Some(b)) => format!("de {a} à {b} documents"),
        };
        let who = match (self.per, &self.members) {
            (PieceScope::Bid, _) => "Le dossier contient".to_string(),
            (PieceScope::Member, None) => "Chaque membre fournit".to_string(),
            (PieceScope::Member, Some(f)) => {
                format!(
                    "Chaque membre concerné ({}) fournit",
                    super::members::describe(Some(f))
                )
            }
        };
        let mut out = vec![format!("{who} {count} : {}.", self.label)];
        let mut how = vec!["par son nom de fichier"];
        if !self.content.is_empty() {
            how.push("par le titre de sa première page");
        }
        if !self.sheets.is_empty() {
            how.push("par les onglets du classeur");
        }
        how.push("ou par `pieces:` du bid.yaml");
        out.push(format!("La pièce est reconnue {}.", how.join(", ")));
        if !self.formats.is_empty() {
            let formats: Vec<String> = self
                .formats
                .iter()
                .map(|f| format!("{f:?}").to_uppercase())
                .collect();
            out.push(format!("Formats acceptés : {}.", formats.join(", ")));
        }
        if self.joint {
            out.push("Un document commun au groupement, déposé par le mandataire ou à la racine, vaut pour tous les membres.".to_string());
        }
        if self.joint_named {
            out.push("Un document commun déposé par le mandataire ou à la racine vaut pour chaque membre qu'il nomme.".to_string());
        }
        for w in &self.within {
            let host = w
                .piece
                .clone()
                .unwrap_or_else(|| "un autre document".to_string());
            out.push(format!(
                "Elle peut aussi être donnée dans la pièce {host} ({}).",
                w.label
            ));
        }
        out
    }

    fn scope(&self) -> Scope {
        let joint = if self.joint {
            JointDocument::Admitted
        } else if self.joint_named {
            JointDocument::IfNamed
        } else {
            JointDocument::No
        };
        match self.per {
            PieceScope::Bid => Scope::Bid,
            PieceScope::Member => Scope::Members {
                criteria: self.members.as_ref().map(MemberFilter::criteria),
                joint,
            },
        }
    }

    fn piece_references(&self) -> Vec<(YamlPath, String)> {
        self.within
            .iter()
            .enumerate()
            .filter_map(|(i, w)| {
                Some((
                    YamlPath::from("within").index(i).key("piece"),
                    w.piece.clone()?,
                ))
            })
            .collect()
    }
}

impl RequiredPiece {
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
    rules: impl Iterator<Item = (&'a str, &'a RequiredPiece)>,
    manifest: &Manifest,
    inv: &Inventory,
    docs: &Documents,
) -> PieceIndex {
    let rules: Vec<(&str, &RequiredPiece)> = rules.collect();
    let mut index = PieceIndex::new();
    for (id, c) in &rules {
        index.insert(id.to_string(), recognize(c, id, manifest, inv));
    }
    let named: HashSet<usize> = index.values().flat_map(|r| r.files.clone()).collect();
    let content_rules: Vec<&(&str, &RequiredPiece)> =
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
fn recognize_by_content<'a>(
    rules: &[&(&'a str, &RequiredPiece)],
    facts: &DocFacts,
) -> Option<&'a str> {
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
fn recognize(c: &RequiredPiece, rule_id: &str, manifest: &Manifest, inv: &Inventory) -> Recognized {
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

impl BidCheck for RequiredPiece {
    fn evaluate(&self, ctx: &Context, rule_id: &str) -> Outcome {
        let empty = Recognized::default();
        let rec = ctx.pieces.get(rule_id).unwrap_or(&empty);
        let findings: Vec<Finding> = rec
            .missing_mapped
            .iter()
            .map(|p| {
                ctx.manifest_finding(say!(
                    ctx.lang,
                    "« {p} », déclaré dans pieces:, est absent du dossier",
                    "\"{p}\", declared in pieces:, is not in the bid"
                ))
            })
            .collect();
        let found = self.candidates(ctx, rec);
        match self.raw.per {
            PieceScope::Bid => self.per_bid(ctx, &found, findings),
            PieceScope::Member => self.per_member(ctx, rule_id, &found, findings),
        }
    }

    fn needs_documents(&self) -> bool {
        self.reads_content()
    }
}

/// The files that count for a piece, and those that would but for their format.
struct Candidates {
    /// Recognised files in an accepted format, then files of other pieces that hold this one.
    valid: Vec<usize>,
    wrong_format: Vec<usize>,
    /// What was recognised and how, for the report.
    evidence: Vec<String>,
}

impl RequiredPiece {
    fn candidates(&self, ctx: &Context, rec: &Recognized) -> Candidates {
        // Recognised files in a format the consultation does not accept do not count; they are
        // named only when the piece is then missing (a `~$…docx` lock file next to the real
        // document is another rule's business).
        let (valid, wrong_format): (Vec<usize>, Vec<usize>) = rec.files.iter().partition(|&&i| {
            let f = ctx.file(i);
            let format = f.kind.format(f.ext.as_deref());
            self.raw.formats.is_empty() || format.is_some_and(|fm| self.raw.formats.contains(&fm))
        });
        // Files of other pieces that hold this one (the references in the trame's sheet): their
        // format is their own piece's business.
        let hosted: Vec<piece_credit::Hosted> = piece_credit::hosted(&self.within, ctx)
            .into_iter()
            .filter(|h| !valid.contains(&h.file))
            .collect();
        let mut evidence: Vec<String> = valid
            .iter()
            .map(|&i| {
                let rel = ctx.file(i).rel.clone();
                if rec.by_content.contains(&i) {
                    say!(
                        ctx.lang,
                        "{rel} (reconnu par son contenu)",
                        "{rel} (recognised by its content)"
                    )
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
        Candidates {
            valid: valid
                .into_iter()
                .chain(hosted.iter().map(|h| h.file))
                .collect(),
            wrong_format,
            evidence,
        }
    }

    /// Name the files in a refused format (of member `owner`, or shared), when the piece is
    /// missing: the bid manager sees why the document there did not count.
    fn explain_wrong_format(
        &self,
        ctx: &Context,
        found: &Candidates,
        owner: Option<usize>,
        findings: &mut Vec<Finding>,
    ) {
        for &i in &found.wrong_format {
            let f = ctx.file(i);
            if owner.is_none() || f.member == owner || f.member.is_none() {
                let (label, kind) = (&self.raw.label, f.kind.label(ctx.lang));
                let accepted = formats(&self.raw.formats);
                findings.push(ctx.file_finding(
                    f,
                    say!(
                        ctx.lang,
                        "ressemble à « {label} » mais est au format {kind} (formats acceptés : {accepted})",
                        "looks like \"{label}\" but is in the {kind} format (accepted formats: {accepted})"
                    ),
                ));
            }
        }
    }

    /// Once for the whole bid.
    fn per_bid(&self, ctx: &Context, found: &Candidates, mut findings: Vec<Finding>) -> Outcome {
        let before = findings.len();
        let n = found.valid.len();
        count_findings(ctx.lang, n, &self.raw, None, &mut findings);
        if findings.len() > before && n < self.raw.min {
            self.explain_wrong_format(ctx, found, None, &mut findings);
        }
        Outcome::from_findings(findings).with_evidence(found.evidence.clone())
    }

    /// Once for each member the rule concerns.
    fn per_member(
        &self,
        ctx: &Context,
        rule_id: &str,
        found: &Candidates,
        mut findings: Vec<Finding>,
    ) -> Outcome {
        let Some(all) = ctx.manifest.members.as_deref() else {
            return Outcome::missing(ctx.lang, &["members".to_string()]);
        };
        let sel = members::select(self.raw.members.as_ref(), all);
        if sel.selected.is_empty() && sel.missing.is_empty() {
            let which = describe(self.raw.members.as_ref());
            return Outcome::not_applicable(say!(
                ctx.lang,
                "aucun membre concerné ({which})",
                "no member concerned ({which})"
            ));
        }
        let mapped = piece_credit::mapped(rule_id, ctx);
        let unattributed: Vec<&str> = found
            .valid
            .iter()
            .map(|&i| ctx.file(i))
            .filter(|f| f.member.is_none())
            .map(|f| f.rel.as_str())
            .collect();
        for &m in &sel.selected {
            let n = found
                .valid
                .iter()
                .filter(|&&i| piece_credit::credits(&self.raw, ctx, &mapped, i, m))
                .count();
            let who = all[m].label();
            let before = findings.len();
            count_findings(ctx.lang, n, &self.raw, Some(who), &mut findings);
            if n < self.raw.min {
                self.explain_wrong_format(ctx, found, Some(m), &mut findings);
            }
            if findings.len() > before && n == 0 && !unattributed.is_empty() && !self.raw.joint {
                let files = unattributed.join(", ");
                findings.push(
                    Finding::new(say!(
                        ctx.lang,
                        "fichier(s) reconnu(s) mais rattaché(s) à aucun membre : {files}",
                        "file(s) recognised but attached to no member: {files}"
                    ))
                    .member(Some(who))
                    .suggest(say!(
                        ctx.lang,
                        "placer le fichier dans le dossier du membre ou ajouter « _{who} » à son nom",
                        "put the file in the member's folder or add \"_{who}\" to its name"
                    )),
                );
            }
        }
        if findings.is_empty() && !sel.missing.is_empty() {
            return Outcome::missing(ctx.lang, &sel.missing);
        }
        Outcome::from_findings(findings).with_evidence(found.evidence.clone())
    }
}

fn count_findings(lang: Lang, n: usize, p: &Piece, who: Option<&str>, findings: &mut Vec<Finding>) {
    let (label, min) = (&p.label, p.min);
    if n < min {
        let msg = if n == 0 {
            say!(lang, "pièce absente : {label}", "missing piece: {label}")
        } else {
            say!(
                lang,
                "{n} document(s) pour « {label} », {min} attendu(s) au moins",
                "{n} document(s) for \"{label}\", at least {min} expected"
            )
        };
        findings.push(Finding::new(msg).member(who));
    }
    if let Some(max) = p.max
        && n > max
    {
        findings.push(
            Finding::new(say!(
                lang,
                "{n} documents pour « {label} », {max} au plus",
                "{n} documents for \"{label}\", at most {max}"
            ))
            .member(who),
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
