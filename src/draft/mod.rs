//! `bidlint draft-pack`: a first rule pack drafted from the text of a règlement de la
//! consultation, for a human to review. Every drafted rule quotes, verbatim, the sentence it
//! comes from, so that `validate-pack --sources` proves the draft before anyone trusts it.
//!
//! One file per family of requirements; each detector reads the whole text a bounded number
//! of times (regexes compiled once, sentences looked up within a fixed window), so drafting
//! stays linear in the length of the RC.

mod certifications;
mod dates;
mod demanded_pieces;
mod groupement;
mod host_header;
mod language;
mod listed_pieces;
mod lots;
mod names;
mod notice_lots;
mod outline;
mod pages;
mod pieces;
mod refusal;
mod render;
mod sections;

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

pub use refusal::Refusal;

/// « ne dépasse pas », « n'excède pas », « ne devront pas dépasser », « ne doit pas excéder »,
/// « ne peut excéder »: a limit, before its number (file names, pages).
/// « n'excédant pas », « ne dépassant pas », « ne devra pas comporter plus de »: the same limit.
pub(crate) const NOT_OVER: &str = r"ne\s+d[ée]pass(?:e|ent|ant)\s+pas|n['’]exc[èée]d(?:e|ent|ant)\s+pas|ne\s+(?:doit|doivent|devra|devront|peut|peuvent|pourra|pourront)(?:\s+pas)?\s+(?:d[ée]passer|exc[ée]der)|ne\s+(?:doit|doivent|devra|devront)\s+pas\s+(?:comporter|compter|faire|contenir)\s+plus\s+de";

/// The sign between « lot » and its number, as written or as the extraction left it: « n° »,
/// « nº », « no », « no. », « N 1 » (the sign lost), or none.
pub(crate) const NUMBER_SIGN: &str = r"(?:n[°º]\s*|no\.?\s*|n\.?\s+)?";

/// A count in words or in figures (« deux », « vingt », « 30 »): lots, pages, characters.
pub(crate) const COUNT_WORDS: &str = r"un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix-sept|dix-huit|dix-neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|trente|quarante|cinquante|soixante|cent|\d{1,3}";

/// The value of a `COUNT_WORDS` match.
pub(crate) fn count_value(w: &str) -> Option<u32> {
    const WORDS: [(&str, u32); 25] = [
        ("un", 1),
        ("une", 1),
        ("deux", 2),
        ("trois", 3),
        ("quatre", 4),
        ("cinq", 5),
        ("six", 6),
        ("sept", 7),
        ("huit", 8),
        ("neuf", 9),
        ("dix", 10),
        ("onze", 11),
        ("douze", 12),
        ("treize", 13),
        ("quatorze", 14),
        ("quinze", 15),
        ("seize", 16),
        ("dix-sept", 17),
        ("dix-huit", 18),
        ("dix-neuf", 19),
        ("vingt", 20),
        ("trente", 30),
        ("quarante", 40),
        ("cinquante", 50),
        ("soixante", 60),
    ];
    let w = w.to_lowercase();
    if w == "cent" {
        return Some(100);
    }
    WORDS
        .iter()
        .find(|(name, _)| *name == w)
        .map(|(_, n)| *n)
        .or_else(|| w.parse().ok())
}

/// A clause that says a piece or a certification is NOT required (« n'est pas exigé au stade
/// de la candidature », « ne sont pas demandés », « non obligatoire », « facultatif », « est
/// dispensé de ») — folded text: whatever it names is no piece of the bid.
static DENIED: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"\bn['’]\s*(?:est|sont|sera|seront)\s+pas\s+(?:exige|demande|requis|obligatoire|necessaire|a\s+(?:fournir|produire|joindre))|\bne\s+(?:sera|seront|doit|doivent|devra|devront)\s+pas\s+(?:etre\s+)?(?:exige|demande|requis|fourni|produit|joint)|\bnon\s+(?:exige|obligatoire|requis)|\bfacultati|\bdispense")
        .expect("valid regex")
});

/// Does this folded clause say that what it names is not required?
pub(crate) fn denies(folded_clause: &str) -> bool {
    DENIED.is_match(folded_clause)
}

