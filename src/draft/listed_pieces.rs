//! The pieces of the offer a text lists without naming a kind the drafter knows (« l'offre …
//! au regard des documents suivants : un descriptif de l'organisation qualité ; une annexe
//! complétée relative à la sécurité ; les résultats en matière de sécurité … »): each item of a
//! list of the offer's documents is a piece, named by its own words. Its file name is unknown,
//! so the rule is a warning to confirm.

use std::sync::LazyLock;

use regex::Regex;

use super::sections::{Doc, clean_line, quote};
use super::{Found, Rule, content_regex, key_words, name_regex};
use crate::text::fold;

/// The lead-in of a list of the offer's documents (folded): the offer, and documents or a verb
/// that says they are given.
static OFFER_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"\boffres?\b.*\b(?:documents?|pieces|elements|comprend|comprendra|contiendra|contient|contenir|compose|composee|comporte|comportera|constitue|constituee|remettre|fournir|produire|joindre|presenter)\b|\b(?:documents?|pieces|elements)\b.*\boffres?\b")
        .expect("valid regex")
});
/// A lead-in that lists what the buyer gives (the DCE), the candidature's pieces, or the award
/// criteria: its items are no offer pieces.
static OTHER_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"\bdce\b|dossier\s+de\s+(?:la\s+)?consultation|candidature|criteres?|attributaire|titulaire|a\s+titre\s+(?:informatif|indicatif)|(?:remis|mis\s+a\s+(?:la\s+)?disposition|fournis|communiques)\s+(?:aux|des)\s+candidats|apprecie\w*\s+au\s+regard\s+des\s+elements|mieux\s+classe|\bne\s+(?:comprend|contient|comporte)\s+pas\b|\d\s*%")
        .expect("valid regex")
});
/// An item that names a document (folded): an article, at most one word, then the document.
static DOCUMENT_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"^(?:un|une|des|les|le|la|l['’]\s*)\s*(?:[a-z]+\s+)?(?:descriptif|description|annexe|note|notice|resultat|attestation|certificat|fiche|liste|plan|planning|dossier|etude|echantillon|justificatif|programme|questionnaire|charte|organigramme|calendrier|schema|proposition)s?\b")
        .expect("valid regex")
});
/// Where an item's name ends: a parenthesis, a comma, a colon.
static NAME_END: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"[(,:]").expect("valid regex")
});
/// The words a name cut short does not end on.
const DANGLING: &[&str] = &[
    "de", "du", "des", "la", "le", "les", "l", "d", "et", "à", "a", "au", "aux", "en", "sur",
    "pour", "par", "ou", "son", "sa", "ses", "afin", "qui", "que", "dont", "ainsi", "voire",
];
/// The most words of a name.
const NAME_WORDS: usize = 15;
/// Bullets and numbers before an item.
static BULLET: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"^\s*(?:[-–—•*▪➢o]|\d{1,2}[.)°]|[a-z][.)])\s*").expect("valid regex")
});

/// A piece the text names without a kind the drafter knows.
pub(super) struct Item {
    pub at: usize,
    /// Its name: the item's words up to its first precision, without the article.
    pub name: String,
    pub quote: String,
    /// The phase it is due in, when the text says (« [offre] »).
    pub phases: Option<&'static str>,
    /// Asked only in some cases (« le cas échéant »).
    pub conditional: bool,
}

/// Draft one piece for each item of a list of the offer's documents that no known kind drafted.
pub fn detect(doc: &Doc, found: &mut Found) {
    let lists = offer_lists(doc).into_iter().chain(folder_lists(doc));
    // Bounded work on any text: an RC lists its offer's documents once or twice.
    for items in lists.take(5) {
        push_all(doc, found, &items, LISTED);
    }
}

/// Why a listed piece is to confirm.
const LISTED: &str = "pièce lue dans une liste des documents de l'offre, d'un type que le brouillon ne connaît pas : vérifier qu'elle est exigée (erreur si son absence rend l'offre irrégulière) et ses noms de fichier";

