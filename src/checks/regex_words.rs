//! Why a pack's regex does not compile, in French: the regex crate says it in English
//! (« unclosed group »), and a pack author is told what to fix and where in the pattern.

use regex_syntax::ast::ErrorKind;

/// The French cause of `error`, raised compiling `pattern`.
pub fn regex_error_fr(pattern: &str, error: &regex::Error) -> String {
    match error {
        regex::Error::CompiledTooBig(limit) => format!(
            "expression trop complexe : plus de {} Ko une fois compilée",
            limit / 1024
        ),
        _ => match regex_syntax::ast::parse::Parser::new().parse(pattern) {
            Err(e) => format!(
                "{} (caractère {} de « {pattern} »)",
                syntax_fr(e.kind()),
                e.span().start.column
            ),
            // Parsed, then refused when translated (a class Unicode does not know, an
            // empty character class…).
            Ok(_) => format!("construction non prise en charge dans « {pattern} »"),
        },
    }
}

fn syntax_fr(kind: &ErrorKind) -> &'static str {
    match kind {
        ErrorKind::GroupUnclosed => "parenthèse ouverte jamais fermée",
        ErrorKind::GroupUnopened => "parenthèse fermante sans parenthèse ouvrante",
        ErrorKind::ClassUnclosed => "crochet [ jamais fermé",
        ErrorKind::ClassRangeInvalid => "intervalle de caractères à l'envers (z-a au lieu de a-z)",
        ErrorKind::ClassEscapeInvalid | ErrorKind::ClassRangeLiteral => {
            "caractère invalide dans un intervalle entre crochets"
        }
        ErrorKind::RepetitionMissing => "répétition (*, +, ? ou {…}) sans rien à répéter",
        ErrorKind::RepetitionCountUnclosed => "accolade { de répétition jamais fermée",
        ErrorKind::RepetitionCountInvalid => {
            "répétition {min,max} dont le minimum dépasse le maximum"
        }
        ErrorKind::RepetitionCountDecimalEmpty | ErrorKind::DecimalEmpty => {
            "nombre attendu dans la répétition {…}"
        }
        ErrorKind::DecimalInvalid => "nombre de répétition invalide",
        ErrorKind::EscapeUnrecognized => {
            "séquence d'échappement inconnue (\\ suivi d'une lettre sans signification)"
        }
        ErrorKind::EscapeUnexpectedEof => "\\ seul à la fin de l'expression",
        ErrorKind::EscapeHexEmpty
        | ErrorKind::EscapeHexInvalid
        | ErrorKind::EscapeHexInvalidDigit => "code hexadécimal \\x invalide",
        ErrorKind::FlagUnrecognized
        | ErrorKind::FlagDuplicate { .. }
        | ErrorKind::FlagRepeatedNegation { .. } => "option (?…) inconnue ou répétée",
        ErrorKind::FlagDanglingNegation | ErrorKind::FlagUnexpectedEof => "option (?…) incomplète",
        ErrorKind::GroupNameDuplicate { .. } => "nom de groupe employé deux fois",
        ErrorKind::GroupNameEmpty
        | ErrorKind::GroupNameInvalid
        | ErrorKind::GroupNameUnexpectedEof => "nom de groupe (?P<…>) invalide",
        ErrorKind::UnsupportedLookAround => {
            "les assertions (?=…), (?!…), (?<=…) et (?<!…) ne sont pas prises en charge"
        }
        ErrorKind::UnsupportedBackreference => {
            "les références arrière (\\1) ne sont pas prises en charge"
        }
        ErrorKind::NestLimitExceeded(_) | ErrorKind::CaptureLimitExceeded => {
            "expression trop imbriquée"
        }
        ErrorKind::UnicodeClassInvalid => "classe Unicode \\p{…} inconnue",
        _ => "syntaxe invalide",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cause(pattern: &str) -> String {
        let e = regex::Regex::new(pattern).expect_err("invalid pattern");
        regex_error_fr(pattern, &e)
    }

    #[test]
    fn syntax_errors_are_said_in_french_with_their_place() {
        assert_eq!(
            cause("^26_(01"),
            "parenthèse ouverte jamais fermée (caractère 5 de « ^26_(01 »)"
        );
        assert_eq!(
            cause("[a-"),
            "crochet [ jamais fermé (caractère 1 de « [a- »)"
        );
        assert_eq!(
            cause("(?=x)"),
            "les assertions (?=…), (?!…), (?<=…) et (?<!…) ne sont pas prises en charge (caractère 1 de « (?=x) »)"
        );
        assert!(cause("*a").starts_with("répétition"));
    }
}