/// What the caller knows about the RC.
#[derive(Debug, Clone)]
pub struct Options {
    /// The pack id (`draft-ght-tlc`); its first segment, uppercased, prefixes every rule id.
    pub id: String,
    /// The RC's title, or its file name when no title is found (`sources: { rc: … }`).
    pub fallback_title: String,
}

/// A drafted pack: its YAML text and a summary of what was found, for stderr.
#[derive(Debug, Clone)]
pub struct Draft {
    pub yaml: String,
    pub summary: Vec<String>,
    pub rules: usize,
    pub doubts: usize,
}

/// One drafted rule. `check` holds the YAML lines of the check, unindented; `severity`,
/// `phases` and `when` are YAML too. `render` reads them into the pack model (`Check`,
/// `Severity`, `Phase`, `When`), so a fragment the model refuses is an error, never a draft
/// that does not load.
#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub family: &'static str,
    pub title: String,
    pub severity: &'static str,
    pub phases: Option<&'static str>,
    /// A `when:` condition (`{ lots_any: [1] }`): the rule applies to the bids for that lot.
    pub when: Option<String>,
    pub section: String,
    pub quote: String,
    pub help: String,
    pub check: Vec<String>,
    pub doubts: Vec<String>,
}

/// A deadline read in the text.
#[derive(Debug, Clone)]
pub struct Deadline {
    pub phase: &'static str,
    pub date: String,
    pub section: String,
    pub quote: String,
    pub doubt: Option<String>,
}

/// Everything the detectors found, in the order they found it.
#[derive(Debug, Default)]
pub struct Found {
    prefix: String,
    ids: HashSet<String>,
    pub rules: Vec<Rule>,
    pub deadlines: Vec<Deadline>,
    /// `Some(vec![])`: a consultation without lots.
    pub lots: Option<Vec<(String, String)>>,
    pub notes: Vec<String>,
    /// The RC names PLACE, the State's platform: the draft extends the `place` pack.
    pub place: bool,
}

impl Found {
    fn new(prefix: String) -> Found {
        Found {
            prefix,
            ..Found::default()
        }
    }

    /// A unique rule id for a topic: `DRAFT-NOM-30`, then `DRAFT-NOM-30-2`…
    pub fn id(&mut self, topic: &str) -> String {
        let base = format!("{}-{}", self.prefix, topic);
        let mut id = base.clone();
        let mut n = 2;
        while self.ids.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.ids.insert(id.clone());
        id
    }

    /// The rule drafted first for a topic (`DRAFT-CAND-DC1`), if any: what a later detector
    /// builds on (the DC1 that holds the sworn statements, the DC2 that holds the turnover).
    pub fn drafted(&self, topic: &str) -> Option<&Rule> {
        let id = format!("{}-{}", self.prefix, topic);
        self.rules.iter().find(|r| r.id == id)
    }

    pub fn push(&mut self, rule: Rule) {
        self.rules.push(rule);
    }

    /// The id of the first drafted rule of a topic (`CAND-HDS`), if any.
    pub fn rule_of(&self, topic: &str) -> Option<String> {
        let want = format!("{}-{}", self.prefix, topic);
        self.rules
            .iter()
            .find(|r| r.id == want)
            .map(|r| r.id.clone())
    }
}

/// The uppercase prefix of rule ids: the first segment of the pack id, letters and digits.
pub fn prefix_of(id: &str) -> String {
    let first = id.split(['-', '_', '.', ' ']).next().unwrap_or_default();
    let p: String = first
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if p.is_empty() { "DRAFT".to_string() } else { p }
}

/// An EU notice (eForms, TED) of a buyer in France published in another language: its
/// standard fields (« Maximum number of lots for which one tenderer can submit tenders ») are
/// the buyer's own, whatever the language of the form; its prose is not read.
fn eu_notice_of_a_french_buyer(text: &str) -> bool {
    let folded = crate::text::fold(text);
    folded.contains("maximum number of lots for which")
        && (folded.contains("country: france")
            || folded.contains("countryfrance")
            || folded.contains("country france"))
}

