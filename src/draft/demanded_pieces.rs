//! The pieces a text says were asked, in prose (a judgment, a notice that reports the RC):
//! « la remise d'une attestation de dépôt », « les cinq notices requises », « d'une annexe …
//! signée et complétée qui était demandée », « à demander un avis spécialisé du CSTB ». Each
//! is a piece named by its own words, due in the phase its sentence speaks of, to confirm.

use std::sync::LazyLock;

use regex::Regex;

use super::Found;
use super::listed_pieces::{Item, push_all};
use super::sections::Doc;
use crate::text::fold;

/// The documents a sentence may say were asked: certificates, annexes, notices, studies.
const DOCUMENT: &str = r"(?:attestations?|annexes?|notices?|avis|[ée]tudes?|fiches?|certificats?|descriptifs?|notes?|plannings?)";

/// « remise d'une attestation », « production des certificats », « demander un avis »: the
/// document after the word that asks it.
static ASKED_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(&format!(
        r"(?i)\b(remise|production|fourniture|demander|exiger|produire|fournir)\s+(?:d['’]une?|une|un|les|des|du|de\s+la)\s+({DOCUMENT}\b[^.;:\n]{{0,100}})"
    ))
    .expect("valid regex")
});
/// « les cinq notices requises », « une annexe … qui était demandée »: the document before the
/// word that says it was asked.
static ASKED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(&format!(
        r"(?i)\b(?:(?:les|des|une|un|la|le|d['’]une|d['’]un)\s+|l['’]\s*)((?:\w+\s+){{0,2}}?{DOCUMENT}\b[^.;:\n]{{0,80}}?)\s(?:qui\s+(?:était|étaient|est|sont)\s+)?(?:requis(?:es?)?|exig[ée]e?s?|demand[ée]e?s?)\b"
    ))
    .expect("valid regex")
});
/// Words caught before the document's own article (« l'offre une étude de sol demandée »):
/// the name starts after that article.
static CAUGHT_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(&format!(
        r"(?i)^(?:\S+\s+){{1,2}}?(?:une|un|des|les|la|le|d['’]une|d['’]un)\s+({DOCUMENT}\b)"
    ))
    .expect("valid regex")
});
/// Where a document's name ends: a precision, a verb, a condition of form.
static NAME_END: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"(?i)[,;(]|\s(?:qui|que|est|sont|était|étaient|n['’]est|n['’]était|ne|et\s+à|et\s+(?:la|le|les)\s+(?:production|remise|fourniture)|en\s+cours|bien|dans\s+un|dans\s+le|sans|ainsi\s+que|au\s+motif|requis\w*|exig\w*|demand\w*)\b").expect("valid regex")
});
/// A sentence that says the document was not asked, or need not be.
static NEGATED: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"\bn['’]?\s*(?:\w+\s+){0,3}?(?:pas|plus|jamais)\b|\baucune?\b|\bsans\s+exiger\b")
        .expect("valid regex")
});
/// Right after the document's name, words that say it is not asked (« … n'est pas exigée »,
/// « n'est plus demandée »), folded; a denial further on bears on something else.
static DENIED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"^\W*n['’]?\s*(?:est|etait|sont|etaient|sera|seront)\s+(?:pas|plus)\s+(?:\w+\s+)?(?:requis|exige|demande|obligatoire|necessaire)")
        .expect("valid regex")
});
/// A sentence about the buyer's rights, the contract's execution or what the buyer gives
/// (folded): the documents it names are no pieces of the bid.
static NOT_THE_BIDS: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"se\s+reserve\s+(?:le\s+droit|la\s+possibilite)\s+de|\ble\s+titulaire\s+(?:du\s+marche\s+)?(?:devra|doit|fournit|fournira|remet|remettra|produit|produira|transmet|transmettra)\b|\bau\s+titulaire\b|en\s+cours\s+d.execution|\bapres\s+chaque\b|\b(?:l.acheteur|le\s+pouvoir\s+adjudicateur|la\s+personne\s+publique|le\s+maitre\s+d.ouvrage|l.administration|l.etablissement)\s+(?:transmet|transmettra|fournit|fournira|remet|remettra|communique|communiquera|met\s+a\s+disposition|mettra\s+a\s+disposition)\b|\bpeuvent\s+demander\b.{0,80}\baupres\b")
        .expect("valid regex")
});
/// What a bid is: a sentence that asks a « fourniture » of a document names the bid, else it
/// may speak of the contract's deliverables (« la fourniture d'une notice d'utilisation »).
static OF_A_BID: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(
        r"\b(?:candidats?|candidatures?|soumissionnaires?|offres?|plis?|dossiers?|reglement)\b",
    )
    .expect("valid regex")
});
/// A piece asked only in some cases.
static CONDITIONAL: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"\ble\s+cas\s+echeant\b|\bfacultati|\bs.il\s+y\s+a\s+lieu\b").expect("valid regex")
});
/// The most words of a name.
const NAME_WORDS: usize = 10;

