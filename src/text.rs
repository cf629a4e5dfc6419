//! Small text helpers shared by the checks and the reports: folding for comparisons, NFC
//! character counts, sizes in French.

use crate::say;
use crate::vocabulary::Lang;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lowercase, accents removed: « Mémoire » and « MEMOIRE » compare equal.
pub fn fold(s: &str) -> String {
    s.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Accents removed, case kept: for a regex compared with folded text (lowercasing a pattern
/// would turn `\S` into `\s`; the regex is case-insensitive instead).
pub fn strip_accents(s: &str) -> String {
    s.nfd().filter(|c| !is_combining_mark(*c)).collect()
}

/// The candidate closest to `given`, case and accents aside, when it is close enough to be
/// what was meant (Jaro-Winkler above 0.8): the « vouliez-vous dire » of a mistyped id.
pub fn nearest<'a>(given: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let given = fold(given);
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&given, &fold(c)), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// Characters after NFC normalisation: what a user (and a platform) counts. An NFD name from
/// macOS (`e` + combining accent) counts like its NFC form.
pub fn nfc_len(s: &str) -> usize {
    s.nfc().count()
}

pub fn nfc(s: &str) -> String {
    s.nfc().collect()
}

/// Unicode compatibility normalisation (NFKC) of a document's text: the ligatures PDF
/// producers emit (`ﬁnancier` is `U+FB01` + `nancier`) become letters that a rule's
/// `financier` matches, full-width and superscript digits become digits, non-breaking spaces
/// spaces. Text already in that form (the quick check says so) is returned as it is.
pub fn compatible(s: String) -> String {
    use unicode_normalization::{IsNormalized, is_nfkc_quick};
    if is_nfkc_quick(s.chars()) == IsNormalized::Yes {
        s
    } else {
        s.nfkc().collect()
    }
}

/// Split a file name (without extension) into its tokens: `26_01_DC_DH_Alpha` -> 26, 01, DC…
pub fn name_tokens(stem: &str) -> impl Iterator<Item = &str> {
    stem.split(['_', '-', '.', ' ', '(', ')'])
        .filter(|t| !t.is_empty())
}

/// File name without its last extension.
pub fn stem(name: &str) -> &str {
    match name.rfind('.') {
        Some(i) if i > 0 => &name[..i],
        _ => name,
    }
}

/// Lowercased last extension, if any.
pub fn extension(name: &str) -> Option<String> {
    match name.rfind('.') {
        Some(i) if i > 0 && i + 1 < name.len() => Some(name[i + 1..].to_lowercase()),
        _ => None,
    }
}

/// Sizes as a French reader writes them: « 1,3 Go ».
pub fn human_size(bytes: u64, lang: Lang) -> String {
    let units = [
        (1_000_000_000u64, lang.t("Go", "GB")),
        (1_000_000, lang.t("Mo", "MB")),
        (1_000, lang.t("Ko", "kB")),
    ];
    for (unit, name) in units {
        if bytes >= unit {
            let v = format!("{:.1}", bytes as f64 / unit as f64);
            return match lang {
                Lang::Fr => format!("{} {name}", v.replace('.', ",")),
                Lang::En => format!("{v} {name}"),
            };
        }
    }
    say!(lang, "{bytes} octets", "{bytes} bytes")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_lose_their_accents_not_their_case() {
        // `\S` must stay `\S`: lowercasing a regex would change its meaning.
        assert_eq!(strip_accents(r"d[ée]claration\S+"), r"d[ee]claration\S+");
        assert_eq!(strip_accents("Mémoire"), "Memoire");
    }

    #[test]
    fn ligatures_and_compatibility_forms_become_letters() {
        assert_eq!(
            compatible("\u{FB01}nancier \u{FB00}ort".into()),
            "financier ffort"
        );
        assert_eq!(compatible("30\u{A0}000\u{202F}€ m²".into()), "30 000 € m2");
        assert_eq!(compatible("déjà normal".into()), "déjà normal");
    }

    #[test]
    fn folding_and_counting() {
        assert_eq!(fold("Mémoire Technique"), "memoire technique");
        let nfd = "Me\u{301}moire";
        assert_eq!(nfd.chars().count(), 8);
        assert_eq!(nfc_len(nfd), 7);
        assert_eq!(stem("a.b.pdf"), "a.b");
        assert_eq!(stem(".DS_Store"), ".DS_Store");
        assert_eq!(extension("X.PDF").as_deref(), Some("pdf"));
        assert_eq!(extension("noext"), None);
    }
}
