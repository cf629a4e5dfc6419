//! The text of the RC as the detectors see it: its headings (« ARTICLE 6 », « 6.1.1 »,
//! « Annexe 2 »), the sentence around a position, and a quote that `validate-pack --sources`
//! finds verbatim.

use std::sync::LazyLock;

use regex::Regex;

/// How far a sentence is looked for around a match, in bytes: keeps drafting linear.
const WINDOW: usize = 700;

static ARTICLE: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern, covered by the tests of this module.
    Regex::new(r"(?i)^article\s+(premier|\d+(?:\.\d+)*)\b").expect("valid regex")
});
static ANNEXE: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"^(?:ANNEXE|Annexe)\s+(\d+)\b").expect("valid regex")
});
static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"^(\d{1,2}(?:\.\d{1,2}){1,3})\.?\s*[-–—:]?\s*\p{L}").expect("valid regex")
});
static BULLET: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    // « — » and « – » open the items of BOAMP and TED notices.
    Regex::new(r"^\s*(?:[-–—•➢*▪◦|]|o\s|\d{1,2}[.)]\s|[a-z][.)]\s)").expect("valid regex")
});
static LEAD: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"^(?:(?:[-•➢*▪◦>#|]+|o|\d{1,2}[.)])\s+)+").expect("valid regex")
});

pub struct Doc<'a> {
    pub text: &'a str,
    /// (byte offset of the heading line, label), in text order.
    headings: Vec<(usize, String)>,
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str) -> Doc<'a> {
        Doc {
            text,
            headings: headings(text),
        }
    }

    /// The nearest heading at or before `at`.
    pub fn section(&self, at: usize) -> String {
        let i = self.headings.partition_point(|(o, _)| *o <= at);
        match i {
            0 => "Préambule".to_string(),
            _ => self.headings[i - 1].1.clone(),
        }
    }

    /// Lines with their byte offsets.
    pub fn lines(&self) -> impl Iterator<Item = (usize, &'a str)> {
        let text = self.text;
        text.split_inclusive('\n').scan(0usize, |pos, l| {
            let at = *pos;
            *pos += l.len();
            Some((at, l.trim_end_matches(['\n', '\r'])))
        })
    }

    /// The bounds of the sentence around byte `at`.
    pub fn sentence(&self, at: usize) -> (usize, usize) {
        (self.start_of(at), self.end_of(at))
    }

    /// Is `at` on a heading: a short line with no closing punctuation, followed by a line that
    /// opens a sentence with a capitalised word (« TA Bastia, … OPQIBI » then « Le tribunal
    /// … »)? A wrapped sentence goes on in lowercase, or with an acronym.
    pub fn on_heading(&self, at: usize) -> bool {
        let t = self.text;
        let end = t[at..].find('\n').map_or(t.len(), |i| at + i);
        end < t.len() && heading_break(t, end)
    }

    /// The sentence around `at`, cleaned into a quote.
    pub fn sentence_quote(&self, at: usize) -> String {
        let (s, e) = self.sentence(at);
        quote(&self.text[s..e])
    }

    fn start_of(&self, at: usize) -> usize {
        let t = self.text;
        let floor = floor_boundary(t, at.saturating_sub(WINDOW));
        let mut i = at;
        for (p, c) in t[floor..at].char_indices().rev() {
            let p = floor + p;
            let after = &t[p + c.len_utf8()..];
            match c {
                '.' | '!' | '?' | ';' if ends_sentence(t, p, c) => return p + 1,
                ':' if after
                    .trim_start_matches([' ', '\t', '\r'])
                    .starts_with('\n') =>
                {
                    return p + 1;
                }
                '\n' if blank_or_bullet(after) || heading_break(t, p) => return p + 1,
                _ => i = p,
            }
        }
        // The text's start is a sentence's start; a window exhausted elsewhere starts at a word.
        if floor == 0 {
            return 0;
        }
        t[i..at].find(' ').map(|k| i + k + 1).unwrap_or(i)
    }

    fn end_of(&self, at: usize) -> usize {
        let t = self.text;
        let ceil = floor_boundary(t, (at + WINDOW).min(t.len()));
        let mut last = at;
        for (p, c) in t[at..ceil].char_indices() {
            let p = at + p;
            let after = &t[p + c.len_utf8()..];
            match c {
                '.' | '!' | '?' | ';' if ends_sentence(t, p, c) => return p + 1,
                ':' if after
                    .trim_start_matches([' ', '\t', '\r'])
                    .starts_with('\n') =>
                {
                    return p + 1;
                }
                '\n' if blank_or_bullet(after) || heading_break(t, p) => return p,
                _ => last = p + c.len_utf8(),
            }
        }
        t[at..last].rfind(' ').map(|k| at + k).unwrap_or(last)
    }

    /// The RC's title: the first line naming a « règlement de (la) consultation ».
    pub fn title(&self) -> Option<String> {
        static RC: LazyLock<Regex> = LazyLock::new(|| {
            // Proof: a constant pattern.
            Regex::new(r"(?i)r[èe]glement\s+de\s+(?:la\s+)?consultation").expect("valid regex")
        });
        self.lines()
            .take(80)
            .map(|(_, l)| clean_line(l))
            .find(|l| RC.is_match(l) && l.chars().count() <= 200)
    }
}

