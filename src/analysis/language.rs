//! Which language a document is written in, with whatlang, restricted to the languages a
//! French tender meets, over a bounded sample of the text. A text with too few letters to
//! tell gives `None`: a table of figures has no language.

use serde::{Deserialize, Serialize};
use whatlang::{Detector, Lang};

use crate::vocabulary::Lang as ReportLang;

/// Letters below which the language is not judged.
const MIN_LETTERS: usize = 200;
/// Characters sampled from the beginning, middle and end of a long text: three slices of
/// 2,000 characters each are far past what whatlang needs to be reliable on running text, and
/// the detection was a third of a warm run on a 250-document bid with 20,000.
const SAMPLE_CHARS: usize = 6_000;

/// (ISO 639-1 code, name in French, whatlang language).
/// Code, name in French, name in English, the detector's language.
const LANGUAGES: [(&str, &str, &str, Lang); 7] = [
    ("fr", "français", "French", Lang::Fra),
    ("en", "anglais", "English", Lang::Eng),
    ("de", "allemand", "German", Lang::Deu),
    ("es", "espagnol", "Spanish", Lang::Spa),
    ("it", "italien", "Italian", Lang::Ita),
    ("pt", "portugais", "Portuguese", Lang::Por),
    ("nl", "néerlandais", "Dutch", Lang::Nld),
];

/// The codes a pack may ask for.
pub const SUPPORTED: [&str; 7] = ["fr", "en", "de", "es", "it", "pt", "nl"];

/// A detected language. Kept with a document's facts (and in the cache): detected once, in
/// the worker, not at every run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Detected {
    /// ISO 639-1 code, one of [`SUPPORTED`].
    pub code: String,
    pub confidence: f64,
    pub reliable: bool,
}

impl Detected {
    /// The language's name in the report's language (« anglais », "English").
    pub fn name(&self, lang: ReportLang) -> &'static str {
        name(&self.code, lang).unwrap_or(lang.t("langue inconnue", "unknown language"))
    }
}

/// The name of the language of ISO 639-1 `code`, in `lang`; `None` for a code not supported.
pub fn name(code: &str, lang: ReportLang) -> Option<&'static str> {
    LANGUAGES
        .iter()
        .find(|(c, _, _, _)| *c == code)
        .map(|(_, fr, en, _)| lang.t(fr, en))
}

pub fn detect(text: &str) -> Option<Detected> {
    let sample = sample(text);
    if sample.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS {
        return None;
    }
    let detector = Detector::with_allowlist(LANGUAGES.iter().map(|(_, _, _, l)| *l).collect());
    let info = detector.detect(&sample)?;
    let (code, _, _, _) = LANGUAGES.iter().find(|(_, _, _, l)| *l == info.lang())?;
    Some(Detected {
        code: code.to_string(),
        confidence: info.confidence(),
        reliable: info.is_reliable(),
    })
}

/// Up to [`SAMPLE_CHARS`] characters: the whole text when short, else three slices, cut at
/// character boundaries.
fn sample(text: &str) -> String {
    let total = text.chars().count();
    if total <= SAMPLE_CHARS {
        return text.to_string();
    }
    let part = SAMPLE_CHARS / 3;
    let starts = [0, total / 2 - part / 2, total - part];
    let mut out = String::with_capacity(SAMPLE_CHARS * 2);
    for s in starts {
        out.extend(text.chars().skip(s).take(part));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const FR: &str = "Le présent mémoire technique décrit l'organisation retenue par le groupement pour \
        assurer le maintien en condition opérationnelle de la plateforme, la sécurité des données \
        de santé et la continuité du service auprès des établissements adhérents. Nous détaillons \
        les moyens humains, les outils de supervision et les engagements de délai de rétablissement \
        pour chacun des niveaux de support, ainsi que la gouvernance du projet open source.";
    const EN: &str = "This technical report describes the organisation chosen by the consortium to keep \
        the platform in operational condition, to secure health data and to ensure continuity of \
        service for the member hospitals. We detail the staff, the monitoring tools and the \
        recovery time commitments for each support level, as well as the governance of the \
        open source project and the roadmap agreed with the buyer.";
    const DE: &str = "Dieser technische Bericht beschreibt die vom Konsortium gewählte Organisation, um \
        die Plattform betriebsbereit zu halten, Gesundheitsdaten zu schützen und die Kontinuität \
        des Dienstes für die Mitgliedskrankenhäuser zu gewährleisten. Wir beschreiben das Personal, \
        die Überwachungswerkzeuge und die Zusagen zur Wiederherstellungszeit für jede Supportstufe.";

    #[test]
    fn languages_are_told_apart() {
        assert_eq!(detect(FR).map(|d| d.code).as_deref(), Some("fr"));
        let en = detect(EN).unwrap();
        assert_eq!(
            (en.code.as_str(), en.name(ReportLang::Fr)),
            ("en", "anglais")
        );
        assert_eq!(en.name(ReportLang::En), "English");
        assert_eq!(detect(DE).map(|d| d.code).as_deref(), Some("de"));
    }

    #[test]
    fn french_with_english_jargon_is_french() {
        let t = format!(
            "{FR} Le cloud, le DevOps, l'open source et le CI/CD sont au cœur de la démarche."
        );
        assert_eq!(detect(&t).map(|d| d.code).as_deref(), Some("fr"));
    }

    #[test]
    fn too_little_text() {
        assert_eq!(detect(""), None);
        assert_eq!(detect("2023 4200000 2900000 600000 2024 4750000"), None);
        assert_eq!(detect("Chiffre d'affaires"), None);
    }

    #[test]
    fn long_text_is_sampled() {
        let t = FR.repeat(20_000);
        let started = std::time::Instant::now();
        assert_eq!(detect(&t).map(|d| d.code).as_deref(), Some("fr"));
        assert!(started.elapsed().as_secs() < 5);
    }
}
