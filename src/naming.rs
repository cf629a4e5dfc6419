//! A shorter file name that keeps the naming convention: the `26_01_DC_` prefix, the
//! supplier token and the extension stay; the label in between is abbreviated. bidlint only
//! suggests: it never renames anything.

use crate::text::{fold, nfc, nfc_len};

/// Words are not cut below this many characters while others are longer.
const MIN_WORD: usize = 3;

/// A name of at most `max` characters, or None when the fixed parts alone do not fit.
pub fn shorten(name: &str, max: usize, short: Option<&str>) -> Option<String> {
    let name = nfc(name);
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
    let fixed = nfc_len(prefix) + nfc_len(suffix) + nfc_len(ext);
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
    let label = label.trim_end_matches('_');
    if label.is_empty() {
        return None;
    }
    Some(format!("{prefix}{label}{suffix}{ext}"))
}

/// Length of a `26_01_DC_`-like prefix: numeric parts, then at most one upper-case code,
/// each followed by `_`.
fn convention_prefix(stem: &str) -> usize {
    let mut end = 0;
    let mut numbers = 0;
    for part in stem.split_inclusive('_') {
        let core = part.trim_end_matches('_');
        if !part.ends_with('_') || core.is_empty() {
            break;
        }
        if core.chars().all(|c| c.is_ascii_digit()) {
            numbers += 1;
            end += part.len();
        } else if numbers > 0 && core.len() <= 4 && core.chars().all(|c| c.is_ascii_uppercase()) {
            end += part.len();
            break;
        } else {
            break;
        }
    }
    end
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
    fn prefix_detection() {
        assert_eq!(convention_prefix("26_01_DC_Attestation_Beta"), 9);
        assert_eq!(convention_prefix("Attestation_Beta"), 0);
        assert_eq!(convention_prefix("DH_Beta"), 0);
        assert_eq!(convention_prefix("26_01_DC_DH_Beta"), 9);
    }
}
