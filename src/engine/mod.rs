//! The engine: each rule of the pack set, for the phase, judged against the bid → a report.

use chrono::{DateTime, FixedOffset, NaiveDate};
use rayon::prelude::*;

use crate::checks::{self, CompiledCheck, Context, Outcome};
use crate::dates::{DateSpec, short_date};
use crate::diagnostics::YamlProblems;
use crate::documents::pool::Documents;
use crate::inventory::Inventory;
use crate::manifest::{LoadedManifest, Member};
use crate::pack::model::{SourceDoc, When};
use crate::pack::{CompiledRule, PackSet};
use crate::report::{self, BidInfo, Notice, NoticeKind, PackRef, Report, RuleResult, SourceOut};
use crate::say;
use crate::vocabulary::{Finding, Lang, Phase, Role, Status};
use crate::yaml_spans::YamlPath;

/// Everything a run needs, already loaded.
pub struct Run<'a> {
    pub packs: &'a PackSet,
    pub manifest: &'a LoadedManifest,
    pub inventory: &'a Inventory,
    pub documents: &'a Documents,
    pub phase: Option<Phase>,
    pub deadline: Option<&'a DateSpec>,
    /// How the report names the folder and the manifest.
    pub root_display: String,
    pub manifest_display: String,
    /// The day waivers' `expires` are judged against (today).
    pub today: NaiveDate,
    /// The moment of the run: a deadline before it is said at the top of the report.
    pub now: DateTime<FixedOffset>,
    /// The language of the report's own words.
    pub lang: Lang,
}

