//! Dates as the manifest and packs write them: RFC 3339 dates or date-times.

use crate::say;
use crate::vocabulary::Lang;
use chrono::{DateTime, FixedOffset, NaiveDate};

/// A deadline or validity date. Validity is judged on the calendar day, in the deadline's own
/// time zone: a certificate valid until 19 February is valid on a 19 February 12:00 deadline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateSpec {
    pub date: NaiveDate,
    pub datetime: Option<DateTime<FixedOffset>>,
    pub raw: String,
}

impl DateSpec {
    pub fn parse(raw: &str) -> Result<DateSpec, String> {
        let t = raw.trim();
        if let Ok(dt) = DateTime::parse_from_rfc3339(t) {
            return Ok(DateSpec {
                date: dt.date_naive(),
                datetime: Some(dt),
                raw: t.to_string(),
            });
        }
        NaiveDate::parse_from_str(t, "%Y-%m-%d")
            .map(|date| DateSpec {
                date,
                datetime: None,
                raw: t.to_string(),
            })
            .map_err(|_| match french_written(t) {
                Some(iso) => format!("« {t} » : écrivez {iso} (année-mois-jour, format RFC 3339)"),
                None => format!(
                    "« {t} » n'est pas une date RFC 3339 (AAAA-MM-JJ ou AAAA-MM-JJTHH:MM:SS+01:00)"
                ),
            })
    }
}

/// A day written the French way (« 30/06/2027 », « 30.06.2027 », « 30-06-2027 »), as the
/// RFC 3339 date to write instead, when it is a real day.
fn french_written(t: &str) -> Option<String> {
    let parts: Vec<&str> = t.split(['/', '.', '-']).collect();
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    if y.len() != 4 || d.len() > 2 || m.len() > 2 {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)?;
    Some(date.format("%Y-%m-%d").to_string())
}

impl DateSpec {
    /// Is this moment already past at `now`? A bare date is past once its day is over.
    pub fn is_past(&self, now: DateTime<FixedOffset>) -> bool {
        match self.datetime {
            Some(dt) => dt < now,
            None => self.date < now.date_naive(),
        }
    }
}

impl std::fmt::Display for DateSpec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.raw)
    }
}

/// A deadline as a person writes it: « 19 février 2026 à 12 h 00 » (in the deadline's own time
/// zone), or « 19 février 2026 » for a bare date; "19 February 2026 at 12:00" in English.
pub fn long(d: &DateSpec, lang: Lang) -> String {
    const MONTHS: [(&str, &str); 12] = [
        ("janvier", "January"),
        ("février", "February"),
        ("mars", "March"),
        ("avril", "April"),
        ("mai", "May"),
        ("juin", "June"),
        ("juillet", "July"),
        ("août", "August"),
        ("septembre", "September"),
        ("octobre", "October"),
        ("novembre", "November"),
        ("décembre", "December"),
    ];
    use chrono::{Datelike, Timelike};
    let (fr, en) = MONTHS[d.date.month0() as usize];
    let (day, year) = (d.date.day(), d.date.year());
    let date = match (lang, day) {
        (Lang::Fr, 1) => format!("1er {fr} {year}"),
        (Lang::Fr, _) => format!("{day} {fr} {year}"),
        (Lang::En, _) => format!("{day} {en} {year}"),
    };
    match d.datetime {
        Some(t) => {
            let (h, m) = (t.hour(), t.minute());
            say!(lang, "{date} à {h} h {m:02}", "{date} at {h}:{m:02}")
        }
        None => date,
    }
}

/// A day as the report's reader writes it: 19/02/2026 in French, 2026-02-19 in English (the
/// order an English reader cannot mistake for the month first).
pub fn short_date(d: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Fr => d.format("%d/%m/%Y").to_string(),
        Lang::En => d.format("%Y-%m-%d").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_dates_and_datetimes() {
        let d = DateSpec::parse("2026-02-19T12:00:00+01:00").unwrap();
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2026, 2, 19).unwrap());
        assert!(d.datetime.is_some());
        let d = DateSpec::parse("2027-06-30").unwrap();
        assert_eq!(d.date, NaiveDate::from_ymd_opt(2027, 6, 30).unwrap());
        assert_eq!(
            DateSpec::parse("30/06/2027").unwrap_err(),
            "« 30/06/2027 » : écrivez 2027-06-30 (année-mois-jour, format RFC 3339)"
        );
        assert!(
            DateSpec::parse("31/02/2027")
                .unwrap_err()
                .contains("n'est pas une date")
        );
        assert!(DateSpec::parse("2027-02-30").is_err());
    }

    #[test]
    fn deadlines_are_written_as_people_write_them() {
        let d = DateSpec::parse("2026-02-19T12:00:00+01:00").unwrap();
        assert_eq!(long(&d, Lang::Fr), "19 février 2026 à 12 h 00");
        assert_eq!(long(&d, Lang::En), "19 February 2026 at 12:00");
        let d = DateSpec::parse("2026-08-01").unwrap();
        assert_eq!(long(&d, Lang::Fr), "1er août 2026");
        assert_eq!(long(&d, Lang::En), "1 August 2026");
    }

    #[test]
    fn a_deadline_is_past_after_its_hour_or_after_its_day() {
        let now = DateTime::parse_from_rfc3339("2026-02-19T12:30:00+01:00").unwrap();
        assert!(
            DateSpec::parse("2026-02-19T12:00:00+01:00")
                .unwrap()
                .is_past(now)
        );
        assert!(
            !DateSpec::parse("2026-02-19T13:00:00+01:00")
                .unwrap()
                .is_past(now)
        );
        assert!(!DateSpec::parse("2026-02-19").unwrap().is_past(now));
        assert!(DateSpec::parse("2026-02-18").unwrap().is_past(now));
    }
}
