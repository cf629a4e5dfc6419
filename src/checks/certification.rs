//! `certification`: the members concerned hold a certification scheme covering the required
//! activities, valid on the deadline, backed by the certificate document in the folder.
//! Facts come from the manifest; with `verify_document`, the certificate itself is read too:
//! the activities it lists must cover the required ones and agree with the manifest, and its
//! validity date must reach the deadline and agree with the manifest's `valid_until`.

use std::collections::BTreeSet;

use super::CompileError;
use super::members::{self, describe};
use crate::analysis::activities::{activities_in, list_fr};
use crate::analysis::validity::{latest_until, validity_periods};
use crate::dates::{DateSpec, fr_date};
use crate::engine::{Context, Outcome};
use crate::manifest::{CertificationFact, CertificationStatus, Member};
use crate::pack::model::{Certification, Quantifier};
use crate::report::Finding;

pub type Compiled = Certification;

pub fn compile(c: &Certification, errors: &mut Vec<CompileError>) -> Compiled {
    if c.scheme.trim().is_empty() {
        errors.push(CompileError::new("scheme", "`scheme` est vide"));
    }
    c.clone()
}

fn same_scheme(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    norm(a) == norm(b)
}

/// One member's verdict: problems found, facts missing.
struct Verdict {
    findings: Vec<Finding>,
    missing: Vec<String>,
}

fn judge_member(c: &Certification, ctx: &Context, idx: usize, m: &Member) -> Verdict {
    let mut v = Verdict {
        findings: Vec::new(),
        missing: Vec::new(),
    };
    let who = Some(m.label());
    let certs = match &m.certifications {
        Some(list) => list,
        None => {
            v.missing.push(format!("members[{idx}].certifications"));
            return v;
        }
    };
    let Some((j, cert)) = certs
        .iter()
        .enumerate()
        .find(|(_, x)| same_scheme(&x.scheme, &c.scheme))
    else {
        v.findings.push(
            ctx.manifest_finding(format!("certification {} non déclarée", c.scheme))
                .member(who),
        );
        return v;
    };
    let at = |f: &str| format!("members[{idx}].certifications[{j}].{f}");
    if cert.status == CertificationStatus::Committed && !c.accept_commitment {
        v.findings.push(ctx.manifest_finding(format!(
            "{} seulement en cours d'obtention (status: committed) : une certification détenue est exigée",
            c.scheme
        )).member(who));
        return v;
    }
    check_activities(c, cert, &at("activities"), ctx, who, &mut v);
    if cert.status == CertificationStatus::Held {
        if c.valid_on_deadline {
            check_validity(c, cert, &at("valid_until"), ctx, who, &mut v);
        }
        if let Some(doc) = &c.document {
            // The member's own certificate, or one at the folder root that belongs to no
            // member (a single-candidate folder often has no member token in its names).
            let files: Vec<usize> = ctx
                .pieces
                .get(doc)
                .map(|r| {
                    r.files
                        .iter()
                        .copied()
                        .filter(|&i| ctx.file(i).member.is_none_or(|m| m == idx))
                        .collect()
                })
                .unwrap_or_default();
            if c.verify_document {
                for &i in &files {
                    verify_certificate(c, cert, ctx, i, &mut v);
                }
            }
            if files.is_empty() {
                v.findings.push(
                    Finding::new(format!(
                        "certificat {} absent du dossier (pièce {doc})",
                        c.scheme
                    ))
                    .member(who),
                );
            }
        }
    }
    v
}

fn check_activities(
    c: &Certification,
    cert: &CertificationFact,
    field: &str,
    ctx: &Context,
    who: Option<&str>,
    v: &mut Verdict,
) {
    if c.activities.is_empty() {
        return;
    }
    match &cert.activities {
        None => v.missing.push(field.to_string()),
        Some(held) => {
            let lacking: Vec<String> = c
                .activities
                .iter()
                .filter(|a| !held.contains(a))
                .map(u8::to_string)
                .collect();
            if !lacking.is_empty() {
                v.findings.push(
                    ctx.manifest_finding(format!(
                        "{} sans l'activité {} exigée",
                        c.scheme,
                        lacking.join(", ")
                    ))
                    .member(who),
                );
            }
        }
    }
}

fn check_validity(
    c: &Certification,
    cert: &CertificationFact,
    field: &str,
    ctx: &Context,
    who: Option<&str>,
    v: &mut Verdict,
) {
    let Some(deadline) = ctx.deadline else {
        v.missing.push("deadline".to_string());
        return;
    };
    let Some(until) = cert
        .valid_until
        .as_deref()
        .and_then(|d| DateSpec::parse(d).ok())
    else {
        v.missing.push(field.to_string());
        return;
    };
    if until.date < deadline.date {
        v.findings.push(
            ctx.manifest_finding(format!(
                "{} valable jusqu'au {} : expiré à la date limite du {}",
                c.scheme,
                fr_date(until.date),
                fr_date(deadline.date)
            ))
            .member(who),
        );
    }
}

