//! A shorter file name that keeps the naming convention: the `26_01_DC_` (or the offer's
//! `E2X_…_`) prefix, the supplier token and the extension stay; the label in between is
//! abbreviated. The proposal never holds a character Windows refuses, and never takes the
//! name of another file or of another proposal in its folder. bidlint only suggests: it never
//! renames anything.

use std::collections::HashSet;

use crate::text::{fold, nfc, nfc_len};

/// Characters Windows refuses in a file name (besides control characters).
const WINDOWS_FORBIDDEN: [char; 9] = ['<', '>', ':', '"', '/', '\\', '|', '?', '*'];

/// Names already used in a folder, and the proposals already made there, compared as
/// Windows and macOS compare them (case- and accent-insensitive).
#[derive(Debug, Default)]
pub struct Taken(HashSet<String>);

impl Taken {
    pub fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> Taken {
        Taken(names.into_iter().map(fold).collect())
    }
    fn contains(&self, name: &str) -> bool {
        self.0.contains(&fold(name))
    }
    fn insert(&mut self, name: &str) {
        self.0.insert(fold(name));
    }
}

/// A shorter name as [`shorten`] makes it, that is not in `taken` (a numeral is added to the
/// label when needed: `…_Moye_techn2_Alpha.pdf`); the proposal is then taken.
pub fn shorten_unique(
    name: &str,
    max: usize,
    short: Option<&str>,
    taken: &mut Taken,
) -> Option<String> {
    let first = shorten_marked(name, max, short, "")?;
    let found = if taken.contains(&first) {
        (2..100).find_map(|k| {
            shorten_marked(name, max, short, &k.to_string()).filter(|c| !taken.contains(c))
        })?
    } else {
        first
    };
    taken.insert(&found);
    Some(found)
}

