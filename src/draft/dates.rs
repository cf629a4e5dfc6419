//! Deadlines: « date limite de réception des offres », calendar lines (« Retour des
//! candidatures : 19 février 2026 »), notices (« Date limite de réponse : 20/04/2018 »). The
//! date may follow its label on the same line or on the next lines (cover pages: « Date et
//! heure limites de réception des offres : » then « MERCREDI 15 JUILLET 2026 A 12:00 »), and
//! the time may follow the date in any common form (« à 16 heures », « 16h00 », « – 17h00 »,
//! « 12:00 ») or under its own label (« Heure limite : 11h00 »).

use std::sync::LazyLock;

use chrono::Datelike;
use regex::Regex;

use super::sections::{Doc, quote};
use super::{Deadline, Found};

static CUE: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(
        r"(?i)(?:date\s+(?:et\s+heure\s+)?limites?\s+de\s+(?:r[ée]ception|remise|d[ée]p[ôo]t|r[ée]ponse)|d[ée]lai\s+de\s+(?:r[ée]ponse|remise|r[ée]ception)|retour\s+des|remise\s+des|r[ée]ception\s+des|r[ée]ponse\s+(?:imp[ée]rativement\s+|obligatoirement\s+)?avant\s+le|date\s+(?:et\s+heure\s+)?limites?\s+(?:est\s+|[ée]tait\s+)?(?:fix[ée]e\s+)?au|avant\s+le)\s*(?:des\s+)?(candidatures?(?:\s+et\s+(?:des\s+)?offres?)?|offres?|plis|devis|propositions?|dossiers?\s+de\s+candidatures?|dossiers?\s*:)?|(candidatures?|offres?|plis|propositions?)\s+(?:seront|devront|doivent|sont)\s+(?:être\s+)?(?:à\s+)?(?:remise?s?|remettre|d[ée]pos[ée]e?s?|transmise?s?|re[çc]ue?s?|parvenir)\b[^.\n]{0,40}?(?:pour|avant|jusqu['’]au|au\s+plus\s+tard)\s+(?:le\s+)?",
    )
    .expect("valid regex")
});
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(
        r"(?i)\b(\d{1,2})(?:\s?er)?\s+(janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre)\s+(20\d\d)\b|\b(\d{1,2})[/.](\d{1,2})[/.](20\d\d)\b|\b(\d{1,2})/(\d{1,2})/(\d\d)\b|\b(\d{1,2})\s(\d{1,2})\s(20\d\d)\b|\b(20\d\d)-(\d{2})-(\d{2})\b",
    )
    .expect("valid regex")
});
/// A time right after a date: « à 12h00 », « à 12 h 00 », « – 12h00 », « à 16:00 »,
/// « à 12 Heures », « 18h », and letter-spaced by a PDF's extraction (« à 1 2 h 0 0 »).
static TIME: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(
        r"(?i)^[\s,.]*(?:(?:à|a|avant|jusqu['’]à|[–—-]|heure\s*:)\s*)?([01]?\d|2[0-3]|[01]\s\d|2\s[0-3])\s*(?:h(?:eures?)?|:)\s*([0-5]\d|[0-5]\s\d)?(?:\b|$)",
    )
    .expect("valid regex")
});
/// A time under its own label, on a line after the date: « Heure limite : 11h00 ».
static TIME_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(
        r"(?i)^heure\s+limite(?:\s+de\s+(?:r[ée]ception|remise|d[ée]p[ôo]t)(?:\s+des\s+\w+)?)?\s*:?\s*(?:à\s*)?([01]?\d|2[0-3])\s*(?:h(?:eures?)?|:)\s*([0-5]\d)?",
    )
    .expect("valid regex")
});
/// A time's label alone on its line (« Heure limite de réception : »).
static TIME_LABEL_ALONE: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"(?i)^heure\s+limite[^:\d]{0,40}:?$").expect("valid regex")
});
/// A date that ends its line on « à »: its time is on the next line.
static DANGLING: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"(?i)^\s*,?\s*(?:à|a|avant)\s*$").expect("valid regex")
});
/// A time offset stated with the date: « (UTC+02:00) ».
static UTC: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"(?i)\(?\s*UTC\s*([+-])\s*(\d{1,2}):?(\d{2})?\s*\)?").expect("valid regex")
});

/// Overseas territories without summer time: (folded names, name, UTC offset).
const OVERSEAS: &[(&[&str], &str, &str)] = &[
    (&["guyane", "cayenne"], "Guyane", "-03:00"),
    (&["martinique", "fort-de-france"], "Martinique", "-04:00"),
    (
        &["guadeloupe", "pointe-a-pitre", "basse-terre"],
        "Guadeloupe",
        "-04:00",
    ),
    (
        &["la reunion", "saint-denis de la reunion"],
        "La Réunion",
        "+04:00",
    ),
    (&["mayotte", "mamoudzou"], "Mayotte", "+03:00"),
    (
        &["nouvelle-caledonie", "noumea"],
        "Nouvelle-Calédonie",
        "+11:00",
    ),
    (&["polynesie", "papeete"], "Polynésie française", "-10:00"),
];

/// How far after its label, on the same line, a date is the label's (« : le mercredi 27/07/2022 »,
/// « fixée au vendredi 9 octobre 2026 »).
const NEAR: usize = 50;

/// A line longer than this is a paragraph: a deadline found in it quotes its sentence.
const PARAGRAPH: usize = 240;

/// How many lines after its label a date is looked for (blank lines are skipped).
const VALUE_LINES: usize = 3;

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