/// What the reader must know of how the text was read: cut before a host's list of other
/// documents, or an EU notice in another language read for its standard fields only.
fn reading_notes(others_cut: bool, eu_notice: bool) -> Vec<String> {
    let mut notes = Vec::new();
    if others_cut {
        notes.push(
            "La liste « Documents pareils » de la page copiée, faite d'extraits d'autres documents, n'est pas lue."
                .to_string(),
        );
    }
    if eu_notice {
        notes.push(
            "Avis européen (eForms) rédigé dans une autre langue que le français : seuls ses champs normalisés (nombre maximal de lots par soumissionnaire…) sont lus ; compléter le brouillon depuis le RC en français."
                .to_string(),
        );
    }
    notes
}

/// The text without a document host's list of other documents (« Documents pareils »), and
/// whether it was cut: the list holds excerpts of other consultations, whose deadlines and
/// pieces are not this one's. The document is what precedes the list, or what follows its
/// « Transcription » line when the page puts the list first.
fn own_text(text: &str) -> (&str, bool) {
    static OTHERS: LazyLock<Regex> = LazyLock::new(|| {
        // Proof: a constant pattern.
        Regex::new(r"(?im)^[ \t]*documents\s+(?:pareils|similaires)[ \t]*$").expect("valid regex")
    });
    static TRANSCRIPT: LazyLock<Regex> = LazyLock::new(|| {
        // Proof: a constant pattern.
        Regex::new(r"(?im)^[ \t]*transcription[ \t]*$").expect("valid regex")
    });
    let Some(m) = OTHERS.find(text) else {
        return (text, false);
    };
    // The host's page may show the list before the document's own text (« Transcription »).
    match TRANSCRIPT.find(&text[m.end()..]) {
        Some(t) => (&text[m.end() + t.end()..], true),
        None => (&text[..m.start()], true),
    }
}

/// Draft a pack from the text of an RC. An error when nothing is recognised: an empty pack is
/// never presented as a draft.
pub fn draft(text: &str, opts: &Options) -> Result<Draft, Refusal> {
    if text.trim().is_empty() {
        return Err(Refusal::Empty);
    }
    // A foreign RC: its clauses would be misread by French patterns, or not read at all.
    let foreign =
        crate::analysis::language::detect(text).filter(|lang| lang.reliable && lang.code != "fr");
    let eu_notice = foreign.is_some() && eu_notice_of_a_french_buyer(text);
    if let Some(lang) = foreign
        && !eu_notice
    {
        return Err(Refusal::Foreign {
            language: lang.name(crate::vocabulary::Lang::Fr),
        });
    }
    let (text, others_cut) = own_text(text);
    let doc = sections::Doc::new(text);
    let mut found = Found::new(prefix_of(&opts.id));
    found.notes.extend(reading_notes(others_cut, eu_notice));
    names::detect(&doc, &mut found);
    language::detect(&doc, &mut found);
    dates::detect(&doc, &mut found);
    host_header::detect(&doc, &mut found);
    lots::detect(&doc, &mut found);
    groupement::detect(&doc, &mut found);
    certifications::detect(&doc, &mut found);
    pieces::detect(&doc, &mut found);
    listed_pieces::detect(&doc, &mut found);
    demanded_pieces::detect(&doc, &mut found);
    pages::detect(&doc, &mut found);
    outline::detect(&doc, &mut found);
    found.place = names_place(text);
    if !found.place {
        found.notes.push(
            "Le RC ne nomme pas PLACE (marches-publics.gouv.fr) : le pack `place` (hygiène du dépôt sur PLACE) n'est pas étendu ; l'ajouter (`extends: [place]`) si le dépôt se fait sur PLACE."
                .to_string(),
        );
    }
    if single_deposit(&found.deadlines) {
        // Candidature and offer due together, in one deposit: every piece is due in it, so no
        // rule is kept to one phase.
        for r in &mut found.rules {
            r.phases = None;
        }
    }
    // A notice that only lists the lots, or only names PLACE, is still a draft: what it says
    // is checked (the lots a bid declares, the platform's hygiene).
    if found.rules.is_empty() && found.deadlines.is_empty() && found.lots.is_none() && !found.place
    {
        // Say what was seen but not drafted: a deadline without its year is not completed.
        return Err(match dates::yearless(&doc) {
            Some(line) => Refusal::Yearless { line },
            None => Refusal::NothingRecognised,
        });
    }
    let title = doc
        .title()
        .map(|t| {
            if t.chars().count() < 40 {
                format!("{t} ({})", opts.fallback_title)
            } else {
                t
            }
        })
        .unwrap_or_else(|| opts.fallback_title.clone());
    let yaml = render::pack(&opts.id, &title, &found)?;
    let summary = render::summary(&found);
    let doubts = found.rules.iter().filter(|r| !r.doubts.is_empty()).count()
        + found.deadlines.iter().filter(|d| d.doubt.is_some()).count();
    Ok(Draft {
        yaml,
        summary,
        rules: found.rules.len(),
        doubts,
    })
}

