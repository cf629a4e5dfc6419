//! Page limits: « limitée à une page A4 recto-verso » (2 pages, A4), « 10 pages maximum »,
//! « fixe le nombre maximum de pages … du mémoire technique à 80 ».

use std::sync::LazyLock;

use regex::Regex;

use super::sections::Doc;
use super::{Found, Rule};

static LIMIT: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(&format!(
        r"(?i)(?:limit[ée]e?s?\s+à|dans\s+la\s+limite\s+de|au\s+plus|maximum(?:\s+de)?|{not_over})\s+({n})\s+(?:\(\d+\)\s+)?pages?(\s+(?:au\s+)?(?:format\s+)?A4)?(\s+recto[- ]verso)?|\b({n})\s+(?:\(\d+\)\s+)?pages?(\s+(?:au\s+)?(?:format\s+)?A4)?(\s+recto[- ]verso)?\s+(?:maximum|au\s+plus|au\s+maximum|max\b|exig[ée]es|impos[ée]es|autoris[ée]es)|nombre\s+maxim(?:um|al)\s+de\s+pages\b[^.;]{{0,100}}?\b(?:à|a)\s+(\d{{1,3}})\b(?:\s+pages?)?",
        not_over = super::NOT_OVER,
        n = super::COUNT_WORDS,
    ))
    .expect("valid regex")
});

/// The piece a page limit is about: (word in the sentence, piece topic).
const ABOUT: &[(&str, &[&str])] = &[
    ("plaquette", &["CAND-PLAQUETTE"]),
    ("fiche", &["CAND-PLAQUETTE"]),
    ("memoire", &["OFFRE-MEMOIRE", "OFFRE-L03"]),
    ("methodologique", &["OFFRE-NOTE"]),
    ("reference", &["CAND-REFERENCES"]),
    ("moyens", &["CAND-MOYENS"]),
];

/// How far back a sentence's subject is looked for, in bytes.
const SUBJECT_WINDOW: usize = 600;

/// The drafted piece rule a folded text is about: the piece it names last.
fn about(folded: &str, found: &Found) -> Option<String> {
    ABOUT
        .iter()
        .filter_map(|(w, topics)| {
            let at = folded.rfind(w)?;
            Some((at, topics.iter().find_map(|t| found.rule_of(t))?))
        })
        .max_by_key(|(at, _)| *at)
        .map(|(_, id)| id)
}

pub fn detect(doc: &Doc, found: &mut Found) {
    for c in LIMIT.captures_iter(doc.text).take(10) {
        let Some(m) = c.get(0) else { continue };
        let Some(n) = c
            .get(1)
            .or_else(|| c.get(4))
            .or_else(|| c.get(7))
            .and_then(|w| super::count_value(w.as_str()))
        else {
            continue;
        };
        let a4 = c.get(2).or_else(|| c.get(5)).is_some();
        let recto_verso = c.get(3).or_else(|| c.get(6)).is_some();
        let max = if recto_verso { n * 2 } else { n };
        let quote = doc.sentence_quote(m.start());
        // The piece the sentence names, else the one the sentences just before name (« Le
        // mémoire technique … Il ne doit pas excéder 30 pages »).
        let piece = about(&crate::text::fold(&quote), found).or_else(|| {
            about(
                &crate::text::fold(super::sections::before(doc.text, m.start(), SUBJECT_WINDOW)),
                found,
            )
        });
        let mut check = vec!["kind: pages".to_string(), format!("max: {max}")];
        if a4 {
            check.push("size: A4".into());
        }
        let mut doubts = Vec::new();
        match &piece {
            Some(id) => check.push(format!("select: {{ pieces: [{id}] }}")),
            None => doubts.push(
                "pièce concernée non identifiée : la limite s'applique ici à tous les documents"
                    .to_string(),
            ),
        }
        let id = found.id(&format!("PAGES-{max}"));
        let size = if a4 { ", format A4" } else { "" };
        let what = if recto_verso {
            format!("{n} page(s) recto-verso, soit {max} pages au plus{size}")
        } else {
            format!("{max} pages au plus{size}")
        };
        found.push(Rule {
            when: None,
            id,
            family: "pages",
            title: format!("Limite de pages : {what}"),
            // A limit whose piece is not identified would count the pages of every document:
            // a doubt, not a rejection.
            severity: if piece.is_some() { "error" } else { "warning" },
            phases: None,
            section: doc.section(m.start()),
            quote,
            help: format!("Réduire le document à {max} pages{size}."),
            check,
            doubts,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The maxima of the page rules drafted from a text.
    fn maxima(text: &str) -> Vec<String> {
        let found = crate::draft::detected(detect, text);
        found
            .rules
            .into_iter()
            .flat_map(|r| r.check)
            .filter(|c| c.starts_with("max:"))
            .collect()
    }

    #[test]
    fn a_limit_set_as_a_number_of_pages_and_a_length_that_is_no_limit() {
        assert_eq!(
            maxima(
                "elle ne respecte pas l'article 5.2 qui fixe le nombre maximum de pages hors références et CV pour le mémoire technique à 80.\n"
            ),
            ["max: 80"]
        );
        assert_eq!(
            maxima("Le nombre maximal de pages du mémoire est fixé à 20 pages.\n"),
            ["max: 20"]
        );
        // The rejected offer's 74 pages are a length, the 12 pages the limit.
        assert_eq!(
            maxima(
                "La société avait présenté un mémoire technique de 74 pages alors que le règlement limitait ce document à 12 pages maximum hors annexes.\n"
            ),
            ["max: 12"]
        );
        assert_eq!(
            maxima("Il ne doit pas excéder 30 pages, annexes comprises.\n"),
            ["max: 30"]
        );
        assert!(maxima("Le mémoire technique compte 45 pages.\n").is_empty());
    }

    #[test]
    fn limits_in_words_participles_and_abbreviations() {
        for (text, want) in [
            (
                "La note méthodologique, dans la limite de 15 pages, présente l'organisation.\n",
                "max: 15",
            ),
            (
                "Le mémoire technique ne devra pas comporter plus de vingt (20) pages.\n",
                "max: 20",
            ),
            (
                "Un mémoire technique n'excédant pas 25 pages A4.\n",
                "max: 25",
            ),
            ("Mémoire technique : 10 pages max, police 11.\n", "max: 10"),
            (
                "Le mémoire technique (maximum 30 pages) détaille la méthode.\n",
                "max: 30",
            ),
            (
                "Une note de présentation de quinze pages au plus.\n",
                "max: 15",
            ),
            (
                "Un mémoire technique porté à un nombre supérieur aux 40 pages exigées.\n",
                "max: 40",
            ),
        ] {
            assert_eq!(maxima(text), [want], "{text}");
        }
        // A count of the RC's own pages, a length: no limit.
        assert!(maxima("Le présent règlement de la consultation comprend 12 pages.\n").is_empty());
        assert!(maxima("Les réponses font en moyenne vingt pages.\n").is_empty());
    }
}