/// The (day, month, year) groups of `DATE`'s forms in figures: « 27/07/2022 » or « 6.6.2016 »,
/// « 07/12/15 », « 19 01 2021 », and the ISO « 2017-10-27 ».
const FIGURES: [(usize, usize, usize); 4] = [(4, 5, 6), (7, 8, 9), (10, 11, 12), (15, 14, 13)];

/// A date read in a text, with where it ends (to look for its time).
fn date_in(s: &str) -> Option<(chrono::NaiveDate, usize, usize)> {
    let d = DATE.captures(s)?;
    let m = d.get(0)?;
    let date = if let Some(day) = d.get(1) {
        chrono::NaiveDate::from_ymd_opt(
            d[3].parse().ok()?,
            month(&d[2]),
            day.as_str().parse().ok()?,
        )
    } else {
        let &(day, month, year) = FIGURES.iter().find(|(day, _, _)| d.get(*day).is_some())?;
        let y: i32 = d[year].parse().ok()?;
        // « 07/12/15 »: a year of this century.
        let y = if d[year].len() == 2 { 2000 + y } else { y };
        chrono::NaiveDate::from_ymd_opt(y, d[month].parse().ok()?, d[day].parse().ok()?)
    }?;
    Some((date, m.start(), m.end()))
}

/// A deadline label whose date has no year (« DATE LIMITE DE DEPOT DES PLIS : LUNDI 31
/// JANVIER A 12H »): the line, for the message that says why nothing was drafted.
pub fn yearless(doc: &Doc) -> Option<String> {
    static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
        // Proof: a constant pattern.
        Regex::new(
            r"(?i)\b\d{1,2}(?:er)?\s+(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre)\b(\s+20\d\d)?",
        )
        .expect("valid regex")
    });
    doc.lines()
        .filter(|(_, l)| CUE.is_match(l))
        .find(|(_, l)| DAY_MONTH.captures(l).is_some_and(|c| c.get(1).is_none()))
        .map(|(_, l)| quote(l))
}

/// Hour and minute of a `TIME` or `TIME_LABEL` match.
fn hour_minute(c: &regex::Captures) -> Option<(u32, u32)> {
    let figures = |m: regex::Match| m.as_str().replace(' ', "").parse().ok();
    let h = figures(c.get(1)?)?;
    let m = c.get(2).map_or(Some(0), figures)?;
    Some((h, m))
}

/// The non-blank lines of the text from line `i` on: (byte offset, line).
fn next_lines<'a>(
    lines: &'a [(usize, &'a str)],
    i: usize,
) -> impl Iterator<Item = &'a (usize, &'a str)> {
    lines[i..].iter().filter(|(_, l)| !l.trim().is_empty())
}

/// A deadline's label: where it stands and what it names.
struct Label {
    /// The index of its line in `lines`.
    line: usize,
    /// Byte offsets in the text of the label's start and end.
    start: usize,
    end: usize,
    /// The folded word that names the phase (« offres », « candidatures et offres »…).
    word: Option<String>,
    /// The folded label.
    text: String,
    /// Where the label's words end: past its value when they are split around it.
    words_end: usize,
}

/// Every deadline label of the text: each cue of each line (a notice may give both deadlines in
/// one paragraph), and a cover's label split around its value (« DATE LIMITE », then « 29 JUIN
/// 2015 à 12h », then « DE REMISE DES OFFRES : »).
fn labels(lines: &[(usize, &str)]) -> Vec<Label> {
    static SPLIT_HEAD: LazyLock<Regex> = LazyLock::new(|| {
        // Proof: a constant pattern.
        Regex::new(r"(?i)^\s*date\s+(?:et\s+heure\s+)?limites?\s*:?\s*$").expect("valid regex")
    });
    static SPLIT_TAIL: LazyLock<Regex> = LazyLock::new(|| {
        // Proof: a constant pattern.
        Regex::new(r"(?i)^\s*de\s+(?:r[ée]ception|remise|d[ée]p[ôo]t)\s").expect("valid regex")
    });
    let mut all = Vec::new();
    for (i, &(at, line)) in lines.iter().enumerate() {
        for cue in CUE.captures_iter(line) {
            let Some(m) = cue.get(0) else { continue };
            all.push(Label {
                line: i,
                start: at + m.start(),
                end: at + m.end(),
                word: cue
                    .get(1)
                    .or_else(|| cue.get(2))
                    .map(|w| crate::text::fold(w.as_str())),
                text: crate::text::fold(m.as_str()),
                words_end: at + m.end(),
            });
        }
        all.extend(labels_after_their_value(i, at, line));
        if !SPLIT_HEAD.is_match(line) {
            continue;
        }
        let mut next = next_lines(lines, i + 1);
        if let (Some(&(_, value)), Some(&(tail_at, tail))) = (next.next(), next.next())
            && date_in(value).is_some_and(|(_, s, _)| s <= 14)
            && SPLIT_TAIL.is_match(tail)
        {
            let joined = format!("date limite {}", tail.trim());
            if let Some(cue) = CUE.captures(&joined) {
                all.push(Label {
                    line: i,
                    start: at,
                    end: at + line.len(),
                    word: cue.get(1).map(|w| crate::text::fold(w.as_str())),
                    text: crate::text::fold(cue.get(0).map_or("", |m| m.as_str())),
                    words_end: tail_at + tail.len(),
                });
            }
        }
    }
    all
}

