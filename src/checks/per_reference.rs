//! `per-reference`: the references listed in a workbook (the trame's references table) each
//! have a document that presents them (a plaquette naming the client), and each file of those
//! documents has at most `max_pages` pages per reference it presents — one PDF holding three
//! plaquettes on six pages is within « une page A4 recto-verso » per reference.
//!
//! What cannot be counted is left to a human, never failed: a list without a recognisable
//! table, a plaquette whose page count is unknown, or plaquettes as many as the references
//! whose clients are named differently.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::CompileError;
use super::kind::{BidCheck, CheckKind};
use super::params::yes;
use crate::checks::{Context, Outcome};
use crate::quotes;
use crate::say;
use crate::text::fold;
use crate::vocabulary::{Finding, Lang, Scope};
use crate::yaml_spans::YamlPath;

/// One document per reference of a list (« Chaque référence du tableau devra être accompagnée
/// d'une plaquette ») and, with `max_pages`, at most that many pages per reference, however
/// the documents are split into files (one PDF may hold three plaquettes on six pages).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PerReference {
    /// The `piece` rule whose files present the references (the plaquettes).
    pub documents: String,
    /// The `piece` rule whose workbook lists the references (the trame), in a table whose
    /// header has a « Référence » column and a « Client » (or « Établissement ») column.
    pub list: String,
    /// Check that every reference listed has a document naming its client.
    #[serde(default = "yes")]
    pub count: bool,
    /// Pages allowed per reference presented in a file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_pages: Option<u32>,
}

impl CheckKind for PerReference {
    type Compiled = PerReference;

    fn compile(&self, errors: &mut Vec<CompileError>) -> PerReference {
        if !self.count && self.max_pages.is_none() {
            errors.push(CompileError::new(
                "",
                "indiquez `count: true` ou `max_pages` : sinon la règle ne vérifie rien",
            ));
        }
        if self.max_pages == Some(0) {
            errors.push(CompileError::new(
                "max_pages",
                "`max_pages` doit être au moins 1",
            ));
        }
        self.clone()
    }

    fn describe(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.count {
            out.push(format!(
                    "Chaque référence du tableau de la pièce {} est présentée par un document de la pièce {} (le nom du client y figure) ; une référence sans document est nommée.",
                    self.list, self.documents
                ));
        }
        if let Some(n) = self.max_pages {
            out.push(format!(
                    "Un document de la pièce {} compte au plus {n} page(s) par référence qu'il présente.",
                    self.documents
                ));
        }
        out.push("Quand le tableau ne peut pas être lu, la règle est « à vérifier », jamais conforme ni non conforme.".to_string());
        out
    }

    fn scope(&self) -> Scope {
        Scope::Pieces(vec![self.documents.clone(), self.list.clone()])
    }

    fn piece_references(&self) -> Vec<(YamlPath, String)> {
        vec![
            (YamlPath::from("documents"), self.documents.clone()),
            (YamlPath::from("list"), self.list.clone()),
        ]
    }
}

/// Words of the column that names a reference's client.
const CLIENT_WORDS: [&str; 6] = [
    "client",
    "etablissement",
    "maitre d'ouvrage",
    "acheteur",
    "beneficiaire",
    "organisme",
];

/// A reference of the list: its number and its client, as written.
#[derive(Debug, Clone, PartialEq)]
pub struct Reference {
    pub number: String,
    pub client: String,
}

/// The references table of a workbook's text (one line per row, cells separated by tabs):
/// a header with a « Référence » column and a client column, then the rows whose reference
/// cell is a number. None when the text has no such header.
pub fn references_table(text: &str) -> Option<Vec<Reference>> {
    let mut columns: Option<(usize, usize)> = None;
    let mut out = Vec::new();
    for line in text.lines() {
        let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
        match columns {
            None => {
                let folded: Vec<String> = cells.iter().map(|c| fold(c)).collect();
                let number = folded.iter().position(|c| c.starts_with("reference"));
                let client = folded
                    .iter()
                    .position(|c| CLIENT_WORDS.iter().any(|w| c.contains(w)));
                if let (Some(n), Some(cl)) = (number, client) {
                    columns = Some((n, cl));
                }
            }
            Some((n, cl)) => {
                let number = cells.get(n).copied().unwrap_or_default();
                let client = cells.get(cl).copied().unwrap_or_default();
                if number.parse::<f64>().is_err() || client.is_empty() {
                    break;
                }
                out.push(Reference {
                    number: number.trim_end_matches(".0").to_string(),
                    client: client.to_string(),
                });
            }
        }
    }
    columns.map(|_| out)
}

