//! Lots (« Lot 1 : … ») and limits on lots per operator (« deux lots au plus »); a
//! consultation « non allotie » has no lots.

use std::sync::LazyLock;

use std::collections::BTreeSet;

use regex::Regex;

use super::notice_lots::NoticeLot;
use super::sections::{Doc, clean_line};
use super::{Found, NUMBER_SIGN, Rule};

static LOT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(&format!(r"(?i)^(?:\d{{1,2}}[.)]\s*|[-–—•*]\s*)?lot\s+{NUMBER_SIGN}(\d{{1,2}})\s*(?:[:–—-]\s*|\s)(.{{3,200}})$"))
        .expect("valid regex")
});
/// Several « LOT N – title » on one line (a cover page's list run together).
static LOT_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(&format!(
        r"(?i)\blot\s+{NUMBER_SIGN}(\d{{1,2}})\s*[:–—-]\s*"
    ))
    .expect("valid regex")
});
/// A heading in capitals without a separator, numbered or not (a table of contents: « 15. LOT
/// 1 ENTRETIEN DES ASCENSEURS »).
static CAPITAL_LOT: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(
        r"^(?:\d{1,2}[.)]\s*)?LOT\s+(?:N[°º]\s*)?(\d{1,2})\s+(\p{Lu}[\p{Lu}\s'’,/-]{2,200})$",
    )
    .expect("valid regex")
});
/// A notice's « Lot nº : 1 » or a bare « Lot 1 » line, its title on a following « Intitulé : »
/// line when there is one.
static NOTICE_LOT: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(&format!(r"(?i)^lot\s*{NUMBER_SIGN}:?\s*(\d{{1,2}})\s*$")).expect("valid regex")
});
static NOTICE_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"(?i)^intitul[ée]\s*:\s*(.{3,200})$").expect("valid regex")
});
/// A « Lot N » glued to the word before it.
static GLUED_LOT: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(&format!(r"(\p{{Ll}})(Lot\s+{NUMBER_SIGN}\d)")).expect("valid regex")
});
/// The header of a notice's table of lots, and its rows (« N° 1 MDS d'Auch »).
static TABLE_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"(?i)^lots?\s+libell[ée]").expect("valid regex")
});
static TABLE_ROW: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"^N[°º]\s*(\d{1,2})\s+(\S.{2,150})$").expect("valid regex")
});
/// « décomposée en trois lots », « décomposés en « 2 » lots », « composé de 4 lots », « comporte
/// deux lots », « concernant dix-huit lots », a cover's line « 2 lots », a title's « … - 2
/// LOTS »: how many, when they are not listed.
static COUNT: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(&format!(
        r"(?i)(?:\b(?:(?:d[ée]compos[ée]e?s?|divis[ée]e?s?|scind[ée]e?s?|allotie?s?|r[ée]partie?s?)\s+)?en|compos[ée]e?s?\s+de|comport(?:e|ent|ant)|compren(?:d|nent|ant)|regroup(?:e|ent|ant)|concernant|portant\s+sur|allotissement\s*:?|\(|\baux)\s*(?:«\s*)?({NUMBER})(?:\s*»)?\s+lots\b|nombre\s+de\s+lots\s*:?\s*({NUMBER})\s*(?:\n|$)|\b(?:les|des)\s+({NUMBER})\s+lots\s+qui\s+(?:le\s+|la\s+)?compos(?:ent|aient|eront)\b|(?m:^)[ \t]*({NUMBER})\s+lots[ \t]*(?m:$)|\s[-–—]\s*({NUMBER})\s+lots[ \t]*(?m:$)"
    ))
    .expect("valid regex")
});
/// Limits on lots per operator: of offers (« deux lots au plus », « plus de deux lots »,
/// « nombre maximal de lots : 1 », « que pour … un seul lot ») or of awards (« se voir
/// attribuer plus de deux lots », « ne pouvaient se voir attribuer plus d'un lot »), in the
/// present, future or past (a notice or a judgment reports the RC in the past).
static LIMIT: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(&format!(
        r"(?im)(?:(?:que\s+pour|pour|à|de|(?:offres?|portant|r[ée]pondre|soumissionner|candidater)\s+sur)\s+({NUMBER})\s+lots\s+(?:au\s+plus|au\s+maximum|maximum)|(?:au\s+plus|au\s+maximum|maximum\s+de|limit[ée]e?\s+à)\s+({NUMBER})\s+lots|(?:{CANNOT}|aucun\s+(?:candidat|soumissionnaire|op[ée]rateur)\s+ne\s+(?:peut|pourra))[^.;]{{0,80}}?\bplus\s+(?:de\s+({NUMBER})\s+lots?|(d['’]un)\s+lot)\b|nombre\s+maxim(?:al|um)\s+de\s+lots[^.;:\n]{{0,80}}?(?::\s*({NUMBER})\b|[^\d\s](\d{{1,2}})[ \t]*$)|(?:{CANNOT})[^.;]{{0,80}}?\bqu?['’e]\s*(?:pour|à)\s+(?:\.{{3}}|…)?\s*({NUMBER})\s+seul(?:e)?\s+lot\b|offres\s+pour\s+(?:un\s+ou\s+)?plusieurs\s+lots\s*:\s*({NUMBER})\s*max|maximum\s+number\s+of\s+lots\s+for\s+which\s+one\s+tenderer\s+can\s+submit\s+tenders\s*:?\s*(\d{{1,2}})\b)"
    ))
    .expect("valid regex")
});
/// « ne peut », « ne pourront », « ne pouvaient », « ne pouvant »: a restriction, in any tense.
const CANNOT: &str = r"ne\s+(?:peut|peuvent|pourra|pourront|pouvait|pouvaient|pouvant)";
/// Several « lot N – title » on a line that is not a lot's own line: a list run into a
/// sentence (« alloti de la manière suivante : lot n°1 -Curage ; lot n°2-Déconstruction »).
/// Its titles end at the next separator.
static INLINE_TITLE_END: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r#"[;"«»]|\.\s"#).expect("valid regex")
});
/// « n'est pas allotie », « lot unique », a host's « Alloti » / « Non » fields, a title's
/// « … – LOT UNIQUE », eForms' « LOT-0000 » (its lot of a contract not divided).
static NOT_DIVIDED: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"(?im)(?:n['’]est\s+(?:donc\s+)?pas\s+allotie?|ne\s+(?:peut|pourra|sera)\s+pas\s+(?:[êe]tre\s+)?allotie?|ne\s+pas\s+(?:lancer|passer)\s+la\s+consultation\s+en\s+lots|pas\s+d[ée]compos[ée]e?s?\s+en\s+lots|(?:^|[\n.]\s*)[\s•*-]*(?:structure\s*:?\s*)?lot\s+unique\s*(?:[.\n]|$)|l['’\s]objet\s+d['’\s]un\s+lot\s+unique|\bse\s+compose\s+d['’]un\s+lot\s+unique|\bcomporte\s+un\s+lot\s+unique|l['’]objet\s+d['’]un\s+march[ée]\s+unique\b|ne\s+fait\s+pas\s+l['’]objet\s+d['’](?:une\s+d[ée]composition\s+en\s+lots|un\s+allotissement)|(?:consultation|march[ée])\s+non\s+allotie?\b|pas\s+d['’]allotissement|pas\s+pr[ée]vu\s+de\s+d[ée]composition\s+en\s+lots|divis(?:ion|[ée]e?s?)\s+en\s+lots\s*:\s*non\s*(?:[.;]|$)|constitu[ée]e?\s+d['’]un\s+lot\s+unique|\b(?:d[ée]volue?s?|pass[ée]e?s?|attribu[ée]e?s?)\s+en\s+un\s+lot\s+unique\b|sans\s+allotissement|pas\s+de\s+d[ée]composition\s+en\s+lots|(?:march[ée]|consultation|accord-cadre)\s+(?:est\s+|sera\s+)?(?:pass[ée]e?\s+|constitu[ée]e?\s+|compos[ée]e?\s+)?(?:en|d['’]un|comporte\s+un)\s+lot\s+unique|\s[-–—]\s*lot\s+unique[ \t]*$|^[ \t]*(?:march[ée]\s+)?allotie?[ \t]*:?[ \t]*(?:\n[ \t]*)?non[ \t]*$|\blot[\s:]*LOT-0000\b)")
        .expect("valid regex")
});

