//! A mistake on the command line said in French: clap says it in English (« unrecognized
//! subcommand »), and a bid manager who typed `bidlint verifier` reads what went wrong and
//! the nearest command. `--help` and `--version` stay clap's own (the help is in English, as
//! the README says).

use clap::error::{ContextKind, ContextValue, ErrorKind};

/// Should this parse outcome be printed as clap prints it (help, version)?
pub fn is_clap_output(e: &clap::Error) -> bool {
    matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    )
}

/// The error in French, with the nearest command or option clap found, and where to look.
pub fn french(e: &clap::Error) -> String {
    let ctx = |k: ContextKind| e.get(k).map(ToString::to_string).unwrap_or_default();
    let what = match e.kind() {
        ErrorKind::InvalidSubcommand => {
            format!(
                "commande inconnue « {} »",
                ctx(ContextKind::InvalidSubcommand)
            )
        }
        ErrorKind::UnknownArgument => {
            format!(
                "option ou argument inconnu « {} »",
                ctx(ContextKind::InvalidArg)
            )
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let mut s = format!(
                "valeur « {} » refusée pour {}",
                ctx(ContextKind::InvalidValue),
                ctx(ContextKind::InvalidArg)
            );
            let valid = ctx(ContextKind::ValidValue);
            if !valid.is_empty() {
                s.push_str(&format!(" (valeurs possibles : {valid})"));
            }
            // A value parser of ours says why, in French.
            if let Some(why) = std::error::Error::source(e) {
                s.push_str(&format!(" : {why}"));
            }
            s
        }
        ErrorKind::MissingRequiredArgument => format!(
            "argument obligatoire manquant : {}",
            ctx(ContextKind::InvalidArg)
        ),
        ErrorKind::MissingSubcommand => "commande manquante".to_string(),
        ErrorKind::ArgumentConflict => format!(
            "{} ne peut pas être employé avec {}",
            ctx(ContextKind::InvalidArg),
            ctx(ContextKind::PriorArg)
        ),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            format!(
                "nombre de valeurs incorrect pour {}",
                ctx(ContextKind::InvalidArg)
            )
        }
        ErrorKind::NoEquals => format!(
            "{} attend sa valeur après un signe = ",
            ctx(ContextKind::InvalidArg)
        ),
        _ => "ligne de commande invalide".to_string(),
    };
    // clap lists its suggestions from the farthest to the nearest.
    let suggestion = [ContextKind::SuggestedSubcommand, ContextKind::SuggestedArg]
        .into_iter()
        .find_map(|k| match e.get(k)? {
            ContextValue::String(s) => Some(s.clone()),
            ContextValue::Strings(list) => list.last().cloned(),
            _ => None,
        })
        .map(|s| format!("\nvouliez-vous dire « {s} » ?"))
        .unwrap_or_default();
    format!("bidlint : {what}{suggestion}\naide : bidlint --help (ou bidlint COMMANDE --help)")
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn error(args: &[&str]) -> String {
        let e = super::super::Cli::try_parse_from(args).expect_err("a mistake");
        assert!(!is_clap_output(&e));
        french(&e)
    }

    #[test]
    fn a_mistyped_command_is_said_in_french_with_the_nearest_one() {
        let said = error(&["bidlint", "chek", "."]);
        assert!(
            said.starts_with("bidlint : commande inconnue « chek »"),
            "{said}"
        );
        assert!(said.contains("vouliez-vous dire « check » ?"), "{said}");
    }

    #[test]
    fn a_bad_value_names_the_accepted_ones() {
        let said = error(&["bidlint", "check", ".", "--fail-on", "jamais"]);
        assert!(
            said.contains("valeur « jamais » refusée pour --fail-on"),
            "{said}"
        );
        assert!(said.contains("valeurs possibles"), "{said}");
        let missing = error(&["bidlint", "explain"]);
        assert!(
            missing.contains("argument obligatoire manquant"),
            "{missing}"
        );
        let unknown = error(&["bidlint", "check", ".", "--formt", "json"]);
        assert!(
            unknown.contains("option ou argument inconnu « --formt »"),
            "{unknown}"
        );
        assert!(unknown.contains("« --format »"), "{unknown}");
    }
}