/// Labels that follow their value in a sentence (« mentionnaient le 15 novembre 2018 à 17h00
/// comme date et heure limites de remise des offres »): the label is placed at its date, so
/// that the date is read right after it.
fn labels_after_their_value(i: usize, at: usize, line: &str) -> Vec<Label> {
    static AS_DEADLINE: LazyLock<Regex> = LazyLock::new(|| {
        // Proof: a constant pattern.
        Regex::new(r"(?i)\bcomme\s+date\s+(?:et\s+heure\s+)?limites?\s+de\s+(?:r[ée]ception|remise|d[ée]p[ôo]t)\s+des\s+(candidatures?|offres?|plis)")
            .expect("valid regex")
    });
    AS_DEADLINE
        .captures_iter(line)
        .filter_map(|c| {
            let (m, word) = (c.get(0)?, c.get(1)?);
            // The date just before the label, within the clause.
            let from = super::sections::floor_boundary(line, m.start().saturating_sub(NEAR));
            let date = DATE.find_iter(&line[from..m.start()]).last()?;
            Some(Label {
                line: i,
                start: at + from + date.start(),
                end: at + from + date.start(),
                word: Some(crate::text::fold(word.as_str())),
                text: crate::text::fold(m.as_str()),
                words_end: at + m.end(),
            })
        })
        .collect()
}

/// Every deadline the text states, once per phase (the first one found wins).
pub fn detect(doc: &Doc, found: &mut Found) {
    let t = doc.text;
    let lines: Vec<(usize, &str)> = doc.lines().collect();
    let whole = crate::text::fold(t);
    for label in labels(&lines) {
        let (i, (at, line)) = (label.line, lines[label.line]);
        let Some(value) = final_value(t, &lines, &label) else {
            continue;
        };
        let time = time_of(t, &lines, &value);
        // The lines just above: a heading (« Remise des offres ») may name the phase of the
        // labels below it; and the label's own paragraph (« … le rejet d'une offre déposée
        // avec retard. Le règlement fixait la date limite au … »).
        let previous: String = lines[..=i]
            .iter()
            .rev()
            .filter(|(_, l)| !l.trim().is_empty())
            .take(5)
            .map(|(_, l)| crate::text::fold(l))
            .collect::<Vec<_>>()
            .join(" ");
        let context = crate::text::fold(&doc.sentence_quote(label.start));
        // « Date limite de candidature estimée : Avant le 31/07/2025 »: a host's estimate of
        // the closing date, not the buyer's deadline.
        // On the label's line only: « quantités estimatives » just above estimates no date.
        let from = super::sections::floor_boundary(t, label.start.saturating_sub(30)).max(at);
        let lead = t.get(from..label.end).unwrap_or_default();
        if crate::text::fold(lead).contains("estim") {
            continue;
        }
        // « réception des échantillons », « remise des dossiers de … »: a « des » that names
        // something else than the bids is no deadline of theirs.
        if label.word.is_none() && label.text.trim_end().ends_with(" des") {
            continue;
        }
        let Some((phases, mut doubt)) = phases_of(
            label.word.as_deref(),
            &label.text,
            &context,
            &previous,
            &whole,
        ) else {
            continue;
        };
        if context.contains("envisage") || line.contains('➢') {
            doubt.get_or_insert_with(|| {
                "date d'un calendrier prévisionnel : vérifier l'avis de publicité".to_string()
            });
        }
        let stated = &t[at..time.quote_end.max(label.words_end)];
        let date = match time.hour_minute {
            Some(hour_minute) => date_time(value.date, hour_minute, stated, &whole, &mut doubt),
            None => value.date.format("%Y-%m-%d").to_string(),
        };
        // The quote: the label line when it holds the date (its sentence when the line is a
        // paragraph), else from the label to the value.
        let raw = if value.on_label_line && time.quote_end == time.end_of_line {
            if line.len() > PARAGRAPH {
                let (s, e) = doc.sentence(label.start);
                &t[s..e]
            } else {
                &t[at..at + line.len()]
            }
        } else {
            stated
        };
        for phase in phases {
            if found.deadlines.iter().any(|x| x.phase == phase) {
                continue;
            }
            found.deadlines.push(Deadline {
                phase,
                date: date.clone(),
                section: doc.section(at),
                quote: quote(raw),
                doubt: doubt.clone(),
            });
        }
    }
}

/// The date a deadline label gives, with where it stands in the text.
struct LabelledDate {
    date: chrono::NaiveDate,
    start: usize,
    end: usize,
    /// On the label's own line (else at the start of one of the next lines).
    on_label_line: bool,
}

/// The date of the label on line `i` whose cue ends at byte `cue_end`: after the label on its
/// line, else at the start of one of the next lines.
fn value_of_label(lines: &[(usize, &str)], i: usize, cue_end: usize) -> Option<LabelledDate> {
    let (at, line) = lines[i];
    let labelled = |(date, start, end), on_label_line| LabelledDate {
        date,
        start,
        end,
        on_label_line,
    };
    // The label's own date is near it: a date further on the line belongs to something else
    // (« … REMISE DES PLIS … 16/07/2015 Page 4 sur 106 », a table of contents with the file's
    // date).
    if let Some((d, s, e)) = date_in(&line[cue_end - at..]).filter(|(_, s, _)| *s <= NEAR) {
        return Some(labelled((d, cue_end + s, cue_end + e), true));
    }
    next_lines(lines, i + 1)
        .take(VALUE_LINES)
        // Another label (« Date de publicité : ») takes the lines after it.
        .take_while(|(_, l)| !l.trim_end().ends_with(':'))
        .find_map(|&(a, l)| {
            let lead = l.len() - l.trim_start().len();
            date_in(l)
                // A value line starts with its date (or a weekday, « le »): not a
                // sentence that mentions a date further on, nor a publication's date
                // (« Publié le 12 avril 2019 à 10h00 »).
                .filter(|(_, s, _)| *s <= lead + 14)
                .filter(|(_, s, _)| !published(&l[..*s]))
                .map(|(d, s, e)| (d, a + s, a + e))
        })
        .map(|found| labelled(found, false))
}

