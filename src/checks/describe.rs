//! The words the check kinds share when they say what they verify (`CheckKind::describe`,
//! for `bidlint explain`) and where (`CheckKind::scope`): a bid manager reads what bidlint
//! looks at and what makes it fail, not the pack's YAML and regexes.

use super::params::Selector;
use crate::vocabulary::Scope;

/// The files a check reads, in words.
pub(super) fn files(sel: Option<&Selector>) -> String {
    match sel {
        Some(s) if !s.pieces.is_empty() => format!("pièces {}", s.pieces.join(", ")),
        Some(s) if !s.extensions.is_empty() => format!("fichiers {}", s.extensions.join(", ")),
        Some(_) => "fichiers sélectionnés".to_string(),
        None => "tout le dépôt".to_string(),
    }
}

/// The documents a content check reads.
pub(super) fn selected(sel: Option<&Selector>) -> Scope {
    match sel {
        Some(s) if !s.pieces.is_empty() => Scope::Pieces(s.pieces.clone()),
        Some(_) => Scope::SelectedDocuments,
        None => Scope::AllDocuments,
    }
}

pub(super) fn language_name(code: &str) -> &str {
    match code {
        "fr" => "français",
        "en" => "anglais",
        "de" => "allemand",
        "es" => "espagnol",
        "it" => "italien",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::Check;
    use crate::checks::filename_length::FilenameLength;

    #[test]
    fn a_name_limit_is_said_in_words() {
        let c = Check::FilenameLength(FilenameLength {
            max: 29,
            select: None,
        });
        assert_eq!(
            c.describe(),
            [
                "Chaque nom de fichier (tout le dépôt), extension comprise, compte au plus 29 caractères ; un nom plus long reçoit une proposition plus courte qui garde le préfixe et le nom du membre."
            ]
        );
    }
}