/// What one detector finds in a text: the detectors' unit tests read it.
#[cfg(test)]
pub(crate) fn detected(detect: fn(&sections::Doc, &mut Found), text: &str) -> Found {
    let doc = sections::Doc::new(text);
    let mut found = Found::new("T".to_string());
    detect(&doc, &mut found);
    found
}

/// `{ lots_any: [N] }` when a sentence names one lot, and one only (« le candidat au lot 1 »).
pub(crate) fn lot_condition(sentence: &str) -> Option<String> {
    static LOT: LazyLock<Regex> = LazyLock::new(|| {
        // Proof: a constant pattern.
        Regex::new(r"\blots?\s+(?:n°\s*)?(\d{1,2})\b").expect("valid regex")
    });
    let folded = crate::text::fold(sentence);
    let mut lots: Vec<&str> = LOT
        .captures_iter(&folded)
        .filter_map(|c| c.get(1).map(|m| m.as_str().trim_start_matches('0')))
        .collect();
    lots.sort_unstable();
    lots.dedup();
    match lots.as_slice() {
        [one] if !one.is_empty() => Some(format!("{{ lots_any: [{one}] }}")),
        _ => None,
    }
}

/// Does the RC name PLACE, the State's buying platform (« PLACE », its address, its name)?
fn names_place(text: &str) -> bool {
    static NAMED: LazyLock<Regex> = LazyLock::new(|| {
        // Proof: a constant pattern.
        Regex::new(
            r"marches-publics\.gouv\.fr|(?i:plate-?forme\s+(?:s[ée]curis[ée]e\s+)?des\s+achats\s+de\s+l['’][ée]tat)",
        )
        .expect("valid regex")
    });
    static ACRONYM: LazyLock<Regex> = LazyLock::new(|| {
        // Proof: a constant pattern.
        Regex::new(r"\bPLACE\b").expect("valid regex")
    });
    NAMED.is_match(text)
        || ACRONYM
            .find_iter(text)
            .take(50)
            .any(|m| is_platform_acronym(text, m.start(), m.end()))
}

/// « PLACE » is the platform among words in lower case (« déposée sur PLACE », « la plateforme
/// PLACE »); after a word in capitals it may be « CONSULTATIONS SUR PLACE », and before « DE »,
/// « DU » an address.
fn is_platform_acronym(text: &str, start: usize, end: usize) -> bool {
    let previous = text[..start]
        .trim_end()
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    let in_capitals = previous.chars().count() >= 2 && !previous.chars().any(char::is_lowercase);
    let address = text[end..]
        .trim_start()
        .split(|c: char| !c.is_alphabetic())
        .next()
        .is_some_and(|w| matches!(w, "DE" | "DU" | "DES" | "D"));
    !in_capitals && !address
}

/// True when the RC gives one date for both the candidature and the offer.
fn single_deposit(deadlines: &[Deadline]) -> bool {
    let of = |phase: &str| deadlines.iter().find(|d| d.phase == phase).map(|d| &d.date);
    matches!((of("candidature"), of("offre")), (Some(c), Some(o)) if c == o)
}

