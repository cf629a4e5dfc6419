//! The lots a structured notice identifies: eForms « Lot: LOT-0001 » or « Identifiant
//! technique du lot : LOT-0001 », TED « Numéro d'identification du lot: 1 ». Each is numbered
//! as the buyer numbers it when the notice gives that number (« Identifiant interne: LOT 2 »):
//! eForms numbers its lots in its own order, the RC and the bid in the buyer's.

use std::sync::LazyLock;

use regex::Regex;

use super::NUMBER_SIGN;

use super::sections::{Doc, clean_line};

/// A lot's identifier in a notice: eForms' technical one (« LOT-0001 », its label on the line
/// before or glued to it) or TED's number.
static LOT_ID: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(
        r"(?i)(?:\blot|identifiant\s+technique\s+du\s+lot|lot\s+identifier)[\s:]*LOT-0*(\d{1,3})\b|num[ée]ro\s+d['’]identification\s+du\s+lot\s*:\s*0*(\d{1,2})\s*$",
    )
    .expect("valid regex")
});
/// The buyer's own number for the lot: « Identifiant interne: LOT 1 », « DB-2024-069 - LOT 1 »,
/// « LOT1 », or bare « 02 », « 3 » (see [`bare_is_a_lot`]).
static INTERNAL: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(&format!(r"(?i)^(?:identifiant\s+interne|internal\s+identifier)\s*:?\s*(?:.*?\blot\s*{NUMBER_SIGN}0*(\d{{1,2}})|(\d{{1,2}}))\s*$"))
        .expect("valid regex")
});
static TITLE: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"(?i)^(?:titre|title|intitul[ée])\s*:?\s*(\S.{2,200})$").expect("valid regex")
});
/// The words that say a consultation has several lots, though the excerpt shows one: « offres
/// … pour tous les lots », « pour l'ensemble des lots ».
static SEVERAL: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"(?i)\b(?:tous\s+les|l['’]ensemble\s+des)\s+lots\b").expect("valid regex")
});

/// A lot a notice identifies.
pub struct NoticeLot {
    pub at: usize,
    /// The buyer's number when the notice gives it, else eForms' or TED's.
    pub id: String,
    /// Whether `id` is the buyer's number (« Identifiant interne »).
    pub by_buyer: bool,
    pub title: String,
    /// As the notice prints it (« LOT-0001 »), for the doubt that quotes it.
    pub shown: String,
}