/// One warning rule for each piece of `items`, its file names from its words that the
/// others' do not share.
pub(super) fn push_all(doc: &Doc, found: &mut Found, items: &[Item], doubt: &str) {
    let all_words: Vec<Vec<String>> = items.iter().map(|i| key_words(&i.name)).collect();
    for (k, item) in items.iter().enumerate() {
        let distinctive = super::pieces::distinctive_words(&all_words, k);
        push(doc, found, item, &all_words[k], &distinctive, doubt);
    }
}

/// « structurée en quatre dossiers distincts au format PDF : « dossier administratif » (pièces
/// administratives), « dossier offre » (BPU), « dossier fiches techniques » »: the folders or
/// files a bid is split into, each a piece, of the candidature when administrative.
fn folder_lists(doc: &Doc) -> Vec<Vec<Item>> {
    static LEAD: LazyLock<Regex> = LazyLock::new(|| {
        // Proof: a constant pattern.
        Regex::new(r"(?i)\b(?:deux|trois|quatre|cinq|six|sept|huit|[2-9])\s+(?:dossiers|fichiers|sous-dossiers)\b[^:.\n]{0,80}:").expect("valid regex")
    });
    static QUOTED: LazyLock<Regex> = LazyLock::new(|| {
        // Proof: a constant pattern.
        Regex::new(r#"^\s*(?:,|et|;)?\s*([«"]\s*([^»"\n]{3,80}?)\s*[»"]\s*(?:\([^)\n]{0,160}\))?)"#)
            .expect("valid regex")
    });
    let mut lists = Vec::new();
    for lead in LEAD.find_iter(doc.text).take(5) {
        let mut items = Vec::new();
        let mut rest = &doc.text[lead.end()..];
        while let Some(c) = QUOTED.captures(rest) {
            let (Some(all), Some(item), Some(name)) = (c.get(0), c.get(1), c.get(2)) else {
                break;
            };
            let at = doc.text.len() - rest.len() + name.start();
            let what = fold(item.as_str());
            let phases = if what.contains("administrati") || what.contains("candidature") {
                "[candidature]"
            } else {
                "[offre]"
            };
            if !super::pieces::names_a_known_kind(item.as_str())
                && key_words(name.as_str()).len() >= 2
            {
                items.push(Item {
                    at,
                    name: name.as_str().trim().to_string(),
                    quote: quote(item.as_str()),
                    phases: Some(phases),
                    conditional: false,
                });
            }
            rest = &rest[all.end()..];
        }
        if !items.is_empty() {
            lists.push(items);
        }
    }
    lists
}

/// The lists of the offer's documents: items after a lead-in's colon, on its line separated
/// by semicolons, or on the lines below it.
fn offer_lists(doc: &Doc) -> Vec<Vec<Item>> {
    let lines: Vec<(usize, &str)> = doc.lines().collect();
    let mut lists = Vec::new();
    for (k, &(at, line)) in lines.iter().enumerate() {
        let Some(colon) = line.find(':') else {
            continue;
        };
        let lead = fold(last_sentence(&line[..colon]));
        if !OFFER_LEAD.is_match(&lead) || OTHER_LEAD.is_match(&lead) {
            continue;
        }
        let rest = &line[colon + 1..];
        let items = if rest.contains(';') {
            inline_items(at + colon + 1, rest)
        } else if rest.trim().is_empty() {
            items_below(&lines[k + 1..])
        } else {
            Vec::new()
        };
        if !items.is_empty() {
            lists.push(items);
        }
    }
    lists
}

/// The last sentence of a line's text before its colon.
fn last_sentence(s: &str) -> &str {
    s.rfind(". ").map_or(s, |i| &s[i + 2..])
}

/// « un descriptif … ; une annexe … ; les résultats … . »: the items of a list run into a
/// paragraph, the last one ending with the sentence.
fn inline_items(at: usize, rest: &str) -> Vec<Item> {
    let end = rest.find(". ").map_or(rest.len(), |i| i + 1);
    let mut out = Vec::new();
    let mut from = 0;
    // A list run into a paragraph: past twenty items, it is no list of documents.
    for part in rest[..end].split(';').take(20) {
        if let Some(item) = item(at + from, part) {
            out.push(item);
        }
        from += part.len() + 1;
    }
    out
}

/// The items on the lines below a lead-in, up to the first line that is neither an item nor
/// bulleted.
fn items_below(lines: &[(usize, &str)]) -> Vec<Item> {
    let mut out = Vec::new();
    for &(at, line) in lines
        .iter()
        .skip_while(|(_, l)| l.trim().is_empty())
        .take(25)
    {
        match item(at, line) {
            Some(i) => out.push(i),
            None if BULLET.is_match(line) && !line.trim().is_empty() => {}
            None => break,
        }
    }
    out
}

/// An item that names a document no known kind covers, not deferred to the winner.
fn item(at: usize, raw: &str) -> Option<Item> {
    let text = clean_line(raw);
    let text = BULLET.replace(text.trim(), "");
    let text = text.trim().trim_end_matches(['.', ';', ',']).trim();
    let folded = fold(text);
    // An item weighted in per cent is an award criterion.
    if !DOCUMENT_ITEM.is_match(&folded)
        || folded.contains('%')
        || super::pieces::names_a_known_kind(text)
        || super::pieces::deferred(&folded)
    {
        return None;
    }
    let cut = NAME_END.find(text).map_or(text.len(), |m| m.start());
    let words: Vec<&str> = text[..cut].split_whitespace().collect();
    // Without its article (« un », « les », « l'annexe »).
    let first = words.first()?;
    let first = match first.find(['\'', '’']) {
        Some(i) => first.get(i + first[i..].chars().next()?.len_utf8()..)?,
        None => "",
    };
    let mut name: Vec<&str> = Vec::new();
    if !first.is_empty() {
        name.push(first);
    }
    name.extend(words.iter().skip(1));
    let cut_short = name.len() > NAME_WORDS;
    name.truncate(NAME_WORDS);
    // A name cut short ends on a word that means something (« … réduire l'impact »).
    while cut_short
        && name.last().is_some_and(|w| {
            let bare = w.rsplit(['\'', '’']).next().unwrap_or(w);
            DANGLING.contains(&w.to_lowercase().as_str()) || bare.len() < 3
        })
    {
        name.pop();
    }
    let name = if cut_short {
        format!("{} …", name.join(" "))
    } else {
        name.join(" ")
    };
    (key_words(&name).len() >= 2).then(|| Item {
        at,
        name,
        quote: quote(text),
        phases: Some("[offre]"),
        conditional: false,
    })
}

/// The warning rule of one listed piece.
fn push(
    doc: &Doc,
    found: &mut Found,
    item: &Item,
    words: &[String],
    distinctive: &[String],
    doubt: &str,
) {
    let mut names: Vec<String> = Vec::new();
    if words.len() >= 2 {
        names.push(name_regex(&words[..2]));
    }
    for w in distinctive.iter().take(2) {
        names.push(w.clone());
    }
    names.dedup();
    let mut check = vec![
        "kind: piece".to_string(),
        format!("label: {}", super::render::double(&item.name)),
        "names:".into(),
    ];
    check.extend(
        names
            .iter()
            .map(|n| format!("  - {}", super::render::single(n))),
    );
    check.push("content:".into());
    check.push(format!(
        "  - {}",
        super::render::single(&content_regex(&item.name))
    ));
    let (topic, family, phase) = match item.phases {
        Some("[candidature]") => ("CAND-NOMMEE", "pièces de la candidature", "Candidature"),
        Some(_) => ("OFFRE-NOMMEE", "pièces de l'offre", "Offre"),
        None => ("PIECE-NOMMEE", "pièces", "Pièce"),
    };
    let id = found.id(topic);
    found.push(Rule {
        when: None,
        id,
        family,
        title: format!("{phase} : {}", item.name),
        severity: "warning",
        phases: item.phases,
        section: doc.section(item.at),
        quote: item.quote.clone(),
        help: format!(
            "Joindre la pièce « {} ». Si le fichier porte un autre nom, le déclarer dans `pieces:` du bid.yaml.",
            item.name
        ),
        check,
        doubts: std::iter::once(doubt.to_string())
            .chain(item.conditional.then(|| {
                "pièce demandée sous condition (« le cas échéant ») : vérifier si le cas s'applique à votre offre".to_string()
            }))
            .collect(),
    });
}

#[cfg(test)]
mod tests {
    fn titles(text: &str) -> Vec<String> {
        let found = crate::draft::detected(super::detect, text);
        found.rules.into_iter().map(|r| r.title).collect()
    }

    #[test]
    fn each_item_of_a_list_of_the_offers_documents_is_a_piece_to_confirm() {
        let t = titles(
            "L’offre des candidats était appréciée au regard des documents listés au règlement de la consultation : un descriptif de la politique et de l’organisation en matière de sécurité générale ; une annexe complétée relative à la politique sécurité ; le bordereau des prix unitaires ; les résultats des candidats en matière de sécurité (taux de fréquence) ; un descriptif de l’organisation qualité (ISO 9001).\n",
        );
        assert_eq!(
            t,
            vec![
                "Offre : descriptif de la politique et de l’organisation en matière de sécurité générale",
                "Offre : annexe complétée relative à la politique sécurité",
                "Offre : résultats des candidats en matière de sécurité",
                "Offre : descriptif de l’organisation qualité",
            ]
        );
        let t = titles(
            "Le dossier d'offre comprendra les pièces suivantes :\n- l'acte d'engagement ;\n- les fiches techniques des produits proposés ;\n- un planning prévisionnel d'exécution.\n\nArticle 6 - Jugement\n",
        );
        assert_eq!(
            t,
            vec![
                "Offre : fiches techniques des produits proposés",
                "Offre : planning prévisionnel d'exécution",
            ]
        );
        let found = crate::draft::detected(
            super::detect,
            "L'offre comprendra : une note relative à la sécurité ; un planning des travaux.\n",
        );
        assert!(found.rules.iter().all(|r| r.severity == "warning"));
    }

    #[test]
    fn the_folders_a_bid_is_split_into_are_pieces_the_administrative_one_of_the_candidature() {
        let found = crate::draft::detected(
            super::detect,
            "L’acheteur exigeait que la réponse soit structurée en quatre dossiers distincts au format PDF : « dossier administratif » (pièces administratives), « dossier offre » (BPU), « dossier fiches techniques » et « dossier technique » (présentation de la société, références).\n",
        );
        let got: Vec<(String, Option<&str>, String)> = found
            .rules
            .into_iter()
            .map(|r| (r.title, r.phases, r.quote))
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    "Candidature : dossier administratif".to_string(),
                    Some("[candidature]"),
                    "« dossier administratif » (pièces administratives)".to_string()
                ),
                (
                    "Offre : dossier fiches techniques".to_string(),
                    Some("[offre]"),
                    "« dossier fiches techniques »".to_string()
                ),
                (
                    "Offre : dossier technique".to_string(),
                    Some("[offre]"),
                    "« dossier technique » (présentation de la société, références)".to_string()
                ),
            ]
        );
    }

    #[test]
    fn lists_of_the_dce_of_the_candidature_of_criteria_or_of_the_winner_are_not_read() {
        for text in [
            "Le dossier de consultation comprend les documents suivants : un descriptif des ouvrages ; un plan de situation.\n",
            "La candidature contiendra les pièces suivantes : une note de présentation de la société ; une liste des références.\n",
            "L'offre sera jugée sur les critères suivants : une note méthodologique (40 %) ; un planning (20 %).\n",
            "L'attributaire devra fournir les documents suivants avant notification de l'offre : une attestation d'assurance ; un plan de prévention.\n",
            "Les offres seront transmises par voie électronique : la plateforme est accessible à tous.\n",
        ] {
            assert_eq!(titles(text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn lists_of_what_the_buyer_gives_of_criteria_or_of_what_an_offer_lacks_are_no_pieces() {
        for text in [
            "Documents de l'offre remis aux candidats : un descriptif des locaux ; une annexe relative aux plans des bâtiments.\n",
            "L'offre ne comprend pas les documents suivants : une notice de montage des équipements ; une fiche produit des consommables.\n",
            "Pièces de l'offre du candidat le mieux classé : une attestation de régularité fiscale du candidat ; une fiche de renseignements complétée.\n",
            "Éléments de l'offre : une note sur la méthodologie de travail (40 %) ; un descriptif des moyens humains (20 %).\n",
        ] {
            assert_eq!(titles(text), Vec::<String>::new(), "{text}");
        }
    }
}