impl BidCheck for PerReference {
    fn evaluate(&self, ctx: &Context, _: &str) -> Outcome {
        let files = |rule: &str| -> Vec<usize> {
            ctx.pieces
                .get(rule)
                .map(|r| r.files.clone())
                .unwrap_or_default()
        };
        let documents = files(&self.documents);
        if documents.is_empty() {
            let piece = &self.documents;
            return Outcome::unknown(say!(
                ctx.lang,
                "aucun document de la pièce {piece}",
                "no document of piece {piece}"
            ));
        }
        let listed = listed_references(ctx, &files(&self.list));
        let named = named_references(ctx, &documents, listed.as_deref().unwrap_or_default());
        let mut tally = Tally::new(ctx.lang);
        if self.count {
            tally.count(self, listed.as_deref(), &named);
        }
        if let Some(max) = self.max_pages {
            tally.pages(ctx, max, &named, self.count && listed.is_some());
        }
        tally.outcome()
    }

    fn needs_documents(&self) -> bool {
        true
    }
}

/// The references of every list (one trame per member, or one for the groupement), each
/// client once; `None` when no list holds a references table.
fn listed_references(ctx: &Context, lists: &[usize]) -> Option<Vec<Reference>> {
    let mut refs: Vec<Reference> = Vec::new();
    let mut table_found = false;
    for &i in lists {
        if let Some(t) = ctx
            .documents
            .facts(i)
            .and_then(|d| references_table(&d.text))
        {
            table_found = true;
            for r in t {
                if !refs.iter().any(|x| fold(&x.client) == fold(&r.client)) {
                    refs.push(r);
                }
            }
        }
    }
    table_found.then_some(refs)
}

/// Each document, with the references whose client it names.
fn named_references<'r>(
    ctx: &Context,
    documents: &[usize],
    refs: &'r [Reference],
) -> Vec<(usize, Vec<&'r Reference>)> {
    documents
        .iter()
        .map(|&i| {
            let text = ctx
                .documents
                .facts(i)
                .map(|d| fold(&quotes::normalize(&d.text)))
                .unwrap_or_default();
            let here = refs
                .iter()
                .filter(|r| text.contains(&fold(&quotes::normalize(&r.client))))
                .collect();
            (i, here)
        })
        .collect()
}

/// What the rule found: failures, what only a human can settle, and what was checked.
struct Tally {
    findings: Vec<Finding>,
    unverifiable: Vec<String>,
    evidence: Vec<String>,
    lang: Lang,
}

impl Tally {
    fn new(lang: Lang) -> Tally {
        Tally {
            findings: Vec::new(),
            unverifiable: Vec::new(),
            evidence: Vec::new(),
            lang,
        }
    }

