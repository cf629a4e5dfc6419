//! Groupements: mandataire of several groupements forbidden (`mandataire-limit`), several
//! candidacies forbidden (`unique-candidacy`, article R2142-21) unless the RC allows them.

use std::sync::LazyLock;

use regex::Regex;

use super::sections::Doc;
use super::{Found, Rule};

static MANDATAIRE: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"(?i)mandataire\s+de\s+(?:plus\s+d['’]un|plusieurs)\s+groupements?")
        .expect("valid regex")
});
static SEVERAL: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"(?i)en\s+qualit[ée]\s+de\s+membres?\s+d['’]un\s+ou\s+plusieurs\s+groupements|en\s+qualit[ée]\s+de\s+membres?\s+de\s+plusieurs\s+groupements")
        .expect("valid regex")
});

pub fn detect(doc: &Doc, found: &mut Found) {
    if let Some(m) = MANDATAIRE.find(doc.text) {
        let id = found.id("MANDATAIRE");
        found.push(Rule {
            when: None,
            id,
            family: "groupements",
            title: "Mandataire d'un seul groupement".to_string(),
            severity: "error",
            phases: None,
            section: doc.section(m.start()),
            quote: doc.sentence_quote(m.start()),
            help: "Un opérateur ne peut être mandataire que d'un groupement : désigner un autre mandataire pour les autres (vérifié par `bidlint portfolio`).".to_string(),
            check: vec!["kind: mandataire-limit".into(), "max: 1".into()],
            doubts: Vec::new(),
        });
    }
    let Some(m) = SEVERAL.find(doc.text) else {
        return;
    };
    let (s, _) = doc.sentence(m.start());
    // The clause usually starts a sentence or two before the list that names the cases.
    let from = super::sections::floor_boundary(doc.text, s.saturating_sub(250));
    let context = crate::text::fold(&doc.text[from..m.end()]);
    let allowed = context.contains("autoris")
        && !context.contains("n'autorise pas")
        && !context.contains("pas autoris");
    if allowed {
        found.notes.push(format!(
            "{} : le RC autorise un même opérateur à être candidat individuel et membre de groupements : pas de règle « candidature unique ».",
            doc.section(m.start())
        ));
        return;
    }
    let id = found.id("CANDIDATURE-UNIQUE");
    found.push(Rule {
        when: None,
        id,
        family: "groupements",
        title: "Une seule candidature par lot et par opérateur".to_string(),
        severity: "error",
        phases: None,
        section: doc.section(m.start()),
        quote: doc.sentence_quote(m.start()),
        help: "Un opérateur ne se présente qu'une fois par lot, seul ou dans un seul groupement ; les sous-traitants ne sont pas concernés (vérifié par `bidlint portfolio`).".to_string(),
        check: vec![
            "kind: unique-candidacy".into(),
            "roles: [individuel, mandataire, cotraitant]".into(),
        ],
        doubts: Vec::new(),
    });
}