/// Waivers and `pieces:` keys must name rules of the loaded packs: a typo would silently
/// waive or map nothing.
pub fn check_waivers(run: &Run) -> Result<(), YamlProblems> {
    let src = &run.manifest.source;
    let problems: Vec<_> = run
        .manifest
        .manifest
        .waivers
        .iter()
        .enumerate()
        .filter(|(_, w)| run.packs.rule(&w.rule).is_none())
        .map(|(i, w)| {
            src.at_value(
                &YamlPath::from("waivers").index(i).key("rule"),
                format!("dérogation pour une règle inconnue : {}", w.rule),
            )
        })
        .collect();
    // A `pieces:` key must name a piece rule, or the mapping silently maps nothing.
    let mut problems = problems;
    for key in run.manifest.manifest.pieces.keys() {
        let is_piece = run
            .packs
            .rule(key)
            .is_some_and(|r| matches!(r.check, CompiledCheck::Piece(_)));
        if !is_piece {
            let closest = run
                .packs
                .rules
                .iter()
                .filter(|r| matches!(r.check, CompiledCheck::Piece(_)))
                .map(|r| (strsim::levenshtein(key, &r.def.id), r.def.id.as_str()))
                .min()
                .filter(|(d, _)| *d <= 3)
                .map(|(_, id)| format!(" — vouliez-vous dire `{id}` ?"))
                .unwrap_or_default();
            problems.push(src.at_key(
                &format!("pieces.{key}"),
                format!(
                    "pieces: « {key} » n'est pas une règle de pièce des packs chargés{closest}"
                ),
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(YamlProblems::new("manifeste invalide", problems))
    }
}

/// The rules that apply to the run's phase (all phases when the rule says none).
pub fn rules_for_phase(
    packs: &PackSet,
    phase: Option<Phase>,
) -> impl Iterator<Item = &CompiledRule> {
    packs.rules.iter().filter(move |r| {
        r.def.enabled
            && match (&r.def.phases, phase) {
                (None, _) | (Some(_), None) => true,
                (Some(ps), Some(p)) => ps.contains(&p),
            }
    })
}

pub fn run(run: &Run) -> Result<Report, YamlProblems> {
    check_waivers(run)?;
    let manifest = &run.manifest.manifest;
    let pieces = checks::piece::recognize_all(
        run.packs.rules.iter().filter_map(|r| match &r.check {
            CompiledCheck::Piece(p) => Some((r.def.id.as_str(), p)),
            _ => None,
        }),
        manifest,
        run.inventory,
        run.documents,
    );
    let ctx = Context {
        manifest,
        manifest_name: &run.manifest_display,
        inventory: run.inventory,
        phase: run.phase,
        deadline: run.deadline,
        pack_lots: run.packs.lots.as_deref(),
        pieces: &pieces,
        documents: run.documents,
        lang: run.lang,
    };
    let rules: Vec<&CompiledRule> = rules_for_phase(run.packs, run.phase).collect();
    let outcomes = judge_all(&rules, run.phase, &ctx);
    let mut notices = Vec::new();
    let mut results = Vec::with_capacity(rules.len());
    for (rule, mut outcome) in rules.into_iter().zip(outcomes) {
        notices.extend(manifest_notices(rule, &mut outcome));
        let help = rule
            .def
            .help_for(advice_member(&outcome.findings, ctx.members()));
        let mut result = rule_result(rule, outcome);
        result.help = help;
        apply_waiver(&mut result, run, &mut notices);
        results.push(result);
    }
    notices.extend(walk_notices(run));
    Ok(Report::new(
        report::ReportKind::Check,
        pack_refs(run.packs),
        BidInfo {
            root: run.root_display.clone(),
            manifest: Some(run.manifest_display.clone()),
            phase: run.phase.map(|p| p.as_str().to_string()),
            deadline: run.deadline.map(|d| d.raw.clone()),
            deadline_passed: run.deadline.is_some_and(|d| d.is_past(run.now)),
            files: run.inventory.files.len(),
            bytes: run.inventory.total_bytes(),
        },
        results,
        notices,
    ))
}

/// The short name the advice uses for `{membre}`: that of the first member the rule's
/// findings name, else of the mandataire, else of the first member; none when that member has
/// no `short` (the advice then says « <nom court> » rather than a name with spaces).
fn advice_member<'a>(findings: &[Finding], members: &'a [Member]) -> Option<&'a str> {
    let named = findings
        .iter()
        .find_map(|f| f.member.as_deref())
        .and_then(|label| members.iter().find(|m| m.label() == label));
    named
        .or_else(|| members.iter().find(|m| m.role == Some(Role::Mandataire)))
        .or(members.first())
        .and_then(|m| m.short.as_deref())
}

/// Rules are independent: judged in parallel (the text rules of a large bid take most of a
/// warm run), returned in the order of `rules`.
fn judge_all(rules: &[&CompiledRule], phase: Option<Phase>, ctx: &Context) -> Vec<Outcome> {
    rules
        .par_iter()
        .map(|rule| {
            if rule.def.phases.is_some() && phase.is_none() {
                Outcome::missing(ctx.lang, &["phase".to_string()])
            } else if let Some(skip) = rule
                .def
                .when
                .as_ref()
                .and_then(|w| condition_not_met(w, ctx))
            {
                skip
            } else {
                rule.check.evaluate(ctx, &rule.def.id)
            }
        })
        .collect()
}

/// Where a document contradicted bid.yaml: taken out of the outcome, reported as notices.
fn manifest_notices(rule: &CompiledRule, outcome: &mut Outcome) -> Vec<Notice> {
    std::mem::take(&mut outcome.manifest_notes)
        .into_iter()
        .map(|note| Notice {
            kind: NoticeKind::ManifestInconsistency,
            message: format!("{} : {}", rule.def.id, note.message),
            path: note.path,
        })
        .collect()
}

/// What the walk noticed: members with no file (where the phase asks pieces of each
/// member — a groupement's offer is one document set) and entries it could not take.
fn walk_notices(run: &Run) -> Vec<Notice> {
    let mut notices = Vec::new();
    let per_member = rules_for_phase(run.packs, run.phase).any(|r| {
        matches!(&r.check, CompiledCheck::Piece(p) if p.raw.per == crate::checks::piece::PieceScope::Member)
    });
    if per_member {
        notices.extend(members_without_files(
            &run.manifest.manifest,
            run.inventory,
            &run.manifest_display,
            run.lang,
        ));
    }
    for a in &run.inventory.anomalies {
        notices.push(Notice {
            kind: NoticeKind::Entry,
            message: a.describe(run.lang),
            path: Some(a.rel().to_string()),
        });
    }
    notices
}

/// In a bid of several operators, a member to whom no file is attributed is most often a
/// manifest mistake (a `folder` or `short` that matches nothing): said, so that the per-member
/// rules' failures are read for what they are. Subcontractors may owe no piece.
fn members_without_files(
    manifest: &crate::manifest::Manifest,
    inventory: &Inventory,
    manifest_display: &str,
    lang: Lang,
) -> Vec<Notice> {
    let members = manifest.members.as_deref().unwrap_or_default();
    let operators = members
        .iter()
        .filter(|m| m.role != Some(crate::vocabulary::Role::SousTraitant))
        .count();
    if operators < 2 {
        return Vec::new();
    }
    members
        .iter()
        .enumerate()
        .filter(|(_, m)| m.role != Some(crate::vocabulary::Role::SousTraitant))
        .filter(|(i, _)| !inventory.files.iter().any(|f| f.member == Some(*i)))
        .map(|(_, m)| {
            let how = match (&m.folder, &m.short) {
                (Some(folder), _) => say!(
                    lang,
                    "aucun fichier dans son dossier « {folder} »",
                    "no file in its folder \"{folder}\""
                ),
                (None, Some(short)) => say!(
                    lang,
                    "aucun nom de fichier ne porte « {short} »",
                    "no file name bears \"{short}\""
                ),
                (None, None) => lang
                    .t(
                        "ni `folder` ni `short` pour lui rattacher des fichiers",
                        "neither `folder` nor `short` to attach files to it",
                    )
                    .to_string(),
            };
            let name = &m.name;
            Notice {
                kind: NoticeKind::MemberWithoutFiles,
                message: say!(
                    lang,
                    "aucun fichier n'est rattaché à {name} ({how}) : vérifier `folder`/`short` dans le manifeste",
                    "no file is attached to {name} ({how}): check `folder`/`short` in the manifest"
                ),
                path: Some(manifest_display.to_string()),
            }
        })
        .collect()
}

/// The packs a report names: each with its version, in load order.
pub fn pack_refs(packs: &PackSet) -> Vec<PackRef> {
    packs
        .packs
        .iter()
        .map(|p| PackRef {
            id: p.id.clone(),
            version: p.version.clone(),
            title: p.title.clone(),
        })
        .collect()
}

/// Why a rule's `when:` does not hold (a skip), or None when it holds.
fn condition_not_met(w: &When, ctx: &Context) -> Option<Outcome> {
    if let Some(form) = w.form {
        match ctx.manifest.candidate.as_ref().and_then(|c| c.form) {
            None => return Some(Outcome::missing(ctx.lang, &["candidate.form".to_string()])),
            Some(f) if f != form => {
                let form = form_name(form);
                return Some(Outcome::not_applicable(say!(
                    ctx.lang,
                    "ne concerne que les candidatures « {form} »",
                    "applies only to bids whose form is \"{form}\""
                )));
            }
            Some(_) => {}
        }
    }
    if let Some(lots) = &w.lots_any {
        match &ctx.manifest.lots {
            None => return Some(Outcome::missing(ctx.lang, &["lots".to_string()])),
            Some(applied)
                if !applied
                    .iter()
                    .any(|a| lots.iter().any(|l| l.key() == a.key())) =>
            {
                let names: Vec<String> = lots.iter().map(ToString::to_string).collect();
                let names = names.join(ctx.lang.t(" ou ", " or "));
                return Some(Outcome::not_applicable(say!(
                    ctx.lang,
                    "ne concerne que les candidatures au lot {names}",
                    "applies only to bids for lot {names}"
                )));
            }
            Some(_) => {}
        }
    }
    None
}

fn form_name(f: crate::vocabulary::Form) -> &'static str {
    match f {
        crate::vocabulary::Form::Individuel => "individuel",
        crate::vocabulary::Form::Groupement => "groupement",
    }
}

