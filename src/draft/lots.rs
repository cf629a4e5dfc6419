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
/// Several « LOT N – title » on one line (a cover page's list run together).
static LOT_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"(?i)\blot\s+(?:n[°º]\s*)?(\d{1,2})\s*[:–—-]\s*").expect("valid regex")
});
/// A notice's « Lot nº : 1 », its title on a following « Intitulé : » line.
static NOTICE_LOT: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"(?i)^lot\s*n[°º]\s*:?\s*(\d{1,2})\s*$").expect("valid regex")
});
static NOTICE_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"(?i)^intitul[ée]\s*:\s*(.{3,200})$").expect("valid regex")
});
/// « décomposée en trois lots », « décomposés en « 2 » lots »: how many, when they are not listed.
static COUNT: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(&format!(
        r"(?i)(?:d[ée]compos[ée]e?s?|divis[ée]e?s?|allotie?s?|r[ée]partie?s?)\s+en\s+(?:«\s*)?({NUMBER})(?:\s*»)?\s+lots\b"
    ))
    .expect("valid regex")
});
/// Limits on lots per operator: of offers (« deux lots au plus », « plus de deux lots »,
/// « nombre maximal de lots : 1 ») or of awards (« se voir attribuer plus de deux lots »).
static LIMIT: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(&format!(
        r"(?i)(?:(?:que\s+pour|pour|à|de)\s+({NUMBER})\s+lots\s+(?:au\s+plus|au\s+maximum|maximum)|(?:au\s+plus|au\s+maximum|maximum\s+de|limit[ée]e?\s+à)\s+({NUMBER})\s+lots|(?:ne\s+(?:peut|peuvent|pourra|pourront)|aucun\s+(?:candidat|soumissionnaire|op[ée]rateur)\s+ne\s+(?:peut|pourra))[^.;]{{0,80}}?\bplus\s+de\s+({NUMBER})\s+lots?\b|nombre\s+maxim(?:al|um)\s+de\s+lots[^.;:]{{0,80}}?:\s*({NUMBER})\b)"
    ))
    .expect("valid regex")
});
static NOT_DIVIDED: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"(?i)(?:n['’]est\s+(?:donc\s+)?pas\s+allotie?|pas\s+d[ée]compos[ée]e\s+en\s+lots|ne\s+fait\s+pas\s+l['’]objet\s+d['’](?:une\s+d[ée]composition\s+en\s+lots|un\s+allotissement)|(?:consultation|march[ée])\s+non\s+allotie?\b|pas\s+d['’]allotissement|sans\s+allotissement|pas\s+de\s+d[ée]composition\s+en\s+lots|(?:march[ée]|consultation|accord-cadre)\s+(?:est\s+|sera\s+)?(?:pass[ée]e?\s+|constitu[ée]e?\s+|compos[ée]e?\s+)?(?:en|d['’]un|comporte\s+un)\s+lot\s+unique)")
        .expect("valid regex")
});

/// A number of lots, in figures or in words.
const NUMBER: &str = r"un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|\d{1,2}";

fn number(w: &str) -> Option<u32> {
    match w.to_lowercase().as_str() {
        "un" => Some(1),
        "deux" => Some(2),
        "trois" => Some(3),
        "quatre" => Some(4),
        "cinq" => Some(5),
        "six" => Some(6),
        "sept" => Some(7),
        "huit" => Some(8),
        "neuf" => Some(9),
        "dix" => Some(10),
        "une" => Some(1),
        n => n.parse().ok(),
    }
}

