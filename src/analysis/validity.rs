//! Dates of validity read from the text of a certificate or an insurance attestation, in the
//! forms French documents use: « valable jusqu'au 31/12/2026 », « du 01/01/2026 au
//! 31/12/2026 », « Date d'expiration : 30 juin 2027 », « expire le 30.06.2027 », an ISO
//! `2027-06-30` next to « validité » or « expiration ». Linear in the text (the regex crate),
//! whatever its size; impossible dates (31/02) are ignored.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidityPeriod {
    pub from: Option<NaiveDate>,
    pub until: NaiveDate,
    /// The phrase the dates were read from, on one line, for the finding.
    pub excerpt: String,
}

/// One date, in any of the accepted forms (numeric, ISO, or « 1er janvier 2026 »).
const DATE: &str =
    r"(\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}(?:er)?\s+[a-zéèûôà]+\.?\s+\d{4})";

// Constant patterns, exercised by the tests below: they cannot fail to compile.
static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:du|de|à compter du|a compter du)\s+{DATE}\s*(?:au|jusqu'au|jusqu’au|-|–|à)\s*{DATE}"
    ))
    .expect("constant regex")
});
static PAIR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?:validit[ée]|garantie|p[ée]riode)[^\n\d]{{0,40}}{DATE}\s*(?:-|–|au|à)\s*{DATE}"
    ))
    .expect("constant regex")
});
static UNTIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?:jusqu(?:'|’|\s)?(?:au|à)|expir\w*(?:\s+le)?|fin\s+de\s+validit[ée]|[ée]ch[ée]ance|valable\s+au|valide\s+au)\s*(?:le\s+|du\s+)?[:\s]*{DATE}"
    ))
    .expect("constant regex")
});
static ISO_NEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:validit[ée]|expir\w*|valid until|expiry)[^\n]{0,40}?(\d{4}-\d{2}-\d{2})")
        .expect("constant regex")
});

const MONTHS: [(&str, u32); 14] = [
    ("janvier", 1),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("decembre", 12),
    ("janv", 1),
    ("fevr", 2),
];

/// Parse one date as matched by [`DATE`].
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(d);
    }
    let parts: Vec<&str> = s.split(['/', '.', '-']).collect();
    if let [d, m, y] = parts.as_slice()
        && y.len() == 4
    {
        return NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    if let [d, m, y] = words.as_slice() {
        let day: u32 = d.trim_end_matches("er").parse().ok()?;
        let month_word = crate::text::fold(m.trim_end_matches('.'));
        let month = MONTHS
            .iter()
            .find(|(name, _)| {
                month_word == *name || (month_word.len() >= 3 && name.starts_with(&month_word))
            })
            .map(|(_, n)| *n)?;
        return NaiveDate::from_ymd_opt(y.parse().ok()?, month, day);
    }
    None
}

fn excerpt(text: &str, start: usize, end: usize) -> String {
    let s: String = text[start..end]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    s.chars().take(200).collect()
}

/// Every period of validity stated in the text, in order of appearance.
pub fn validity_periods(text: &str) -> Vec<ValidityPeriod> {
    // Candidates from every form, then the earliest of overlapping ones kept (a period « du
    // … jusqu'au … » is not read again as a bare « jusqu'au … »): sorted once, one sweep.
    let mut candidates: Vec<(usize, usize, usize, ValidityPeriod)> = Vec::new();
    for (prio, re) in [&*PERIOD, &*PAIR].into_iter().enumerate() {
        for c in re.captures_iter(text) {
            let (Some(all), Some(a), Some(b)) = (c.get(0), c.get(1), c.get(2)) else {
                continue;
            };
            if let (Some(from), Some(until)) = (parse_date(a.as_str()), parse_date(b.as_str()))
                && from <= until
            {
                candidates.push((
                    all.start(),
                    prio,
                    all.end(),
                    ValidityPeriod {
                        from: Some(from),
                        until,
                        excerpt: excerpt(text, all.start(), all.end()),
                    },
                ));
            }
        }
    }
    for (prio, re) in [&*UNTIL, &*ISO_NEAR].into_iter().enumerate() {
        for c in re.captures_iter(text) {
            let (Some(all), Some(d)) = (c.get(0), c.get(1)) else {
                continue;
            };
            if let Some(until) = parse_date(d.as_str()) {
                candidates.push((
                    all.start(),
                    prio + 2,
                    all.end(),
                    ValidityPeriod {
                        from: None,
                        until,
                        excerpt: excerpt(text, all.start(), all.end()),
                    },
                ));
            }
        }
    }
    candidates.sort_by_key(|(start, prio, _, _)| (*start, *prio));
    let mut out = Vec::new();
    let mut reached = 0;
    for (start, _, end, period) in candidates {
        if start < reached {
            continue;
        }
        reached = end;
        out.push(period);
    }
    out
}