/// A number of lots, in figures or in words.
const NUMBER: &str = r"un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix-sept|dix-huit|dix-neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|\d{1,2}";

/// The value of a `NUMBER` match, or of « d'un » (« plus d'un lot »).
fn number(w: &str) -> Option<u32> {
    match w {
        "d'un" | "d’un" => Some(1),
        w => super::count_value(w),
    }
}

/// The lots of the consultation and the limit on lots per operator, or that it has no lots.
pub fn detect(doc: &Doc, found: &mut Found) {
    let mut lots = listed_lots(doc);
    let in_notice = super::notice_lots::identified(doc);
    let counted = counted_lots(doc);
    // How many lots the text says it has, to tell a list that is not the whole consultation.
    let count = counted.as_ref().map_or(0, |c| c.list.len());
    if lots.list.len() < 2
        && let Some(other) = identified_lots(&in_notice)
            .or(counted)
            .or_else(|| cpv_lots(doc))
    {
        lots = other;
    }
    let limit = Limit::read(doc);
    if lots.list.len() >= 2 {
        push_lots_rule(doc, found, &lots, limit.as_ref(), count);
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
    } else if let Some(one) = one_of_several(doc, &in_notice, limit.as_ref()) {
        if limit.is_some() {
            push_lots_rule(doc, found, &one, limit.as_ref(), count);
        }
        if let ReadFrom::OneOfSeveral(shown) = &one.read_from {
            found.notes.push(format!(
                "Lots : l'avis ne reproduit que le lot {} (« {shown} ») d'une consultation qui en compte plusieurs ; compléter `lots:` avant de vérifier les lots demandés (`known: true`).",
                one.list.first().map_or("", |(i, _)| i.as_str())
            ));
        }
        found.lots = Some(one.list);
    } else if limit.is_none()
        && let Some(mentioned) = mentioned_lots(doc)
    {
        push_lots_rule(doc, found, &mentioned, None, count);
        found.lots = Some(mentioned.list);
    } else if limit.is_some() {
        // A limit whose lots the excerpt does not list (a notice, a reported clause): the
        // limit is checkable on its own, the lots are not.
        push_lots_rule(doc, found, &lots, limit.as_ref(), count);
    }
}

/// Two lots or more a structured notice identifies (« Lot: LOT-0001 », « LOT-0002 »).
fn identified_lots(found: &[NoticeLot]) -> Option<Lots> {
    (found.len() >= 2).then(|| {
        let by_buyer = found.iter().filter(|l| l.by_buyer).count();
        let mut lots = Lots {
            read_from: if by_buyer == 0 || by_buyer == found.len() {
                ReadFrom::List
            } else {
                ReadFrom::MixedNumbers
            },
            ..Lots::default()
        };
        for l in found {
            lots.add(l.at, &l.id, &l.title);
        }
        lots
    })
}

/// The one lot a notice identifies when the text says there are others (a limit on lots per
/// operator, « pour tous les lots »): a notice cut after its first lot. Alone, eForms'
/// « LOT-0001 » is how a notice describes a contract that is not divided: no lot.
fn one_of_several(doc: &Doc, found: &[NoticeLot], limit: Option<&Limit>) -> Option<Lots> {
    let [one] = found else {
        return None;
    };
    if limit.is_none() && !super::notice_lots::says_several(doc) {
        return None;
    }
    let mut lots = Lots {
        read_from: ReadFrom::OneOfSeveral(one.shown.clone()),
        ..Lots::default()
    };
    lots.add(one.at, &one.id, &one.title);
    Some(lots)
}