/// The lots of the consultation and the limit on lots per operator, or that it has no lots.
pub fn detect(doc: &Doc, found: &mut Found) {
    let mut lots = listed_lots(doc);
    if lots.list.len() < 2
        && let Some(counted) = counted_lots(doc)
    {
        lots = counted;
    }
    if lots.list.len() >= 2 {
        push_lots_rule(doc, found, &lots);
        found.lots = Some(lots.list);
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

/// The lots the text names: (number without leading zeros, title), in the order found, and
/// where the first one is named.
#[derive(Default)]
struct Lots {
    list: Vec<(String, String)>,
    first_at: Option<usize>,
}

impl Lots {
    /// A lot named at `at`, unless its number is already known.
    fn add(&mut self, at: usize, id: &str, title: &str) {
        let id = id.trim_start_matches('0').to_string();
        if id.is_empty() || self.list.iter().any(|(i, _)| *i == id) {
            return;
        }
        self.first_at.get_or_insert(at);
        self.list
            .push((id, title.trim_end_matches([';', '.', ',', ' ']).to_string()));
    }
}

/// The lots listed line by line: « Lot 1 : … » lines (several on one line too) and a
/// notice's « Lot nº : 1 » with its « Intitulé : » line.
fn listed_lots(doc: &Doc) -> Lots {
    let mut lots = Lots::default();
    let lines: Vec<(usize, &str)> = doc.lines().collect();
    for (k, &(at, line)) in lines.iter().enumerate() {
        let l = clean_line(line);
        if let Some(c) = NOTICE_LOT.captures(&l) {
            let title = lines[k + 1..]
                .iter()
                .filter(|(_, l)| !l.trim().is_empty())
                .take(2)
                .find_map(|(_, l)| {
                    NOTICE_TITLE
                        .captures(&clean_line(l))
                        .map(|t| t[1].to_string())
                })
                .unwrap_or_default();
            lots.add(at, &c[1], &title);
            continue;
        }
        if !LOT_LINE.is_match(&l) {
            continue;
        }
        // One lot per « LOT N – » of the line: its title runs to the next one.
        let items: Vec<regex::Captures> = LOT_ITEM.captures_iter(&l).collect();
        for (j, c) in items.iter().enumerate() {
            let (Some(all), Some(n)) = (c.get(0), c.get(1)) else {
                continue;
            };
            let end = items
                .get(j + 1)
                .and_then(|next| next.get(0))
                .map_or(l.len(), |m| m.start());
            lots.add(at, n.as_str(), &l[all.end()..end]);
        }
    }
    lots
}

/// « Les travaux sont décomposés en « 2 » lots » without their list: lots 1 to N, untitled.
fn counted_lots(doc: &Doc) -> Option<Lots> {
    let c = COUNT.captures(doc.text)?;
    let (m, n) = (c.get(0)?, number(c.get(1)?.as_str())?);
    (n >= 2).then(|| Lots {
        list: (1..=n).map(|i| (i.to_string(), String::new())).collect(),
        first_at: Some(m.start()),
    })
}

/// The rule on the lots of a consultation with two lots or more: known lots only, and the
/// limit per operator when the text sets one (a limit of awards is only a warning).
fn push_lots_rule(doc: &Doc, found: &mut Found, lots: &Lots) {
    let limit = LIMIT.captures(doc.text).and_then(|c| {
        let w = (1..=4).find_map(|i| c.get(i))?;
        Some((c.get(0)?.start(), number(w.as_str())?))
    });
    let (at, max) = match limit {
        Some((at, max)) => (at, Some(max)),
        None => (lots.first_at.unwrap_or(0), None),
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
                "limite de lots par opérateur : vérifier si le dépassement rend le pli irrecevable"
                    .to_string()
            });
            format!(
                "Lots de la consultation (1 à {}), {n} au plus par opérateur",
                lots.list.len()
            )
        }
        None => format!("Lots de la consultation (1 à {})", lots.list.len()),
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
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lots(text: &str) -> (Option<Vec<String>>, Vec<String>) {
        let doc = Doc::new(text);
        let mut found = Found::new("T".to_string());
        detect(&doc, &mut found);
        let ids = found.lots.map(|l| l.into_iter().map(|(i, _)| i).collect());
        let checks = found.rules.into_iter().flat_map(|r| r.check).collect();
        (ids, checks)
    }

    #[test]
    fn lots_on_one_line_in_a_notice_and_by_their_number() {
        let (ids, _) = lots("LOT 1 – 21 77 039 COURANT FAIBLE LOT 2 – 21 77 040 COURANT FORT\n");
        assert_eq!(ids, Some(vec!["1".to_string(), "2".to_string()]));
        let (ids, _) = lots("Lot nº : 1\nIntitulé : Chariots\nLot nº : 2\nIntitulé : Formation\n");
        assert_eq!(ids, Some(vec!["1".to_string(), "2".to_string()]));
        let (ids, _) = lots("Les travaux sont décomposés en « 2 » lots isolés.\n");
        assert_eq!(ids, Some(vec!["1".to_string(), "2".to_string()]));
        let (ids, _) = lots("La consultation est décomposée en trois lots.\n");
        assert_eq!(ids.map(|l| l.len()), Some(3));
        // A past « lot unique » in a question is no statement of this consultation.
        let (ids, _) = lots(
            "Vous avez indiqué que précédemment tout le périmètre était dans un lot unique.\n",
        );
        assert_eq!(ids, None);
        for text in [
            "Le marché est passé en lot unique.",
            "Il n'est pas prévu de décomposition en lots : il n'y a pas de décomposition en lots.",
            "Marché non alloti.",
        ] {
            let (ids, _) = lots(&format!("{text}\n"));
            assert_eq!(ids, Some(Vec::new()), "{text}");
        }
        // A form whose boxes are lost: nothing.
        let (ids, _) = lots("1) Prestations divisées en lots : non oui ...4\n");
        assert_eq!(ids, None);
    }

    #[test]
    fn not_divided_and_limits_in_words_or_figures() {
        let (ids, _) = lots("La consultation ne fait pas l'objet d'une décomposition en lots.\n");
        assert_eq!(ids, Some(Vec::new()));
        for (text, max) in [
            (
                "Un candidat ne peut présenter une offre pour plus de deux lots.",
                "max: 2",
            ),
            (
                "Nombre maximal de lots pouvant être attribués à un soumissionnaire : 1",
                "max: 1",
            ),
            (
                "un même opérateur ne peut présenter une offre que pour deux lots au plus.",
                "max: 2",
            ),
        ] {
            let (_, checks) = lots(&format!(
                "Lot 1 : Voirie\nLot 2 : Réseaux\nLot 3 : Espaces verts\n{text}\n"
            ));
            assert!(checks.iter().any(|c| c == max), "{text}: {checks:?}");
        }
        // « un ou deux lots » out of two is no limit.
        let (_, checks) = lots(
            "Lot 1 : A\nLot 2 : B\nChaque candidat est autorisé à présenter une offre pour un ou deux lots.\n",
        );
        assert!(!checks.iter().any(|c| c.starts_with("max:")), "{checks:?}");
    }
}
