//! `pages`: page count bounds and page size of the selected documents (« une page A4
//! recto-verso » is at most 2 pages of A4). Sizes are read from PDFs only: Word and
//! OpenDocument files do not fix their page size until printed.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::CompileError;
use super::kind::{BidCheck, CheckKind};
use super::params::Selector;
use super::per_document::{DocumentFindings, each_document};
use super::select::FileSelector;
use crate::checks::{Context, Outcome};
use crate::documents::DocFacts;
use crate::documents::layout::PageEstimate;
use crate::inventory::FileEntry;
use crate::say;
use crate::vocabulary::{Lang, Scope};

/// Page count bounds and page size of the selected documents.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Pages {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u32>,
    /// Every page of this size, portrait or landscape (PDF only: other formats do not record
    /// their page size reliably).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<PaperSize>,
    /// Accepted difference with the size, in points (1 pt = 0.35 mm).
    #[serde(default = "default_tolerance_pt")]
    pub tolerance_pt: f32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub select: Option<Selector>,
}

fn default_tolerance_pt() -> f32 {
    5.0
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
pub enum PaperSize {
    /// 210 × 297 mm.
    A4,
    /// 297 × 420 mm.
    A3,
}

#[derive(Debug, Clone)]
pub struct PageLimits {
    raw: Pages,
    select: FileSelector,
}

impl CheckKind for Pages {
    type Compiled = PageLimits;

    fn compile(&self, errors: &mut Vec<CompileError>) -> PageLimits {
        if self.min.is_none() && self.max.is_none() && self.size.is_none() {
            errors.push(CompileError::new(
                "",
                "indiquez au moins `min`, `max` ou `size`",
            ));
        }
        if let (Some(min), Some(max)) = (self.min, self.max)
            && max < min
        {
            errors.push(CompileError::new("max", "`max` est inférieur à `min`"));
        }
        if !(0.0..=72.0).contains(&self.tolerance_pt) {
            errors.push(CompileError::new(
                "tolerance_pt",
                "tolérance attendue entre 0 et 72 points",
            ));
        }
        PageLimits {
            raw: self.clone(),
            select: FileSelector::compile(self.select.as_ref(), errors),
        }
    }

    fn describe(&self) -> Vec<String> {
        let mut parts = Vec::new();
        match (self.min, self.max) {
            (Some(a), Some(b)) => parts.push(format!("de {a} à {b} pages")),
            (Some(a), None) => parts.push(format!("au moins {a} page(s)")),
            (None, Some(b)) => parts.push(format!("au plus {b} page(s)")),
            (None, None) => {}
        }
        if let Some(size) = self.size {
            parts.push(format!(
                "chaque page au format {}",
                match size {
                    PaperSize::A4 => "A4 (210 × 297 mm)",
                    PaperSize::A3 => "A3 (297 × 420 mm)",
                }
            ));
        }
        vec![format!(
            "Chaque document ({}) a {}. Un nombre de pages estimé (Word, OpenDocument) proche de la limite est « à vérifier ».",
            super::describe::files(self.select.as_ref()),
            parts.join(", ")
        )]
    }

    fn scope(&self) -> Scope {
        super::describe::selected(self.select.as_ref())
    }

    fn selector(&self) -> Option<&Selector> {
        self.select.as_ref()
    }
}

/// Width and height in points, portrait.
fn dimensions(p: PaperSize) -> (f32, f32, &'static str) {
    match p {
        PaperSize::A4 => (595.28, 841.89, "A4"),
        PaperSize::A3 => (841.89, 1190.55, "A3"),
    }
}

impl BidCheck for PageLimits {
    fn evaluate(&self, ctx: &Context, _: &str) -> Outcome {
        let mut judge = DocumentFindings::default();
        each_document(&self.select, ctx, &mut judge, |f, facts, judge| {
            self.judge_count(ctx, f, facts, judge);
            if let Some(size) = self.raw.size {
                self.judge_size(ctx, f, facts, size, judge);
            }
        });
        judge.outcome(
            ctx.lang,
            ctx.lang.t(
                "aucun document concerné dans le dossier",
                "no document concerned in the bid",
            ),
        )
    }

    fn needs_documents(&self) -> bool {
        true
    }
}

impl PageLimits {
    /// The page count within `min`..`max`.
    fn judge_count(
        &self,
        ctx: &Context,
        f: &FileEntry,
        facts: &DocFacts,
        judge: &mut DocumentFindings,
    ) {
        match (facts.pages, &facts.page_estimate) {
            (None, _) if self.raw.min.is_some() || self.raw.max.is_some() => judge.unverifiable(
                f,
                ctx.lang.t(
                    "nombre de pages non enregistré dans le fichier",
                    "page count not stored in the file",
                ),
            ),
            (None, _) => {}
            // An estimate is judged only when its whole range is within the bounds: near or
            // past a bound, a human counts (never a pass on a guess, never a fail either).
            (Some(_), Some(e)) => {
                let over = self.raw.max.is_some_and(|max| e.high > max);
                let under = self.raw.min.is_some_and(|min| e.low < min);
                if over || under {
                    judge.unverifiable(f, &self.estimate_to_count(ctx.lang, e));
                }
            }
            (Some(n), None) => {
                if let Some(min) = self.raw.min
                    && n < min
                {
                    judge.findings.push(ctx.file_finding(
                        f,
                        say!(
                            ctx.lang,
                            "{n} page(s), {min} au moins",
                            "{n} page(s), at least {min}"
                        ),
                    ));
                }
                if let Some(max) = self.raw.max
                    && n > max
                {
                    judge.findings.push(
                        ctx.file_finding(
                            f,
                            say!(
                                ctx.lang,
                                "{n} pages, {max} au plus",
                                "{n} pages, at most {max}"
                            ),
                        )
                        .suggest(say!(
                            ctx.lang,
                            "réduire le document à {max} page(s)",
                            "shorten the document to {max} page(s)"
                        )),
                    );
                }
            }
        }
    }

    /// Why a page count estimated near or past a bound is left to a person, with the figures.
    fn estimate_to_count(&self, lang: Lang, e: &PageEstimate) -> String {
        let l = lang;
        let bound = match (self.raw.min, self.raw.max) {
            (Some(min), Some(max)) => say!(
                l,
                "attendu : de {min} à {max} page(s)",
                "expected: {min} to {max} page(s)"
            ),
            (Some(min), None) => say!(
                l,
                "attendu : {min} page(s) au moins",
                "expected: at least {min} page(s)"
            ),
            (None, Some(max)) => say!(
                l,
                "attendu : {max} page(s) au plus",
                "expected: at most {max} page(s)"
            ),
            (None, None) => String::new(),
        };
        let estimate = e.describe(l);
        say!(
            l,
            "nombre de pages estimé, à compter à l'ouverture : {estimate} ; {bound}",
            "estimated page count, to count when opened: {estimate}; {bound}"
        )
    }

    /// Every page of the paper size, portrait or landscape.
    fn judge_size(
        &self,
        ctx: &Context,
        f: &FileEntry,
        facts: &DocFacts,
        size: PaperSize,
        judge: &mut DocumentFindings,
    ) {
        if facts.page_sizes.is_empty() {
            judge.unverifiable(
                f,
                ctx.lang.t(
                    "format de page non lisible hors PDF",
                    "page size not readable outside PDF",
                ),
            );
            return;
        }
        let (w, h, name) = dimensions(size);
        let tol = self.raw.tolerance_pt;
        let fits = |p: &crate::documents::PageSize| {
            let portrait = (p.width - w).abs() <= tol && (p.height - h).abs() <= tol;
            let landscape = (p.width - h).abs() <= tol && (p.height - w).abs() <= tol;
            portrait || landscape
        };
        let wrong: Vec<(usize, &crate::documents::PageSize)> = facts
            .page_sizes
            .iter()
            .enumerate()
            .filter(|(_, p)| !fits(p))
            .collect();
        if let Some((first, p)) = wrong.first() {
            let (n, page) = (wrong.len(), first + 1);
            let pages = if n == 1 {
                format!("page {page}")
            } else {
                say!(
                    ctx.lang,
                    "{n} pages dont la page {page}",
                    "{n} pages including page {page}"
                )
            };
            let (width, height) = (p.width / 72.0 * 25.4, p.height / 72.0 * 25.4);
            let known = known_size(p).map(|k| format!(" ({k})")).unwrap_or_default();
            judge.findings.push(
                ctx.file_finding(
                    f,
                    say!(
                        ctx.lang,
                        "{pages} au format {width:.0} × {height:.0} mm{known}, pas {name}",
                        "{pages} of size {width:.0} × {height:.0} mm{known}, not {name}"
                    ),
                )
                .suggest(say!(
                    ctx.lang,
                    "exporter le document au format {name}",
                    "export the document in {name} size"
                )),
            );
        }
    }
}

/// Name the usual wrong sizes: a US Letter export is the common mistake.
fn known_size(p: &crate::documents::PageSize) -> Option<&'static str> {
    let near = |a: f32, b: f32| (p.width - a).abs() <= 3.0 && (p.height - b).abs() <= 3.0;
    if near(612.0, 792.0) || near(792.0, 612.0) {
        Some("US Letter")
    } else if near(612.0, 1008.0) {
        Some("US Legal")
    } else {
        None
    }
}
