//! Does a document follow an imposed plan? Headings are compared on their number and their
//! title, insensitive to case, accents, punctuation and spacing, and to « CHAPITRE n – »,
//! « Partie n : » prefixes. Each plan entry is looked for in the document; the entries found
//! out of order are those outside the longest run in plan order (one swapped chapter is one
//! finding, not a cascade); a title found under another number is « renuméroté ».
//!
//! Decisions: a title matches when equal after normalisation, or — for titles of more than
//! 15 characters — within a normalised Levenshtein similarity of 0.9 (a typo, a missing
//! word's accent). Roman numerals are not read as numbers. When a title appears several
//! times (a table of contents, then the body), the last occurrence is the heading: a
//! table of contents is at the start. In a PDF every line is a candidate, so a line counts
//! as an extra heading only when it is numbered like the plan, short (≤ 120 characters),
//! and does not end like a sentence.

use std::sync::LazyLock;

use regex::Regex;

use crate::say;
use crate::text::fold;
use crate::vocabulary::Lang;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanEntry {
    pub number: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundHeading {
    pub number: Option<String>,
    pub title: String,
    /// Index of the line in the input.
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutlineProblem {
    Missing {
        entry: PlanEntry,
    },
    OutOfOrder {
        entry: PlanEntry,
        after: PlanEntry,
    },
    Renumbered {
        entry: PlanEntry,
        found_number: Option<String>,
    },
    Extra {
        heading: FoundHeading,
    },
}

impl OutlineProblem {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            OutlineProblem::Missing { entry } => {
                let (n, t) = (&entry.number, &entry.title);
                say!(lang, "{n} « {t} » absent", "{n} \"{t}\" missing")
            }
            OutlineProblem::OutOfOrder { entry, after } => {
                let (n, t) = (&entry.number, &entry.title);
                let (an, at) = (&after.number, &after.title);
                say!(
                    lang,
                    "{n} « {t} » placé après {an} « {at} »",
                    "{n} \"{t}\" placed after {an} \"{at}\""
                )
            }
            OutlineProblem::Renumbered {
                entry,
                found_number: Some(found),
            } => {
                let (n, t) = (&entry.number, &entry.title);
                say!(
                    lang,
                    "{n} « {t} » numéroté {found}",
                    "{n} \"{t}\" numbered {found}"
                )
            }
            OutlineProblem::Renumbered {
                entry,
                found_number: None,
            } => {
                let (n, t) = (&entry.number, &entry.title);
                say!(
                    lang,
                    "{n} « {t} » présent sans son numéro",
                    "{n} \"{t}\" present without its number"
                )
            }
            OutlineProblem::Extra { heading } => {
                let (n, t) = (heading.number.as_deref().unwrap_or(""), &heading.title);
                say!(
                    lang,
                    "titre hors plan : {n} « {t} »",
                    "heading outside the plan: {n} \"{t}\""
                )
            }
        }
    }
}

// Constant patterns, exercised by the tests below: they cannot fail to compile.
static PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:chapitre|partie|section|titre)\s+(\d+)\s*[-–—:.)]?\s*")
        .expect("constant regex")
});
static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(\d{1,2}(?:\.\d{1,2}){0,4})\.?\)?(?:\s*[-–—:]\s*|\s+)(\S.*)$")
        .expect("constant regex")
});
static LEADERS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\s.…·_]{3,}\d+\s*$").expect("constant regex"));

/// Lowercase, no accents, letters and digits only, single spaces.
pub fn normalize_title(s: &str) -> String {
    let folded = fold(s);
    let mut out = String::with_capacity(folded.len());
    for w in folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Split a heading line into its number and title.
pub fn parse_heading(line: &str, index: usize) -> Option<FoundHeading> {
    let line = LEADERS.replace(line.trim(), "");
    if line.is_empty() {
        return None;
    }
    if let Some(c) = PREFIX.captures(&line) {
        let number = c.get(1).map(|m| m.as_str().to_string());
        let title = line[c.get(0).map_or(0, |m| m.end())..].trim().to_string();
        return Some(FoundHeading {
            number,
            title,
            line: index,
        });
    }
    if let Some(c) = NUMBER.captures(&line) {
        return Some(FoundHeading {
            number: c.get(1).map(|m| m.as_str().to_string()),
            title: c.get(2).map_or("", |m| m.as_str()).trim().to_string(),
            line: index,
        });
    }
    Some(FoundHeading {
        number: None,
        title: line.to_string(),
        line: index,
    })
}

fn same_title(expected: &str, found: &str) -> bool {
    expected == found
        || (expected.chars().count() > 15 && strsim::normalized_levenshtein(expected, found) >= 0.9)
}

fn depth(number: &str) -> usize {
    number.split('.').count()
}

/// The problems of a document's lines against an imposed plan: entries missing or
/// renumbered, then out of order, then (unless `allow_extra`) headings the plan does not have.
pub fn check_outline<S: AsRef<str>>(
    plan: &[PlanEntry],
    lines: &[S],
    allow_extra: bool,
) -> Vec<OutlineProblem> {
    let headings: Vec<FoundHeading> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.as_ref().chars().count() <= 200)
        .filter_map(|(i, l)| parse_heading(l.as_ref(), i))
        .collect();
    let normalized: Vec<String> = headings.iter().map(|h| normalize_title(&h.title)).collect();
    let matched = match_plan(plan, &headings, &normalized);
    let mut problems = numbering_problems(plan, &headings, &matched);
    problems.extend(order_problems(plan, &headings, &matched));
    if !allow_extra {
        problems.extend(extra_headings(plan, &headings, &normalized, &matched));
    }
    problems
}

