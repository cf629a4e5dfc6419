//! A manifest that contradicts itself: SIRETs that are not SIRETs, a form that does not match
//! the members and their roles, the `bidlint init` skeleton's example values left in place.
//! Each is a located diagnostic: a rule judged on wrong facts would give a wrong verdict.

use crate::diagnostics::{YamlProblem, YamlSource};
use crate::siret::{self, SiretError};
use crate::vocabulary::{Form, Role};
use crate::yaml_spans::Span;
use crate::yaml_spans::YamlPath;

use super::{Manifest, Member};

/// The SIRET written in the `bidlint init` skeleton (and in the contract's example).
pub const SKELETON_SIRET: &str = "12345678900012";

/// The comment that marks the skeleton's example values.
const EXAMPLE_MARK: &str = "# EXEMPLE";

pub fn problems(m: &Manifest, src: &YamlSource) -> Vec<YamlProblem> {
    let mut out = sirets(m, src);
    out.extend(roles(m, src));
    out.extend(examples(src));
    out
}

/// Every member's SIRET: 14 digits whose check digits hold (a transposed digit is named).
fn sirets(m: &Manifest, src: &YamlSource) -> Vec<YamlProblem> {
    let mut out = Vec::new();
    for (i, member) in m.members.iter().flatten().enumerate() {
        let Some(raw) = &member.siret else { continue };
        let at = YamlPath::from("members").index(i).key("siret");
        if siret::digits(raw).as_deref() == Ok(SKELETON_SIRET) {
            out.push(
                src.at_value(
                    &at,
                    format!(
                        "SIRET d'exemple du squelette laissé en place pour {}",
                        member.name
                    ),
                )
                .with_help("remplacez-le par le SIRET du membre (avis de situation INSEE, Kbis)"),
            );
            continue;
        }
        let problem = match siret::parse(raw) {
            Ok(_) => continue,
            Err(SiretError::NotDigits) => src
                .at_value(
                    &at,
                    format!("SIRET « {raw} » : seulement des chiffres attendus"),
                )
                .with_help("14 chiffres, entre guillemets : siret: \"12002701600357\""),
            Err(SiretError::Length(n)) => src
                .at_value(
                    &at,
                    format!("SIRET « {raw} » : 14 chiffres attendus, {n} trouvés"),
                )
                .with_help("écrivez-le entre guillemets : siret: \"12002701600357\""),
            Err(SiretError::CheckDigit { likely }) => {
                let help = match likely.as_slice() {
                    [] => "recopiez-le depuis l'avis de situation INSEE ou le Kbis".to_string(),
                    [one] => format!("deux chiffres inversés ? vouliez-vous dire « {one} » ?"),
                    many => format!(
                        "deux chiffres inversés ? candidats valides : {}",
                        many.join(", ")
                    ),
                };
                src.at_value(
                    &at,
                    format!("SIRET « {raw} » invalide : la clé de contrôle ne correspond pas"),
                )
                .with_help(help)
            }
        };
        out.push(problem);
    }
    out
}

/// The form against the members' roles: an individual candidate is one operator (plus its
/// subcontractors); a groupement has exactly one mandataire.
fn roles(m: &Manifest, src: &YamlSource) -> Vec<YamlProblem> {
    let Some(members) = m.members.as_deref() else {
        return Vec::new();
    };
    match m.candidate.as_ref().and_then(|c| c.form) {
        Some(Form::Individuel) => individual_roles(members, src),
        Some(Form::Groupement) => groupement_roles(members, src),
        None => Vec::new(),
    }
}

/// Indices of the members declared with role `r`.
fn with_role(members: &[Member], r: Role) -> Vec<usize> {
    members
        .iter()
        .enumerate()
        .filter(|(_, mb)| mb.role == Some(r))
        .map(|(i, _)| i)
        .collect()
}

/// One operator, and no role of a groupement.
fn individual_roles(members: &[Member], src: &YamlSource) -> Vec<YamlProblem> {
    let mut out = Vec::new();
    let operators = members
        .iter()
        .filter(|mb| mb.role != Some(Role::SousTraitant))
        .count();
    if operators > 1 {
        out.push(
            src.at_value(
                "candidate.form",
                format!(
                    "candidature individuelle, mais {operators} membres qui ne sont pas sous-traitants"
                ),
            )
            .with_help("form: groupement, ou déclarez les autres membres role: sous-traitant"),
        );
    }
    for i in with_role(members, Role::Mandataire)
        .into_iter()
        .chain(with_role(members, Role::Cotraitant))
    {
        out.push(
            src.at_value(
                &YamlPath::from("members").index(i).key("role"),
                "rôle de groupement dans une candidature individuelle",
            )
            .with_help("role: individuel (ou sous-traitant), ou form: groupement"),
        );
    }
    out
}

/// Exactly one mandataire, and no member declared « individuel ».
fn groupement_roles(members: &[Member], src: &YamlSource) -> Vec<YamlProblem> {
    let mut out = Vec::new();
    match with_role(members, Role::Mandataire).as_slice() {
        [] => out.push(
            src.at_value("candidate.form", "groupement sans mandataire")
                .with_help("indiquez role: mandataire pour le membre qui représente le groupement"),
        ),
        [_] => {}
        [_, rest @ ..] => {
            for &i in rest {
                out.push(
                    src.at_value(
                        &YamlPath::from("members").index(i).key("role"),
                        "second mandataire : un groupement n'a qu'un mandataire",
                    )
                    .with_help("role: cotraitant pour les autres membres"),
                );
            }
        }
    }
    for i in with_role(members, Role::Individuel) {
        out.push(
            src.at_value(
                &YamlPath::from("members").index(i).key("role"),
                "rôle « individuel » dans un groupement",
            )
            .with_help("role: mandataire, cotraitant ou sous-traitant"),
        );
    }
    out
}

/// Lines still carrying the skeleton's `# EXEMPLE` mark: their values were never replaced.
fn examples(src: &YamlSource) -> Vec<YamlProblem> {
    let text = &*src.text;
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let trimmed = content.trim_start();
        // A line that is only a comment documents the skeleton; a value followed by the mark
        // is an example value left in place.
        if content.contains(EXAMPLE_MARK) && !trimmed.starts_with('#') {
            let start = offset + (content.len() - trimmed.len());
            out.push(
                src.problem(
                    Span {
                        offset: start,
                        len: trimmed.len(),
                    },
                    "valeur d'exemple du squelette `bidlint init` laissée en place",
                )
                .with_help(
                    "remplacez la valeur par celle de la réponse, puis retirez « # EXEMPLE »",
                ),
            );
        }
        offset += line.len();
    }
    out
}
