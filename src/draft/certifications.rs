//! Certifications and qualifications (HDS with its activities, SecNumCloud, ISO 27001, Qualibat, Qualiopi, OPQIBI, FNTP, Qualifelec, APSAD, MASE, OPQTECC, Qualipaysage) with the piece that carries the certificate and the
//! phase it is due in, and the hosting territory (Union européenne, France métropolitaine).

use std::sync::LazyLock;

use regex::Regex;

use super::sections::Doc;
use super::{Found, Rule};

static HDS: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"(?i)\bHDS\b|h[ée]bergeurs?\s+de\s+donn[ée]es\s+de\s+sant[ée]")
        .expect("valid regex")
});
/// A certification scheme other than HDS: how the text names it, its scheme name in the pack,
/// how its certificate's file is recognised.
struct Scheme {
    topic: &'static str,
    scheme: &'static str,
    pattern: &'static str,
    names: &'static [&'static str],
}

const SCHEMES: &[Scheme] = &[
    Scheme {
        topic: "SECNUMCLOUD",
        scheme: "SecNumCloud",
        pattern: r"(?i)\bSecNumCloud\b",
        names: &["secnum", "(^|[_ .-])snc([_ .-]|$)"],
    },
    Scheme {
        // « ISO 27001 », « ISO/IEC 27001 », « NF EN ISO/CEI 27 001 ».
        topic: "ISO27001",
        scheme: "ISO27001",
        pattern: r"(?i)\bISO\s*(?:/\s*(?:IEC|CEI)\s*)?27\s?001\b",
        names: &["iso[_ .-]*27001", "27001"],
    },
    Scheme {
        topic: "QUALIBAT",
        scheme: "Qualibat",
        pattern: r"(?i)\bQualibat\b",
        names: &["qualibat"],
    },
    Scheme {
        topic: "QUALIOPI",
        scheme: "Qualiopi",
        pattern: r"(?i)\bQualiopi\b",
        names: &["qualiopi"],
    },
    Scheme {
        topic: "OPQIBI",
        scheme: "OPQIBI",
        pattern: r"(?i)\bOPQIBI\b",
        names: &["opqibi"],
    },
    Scheme {
        // The FNTP's professional identification of public-works firms (« certification
        // FNTP », « identification professionnelle FNTP »).
        topic: "FNTP",
        scheme: "FNTP",
        pattern: r"(?i)\b(?:certifications?|qualifications?|identification\s+professionnelle)\s+(?:\S+\s+){0,3}?FNTP\b|F[ée]d[ée]ration\s+Nationale\s+des\s+Travaux\s+Publics",
        names: &["fntp"],
    },
    Scheme {
        topic: "QUALIFELEC",
        scheme: "Qualifelec",
        pattern: r"(?i)\bQualifelec\b",
        names: &["qualifelec"],
    },
    Scheme {
        // Fire-safety installers' certification (CNPP).
        topic: "APSAD",
        scheme: "APSAD",
        pattern: r"(?i)\bAPSAD\b",
        names: &["apsad"],
    },
    Scheme {
        topic: "MASE",
        scheme: "MASE",
        pattern: r"\bMASE\b",
        names: &["(^|[_ .-])mase([_ .-]|$)"],
    },
    Scheme {
        topic: "OPQTECC",
        scheme: "OPQTECC",
        pattern: r"(?i)\bOPQTECC\b",
        names: &["opqtecc"],
    },
    Scheme {
        // The European eco-management and audit scheme (« Système de management
        // environnemental et d'audit (EMAS) »).
        topic: "EMAS",
        scheme: "EMAS",
        pattern: r"\bEMAS\b",
        names: &["(^|[_ .-])emas([_ .-]|$)"],
    },
    Scheme {
        topic: "QUALIPAYSAGE",
        scheme: "Qualipaysage",
        pattern: r"(?i)\bQualipaysage\b",
        names: &["qualipaysage"],
    },
];

