//! File names: length limits (« moins de 30 caractères », « 40 caractères au plus ») and
//! naming conventions given in the text (`26_01_DC_<pièce>_<fournisseur>`).

use std::sync::LazyLock;

use regex::Regex;

use super::sections::{Doc, quote};
use super::{Found, Rule};

static LESS_THAN: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"(?i)moins\s+de\s+(\d{1,3})\s+caract[èe]res").expect("valid regex")
});
static AT_MOST: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(&format!(
        r"(?i)(?:(\d{{1,3}})\)?\s+caract[èe]res\s+(?:au\s+maximum|maximum|au\s+plus)|(?:{}|au\s+plus|au\s+maximum|maximum\s+de|limit[ée]e?s?\s+à)\s+(?:[\p{{L}}-]+\s+)?\(?(\d{{1,3}})\)?\s+caract[èe]res)",
        super::NOT_OVER
    ))
    .expect("valid regex")
});
static CONVENTION: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern. A token of at least three `_`-separated parts, one of which
    // is a placeholder (`<pièce>`, `aaaaaa`, `Nomfournisseur`).
    Regex::new(r"[A-Za-z0-9][A-Za-z0-9-]*(?:_(?:<[^>\n]{1,30}>|[A-Za-z0-9-]+)){2,}")
        .expect("valid regex")
});
static NAMING_CUE: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"(?i)(nomm[ée]e?s?|nommage|appellation)").expect("valid regex")
});

pub fn detect(doc: &Doc, found: &mut Found) {
    length(doc, found);
    convention(doc, found);
}

fn length(doc: &Doc, found: &mut Found) {
    let t = doc.text;
    let mut hit: Option<(usize, usize, usize)> = None; // (at, max, number in the text)
    if let Some(c) = LESS_THAN.captures(t) {
        let n: usize = c[1].parse().unwrap_or(0);
        if n > 1 {
            hit = Some((c.get(0).map_or(0, |m| m.start()), n - 1, n));
        }
    }
    if hit.is_none()
        && let Some(c) = AT_MOST.captures(t)
    {
        let n: usize = c
            .get(1)
            .or_else(|| c.get(2))
            .and_then(|m| m.as_str().parse().ok())
            .unwrap_or(0);
        if n > 0 {
            hit = Some((c.get(0).map_or(0, |m| m.start()), n, n));
        }
    }
    let Some((at, max, n)) = hit else { return };
    let quote = doc.sentence_quote(at);
    let with_ext = quote.to_lowercase().contains("extension");
    let mut doubts = Vec::new();
    if !with_ext {
        doubts
            .push("le texte ne dit pas si l'extension compte : le brouillon la compte".to_string());
    }
    let title = if max < n {
        format!("Noms de fichier de moins de {n} caractères ({max} au plus, extension comprise)")
    } else {
        format!("Noms de fichier de {max} caractères au plus, extension comprise")
    };
    let id = found.id(&format!("NOM-{n}"));
    found.push(Rule {
        when: None,
        id,
        family: "noms de fichier",
        title,
        severity: "error",
        phases: None,
        section: doc.section(at),
        quote,
        help: format!(
            "Raccourcir le nom du fichier à {max} caractères au plus, extension comprise ; garder le préfixe et le nom du candidat."
        ),
        check: vec!["kind: filename-length".into(), format!("max: {max}")],
        doubts,
    });
}

fn convention(doc: &Doc, found: &mut Found) {
    let t = doc.text;
    for m in CONVENTION.find_iter(t).take(200) {
        let token = m.as_str();
        let parts: Vec<&str> = token.split('_').collect();
        if !parts.iter().any(|p| is_placeholder(p)) {
            continue;
        }
        // The cue (« nommés de la manière suivante ») in the 300 bytes before the token.
        let from = super::sections::floor_boundary(t, m.start().saturating_sub(300));
        let before = &t[from..m.start()];
        let Some(cue) = NAMING_CUE.find_iter(before).last() else {
            continue;
        };
        let cue_at = from + cue.start();
        let sentence = doc.sentence_quote(cue_at);
        let (s, _) = doc.sentence(cue_at);
        let quote = if t[s..m.end()].len() < 600 && doc.sentence(m.start()).0 == s {
            doc.sentence_quote(m.start())
        } else {
            format!("{sentence} … {}", quote(token))
        };
        let pattern = pattern_of(&parts);
        let expected = parts
            .iter()
            .map(|p| placeholder_label(p).unwrap_or_else(|| p.to_string()))
            .collect::<Vec<_>>()
            .join("_");
        let phases = if sentence.to_lowercase().contains("candidature")
            && !sentence.to_lowercase().contains("offre")
        {
            Some("[candidature]")
        } else {
            None
        };
        let id = found.id("NOM-FORMAT");
        found.push(Rule {
            when: None,
            id,
            family: "noms de fichier",
            title: format!("Fichiers nommés {expected}"),
            severity: "warning",
            phases,
            section: doc.section(m.start()),
            quote,
            help: format!(
                "Renommer le fichier sur le modèle « {expected} » ; le dernier élément est le nom court du membre (`members[].short` du bid.yaml)."
            ),
            check: vec![
                "kind: filename-pattern".into(),
                format!("pattern: {}", super::render::single(&pattern)),
                format!("expected: {}", super::render::double(&expected)),
                "select:".into(),
                "  exclude: ['(^|/)\\.[^/]*$', '(^|/)~\\$[^/]*$']".into(),
            ],
            doubts: vec![
                "convention lue dans le texte : vérifier les parties fixes et variables du motif"
                    .to_string(),
            ],
        });
        return;
    }
}