/// For each plan entry, the heading that is it: the last one with its title, preferring one
/// with its number.
fn match_plan(
    plan: &[PlanEntry],
    headings: &[FoundHeading],
    normalized: &[String],
) -> Vec<Option<usize>> {
    plan.iter()
        .map(|e| {
            let want = normalize_title(&e.title);
            let candidates: Vec<usize> = (0..headings.len())
                .filter(|&h| same_title(&want, &normalized[h]))
                .collect();
            candidates
                .iter()
                .rev()
                .find(|&&h| headings[h].number.as_deref() == Some(e.number.as_str()))
                .or_else(|| candidates.last())
                .copied()
        })
        .collect()
}

/// Plan entries without a heading, and those whose heading has another number.
fn numbering_problems(
    plan: &[PlanEntry],
    headings: &[FoundHeading],
    matched: &[Option<usize>],
) -> Vec<OutlineProblem> {
    let mut problems = Vec::new();
    for (e, f) in plan.iter().zip(matched) {
        match f {
            None => problems.push(OutlineProblem::Missing { entry: e.clone() }),
            Some(h) if headings[*h].number.as_deref() != Some(e.number.as_str()) => {
                problems.push(OutlineProblem::Renumbered {
                    entry: e.clone(),
                    found_number: headings[*h].number.clone(),
                })
            }
            Some(_) => {}
        }
    }
    problems
}

/// Entries out of the plan's order: those outside the longest subsequence of found entries
/// whose positions increase, each said with the entry it now follows.
fn order_problems(
    plan: &[PlanEntry],
    headings: &[FoundHeading],
    matched: &[Option<usize>],
) -> Vec<OutlineProblem> {
    let present: Vec<(usize, usize)> = matched
        .iter()
        .enumerate()
        .filter_map(|(p, f)| f.map(|h| (p, headings[h].line)))
        .collect();
    let keep = longest_increasing(&present.iter().map(|(_, l)| *l).collect::<Vec<_>>());
    let mut problems = Vec::new();
    for (k, &(p, line)) in present.iter().enumerate() {
        if keep.contains(&k) {
            continue;
        }
        // Name the plan entry it now follows in the document.
        let after = present
            .iter()
            .filter(|&&(_, l)| l < line)
            .max_by_key(|&&(_, l)| l)
            .map(|&(q, _)| plan[q].clone());
        if let Some(after) = after {
            problems.push(OutlineProblem::OutOfOrder {
                entry: plan[p].clone(),
                after,
            });
        } else if let Some(&(q, _)) = present.iter().find(|&&(_, l)| l > line) {
            problems.push(OutlineProblem::OutOfOrder {
                entry: plan[q].clone(),
                after: plan[p].clone(),
            });
        }
    }
    problems
}

/// Numbered headings the plan does not have, no deeper than its own: only those that read
/// like a heading (short, not a sentence).
fn extra_headings(
    plan: &[PlanEntry],
    headings: &[FoundHeading],
    normalized: &[String],
    matched: &[Option<usize>],
) -> Vec<OutlineProblem> {
    let max_depth = plan.iter().map(|e| depth(&e.number)).max().unwrap_or(1);
    let used: Vec<usize> = matched.iter().flatten().copied().collect();
    let mut problems = Vec::new();
    for (h, heading) in headings.iter().enumerate() {
        let Some(n) = &heading.number else { continue };
        let looks_like_heading = heading.title.chars().count() <= 120
            && !heading.title.ends_with(['.', ';', ',', ':'])
            && heading.title.chars().any(char::is_alphabetic)
            && depth(n) <= max_depth;
        let known = used.contains(&h)
            || plan
                .iter()
                .any(|e| same_title(&normalize_title(&e.title), &normalized[h]));
        if looks_like_heading && !known {
            problems.push(OutlineProblem::Extra {
                heading: heading.clone(),
            });
        }
    }
    problems
}