static SCHEME_PATTERNS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    SCHEMES
        .iter()
        // Proof: constant patterns, each exercised by the tests below.
        .map(|s| Regex::new(s.pattern).expect("valid regex"))
        .collect()
});
/// A certificate asked in the offer (« une offre ne comportant pas le certificat », « le
/// certificat … joint à l'offre »), not in the candidature.
static IN_OFFER: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"(?i)\boffres?\s+(?:ne\s+comportant\s+pas|comportant|contenant|accompagn[ée]e?s?\s+d)[^.;]{0,40}\bcertifica|\bcertifica[^.;]{0,80}\b(?:joint|fourni|produit|inclus)e?s?\s+(?:à|dans|avec)\s+(?:l['’]|son\s+|leur\s+)offre")
        .expect("valid regex")
});
/// A requirement, in a folded sentence: « exigé(e) », « exige », « requis », « doit »,
/// « joindre », « fournir », « produire » (not the noun « exigence »).
static DEMAND: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"\bexig(?:e|es|ent|ee|ees|eait|eaient)\b|\brequise?s?\b|\bimpos|\bdoi(?:t|vent)\b|\bdevra|\bjoin(?:dre|t)\b|\bfourni|\bprodui(?:re|sent|t)\b")
        .expect("valid regex")
});
static ACTIVITIES: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"(?i)(six|6)\s+activit[ée]s|activit[ée]s?\s+(\d)(?:\s*(?:à|-)\s*(\d))?")
        .expect("valid regex")
});
static EU: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"(?i)(?:territoire\s+de\s+l['’](?:UE|Union\s+europ[ée]enne)|Union\s+europ[ée]enne|\bhors\s+UE\b|\bl['’]UE\b)").expect("valid regex")
});
static METRO: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"(?i)France\s+m[ée]tropolitaine").expect("valid regex")
});
static HOSTING_WORD: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"(?i)datacenters?|centres?\s+de\s+donn[ée]es|h[ée]berg[ée]e?s|h[ée]bergement\s+des\s+donn[ée]es").expect("valid regex")
});
static ADMIN_WORD: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"(?i)\badministration\b|\badministr[ée]e?s?\b").expect("valid regex")
});
static REQUIRE: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"(?i)joindre|joint|transmettre|fournir|produit|remet").expect("valid regex")
});

const HDS_NAMES: &[&str] = &[r"(^|[_ .-])hds[0-9]*([_ .-]|$)", r"certifi[a-z]*[_ .-]*hds"];

pub fn detect(doc: &Doc, found: &mut Found) {
    hds(doc, found);
    for (scheme, re) in SCHEMES.iter().zip(SCHEME_PATTERNS.iter()) {
        other(doc, found, re, scheme);
    }
    hosting(doc, found);
}

/// The sentences naming a scheme, folded, where they start; a heading that names it (« …
/// exigence de certificat OPQIBI » above the text) only when no sentence does.
fn sentences_of(doc: &Doc, re: &Regex) -> Vec<(usize, String)> {
    let all = clauses_of(doc, re);
    if all.iter().any(|(at, _)| !doc.on_heading(*at)) {
        all.into_iter()
            .filter(|(at, _)| !doc.on_heading(*at))
            .collect()
    } else {
        all
    }
}

/// The sentences naming a scheme, but those that say it is not required (« le certificat HDS
/// n'est pas exigé au stade de la candidature »): they require nothing, and the draft's notes
/// say so, so that the missing rule is read as a reading, not an oversight.
fn required_sentences(
    doc: &Doc,
    found: &mut Found,
    re: &Regex,
    scheme: &str,
) -> Vec<(usize, String)> {
    let (denied, required): (Vec<_>, Vec<_>) = sentences_of(doc, re)
        .into_iter()
        .partition(|(_, s)| super::denies(s));
    if let Some((at, _)) = denied.first() {
        found.notes.push(format!(
            "{} : {scheme} dit non exigé au dépôt : pas de règle (à vérifier).",
            doc.section(*at)
        ));
    }
    required
}

fn clauses_of(doc: &Doc, re: &Regex) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut last_end = 0;
    for m in re.find_iter(doc.text).take(60) {
        if m.start() < last_end {
            continue;
        }
        let (s, e) = doc.sentence(m.start());
        last_end = e;
        // A heading (« 6.1 — Certification HDS ») is not a clause.
        if e - s >= 60 {
            out.push((m.start(), crate::text::fold(&doc.text[s..e])));
        }
    }
    out
}

