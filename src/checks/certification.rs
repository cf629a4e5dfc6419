//! `certification`: the members concerned hold a certification scheme covering the required
//! activities, valid on the deadline, backed by the certificate document in the folder.
//! Facts come from the manifest; with `verify_document`, the certificate itself is read too:
//! the activities it lists must cover the required ones and agree with the manifest, and its
//! validity date must reach the deadline and agree with the manifest's `valid_until`.

use std::collections::BTreeSet;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::CompileError;
use super::holder::{self, HolderCheck};
use super::kind::{BidCheck, CheckKind};
use super::members::{self, describe};
use super::params::MemberFilter;
use crate::analysis::activities::{activities_in, list_in};
use crate::analysis::holder::issuer;
use crate::analysis::validity::{latest_until, validity_periods};
use crate::checks::{Context, Outcome};
use crate::dates::{DateSpec, short_date};
use crate::inventory::FileEntry;
use crate::manifest::{CertificationFact, CertificationStatus, Member};
use crate::say;
use crate::vocabulary::{Finding, JointDocument, Lang, Scope};
use crate::yaml_spans::YamlPath;

/// Members matching `members` hold `scheme` (with `activities`), valid on the deadline when
/// `valid_on_deadline`, backed by a certificate document whose name matches `document`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Certification {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub members: Option<MemberFilter>,
    /// Certification scheme, compared case-insensitively (`HDS`, `SecNumCloud`, `ISO27001`).
    pub scheme: String,
    /// Activities the certificate must cover (HDS activities 1 to 6).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<u8>,
    #[serde(default)]
    pub valid_on_deadline: bool,
    /// Accept a commitment to obtain the certification (`status: committed` in the manifest).
    #[serde(default)]
    pub accept_commitment: bool,
    /// Rule id of the `piece` rule that finds the certificate document (checked per member).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    /// With several members matching: `any` one of them holding it is enough, or `all`.
    #[serde(default)]
    pub quantifier: Quantifier,
    /// Also read the certificate document (`document`): the activities it lists must cover
    /// `activities`, and its validity date must agree with the manifest's `valid_until`.
    #[serde(default)]
    pub verify_document: bool,
}

