//! Language (« rédigés en langue française ») and currency (« exprimés en euros »).

use std::sync::LazyLock;

use regex::Regex;

use super::sections::Doc;
use super::{Found, Rule};

static FRENCH: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    // « rédigées en langue française »; a notice's « Langue(s) pouvant être utilisée(s) dans
    // l'offre ou la demande de participation : français ».
    Regex::new(
        r"(?i)(?:r[ée]dig[ée]e?s?|pr[ée]sent[ée]e?s?)\s+(?:en\s+)?(?:langue\s+)?fran[cç]aise?\b|langues?(?:\s*\(s\))?\s+pouvant\s+[êe]tre\s+utilis[ée]e?(?:\s*\(s\)|s)?\s+dans\s+l['’]offre[^:\n]{0,60}:\s*fran[cç]ais\b",
    )
    .expect("valid regex")
});
static EUROS: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    // « exprimés en euros », « l'unité monétaire est l'euro », a notice's « Monnaie : EUR ».
    Regex::new(r"(?i)(?:exprim[ée]e?s?\s+en\s+euros?\b|unit[ée]\s+mon[ée]taire\s+(?:du\s+march[ée]\s+)?est\s+l['’]euro|\b(?:monnaie|devise)\s*:\s*(?:EUR|euros?)\b)")
        .expect("valid regex")
});

/// Words of a sentence about the whole bid (« les candidatures et les offres », « le pli »,
/// « les documents »), not one piece (« Ce document doit être rédigé en français »).
const WHOLE_BID: &[&str] = &[
    "candidature",
    "offre",
    "pli",
    "documents",
    "dossier",
    "pieces",
];

pub fn detect(doc: &Doc, found: &mut Found) {
    let sentences: Vec<(usize, String)> = FRENCH
        .find_iter(doc.text)
        .take(20)
        .map(|m| (m.start(), doc.sentence_quote(m.start())))
        .collect();
    let whole = |q: &String| {
        let f = crate::text::fold(q);
        WHOLE_BID.iter().any(|w| f.contains(w))
    };
    let chosen = sentences
        .iter()
        .find(|(_, q)| whole(q))
        .or_else(|| sentences.first());
    if let Some((at, quote)) = chosen {
        // A sentence about one piece says nothing of the others: a doubt, not a rejection.
        let scoped = !whole(quote);
        let id = found.id("LANGUE");
        found.push(Rule {
            when: None,
            id,
            family: "langue et monnaie",
            title: "Documents rédigés en français".to_string(),
            severity: if scoped { "warning" } else { "error" },
            phases: None,
            section: doc.section(*at),
            quote: quote.clone(),
            help: "Traduire en français tout document rédigé dans une autre langue.".to_string(),
            check: vec!["kind: language".into(), "language: fr".into()],
            doubts: if scoped {
                vec![
                    "la phrase vise une pièce précise, pas tout le pli : vérifier la portée"
                        .to_string(),
                ]
            } else {
                Vec::new()
            },
        });
    }
    // Prefer « exprimés en euros » (prices), else « l'unité monétaire est l'euro ».
    let m = EUROS
        .find_iter(doc.text)
        .find(|m| m.as_str().to_lowercase().starts_with("exprim"))
        .or_else(|| EUROS.find(doc.text));
    if let Some(m) = m {
        let id = found.id("EUROS");
        found.push(Rule {
            when: None,
            id,
            family: "langue et monnaie",
            title: "Montants exprimés en euros".to_string(),
            severity: "error",
            phases: None,
            section: doc.section(m.start()),
            quote: doc.sentence_quote(m.start()),
            help: "Convertir en euros tout montant exprimé dans une autre devise ($, USD, £, GBP, CHF).".to_string(),
            check: vec![
                "kind: content".into(),
                "must_not:".into(),
                r"  - pattern: '(\$\s?\d|\d\s?\$|\bUSD\b|\bUS\s?dollars?\b|£\s?\d|\d\s?£|\bGBP\b|\bCHF\b)'".into(),
                "    label: \"montant dans une autre devise que l'euro\"".into(),
            ],
            doubts: Vec::new(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_notice_phrasing_of_the_language() {
        let text = "IV.2.4) Langue(s) pouvant être utilisée(s) dans l'offre ou la demande de participation : français\n";
        let found = crate::draft::detected(detect, text);
        assert_eq!(found.rules.len(), 1);
        assert!(found.rules[0].check.iter().any(|c| c == "language: fr"));
        assert_eq!(found.rules[0].severity, "error");
    }

    #[test]
    fn a_sentence_about_one_piece_is_a_doubt() {
        let text =
            "Le candidat peut compléter le DUME. Ce document doit être rédigé en français.\n";
        let found = crate::draft::detected(detect, text);
        assert_eq!(found.rules[0].severity, "warning");
        assert_eq!(
            found.rules[0].quote,
            "Ce document doit être rédigé en français."
        );
    }
}