/// HDS: the certificate of the hosting member, and the certification itself, valid at the
/// deadline for the activities the text names.
fn hds(doc: &Doc, found: &mut Found) {
    let all = required_sentences(doc, found, &HDS, "HDS");
    let Some(requirement) = HdsRequirement::read(doc, &all) else {
        return;
    };
    let piece = push_hds_certificate(doc, found, &requirement);
    push_hds_certification(doc, found, &requirement, &piece);
}

/// What the text says of the HDS certification.
struct HdsRequirement {
    /// The clause that requires the certification.
    required_at: usize,
    /// The clause that asks for the certificate (the requiring one when none does).
    certificate_at: usize,
    certificate_quote: String,
    /// The certificate may come after the deposit: its absence is no rejection.
    later: bool,
    /// The bids the rules apply to, when the requirement is a lot's.
    when: Option<String>,
    activities: Option<Vec<u8>>,
}

impl HdsRequirement {
    /// What the sentences that require HDS (`all`) say of it.
    fn read(doc: &Doc, all: &[(usize, String)]) -> Option<HdsRequirement> {
        let (required_at, required) = all.iter().find(|(_, s)| {
            s.contains("certifi") && (s.contains("obligatoire") || !s.contains("optionnel"))
        })?;
        // « justifier la détention et/ou s'engager à obtenir avant le démarrage des
        // prestations »: the certificate may come after the deposit.
        let later = [
            "s'engager a obtenir",
            "avant le demarrage",
            "attributaire",
            "avant la notification",
        ]
        .iter()
        .any(|w| required.contains(w));
        let certificate_at = all
            .iter()
            .find(|(_, s)| s.contains("certifi") && REQUIRE.is_match(s))
            .map_or(*required_at, |(a, _)| *a);
        let certificate_quote = doc.sentence_quote(certificate_at);
        // « Le candidat au lot 1 joint … le certificat HDS »: the rules apply to that lot's bids.
        let when = super::lot_condition(&certificate_quote)
            .or_else(|| super::lot_condition(&doc.sentence_quote(*required_at)));
        Some(HdsRequirement {
            required_at: *required_at,
            certificate_at,
            certificate_quote,
            later,
            when,
            activities: all.iter().find_map(|(_, s)| activities(s)),
        })
    }

    fn severity(&self) -> &'static str {
        if self.later { "warning" } else { "error" }
    }
}

/// The piece rule of the HDS certificate, in the hosting member's folder; its id.
fn push_hds_certificate(doc: &Doc, found: &mut Found, requirement: &HdsRequirement) -> String {
    let piece = found.id("CAND-HDS");
    let quote = requirement.certificate_quote.clone();
    let lot_doubt = requirement.when.is_none() && crate::text::fold(&quote).contains("lot ");
    found.push(Rule {
        when: requirement.when.clone(),
        id: piece.clone(),
        family: "certifications",
        title: "Certificat HDS de l'hébergeur".to_string(),
        severity: requirement.severity(),
        phases: Some("[candidature]"),
        section: doc.section(requirement.certificate_at),
        quote,
        help: "Joindre le certificat HDS en cours de validité, dans le dossier du membre qui héberge les données (`hosting: true` dans le bid.yaml).".to_string(),
        check: vec![
            "kind: piece".into(),
            "label: \"certificat HDS\"".into(),
            "per: member".into(),
            "members: { hosting: true }".into(),
            "names:".into(),
            format!("  - {}", super::render::single(HDS_NAMES[0])),
            format!("  - {}", super::render::single(HDS_NAMES[1])),
            "formats: [pdf, png, jpeg]".into(),
            "content:".into(),
            "  - 'hebergeur de donnees de sante|certificat.{0,40}\\bhds\\b'".into(),
        ],
        doubts: [
            lot_doubt.then(|| "exigence propre à un lot : ajouter `when: { lots_any: [...] }`".to_string()),
            requirement.later.then(|| "certification qui peut être obtenue après le dépôt : avertissement seulement".to_string()),
        ]
        .into_iter()
        .flatten()
        .collect(),
    });
    piece
}