/// A name with every character Windows refuses replaced by `_`, and no trailing dot or space
/// before the extension or at the end.
fn windows_safe(part: &str) -> String {
    part.chars()
        .map(|c| {
            if WINDOWS_FORBIDDEN.contains(&c) || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect()
}

/// Words are not cut below this many characters while others are longer.
const MIN_WORD: usize = 3;

/// A name of at most `max` characters, or None when the fixed parts alone do not fit.
pub fn shorten(name: &str, max: usize, short: Option<&str>) -> Option<String> {
    shorten_marked(name, max, short, "")
}

/// [`shorten`], with `mark` appended to the abbreviated label (to tell two proposals apart).
fn shorten_marked(name: &str, max: usize, short: Option<&str>, mark: &str) -> Option<String> {
    let name = windows_safe(&nfc(name));
    let (stem, ext) = match name.rfind('.') {
        Some(i) if i > 0 => (&name[..i], &name[i..]),
        _ => (name.as_str(), ""),
    };
    let prefix_len = convention_prefix(stem);
    let (prefix, rest) = stem.split_at(prefix_len);
    let (middle, suffix) = match short {
        Some(s) => split_suffix(rest, s),
        None => (rest, ""),
    };
    let ext = ext.trim_end_matches(['.', ' ']);
    let fixed = nfc_len(prefix) + nfc_len(suffix) + nfc_len(ext) + nfc_len(mark);
    let budget = max.checked_sub(fixed)?;
    if budget == 0 {
        return None;
    }
    let mut words: Vec<Vec<char>> = middle
        .split(['_', '-', ' '])
        .filter(|w| !w.is_empty())
        .map(|w| w.chars().collect())
        .collect();
    let joined_len =
        |w: &[Vec<char>]| w.iter().map(Vec::len).sum::<usize>() + w.len().saturating_sub(1);
    // Cut the longest word one character at a time: every word keeps its start, which is
    // what a reader recognises.
    while joined_len(&words) > budget {
        let Some((i, len)) = words
            .iter()
            .map(Vec::len)
            .enumerate()
            .max_by_key(|(i, l)| (*l, usize::MAX - i))
        else {
            break;
        };
        if len <= MIN_WORD {
            break;
        }
        words[i].pop();
    }
    while joined_len(&words) > budget && words.len() > 1 {
        words.pop();
    }
    let mut label: String = words
        .iter()
        .map(|w| w.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("_");
    if nfc_len(&label) > budget {
        label = label.chars().take(budget).collect();
    }
    // Windows drops a trailing dot or space: the label never ends with one.
    let label = label.trim_end_matches(['_', '.', ' ']);
    if label.is_empty() {
        return None;
    }
    Some(format!("{prefix}{label}{mark}{suffix}{ext}"))
}

/// Length of a convention prefix: the candidature's `26_01_DC_` (numeric parts, then at most
/// one upper-case code), or the offer's `E2X_` with its document code (`E2X_L03_`).
fn convention_prefix(stem: &str) -> usize {
    let code = |core: &str| {
        !core.is_empty()
            && core.len() <= 4
            && core
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            && core.chars().any(|c| c.is_ascii_uppercase())
    };
    let mut end = 0;
    let mut numbers = 0;
    let mut offer = false;
    for part in stem.split_inclusive('_') {
        let core = part.trim_end_matches('_');
        if !part.ends_with('_') || core.is_empty() {
            break;
        }
        if core.chars().all(|c| c.is_ascii_digit()) && !offer {
            numbers += 1;
            end += part.len();
        } else if end == 0 && is_offer_code(core) {
            offer = true;
            end += part.len();
        } else if (numbers > 0 || offer) && code(core) {
            end += part.len();
            break;
        } else {
            break;
        }
    }
    end
}

/// The offer's convention code: `E2X`, `E2A`… (« E » for étape, its number, a letter).
fn is_offer_code(core: &str) -> bool {
    let mut c = core.chars();
    c.next() == Some('E')
        && c.next().is_some_and(|d| d.is_ascii_digit())
        && c.all(|x| x.is_ascii_uppercase() || x.is_ascii_digit())
        && core.len() <= 4
}

/// Split `_Short` (any case, accents ignored) off the end of `rest`.
fn split_suffix<'a>(rest: &'a str, short: &str) -> (&'a str, &'a str) {
    let folded_short = fold(short);
    if let Some(i) = rest.rfind(['_', '-', ' '])
        && fold(&rest[i + 1..]) == folded_short
    {
        return (&rest[..i], &rest[i..]);
    }
    (rest, "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_prefix_token_and_extension() {
        let s = shorten("26_01_DC_Moyens_techniques_Alpha.pdf", 29, Some("Alpha")).unwrap();
        assert!(s.starts_with("26_01_DC_"), "{s}");
        assert!(s.ends_with("_Alpha.pdf"), "{s}");
        assert!(nfc_len(&s) <= 29, "{s}");
        assert_eq!(s, "26_01_DC_Moye_techn_Alpha.pdf");
    }

    #[test]
    fn counts_accented_characters_not_bytes() {
        let s = shorten(
            "26_01_DC_Déclaration_sur_l_honneur_Bêta.pdf",
            29,
            Some("Bêta"),
        )
        .unwrap();
        assert!(nfc_len(&s) <= 29 && s.ends_with("_Bêta.pdf"), "{s}");
    }

    #[test]
    fn gives_up_when_fixed_parts_do_not_fit() {
        assert_eq!(
            shorten(
                "26_01_DC_X_UnNomDeFournisseurTresTresLong.pdf",
                29,
                Some("UnNomDeFournisseurTresTresLong")
            ),
            None
        );
    }

    #[test]
    fn offer_prefix_and_member_token_are_kept() {
        let s = shorten(
            "E2X_L03_Memoire_technique_general_Alpha.pdf",
            29,
            Some("Alpha"),
        )
        .unwrap();
        assert!(
            s.starts_with("E2X_L03_") && s.ends_with("_Alpha.pdf"),
            "{s}"
        );
        assert!(nfc_len(&s) <= 29, "{s}");
    }

    #[test]
    fn never_proposes_what_windows_refuses() {
        let s = shorten("26_01_DC_Moyens: tech?niques*_Alpha.pdf", 29, Some("Alpha")).unwrap();
        assert!(!s.chars().any(|c| WINDOWS_FORBIDDEN.contains(&c)), "{s}");
        assert!(
            s.starts_with("26_01_DC_") && s.ends_with("_Alpha.pdf"),
            "{s}"
        );
        let s = shorten(
            "26_01_DC_Annexe_financiere_v2._Alpha.pdf",
            29,
            Some("Alpha"),
        )
        .unwrap();
        let label = s.trim_end_matches("_Alpha.pdf");
        assert!(!label.ends_with(['.', ' ']), "{s}");
        assert!(s.ends_with("_Alpha.pdf") && nfc_len(&s) <= 29, "{s}");
    }

    #[test]
    fn proposals_never_collide_with_a_file_or_each_other() {
        let mut taken = Taken::new(["26_01_DC_Moye_techn_Alpha.pdf", "26_01_DC_DH_Alpha.pdf"]);
        let a = shorten_unique(
            "26_01_DC_Moyens_techniques_Alpha.pdf",
            29,
            Some("Alpha"),
            &mut taken,
        )
        .unwrap();
        let b = shorten_unique(
            "26_01_DC_Moyens_technologiques_Alpha.pdf",
            29,
            Some("Alpha"),
            &mut taken,
        )
        .unwrap();
        assert_ne!(a, "26_01_DC_Moye_techn_Alpha.pdf");
        assert_ne!(fold(&a), fold(&b));
        for s in [&a, &b] {
            assert!(
                nfc_len(s) <= 29 && s.starts_with("26_01_DC_") && s.ends_with("_Alpha.pdf"),
                "{s}"
            );
        }
    }

    #[test]
    fn prefix_detection() {
        assert_eq!(convention_prefix("E2X_L03_Memoire_Alpha"), 8);
        assert_eq!(convention_prefix("E2X_Memoire_Alpha"), 4);
        assert_eq!(convention_prefix("26_01_DC_Attestation_Beta"), 9);
        assert_eq!(convention_prefix("Attestation_Beta"), 0);
        assert_eq!(convention_prefix("DH_Beta"), 0);
        assert_eq!(convention_prefix("26_01_DC_DH_Beta"), 9);
    }
}