pub fn source_out(rule: &CompiledRule) -> SourceOut {
    let doc: &SourceDoc = &rule.source_doc;
    SourceOut {
        document: doc.title().to_string(),
        kind: doc.kind(),
        reference: doc.reference().map(str::to_string),
        section: rule.def.source.section.clone(),
        quote: rule.def.source.quote.clone(),
    }
}

/// A rule's outcome as a report row.
pub fn rule_result(rule: &CompiledRule, o: Outcome) -> RuleResult {
    RuleResult {
        rule: rule.def.id.clone(),
        title: rule.def.title.clone(),
        severity: rule.def.severity,
        status: o.status,
        pack: rule.pack.clone(),
        kind: rule.def.check.kind().to_string(),
        scope: rule.def.check.scope(),
        source: source_out(rule),
        reason: o.reason,
        findings: o.findings,
        evidence: o.evidence,
        help: rule.def.help_for(None),
        waiver: None,
    }
}

/// A failed rule with a live waiver becomes `waived`; an expired waiver is not applied; a
/// waiver whose rule did not fail is reported as stale, so they do not pile up.
fn apply_waiver(result: &mut RuleResult, run: &Run, notices: &mut Vec<Notice>) {
    for w in run
        .manifest
        .manifest
        .waivers
        .iter()
        .filter(|w| w.rule == result.rule)
    {
        let expired = w
            .expires
            .as_deref()
            .and_then(|e| DateSpec::parse(e).ok())
            .filter(|e| e.date < run.today);
        if let Some(e) = expired {
            notices.push(Notice {
                kind: NoticeKind::WaiverExpired,
                message: {
                    let (rule, day) = (&w.rule, short_date(e.date, run.lang));
                    say!(
                        run.lang,
                        "la dérogation pour {rule} a expiré le {day} : elle n'est plus appliquée",
                        "the waiver for {rule} expired on {day}: it is no longer applied"
                    )
                },
                path: Some(run.manifest_display.clone()),
            });
            continue;
        }
        if result.status == Status::Fail {
            result.status = Status::Waived;
            result.waiver = Some(w.reason.clone());
        } else {
            notices.push(Notice {
                kind: NoticeKind::WaiverUnused,
                message: {
                    let (rule, status) = (&w.rule, run.lang.status(result.status));
                    say!(
                        run.lang,
                        "la dérogation pour {rule} ne sert à rien (statut {status}) : la retirer du manifeste",
                        "the waiver for {rule} is of no use (status {status}): remove it from the manifest"
                    )
                },
                path: Some(run.manifest_display.clone()),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn members(yaml: &str) -> Vec<Member> {
        serde_yaml::from_str(yaml).expect("members")
    }

    #[test]
    fn the_advice_speaks_of_the_member_the_findings_name_by_its_short_name() {
        let m = members(
            "- {name: Alpha SAS, short: Alpha, role: cotraitant}\n- {name: Beta SARL, short: Beta, role: mandataire}\n",
        );
        let on_alpha = [Finding::new("pièce manquante").member(Some("Alpha"))];
        assert_eq!(advice_member(&on_alpha, &m), Some("Alpha"));
        // No member named: the mandataire.
        assert_eq!(advice_member(&[], &m), Some("Beta"));
        // A member without `short` is not written into a file name.
        let unnamed = members("- {name: Gamma Santé SAS, role: mandataire}\n");
        assert_eq!(advice_member(&[], &unnamed), None);
    }
}