/// The certification rule: the hosting member is certified HDS at the deadline, as its
/// certificate (the piece `piece`) says.
fn push_hds_certification(doc: &Doc, found: &mut Found, requirement: &HdsRequirement, piece: &str) {
    let mut check = vec![
        "kind: certification".to_string(),
        "scheme: HDS".to_string(),
        "members: { hosting: true }".to_string(),
        "valid_on_deadline: true".to_string(),
        format!("document: {piece}"),
        // The certificate itself says its activities and its end of validity: read them.
        "verify_document: true".to_string(),
    ];
    if let Some(a) = &requirement.activities {
        check.push(format!(
            "activities: [{}]",
            a.iter().map(u8::to_string).collect::<Vec<_>>().join(", ")
        ));
    }
    let id = found.id("HDS");
    found.push(Rule {
        when: requirement.when.clone(),
        id,
        family: "certifications",
        title: "L'hébergeur est certifié HDS, certificat valable à la date limite".to_string(),
        severity: requirement.severity(),
        phases: Some("[candidature]"),
        section: doc.section(requirement.required_at),
        quote: doc.sentence_quote(requirement.required_at),
        help: "Déclarer la certification HDS du membre hébergeur dans le bid.yaml (`certifications:` avec `valid_until` et les activités).".to_string(),
        check,
        doubts: if requirement.activities.is_none() {
            vec!["activités HDS non précisées par le texte".to_string()]
        } else {
            Vec::new()
        },
    });
}

fn activities(folded: &str) -> Option<Vec<u8>> {
    let c = ACTIVITIES.captures(folded)?;
    if c.get(1).is_some() {
        return Some((1..=6).collect());
    }
    let a: u8 = c.get(2)?.as_str().parse().ok()?;
    let b: u8 = c.get(3).and_then(|m| m.as_str().parse().ok()).unwrap_or(a);
    (1..=6).contains(&a).then(|| (a..=b.min(6)).collect())
}

/// Another certification (SecNumCloud, ISO, Qualibat, Qualiopi): the certificate and the
/// certification, unless the text makes it optional.
fn other(doc: &Doc, found: &mut Found, re: &Regex, def: &Scheme) {
    let (topic, scheme, names) = (def.topic, def.scheme, def.names);
    let all = required_sentences(doc, found, re, scheme);
    // The sentence that requires it (« exigée par le règlement », « les candidats
    // produisent ») rather than the first that names it.
    let Some((at, s)) = all
        .iter()
        .find(|(_, s)| DEMAND.is_match(s))
        .or_else(|| all.first())
    else {
        return;
    };
    if is_optional(s) {
        found.notes.push(format!(
            "{} : {scheme} cité comme optionnel : pas de règle (à vérifier).",
            doc.section(*at)
        ));
        return;
    }
    let piece = found.id(&format!("CAND-{topic}"));
    let hosting = scheme == "SecNumCloud";
    let quote = doc.sentence_quote(*at);
    // « Pour le lot 2 : … Qualibat 1312 »: the bids for that lot.
    let when = super::lot_condition(&quote);
    let (severity, doubts) = severity_of(s);
    let phases = Some(phase_of(doc, s));
    found.push(Rule {
        when: when.clone(),
        id: piece.clone(),
        family: "certifications",
        title: format!("Certificat {scheme}"),
        severity,
        phases,
        section: doc.section(*at),
        quote: quote.clone(),
        help: format!("Joindre le certificat {scheme} en cours de validité."),
        check: certificate_check(scheme, hosting, names),
        doubts: doubts.clone(),
    });
    let mut check = vec![
        "kind: certification".to_string(),
        format!("scheme: {scheme}"),
    ];
    if hosting {
        check.push("members: { hosting: true }".into());
    }
    check.push(format!("document: {piece}"));
    let id = found.id(topic);
    found.push(Rule {
        when,
        id,
        family: "certifications",
        title: format!("Certification {scheme} détenue"),
        severity,
        phases,
        section: doc.section(*at),
        quote,
        help: format!("Déclarer la certification {scheme} dans le bid.yaml (`certifications:`)."),
        check,
        doubts,
    });
}