/// Does the text before a date say it is a publication's (« Publié le », « Paru le », « Date
/// d'envoi », « Mis en ligne le »)?
fn published(before: &str) -> bool {
    let f = crate::text::fold(before);
    ["publi", "paru", "envoi", "mis en ligne"]
        .iter()
        .any(|w| f.contains(w))
}

/// The new date when the line after a deadline postpones it (« Date limite de remise des offres
/// le 09 décembre 2013 à 17 : 00 » then « repoussée au 19 décembre 2013 à 17 : 00 »).
fn postponed(lines: &[(usize, &str)], value: &LabelledDate) -> Option<LabelledDate> {
    static POSTPONED: LazyLock<Regex> = LazyLock::new(|| {
        // Proof: a constant pattern.
        Regex::new(r"(?i)^\W*(?:date\s+)?(?:repouss|report|prorog|d[ée]cal|diff[ée]r)[ée]e?s?\s+(?:au|à|a|jusqu['’]au)\s")
            .expect("valid regex")
    });
    let after = lines.partition_point(|(a, _)| *a <= value.start);
    let &(a, l) = next_lines(lines, after).next()?;
    let cue = POSTPONED.find(l)?;
    let (date, s, e) = date_in(&l[cue.end()..])?;
    Some(LabelledDate {
        date,
        start: a + cue.end() + s,
        end: a + cue.end() + e,
        on_label_line: false,
    })
}

/// The date of a label, as postponed or corrected when the text says so.
fn final_value(t: &str, lines: &[(usize, &str)], label: &Label) -> Option<LabelledDate> {
    let value = value_of_label(lines, label.line, label.end)?;
    Some(
        postponed(lines, &value)
            .or_else(|| corrected(t, label.end, &value))
            .unwrap_or(value),
    )
}

/// The new date of a notice's correction (« Date de réception des offres : au lieu de : 12
/// octobre 2011 à 16 h 00 lire : 02 novembre 2011 à 16 h 00 », « Lire : » on the next line,
/// « lire : lundi 3 novembre »): the replaced date is no deadline.
fn corrected(t: &str, label_end: usize, value: &LabelledDate) -> Option<LabelledDate> {
    static READ: LazyLock<Regex> = LazyLock::new(|| {
        // Proof: a constant pattern.
        Regex::new(r"(?i)^[^\n]{0,60}?(?:\n[ \t]*)?\blire\s*:?").expect("valid regex")
    });
    // « au lieu de » between the label and its date, or opening the label's line (« Au lieu
    // de : Date limite … : 12 octobre »).
    let (line_start, _) = super::sections::line_bounds(t, label_end);
    let between = crate::text::fold(t.get(line_start..value.start)?);
    if !between.contains("au lieu de") {
        return None;
    }
    let rest = t.get(value.end..)?;
    let read = READ.find(rest)?;
    // The new date on the « lire » line.
    let from = value.end + read.end();
    let line = &t[from..super::sections::line_bounds(t, from).1];
    let (date, s, e) = date_in(line)?;
    Some(LabelledDate {
        date,
        start: from + s,
        end: from + e,
        on_label_line: value.on_label_line,
    })
}

/// The time of a deadline, if stated, and where the stated deadline ends.
struct StatedTime {
    hour_minute: Option<(u32, u32)>,
    /// The end of the date's line.
    end_of_line: usize,
    /// The end of the text to quote: the date's line, or the line that holds the time.
    quote_end: usize,
}

/// The time that goes with a date: right after it, on the next line when the date's line
/// ends on « à », or under its own label on one of the next two lines.
fn time_of(t: &str, lines: &[(usize, &str)], value: &LabelledDate) -> StatedTime {
    let end_of_line = t[value.end..].find('\n').map_or(t.len(), |k| value.end + k);
    let rest = &t[value.end..end_of_line];
    let mut time = StatedTime {
        hour_minute: TIME.captures(rest).and_then(|c| hour_minute(&c)),
        end_of_line,
        quote_end: end_of_line,
    };
    let after = lines.partition_point(|(a, _)| *a <= value.start);
    if time.hour_minute.is_none() && (DANGLING.is_match(rest) || rest.trim().is_empty()) {
        // « MERCREDI 27 MAI 2015 A » then « 12 HEURES », or « 03/01/2022 » alone then « à 12
        // heures. »: the time on the next line.
        if let Some(&(a, l)) = next_lines(lines, after).next() {
            time.hour_minute = TIME.captures(l).and_then(|c| hour_minute(&c));
            if time.hour_minute.is_some() {
                time.quote_end = a + l.len();
            }
        }
    }
    if time.hour_minute.is_none() {
        // « Date limite de réception : Lundi 24/02/2025 Heure limite de réception : 12 h 00 »:
        // the time under its own label, further on the date's line.
        let folded_rest = rest.to_lowercase();
        if let Some(k) = folded_rest.find("heure limite").filter(|k| *k <= NEAR) {
            time.hour_minute = rest
                .get(k..)
                .and_then(|r| TIME_LABEL.captures(r))
                .and_then(|c| hour_minute(&c));
        }
    }
    if time.hour_minute.is_none() {
        // « Heure limite de réception : » then « 12 H 00 délai de rigueur »: the time under its
        // label's line.
        let mut next = next_lines(lines, after);
        if let (Some(&(_, label)), Some(&(a, l))) = (next.next(), next.next())
            && TIME_LABEL_ALONE.is_match(label.trim())
            && let Some(hm) = TIME.captures(l).and_then(|c| hour_minute(&c))
        {
            time.hour_minute = Some(hm);
            time.quote_end = a + l.len();
        }
    }
    if time.hour_minute.is_none() {
        // « Date limite de remise des offres : Le 25/11/2025. » then « Heure limite : 11h00 ».
        if let Some(&(a, l)) = next_lines(lines, after)
            .take(2)
            .find(|(_, l)| TIME_LABEL.is_match(l.trim()))
        {
            time.hour_minute = TIME_LABEL.captures(l.trim()).and_then(|c| hour_minute(&c));
            if time.hour_minute.is_some() {
                time.quote_end = a + l.len();
            }
        }
    }
    time
}