impl Certification {
    pub fn reads_document(&self) -> bool {
        self.verify_document && self.document.is_some()
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Quantifier {
    #[default]
    All,
    Any,
}

impl CheckKind for Certification {
    type Compiled = Certification;

    fn compile(&self, errors: &mut Vec<CompileError>) -> Certification {
        if self.scheme.trim().is_empty() {
            errors.push(CompileError::new("scheme", "`scheme` est vide"));
        }
        self.clone()
    }

    fn describe(&self) -> Vec<String> {
        let who = match (&self.members, self.quantifier) {
            (Some(f), Quantifier::Any) => {
                format!("Au moins un membre ({})", super::members::describe(Some(f)))
            }
            (Some(f), Quantifier::All) => {
                format!(
                    "Chaque membre concerné ({})",
                    super::members::describe(Some(f))
                )
            }
            (None, Quantifier::Any) => "Au moins un membre".to_string(),
            (None, Quantifier::All) => "Chaque membre".to_string(),
        };
        let mut s = format!("{who} détient la certification {}", self.scheme);
        if !self.activities.is_empty() {
            let list: Vec<String> = self.activities.iter().map(u8::to_string).collect();
            s.push_str(&format!(" pour les activités {}", list.join(", ")));
        }
        if self.valid_on_deadline {
            s.push_str(", valable à la date limite");
        }
        s.push('.');
        let mut out = vec![s];
        if self.accept_commitment {
            out.push("Un engagement à l'obtenir (`status: committed`) est accepté.".to_string());
        }
        if let Some(doc) = &self.document {
            out.push(format!("Le certificat est dans le dossier (pièce {doc})."));
            if self.verify_document {
                out.push("Le certificat est lu : il doit être au nom du membre (nom ou SIREN), couvrir les activités exigées et être valable à la date limite ; l'organisme qui l'a délivré est indiqué. Un désaccord avec le bid.yaml est signalé en remarque.".to_string());
            }
        }
        out
    }

    fn scope(&self) -> Scope {
        Scope::Members {
            criteria: self.members.as_ref().map(MemberFilter::criteria),
            joint: JointDocument::No,
        }
    }

    fn piece_references(&self) -> Vec<(YamlPath, String)> {
        self.document
            .iter()
            .map(|d| (YamlPath::from("document"), d.clone()))
            .collect()
    }
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

/// One member's verdict: problems found, facts missing, what only a human can tell, what the
/// manifest gets wrong, and the certificates read (with their issuer).
#[derive(Default)]
struct Verdict {
    findings: Vec<Finding>,
    missing: Vec<String>,
    unverifiable: Vec<String>,
    notes: Vec<Finding>,
    read: Vec<String>,
}

impl Verdict {
    fn is_clean(&self) -> bool {
        self.findings.is_empty() && self.missing.is_empty() && self.unverifiable.is_empty()
    }
}

fn judge_member(c: &Certification, ctx: &Context, idx: usize, m: &Member) -> Verdict {
    let mut v = Verdict::default();
    let who = Some(m.label());
    let certs = match &m.certifications {
        Some(list) => list,
        None => {
            v.missing.push(
                YamlPath::from("members")
                    .index(idx)
                    .key("certifications")
                    .to_string(),
            );
            return v;
        }
    };
    let Some((j, cert)) = certs
        .iter()
        .enumerate()
        .find(|(_, x)| same_scheme(&x.scheme, &c.scheme))
    else {
        v.findings.push(
            ctx.manifest_finding({
                let scheme = &c.scheme;
                say!(
                    ctx.lang,
                    "certification {scheme} non déclarée",
                    "certification {scheme} not declared"
                )
            })
            .member(who),
        );
        return v;
    };
    let cert_at = YamlPath::from("members")
        .index(idx)
        .key("certifications")
        .index(j);
    let at = |f: &str| cert_at.key(f).to_string();
    if cert.status == CertificationStatus::Committed && !c.accept_commitment {
        let scheme = &c.scheme;
        v.findings.push(ctx.manifest_finding(say!(
            ctx.lang,
            "{scheme} seulement en cours d'obtention (status: committed) : une certification détenue est exigée",
            "{scheme} only being obtained (status: committed): a certification held is required"
        )).member(who));
        return v;
    }
    check_activities(c, cert, &at("activities"), ctx, who, &mut v);
    if cert.status == CertificationStatus::Held {
        // The certificate's own date, when it was read, is what the buyer judges: the
        // manifest's `valid_until` is then only compared with it (a manifest note).
        let date_read = c
            .document
            .as_ref()
            .is_some_and(|doc| verify_documents(c, doc, cert, ctx, idx, who, &mut v));
        if c.valid_on_deadline && !date_read {
            check_validity(c, cert, &at("valid_until"), ctx, who, &mut v);
        }
    }
    v
}

/// The member's certificate documents (its own, or one at the root that belongs to no member):
/// present, and — when the rule reads them — what each says. Returns whether a validity date
/// was read in one of them.
fn verify_documents(
    c: &Certification,
    doc: &str,
    cert: &CertificationFact,
    ctx: &Context,
    idx: usize,
    who: Option<&str>,
    v: &mut Verdict,
) -> bool {
    let mut date_read = false;
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
            date_read |= verify_certificate(c, cert, ctx, i, v);
        }
    }
    if files.is_empty() {
        v.findings.push(
            Finding::new({
                let scheme = &c.scheme;
                say!(
                    ctx.lang,
                    "certificat {scheme} absent du dossier (pièce {doc})",
                    "{scheme} certificate missing from the bid (piece {doc})"
                )
            })
            .member(who),
        );
    }
    date_read
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
                    ctx.manifest_finding({
                        let (scheme, lacking) = (&c.scheme, ctx.lang.and_list(&lacking));
                        say!(
                            ctx.lang,
                            "{scheme} sans l'activité {lacking} exigée",
                            "{scheme} without the required activity {lacking}"
                        )
                    })
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
            ctx.manifest_finding({
                let scheme = &c.scheme;
                let until = short_date(until.date, ctx.lang);
                let deadline = short_date(deadline.date, ctx.lang);
                say!(
                    ctx.lang,
                    "{scheme} valable jusqu'au {until} : expiré à la date limite du {deadline}",
                    "{scheme} valid until {until}: expired on the deadline of {deadline}"
                )
            })
            .member(who),
        );
    }
}

