//! The deadline an aggregator prints in English above a French notice (« Deadline: » then
//! « Oct. 3, 2025, noon », « Deadline type: » then « Submitting a bid »): the notice's own
//! deadline, in a form of the host's, read only when the buyer's text gave none.

use std::sync::LazyLock;

use regex::Regex;

use super::sections::{Doc, quote};
use super::{Deadline, Found};

static HEADER: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(
        r"(?m)^Deadline:\s*\n\s*(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2}),\s+(20\d\d)(?:,\s+(?:(\d{1,2})(?::(\d{2}))?\s*([ap])\.m\.|(noon)))?[^\n]*\n\s*Deadline type:\s*\n\s*([^\n]+)",
    )
    .expect("valid regex")
});

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The host's deadline, when the text has no deadline of its own.
pub fn detect(doc: &Doc, found: &mut Found) {
    if !found.deadlines.is_empty() {
        return;
    }
    let Some(c) = HEADER.captures(doc.text) else {
        return;
    };
    let (Some(all), Some(kind)) = (c.get(0), c.get(8)) else {
        return;
    };
    let phase = match kind.as_str().to_lowercase() {
        k if k.contains("request to participate") => "candidature",
        k if k.contains("bid") || k.contains("tender") => "offre",
        _ => return,
    };
    let month = MONTHS
        .iter()
        .position(|m| c[1].starts_with(m))
        .map_or(0, |i| i as u32 + 1);
    let (Some(day), Some(year)) = (c[2].parse().ok(), c[3].parse().ok()) else {
        return;
    };
    let Some(date) = chrono::NaiveDate::from_ymd_opt(year, month, day) else {
        return;
    };
    let hour_minute = if c.get(7).is_some() {
        Some((12, 0))
    } else {
        c.get(4).and_then(|h| {
            let h: u32 = h.as_str().parse().ok()?;
            let m: u32 = c.get(5).map_or(Some(0), |m| m.as_str().parse().ok())?;
            // A 12-hour clock: « 4 p.m. » is 16:00, « 12 a.m. » midnight.
            let pm = c.get(6).is_some_and(|x| x.as_str() == "p");
            let h = match (h, pm) {
                (12, false) => 0,
                (12, true) => 12,
                (h, true) => h + 12,
                (h, false) => h,
            };
            (h < 24 && m < 60).then_some((h, m))
        })
    };
    let mut doubt = Some(
        "date lue dans l'en-tête en anglais de la plateforme d'annonces, non dans le texte de l'acheteur : la vérifier dans l'avis ou le RC"
            .to_string(),
    );
    let date = match hour_minute {
        Some(hm) => {
            let mut tz_doubt = None;
            let d = super::dates::date_time(date, hm, all.as_str(), "", &mut tz_doubt);
            if let Some(t) = tz_doubt {
                doubt = Some(format!("{} ; {t}", doubt.unwrap_or_default()));
            }
            d
        }
        None => date.format("%Y-%m-%d").to_string(),
    };
    found.deadlines.push(Deadline {
        phase,
        date,
        section: doc.section(all.start()),
        quote: quote(all.as_str()),
        doubt,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deadlines(text: &str) -> Vec<(&'static str, String)> {
        crate::draft::detected(detect, text)
            .deadlines
            .into_iter()
            .map(|d| (d.phase, d.date))
            .collect()
    }

    #[test]
    fn a_hosts_english_header_in_every_clock_form() {
        for (value, want) in [
            ("Oct. 3, 2025, noon", "2025-10-03T12:00:00+02:00"),
            ("Dec. 9, 2024, 4 p.m.", "2024-12-09T16:00:00+01:00"),
            ("Oct. 13, 2025, 2 p.m.", "2025-10-13T14:00:00+02:00"),
            ("Sept. 1, 2025, 10:30 a.m.", "2025-09-01T10:30:00+02:00"),
            ("March 2, 2026", "2026-03-02"),
        ] {
            let text = format!(
                "CPV: 77310000\nDeadline:\n{value}\nDeadline type:\nSubmitting a bid\nPlace of execution:\n"
            );
            assert_eq!(
                deadlines(&text),
                vec![("offre", want.to_string())],
                "{value}"
            );
        }
        // A request to participate is the candidatures' deadline; another type, nothing.
        assert_eq!(
            deadlines(
                "Deadline:\nMay 4, 2026, noon\nDeadline type:\nSubmitting a request to participate\n"
            ),
            vec![("candidature", "2026-05-04T12:00:00+02:00".to_string())]
        );
        assert!(deadlines("Deadline:\nMay 4, 2026, noon\nDeadline type:\nQuestions\n").is_empty());
    }
}
