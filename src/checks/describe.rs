//! What a check verifies, in French words, for `bidlint explain`: a bid manager reads what
//! bidlint looks at and what makes it fail, not the pack's YAML and regexes.

use super::members::describe as members;
use crate::pack::model::{Check, PaperSize, PieceScope, Quantifier, Selector};
use crate::vocabulary::Territory;

/// The check in sentences, one per line.
pub fn describe(check: &Check) -> Vec<String> {
    match check {
        Check::FilenameLength(c) => vec![format!(
            "Chaque nom de fichier ({}), extension comprise, compte au plus {} caractères ; un nom plus long reçoit une proposition plus courte qui garde le préfixe et le nom du membre.",
            files(c.select.as_ref()),
            c.max
        )],
        Check::FilenamePattern(c) => {
            let form = c
                .expected
                .clone()
                .unwrap_or_else(|| "la forme imposée".to_string());
            vec![if c.must_match {
                format!(
                    "Chaque nom de fichier ({}) suit {form}.",
                    files(c.select.as_ref())
                )
            } else {
                format!(
                    "Aucun nom de fichier ({}) n'a {form}.",
                    files(c.select.as_ref())
                )
            }]
        }
        Check::ForbiddenFiles(c) => {
            let mut out = Vec::new();
            if !c.names.is_empty() {
                out.push(format!(
                    "Aucun fichier temporaire, de verrouillage ou système ({}).",
                    c.names.join(", ")
                ));
            }
            if c.hidden {
                out.push("Aucun fichier caché (nom commençant par un point).".to_string());
            }
            if c.executables {
                out.push(
                    "Aucun exécutable ni script, reconnu à son contenu autant qu'à son extension."
                        .to_string(),
                );
            }
            if c.macros {
                out.push("Aucun document bureautique à macros.".to_string());
            }
            if !c.extensions.is_empty() {
                out.push(format!(
                    "Aucune de ces extensions : {}.",
                    c.extensions.join(", ")
                ));
            }
            out
        }
        Check::BundleSize(c) => {
            let mut out = Vec::new();
            if let Some(t) = &c.max_total {
                out.push(format!("Le dépôt entier pèse au plus {t}."));
            }
            if let Some(f) = &c.max_file {
                out.push(format!("Chaque fichier pèse au plus {f}."));
            }
            out
        }
        Check::EmptyEntries(c) => vec![match (c.files, c.folders) {
            (true, true) => "Aucun fichier vide ni dossier vide.".to_string(),
            (true, false) => "Aucun fichier vide.".to_string(),
            _ => "Aucun dossier vide.".to_string(),
        }],
        Check::Archives(c) => {
            let mut out = vec!["Chaque archive ZIP s'ouvre.".to_string()];
            if c.forbid_encrypted {
                out.push("Aucune archive chiffrée (protégée par mot de passe).".to_string());
            }
            if c.forbid_nested {
                out.push(
                    "Aucune archive dans une archive (un document Word, Excel ou OpenDocument n'en est pas une)."
                        .to_string(),
                );
            }
            if c.require_utf8_names {
                out.push("Les noms accentués des fichiers de l'archive sont enregistrés en UTF-8, pour que l'acheteur les lise intacts.".to_string());
            }
            out
        }
        Check::Readable(c) => vec![format!(
            "Chaque document ({}) s'ouvre : ni tronqué, ni corrompu, ni protégé par mot de passe.",
            files(c.select.as_ref())
        )],
        Check::Piece(p) => piece(p),
        Check::PerReference(c) => {
            let mut out = Vec::new();
            if c.count {
                out.push(format!(
                    "Chaque référence du tableau de la pièce {} est présentée par un document de la pièce {} (le nom du client y figure) ; une référence sans document est nommée.",
                    c.list, c.documents
                ));
            }
            if let Some(n) = c.max_pages {
                out.push(format!(
                    "Un document de la pièce {} compte au plus {n} page(s) par référence qu'il présente.",
                    c.documents
                ));
            }
            out.push("Quand le tableau ne peut pas être lu, la règle est « à vérifier », jamais conforme ni non conforme.".to_string());
            out
        }
        Check::Hosting(c) => {
            let territory = match c.territory {
                Territory::Eu => "dans l'Union européenne (régions ultrapériphériques comprises)",
                Territory::FrMetro => "en France métropolitaine (Corse comprise)",
            };
            let mut what = Vec::new();
            if c.datacenters {
                what.push("chaque centre de données");
            }
            if c.administration {
                what.push("chaque pays d'où l'hébergement est administré");
            }
            if c.transfers {
                what.push("chaque pays où les données sont transférées ou consultées");
            }
            vec![format!(
                "D'après le bid.yaml (`hosting:`), {} se trouve {territory}.",
                what.join(", ")
            )]
        }
        Check::Certification(c) => {
            let who = match (&c.members, c.quantifier) {
                (Some(f), Quantifier::Any) => format!("Au moins un membre ({})", members(Some(f))),
                (Some(f), Quantifier::All) => {
                    format!("Chaque membre concerné ({})", members(Some(f)))
                }
                (None, Quantifier::Any) => "Au moins un membre".to_string(),
                (None, Quantifier::All) => "Chaque membre".to_string(),
            };
            let mut s = format!("{who} détient la certification {}", c.scheme);
            if !c.activities.is_empty() {
                let list: Vec<String> = c.activities.iter().map(u8::to_string).collect();
                s.push_str(&format!(" pour les activités {}", list.join(", ")));
            }
            if c.valid_on_deadline {
                s.push_str(", valable à la date limite");
            }
            s.push('.');
            let mut out = vec![s];
            if c.accept_commitment {
                out.push(
                    "Un engagement à l'obtenir (`status: committed`) est accepté.".to_string(),
                );
            }
            if let Some(doc) = &c.document {
                out.push(format!("Le certificat est dans le dossier (pièce {doc})."));
                if c.verify_document {
                    out.push("Le certificat est lu : il doit être au nom du membre (nom ou SIREN), couvrir les activités exigées et être valable à la date limite ; l'organisme qui l'a délivré est indiqué. Un désaccord avec le bid.yaml est signalé en remarque.".to_string());
                }
            }
            out
        }
        Check::Lots(c) => {
            let mut out = Vec::new();
            if c.known {
                out.push("Chaque lot demandé (`lots:` du bid.yaml) est un lot de la consultation ; une consultation non allotie n'en accepte aucun.".to_string());
            }
            if let Some(max) = c.max {
                out.push(format!("Au plus {max} lot(s) par candidature."));
            }
            out
        }
        Check::UniqueCandidacy(c) => {
            let roles: Vec<&str> = c.roles.iter().map(|r| r.as_str()).collect();
            vec![format!(
                "Sur l'ensemble des réponses (`bidlint portfolio`), un même opérateur (même SIREN) ne présente qu'une candidature par lot dans les rôles {}.",
                roles.join(", ")
            )]
        }
        Check::MandataireLimit(c) => vec![format!(
            "Sur l'ensemble des réponses (`bidlint portfolio`), un même opérateur (même SIREN) est mandataire d'au plus {} groupement(s).",
            c.max
        )],
        Check::Manual(m) => vec![format!("À vérifier à la main : {}", m.instruction)],
        Check::Pages(c) => {
            let mut parts = Vec::new();
            match (c.min, c.max) {
                (Some(a), Some(b)) => parts.push(format!("de {a} à {b} pages")),
                (Some(a), None) => parts.push(format!("au moins {a} page(s)")),
                (None, Some(b)) => parts.push(format!("au plus {b} page(s)")),
                (None, None) => {}
            }
            if let Some(size) = c.size {
                parts.push(format!(
                    "chaque page au format {}",
                    match size {
                        PaperSize::A4 => "A4 (210 × 297 mm)",
                        PaperSize::A3 => "A3 (297 × 420 mm)",
                    }
                ));
            }
            vec![format!(
                "Chaque document ({}) a {}. Un nombre de pages estimé (Word, OpenDocument) proche de la limite est « à vérifier ».",
                files(c.select.as_ref()),
                parts.join(", ")
            )]
        }
        Check::Content(c) => {
            let mut out = Vec::new();
            for p in &c.must {
                out.push(format!(
                    "Chaque document ({}) contient {}.",
                    files(c.select.as_ref()),
                    p.label
                ));
            }
            for p in &c.must_not {
                out.push(format!(
                    "Aucun document ({}) ne contient {}.",
                    files(c.select.as_ref()),
                    p.label
                ));
            }
            out
        }
        Check::Language(c) => vec![format!(
            "Chaque document ({}) est rédigé en {} ; un texte trop court pour en juger n'est pas jugé.",
            files(c.select.as_ref()),
            language(&c.language)
        )],
        Check::Validity(c) => vec![format!(
            "Chaque document daté ({}) est valable à la date limite, d'après les dates lues dans son texte, et il est au nom du membre pour qui il est déposé.{}",
            files(c.select.as_ref()),
            if c.certification.is_some() {
                " Un désaccord avec la date du bid.yaml est signalé en remarque."
            } else {
                ""
            }
        )],
        Check::Holder(c) => vec![format!(
            "Chaque document ({}) est au nom du membre pour qui il est déposé (son nom ou son SIREN y figure) ; au nom d'une autre société, il ne vaut pas pour lui ; sans titulaire lisible, il est « à vérifier ».",
            files(c.select.as_ref())
        )],
        Check::DeclaredMembers(c) => vec![format!(
            "La lettre de candidature du groupement ({}) nomme chacun des membres du bid.yaml (sous-traitants à part), et le bid.yaml déclare chaque société qu'elle cite ; sinon, « à vérifier ».",
            files(c.select.as_ref())
        )],
        Check::Outline(c) => {
            let chapters: Vec<String> = c
                .plan
                .iter()
                .filter(|p| !p.number.contains('.'))
                .map(|p| format!("{} {}", p.number, p.title))
                .collect();
            vec![
                format!(
                    "Les titres du document ({}) suivent le plan imposé, dans l'ordre, avec leur numérotation : {} ({} entrées en tout).",
                    files(c.select.as_ref()),
                    chapters.join(" ; "),
                    c.plan.len()
                ),
                if c.allow_extra {
                    "Des chapitres supplémentaires sont permis.".to_string()
                } else {
                    "Aucun chapitre hors du plan.".to_string()
                },
            ]
        }
        Check::UnmatchedFiles(c) => vec![format!(
            "Les fichiers ({}) qu'aucune règle de pièce ne reconnaît sont listés, pour information.",
            files(c.select.as_ref())
        )],
    }
}

