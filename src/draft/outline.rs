//! Imposed plans: « plan imposé », « cadre de réponse », numbered chapters (« CHAPITRE 1 –
//! … ») and their sub-sections (« 1.1 … ») → an `outline` rule with the full plan.

use std::sync::LazyLock;

use regex::Regex;

use super::render::double;
use super::sections::{Doc, clean_line};
use super::{Found, Rule};

static CHAPTER: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"(?i)^chapitre\s+(\d{1,2})\s*[–—:.-]\s*(\S.{1,150})$").expect("valid regex")
});
static SUB: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"^(\d{1,2})\.(\d{1,2})\.?\s+(?:[-–—]\s*)?(\p{L}.{1,150})$").expect("valid regex")
});
static STOP: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"^(?:ANNEXE|ARTICLE|Article)\s").expect("valid regex")
});
static CUES: LazyLock<[Regex; 3]> = LazyLock::new(|| {
    // Proof: constant patterns.
    [
        Regex::new(r"(?i)respecter\s+(?:l['’]ordre|le\s+plan)").expect("valid regex"),
        Regex::new(r"(?i)plan\s+(?:impos[ée]|type|de\s+r[ée]ponse)").expect("valid regex"),
        Regex::new(r"(?i)cadre\s+de\s+r[ée]ponse").expect("valid regex"),
    ]
});

/// An imposed plan of at least two numbered chapters: one `outline` rule on the mémoire.
pub fn detect(doc: &Doc, found: &mut Found) {
    let Some(plan) = numbered_plan(doc) else {
        return;
    };
    let chapters = plan
        .headings
        .iter()
        .filter(|(n, _)| !n.contains('.'))
        .count();
    if chapters < 2 {
        return;
    }
    let first_at = plan.first_at;
    let t = doc.text;
    let from = super::sections::floor_boundary(t, first_at.saturating_sub(4000));
    let before = &t[from..first_at];
    let cue = CUES
        .iter()
        .find_map(|re| re.find(before))
        .map(|m| from + m.start());
    // Numbered chapters without a word of a plan to follow are the document's own (a CCAP's
    // « CHAPITRE 1 … »): no rule, a note for the reviewer.
    let Some(at) = cue else {
        found.notes.push(format!(
            "{} : chapitres numérotés sans mention d'un plan imposé : pas de règle de plan (à vérifier).",
            doc.section(first_at)
        ));
        return;
    };
    let folded = crate::text::fold(before);
    let allow_extra = folded.contains("supplementaires pourront")
        || folded.contains("chapitres supplementaires")
        || folded.contains("peuvent etre ajoute")
        || folded.contains("pourront etre ajoute");
    let mut check = vec![
        "kind: outline".to_string(),
        format!("allow_extra: {allow_extra}"),
    ];
    let mut doubts = Vec::new();
    match memoire_rule(found) {
        Some(id) => check.push(format!("select: {{ pieces: [{id}] }}")),
        None => doubts.push(
            "document concerné non identifié : indiquer `select: { pieces: [...] }`".to_string(),
        ),
    }
    if !allow_extra {
        doubts.push("le texte ne dit pas si des chapitres supplémentaires sont permis".to_string());
    }
    check.push("plan:".into());
    for (n, title) in &plan.headings {
        let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
        check.push(format!(
            "  - {{ number: \"{n}\", title: {} }}",
            double(&title)
        ));
    }
    let id = found.id("MEMOIRE-PLAN");
    found.push(Rule {
        when: None,
        id,
        family: "plan imposé",
        title: format!("Mémoire technique conforme au plan imposé ({chapters} chapitres)"),
        severity: "warning",
        phases: Some("[offre]"),
        section: doc.section(at),
        quote: doc.sentence_quote(at),
        help: "Reprendre les titres et la numérotation du plan imposé, dans l'ordre (styles de titre dans Word).".to_string(),
        check,
        doubts,
    });
}

/// The numbered headings of a plan: (« 2 » or « 2.1 », title), and where its first chapter is.
struct Plan {
    headings: Vec<(String, String)>,
    first_at: usize,
}

/// « CHAPITRE N – … » lines and, under each, its « N.M … » sub-sections, up to the next
/// article or annex; `None` without a chapter.
fn numbered_plan(doc: &Doc) -> Option<Plan> {
    let mut headings: Vec<(String, String)> = Vec::new();
    let mut first_at = None;
    let mut current: Option<String> = None;
    for (at, line) in doc.lines() {
        let l = clean_line(line);
        if let Some(c) = CHAPTER.captures(&l) {
            first_at.get_or_insert(at);
            current = Some(c[1].to_string());
            headings.push((c[1].to_string(), c[2].trim().to_string()));
        } else if let Some(ch) = &current {
            if STOP.is_match(&l) {
                break;
            }
            if let Some(c) = SUB.captures(&l)
                && &c[1] == ch
            {
                let number = format!("{}.{}", &c[1], &c[2]);
                if !headings.iter().any(|(n, _)| *n == number) {
                    headings.push((number, c[3].trim().to_string()));
                }
            }
        }
    }
    Some(Plan {
        headings,
        first_at: first_at?,
    })
}

/// The id of the piece rule already drafted for the mémoire technique, if any.
fn memoire_rule(found: &Found) -> Option<String> {
    found
        .rules
        .iter()
        .find(|r| {
            r.check
                .iter()
                .any(|l| l.starts_with("label:") && crate::text::fold(l).contains("memoire"))
        })
        .map(|r| r.id.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    const CHAPTERS: &str = "CHAPITRE 1 – Présentation de l'entreprise\nCHAPITRE 2 – Méthodologie\nCHAPITRE 3 – Moyens humains\n";

    #[test]
    fn a_plan_is_drafted_only_when_the_text_imposes_it() {
        let imposed = crate::draft::detected(
            detect,
            &format!("Le mémoire technique respectera le plan imposé suivant :\n{CHAPTERS}"),
        );
        assert_eq!(
            imposed
                .rules
                .iter()
                .map(|r| r.id.as_str())
                .collect::<Vec<_>>(),
            vec!["T-MEMOIRE-PLAN"]
        );
        // The same chapters without a word of a plan to follow: the document's own.
        let own = crate::draft::detected(detect, &format!("SOMMAIRE\n{CHAPTERS}"));
        assert!(own.rules.is_empty(), "{:?}", own.rules);
        assert_eq!(own.notes.len(), 1, "{:?}", own.notes);
    }
}