/// The lots the notice identifies, in the order found, each once.
pub fn identified(doc: &Doc) -> Vec<NoticeLot> {
    let lines: Vec<(usize, String)> = doc
        .lines()
        .map(|(at, l)| (at, clean_line(l).to_string()))
        .collect();
    let mut out: Vec<NoticeLot> = Vec::new();
    for (k, (at, line)) in lines.iter().enumerate() {
        // An identifier whose label is on the line before (« Identifiant technique du lot » /
        // « : » / « LOT-0001 ») is read on the lines joined.
        let joined = match k {
            0 => line.clone(),
            _ => lines[k.saturating_sub(2)..=k]
                .iter()
                .map(|(_, l)| l.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        };
        let Some(c) = LOT_ID.captures(line).or_else(|| {
            LOT_ID.captures(&joined).filter(|c| {
                c.get(0)
                    .is_some_and(|m| m.end() > joined.len() - line.len())
            })
        }) else {
            continue;
        };
        let Some(n) = c.get(1).or_else(|| c.get(2)) else {
            continue;
        };
        // The lot's own lines: the next four, up to the next lot's identifier.
        let end = lines
            .iter()
            .enumerate()
            .skip(k + 1)
            .take(4)
            .find(|(_, (_, l))| LOT_ID.is_match(l))
            .map_or(lines.len().min(k + 5), |(j, _)| j);
        let after = &lines[k + 1..end];
        let internal = after.iter().find_map(|(_, l)| {
            let i = INTERNAL.captures(l)?;
            i.get(1)
                .or_else(|| i.get(2).filter(|b| bare_is_a_lot(b.as_str(), n.as_str())))
        });
        let id = internal.map_or(n.as_str(), |m| m.as_str());
        let id = id.trim_start_matches('0').to_string();
        if id.is_empty() || out.iter().any(|l| l.id == id) {
            continue;
        }
        let before = &lines[k.saturating_sub(3)..k];
        let previous_lot_before = before.iter().any(|(_, l)| LOT_ID.is_match(l));
        let title = after
            .iter()
            .take(2)
            // Before the identifier (TED puts the title first), unless the previous lot's
            // identifier is there: the lines between are that lot's (eForms).
            .chain(before.iter().rev().filter(|_| !previous_lot_before))
            .find_map(|(_, l)| TITLE.captures(l).map(|t| t[1].trim().to_string()))
            .unwrap_or_default();
        out.push(NoticeLot {
            at: *at,
            id,
            by_buyer: internal.is_some(),
            title,
            shown: c.get(0).map_or("", |m| m.as_str()).trim().to_string(),
        });
    }
    out
}

/// Whether a bare internal identifier (« Identifiant interne: 02 ») numbers the lot whose
/// eForms number is `eforms`: one digit, a leading zero, or the eForms number itself (« 10 »
/// of LOT-0010); another bare « 12 » is as likely the buyer's file number as a twelfth lot.
fn bare_is_a_lot(bare: &str, eforms: &str) -> bool {
    bare.len() == 1 || bare.starts_with('0') || bare == eforms.trim_start_matches('0')
}

/// Whether the text says the consultation has several lots (a limit on lots per operator is
/// read by the caller).
pub fn says_several(doc: &Doc) -> bool {
    SEVERAL.is_match(doc.text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str) -> Vec<(String, String)> {
        let doc = Doc::new(text);
        identified(&doc)
            .into_iter()
            .map(|l| (l.id, l.title))
            .collect()
    }

    #[test]
    fn eforms_and_ted_identifiers_numbered_as_the_buyer_numbers_them() {
        assert_eq!(
            ids(
                "5. Lot\n5.1.\nLot: LOT-0001\nTitre: pommes bio du terroir\nDescription: x\nIdentifiant interne: LOT 1\n"
            ),
            vec![("1".to_string(), "pommes bio du terroir".to_string())]
        );
        assert_eq!(
            ids(
                "Lot: LOT-0001\nTitre: Gros oeuvre\nDescription: Gros oeuvre\nIdentifiant interne: 02\n"
            ),
            vec![("2".to_string(), "Gros oeuvre".to_string())]
        );
        assert_eq!(
            ids("LotLOT-0001\nTitleRoanne tunnel de finition\n"),
            vec![("1".to_string(), "Roanne tunnel de finition".to_string())]
        );
        assert_eq!(
            ids(
                "Identifiant technique du lot\n:\nLOT-0003\nTitre\n:\nMissions\nIdentifiant interne : DB-2024-069 - LOT 3\n"
            ),
            vec![("3".to_string(), String::new())]
        );
        assert_eq!(
            ids(
                "Titre: Équipement et mobilier mousse\nLot nº: 1\nNuméro d'identification du lot: 1\nDescription\n"
            ),
            vec![("1".to_string(), "Équipement et mobilier mousse".to_string())]
        );
        // A procedure's own identifier is not a lot's number.
        assert_eq!(
            ids("Lot: LOT-0002\nTitre: Voirie\nIdentifiant interne: 200006\n"),
            vec![("2".to_string(), "Voirie".to_string())]
        );
        assert!(ids("Le lot 1 comprend la voirie.\nIdentifiant interne: 3\n").is_empty());
        // A bare « 12 » is the buyer's file number as likely as a twelfth lot.
        assert_eq!(
            ids("Lot: LOT-0002\nTitre: Voirie\nIdentifiant interne: 12\n"),
            vec![("2".to_string(), "Voirie".to_string())]
        );
        // Ten lots or more, each numbered by the buyer as eForms numbers it.
        let eleven: String = (1..=11)
            .map(|n| format!("Lot: LOT-{n:04}\nTitre: Lot {n}\nIdentifiant interne: {n}\n"))
            .collect();
        let doc = Doc::new(&eleven);
        let found = identified(&doc);
        assert_eq!(found.len(), 11);
        assert!(
            found.iter().all(|l| l.by_buyer),
            "every lot numbered by the buyer"
        );
        // The next lot's internal number is not this lot's.
        assert_eq!(
            ids("Lot: LOT-0001\nTitre: Voirie\nLot: LOT-0002\nIdentifiant interne: LOT 5\n"),
            vec![
                ("1".to_string(), "Voirie".to_string()),
                ("5".to_string(), String::new())
            ]
        );
    }
}