/// A scheme's severity and doubts from its folded sentence: a warning when « ou équivalent »
/// admits another proof or when no word of the sentence asks for it.
fn severity_of(s: &str) -> (&'static str, Vec<String>) {
    let mut doubts =
        vec!["qui doit détenir la certification ? vérifier le filtre des membres".to_string()];
    // « ou équivalent », « ou tout moyen de preuve équivalent », « ISO 14001 ou EMAS »: another
    // proof is admitted, the certificate's absence is no rejection.
    static OR_ANOTHER: LazyLock<Regex> = LazyLock::new(|| {
        // Proof: a constant pattern.
        Regex::new(r"\bou\s+(?:equivalente?s?\b|(?:tout|toute|tous|toutes)\s+[^.;]{0,80}?\b(?:equivalente?s?|reconnue?s?)\b|(?:(?:son|sa|le|la|un|une)\s+)?(?:certificat\w*\s+|certification\s+|enregistrement\s+|qualification\s+)?(?:iso|emas|qualibat|qualifelec|opqibi|qualiopi|mase|apsad|opqtecc|qualipaysage|fntp|secnumcloud|hds)\b)|moyens?\s+de\s+preuve\s+equivalente?s?")
            .expect("valid regex")
    });
    let equivalent = OR_ANOTHER.is_match(s);
    if equivalent {
        doubts.push(
            "« ou équivalent » : une preuve équivalente ou une autre certification est admise (avertissement seulement)"
                .to_string(),
        );
    }
    // A scheme named in no sentence that asks for it (« entreprise certifiée … » in a
    // description) is a doubt, not a rejection.
    let demanded = DEMAND.is_match(s);
    if !demanded {
        doubts.push(
            "certification citée sans exigence explicite : vérifier qu'elle est demandée (avertissement seulement)"
                .to_string(),
        );
    }
    let severity = if equivalent || !demanded {
        "warning"
    } else {
        "error"
    };
    (severity, doubts)
}

/// The phase a certificate is due in: the candidature, unless the text asks for it in the
/// offer (and the certification's own sentence does not name the candidature).
fn phase_of(doc: &Doc, folded_sentence: &str) -> &'static str {
    if !folded_sentence.contains("candidature") && IN_OFFER.is_match(doc.text) {
        "[offre]"
    } else {
        "[candidature]"
    }
}

/// Optional, wished for, or valued by an award criterion: not a condition of the bid.
fn is_optional(folded_sentence: &str) -> bool {
    [
        "optionnel",
        "non obligatoire",
        "le cas echeant",
        "si detenu",
        "souhait",
        "valoris",
        "critere",
        "apprecie",
    ]
    .iter()
    .any(|w| folded_sentence.contains(w))
}

/// The piece check of a certificate: per member (the hosting one for a hosting scheme),
/// recognised by its names, a PDF or a scan.
fn certificate_check(scheme: &str, hosting: bool, names: &[&str]) -> Vec<String> {
    let mut check = vec![
        "kind: piece".to_string(),
        format!("label: \"certificat {scheme}\""),
        "per: member".to_string(),
    ];
    if hosting {
        check.push("members: { hosting: true }".into());
    }
    check.push("names:".into());
    check.extend(
        names
            .iter()
            .map(|n| format!("  - {}", super::render::single(n))),
    );
    check.push("formats: [pdf, png, jpeg]".into());
    check
}