/// The phases a deadline is for, and the doubt to say when they were guessed: from the cue's
/// own word (« des candidatures », « des offres », « des plis »), else from the sentence or
/// the lines before, else from the kind of notice or the folded cue itself (« dépôt »,
/// « réponse »); `None` when nothing tells.
fn phases_of(
    cue_word: Option<&str>,
    cue: &str,
    context: &str,
    previous: &str,
    whole: &str,
) -> Option<(Vec<&'static str>, Option<String>)> {
    Some(match cue_word {
        Some(w) if w.starts_with("candidature") && w.contains("offre") => {
            (vec!["candidature", "offre"], None)
        }
        Some(w)
            if w.starts_with("candidature")
                || w.starts_with("dossier") && w.contains("candidature") =>
        {
            (vec!["candidature"], None)
        }
        Some(w) if w.starts_with("offre") || w.starts_with("devis") => (vec!["offre"], None),
        Some(w) => (
            vec!["candidature", "offre"],
            Some(format!(
                "« {w} » : candidature et offre remises ensemble ? phase à confirmer"
            )),
        ),
        None if context.contains("candidature") || previous.contains("candidature") => (
            vec!["candidature"],
            Some("phase devinée d'après le contexte".to_string()),
        ),
        None if context.contains("offre") || previous.contains("offre") => (
            vec!["offre"],
            Some("phase devinée d'après le contexte".to_string()),
        ),
        // A notice's « date limite de réponse » to a call for candidatures.
        None if whole.contains("appel a candidature") => (
            vec!["candidature"],
            Some("phase devinée : l'avis est un appel à candidatures".to_string()),
        ),
        // « Date limite de dépôt » alone, « DELAI DE REPONSE : 17 FEVRIER 2015 », « Date limite
        // de réponse » elsewhere: the one deposit of the bid, both phases in it (a call for
        // candidatures is read above).
        None if cue.contains("depot") || cue.contains("reponse") => (
            vec!["candidature", "offre"],
            Some(format!(
                "« {} » : candidature et offre remises ensemble ? phase à confirmer",
                if cue.contains("depot") {
                    "dépôt"
                } else {
                    "réponse"
                }
            )),
        ),
        None => return None,
    })
}

/// The RFC 3339 date-time of a deadline stated with its time, in the offset it states, else
/// the buyer's: an overseas territory's for « heure locale », else Paris time.
pub(super) fn date_time(
    date: chrono::NaiveDate,
    (h, min): (u32, u32),
    stated: &str,
    whole: &str,
    doubt: &mut Option<String>,
) -> String {
    let offset = match UTC.captures(stated) {
        Some(u) => format!(
            "{}{:02}:{}",
            &u[1],
            u[2].parse::<u32>().unwrap_or(0),
            u.get(3).map_or("00", |m| m.as_str())
        ),
        None => local_offset(date, h, stated, whole, doubt),
    };
    format!("{}T{h:02}:{min:02}:00{offset}", date.format("%Y-%m-%d"))
}

/// The UTC offset of a deadline that states none: « heure locale » of a buyer overseas is the
/// one territory the RC names; anything else is Paris time, summer time included.
fn local_offset(
    date: chrono::NaiveDate,
    hour: u32,
    stated: &str,
    whole: &str,
    doubt: &mut Option<String>,
) -> String {
    let folded = crate::text::fold(stated);
    // « 12h00 (heure de Guadeloupe) », « (heure de La Réunion) », « 12 H 00 heure
    // MARTINIQUE »: the territory is stated.
    if let Some((_, _, offset)) = OVERSEAS.iter().find(|(names, _, _)| {
        names.iter().any(|n| {
            ["heure de ", "heure de la ", "heure "]
                .iter()
                .any(|h| folded.contains(&format!("{h}{n}")))
        })
    }) {
        return offset.to_string();
    }
    let local = folded.contains("heure locale");
    let mut territories = OVERSEAS
        .iter()
        .filter(|(names, _, _)| names.iter().any(|n| whole.contains(n)));
    match (local, territories.next(), territories.next()) {
        (true, Some((_, name, offset)), None) => {
            *doubt = Some(format!(
                "« heure locale » : heure de {name} (UTC{offset}) retenue, à vérifier"
            ));
            offset.to_string()
        }
        _ => {
            if local {
                *doubt = Some(
                    "« heure locale » : heure de Paris supposée, vérifier le fuseau de l'acheteur (outre-mer)"
                        .to_string(),
                );
            }
            paris_offset(date, hour).to_string()
        }
    }
}

/// The offset of Paris time on a day at an hour: summer time (+02:00) from the last Sunday of
/// March at 2 h to the last Sunday of October at 3 h, the European rule since 1996.
fn paris_offset(date: chrono::NaiveDate, hour: u32) -> &'static str {
    let (Some(start), Some(end)) = (last_sunday(date.year(), 3), last_sunday(date.year(), 10))
    else {
        return "+01:00";
    };
    let summer =
        (date > start && date < end) || (date == start && hour >= 3) || (date == end && hour < 3);
    if summer { "+02:00" } else { "+01:00" }
}