/// Words that name a variable part of a template (« NomCandidat_Lot_Piece »): the lot, the
/// piece, its title, a number, a date.
const VARIABLE_WORDS: &[&str] = &[
    "lot", "piece", "document", "intitule", "libelle", "objet", "titre", "numero", "num", "date",
    "version", "nature",
];

/// `<pièce>`, `aaaaaa`, `XXX`, `Nomfournisseur`, `NomCandidat`, `Lot`, `Piece`: a variable
/// part.
fn is_placeholder(p: &str) -> bool {
    if p.starts_with('<') {
        return true;
    }
    let f = crate::text::fold(p);
    let repeated = f.len() >= 3 && f.chars().all(|c| c == 'a' || c == 'x');
    repeated || is_party(&f) || variable_word(&f).is_some()
}

/// The variable word a folded part is (« lot », « piece »), if it is one.
fn variable_word(folded: &str) -> Option<&'static str> {
    VARIABLE_WORDS.iter().copied().find(|w| folded == *w)
}

fn is_party(folded: &str) -> bool {
    [
        "fournisseur",
        "candidat",
        "soumissionnaire",
        "entreprise",
        "societe",
        "membre",
        "nom",
    ]
    .iter()
    .any(|w| folded.trim_matches(['<', '>']).contains(w))
}

fn placeholder_label(p: &str) -> Option<String> {
    if p.starts_with('<') {
        return Some(p.to_string());
    }
    let f = crate::text::fold(p);
    if is_party(&f) {
        Some("<fournisseur>".to_string())
    } else if let Some(w) = variable_word(&f) {
        Some(format!("<{w}>"))
    } else if is_placeholder(p) {
        Some("<pièce>".to_string())
    } else {
        None
    }
}

/// The regex of a convention: placeholders become `[^_]+`, the last party token `{short}`.
fn pattern_of(parts: &[&str]) -> String {
    let last = parts.len() - 1;
    let body: Vec<String> = parts
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let f = crate::text::fold(p);
            if i == last && is_party(&f) {
                "{short}".to_string()
            } else if is_placeholder(p) {
                "[^_]+".to_string()
            } else {
                regex::escape(p)
            }
        })
        .collect();
    format!("^{}\\.[A-Za-z0-9]+$", body.join("_"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(text: &str) -> Vec<super::super::Rule> {
        let found = crate::draft::detected(detect, text);
        found.rules
    }

    #[test]
    fn limits_in_every_phrasing() {
        for (text, max) in [
            (
                "Les noms des fichiers ne devront pas dépasser 50 caractères, extension comprise.",
                "max: 50",
            ),
            (
                "Le nom de chaque fichier ne doit pas excéder 40 caractères.",
                "max: 40",
            ),
            (
                "Utiliser des libellés de moins de 30 caractères.",
                "max: 29",
            ),
        ] {
            let r = rules(text);
            assert_eq!(r.len(), 1, "{text}");
            assert!(
                r[0].check.iter().any(|c| c == max),
                "{text}: {:?}",
                r[0].check
            );
        }
    }

    #[test]
    fn template_words_become_placeholders() {
        let r = rules("Les fichiers seront nommés de la façon suivante : NomCandidat_Lot_Piece.\n");
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].title, "Fichiers nommés <fournisseur>_<lot>_<piece>");
        assert!(
            r[0].check
                .iter()
                .any(|c| c == r"pattern: '^[^_]+_[^_]+_[^_]+\.[A-Za-z0-9]+$'"),
            "{:?}",
            r[0].check
        );
    }
}