/// Does the line break at `nl` close a heading: the line before it is short, has no closing
/// punctuation and does not end on a word that a sentence goes on from (« conformément au »
/// then « Code de la commande publique »), and the next line opens with a capitalised word?
fn heading_break(t: &str, nl: usize) -> bool {
    const GOES_ON: &[&str] = &[
        "de", "du", "des", "la", "le", "les", "l", "d", "au", "aux", "et", "ou", "à", "a", "en",
        "par", "pour", "sur", "un", "une", "avec", "dans", "que", "qui", "son", "sa", "ses",
        "leur", "leurs", "ce", "cette", "est", "sont",
    ];
    let (start, _) = line_bounds(t, nl);
    let line = t[start..nl].trim();
    let last = line
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default()
        .to_lowercase();
    let mut next = t[nl..].trim_start().chars();
    // A capitalised word (« Le », « L'entreprise »), not an acronym (« OPQIBI »).
    let opens = next.next().is_some_and(char::is_uppercase)
        && next
            .next()
            .is_some_and(|c| c.is_lowercase() || [' ', '\'', '’'].contains(&c));
    !line.is_empty()
        && line.chars().count() <= 150
        && !line.ends_with(['.', ';', ':', '!', '?', ','])
        && !GOES_ON.contains(&last.as_str())
        && opens
}