pub fn evaluate(c: &Compiled, ctx: &Context) -> Outcome {
    let Some(all) = ctx.manifest.members.as_deref() else {
        return Outcome::missing(&["members".to_string()]);
    };
    let sel = members::select(c.members.as_ref(), all);
    if sel.selected.is_empty() {
        if !sel.missing.is_empty() {
            return Outcome::missing(&sel.missing);
        }
        return Outcome::from_findings(vec![ctx.manifest_finding(format!(
            "aucun membre ne correspond à « {} » : qui doit détenir la certification {} ?",
            describe(c.members.as_ref()),
            c.scheme
        ))]);
    }
    let verdicts: Vec<Verdict> = sel
        .selected
        .iter()
        .map(|&i| judge_member(c, ctx, i, &all[i]))
        .collect();
    match c.quantifier {
        Quantifier::All => {
            let mut findings = Vec::new();
            let mut missing = sel.missing;
            for v in verdicts {
                findings.extend(v.findings);
                missing.extend(v.missing);
            }
            Outcome::judge(findings, missing)
        }
        Quantifier::Any => {
            if verdicts
                .iter()
                .any(|v| v.findings.is_empty() && v.missing.is_empty())
            {
                return Outcome::pass();
            }
            let (mut findings, mut missing) = (Vec::new(), sel.missing);
            for v in verdicts {
                findings.extend(v.findings);
                missing.extend(v.missing);
            }
            // With "any", a member whose facts are missing may still be the one: skip.
            if missing.is_empty() {
                Outcome::from_findings(findings)
            } else {
                Outcome::missing(&missing)
            }
        }
    }
}

/// What the certificate document itself says, against the rule and the manifest.
fn verify_certificate(
    c: &Certification,
    cert: &CertificationFact,
    ctx: &Context,
    file: usize,
    v: &mut Verdict,
) {
    let f = ctx.file(file);
    let Some(facts) = ctx.documents.facts(file) else {
        return; // unreadable: `readable` says why
    };
    if !facts.has_text() {
        v.findings.push(
            ctx.file_finding(f, format!("certificat {} sans texte lisible : activités et dates non vérifiables (document scanné ?)", c.scheme))
                .suggest("joindre le certificat PDF d'origine, ou vérifier à la main"),
        );
        return;
    }
    let required: BTreeSet<u8> = c.activities.iter().copied().collect();
    match activities_in(&facts.text) {
        None if !required.is_empty() => v.findings.push(ctx.file_finding(
            f,
            format!("le certificat ne mentionne aucune activité {}", c.scheme),
        )),
        None => {}
        Some(read) => {
            let lacking: BTreeSet<u8> = required.difference(&read).copied().collect();
            if !lacking.is_empty() {
                v.findings.push(
                    ctx.file_finding(
                        f,
                        format!(
                            "le certificat couvre les activités {}, pas l'activité {} exigée",
                            list_fr(&read),
                            list_fr(&lacking)
                        ),
                    )
                    .suggest("joindre le certificat couvrant toutes les activités exigées"),
                );
            }
            if let Some(declared) = &cert.activities {
                let declared: BTreeSet<u8> = declared.iter().copied().collect();
                let unbacked: BTreeSet<u8> = declared.difference(&read).copied().collect();
                if !unbacked.is_empty() && lacking.is_empty() {
                    v.findings.push(ctx.file_finding(
                        f,
                        format!(
                            "bid.yaml déclare les activités {}, le certificat ne couvre que {}",
                            list_fr(&declared),
                            list_fr(&read)
                        ),
                    ));
                }
            }
        }
    }
    let periods = validity_periods(&facts.text);
    let Some(last) = latest_until(&periods) else {
        if c.valid_on_deadline {
            v.findings.push(ctx.file_finding(
                f,
                format!(
                    "aucune date de validité lisible dans le certificat {}",
                    c.scheme
                ),
            ));
        }
        return;
    };
    if c.valid_on_deadline
        && let Some(deadline) = ctx.deadline
        && last.until < deadline.date
    {
        v.findings.push(ctx.file_finding(
            f,
            format!(
                "le certificat expire le {} (« {} »), avant la date limite du {}",
                fr_date(last.until),
                last.excerpt,
                fr_date(deadline.date)
            ),
        ));
    }
    if let Some(declared) = cert
        .valid_until
        .as_deref()
        .and_then(|d| DateSpec::parse(d).ok())
        && declared.date != last.until
    {
        v.findings.push(ctx.file_finding(
            f,
            format!(
                "le certificat est valable jusqu'au {}, bid.yaml déclare le {}",
                fr_date(last.until),
                fr_date(declared.date)
            ),
        ));
    }
}