/// The lots of a table of CPV codes by lot (« CPV Lot 1 45112500-0 … CPV Lot 2 … »): every lot
/// with a code, numbered as the table numbers them, to confirm (a lot without a code of its
/// own is not in the table).
fn cpv_lots(doc: &Doc) -> Option<Lots> {
    static CPV_LOT: LazyLock<Regex> = LazyLock::new(|| {
        // Proof: a constant pattern.
        Regex::new(&format!(
            r"(?i)\bcpv\s+(?:du\s+)?lot\s+{NUMBER_SIGN}(\d{{1,2}})\b"
        ))
        .expect("valid regex")
    });
    let mut lots = Lots {
        read_from: ReadFrom::CpvCodes,
        ..Lots::default()
    };
    for c in CPV_LOT.captures_iter(doc.text).take(100) {
        if let (Some(m), Some(n)) = (c.get(0), c.get(1)) {
            lots.add(m.start(), n.as_str(), "");
        }
    }
    (lots.list.len() >= 2).then_some(lots)
}

/// The lots a text names only in passing (« pour les lots 1-2-3-4-6-7-8 », « pour le lot 5 »,
/// « CRITERES POUR LES LOTS N° 1 ET N° 2 », « LOT N° 3 »), when together they are every lot
/// from 1 to N (N ≥ 2) and the text sets no limit on lots per operator (a limit of 7 says there
/// are more than the 3 a notice mentions; a limit stays a rule of its own): a list read
/// between the lines, so the rule it makes is a warning to confirm, never a rejection.
fn mentioned_lots(doc: &Doc) -> Option<Lots> {
    static MENTION: LazyLock<Regex> = LazyLock::new(|| {
        // Proof: a constant pattern.
        Regex::new(&format!(r"(?i)\blots?\s+{NUMBER_SIGN}(\d{{1,2}})\b((?:\s*(?:[-,/&]|\bet\b|\bà\b)\s*{NUMBER_SIGN}\d{{1,2}}\b)*)"))
            .expect("valid regex")
    });
    static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
        // Proof: a constant pattern.
        Regex::new(&format!(r"(à\s*)?{NUMBER_SIGN}(\d{{1,2}})")).expect("valid regex")
    });
    let mut numbers = BTreeSet::new();
    // The lists of several lots (« lots 1 & 2 », « lots 1 à 9 »): two different ones that share
    // a lot are the lots of separate contracts, numbered each from 1.
    let mut lists: Vec<BTreeSet<u32>> = Vec::new();
    let mut first_at = None;
    for c in MENTION.captures_iter(doc.text).take(100) {
        let (Some(m), Some(n)) = (c.get(0), c.get(1)) else {
            continue;
        };
        first_at.get_or_insert(m.start());
        let mut last: u32 = n.as_str().parse().ok()?;
        let mut mention = BTreeSet::from([last]);
        for e in NUMBER.captures_iter(c.get(2).map_or("", |t| t.as_str())) {
            let k: u32 = e.get(2)?.as_str().parse().ok()?;
            // « lots 1 à 4 »: every lot of the range.
            if e.get(1).is_some() && k > last && k - last <= 40 {
                mention.extend(last + 1..k);
            }
            mention.insert(k);
            last = k;
        }
        if mention.len() >= 2 {
            if lists
                .iter()
                .any(|l| *l != mention && !l.is_disjoint(&mention))
            {
                return None;
            }
            lists.push(mention.clone());
        }
        numbers.extend(mention);
    }
    let n = u32::try_from(numbers.len()).ok()?;
    let every_one = n >= 2 && numbers.iter().copied().eq(1..=n);
    if !every_one {
        return None;
    }
    Some(Lots {
        list: numbers
            .iter()
            .map(|i| (i.to_string(), String::new()))
            .collect(),
        first_at,
        read_from: ReadFrom::Mentions,
    })
}

/// A limit on lots per operator, where the text sets it.
struct Limit {
    at: usize,
    max: u32,
    /// A limit of awards (« se voir attribuer »), not of offers.
    awarded: bool,
}

impl Limit {
    /// The limit of offers when the text sets one (it is what a bid is judged on), else the
    /// limit of awards.
    fn read(doc: &Doc) -> Option<Limit> {
        let mut all: Vec<Limit> = LIMIT
            .captures_iter(doc.text)
            .take(20)
            .filter_map(|c| {
                let m = c.get(0)?;
                let w = (1..=9).find_map(|i| c.get(i))?;
                // Whether the limit is of awards is read in its own clause: a sentence may
                // limit offers to five lots and awards to three.
                let (s, _) = doc.sentence(m.start());
                let from = m.start().saturating_sub(80).max(s);
                let clause = doc.text.get(from..m.end()).unwrap_or(m.as_str());
                Some(Limit {
                    at: m.start(),
                    max: number(w.as_str())?,
                    awarded: crate::text::fold(clause).contains("attribu"),
                })
            })
            .collect();
        match all.iter().position(|l| !l.awarded) {
            Some(i) => Some(all.swap_remove(i)),
            None => all.into_iter().next(),
        }
    }
}

/// The lots the text names: (number without leading zeros, title), in the order found, and
/// where the first one is named.
#[derive(Default)]
struct Lots {
    list: Vec<(String, String)>,
    first_at: Option<usize>,
    /// Where the list was read: anywhere but a list of lots, it is to confirm.
    read_from: ReadFrom,
}

/// Where a list of lots was read.
#[derive(Default, PartialEq)]
enum ReadFrom {
    /// A list of the lots (« Lot 1 : … »), their count, or a notice's lot identifiers.
    #[default]
    List,
    /// Mentions in passing (« pour les lots 1-2-3 »).
    Mentions,
    /// A table of CPV codes by lot.
    CpvCodes,
    /// The one lot a notice cut short shows (« LOT-0001 »), of several.
    OneOfSeveral(String),
    /// A notice that gives the buyer's number (« Identifiant interne ») for some lots only:
    /// the others keep eForms' order, which may not be the buyer's.
    MixedNumbers,
}