fn piece(p: &crate::pack::model::Piece) -> Vec<String> {
    let count = match (p.min, p.max) {
        (1, None) => "au moins un document".to_string(),
        (n, None) => format!("au moins {n} documents"),
        (a, Some(b)) if a == b => format!("exactement {a} document(s)"),
        (a, Some(b)) => format!("de {a} à {b} documents"),
    };
    let who = match (p.per, &p.members) {
        (PieceScope::Bid, _) => "Le dossier contient".to_string(),
        (PieceScope::Member, None) => "Chaque membre fournit".to_string(),
        (PieceScope::Member, Some(f)) => {
            format!("Chaque membre concerné ({}) fournit", members(Some(f)))
        }
    };
    let mut out = vec![format!("{who} {count} : {}.", p.label)];
    let mut how = vec!["par son nom de fichier"];
    if !p.content.is_empty() {
        how.push("par le titre de sa première page");
    }
    if !p.sheets.is_empty() {
        how.push("par les onglets du classeur");
    }
    how.push("ou par `pieces:` du bid.yaml");
    out.push(format!("La pièce est reconnue {}.", how.join(", ")));
    if !p.formats.is_empty() {
        let formats: Vec<String> = p
            .formats
            .iter()
            .map(|f| format!("{f:?}").to_uppercase())
            .collect();
        out.push(format!("Formats acceptés : {}.", formats.join(", ")));
    }
    if p.joint {
        out.push("Un document commun au groupement, déposé par le mandataire ou à la racine, vaut pour tous les membres.".to_string());
    }
    if p.joint_named {
        out.push("Un document commun déposé par le mandataire ou à la racine vaut pour chaque membre qu'il nomme.".to_string());
    }
    for w in &p.within {
        let host = w
            .piece
            .clone()
            .unwrap_or_else(|| "un autre document".to_string());
        out.push(format!(
            "Elle peut aussi être donnée dans la pièce {host} ({}).",
            w.label
        ));
    }
    out
}

/// The files a check reads, in words.
fn files(sel: Option<&Selector>) -> String {
    match sel {
        Some(s) if !s.pieces.is_empty() => format!("pièces {}", s.pieces.join(", ")),
        Some(s) if !s.extensions.is_empty() => format!("fichiers {}", s.extensions.join(", ")),
        Some(_) => "fichiers sélectionnés".to_string(),
        None => "tout le dépôt".to_string(),
    }
}

fn language(code: &str) -> &str {
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
    use super::*;
    use crate::pack::model::FilenameLength;

    #[test]
    fn a_name_limit_is_said_in_words() {
        let c = Check::FilenameLength(FilenameLength {
            max: 29,
            select: None,
        });
        assert_eq!(
            describe(&c),
            [
                "Chaque nom de fichier (tout le dépôt), extension comprise, compte au plus 29 caractères ; un nom plus long reçoit une proposition plus courte qui garde le préfixe et le nom du membre."
            ]
        );
    }
}
