//! The report's own words in French (default) and English. Rule texts stay in French.

use crate::vocabulary::{JointDocument, MemberCriteria, Role, Scope, Status};

pub use crate::vocabulary::Lang;

impl Lang {
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

    /// Where a requirement applies, in words.
    pub fn scope(self, scope: &Scope) -> String {
        match scope {
            Scope::AllFiles => self
                .t("tous les fichiers du dépôt", "every file of the deposit")
                .into(),
            Scope::Bid => self.t("le dossier", "the bid").into(),
            Scope::Members { criteria, joint } => {
                let who = match criteria {
                    Some(c) if !c.only_excludes() => {
                        format!("{} ({})", self.t("membres", "members"), self.criteria(c))
                    }
                    Some(c) if !c.except_roles.is_empty() => {
                        format!(
                            "{}, {}",
                            self.t("chaque membre", "each member"),
                            self.criteria(c)
                        )
                    }
                    _ => self.t("chaque membre", "each member").to_string(),
                };
                let joint = match joint {
                    JointDocument::No => "",
                    JointDocument::Admitted => {
                        self.t(" (document commun admis)", " (one joint document accepted)")
                    }
                    JointDocument::IfNamed => self.t(
                        " (document commun admis s'il nomme le membre)",
                        " (a joint document accepted if it names the member)",
                    ),
                };
                format!("{who}{joint}")
            }
            Scope::Hosting => self
                .t("hébergement (bid.yaml)", "hosting (bid.yaml)")
                .into(),
            Scope::Lots => self.t("lots (bid.yaml)", "lots (bid.yaml)").into(),
            Scope::OperatorBids => self
                .t(
                    "toutes les réponses de l'opérateur",
                    "every bid of the operator",
                )
                .into(),
            Scope::Human => self.t("vérification humaine", "human check").into(),
            Scope::Pieces(ids) => format!("{} {}", self.t("pièces :", "pieces:"), ids.join(", ")),
            Scope::SelectedDocuments => self
                .t("documents sélectionnés", "selected documents")
                .into(),
            Scope::AllDocuments => self
                .t(
                    "tous les documents du dépôt",
                    "every document of the deposit",
                )
                .into(),
        }
    }

    /// A member filter as the pack writes it, the exclusion in words.
    fn criteria(self, c: &MemberCriteria) -> String {
        let roles = |roles: &[Role], sep: &str| {
            roles
                .iter()
                .map(|r| r.as_str())
                .collect::<Vec<_>>()
                .join(sep)
        };
        let mut parts = Vec::new();
        if let Some(h) = c.hosting {
            parts.push(format!("hosting: {h}"));
        }
        if let Some(r) = c.redressement_judiciaire {
            parts.push(format!("redressement_judiciaire: {r}"));
        }
        if !c.roles.is_empty() {
            parts.push(format!("role: {}", roles(&c.roles, "|")));
        }
        if !c.except_roles.is_empty() {
            parts.push(format!(
                "{} {}",
                self.t("sauf", "except"),
                roles(&c.except_roles, ", ")
            ));
        }
        parts.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scope_is_said_in_the_report_language() {
        use crate::vocabulary::{JointDocument, MemberCriteria, Role, Scope};
        let except = Scope::Members {
            criteria: Some(MemberCriteria {
                except_roles: vec![Role::SousTraitant],
                ..MemberCriteria::default()
            }),
            joint: JointDocument::Admitted,
        };
        assert_eq!(
            Lang::Fr.scope(&except),
            "chaque membre, sauf sous-traitant (document commun admis)"
        );
        assert_eq!(
            Lang::En.scope(&except),
            "each member, except sous-traitant (one joint document accepted)"
        );
        let hosting = Scope::Members {
            criteria: Some(MemberCriteria {
                hosting: Some(true),
                ..MemberCriteria::default()
            }),
            joint: JointDocument::No,
        };
        assert_eq!(Lang::Fr.scope(&hosting), "membres (hosting: true)");
        let empty = Scope::Members {
            criteria: Some(MemberCriteria::default()),
            joint: JointDocument::No,
        };
        assert_eq!(Lang::Fr.scope(&empty), "chaque membre");
        let pieces = Scope::Pieces(vec!["A".into(), "B".into()]);
        assert_eq!(Lang::Fr.scope(&pieces), "pièces : A, B");
        assert_eq!(Lang::En.scope(&pieces), "pieces: A, B");
    }
}