/// Why a piece read in prose is to confirm.
const DEMANDED: &str = "pièce que le texte dit demandée, lue dans sa prose, d'un type que le brouillon ne connaît pas : vérifier dans le RC qu'elle est exigée, pour quelle phase, et ses noms de fichier";

/// Draft one warning piece for each document the text says was asked.
pub fn detect(doc: &Doc, found: &mut Found) {
    let mut items: Vec<Item> = Vec::new();
    // Proof of the caps: a text names a few asked documents; past forty, the matches are
    // repetitions of the same clauses (a judgment quoting its RC again and again).
    let before = ASKED_BEFORE
        .captures_iter(doc.text)
        .take(40)
        .filter_map(|c| {
            let verb = c.get(1)?;
            Some((
                c.get(0)?,
                c.get(2)?,
                verb.as_str().eq_ignore_ascii_case("fourniture"),
            ))
        });
    let after = ASKED_AFTER
        .captures_iter(doc.text)
        .take(40)
        .filter_map(|c| Some((c.get(0)?, c.get(1)?, false)));
    for (all, what, supply) in before.chain(after) {
        let Some(item) = item(doc, all, what, supply) else {
            continue;
        };
        // The same document read by both forms (« l'attestation demandée », « la remise d'une
        // attestation de dépôt ») is one piece: the longer name is kept.
        let key = fold(&item.name);
        if let Some(other) = items.iter_mut().find(|o| {
            let k = fold(&o.name);
            k.contains(&key) || key.contains(&k)
        }) {
            if item.name.len() > other.name.len() {
                *other = item;
            }
            continue;
        }
        items.push(item);
    }
    push_all(doc, found, &items, DEMANDED);
}

/// The piece named by `what`, unless a known kind covers it, it is the winner's, the
/// contract's or the buyer's, or its sentence denies it was asked. `supply`: asked as a
/// « fourniture », which must name the bid to be a piece.
fn item(doc: &Doc, all: regex::Match, what: regex::Match, supply: bool) -> Option<Item> {
    let (s, e) = doc.sentence(all.start());
    let sentence = fold(&doc.text[s..e.max(all.end()).min(doc.text.len())]);
    if NOT_THE_BIDS.is_match(&sentence) || (supply && !OF_A_BID.is_match(&sentence)) {
        return None;
    }
    // The negation that bears on the document is close before it (« n'exigeait pas la
    // production d'… »), not in a clause of its own (« Les juges ne vont pas lui donner raison,
    // rappelant que … »).
    let near = super::sections::floor_boundary(doc.text, all.start().saturating_sub(50)).max(s);
    let before = fold(&doc.text[near..all.start()]);
    if super::pieces::names_a_known_kind(what.as_str())
        || super::pieces::deferred(&sentence)
        || NEGATED.is_match(&before)
    {
        return None;
    }
    let text = what.as_str();
    let skip = CAUGHT_BEFORE
        .captures(text)
        .and_then(|c| c.get(1))
        .map_or(0, |m| m.start());
    let (text, what_start) = (&text[skip..], what.start() + skip);
    let cut = NAME_END.find(text).map_or(text.len(), |m| m.start());
    // « … n'est pas exigée » after the name.
    let tail = doc
        .text
        .get(what_start + cut..e.max(all.end()))
        .unwrap_or("");
    if DENIED_AFTER.is_match(&fold(tail)) {
        return None;
    }
    let words: Vec<&str> = text[..cut].split_whitespace().take(NAME_WORDS).collect();
    let name = words.join(" ");
    if super::key_words(&name).len() < 2 {
        return None;
    }
    // A certificate of the candidate's qualification proves a capacity.
    let phases = if fold(&name).starts_with("certificat") {
        Some("[candidature]")
    } else {
        phase(doc, s, e)
    };
    Some(Item {
        at: what_start,
        name,
        quote: doc.sentence_quote(all.start()),
        phases,
        conditional: CONDITIONAL.is_match(&sentence),
    })
}

/// The phase a sentence speaks of: the offer or the candidature it names, else the one its
/// paragraph names more often; none when neither is named. The candidates « admis à présenter
/// une offre » are being selected: that is the candidature.
fn phase(doc: &Doc, s: usize, e: usize) -> Option<&'static str> {
    let of = |t: &str| {
        let t = fold(t);
        let selection = t.matches("presenter une offre").count();
        (
            // Every « présenter une offre » holds an « offre »: no underflow, saturating anyway.
            t.matches("offre").count().saturating_sub(selection),
            t.matches("candidature").count()
                + t.matches("selection des candidats").count()
                + selection,
        )
    };
    let (o, c) = of(&doc.text[s..e]);
    let (o, c) = if o + c > 0 {
        (o, c)
    } else {
        let from = super::sections::floor_boundary(doc.text, s.saturating_sub(400));
        let to = super::sections::floor_boundary(doc.text, (e + 400).min(doc.text.len()));
        of(&doc.text[from..to])
    };
    match (o, c) {
        (0, 0) => None,
        (o, c) if o >= c => Some("[offre]"),
        _ => Some("[candidature]"),
    }
}

