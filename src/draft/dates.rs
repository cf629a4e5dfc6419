//! Deadlines: « date limite de réception des offres », calendar lines (« Retour des
//! candidatures : 19 février 2026 »), French dates with or without a time.

use std::sync::LazyLock;

use chrono::Datelike;
use regex::Regex;

use super::sections::{Doc, quote};
use super::{Deadline, Found};

static CUE: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(
        r"(?i)(?:date\s+(?:et\s+heure\s+)?limites?\s+de\s+(?:r[ée]ception|remise|d[ée]p[ôo]t)|retour\s+des|remise\s+des|r[ée]ception\s+des|avant\s+le)\s*(?:des\s+)?(candidatures?|offres?|plis)?",
    )
    .expect("valid regex")
});
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(
        r"(?i)\b(\d{1,2})(?:er)?\s+(janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre)\s+(20\d\d)(?:\s+à\s+(\d{1,2})\s*h\s*(\d{2})?)?|\b(\d{1,2})/(\d{1,2})/(20\d\d)",
    )
    .expect("valid regex")
});

fn month(name: &str) -> u32 {
    let f = crate::text::fold(name);
    [
        "janvier",
        "fevrier",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "aout",
        "septembre",
        "octobre",
        "novembre",
        "decembre",
    ]
    .iter()
    .position(|m| *m == f)
    .map_or(0, |i| i as u32 + 1)
}

pub fn detect(doc: &Doc, found: &mut Found) {
    let t = doc.text;
    for (at, line) in doc.lines() {
        let Some(cue) = CUE.captures(line) else {
            continue;
        };
        let Some(d) = DATE.captures(line) else {
            continue;
        };
        let (Some(cm), Some(dm)) = (cue.get(0), d.get(0)) else {
            continue;
        };
        if dm.start() < cm.start() {
            continue;
        }
        let date = if let Some(day) = d.get(1) {
            let (Ok(day), m, Ok(y)) = (
                day.as_str().parse::<u32>(),
                month(&d[2]),
                d[3].parse::<i32>(),
            ) else {
                continue;
            };
            chrono::NaiveDate::from_ymd_opt(y, m, day)
        } else {
            let (Ok(day), Ok(m), Ok(y)) = (
                d[6].parse::<u32>(),
                d[7].parse::<u32>(),
                d[8].parse::<i32>(),
            ) else {
                continue;
            };
            chrono::NaiveDate::from_ymd_opt(y, m, day)
        };
        let Some(date) = date else { continue };
        let lower = line.to_lowercase();
        let context = crate::text::fold(&doc.sentence_quote(at + cm.start()));
        let (phases, doubt): (Vec<&'static str>, Option<String>) =
            match cue.get(1).map(|m| m.as_str().to_lowercase()) {
                Some(w) if w.starts_with("candidature") => (vec!["candidature"], None),
                Some(w) if w.starts_with("offre") => (vec!["offre"], None),
                Some(_) => (
                    vec!["candidature", "offre"],
                    Some(
                        "« plis » : candidature et offre remises ensemble ? phase à confirmer"
                            .to_string(),
                    ),
                ),
                None if context.contains("candidature") => (
                    vec!["candidature"],
                    Some("phase devinée d'après le contexte".to_string()),
                ),
                None if context.contains("offre") => (
                    vec!["offre"],
                    Some("phase devinée d'après le contexte".to_string()),
                ),
                None => continue,
            };
        let doubt = if context.contains("envisage") || lower.contains('➢') {
            Some(doubt.unwrap_or_else(|| {
                "date d'un calendrier prévisionnel : vérifier l'avis de publicité".to_string()
            }))
        } else {
            doubt
        };
        let value = match (d.get(4), d.get(5)) {
            (Some(h), min) => {
                let h: u32 = h.as_str().parse().unwrap_or(0);
                let min: u32 = min.and_then(|m| m.as_str().parse().ok()).unwrap_or(0);
                // Heure de Paris: summer time from the end of March to the end of October.
                let offset = if (4..=10).contains(&date.month()) {
                    "+02:00"
                } else {
                    "+01:00"
                };
                format!("{}T{h:02}:{min:02}:00{offset}", date.format("%Y-%m-%d"))
            }
            _ => date.format("%Y-%m-%d").to_string(),
        };
        let raw = &t[at..at + line.len()];
        for phase in phases {
            if found.deadlines.iter().any(|x| x.phase == phase) {
                continue;
            }
            found.deadlines.push(Deadline {
                phase,
                date: value.clone(),
                section: doc.section(at),
                quote: quote(raw),
                doubt: doubt.clone(),
            });
        }
    }
}