impl BidCheck for Certification {
    fn evaluate(&self, ctx: &Context, _: &str) -> Outcome {
        let Some(all) = ctx.manifest.members.as_deref() else {
            return Outcome::missing(ctx.lang, &["members".to_string()]);
        };
        let sel = members::select(self.members.as_ref(), all);
        if sel.selected.is_empty() {
            if !sel.missing.is_empty() {
                return Outcome::missing(ctx.lang, &sel.missing);
            }
            let (who, scheme) = (describe(self.members.as_ref()), &self.scheme);
            return Outcome::from_findings(vec![ctx.manifest_finding(say!(
                ctx.lang,
                "aucun membre ne correspond à « {who} » : qui doit détenir la certification {scheme} ?",
                "no member matches \"{who}\": who must hold the {scheme} certification?"
            ))]);
        }
        let verdicts: Vec<Verdict> = sel
            .selected
            .iter()
            .map(|&i| judge_member(self, ctx, i, &all[i]))
            .collect();
        let clean = verdicts.iter().any(Verdict::is_clean);
        let mut all = Verdict {
            missing: sel.missing,
            ..Verdict::default()
        };
        for v in verdicts {
            all.findings.extend(v.findings);
            all.missing.extend(v.missing);
            all.unverifiable.extend(v.unverifiable);
            all.notes.extend(v.notes);
            all.read.extend(v.read);
        }
        let outcome = match self.quantifier {
            // With "any", one member that holds it is enough.
            Quantifier::Any if clean => Outcome::pass(),
            Quantifier::All => settle(ctx.lang, all.findings, all.missing, all.unverifiable),
            // With "any", a member whose facts are missing may still be the one: not evaluated.
            Quantifier::Any if all.missing.is_empty() => {
                settle(ctx.lang, all.findings, Vec::new(), all.unverifiable)
            }
            Quantifier::Any => Outcome::missing(ctx.lang, &all.missing),
        };
        outcome
            .with_evidence(all.read)
            .with_manifest_notes(all.notes)
    }

    fn needs_documents(&self) -> bool {
        self.reads_document()
    }
}

/// Findings fail; else missing facts leave the rule not evaluated; else what could not be
/// read is for a human; else a pass.
fn settle(
    lang: Lang,
    findings: Vec<Finding>,
    missing: Vec<String>,
    unverifiable: Vec<String>,
) -> Outcome {
    if findings.is_empty() && missing.is_empty() && !unverifiable.is_empty() {
        return Outcome::by_hand(lang, &unverifiable);
    }
    Outcome::judge(lang, findings, missing)
}

/// What the certificate document itself says, against the rule and the manifest. Returns
/// whether a validity date was read in it (then the document's date is the one judged).
fn verify_certificate(
    c: &Certification,
    cert: &CertificationFact,
    ctx: &Context,
    file: usize,
    v: &mut Verdict,
) -> bool {
    let f = ctx.file(file);
    let Some(facts) = ctx.documents.facts(file) else {
        return false; // unreadable: `readable` says why
    };
    if !facts.has_text() {
        // A scan is a valid certificate that only a human can read: never a rejection.
        let (rel, scheme) = (&f.rel, &c.scheme);
        v.unverifiable.push(say!(
            ctx.lang,
            "{rel} (certificat {scheme} sans texte lisible, document scanné ? activités, dates et titulaire à vérifier ; le PDF d'origine permet le contrôle)",
            "{rel} ({scheme} certificate without readable text, a scan? activities, dates and holder to check; the original PDF allows the check)"
        ));
        return false;
    }
    let issuer = issuer(&facts.text)
        .map(|i| say!(ctx.lang, " — délivré par {i}", " — issued by {i}"))
        .unwrap_or_default();
    v.read.push(format!("{}{issuer}", f.rel));
    let what = say!(ctx.lang, "certificat {}", "{} certificate", c.scheme);
    match holder::check(ctx, f, &facts.text, &what) {
        HolderCheck::Fine => {}
        HolderCheck::Wrong(finding) => {
            // Another company's certificate says nothing of this member's certification.
            v.findings.push(finding);
            return true;
        }
        HolderCheck::Unreadable(why) => v.unverifiable.push(format!("{} ({why})", f.rel)),
    }
    verify_activities(c, cert, ctx, f, &facts.text, v);
    verify_dates(c, cert, ctx, f, &facts.text, v)
}