impl Lots {
    /// The lots' numbers, « 1, 2, 5 ».
    fn ids(&self) -> String {
        self.list
            .iter()
            .map(|(i, _)| i.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }

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
    // Below a notice's « Lots Libellé Estimé € HT CPV » header, its « N° 1 MDS d'Auch » rows.
    // Its rows may be apart (blank lines) or followed by their details (description, CPV
    // code, duration): a row is the next lot in order, so that a « N° 12 » further down (an
    // address, a file number) is not one.
    let (mut in_table, mut last) = (false, 0u32);
    for (k, &(at, line)) in lines.iter().enumerate() {
        // « … Nord-EstLot 2 : Agences Nord et Est »: a list whose items lost their separator.
        let l = GLUED_LOT
            .replace_all(&clean_line(line), "$1 $2")
            .into_owned();
        if TABLE_HEADER.is_match(&l) {
            (in_table, last) = (true, 0);
        }
        let row = TABLE_ROW.captures(&l).and_then(|c| {
            let n: u32 = c[1].parse().ok()?;
            (last == 0 || n == last + 1).then_some((n, c))
        });
        if in_table && let Some((n, c)) = row {
            lots.add(at, &c[1], c[2].trim());
            last = n;
            continue;
        }
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
        if let Some(c) = CAPITAL_LOT.captures(&l) {
            lots.add(at, &c[1], c[2].trim());
            continue;
        }
        if !LOT_LINE.is_match(&l) {
            inline_lots(&mut lots, at, &l);
            continue;
        }
        // One lot per « LOT N – » of the line: its title runs to the next one.
        let items: Vec<regex::Captures> = LOT_ITEM.captures_iter(&l).collect();
        if items.is_empty() {
            // « lot 1 secteurs 4, 5 et 6 »: one lot, its title after a space.
            if let Some(c) = LOT_LINE.captures(&l) {
                lots.add(at, &c[1], c[2].trim());
            }
            continue;
        }
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

/// Two lots or more named in a line of prose (« alloti de la manière suivante : lot n°1
/// -Curage ; lot n°2-Déconstruction »): each title runs to the next separator. One « lot N :
/// » alone in a sentence is a reference to a lot, not a list.
fn inline_lots(lots: &mut Lots, at: usize, line: &str) {
    let items: Vec<(&str, &str)> = LOT_ITEM
        .captures_iter(line)
        .filter_map(|c| {
            let (all, n) = (c.get(0)?, c.get(1)?);
            let rest = &line[all.end()..];
            let end = INLINE_TITLE_END
                .find(rest)
                .map_or(rest.len(), |m| m.start());
            Some((n.as_str(), &rest[..end]))
        })
        .collect();
    let mut numbers: Vec<&str> = items
        .iter()
        .map(|(n, _)| n.trim_start_matches('0'))
        .collect();
    numbers.sort_unstable();
    numbers.dedup();
    if numbers.len() >= 2 {
        for (n, title) in items {
            // The next « lot N » ends a title too.
            let title = LOT_ITEM.find(title).map_or(title, |m| &title[..m.start()]);
            lots.add(at, n, title);
        }
    }
}

/// « Les travaux sont décomposés en « 2 » lots » without their list: lots 1 to N, untitled.
fn counted_lots(doc: &Doc) -> Option<Lots> {
    // Proof of the cap: a text states its count once or twice; the rest are mentions.
    let c = COUNT
        .captures_iter(doc.text)
        .take(20)
        .find(|c| !counts_lots_of_an_offer(doc, c))?;
    let (m, n) = (c.get(0)?, number((1..=5).find_map(|i| c.get(i))?.as_str())?);
    (n >= 2).then(|| Lots {
        list: (1..=n).map(|i| (i.to_string(), String::new())).collect(),
        first_at: Some(m.start()),
        read_from: ReadFrom::List,
    })
}

/// Whether a weak count (« portant sur deux lots », « concernant 3 lots », a line « 2 lots »)
/// counts the lots of an offer or a limit rather than those of the consultation: « une offre
/// portant sur deux lots au maximum parmi les cinq lots », « Nombre maximal de lots par
/// candidat : » above « 2 lots ». A verb of division (« décomposée en ») is never weak, and
/// « La consultation portant sur 3 lots, les candidats peuvent … » counts the consultation's.
fn counts_lots_of_an_offer(doc: &Doc, c: &regex::Captures) -> bool {
    static LIMIT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
        // Proof: a constant pattern.
        Regex::new(r"^\s*(?:au\s+(?:maximum|plus)|maximum|parmi|sur\s+les)\b").expect("valid regex")
    });
    static OFFER_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        // Proof: a constant pattern.
        Regex::new(r"\b(?:une|son|sa|leur|chaque|les|des|ses|l['’])\s*offres?\s*$")
            .expect("valid regex")
    });
    static LIMIT_ABOVE: LazyLock<Regex> = LazyLock::new(|| {
        // Proof: a constant pattern.
        Regex::new(
            r"\bmaxim|\bau\s+plus\b|\blimit|\bpar\s+(?:candidat|soumissionnaire|op[ée]rateur)",
        )
        .expect("valid regex")
    });
    let Some(m) = c.get(0) else {
        return false;
    };
    let t = doc.text;
    if c.get(4).is_some() {
        // A line alone: the line above says what it counts.
        let above = super::sections::line_above(t, m.start());
        return LIMIT_ABOVE.is_match(&crate::text::fold(above));
    }
    let head = crate::text::fold(m.as_str().trim_start());
    if !(head.starts_with("concernant") || head.starts_with("portant")) {
        return false;
    }
    let (s, _) = doc.sentence(m.start());
    let before = crate::text::fold(t.get(s..m.start()).unwrap_or(""));
    OFFER_BEFORE.is_match(&before) || LIMIT_AFTER.is_match(t.get(m.end()..).unwrap_or(""))
}