/// A line without its markdown or bullet lead and surrounding spaces.
pub fn clean_line(line: &str) -> String {
    let t = line.trim().trim_start_matches('#').trim();
    let t = LEAD.replace(t, "");
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Raw text made into a quote: hyphenated line ends joined (as `validate-pack` does), spacing
/// collapsed, list markers and dangling hyphens trimmed.
pub fn quote(raw: &str) -> String {
    let joined = raw.replace("-\r\n", "").replace("-\n", "");
    let flat = joined.split_whitespace().collect::<Vec<_>>().join(" ");
    let flat = LEAD.replace(&flat, "").to_string();
    flat.trim_end_matches(['-', ' ', '[', '…'])
        .trim_start_matches([' ', ']', '…'])
        .to_string()
}

/// Does the punctuation at `p` end a sentence? Not « L. 2141-1 », not « 3.2 », not « etc. ».
fn ends_sentence(t: &str, p: usize, c: char) -> bool {
    let after = &t[p + c.len_utf8()..];
    let Some(next) = after.chars().next() else {
        return true;
    };
    if !next.is_whitespace() {
        return false;
    }
    if c == ';' {
        return true;
    }
    let following = after.trim_start().chars().next();
    if following.is_some_and(|n| n.is_ascii_digit() || n.is_lowercase()) {
        return false;
    }
    // « L. », « R. », « n. »: one letter before the period is an abbreviation.
    let before: Vec<char> = t[..p].chars().rev().take(2).collect();
    !(before.len() == 2 && before[0].is_alphabetic() && !before[1].is_alphanumeric())
}

/// Is this text a piece of a table of contents (« … DE SITES.20 ANNEXE 2 - FICHE . 21 »): two
/// titles or more, each followed by its page number? It names headings, not requirements.
pub fn is_toc(text: &str) -> bool {
    static PAGE_REF: LazyLock<Regex> = LazyLock::new(|| {
        // Proof: a constant pattern.
        Regex::new(r"(?:\.{2,}|\s\.|[^\s\d]\.)\s?\d{1,3}(?:\s|\.?$)").expect("valid regex")
    });
    // « 1- Règlement de consultation pages de 3 à 7 2- Acte d'engagement pages de 8 à 13 », « 5 –
    // Annexe 2 – Bordereau de prix … pages de 33 »: the parts of the buyer's own file.
    static PAGE_SPAN: LazyLock<Regex> = LazyLock::new(|| {
        // Proof: a constant pattern.
        Regex::new(r"(?i)\bpages?\s+(?:de\s+)?\d{1,3}(?:\s*(?:à|-)\s*\d{1,3})?\b")
            .expect("valid regex")
    });
    let trimmed = text.trim_end_matches(|c: char| c.is_whitespace() || c == '.');
    PAGE_REF.find_iter(text).take(2).count() >= 2
        || PAGE_SPAN.find_iter(text).take(2).count() >= 2
        || PAGE_SPAN
            .find_iter(trimmed)
            .last()
            .is_some_and(|m| m.end() == trimmed.len())
}

/// Does this text start with a list item (« - », « • », « 3. »)?
pub fn is_item(after: &str) -> bool {
    let line = after.split('\n').next().unwrap_or_default();
    BULLET.is_match(line)
}

/// Does a new block start after a newline: a blank line, a list item, a heading?
fn blank_or_bullet(after: &str) -> bool {
    let line = after.split('\n').next().unwrap_or_default();
    line.trim().is_empty() || BULLET.is_match(line) || line.trim_start().starts_with('#')
}

/// The nearest char boundary at or before `i`: a window cut in bytes must not split a letter.
pub(crate) fn floor_boundary(t: &str, mut i: usize) -> usize {
    while i > 0 && !t.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The text `reach` bytes (at most) before `at`, cut on a char boundary.
pub(crate) fn before(t: &str, at: usize, reach: usize) -> &str {
    &t[floor_boundary(t, at.saturating_sub(reach))..at]
}

/// The last non-blank line before the line that starts at `start` (blank lines skipped).
pub(crate) fn line_above(t: &str, start: usize) -> &str {
    let above = t[..start].trim_end();
    &above[above.rfind('\n').map_or(0, |i| i + 1)..]
}

/// Where the line holding `at` starts and ends (its newline excluded).
pub(crate) fn line_bounds(t: &str, at: usize) -> (usize, usize) {
    let start = t[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = t[at..].find('\n').map_or(t.len(), |i| at + i);
    (start, end)
}

/// The headings of the text, in order.
fn headings(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut top: Option<String> = None;
    let mut pos = 0;
    for raw in text.split_inclusive('\n') {
        let at = pos;
        pos += raw.len();
        let line = raw.trim().trim_start_matches('#').trim();
        if line.chars().count() > 160 {
            continue;
        }
        if let Some(c) = ARTICLE.captures(line) {
            let n = if c[1].eq_ignore_ascii_case("premier") {
                "1".to_string()
            } else {
                c[1].to_string()
            };
            let label = format!("Article {n}");
            top = Some(label.clone());
            out.push((at, label));
        } else if let Some(c) = ANNEXE.captures(line) {
            let is_heading = raw.trim_start().starts_with('#') || line.starts_with("ANNEXE");
            if is_heading {
                let label = format!("Annexe {}", &c[1]);
                top = Some(label.clone());
                out.push((at, label));
            }
        } else if let Some(c) = NUMBERED.captures(line) {
            let n = &c[1];
            let label = match &top {
                Some(t) if t.starts_with("Annexe") => format!("{t} — {n}"),
                _ => format!("Article {n}"),
            };
            out.push((at, label));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_and_sentences() {
        let t = "ARTICLE 6 : PRESENTATION\n\nIl est demandé d'utiliser des libellés de fichier court (moins de 30 caractères) \net en rap-\nport avec le contenu. Autre phrase.\n\n6.1.1 – PRESENTATION\n\nVoir L. 2141-1 du code. Fin.\n";
        let d = Doc::new(t);
        let at = t.find("moins de 30").unwrap_or_default();
        assert_eq!(d.section(at), "Article 6");
        assert_eq!(
            d.sentence_quote(at),
            "Il est demandé d'utiliser des libellés de fichier court (moins de 30 caractères) et en rapport avec le contenu."
        );
        let at = t.find("2141").unwrap_or_default();
        assert_eq!(d.section(at), "Article 6.1.1");
        assert_eq!(d.sentence_quote(at), "Voir L. 2141-1 du code.");
    }

    #[test]
    fn a_table_of_contents_is_told_from_a_clause() {
        assert!(is_toc(
            "ANNEXE 2 - FICHE DE SYNTHÈSE CANDIDATURE . 21 ANNEXE 3 - CADRE DE MÉMOIRE TECHNIQUE.22"
        ));
        assert!(is_toc(
            "5.1 - Documents à produire ... 5\n5.2 - Echantillons ... 6"
        ));
        assert!(!is_toc(
            "Le mémoire technique ne doit pas excéder 30 pages. Il est remis en PDF."
        ));
        assert!(!is_toc("Voir L. 2141-1 du code, article 3.2 du CCAP."));
        // The parts of the buyer's own file with their pages.
        assert!(is_toc(
            "1- Règlement de consultation pages de 3 à 7 2- Acte d’engagement pages de 8 à 13"
        ));
        assert!(is_toc(
            "5 – Annexe 2 – Bordereau de prix du renouvellement des équipements pages de 33"
        ));
        assert!(!is_toc("Le mémoire technique ne dépasse pas 10 pages."));
    }

    #[test]
    fn a_heading_is_told_from_a_wrapped_sentence() {
        let t = "TA Bastia, 31 janvier 2025, exigence de certificat OPQIBI\nLe tribunal considère qu'une offre sans certificat est irrégulière.\nLe candidat joint son certificat de qualification\nOPQIBI en cours de validité.\n";
        let d = Doc::new(t);
        assert!(d.on_heading(t.find("OPQIBI").unwrap_or_default()));
        // A line that goes on in lowercase, or that closes a sentence, is no heading.
        assert!(!d.on_heading(t.find("joint").unwrap_or_default()));
        assert!(!d.on_heading(t.find("considère").unwrap_or_default()));
        // A quote does not take in the heading above its sentence, nor stop at a line that
        // goes on (« conformément au » then « Code »).
        assert_eq!(
            d.sentence_quote(t.find("considère").unwrap_or_default()),
            "Le tribunal considère qu'une offre sans certificat est irrégulière."
        );
        let t = "Le marché est passé conformément au\nCode de la commande publique et au CCAG.\n";
        assert_eq!(
            Doc::new(t).sentence_quote(3),
            "Le marché est passé conformément au Code de la commande publique et au CCAG."
        );
    }
}