    /// Every reference listed is presented by a document.
    fn count(
        &mut self,
        c: &PerReference,
        listed: Option<&[Reference]>,
        named: &[(usize, Vec<&Reference>)],
    ) {
        let (l, list) = (self.lang, &c.list);
        let refs = match listed {
            None => {
                self.unverifiable.push(say!(
                    l,
                    "tableau des références introuvable dans la pièce {list} (en-tête « Référence » et « Client » attendu)",
                    "references table not found in piece {list} (headers \"Référence\" and \"Client\" expected)"
                ));
                return;
            }
            // A template left blank: nothing to count, and nothing to call compliant either.
            Some([]) => {
                self.unverifiable.push(say!(
                    l,
                    "le tableau des références de la pièce {list} est vide",
                    "the references table of piece {list} is empty"
                ));
                return;
            }
            Some(refs) => refs,
        };
        let missing: Vec<&Reference> = refs
            .iter()
            .filter(|r| !named.iter().any(|(_, here)| here.contains(r)))
            .collect();
        // Each document presents at least one reference, even one whose client it names
        // differently.
        let slots: usize = named.iter().map(|(_, here)| here.len().max(1)).sum();
        if !missing.is_empty() && slots < refs.len() {
            for r in &missing {
                let (n, client) = (&r.number, &r.client);
                self.findings.push(Finding::new(say!(
                    l,
                    "référence {n} ({client}) listée dans la pièce {list} : aucune plaquette ne la présente",
                    "reference {n} ({client}) listed in piece {list}: no brochure presents it"
                )));
            }
        } else if !missing.is_empty() {
            let (docs, n) = (named.len(), refs.len());
            let unnamed = missing
                .iter()
                .map(|r| format!("{} ({})", r.number, r.client))
                .collect::<Vec<_>>()
                .join(", ");
            self.unverifiable.push(say!(
                l,
                "{docs} document(s) pour {n} référence(s), mais aucun ne nomme : {unnamed}",
                "{docs} document(s) for {n} reference(s), but none names: {unnamed}"
            ));
        }
        let (n, shown) = (refs.len(), refs.len() - missing.len());
        self.evidence.push(say!(
            l,
            "{n} référence(s) listée(s), {shown} plaquette(s) les présentant",
            "{n} reference(s) listed, {shown} brochure(s) presenting them"
        ));
    }

    /// At most `max` pages per reference a document presents. `counted`: the references
    /// were listed, so a document naming none presents one whose client it names differently.
    fn pages(
        &mut self,
        ctx: &Context,
        max: u32,
        named: &[(usize, Vec<&Reference>)],
        counted: bool,
    ) {
        let l = self.lang;
        for (i, here) in named {
            let f = ctx.file(*i);
            let rel = &f.rel;
            let Some(pages) = ctx.documents.facts(*i).and_then(|d| d.pages) else {
                self.unverifiable.push(say!(
                    l,
                    "{rel} (nombre de pages inconnu)",
                    "{rel} (page count unknown)"
                ));
                continue;
            };
            let k = here.len().max(1);
            let allowed = max.saturating_mul(u32::try_from(k).unwrap_or(u32::MAX));
            if pages <= allowed {
                self.evidence.push(say!(
                    l,
                    "{rel} : {pages} page(s), {k} référence(s)",
                    "{rel}: {pages} page(s), {k} reference(s)"
                ));
            } else if here.is_empty() && !counted {
                // How many references the file presents is unknown: more pages may be right.
                self.unverifiable.push(say!(
                    l,
                    "{rel} ({pages} pages : le nombre de références présentées n'a pas pu être compté)",
                    "{rel} ({pages} pages: the number of references presented could not be counted)"
                ));
            } else {
                self.findings.push(ctx.file_finding(
                    f,
                    say!(
                        l,
                        "{pages} pages pour {k} référence(s), {allowed} au plus ({max} par référence)",
                        "{pages} pages for {k} reference(s), at most {allowed} ({max} per reference)"
                    ),
                ));
            }
        }
    }

    /// Findings fail; else what could not be settled is for a human; else a pass.
    fn outcome(self) -> Outcome {
        if !self.findings.is_empty() {
            return Outcome::from_findings(self.findings).with_evidence(self.evidence);
        }
        if !self.unverifiable.is_empty() {
            return Outcome::by_hand(self.lang, &self.unverifiable).with_evidence(self.evidence);
        }
        Outcome::pass().with_evidence(self.evidence)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_references_table_is_read_below_its_header() {
        let text = "Membre\tExercice\tCA global (€ HT)\n\
                    Alpha\t2025\t5100000\n\
                    Référence\tMembre\tClient\tAnnée\tObjet\n\
                    1\tAlpha\tCHU de Rennes\t2024\tMessagerie\n\
                    2.0\tAlpha\tGHT Alpes\t2025\tAnnuaire\n\
                    Alpha : 61 salariés\n\
                    3\tBeta\tCH de Colmar\t2024\tHébergement\n";
        let refs = references_table(text).expect("table");
        assert_eq!(
            refs,
            [
                Reference {
                    number: "1".into(),
                    client: "CHU de Rennes".into()
                },
                Reference {
                    number: "2".into(),
                    client: "GHT Alpes".into()
                },
            ]
        );
        assert_eq!(references_table("Exercice\tCA\n2025\t1000\n"), None);
    }
}