/// The period that ends last: what the document is worth on a given day.
pub fn latest_until(periods: &[ValidityPeriod]) -> Option<&ValidityPeriod> {
    periods.iter().max_by_key(|p| p.until)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn until(text: &str) -> Option<NaiveDate> {
        latest_until(&validity_periods(text)).map(|p| p.until)
    }

    #[test]
    fn french_and_iso_forms() {
        assert_eq!(
            until("Attestation valable jusqu'au 31/12/2026."),
            Some(d(2026, 12, 31))
        );
        assert_eq!(until("VALIDE JUSQU’AU 31.12.2026"), Some(d(2026, 12, 31)));
        assert_eq!(
            until("Date d'expiration : 30 juin 2027"),
            Some(d(2027, 6, 30))
        );
        assert_eq!(
            until("Ce certificat expire le 30/06/2027"),
            Some(d(2027, 6, 30))
        );
        assert_eq!(
            until("Date de fin de validité : 2027-06-30"),
            Some(d(2027, 6, 30))
        );
        assert_eq!(until("Validité : 2027-06-30"), Some(d(2027, 6, 30)));
        assert_eq!(until("jusqu'au 1er février 2027"), Some(d(2027, 2, 1)));
        assert_eq!(until("jusqu'au 15 aout 2027"), Some(d(2027, 8, 15)));
    }

    #[test]
    fn periods_with_their_start() {
        let p = validity_periods("Garantie accordée pour la période du 01/01/2026 au 31/12/2026.");
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].from, Some(d(2026, 1, 1)));
        assert_eq!(p[0].until, d(2026, 12, 31));
        assert!(
            p[0].excerpt.contains("du 01/01/2026 au 31/12/2026"),
            "{}",
            p[0].excerpt
        );
        let p = validity_periods("pour la période du 1er janvier 2026\nau 31 décembre 2026");
        assert_eq!(p[0].from, Some(d(2026, 1, 1)));
        assert_eq!(p[0].until, d(2026, 12, 31));
        let p = validity_periods("Période de garantie : 01/01/2026 - 31/12/2026");
        assert_eq!(
            (p[0].from, p[0].until),
            (Some(d(2026, 1, 1)), d(2026, 12, 31))
        );
    }

    #[test]
    fn impossible_or_unrelated_dates_are_ignored() {
        assert_eq!(until("valable jusqu'au 31/02/2026"), None);
        assert_eq!(until("Fait à Lyon, le 10/02/2026"), None);
        assert_eq!(until(""), None);
        assert_eq!(until("jusqu'au 12/2026"), None);
    }

    #[test]
    fn the_latest_end_wins() {
        let text = "Période du 01/01/2025 au 31/12/2025. Renouvelée : valable jusqu'au 31/12/2026.";
        assert_eq!(until(text), Some(d(2026, 12, 31)));
    }

    #[test]
    fn large_text_is_linear() {
        let text = "valable jusqu'au 31/12/2026 ".repeat(100_000);
        let started = std::time::Instant::now();
        assert_eq!(validity_periods(&text).len(), 100_000);
        assert!(started.elapsed().as_secs() < 10);
    }
}