/// The rule on the lots of a consultation: known lots only when the text lists two or more
/// and no fewer than it counts (`counted`), and the limit per operator when the text sets one
/// (a limit of awards is only a warning).
fn push_lots_rule(
    doc: &Doc,
    found: &mut Found,
    lots: &Lots,
    limit: Option<&Limit>,
    counted: usize,
) {
    let listed = lots.list.len() >= 2;
    let at = limit.map_or(lots.first_at.unwrap_or(0), |l| l.at);
    let awarded = limit.is_some_and(|l| l.awarded);
    // A limit above the number of lots listed says the list is not the whole consultation:
    // checking the lots against it would reject a bid for a lot the excerpt left out.
    let over_limit =
        limit.is_some_and(|l| usize::try_from(l.max).is_ok_and(|m| m > lots.list.len()));
    // A count above the lots listed (« décomposée en cinq lots » and two named) says the same.
    let short = match (over_limit, counted > lots.list.len()) {
        (true, _) => Some(Short::UnderLimit),
        (false, true) => Some(Short::UnderCount(counted)),
        (false, false) => None,
    };
    let mut check = vec!["kind: lots".to_string()];
    if listed && short.is_none() && lots.read_from != ReadFrom::MixedNumbers {
        check.push("known: true".to_string());
    }
    let mut doubts = lots_doubts(lots, short.filter(|_| listed));
    let ids = lots.ids();
    let of_lots = if listed {
        format!("Lots de la consultation ({ids})")
    } else {
        if lots.read_from == ReadFrom::List {
            doubts.push("lots de la consultation non listés par le texte : les ajouter (`lots:` du pack) pour vérifier les lots demandés".to_string());
        }
        "Lots demandés".to_string()
    };
    let title = match limit {
        Some(l) => {
            check.push(format!("max: {}", l.max));
            check.push(format!(
                "message: {}",
                super::render::double(&format!(
                    "{} lots au plus par opérateur ({})",
                    l.max,
                    doc.section(at)
                ))
            ));
            doubts.push(if awarded {
                "limite d'attribution plutôt que de candidature : avertissement".to_string()
            } else {
                "limite de lots par opérateur : vérifier si le dépassement rend le pli irrecevable"
                    .to_string()
            });
            format!("{of_lots}, {} au plus par opérateur", l.max)
        }
        None => of_lots,
    };
    let id = found.id("LOTS");
    found.push(Rule {
        when: None,
        id,
        family: "lots",
        title,
        severity: if awarded || lots.read_from != ReadFrom::List {
            "warning"
        } else {
            "error"
        },
        phases: None,
        section: doc.section(at),
        quote: doc.sentence_quote(at),
        help: "Indiquer dans `lots:` du bid.yaml les lots auxquels vous répondez, parmi ceux de la consultation.".to_string(),
        check,
        doubts,
    });
}

/// Why a list of lots may not be the whole consultation.
#[derive(Clone, Copy)]
enum Short {
    /// The limit per operator is above the lots listed.
    UnderLimit,
    /// The text counts more lots than it lists.
    UnderCount(usize),
}

