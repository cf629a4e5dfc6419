//! Whose document is it? Certificates, insurance attestations and sworn declarations are read
//! for the company they were issued to — its SIREN (alone or inside a SIRET, with or without
//! spaces) or its name — and for the body that issued them. A certificate attributed to one
//! member but issued to another company is not that member's certificate.

use std::sync::LazyLock;

use regex::Regex;

use crate::siret::{is_valid_siren, siren_of};
use crate::text::fold;

/// A company the document may name: its name and, when known, its SIRET or SIREN.
#[derive(Debug, Clone, Copy)]
pub struct Company<'a> {
    pub name: &'a str,
    pub siret: Option<&'a str>,
}

/// Who the document was issued to, as far as its text tells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Holder {
    /// The document names the expected company (by SIREN or by name).
    Expected,
    /// The document names another company as its holder (as written in the document).
    Other(String),
    /// No holder could be read with confidence: neither the expected company's name nor its
    /// SIREN appears; `cited` is the first SIREN the text does cite, if any.
    Unreadable { cited: Option<String> },
}

/// SIRENs written in the text: 9 digits (3-3-3) alone or followed by a 5-digit NIC, whose
/// check digit holds. Phone numbers and amounts rarely pass the Luhn check.
static SIREN: LazyLock<Regex> = LazyLock::new(|| {
    // A constant pattern: compiling it cannot fail.
    Regex::new(r"(?:^|[^0-9])([0-9]{3}) ?([0-9]{3}) ?([0-9]{3})(?: ?[0-9]{5})?(?:[^0-9]|$)")
        .expect("valid regex")
});

/// A labelled holder: « Titulaire : X », « Assuré : X », « Raison sociale : X »… The value is
/// the rest of the line, or the next line when the label ends its own.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    // A constant pattern: compiling it cannot fail.
    Regex::new(
        r"(?im)\b(?:titulaire(?: du certificat)?|raison sociale|d[ée]nomination(?: sociale)?|assur[ée]|souscripteur|(?:entreprise|soci[ée]t[ée]) certifi[ée]e|soci[ée]t[ée]|entreprise)\s*:[ \t]*([^\n]*)(?:\n\s*([^\n]+))?",
    )
    .expect("valid regex")
});

/// The company a signatory acts for: « agissant au nom et pour le compte de la société X ».
static ACTING: LazyLock<Regex> = LazyLock::new(|| {
    // A constant pattern: compiling it cannot fail.
    Regex::new(
        r"(?i)pour le compte de\s+(?:la soci[ée]t[ée]|l[’']entreprise|l[’']op[ée]rateur)?\s*([^,(;:.]{2,80})",
    )
    .expect("valid regex")
});

/// The issuing body: « Organisme certificateur : X », « X certifie que… ».
static ISSUER: LazyLock<Regex> = LazyLock::new(|| {
    // A constant pattern: compiling it cannot fail.
    Regex::new(
        r"(?m)(?:[Oo]rganisme (?:certificateur|de certification)\s*:\s*([^\n(,.;]+))|(?:^\s*([A-Z][^\n]{2,80}?) certifie que)",
    )
    .expect("valid regex")
});

/// Legal forms and filler words left out when names are compared: « Beta Cloud SA » and
/// « BETA CLOUD » are one name.
const FORMS: [&str; 14] = [
    "sas", "sasu", "sa", "sarl", "eurl", "sci", "scop", "scic", "se", "gie", "snc", "societe",
    "ste", "groupe",
];

/// Every valid SIREN the text cites.
pub fn sirens_in(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in SIREN.captures_iter(text) {
        let siren = format!("{}{}{}", &c[1], &c[2], &c[3]);
        if is_valid_siren(&siren) && !out.contains(&siren) {
            out.push(siren);
        }
    }
    out
}

/// The words of a company name that identify it: folded, without legal forms.
fn name_words(name: &str) -> Vec<String> {
    fold(name)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !FORMS.contains(w))
        .map(str::to_string)
        .collect()
}

/// Does the (folded, split) text contain the company's identifying words, in order and next
/// to each other?
fn names(words: &[String], text_words: &[&str]) -> bool {
    !words.is_empty()
        && text_words
            .windows(words.len())
            .any(|w| w.iter().zip(words).all(|(a, b)| a == b))
}

/// What a text cites that identifies companies: its words (folded) and its valid SIRENs,
/// computed once for every company it is compared with.
pub struct Mentions {
    words: Vec<String>,
    pub sirens: Vec<String>,
}

impl Mentions {
    pub fn of(text: &str) -> Mentions {
        Mentions {
            words: fold(text)
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect(),
            sirens: sirens_in(text),
        }
    }

    /// Does the text name `company`, by its SIREN or its name?
    pub fn names(&self, company: &Company) -> bool {
        let words: Vec<&str> = self.words.iter().map(String::as_str).collect();
        company
            .siret
            .is_some_and(|s| self.sirens.contains(&siren_of(s)))
            || names(&name_words(company.name), &words)
    }
}