/// The last Sunday of a month.
fn last_sunday(year: i32, month: u32) -> Option<chrono::NaiveDate> {
    let first_of_next = if month == 12 {
        chrono::NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        chrono::NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    let last = first_of_next.pred_opt()?;
    let back = last.weekday().num_days_from_sunday();
    last.checked_sub_days(chrono::Days::new(u64::from(back)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paris_time_changes_on_the_last_sundays_of_march_and_october() {
        let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day).expect("date");
        // 2025: summer time from Sunday 30 March to Sunday 26 October.
        assert_eq!(paris_offset(d(2025, 3, 29), 12), "+01:00");
        assert_eq!(paris_offset(d(2025, 3, 30), 12), "+02:00");
        assert_eq!(paris_offset(d(2025, 10, 25), 12), "+02:00");
        assert_eq!(paris_offset(d(2025, 10, 26), 12), "+01:00");
        assert_eq!(paris_offset(d(2025, 10, 28), 12), "+01:00");
        assert_eq!(paris_offset(d(2026, 1, 15), 12), "+01:00");
        assert_eq!(paris_offset(d(2026, 7, 15), 12), "+02:00");
    }

    /// Each deadline's phase and date.
    fn phases(text: &str) -> Vec<(String, String)> {
        deadlines(text)
            .into_iter()
            .map(|(p, d, _)| (p, d))
            .collect()
    }

    fn deadlines(text: &str) -> Vec<(String, String, String)> {
        let found = crate::draft::detected(detect, text);
        found
            .deadlines
            .into_iter()
            .map(|d| (d.phase.to_string(), d.date, d.quote))
            .collect()
    }

    #[test]
    fn both_phases_proposals_postponed_dates_and_sentences_that_set_the_deadline() {
        let both = |d: &str| {
            vec![
                ("candidature".to_string(), d.to_string()),
                ("offre".to_string(), d.to_string()),
            ]
        };
        assert_eq!(
            phases(
                "DATE LIMITE DE REMISE DES CANDIDATURES ET DES OFFRES :\n\nLE 16 MARS 2021 A 15 HEURES\n"
            ),
            both("2021-03-16T15:00:00+01:00")
        );
        assert_eq!(
            phases("DATE LIMITE DE REMISE DES PROPOSITIONS\nLE 13/02/2026 A 12 HEURES\n"),
            both("2026-02-13T12:00:00+01:00")
        );
        // The date alone on its line, the time on the next one.
        assert_eq!(
            phases("Date limite de remise des offres : le\n03/01/2022\nà 12 heures.\n"),
            vec![("offre".to_string(), "2022-01-03T12:00:00+01:00".to_string())]
        );
        // A date far along the label's line is not the label's.
        assert_eq!(
            phases(
                "ARTICLE 6 : CONDITIONS D ENVOI OU DE REMISE DES PLIS TRANSMISSION SOUS SUPPORT PAPIER TRANSMISSION ELECTRONIQUE 7 16/07/2015 Page 4 sur 106\n"
            ),
            Vec::new()
        );
    }

    #[test]
    fn overseas_times_two_digit_years_and_times_under_their_own_label() {
        // An overseas buyer's time, named; the time under its own label.
        assert_eq!(
            phases(
                "Date et heure limite de remise des offres :\n29 Octobre 2021 à 12h00 (heure de Guadeloupe), 18h00 (heure de Paris)\n"
            ),
            vec![("offre".to_string(), "2021-10-29T12:00:00-04:00".to_string())]
        );
        assert_eq!(
            phases(
                "DATE LIMITE DE RECEPTION DES OFFRES : Mardi 15 septembre 2015\nHEURE LIMITE DE RECEPTION : 12h00 (heure de La Réunion)\n"
            ),
            vec![("offre".to_string(), "2015-09-15T12:00:00+04:00".to_string())]
        );
        assert_eq!(
            phases("DELAI DE REPONSE DES OFFRES : le 17 février 2015 à 12h00\n"),
            vec![("offre".to_string(), "2015-02-17T12:00:00+01:00".to_string())]
        );
        // A year in two digits; the time under « Heure : » on the date's line.
        assert_eq!(
            phases("Offres Remise des offres le 07/12/15 à 12h00 au plus tard.\n"),
            vec![("offre".to_string(), "2015-12-07T12:00:00+01:00".to_string())]
        );
        assert_eq!(
            phases("Date limite de réception des offres : lundi 18/05/2026 Heure : 12H00\n"),
            vec![("offre".to_string(), "2026-05-18T12:00:00+02:00".to_string())]
        );
        assert_eq!(
            phases("DATE LIMITE DE RECEPTION DES OFFRES : LE 19 01 2021 A 11H00\n"),
            vec![("offre".to_string(), "2021-01-19T11:00:00+01:00".to_string())]
        );
    }

    #[test]
    fn cover_labels_over_their_values_and_dates_in_other_forms() {
        // A cover's labels, each over its value; a heading above names the phase.
        assert_eq!(
            phases(
                "Remise des offres\nDate de publicité :\nLe vendredi 9 octobre 2015\nDate limite de réception :\nLe lundi 2 novembre 2015\nHeure limite de réception :\n12 H 00 délai de rigueur\n"
            ),
            vec![("offre".to_string(), "2015-11-02T12:00:00+01:00".to_string())]
        );
        assert_eq!(
            phases(
                "Date et heure limites de remise des offres : Vendredi 1 er juillet 2016 à 16 H 00\n"
            ),
            vec![("offre".to_string(), "2016-07-01T16:00:00+02:00".to_string())]
        );
        assert_eq!(
            phases("Le délai de réception des offres était de 2017-10-27.\n"),
            vec![("offre".to_string(), "2017-10-27".to_string())]
        );
        assert!(
            phases(
                "Dates prévisionnelles de réception des échantillons : Mercredi 14 octobre 2020\n"
            )
            .is_empty()
        );
        assert_eq!(
            phases("Date limite de dépôt : 28/10/2025 à 12h00 (paru le 07/09/2025)\n"),
            vec![
                (
                    "candidature".to_string(),
                    "2025-10-28T12:00:00+01:00".to_string()
                ),
                ("offre".to_string(), "2025-10-28T12:00:00+01:00".to_string())
            ]
        );
        // A postponed deadline: the new date on the next line.
        assert_eq!(
            phases(
                "Date limite de remise des offres le 09 décembre 2013 à 17 : 00\nrepoussée au 19 décembre 2013 à 17 : 00\n"
            ),
            vec![("offre".to_string(), "2013-12-19T17:00:00+01:00".to_string())]
        );
        // « Lire : » on its own line, with a weekday, or repeating the label.
        for text in [
            "Date limite de réception des offres :\nAu lieu de : 12 octobre 2025 à 16h00\nLire : 2 novembre 2025 à 16h00\n",
            "Date limite de réception des offres : au lieu de : 12 octobre 2025 à 16h00 lire : lundi 3 novembre 2025 à 16h00\n",
            "Au lieu de : Date limite de réception des offres : 12 octobre 2025 à 16h00\nLire : Date limite de réception des offres : 3 novembre 2025 à 16h00\n",
        ] {
            let got = phases(text);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert!(got[0].1.starts_with("2025-11-0"), "{text}: {got:?}");
        }
        // A notice's correction: the date to read, not the one it replaces.
        assert_eq!(
            phases(
                "Dans la rubrique \"Date de réception des offres\" : au lieu de : 12 octobre 2011 à 16 h 00 lire : 02 novembre 2011 à 16 h 00\n"
            ),
            vec![("offre".to_string(), "2011-11-02T16:00:00+01:00".to_string())]
        );
        // Both deadlines in one paragraph of a notice, each under its own words.
        assert_eq!(
            phases(
                "Les candidatures seront à remettre pour le 31.8.2012 à 12:00 au plus tard. Puis les candidats admis recevront le DCE avec date de remise des offres pour le 15.10.2012 à 16:00 au plus tard.\n"
            ),
            vec![
                (
                    "candidature".to_string(),
                    "2012-08-31T12:00:00+02:00".to_string()
                ),
                ("offre".to_string(), "2012-10-15T16:00:00+02:00".to_string())
            ]
        );
    }

    #[test]
    fn times_in_every_form_and_values_on_their_own_line() {
        for (text, want) in [
            (
                "Date et heure limites de réception des offres : lundi 03 juin 2019 à 16:00\n",
                "2019-06-03T16:00:00+02:00",
            ),
            (
                "Date limite de remise des offres : le mercredi 27/07/2022 à 12h00\n",
                "2022-07-27T12:00:00+02:00",
            ),
            (
                "Date et heure limites de réception des offres\n\n05 juillet 2017 à 12 Heures\n",
                "2017-07-05T12:00:00+02:00",
            ),
            (
                "Date et heure limites de remise des offres :\nMercredi 23 Mars 2022 à 12 heures\n",
                "2022-03-23T12:00:00+01:00",
            ),
            (
                "Date limite de remise des offres\n09/03/2021 à 18h\n",
                "2021-03-09T18:00:00+01:00",
            ),
            (
                "Remise des offres\n\nDate et heure limites de réception : 05 novembre 2020 – 12h00 (heure locale)\n",
                "2020-11-05T12:00:00+01:00",
            ),
            (
                "DGTM de Guyane\nRemise des offres\nDate et heure limites de réception : 05 novembre 2020 – 12h00 (heure locale à l'adresse du RPA)\n",
                "2020-11-05T12:00:00-03:00",
            ),
            (
                "Date limite de remise des offres : Le 25/11/2025.\nHeure limite : 11h00\n",
                "2025-11-25T11:00:00+01:00",
            ),
            (
                "Date limite de réception des offres : 08/06/2026 12:00:00 (UTC+02:00)\n",
                "2026-06-08T12:00:00+02:00",
            ),
            (
                "DATE LIMITE DE REMISE DES OFFRES : MERCREDI 27 MAI 2015 A\n\n12 HEURES\n",
                "2015-05-27T12:00:00+02:00",
            ),
            (
                "Les candidats remettront leur offre avant le 6.6.2016 à 12:00.\n",
                "2016-06-06T12:00:00+02:00",
            ),
        ] {
            let got = deadlines(text);
            assert_eq!(got.len(), 1, "{text:?}: {got:?}");
            assert_eq!(got[0].0, "offre", "{text:?}");
            assert_eq!(got[0].1, want, "{text:?}");
        }
    }

    #[test]
    fn dates_that_are_not_deadlines_are_left_alone() {
        // The date before the label is the notice's; a value line must start with its date;
        // a date without a year is not completed.
        assert_eq!(
            deadlines("Date d’envoi de l’avis : mardi 05/07/2022 Date limite de remise des offres : le mercredi 27/07/2022 à 12h00\n")[0].1,
            "2022-07-27T12:00:00+02:00"
        );
        assert!(deadlines("Date limite de réception des offres :\nLes offres reçues après le 3 mars 2021 ne sont pas ouvertes.\n").is_empty());
        assert!(deadlines("DATE LIMITE DE DEPOT DES PLIS : LUNDI 31 JANVIER A 12H\n").is_empty());
        let doc = Doc::new("DATE LIMITE DE DEPOT DES PLIS : LUNDI 31 JANVIER A 12H\n");
        assert_eq!(
            yearless(&doc).as_deref(),
            Some("DATE LIMITE DE DEPOT DES PLIS : LUNDI 31 JANVIER A 12H")
        );
        assert!(
            deadlines("Date prévisionnelle de commencement des travaux : 01 mars 2021\n")
                .is_empty()
        );
    }

    #[test]
    fn an_answer_due_before_a_date_and_the_deposit_of_dossiers() {
        assert_eq!(
            phases("Réponse impérativement avant le 6 MARS 2015 à 12 heures\n"),
            vec![
                (
                    "candidature".to_string(),
                    "2015-03-06T12:00:00+01:00".to_string()
                ),
                ("offre".to_string(), "2015-03-06T12:00:00+01:00".to_string())
            ]
        );
        // « dossiers » alone: the one deposit of the bid, both phases; « dossiers de
        // candidature »: the candidatures.
        assert_eq!(
            phases("Date limite de remise des dossiers : le vendredi 26 octobre 2018 à 16 H 00\n")
                .len(),
            2
        );
        assert_eq!(
            phases("Date limite de réception des dossiers de candidature : 12/02/2016 à 12h00\n"),
            vec![(
                "candidature".to_string(),
                "2016-02-12T12:00:00+01:00".to_string()
            )]
        );
        // The dossiers of the consultation are the buyer's: no deadline of the bids.
        assert!(phases("Date de remise des dossiers de consultation : 12/02/2016\n").is_empty());
    }

    #[test]
    fn deadlines_reported_in_prose_and_a_time_under_a_label_without_colon() {
        // A decision reports the RC: the label before or after its date, the sentence quoted.
        let got = deadlines(
            "Le juge confirme le rejet d'une offre déposée avec retard. En l'espèce, le règlement de consultation fixait la date limite au 17 janvier 2023 à 10 heures. Le candidat a déposé son offre à 10 heures et 29 secondes, après un long échange avec la plateforme et une grève annoncée.\n",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1, "2023-01-17T10:00:00+01:00");
        assert_eq!(
            got[0].2,
            "En l'espèce, le règlement de consultation fixait la date limite au 17 janvier 2023 à 10 heures."
        );
        assert_eq!(
            phases(
                "Le règlement de la consultation mentionnait le 15 novembre 2018 à 17h00 comme date et heure limites de remise des offres.\n"
            ),
            vec![("offre".to_string(), "2018-11-15T17:00:00+01:00".to_string())]
        );
        // « Heure limite … » without its colon, the territory after « heure ».
        assert_eq!(
            phases(
                "Date de remise des offres\n11 mai 2015\nHeure limite de remise des offres\n12 H 00 heure MARTINIQUE\n"
            ),
            vec![("offre".to_string(), "2015-05-11T12:00:00-04:00".to_string())]
        );
    }

    #[test]
    fn a_time_under_its_label_on_the_dates_line_and_letter_spaced_figures() {
        assert_eq!(
            phases(
                "Remise des offres :\nDate limite de réception : Lundi 24/02/2025 Heure limite de réception : 12 h 00\n"
            ),
            vec![("offre".to_string(), "2025-02-24T12:00:00+01:00".to_string())]
        );
        assert_eq!(
            phases(
                "DATE LIMITE DE RECEPTION DES OFFRES : Mardi 15 septembre 2015 HEURE LIMITE DE RECEPTION : 12h00 (heure de La Réunion)\n"
            ),
            vec![("offre".to_string(), "2015-09-15T12:00:00+04:00".to_string())]
        );
        assert_eq!(
            phases("Date et heure limite de remise des offres : Le 11/07/2019 à 1 2 h 0 0\n"),
            vec![("offre".to_string(), "2019-07-11T12:00:00+02:00".to_string())]
        );
    }

    #[test]
    fn a_hosts_estimated_closing_date_is_no_deadline() {
        assert!(phases("- Date limite de candidature estimée : Avant le 31/07/2025\n").is_empty());
        // A title that names the deadline, then the article's publication: no value.
        assert!(phases("MAPA : le délai de remise des offres doit être raisonnable\nPublié le 12 avril 2019 à 10h00 - par\n").is_empty());
        assert!(phases("Date de clôture estimée : avant le 04/02/2026\n").is_empty());
        assert_eq!(
            phases(
                "Les prix unitaires s'appliquent aux quantités estimatives\nDate limite\nLe délai de réception des offres était de 2022-01-13.\n"
            ),
            vec![("offre".to_string(), "2022-01-13".to_string())]
        );
    }

    #[test]
    fn a_cover_label_split_around_its_value() {
        // A cover's box: « DATE LIMITE », the value, then what it limits.
        let got = deadlines(
            "DATE LIMITE\n29 JUIN 2015 à 12h\nDE REMISE DES OFFRES :\nLe présent règlement comprend 12 pages.\n",
        );
        assert_eq!(
            got,
            vec![(
                "offre".to_string(),
                "2015-06-29T12:00:00+02:00".to_string(),
                "DATE LIMITE 29 JUIN 2015 à 12h DE REMISE DES OFFRES :".to_string()
            )]
        );
        // What the date limits must be the bids: not questions, not a visit.
        assert!(deadlines("DATE LIMITE\n12 JUIN 2015 à 12h\nDES QUESTIONS :\n").is_empty());
        assert!(deadlines("Date limite\n12 juin 2015\nde réception des questions\n").is_empty());
    }

    #[test]
    fn the_quote_holds_the_label_and_its_value() {
        let got = deadlines(
            "Date et heure limites de réception des plis :\n\nlundi 29 novembre 2021 à 12h00, délai de rigueur\n",
        );
        assert_eq!(got.len(), 2);
        assert_eq!(
            got[0].2,
            "Date et heure limites de réception des plis : lundi 29 novembre 2021 à 12h00, délai de rigueur"
        );
    }
}