/// The activities the certificate lists cover those the rule requires; a manifest that
/// declares others is noted.
fn verify_activities(
    c: &Certification,
    cert: &CertificationFact,
    ctx: &Context,
    f: &FileEntry,
    text: &str,
    v: &mut Verdict,
) {
    let required: BTreeSet<u8> = c.activities.iter().copied().collect();
    match activities_in(text) {
        // No activity read at all: the layout hid them, not a proof that they are missing.
        None if !required.is_empty() => v.unverifiable.push({
            let (rel, scheme) = (&f.rel, &c.scheme);
            say!(
                ctx.lang,
                "{rel} (aucune activité {scheme} lue dans le certificat)",
                "{rel} (no {scheme} activity read in the certificate)"
            )
        }),
        None => {}
        Some(read) => {
            let lacking: BTreeSet<u8> = required.difference(&read).copied().collect();
            if !lacking.is_empty() {
                v.findings.push(
                    ctx.file_finding(
                        f,
                        {
                            let (read, lacking) = (list_in(&read, ctx.lang), list_in(&lacking, ctx.lang));
                            say!(
                                ctx.lang,
                                "le certificat couvre les activités {read}, pas l'activité {lacking} exigée",
                                "the certificate covers activities {read}, not the required activity {lacking}"
                            )
                        },
                    )
                    .suggest(ctx.lang.t(
                        "joindre le certificat couvrant toutes les activités exigées",
                        "attach the certificate covering every required activity",
                    )),
                );
            }
            if let Some(declared) = &cert.activities {
                let declared: BTreeSet<u8> = declared.iter().copied().collect();
                let unbacked: BTreeSet<u8> = declared.difference(&read).copied().collect();
                if !unbacked.is_empty() && lacking.is_empty() {
                    v.notes.push(ctx.file_finding(f, {
                        let (declared, read) =
                            (list_in(&declared, ctx.lang), list_in(&read, ctx.lang));
                        say!(
                            ctx.lang,
                            "bid.yaml dit activités {declared}, le certificat dit {read}",
                            "bid.yaml says activities {declared}, the certificate says {read}"
                        )
                    }));
                }
            }
        }
    }
}

/// The certificate is valid on the deadline, and says the date the manifest says. Returns
/// whether a validity date was read in it.
fn verify_dates(
    c: &Certification,
    cert: &CertificationFact,
    ctx: &Context,
    f: &FileEntry,
    text: &str,
    v: &mut Verdict,
) -> bool {
    let periods = validity_periods(text);
    let Some(last) = latest_until(&periods) else {
        if c.valid_on_deadline {
            let (rel, scheme) = (&f.rel, &c.scheme);
            v.unverifiable.push(say!(
                ctx.lang,
                "{rel} (aucune date de validité lisible dans le certificat {scheme})",
                "{rel} (no readable validity date in the {scheme} certificate)"
            ));
        }
        return false;
    };
    if c.valid_on_deadline
        && let Some(deadline) = ctx.deadline
        && last.until < deadline.date
    {
        v.findings.push(ctx.file_finding(
            f,
            {
                let until = short_date(last.until, ctx.lang);
                let excerpt = &last.excerpt;
                let deadline = short_date(deadline.date, ctx.lang);
                say!(
                    ctx.lang,
                    "le certificat expire le {until} (« {excerpt} »), avant la date limite du {deadline}",
                    "the certificate expires on {until} (\"{excerpt}\"), before the deadline of {deadline}"
                )
            },
        ));
    }
    if let Some(declared) = cert
        .valid_until
        .as_deref()
        .and_then(|d| DateSpec::parse(d).ok())
        && declared.date != last.until
    {
        v.notes.push(ctx.file_finding(f, {
            let declared = short_date(declared.date, ctx.lang);
            let until = short_date(last.until, ctx.lang);
            say!(
                ctx.lang,
                "bid.yaml dit {declared}, le certificat dit {until}",
                "bid.yaml says {declared}, the certificate says {until}"
            )
        }));
    }
    true
}
