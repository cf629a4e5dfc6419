//! Page limits: « limitée à une page A4 recto-verso » (2 pages, A4), « 10 pages maximum ».

use std::sync::LazyLock;

use regex::Regex;

use super::sections::Doc;
use super::{Found, Rule};

static LIMIT: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(
        r"(?i)(?:limit[ée]e?s?\s+à|au\s+plus|maximum\s+de|ne\s+d[ée]passe(?:nt)?\s+pas|n['’]exc[èe]de(?:nt)?\s+pas)\s+(une|deux|trois|quatre|cinq|six|huit|dix|\d{1,3})\s+(?:\(\d+\)\s+)?pages?(\s+(?:au\s+)?(?:format\s+)?A4)?(\s+recto[- ]verso)?|(\d{1,3})\s+pages?(\s+(?:au\s+)?(?:format\s+)?A4)?(\s+recto[- ]verso)?\s+(?:maximum|au\s+plus|au\s+maximum)",
    )
    .expect("valid regex")
});

fn number(w: &str) -> Option<u32> {
    match w.to_lowercase().as_str() {
        "une" => Some(1),
        "deux" => Some(2),
        "trois" => Some(3),
        "quatre" => Some(4),
        "cinq" => Some(5),
        "six" => Some(6),
        "huit" => Some(8),
        "dix" => Some(10),
        n => n.parse().ok(),
    }
}

/// The piece a page limit is about: (word in the sentence, piece topic).
const ABOUT: &[(&str, &[&str])] = &[
    ("plaquette", &["CAND-PLAQUETTE"]),
    ("fiche", &["CAND-PLAQUETTE"]),
    ("memoire", &["OFFRE-MEMOIRE", "OFFRE-L03"]),
    ("reference", &["CAND-REFERENCES"]),
    ("moyens", &["CAND-MOYENS"]),
];

pub fn detect(doc: &Doc, found: &mut Found) {
    for c in LIMIT.captures_iter(doc.text).take(10) {
        let Some(m) = c.get(0) else { continue };
        let Some(n) = c
            .get(1)
            .or_else(|| c.get(4))
            .and_then(|w| number(w.as_str()))
        else {
            continue;
        };
        let a4 = c.get(2).or_else(|| c.get(5)).is_some();
        let recto_verso = c.get(3).or_else(|| c.get(6)).is_some();
        let max = if recto_verso { n * 2 } else { n };
        let quote = doc.sentence_quote(m.start());
        let folded = crate::text::fold(&quote);
        let piece = ABOUT
            .iter()
            .filter(|(w, _)| folded.contains(w))
            .flat_map(|(_, topics)| topics.iter())
            .find_map(|t| found.rule_of(t));
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
            severity: "error",
            phases: None,
            section: doc.section(m.start()),
            quote,
            help: format!("Réduire le document à {max} pages{size}."),
            check,
            doubts,
        });
    }
}