#[cfg(test)]
mod tests {
    fn titles(text: &str) -> Vec<(String, Option<&'static str>)> {
        let found = crate::draft::detected(super::detect, text);
        found
            .rules
            .into_iter()
            .map(|r| (r.title, r.phases))
            .collect()
    }

    #[test]
    fn documents_a_sentence_says_were_asked_are_pieces_to_confirm() {
        assert_eq!(
            titles(
                "La livraison des échantillons devait se faire dans un bureau, avec la remise d’une attestation de dépôt. La société ne produisant qu’un bon de livraison (non l’attestation demandée), son offre a été déclarée irrégulière.\n"
            ),
            vec![("Offre : attestation de dépôt".to_string(), Some("[offre]"))]
        );
        assert_eq!(
            titles(
                "Le TA annule le rejet d’une offre au motif que les cinq notices requises (qualité architecturale, conception, calendrier) étaient présentes.\n"
            ),
            vec![("Offre : cinq notices".to_string(), Some("[offre]"))]
        );
        assert_eq!(
            titles(
                "Lors de la sélection des candidatures, le RC exigeait la production d'une note présentant la composition de l'équipe dédiée au projet.\n"
            ),
            vec![(
                "Candidature : note présentant la composition de l'équipe dédiée au projet"
                    .to_string(),
                Some("[candidature]")
            )]
        );
    }

    #[test]
    fn a_document_with_its_definite_article_required_by_the_rc() {
        assert_eq!(
            titles(
                "De simples photographies ne peuvent remplacer la note technique explicative exigée par le règlement de la consultation : l'offre doit être rejetée comme irrégulière.\n"
            ),
            vec![(
                "Offre : note technique explicative".to_string(),
                Some("[offre]")
            )]
        );
    }

    #[test]
    fn documents_denied_deferred_or_of_a_known_kind_are_not_drafted() {
        for text in [
            "Le RC n'exigeait pas la production d'une attestation de dépôt des échantillons.\n",
            "L'attributaire devra fournir une attestation de capacité financière avant notification.\n",
            "Le candidat doit fournir une attestation sur l'honneur de non-condamnation.\n",
            "Le candidat doit fournir les attestations demandées.\n",
            // Denied after the document.
            "Dans l'offre, la production d'une attestation de visite n'est pas exigée.\n",
            "Pour les candidatures, la remise d'une note méthodologique n'est plus demandée.\n",
            // The buyer's rights, the contract's execution, what the buyer gives.
            "L'acheteur se réserve le droit de demander une attestation de régularité aux candidats.\n",
            "Le titulaire devra fournir une fiche d'intervention après chaque passage.\n",
            "Le pouvoir adjudicateur fournira une étude de sol aux candidats pour préparer leur offre.\n",
            // A deliverable of the contract, not a piece of the bid.
            "Le marché comprend la fourniture d'une notice d'utilisation des équipements livrés.\n",
        ] {
            assert_eq!(titles(text), Vec::new(), "{text}");
        }
    }

    #[test]
    fn a_name_ends_at_the_next_clause_and_a_conditional_piece_says_so() {
        assert_eq!(
            titles(
                "Le RC exigeait dans l'offre une étude de sol demandée par le maître d'œuvre.\n"
            ),
            vec![("Offre : étude de sol".to_string(), Some("[offre]"))]
        );
        assert_eq!(
            titles(
                "Le règlement imposait pour l'offre la remise d'une étude acoustique du local et la production des plannings.\n"
            ),
            vec![(
                "Offre : étude acoustique du local".to_string(),
                Some("[offre]")
            )]
        );
        let found = crate::draft::detected(
            super::detect,
            "L'offre comprend, le cas échéant, la production d'une attestation de dépôt des échantillons.\n",
        );
        let doubts: Vec<String> = found.rules.into_iter().flat_map(|r| r.doubts).collect();
        assert!(
            doubts.iter().any(|d| d.contains("le cas échéant")),
            "{doubts:?}"
        );
    }

    #[test]
    fn a_denial_or_the_holder_elsewhere_in_the_sentence_keeps_the_piece() {
        assert_eq!(
            titles(
                "Pour l'offre, le candidat devra fournir une étude de dimensionnement du réseau que le titulaire mettra en place.\n"
            ),
            vec![(
                "Offre : étude de dimensionnement du réseau".to_string(),
                Some("[offre]")
            )]
        );
        assert_eq!(
            titles(
                "L'offre comprend la production d'une étude thermique des bâtiments, la visite n'étant pas obligatoire et le planning n'est pas exigé.\n"
            ),
            vec![(
                "Offre : étude thermique des bâtiments".to_string(),
                Some("[offre]")
            )]
        );
    }
}