fn hosting(doc: &Doc, found: &mut Found) {
    // Each sentence naming a territory is read on its own: an RC may say « France
    // métropolitaine » about the buyers and « l'UE » about the datacenters.
    let mut at: Vec<(usize, &str)> = EU
        .find_iter(doc.text)
        .take(80)
        .map(|m| (m.start(), "EU"))
        .chain(
            METRO
                .find_iter(doc.text)
                .take(80)
                .map(|m| (m.start(), "FR-METRO")),
        )
        .collect();
    at.sort_unstable();
    let mut datacenters = false;
    let mut admin = false;
    let mut last_end = 0;
    for (start, territory) in at {
        if start < last_end || (datacenters && admin) {
            continue;
        }
        let (s, e) = doc.sentence(start);
        last_end = e;
        let sentence = &doc.text[s..e];
        let (label, suffix) = if territory == "EU" {
            ("l'Union européenne", "UE")
        } else {
            ("France métropolitaine", "FR")
        };
        if HOSTING_WORD.is_match(sentence) && !datacenters {
            datacenters = true;
            let id = found.id(&format!("HEBERGEMENT-{suffix}"));
            found.push(Rule {
                when: None,
                id,
                family: "hébergement",
                title: format!("Données hébergées dans {label}"),
                severity: "error",
                phases: None,
                section: doc.section(start),
                quote: doc.sentence_quote(start),
                help: format!(
                    "Déclarer dans `hosting.datacenters` du bid.yaml des centres de données situés dans {label}."
                ),
                check: vec!["kind: hosting".into(), format!("territory: {territory}")],
                doubts: Vec::new(),
            });
        } else if ADMIN_WORD.is_match(sentence) && !admin {
            admin = true;
            let id = found.id(&format!("ADMIN-{suffix}"));
            found.push(Rule {
                when: None,
                id,
                family: "hébergement",
                title: format!("Hébergement administré depuis {label}"),
                severity: "error",
                phases: None,
                section: doc.section(start),
                quote: doc.sentence_quote(start),
                help: format!(
                    "Déclarer dans `hosting.administration` du bid.yaml des pays de {label}."
                ),
                check: vec![
                    "kind: hosting".into(),
                    format!("territory: {territory}"),
                    "datacenters: false".into(),
                    "administration: true".into(),
                ],
                doubts: Vec::new(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(text: &str) -> Vec<(String, &'static str, Option<String>)> {
        let found = crate::draft::detected(detect, text);
        found
            .rules
            .into_iter()
            .map(|r| (r.id, r.severity, r.when))
            .collect()
    }

    #[test]
    fn fntp_qualifications_with_their_equivalents_are_warnings() {
        for text in [
            "Il est demandé les certificats du candidat. Qualifications professionnelles FNTP ou équivalents : 1111, 2311.\n",
            "il s'agit pour la Nomenclature des Travaux Publics établie par la Fédération Nationale des Travaux Publics (ou équivalente) des qualifications suivantes :\n",
        ] {
            assert_eq!(
                rules(text),
                vec![
                    ("T-CAND-FNTP".to_string(), "warning", None),
                    ("T-FNTP".to_string(), "warning", None)
                ],
                "{text}"
            );
        }
    }

    #[test]
    fn a_certification_said_not_required_drafts_nothing_and_says_so() {
        let text = "ARTICLE 3 - CANDIDATURES\nLe certificat HDS n'est pas exigé au stade de la candidature ; il sera demandé à l'attributaire avant notification.\nLa certification ISO 27001 du candidat ou de ses sous-traitants est facultative.\n";
        let found = crate::draft::detected(detect, text);
        assert!(found.rules.is_empty(), "{:?}", found.rules);
        assert_eq!(
            found.notes,
            vec![
                "Article 3 : HDS dit non exigé au dépôt : pas de règle (à vérifier).".to_string(),
                "Article 3 : ISO27001 dit non exigé au dépôt : pas de règle (à vérifier)."
                    .to_string(),
            ]
        );
        // The same RC asking for it drafts the rules.
        let asked = rules(
            "ARTICLE 3 - CANDIDATURES\nLe candidat joint à sa candidature le certificat HDS en cours de validité de l'hébergeur.\n",
        );
        assert_eq!(
            asked,
            vec![
                ("T-CAND-HDS".to_string(), "error", None),
                ("T-HDS".to_string(), "error", None)
            ]
        );
    }

    #[test]
    fn certifications_with_their_lot_and_their_equivalents() {
        let r = rules(
            "Pour le lot 2, le candidat fournit le certificat de qualification Qualibat 1312 ou équivalent.\n",
        );
        assert_eq!(
            r,
            [
                (
                    "T-CAND-QUALIBAT".to_string(),
                    "warning",
                    Some("{ lots_any: [2] }".to_string())
                ),
                (
                    "T-QUALIBAT".to_string(),
                    "warning",
                    Some("{ lots_any: [2] }".to_string())
                ),
            ]
        );
        let r = rules(
            "Le candidat fournit son certificat NF EN ISO/CEI 27 001 en cours de validité.\n",
        );
        assert_eq!(r.len(), 2);
        assert_eq!(r[1], ("T-ISO27001".to_string(), "error", None));
        let r = rules(
            "L'organisme de formation joint à sa candidature sa certification Qualiopi en cours de validité.\n",
        );
        assert_eq!(r[1].0, "T-QUALIOPI");
        // An HDS certificate that may be obtained before the start of the services: no rejection.
        let r = rules(
            "Le candidat devra justifier la détention et/ou s'engager à obtenir avant le démarrage des prestations une certification HDS pour l'activité 5.\n",
        );
        assert_eq!(r.len(), 2);
        assert!(
            r.iter().all(|(_, severity, _)| *severity == "warning"),
            "{r:?}"
        );
        // Wished for, or valued by a criterion: no rule.
        assert!(
            rules("Une certification ISO 27001 du candidat est souhaitée et sera valorisée.\n")
                .is_empty()
        );
    }

    /// (id, phases) of the rules drafted from a text.
    fn phases(text: &str) -> Vec<(String, Option<&'static str>)> {
        let found = crate::draft::detected(detect, text);
        found.rules.into_iter().map(|r| (r.id, r.phases)).collect()
    }

    #[test]
    fn qualifications_of_engineering_and_electricity_in_the_phase_that_asks_for_them() {
        // Asked in the offer: both rules apply to the offer.
        let r = phases(
            "Une offre ne comportant pas le certificat de qualification technique requis par le règlement de consultation est irrégulière. L'attributaire ne disposait pas du certificat de qualification OPQIBI 0902 exigé par le règlement de consultation.\n",
        );
        assert_eq!(
            r,
            [
                ("T-CAND-OPQIBI".to_string(), Some("[offre]")),
                ("T-OPQIBI".to_string(), Some("[offre]")),
            ]
        );
        // The certification's own sentence names the candidature: the candidature, whatever
        // the offer says elsewhere.
        let r = phases(
            "Le certificat est joint à l'offre. Un candidat a été écarté au stade de la candidature faute de la qualification « Qualibat 2194 » exigée par le règlement.\n",
        );
        assert!(r.iter().all(|(_, p)| *p == Some("[candidature]")), "{r:?}");
        // The sentence that requires the qualification is quoted, not the first that names it.
        let found = crate::draft::detected(
            detect,
            "À propos de l’exigence d‘une qualification « qualibat », le juge a validé la décision écartant une candidature. Le candidat ne disposait pas de la qualification « Qualibat 2194 » exigée par le règlement de la consultation.\n",
        );
        assert!(found.rules[0].quote.starts_with("Le candidat ne disposait"));
        let r = rules(
            "Pour le lot 3, le candidat joint à sa candidature son certificat Qualifelec en cours de validité.\n",
        );
        assert_eq!(
            r[1],
            (
                "T-QUALIFELEC".to_string(),
                "error",
                Some("{ lots_any: [3] }".to_string())
            )
        );
    }

    #[test]
    fn trade_schemes_and_a_scheme_named_without_a_requirement() {
        for (text, scheme) in [
            (
                "Le candidat doit fournir ses qualifications APSAD de mise en service des installations.\n",
                "APSAD",
            ),
            (
                "Le candidat joint à sa candidature son certificat MASE en cours de validité.\n",
                "MASE",
            ),
            (
                "Les candidats doivent produire la qualification OPQTECC de leur économiste de la construction.\n",
                "OPQTECC",
            ),
            (
                "Le candidat doit détenir la qualification Qualipaysage pour les travaux d'espaces verts.\n",
                "QUALIPAYSAGE",
            ),
            (
                "Le candidat doit fournir son certificat d'enregistrement EMAS en cours de validité.\n",
                "EMAS",
            ),
        ] {
            let got = rules(text);
            assert_eq!(got.len(), 2, "{text}: {got:?}");
            assert_eq!(got[1].0, format!("T-{scheme}"), "{text}");
            assert_eq!(got[1].1, "error", "{text}");
        }
        // One scheme or another, or any equivalent proof: a warning.
        for text in [
            "Le candidat doit fournir son certificat ISO 14001 ou son certificat EMAS en cours de validité.\n",
            "Le candidat doit fournir son certificat EMAS ou tout moyen de preuve équivalent.\n",
        ] {
            let got = rules(text);
            assert!(
                got.iter().any(|r| r.0 == "T-EMAS" && r.1 == "warning"),
                "{text}: {got:?}"
            );
        }
        // Named in a description, asked by no sentence: a warning to confirm.
        let got = rules(
            "Entreprise titulaire de la qualification Qualibat 1552 depuis 2010, implantée dans le département.\n",
        );
        assert_eq!(got[1], ("T-QUALIBAT".to_string(), "warning", None));
    }
}