/// What to confirm in a list of lots: where it was read, and why it may not be the whole
/// consultation (`short`).
fn lots_doubts(lots: &Lots, short: Option<Short>) -> Vec<String> {
    let ids = lots.ids();
    let mut doubts = Vec::new();
    match &lots.read_from {
        ReadFrom::List => {}
        ReadFrom::Mentions => doubts.push(format!(
            "lots lus dans des mentions éparses du texte, non dans une liste : vérifier qu'il n'y en a pas d'autres que 1 à {} (avertissement seulement)",
            lots.list.len()
        )),
        ReadFrom::CpvCodes => doubts.push(format!(
            "lots lus dans le tableau des codes CPV par lot, non dans une liste : vérifier qu'il n'y en a pas d'autres que {ids} (avertissement seulement)"
        )),
        ReadFrom::OneOfSeveral(shown) => doubts.push(format!(
            "l'avis ne reproduit que le lot {ids} (« {shown} ») : ajouter les autres lots (`lots:` du pack) pour vérifier les lots demandés"
        )),
        ReadFrom::MixedNumbers => doubts.push(format!(
            "l'avis ne donne le numéro de l'acheteur (« Identifiant interne ») que pour certains lots : vérifier la numérotation ({ids}) contre le RC, puis ajouter `known: true`"
        )),
    }
    match short {
        Some(Short::UnderLimit) => doubts.push(format!(
            "le texte permet plus de lots par opérateur qu'il n'en liste ({ids}) : compléter `lots:` puis ajouter `known: true`"
        )),
        Some(Short::UnderCount(n)) => doubts.push(format!(
            "le texte annonce {n} lots mais n'en nomme que {} ({ids}) : compléter `lots:` puis ajouter `known: true`",
            lots.list.len()
        )),
        None => {}
    }
    doubts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lots(text: &str) -> (Option<Vec<String>>, Vec<String>) {
        let found = crate::draft::detected(detect, text);
        let ids = found.lots.map(|l| l.into_iter().map(|(i, _)| i).collect());
        let checks = found.rules.into_iter().flat_map(|r| r.check).collect();
        (ids, checks)
    }

    #[test]
    fn lots_counted_in_notices_bare_lot_lines_and_single_contracts() {
        let ids = |text: &str| lots(text).0;
        let n = |k: u32| Some((1..=k).map(|i| i.to_string()).collect::<Vec<_>>());
        assert_eq!(
            ids(
                "Conformément au CCAP le marché est composé de 4 lots:\nLot nº 1: Intérim médical Guadeloupe\nLot nº 2: Intérim non médical Guadeloupe\n"
            ),
            n(2)
        );
        assert_eq!(
            ids("Marché composé de 4 lots. Le marché prendra effet à sa notification.\n"),
            n(4)
        );
        assert_eq!(ids("2 Lots\nLot 1\nDrapage\nLot 2\nCasaques\n"), n(2));
        for single in [
            "Allotissement: le présent marché n'est pas décomposé en lots car son objet ne le permet pas.\n",
            "- Structure Lot unique\n",
            "Les prestations feront l'objet d'un marché unique.\n",
        ] {
            assert_eq!(ids(single), Some(Vec::new()), "{single}");
        }
        assert_eq!(ids("FOURNITURE DE GANTS A USAGE UNIQUE EN 2 LOTS\n"), n(2));
        assert_eq!(ids("Allotissement 2 lots\n"), n(2));
        assert_eq!(
            ids(
                "SOMMAIRE\n15. LOT 1 ENTRETIEN DES ASCENSEURS\n16. LOT 2 ENTRETIEN DES PORTAILS AUTOMATIQUES\n17. LOT 3 VERIFICATIONS D\n"
            ),
            n(3)
        );
        assert_eq!(
            ids("Dispositifs médicaux stériles pour hémodialyse (38 lots)\n").map(|l| l.len()),
            Some(38)
        );
        assert_eq!(ids("3 Dispositions communes aux 2 lots\n"), n(2));
        assert_eq!(
            ids("Le présent marché fait l objet d un lot unique.\n"),
            Some(Vec::new())
        );
        assert_eq!(
            ids(
                "Accord-cadre à bons de commande. Lot unique. Le montant maximum est de 90 000 euros.\n"
            ),
            Some(Vec::new())
        );
        assert_eq!(
            ids("Il se compose d'un lot unique (relance du lot 02).\n"),
            Some(Vec::new())
        );
        // A page number after a heading is no count of lots.
        assert_eq!(
            ids("ARTICLE 4 – ALLOTISSEMENT\n5\nARTICLE 5 – DUREE\n"),
            None
        );
        assert_eq!(ids("Nombre de lots : 3\n"), n(3));
    }

    #[test]
    fn limits_of_forms_and_notices_and_lot_lines_without_a_separator() {
        let ids = |text: &str| lots(text).0;
        let n = |k: u32| Some((1..=k).map(|i| i.to_string()).collect::<Vec<_>>());
        // A BOAMP form's and a TED notice's limits.
        assert!(
            lots("Il est possible de soumettre des offres pour un ou plusieurs lots : 6 max\n")
                .1
                .contains(&"max: 6".to_string())
        );
        assert!(
            lots("Maximum number of lots for which one tenderer can submit tenders: 17\n")
                .1
                .contains(&"max: 17".to_string())
        );
        assert_eq!(
            ids("Nombre de lots 10\nVariantes Défini par lot\n").map(|l| l.len()),
            Some(10)
        );
        assert_eq!(
            ids("lot 1 secteurs 4, 5 et 6\nlot 2 secteurs 1, 2 et 3\n"),
            n(2)
        );
        assert_eq!(
            ids("— lot 01: produits d'entretien,\n— lot 02: produits pour la cuisine.\n"),
            n(2)
        );
        // « un ou plusieurs lots » counts nothing.
        assert_eq!(
            ids("Les candidats peuvent répondre à un ou plusieurs lots.\n"),
            None
        );
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

    /// The one lots rule drafted: its severity and its check lines.
    fn lots_rule(text: &str) -> Option<(&'static str, Vec<String>)> {
        let found = crate::draft::detected(detect, text);
        assert!(found.rules.len() <= 1, "{:?}", found.rules);
        found
            .rules
            .into_iter()
            .next()
            .map(|r| (r.severity, r.check))
    }

    #[test]
    fn a_list_run_into_a_sentence_is_a_list_and_one_lot_in_prose_is_not() {
        let (ids, checks) = lots(
            "le présent marché est alloti de la manière suivante : lot n°1 -Curage, Nettoyage ; lot n°2-Déconstruction ; lot n°3-Gestion de pollution \" et en son article 6 \" chaque candidat ne pourra remettre qu'une seule offre \".\n",
        );
        assert_eq!(ids, Some(vec!["1".into(), "2".into(), "3".into()]));
        // « une seule offre » limits offers per lot, not lots.
        assert_eq!(checks, ["kind: lots", "known: true"]);
        let doc = Doc::new("lot n°1 -Curage ; lot n°2-Déconstruction\n");
        assert_eq!(listed_lots(&doc).list[1].1, "Déconstruction");
        let (ids, _) = lots("Pour le lot 2 : le candidat joint son certificat.\n");
        assert_eq!(ids, None);
        let (ids, _) = lots("Le marché a été scindé en trois lots géographiques.\n");
        assert_eq!(ids.map(|l| l.len()), Some(3));
    }

    #[test]
    fn limits_reported_in_the_past_and_limits_without_a_list_of_lots() {
        // An award limit, reported: a warning.
        let (severity, checks) = lots_rule(
            "Le marché était divisé en trois lots et les documents de la consultation précisaient que les soumissionnaires ne pouvaient se voir attribuer plus d’un lot.\n",
        )
        .expect("a rule");
        assert_eq!(severity, "warning");
        assert!(checks.contains(&"max: 1".to_string()), "{checks:?}");
        assert!(checks.contains(&"known: true".to_string()), "{checks:?}");
        // Offers limited, lots not listed: the limit alone.
        let (severity, checks) = lots_rule(
            "Le règlement de la consultation indique que les candidats ne pouvaient présenter une offre que pour ... un seul lot !\n",
        )
        .expect("a rule");
        assert_eq!(severity, "error");
        assert_eq!(&checks[..2], ["kind: lots", "max: 1"]);
        // Offers and awards limited in one sentence: the bid is judged on the offers' limit.
        let (severity, checks) = lots_rule(
            "Le règlement prévoyait qu'un candidat ne peut soumettre de propositions que pour un maximum de 5 lots et qu'aucun candidat ne peut se voir attribuer plus de 3 lots.\n",
        )
        .expect("a rule");
        assert_eq!(severity, "error");
        assert_eq!(checks[1], "max: 5");
        // No limit, no list: nothing.
        assert_eq!(
            lots_rule("Le marché est passé selon la procédure adaptée.\n"),
            None
        );
    }

    #[test]
    fn limits_whose_value_is_glued_to_its_label_and_consultations_that_cannot_be_divided() {
        // A host that prints a notice's labels and values without a separator.
        for (text, max) in [
            (
                "Terms of submission\nMaximum number of lots for which one tenderer can submit tenders7\n",
                "max: 7",
            ),
            (
                "Nombre maximal de lots pour lesquels un soumissionnaire peut présenter une offre3\n",
                "max: 3",
            ),
        ] {
            let (_, checks) = lots_rule(text).expect("a rule");
            assert!(checks.contains(&max.to_string()), "{text}: {checks:?}");
        }
        // « un soumissionnaire » is no limit of one lot.
        assert_eq!(
            lots_rule(
                "Nombre maximal de lots pour lesquels un soumissionnaire peut présenter une offre\n"
            ),
            None
        );
        let (ids, _) = lots("Le marché de travaux en cause, regroupant 3 lots, est alloti.\n");
        assert_eq!(ids, Some(vec!["1".into(), "2".into(), "3".into()]));
        let (ids, _) = lots("Les travaux seraient dévolus en un lot unique.\n");
        assert_eq!(ids, Some(Vec::new()));
        // Lots counted in a decision's report.
        let (ids, _) =
            lots("une offre sur plus de deux des quatre lots qui composaient le marché.\n");
        assert_eq!(
            ids,
            Some(vec!["1".into(), "2".into(), "3".into(), "4".into()])
        );
        for text in [
            "La présente consultation ne peut pas être allotie pour assurer une unité d'exécution.\n",
            "2.3 Division en lots : . Il n’est pas prévu de décomposition en lots. . 2.4 Variante : Non\n",
            "Prestations divisées en lots : non\n",
            "Le présent appel d’offres est un marché de services constitué d’un lot unique.\n",
            "Le pouvoir adjudicateur a décidé de ne pas lancer la consultation en lots séparés.\n",
        ] {
            assert_eq!(lots(text).0, Some(Vec::new()), "{text}");
        }
    }

    #[test]
    fn lots_mentioned_in_passing_are_a_list_to_confirm() {
        for (text, want) in [
            (
                "Durée : 12 mois (pour les lots 1-2-3-4-6-7-8)\n12 mois, reconductible 1 fois (pour le lot 5)\n",
                8,
            ),
            (
                "12.1 : CRITERES D'ATTRIBUTION POUR LES LOTS N° 1 ET N° 2\n12.2 : CRITERES D'ATTRIBUTION POUR LE LOT N° 3\n",
                3,
            ),
            ("Les prix sont mixtes pour les lots 1 à 4.\n", 4),
        ] {
            let (ids, _) = lots(text);
            let want: Vec<String> = (1..=want).map(|i| i.to_string()).collect();
            assert_eq!(ids, Some(want), "{text}");
            let (severity, checks) = lots_rule(text).expect("a rule");
            assert_eq!(severity, "warning", "{text}");
            assert!(checks.contains(&"known: true".to_string()), "{checks:?}");
        }
        // Not every lot from 1, one lot, or a limit that says there are more: no list.
        for text in [
            "4 marchés :\n• pains frais (lots 1 & 2)\n• produits laitiers (lots 6 & 7 et 10 à 16)\n• préparations (lots 1 à 9)\n",
            "Les prix sont mixtes pour les lots 02 et 03, forfaitaires pour les autres lots.\n",
            "Marché de travaux - Lot 07 Serrurerie\n",
            "Une visite est obligatoire pour le lot 01 et préconisée pour les lots 02 et 03.\nNombre maximal de lots pour lesquels un soumissionnaire peut présenter une offre : 7\n",
        ] {
            let (ids, _) = lots(text);
            assert_eq!(ids, None, "{text}");
        }
    }

    #[test]
    fn a_notice_cut_after_its_first_lot_names_it_and_a_lone_eforms_lot_is_no_lot() {
        let one = "5. Lot\nLot: LOT-0001\nTitre: Nettoyage Nord\nIdentifiant interne: DB-2024-069 - LOT 1\n";
        // Alone, eForms' « LOT-0001 » is the contract itself: nothing to draft.
        assert_eq!(lots(one), (None, Vec::new()));
        // A limit or « tous les lots » says there are others: the lot is named, not checked.
        let cut = format!(
            "Nombre maximal de lots pour lesquels un soumissionnaire peut présenter une offre: 4\n{one}"
        );
        let (ids, checks) = lots(&cut);
        assert_eq!(ids, Some(vec!["1".to_string()]));
        assert!(checks.contains(&"max: 4".to_string()), "{checks:?}");
        assert!(!checks.contains(&"known: true".to_string()), "{checks:?}");
        let found = crate::draft::detected(detect, &cut);
        assert!(
            found.notes.iter().any(|n| n.contains("LOT-0001")),
            "{:?}",
            found.notes
        );
        let all = format!("Des offres peuvent être soumises pour tous les lots\n{one}");
        assert_eq!(lots(&all), (Some(vec!["1".to_string()]), Vec::new()));
        // Several identifiers are the notice's list.
        let (ids, checks) = lots("Lot: LOT-0001\nTitre: Voirie\nLot: LOT-0002\nTitre: Réseaux\n");
        assert_eq!(ids, Some(vec!["1".to_string(), "2".to_string()]));
        assert!(checks.contains(&"known: true".to_string()), "{checks:?}");
    }

    #[test]
    fn counts_up_to_twenty_titles_glued_lists_and_fields_that_say_not_divided() {
        let ids = |n: u32| Some((1..=n).map(|i| i.to_string()).collect::<Vec<_>>());
        assert_eq!(
            lots("Le département a lancé un appel d'offres concernant dix-huit lots de transports scolaires.\n").0,
            ids(18)
        );
        assert_eq!(
            lots("ACCORD-CADRE POUR L'ASSISTANCE A LA MOBILITE VERTICALE - 2 LOTS\nRok:\n").0,
            ids(2)
        );
        assert_eq!(
            lots("Objet : neutralisation des logements - Lot 1 : Agences Sud et Nord-EstLot 2 : Agences Nord et Est\n").0,
            ids(2)
        );
        for text in [
            "Alloti\nNon\nClôture\n16/09/2025\n",
            "Marché alloti : NON\n",
            "MAÎTRISE D'ŒUVRE À DAMMARIE-LES-LYS – LOT UNIQUE\n",
            "5. Lot\nLot: LOT-0000\nTitre: Véhicules\n",
        ] {
            assert_eq!(lots(text).0, Some(Vec::new()), "{text}");
        }
        // « alloti » in a sentence, a lot named « unique » in prose: no field.
        assert_eq!(
            lots("Le marché alloti ne comporte\nnon pas un lot mais deux.\n").0,
            None
        );
    }

    #[test]
    fn lots_numbered_with_no_for_the_number_sign() {
        assert_eq!(
            lots("Pour le lot no1, l'accord-cadre est conclu sans minimum.\nPour le lot no2, l'accord-cadre est conclu sans minimum.\n").0,
            Some(vec!["1".to_string(), "2".to_string()])
        );
        // A number sign the extraction lost: « LOT N 1 ».
        assert_eq!(
            lots("Décomposition en lots LOT N 1 Terrains de football : LOT N 2 Éclairage\n").0,
            Some(vec!["1".to_string(), "2".to_string()])
        );
        // « lot normal », « lot nouveau »: no number.
        assert_eq!(lots("Le lot nouveau 2 est livré.\n").0, None);
    }

    #[test]
    fn the_rows_of_a_notices_table_of_lots() {
        let (ids, _) = lots(
            "Forme Division en lots : Oui\nLots Libellé Estimé € HT CPV\nN° 1 MDS d'Auch\nDescription : Montant maximum annuel: 325 000 € HT\n  60100000\nN° 2 MDS de l'Isle-Jourdain\n",
        );
        assert_eq!(ids, Some(vec!["1".to_string(), "2".to_string()]));
        // Without the header, « N° 21 77 039 » is a reference.
        assert_eq!(lots("N° 21 77 006\nN° 3 du registre\n").0, None);
    }

    #[test]
    fn a_cpv_table_by_lot_and_a_cover_count_and_a_list_shorter_than_its_limit() {
        let text = "CPV Lot 1 45112500-0 Travaux de terrassement CPV Lot 2 45223220-4 Travaux de gros œuvre CPV lot 5 45262650-2 Travaux de bardage\n";
        let (ids, _) = lots(text);
        assert_eq!(ids, Some(vec!["1".into(), "2".into(), "5".into()]));
        let (severity, checks) = lots_rule(text).expect("a rule");
        assert_eq!(severity, "warning");
        assert!(checks.contains(&"known: true".to_string()), "{checks:?}");
        let (ids, _) = lots("ACQUISITION DE CAMIONS CITERNES\n2 lots\nPersonne Publique :\n");
        assert_eq!(ids, Some(vec!["1".to_string(), "2".to_string()]));
        // « 2 lots » inside a sentence is not a count.
        assert_eq!(
            lots("Les candidats peuvent répondre à\n2 lots au plus.\n").0,
            None
        );
        // Two lots listed, up to five per operator: the list is not the whole consultation.
        let (severity, checks) = lots_rule(
            "Lot 1 : Voirie\nLot 2 : Réseaux\nNombre maximal de lots pour lesquels un soumissionnaire peut présenter une offre : 5\n",
        )
        .expect("a rule");
        assert_eq!(severity, "error");
        assert!(checks.contains(&"max: 5".to_string()), "{checks:?}");
        assert!(!checks.contains(&"known: true".to_string()), "{checks:?}");
    }

    #[test]
    fn a_count_of_an_offers_lots_or_a_list_shorter_than_the_count_is_not_the_consultation() {
        // The lots an offer may cover are a limit, not the consultation's count.
        let text = "Chaque candidat peut remettre une offre portant sur deux lots au maximum parmi les cinq lots.\n";
        let (severity, checks) = lots_rule(text).expect("a rule");
        assert!(checks.contains(&"max: 2".to_string()), "{checks:?}");
        assert!(!checks.contains(&"known: true".to_string()), "{checks:?}");
        assert_eq!(severity, "error");
        assert_eq!(
            lots("Le candidat peut déposer une offre concernant 3 lots ; les autres lots sont réservés.\n").0,
            None
        );
        assert_eq!(
            lots("Nombre maximal de lots par candidat :\n2 lots\n").0,
            None
        );
        // « sur deux lots au maximum » of something else than an offer is no limit; « La
        // consultation portant sur 3 lots » counts the consultation's.
        let (_, checks) = lots_rule(
            "Lot 1 : Voirie\nLot 2 : Réseaux\nLot 3 : Espaces verts\nUne même équipe d'agents ne pourra être affectée que sur deux lots au maximum.\n",
        )
        .expect("a rule");
        assert!(!checks.iter().any(|c| c.starts_with("max:")), "{checks:?}");
        assert_eq!(
            lots("La consultation portant sur 3 lots, les candidats peuvent répondre à un ou plusieurs lots.\n").0,
            Some(vec!["1".to_string(), "2".to_string(), "3".to_string()])
        );
        // A count above the lots the text names: the list is not the whole consultation.
        let (_, checks) = lots_rule(
            "La consultation est décomposée en cinq lots.\nLot 1 : Voirie\nLot 2 : Réseaux\n",
        )
        .expect("a rule");
        assert!(!checks.contains(&"known: true".to_string()), "{checks:?}");
        let (_, checks) = lots_rule(
            "La consultation est décomposée en deux lots.\nLot 1 : Voirie\nLot 2 : Réseaux\n",
        )
        .expect("a rule");
        assert!(checks.contains(&"known: true".to_string()), "{checks:?}");
    }

    #[test]
    fn a_notice_numbering_some_lots_by_the_buyer_and_a_table_that_ends() {
        let text = "Lot: LOT-0001\nTitre: Voirie\nIdentifiant interne: LOT 2\nLot: LOT-0002\nTitre: Réseaux\nDescription: x\n";
        let (ids, _) = lots(text);
        // LOT-0001 is the buyer's lot 2, and so may be LOT-0002: no list can be drafted.
        assert_eq!(ids, None);
        let text = "Lot: LOT-0001\nTitre: Voirie\nIdentifiant interne: LOT 3\nLot: LOT-0002\nTitre: Réseaux\nDescription: x\n";
        let (severity, checks) = lots_rule(text).expect("a rule");
        assert_eq!(severity, "warning");
        assert!(!checks.contains(&"known: true".to_string()), "{checks:?}");
        // Below the table of lots and a blank line, « N° 12 … » is an address.
        let (ids, _) = lots(
            "Lots Libellé Estimé € HT\nN° 1 MDS d'Auch\nN° 2 MDS de Condom\n\nAdresse :\nN° 12 rue Victor Hugo\n",
        );
        assert_eq!(ids, Some(vec!["1".to_string(), "2".to_string()]));
        // Rows apart, as a PDF's extraction leaves them, and a title wrapped on two lines.
        let (ids, _) = lots(
            "Lots Libellé Estimé € HT\n\nN° 1 MDS d'Auch et de\nMirande\n\nN° 2 MDS de Condom\n\nN° 3 MDS de Lectoure\n",
        );
        assert_eq!(
            ids,
            Some(vec!["1".to_string(), "2".to_string(), "3".to_string()])
        );
    }
}
