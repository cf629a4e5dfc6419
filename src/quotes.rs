//! Is a rule's quote really in its source? Compared on normalised text, so that line breaks,
//! spacing, hyphenation at line ends, typographic quotes and apostrophes do not matter, but
//! words do. An ellipsis (… or ...) in a quote marks a cut: the parts must appear in order.

use unicode_normalization::UnicodeNormalization;

/// Text reduced to what a quote must match: NFC, lowercase, ’ → ', « » “ ” → ", dashes → -,
/// hyphenated line breaks joined, all spacing collapsed to one space.
pub fn normalize(text: &str) -> String {
    let joined = text.replace("-\r\n", "").replace("-\n", "");
    let mut out = String::with_capacity(joined.len());
    let mut space = false;
    for c in joined.nfc().flat_map(char::to_lowercase) {
        let c = match c {
            '’' | '‘' | '`' | 'ʼ' => '\'',
            '«' | '»' | '“' | '”' | '„' => '"',
            '–' | '—' | '‑' | '−' => '-',
            '\u{a0}' | '\u{202f}' | '\t' | '\r' | '\n' => ' ',
            c => c,
        };
        if c == ' ' {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        // Spaces inside French quotes (« texte ») are typography, not words.
        if c == '"' && out.ends_with(' ') {
            out.pop();
        }
        out.push(c);
    }
    out.replace("\" ", "\"")
}

/// The parts of a quote between ellipses, normalised, non-empty.
pub fn fragments(quote: &str) -> Vec<String> {
    quote
        .replace("...", "…")
        .split(['…', '[', ']'])
        .map(normalize)
        .map(|f| {
            f.trim_matches(|c: char| c == ' ' || c == '"' || c == ',' || c == ';')
                .to_string()
        })
        .filter(|f| !f.is_empty())
        .collect()
}

/// Where the quote's fragments are found, in order; the first missing fragment otherwise.
pub fn find(quote: &str, normalized_source: &str) -> Result<(), String> {
    let mut from = 0;
    for f in fragments(quote) {
        match normalized_source[from..].find(&f) {
            Some(at) => from += at + f.len(),
            None => return Err(f),
        }
    }
    Ok(())
}

/// The passage of the source that shares the most words, in order, with `fragment`: what
/// the author probably meant to quote.
pub fn closest(fragment: &str, normalized_source: &str) -> String {
    let want: Vec<&str> = fragment.split(' ').collect();
    let words: Vec<(usize, &str)> = word_positions(normalized_source);
    let window = want.len() + want.len() / 2 + 2;
    // (hits, -span) is maximised: most shared words, then the tightest passage.
    let mut best: Option<(usize, isize, usize, usize)> = None;
    for start in (0..words.len()).filter(|&i| want.contains(&words[i].1)) {
        let (mut k, mut hits, mut last) = (0, 0, start);
        for (i, (_, w)) in words.iter().enumerate().skip(start).take(window) {
            if let Some(j) = want[k.min(want.len())..].iter().position(|x| x == w) {
                hits += 1;
                k += j + 1;
                last = i;
            }
        }
        let key = (hits, -((last - start) as isize));
        if best.is_none_or(|b| key > (b.0, b.1)) {
            best = Some((hits, key.1, start, last));
        }
    }
    match best {
        Some((_, _, start, last)) => {
            let (begin, _) = words[start];
            let (end, w) = words[last];
            normalized_source[begin..end + w.len()].to_string()
        }
        None => String::new(),
    }
}

fn word_positions(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in s.char_indices() {
        if c == ' ' {
            if i > start {
                out.push((start, &s[start..i]));
            }
            start = i + 1;
        }
    }
    if start < s.len() {
        out.push((start, &s[start..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ignores_layout_and_typography_not_words() {
        let src = normalize(
            "libellés de fichier court (moins de 30\ncaractères) et en rap-\nport avec le contenu dudit fichier",
        );
        assert!(find("libellés de fichier court (moins de 30 caractères)", &src).is_ok());
        assert!(find("en rapport avec le contenu", &src).is_ok());
        assert!(find("libellés de fichier … en rapport avec le contenu", &src).is_ok());
        assert_eq!(
            find("libellés de fichier long", &src),
            Err("libellés de fichier long".to_string())
        );
        let src = normalize("l’acheteur « Copie de sauvegarde »");
        assert!(find("l'acheteur \"Copie de sauvegarde\"", &src).is_ok());
    }

    #[test]
    fn order_of_fragments_matters() {
        let src = normalize("premier mot puis second mot");
        assert!(find("premier … second", &src).is_ok());
        assert!(find("second … premier", &src).is_err());
    }

    #[test]
    fn closest_passage_of_a_near_miss() {
        let src = normalize(
            "Les éléments de la candidature ainsi que les offres sont entièrement rédigés en langue française et exprimés en EUROS.",
        );
        let near = closest(
            &normalize("les offres sont rédigées en langue française"),
            &src,
        );
        assert!(
            near.starts_with("les offres sont entièrement rédigés en langue française"),
            "{near}"
        );
    }
}