/// Key words of a label for file-name regexes: lowercase, no accents, no small words.
pub(crate) fn key_words(label: &str) -> Vec<String> {
    const SMALL: &[&str] = &[
        "de", "du", "des", "la", "le", "les", "l", "d", "et", "a", "au", "aux", "en", "pour",
        "sur", "un", "une", "par", "ou", "ses", "son", "sa", "dans", "avec", "qui",
    ];
    crate::text::fold(label)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| w.len() >= 3 && !SMALL.contains(w))
        .map(str::to_string)
        .collect()
}

/// A file-name regex from key words: `attestation[_ .-]*assurance`.
pub(crate) fn name_regex(words: &[String]) -> String {
    words.join("[_ .-]*")
}

/// A title pattern for `content:` from a label: folded, spaces collapsed, regex-escaped.
pub(crate) fn content_regex(label: &str) -> String {
    let folded = crate::text::fold(label).replace('’', "'");
    let words: Vec<&str> = folded.split_whitespace().collect();
    regex::escape(&words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::{Options, Refusal, draft, names_place};

    #[test]
    fn an_eu_notice_of_a_french_buyer_in_english_is_read_for_its_standard_fields_only() {
        let notice = |country: &str| {
            format!(
                "2. Procedure\nTitle: Restructuring of the nursing home\nType of procedure: Restricted\nThe procedure is accelerated: no\nMain nature of the contract: Works\nPlace of performance\nTown: VERNON\nCountry: {country}\nGeneral information\nLegal basis: Directive 2014/24/EU\nTerms of procurement\nTerms of submission:\nMaximum number of lots for which one tenderer can submit tenders: 14\nTerms of contract:\nMaximum number of lots for which contracts can be awarded to one tenderer: 14\nGrounds for exclusion\nSources of grounds for exclusion: Procurement Document\n"
            )
        };
        let opts = Options {
            id: "draft-avis".to_string(),
            fallback_title: "avis.txt".to_string(),
        };
        let drafted = draft(&notice("France"), &opts).expect("a draft");
        assert!(drafted.yaml.contains("max: 14"), "{}", drafted.yaml);
        assert!(drafted.yaml.contains("Avis européen"), "{}", drafted.yaml);
        // Another country's notice, like any English text, is refused.
        assert!(matches!(
            draft(&notice("Ireland"), &opts),
            Err(Refusal::Foreign { .. })
        ));
    }

    #[test]
    fn a_hosts_list_of_other_documents_is_not_read() {
        let opts = Options {
            id: "draft-rc".to_string(),
            fallback_title: "rc.txt".to_string(),
        };
        let page = "Règlement de la Consultation\nDocuments pareils\nDate et heure limite de remise des offres : Vendredi 9 janvier 2015 à 12h00\n";
        assert!(matches!(
            draft(page, &opts),
            Err(Refusal::NothingRecognised)
        ));
        let listed_first = page.replace(
            "Date et heure",
            "Transcription\nDate limite de réception des offres : lundi 12 janvier 2015 à 12h00\nDate et heure",
        );
        let drafted = draft(&listed_first, &opts).expect("a draft");
        assert!(
            drafted.yaml.contains("2015-01-12T12:00"),
            "{}",
            drafted.yaml
        );
        let own = page.replace("Documents pareils\n", "");
        let drafted = draft(&own, &opts).expect("a draft");
        assert!(
            drafted.yaml.contains("2015-01-09T12:00"),
            "{}",
            drafted.yaml
        );
    }

    #[test]
    fn place_is_the_platform_not_a_visit_on_site_nor_an_address() {
        assert!(names_place(
            "Les plis sont déposés sur PLACE avant la date limite.\n"
        ));
        assert!(names_place("https://www.marches-publics.gouv.fr\n"));
        assert!(!names_place(
            "VISITES SUR SITES ET/OU CONSULTATIONS SUR PLACE 8 Page 4 sur 106\n"
        ));
        assert!(names_place(
            "PLACE (plateforme des achats) : le dépôt se fait en ligne.\n"
        ));
        assert!(!names_place(
            "Mairie, 1 PLACE DE LA LIBERATION, 34130 Mauguio\n"
        ));
        assert!(names_place(
            "déposé par la plate-forme sécurisée des achats de l'État « Place ».\n"
        ));
    }
}
