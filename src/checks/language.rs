//! `language`: the selected documents are written in the given language (« rédigés en
//! langue française »). The finding names the language found. A document with too little
//! text to tell is left to a human. A document in another language next to its translation
//! (same folder, same name but for a language or translation word: `Certificat_ISO_Beta.pdf`
//! and `Certificat_ISO_FR_Beta.pdf`, `…_traduction.pdf`) is satisfied by the translation.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::CompileError;
use super::kind::{BidCheck, CheckKind};
use super::params::Selector;
use super::per_document::{DocumentFindings, each_text};
use super::select::FileSelector;
use crate::analysis::language;
use crate::checks::{Context, Outcome};
use crate::say;
use crate::text::{fold, name_tokens, stem};
use crate::vocabulary::{Lang, Scope};

/// The selected documents are written in `language` (ISO 639-1 code, `fr`).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Language {
    pub language: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub select: Option<Selector>,
}

/// Words of a file name that say which language a version is in, or that it is a
/// translation: left out when pairing a document with its translation.
const LANGUAGE_WORDS: [&str; 17] = [
    "traduction",
    "traduit",
    "trad",
    "translation",
    "translated",
    "fr",
    "francais",
    "french",
    "en",
    "english",
    "anglais",
    "de",
    "allemand",
    "original",
    "vo",
    "vf",
    "version",
];

/// The folder and the name without its language words, which a document and its
/// translation share.
fn pair_key(rel: &str, name: &str) -> (String, String) {
    let folder = rel
        .rsplit_once('/')
        .map(|(d, _)| fold(d))
        .unwrap_or_default();
    let folded = fold(stem(name));
    let words: Vec<&str> = name_tokens(&folded)
        .filter(|t| !LANGUAGE_WORDS.contains(t))
        .collect();
    (folder, words.join("_"))
}

#[derive(Debug, Clone)]
pub struct ExpectedLanguage {
    code: String,
    select: FileSelector,
}

impl CheckKind for Language {
    type Compiled = ExpectedLanguage;

    fn compile(&self, errors: &mut Vec<CompileError>) -> ExpectedLanguage {
        let code = self.language.trim().to_lowercase();
        if language::name(&code, Lang::Fr).is_none() {
            errors.push(CompileError::new(
                "language",
                format!(
                    "langue inconnue « {} » : code ISO 639-1 attendu ({})",
                    self.language,
                    language::SUPPORTED.join(", ")
                ),
            ));
        }
        ExpectedLanguage {
            code,
            select: FileSelector::compile(self.select.as_ref(), errors),
        }
    }

    fn describe(&self) -> Vec<String> {
        vec![format!(
            "Chaque document ({}) est rédigé en {} ; un texte trop court pour en juger n'est pas jugé.",
            super::describe::files(self.select.as_ref()),
            super::describe::language_name(&self.language)
        )]
    }

    fn scope(&self) -> Scope {
        super::describe::selected(self.select.as_ref())
    }

    fn selector(&self) -> Option<&Selector> {
        self.select.as_ref()
    }
}

impl BidCheck for ExpectedLanguage {
    fn evaluate(&self, ctx: &Context, _: &str) -> Outcome {
        let mut judge = DocumentFindings::default();
        let expected = language::name(&self.code, ctx.lang).unwrap_or("?");
        // Documents reliably in the expected language, by pairing key: the translations.
        let translations: Vec<(String, String)> = ctx
            .inventory
            .files
            .iter()
            .enumerate()
            .filter(|(i, _)| {
                ctx.documents
                    .facts(*i)
                    .and_then(|d| d.language.as_ref())
                    .is_some_and(|d| d.code == self.code && d.reliable)
            })
            .map(|(_, f)| pair_key(&f.rel, &f.name))
            .collect();
        each_text(&self.select, ctx, &mut judge, |f, facts, judge| {
            match &facts.language {
                // Too little text to have a language (a table of figures): nothing to judge.
                None => {}
                Some(d) if d.code == self.code => {}
                // Its translation is attached: what the help promises.
                Some(_) if translations.contains(&pair_key(&f.rel, &f.name)) => {}
                Some(d) if !d.reliable => judge.unverifiable(f, &{
                    let name = d.name(ctx.lang);
                    say!(
                        ctx.lang,
                        "langue incertaine ({name} probable)",
                        "uncertain language ({name} likely)"
                    )
                }),
                Some(d) => judge.findings.push(
                    ctx.file_finding(f, {
                        let (name, confidence) = (d.name(ctx.lang), d.confidence * 100.0);
                        say!(
                            ctx.lang,
                            "rédigé en {name} (confiance {confidence:.0} %), pas en {expected}",
                            "written in {name} (confidence {confidence:.0}%), not in {expected}"
                        )
                    })
                    .suggest(say!(
                        ctx.lang,
                        "fournir le document en {expected} (ou sa traduction)",
                        "provide the document in {expected} (or its translation)"
                    )),
                ),
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

#[cfg(test)]
mod tests {
    use super::pair_key;

    #[test]
    fn a_document_and_its_translation_share_a_key() {
        let original = pair_key("beta/Certificat_ISO_Beta.pdf", "Certificat_ISO_Beta.pdf");
        for (rel, name) in [
            (
                "beta/Certificat_ISO_FR_Beta.pdf",
                "Certificat_ISO_FR_Beta.pdf",
            ),
            (
                "beta/Certificat_ISO_Beta_traduction.pdf",
                "Certificat_ISO_Beta_traduction.pdf",
            ),
            (
                "beta/Traduction certificat ISO Beta.docx",
                "Traduction certificat ISO Beta.docx",
            ),
        ] {
            assert_eq!(pair_key(rel, name), original, "{name}");
        }
        // Another folder, another document: no pair.
        assert_ne!(
            pair_key(
                "alpha/Certificat_ISO_FR_Beta.pdf",
                "Certificat_ISO_FR_Beta.pdf"
            ),
            original
        );
        assert_ne!(
            pair_key("beta/Kbis_FR_Beta.pdf", "Kbis_FR_Beta.pdf"),
            original
        );
    }
}
