//! What the content checks share: walk the selected documents, and turn what was found into
//! an outcome. A document that could not be read cannot be judged (« non évaluée », with the
//! cause; its defect is the readability rule's); one without text (a scan) is left to a human
//! (`manual`); never a silent `pass`.

use rayon::prelude::*;

use super::select::FileSelector;
use crate::checks::{Context, Outcome};
use crate::documents::DocFacts;
use crate::inventory::FileEntry;
use crate::say;
use crate::vocabulary::{Finding, Lang};

#[derive(Default)]
pub struct DocumentFindings {
    pub findings: Vec<Finding>,
    /// Manifest facts that a document contradicts (see [`Outcome::manifest_notes`]).
    pub manifest_notes: Vec<Finding>,
    unreadable: Vec<String>,
    unverifiable: Vec<String>,
    checked: Vec<String>,
}

impl DocumentFindings {
    /// `f` could be read but not judged (no text, no page size…), and why.
    pub fn unverifiable(&mut self, f: &FileEntry, why: &str) {
        self.unverifiable.push(format!("{} ({why})", f.rel));
    }

    /// Adds what `part` found after what is already there.
    fn append(&mut self, part: DocumentFindings) {
        self.findings.extend(part.findings);
        self.manifest_notes.extend(part.manifest_notes);
        self.unreadable.extend(part.unreadable);
        self.unverifiable.extend(part.unverifiable);
        self.checked.extend(part.checked);
    }

    /// Findings fail; else unreadable documents leave the rule not evaluated; else documents
    /// nobody could judge are for a human; else a pass — or not evaluated when nothing was
    /// selected.
    pub fn outcome(mut self, lang: Lang, nothing_selected: &str) -> Outcome {
        let notes = std::mem::take(&mut self.manifest_notes);
        self.judged(lang, nothing_selected)
            .with_manifest_notes(notes)
    }

    fn judged(self, lang: Lang, nothing_selected: &str) -> Outcome {
        // A document this rule could not read is not judged here: its defect is PLACE-LISIBLE's
        // (reported once, there, not again as a finding of this rule), and the rule says it did
        // not read it — « non évaluée » when nothing else failed, never a blanket ERREUR over
        // the whole folder.
        let unread = (!self.unreadable.is_empty()).then(|| {
            let unread = self.unreadable.join(" ; ");
            say!(
                lang,
                "document(s) non lu(s), ce défaut est signalé à part (lisibilité, fichiers interdits) : {unread}",
                "document(s) not read, a defect reported apart (readability, forbidden files): {unread}"
            )
        });
        if !self.findings.is_empty() {
            let mut outcome = Outcome::from_findings(self.findings).with_evidence(self.checked);
            outcome.reason = unread;
            return outcome;
        }
        if let Some(mut reason) = unread {
            if !self.unverifiable.is_empty() {
                let by_hand = self.unverifiable.join(" ; ");
                reason.push_str(&say!(
                    lang,
                    " ; à vérifier à la main : {by_hand}",
                    "; to check by hand: {by_hand}"
                ));
            }
            return Outcome::unknown(reason).with_evidence(self.checked);
        }
        if !self.unverifiable.is_empty() {
            return Outcome::by_hand(lang, &self.unverifiable).with_evidence(self.checked);
        }
        if self.checked.is_empty() {
            return Outcome::unknown(nothing_selected);
        }
        Outcome::pass().with_evidence(self.checked)
    }
}

/// Call `judge_one` on each selected document that was read; record the others. Documents
/// are judged in parallel (a regex or language detection over each text is the bulk of a
/// warm run) and their verdicts merged in folder order, so the report does not depend on
/// scheduling.
pub fn each_document(
    select: &FileSelector,
    ctx: &Context,
    judge: &mut DocumentFindings,
    judge_one: impl Fn(&FileEntry, &DocFacts, &mut DocumentFindings) + Sync,
) {
    let selected: Vec<(usize, &FileEntry)> = select.files(ctx).collect();
    let parts: Vec<DocumentFindings> = selected
        .par_iter()
        .map(|&(i, f)| {
            let mut part = DocumentFindings::default();
            match ctx.documents.get(i) {
                None => {}
                Some(Err(cause)) => part.unreadable.push(format!(
                    "{}{}{}",
                    f.rel,
                    ctx.lang.colon(),
                    cause.said(ctx.lang)
                )),
                Some(Ok(facts)) => {
                    if facts.encryption == crate::documents::Encryption::UserPassword {
                        part.unreadable.push(say!(
                            ctx.lang,
                            "{} : protégé par mot de passe",
                            "{}: password-protected",
                            f.rel
                        ));
                    } else {
                        part.checked.push(f.rel.clone());
                        judge_one(f, facts, &mut part);
                    }
                }
            }
            part
        })
        .collect();
    for part in parts {
        judge.append(part);
    }
}

/// Like [`each_document`], for checks that need the text: documents without any are left
/// to a human.
pub fn each_text(
    select: &FileSelector,
    ctx: &Context,
    judge: &mut DocumentFindings,
    judge_one: impl Fn(&FileEntry, &DocFacts, &mut DocumentFindings) + Sync,
) {
    each_document(select, ctx, judge, |f, facts, judge| {
        if let Some(e) = &facts.text_error {
            judge.unverifiable(f, e.get(ctx.lang));
        } else if !facts.has_text() {
            judge.unverifiable(
                f,
                ctx.lang.t(
                    "aucun texte lisible : document scanné ?",
                    "no readable text: a scan?",
                ),
            );
        } else {
            judge_one(f, facts, judge);
        }
    });
}

/// A short excerpt around a byte range of `text`, on one line, for a finding.
pub fn excerpt(text: &str, start: usize, end: usize) -> String {
    let mut from = start.saturating_sub(40);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (end + 40).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    let s: String = text[from..to]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    format!("…{s}…")
}
