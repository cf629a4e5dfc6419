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
        r"(?i)\b(?:remise|production|fourniture|demander|exiger|produire|fournir)\s+(?:d['’]une?|un|une|les|des|du|de\s+la)\s+({DOCUMENT}\b[^.;:\n]{{0,100}})"
    ))
    .expect("valid regex")
});
/// « les cinq notices requises », « une annexe … qui était demandée »: the document before the
/// word that says it was asked.
static ASKED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(&format!(
        r"(?i)\b(?:les|des|un|une|la|le|d['’]une?|l['’])\s*((?:\w+\s+){{0,2}}?{DOCUMENT}\b[^.;:\n]{{0,80}}?)\s(?:qui\s+(?:était|étaient|est|sont)\s+)?(?:requis(?:es?)?|exig[ée]e?s?|demand[ée]e?s?)\b"
    ))
    .expect("valid regex")
});
/// Where a document's name ends: a precision, a verb, a condition of form.
static NAME_END: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"(?i)[,;(]|\s(?:qui|que|est|sont|était|étaient|et\s+à|en\s+cours|bien|dans\s+un|dans\s+le|sans|ainsi\s+que|au\s+motif|requis\w*|exig\w*|demand\w*)\b").expect("valid regex")
});
/// A sentence that says the document was not asked, or need not be.
static NEGATED: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"\bn['’]?\s*(?:\w+\s+){0,3}?(?:pas|plus|jamais)\b|\baucune?\b|\bsans\s+exiger\b")
        .expect("valid regex")
});
/// The most words of a name.
const NAME_WORDS: usize = 10;

/// Why a piece read in prose is to confirm.
const DEMANDED: &str = "pièce que le texte dit demandée, lue dans sa prose, d'un type que le brouillon ne connaît pas : vérifier dans le RC qu'elle est exigée, pour quelle phase, et ses noms de fichier";

/// Draft one warning piece for each document the text says was asked.
pub fn detect(doc: &Doc, found: &mut Found) {
    let mut items: Vec<Item> = Vec::new();
    let asked = ASKED_BEFORE
        .captures_iter(doc.text)
        .chain(ASKED_AFTER.captures_iter(doc.text))
        .take(40);
    for c in asked {
        let (Some(all), Some(what)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let Some(item) = item(doc, all, what) else {
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

/// The piece named by `what`, unless a known kind covers it, it is the winner's, or its
/// sentence denies it was asked.
fn item(doc: &Doc, all: regex::Match, what: regex::Match) -> Option<Item> {
    let (s, e) = doc.sentence(all.start());
    let sentence = fold(&doc.text[s..e.max(all.end()).min(doc.text.len())]);
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
    let cut = NAME_END.find(text).map_or(text.len(), |m| m.start());
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
        at: what.start(),
        name,
        quote: doc.sentence_quote(all.start()),
        phases,
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
            t.matches("offre").count() - selection,
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
        ] {
            assert_eq!(titles(text), Vec::new(), "{text}");
        }
    }
}
