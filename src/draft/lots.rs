//! Lots (« Lot 1 : … ») and limits on lots per operator (« deux lots au plus »); a
//! consultation « non allotie » has no lots.

use std::sync::LazyLock;

use regex::Regex;

use super::sections::{Doc, clean_line};
use super::{Found, Rule};

static LOT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"(?i)^lot\s+(?:n°\s*)?(\d{1,2})\s*[:–—-]\s*(.{3,200})$").expect("valid regex")
});
static LIMIT: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"(?i)(?:(?:que\s+pour|pour|à|de)\s+(un|deux|trois|quatre|cinq|six|\d)\s+lots\s+(?:au\s+plus|au\s+maximum|maximum)|(?:au\s+plus|au\s+maximum|maximum\s+de|limit[ée]e?\s+à)\s+(un|deux|trois|quatre|cinq|six|\d)\s+lots)")
        .expect("valid regex")
});
static NOT_DIVIDED: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"(?i)(?:n['’]est\s+(?:donc\s+)?pas\s+allotie|pas\s+d[ée]compos[ée]e\s+en\s+lots|lot\s+unique)")
        .expect("valid regex")
});

fn number(w: &str) -> Option<u32> {
    match w.to_lowercase().as_str() {
        "un" => Some(1),
        "deux" => Some(2),
        "trois" => Some(3),
        "quatre" => Some(4),
        "cinq" => Some(5),
        "six" => Some(6),
        n => n.parse().ok(),
    }
}

pub fn detect(doc: &Doc, found: &mut Found) {
    let mut lots: Vec<(String, String)> = Vec::new();
    let mut first_at = None;
    for (at, line) in doc.lines() {
        let l = clean_line(line);
        if let Some(c) = LOT_LINE.captures(&l) {
            let id = c[1].to_string();
            if lots.iter().any(|(i, _)| *i == id) {
                continue;
            }
            let title = c[2].trim_end_matches([';', '.', ',', ' ']).to_string();
            first_at.get_or_insert(at);
            lots.push((id, title));
        }
    }
    let limit = LIMIT.captures(doc.text).and_then(|c| {
        let w = c.get(1).or_else(|| c.get(2))?;
        Some((c.get(0)?.start(), number(w.as_str())?))
    });
    if lots.len() >= 2 {
        let (at, max) = match limit {
            Some((at, max)) => (at, Some(max)),
            None => (first_at.unwrap_or(0), None),
        };
        let quote = doc.sentence_quote(at);
        let awarded = crate::text::fold(&quote).contains("attribu");
        let mut check = vec!["kind: lots".to_string(), "known: true".to_string()];
        let mut doubts = Vec::new();
        let title = match max {
            Some(n) => {
                check.push(format!("max: {n}"));
                check.push(format!(
                    "message: {}",
                    super::render::double(&format!(
                        "{n} lots au plus par opérateur ({})",
                        doc.section(at)
                    ))
                ));
                doubts.push(if awarded {
                    "limite d'attribution plutôt que de candidature : avertissement".to_string()
                } else {
                    "limite de lots par opérateur : vérifier si le dépassement rend le pli irrecevable".to_string()
                });
                format!(
                    "Lots de la consultation (1 à {}), {n} au plus par opérateur",
                    lots.len()
                )
            }
            None => format!("Lots de la consultation (1 à {})", lots.len()),
        };
        let id = found.id("LOTS");
        found.push(Rule {
            when: None,
            id,
            family: "lots",
            title,
            severity: if awarded { "warning" } else { "error" },
            phases: None,
            section: doc.section(at),
            quote,
            help: "Indiquer dans `lots:` du bid.yaml les lots auxquels vous répondez, parmi ceux de la consultation.".to_string(),
            check,
            doubts,
        });
        found.lots = Some(lots);
    } else if let Some(m) = NOT_DIVIDED.find(doc.text) {
        let id = found.id("LOTS");
        found.push(Rule {
            when: None,
            id,
            family: "lots",
            title: "Consultation non allotie : aucun lot à indiquer".to_string(),
            severity: "warning",
            phases: None,
            section: doc.section(m.start()),
            quote: doc.sentence_quote(m.start()),
            help: "La consultation n'a pas de lots : retirer `lots:` du bid.yaml.".to_string(),
            check: vec!["kind: lots".into(), "known: true".into()],
            doubts: Vec::new(),
        });
        found.lots = Some(Vec::new());
    }
}