/// Whose document `text` is: `expected`'s, another company's (one of `others`, or the one a
/// label names), or unreadable.
pub fn holder_of(text: &str, expected: Company, others: &[Company]) -> Holder {
    let mentions = Mentions::of(text);
    if mentions.names(&expected) {
        return Holder::Expected;
    }
    if let Some(label) = labelled(text) {
        return Holder::Other(label);
    }
    if let Some(o) = others.iter().find(|o| mentions.names(o)) {
        return Holder::Other(o.name.to_string());
    }
    Holder::Unreadable {
        cited: mentions.sirens.first().cloned(),
    }
}

/// The holder a label names, as written in the document.
fn labelled(text: &str) -> Option<String> {
    let m = match LABEL.captures(text) {
        Some(c) => c
            .get(1)
            .filter(|m| !m.as_str().trim().is_empty())
            .or_else(|| c.get(2))?,
        None => ACTING.captures(text)?.get(1)?,
    };
    // A bulleted line keeps its bullet in the extracted text: « • Omega SAS, 8 place… ».
    let value = m
        .as_str()
        .trim_start_matches(['•', '-', '–', '*', ' ', '\t']);
    let value = value.split([',', ';']).next().unwrap_or(value);
    // Extracted text breaks lines anywhere: « Omega\nHébergement SAS ».
    let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
    (value.chars().count() >= 2).then(|| value.chars().take(80).collect())
}

/// The body that issued the document, when it says so.
pub fn issuer(text: &str) -> Option<String> {
    let c = ISSUER.captures(text)?;
    let m = c.get(1).or_else(|| c.get(2))?;
    let name = m.as_str().trim();
    (!name.is_empty()).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const BETA: Company = Company {
        name: "Beta Cloud SA",
        siret: Some("98765432400035"),
    };
    const ALPHA: Company = Company {
        name: "Alpha Numérique SAS",
        siret: Some("12345678200010"),
    };

    #[test]
    fn the_member_is_found_by_siren_with_spaces_or_by_name() {
        let t = "certifie que la société :\nOmega, SIRET 987 654 324 00035, 4 rue";
        assert_eq!(holder_of(t, BETA, &[]), Holder::Expected);
        let t = "L'assureur atteste que BETA CLOUD est titulaire du contrat.";
        assert_eq!(holder_of(t, BETA, &[]), Holder::Expected);
    }

    #[test]
    fn another_company_is_named_as_written() {
        let t = "Certificat HDS\nTitulaire : Omega Hébergement SAS, 1 rue X\nvalable";
        assert_eq!(
            holder_of(t, BETA, &[ALPHA]),
            Holder::Other("Omega Hébergement SAS".to_string())
        );
        let t = "Assuré :\n\n• Gamma Services SARL, 2 rue\nContrat n° 12";
        assert_eq!(
            holder_of(t, BETA, &[]),
            Holder::Other("Gamma Services SARL".to_string())
        );
        // Another member's certificate attributed to Beta.
        let t = "certifie que Alpha Numérique SAS (SIRET 123 456 782 00010) est conforme";
        assert_eq!(
            holder_of(t, BETA, &[ALPHA]),
            Holder::Other("Alpha Numérique SAS".to_string())
        );
    }

    #[test]
    fn a_declaration_names_the_company_its_signatory_acts_for() {
        let t = "Je soussigné(e), Nadia Benali, agissant au nom et pour le compte de la société Omega Hébergement SAS (SIRET 444 555 668 00011), déclare";
        assert_eq!(
            holder_of(t, BETA, &[ALPHA]),
            Holder::Other("Omega Hébergement SAS".to_string())
        );
    }

    #[test]
    fn a_document_naming_nobody_is_unreadable_not_the_member() {
        let t = "Attestation d'assurance valable du 01/01/2026 au 31/12/2026. RCS 722 057 460";
        match holder_of(t, BETA, &[ALPHA]) {
            Holder::Unreadable { cited } => assert_eq!(cited.as_deref(), Some("722057460")),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_name_is_matched_on_whole_words() {
        // « Beta » inside « Betacloudy » is not Beta Cloud.
        let t = "Titulaire: Betacloudy Ltd";
        assert_eq!(
            holder_of(t, BETA, &[]),
            Holder::Other("Betacloudy Ltd".to_string())
        );
    }

    #[test]
    fn the_issuer_is_read() {
        let t = "Organisme certificateur : Certification Santé Numérique (accrédité COFRAC).";
        assert_eq!(issuer(t).as_deref(), Some("Certification Santé Numérique"));
        let t = "Bureau Veritas Certification certifie que le système de management";
        assert_eq!(issuer(t).as_deref(), Some("Bureau Veritas Certification"));
        assert_eq!(issuer("rien"), None);
    }
}
