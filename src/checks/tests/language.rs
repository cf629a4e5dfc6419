//! `language`: documents written in the expected language, or with their translation.

use crate::analysis::language::Detected;
use crate::checks::testkit::{TestBid, compile_errors, lines, text_facts};
use crate::documents::DocFacts;
use crate::inventory::FileKind;
use crate::vocabulary::Status;

fn in_language(code: &str, confidence: f64, reliable: bool) -> DocFacts {
    DocFacts {
        language: Some(Detected {
            code: code.into(),
            confidence,
            reliable,
        }),
        ..text_facts("Un texte, quel qu'il soit : la langue est donnée par le test.")
    }
}

const CHECK: &str = "kind: language\nlanguage: fr";

#[test]
fn a_french_document_passes() {
    let o = TestBid::new()
        .file("Memoire.pdf", 10, FileKind::Pdf)
        .text(
            "Memoire.pdf",
            "Le présent mémoire technique décrit l'organisation que nous proposons pour assurer \
             l'hébergement des données de santé, la supervision des serveurs et la réversibilité \
             du service à la fin du marché, dans le respect du cahier des charges.",
        )
        .evaluate(CHECK);
    assert_eq!(o.status, Status::Pass, "{o:?}");
}

#[test]
fn a_document_in_another_language_fails_unless_its_translation_is_attached() {
    let bid = TestBid::new()
        .file("beta/Certificat_ISO_Beta.pdf", 10, FileKind::Pdf)
        .document(
            "beta/Certificat_ISO_Beta.pdf",
            in_language("en", 0.97, true),
        );
    let o = bid.evaluate(CHECK);
    assert_eq!(o.status, Status::Fail);
    assert_eq!(
        lines(&o),
        ["beta/Certificat_ISO_Beta.pdf : rédigé en anglais (confiance 97 %), pas en français"]
    );
    let o = bid
        .file("beta/Certificat_ISO_FR_Beta.pdf", 10, FileKind::Pdf)
        .document(
            "beta/Certificat_ISO_FR_Beta.pdf",
            in_language("fr", 0.99, true),
        )
        .evaluate(CHECK);
    assert_eq!(o.status, Status::Pass, "{o:?}");
}

#[test]
fn an_uncertain_language_is_for_a_human() {
    let o = TestBid::new()
        .file("Tableau.pdf", 10, FileKind::Pdf)
        .document("Tableau.pdf", in_language("de", 0.4, false))
        .evaluate(CHECK);
    assert_eq!(o.status, Status::Manual);
    assert_eq!(
        o.reason.as_deref(),
        Some("à vérifier à la main : Tableau.pdf (langue incertaine (allemand probable))")
    );
}

#[test]
fn an_unknown_language_code_is_refused() {
    let errors = compile_errors("kind: language\nlanguage: klingon");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with("language : langue inconnue « klingon » : code ISO 639-1 attendu ("),
        "{errors:?}"
    );
}
