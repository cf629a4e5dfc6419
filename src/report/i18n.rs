//! The report's own words in French (default) and English. Rule texts stay in French.

use crate::vocabulary::Status;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    /// Pick the French or English form.
    pub fn t<'a>(self, fr: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }

    pub fn status(self, s: Status) -> &'static str {
        match (self, s) {
            (Lang::Fr, Status::Pass) => "conforme",
            (Lang::Fr, Status::Fail) => "NON CONFORME",
            (Lang::Fr, Status::NotApplicable) => "sans objet",
            (Lang::Fr, Status::Unknown) => "non évaluée",
            (Lang::Fr, Status::Manual) => "à vérifier",
            (Lang::Fr, Status::Waived) => "dérogation",
            (Lang::Fr, Status::Error) => "ERREUR",
            (Lang::En, Status::Pass) => "pass",
            (Lang::En, Status::Fail) => "FAIL",
            (Lang::En, Status::NotApplicable) => "not applicable",
            (Lang::En, Status::Unknown) => "not evaluated",
            (Lang::En, Status::Manual) => "manual",
            (Lang::En, Status::Waived) => "waived",
            (Lang::En, Status::Error) => "ERROR",
        }
    }

    pub fn severity(self, s: crate::vocabulary::Severity) -> &'static str {
        use crate::vocabulary::Severity::*;
        match (self, s) {
            (Lang::Fr, Error) => "bloquant",
            (Lang::Fr, Warning) => "avertissement",
            (Lang::Fr, Info) => "info",
            (Lang::En, Error) => "error",
            (Lang::En, Warning) => "warning",
            (Lang::En, Info) => "info",
        }
    }
}