fn longest_increasing(xs: &[usize]) -> Vec<usize> {
    // Patience sorting with predecessor links: O(n log n).
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<Option<usize>> = vec![None; xs.len()];
    for i in 0..xs.len() {
        let pos = tails.partition_point(|&t| xs[t] < xs[i]);
        if pos > 0 {
            prev[i] = Some(tails[pos - 1]);
        }
        if pos == tails.len() {
            tails.push(i);
        } else {
            tails[pos] = i;
        }
    }
    let mut out = Vec::new();
    let mut cur = tails.last().copied();
    while let Some(i) = cur {
        out.push(i);
        cur = prev[i];
    }
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> Vec<PlanEntry> {
        [
            ("1", "COHÉRENCE, ADÉQUATION ET ROBUSTESSE DE LA SOLUTION"),
            ("1.1", "COMPREHENSION DU PROGRAMME FONCTIONNEL"),
            ("1.2", "ARCHITECTURE TECHNIQUE CIBLE"),
            (
                "2",
                "MÉTHODOLOGIE OPÉRATIONNELLE DU PARTENARIAT D’INNOVATION",
            ),
            ("2.1", "GOUVERNANCE GLOBALE DU PARTENARIAT"),
            ("2.2", "PHASE R&D – SEQUENCE PAR SEQUENCE"),
            ("3", "MAÎTRISE DES CYCLES DE DÉVELOPPEMENT OPEN SOURCE"),
            ("3.1", "ORGANISATION DES CYCLES DE DEVELOPPEMENT"),
        ]
        .iter()
        .map(|(n, t)| PlanEntry {
            number: n.to_string(),
            title: t.to_string(),
        })
        .collect()
    }

    fn doc(lines: &[&str]) -> Vec<String> {
        lines.iter().map(|s| s.to_string()).collect()
    }

    const GOOD: &[&str] = &[
        "Sommaire",
        "CHAPITRE 1 – Cohérence, adéquation et robustesse de la solution",
        "1.1 Compréhension du programme fonctionnel",
        "2. Les agents ont lu le programme, ce qui justifie la méthode.",
        "1.2. Architecture technique cible",
        "Chapitre 2 : Méthodologie opérationnelle du partenariat d'innovation",
        "2.1 Gouvernance globale du partenariat",
        "2.2 Phase R&D - séquence par séquence",
        "CHAPITRE 3 - MAITRISE DES CYCLES DE DEVELOPPEMENT OPEN SOURCE",
        "3.1 Organisation des cycles de développement",
    ];

    #[test]
    fn compliant_document() {
        assert_eq!(check_outline(&plan(), &doc(GOOD), false), vec![]);
    }

    #[test]
    fn table_of_contents_then_body() {
        let mut lines = vec!["1.2 Architecture technique cible ........ 4".to_string()];
        lines.extend(doc(GOOD));
        assert_eq!(check_outline(&plan(), &lines, false), vec![]);
    }

    #[test]
    fn swapped_sections_give_one_finding() {
        let mut lines = doc(GOOD);
        lines.swap(2, 4);
        let p = check_outline(&plan(), &lines, false);
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(
            p[0].message(Lang::Fr),
            "1.1 « COMPREHENSION DU PROGRAMME FONCTIONNEL » placé après 1.2 « ARCHITECTURE TECHNIQUE CIBLE »"
        );
    }

    #[test]
    fn missing_renumbered_and_extra() {
        let mut lines = doc(GOOD);
        lines.remove(6); // 2.1
        lines[6] = "2.3 Phase R&D – séquence par séquence".into();
        lines.push("4 Annexes techniques".into());
        let p = check_outline(&plan(), &lines, false);
        let msgs: Vec<String> = p.iter().map(|p| p.message(Lang::Fr)).collect();
        assert_eq!(
            msgs,
            vec![
                "2.1 « GOUVERNANCE GLOBALE DU PARTENARIAT » absent".to_string(),
                "2.2 « PHASE R&D – SEQUENCE PAR SEQUENCE » numéroté 2.3".to_string(),
                "titre hors plan : 4 « Annexes techniques »".to_string(),
            ]
        );
        let allowed = check_outline(&plan(), &lines, true);
        assert_eq!(allowed.len(), 2);
    }

    #[test]
    fn headings_parse() {
        let h = parse_heading("CHAPITRE 2 – Architecture", 0).unwrap();
        assert_eq!(
            (h.number.as_deref(), h.title.as_str()),
            (Some("2"), "Architecture")
        );
        let h = parse_heading("2.1. Titre", 0).unwrap();
        assert_eq!(
            (h.number.as_deref(), h.title.as_str()),
            (Some("2.1"), "Titre")
        );
        assert_eq!(parse_heading("   ", 0), None);
        assert_eq!(
            normalize_title("Phase R&D – séquence"),
            "phase r d sequence"
        );
    }
}
