//! `bidlint init`: a commented `bid.yaml` skeleton for a pack.
//!
//! The skeleton is a [`Manifest`] value filled with example facts, written through
//! [`crate::commented_yaml`]: every key and value comes from the manifest model, so a renamed
//! field changes the skeleton with it; the comments say what to write and mark the example
//! values `# EXEMPLE`, which [`crate::manifest::consistency`] refuses if left in place (with the
//! sample SIRET [`SKELETON_SIRET`]). Facts that would make rules pass before anyone stated them
//! (hosting), and lists to fill only when needed (pieces, waivers), are written commented out.

use std::collections::BTreeMap;

use crate::commented_yaml::{self, Comments};
use crate::manifest::consistency::SKELETON_SIRET;
use crate::manifest::{Candidate, Datacenter, Hosting, Manifest, Member, PieceFiles, Waiver};
use crate::pack::{PackSet, model::Check};
use crate::vocabulary::{Form, LotId, Phase, Role};

/// The mark of an example value, which the manifest's consistency check looks for.
const EXAMPLE: &str = "EXEMPLE";

/// The skeleton text. Every fact is commented so that a bid manager knows what to write and
/// which rules use it; nothing is invented (the example values are marked as such).
pub fn skeleton(pack_id: &str, packs: &PackSet) -> String {
    let facts = Facts::of(packs);
    let manifest = example_manifest(pack_id, &facts);
    let comments = comments(packs, &facts);
    // Proof: the value holds strings, booleans and lists only (no map keyed by anything but a
    // string), which serde_yaml always writes; and every comment names a path the value holds,
    // which the test `every_comment_finds_its_field` checks for each kind of pack.
    commented_yaml::to_string(&manifest, &comments)
        .unwrap_or_else(|e| unreachable!("the skeleton's value and comments agree: {e}"))
}

/// What the pack tells the skeleton.
struct Facts {
    /// The pack's own deadline, which the manifest need not repeat.
    deadline: Option<String>,
    /// The consultation's lots; empty for a consultation without lots.
    lots: Vec<LotId>,
    /// The piece rules, whose files a manifest may name: (id, title).
    pieces: Vec<(String, String)>,
    /// A real rule id for the waiver example, so that it is valid once uncommented.
    waived: String,
}

impl Facts {
    fn of(packs: &PackSet) -> Facts {
        Facts {
            deadline: packs
                .deadline_for(Phase::Candidature)
                .map(ToString::to_string),
            lots: packs
                .lots
                .iter()
                .flatten()
                .map(|l| l.id().clone())
                .collect(),
            pieces: packs
                .rules
                .iter()
                .filter(|r| matches!(r.def.check, Check::Piece(_)))
                .map(|r| (r.def.id.clone(), r.def.title.clone()))
                .collect(),
            waived: packs
                .rules
                .last()
                .map_or("IDENTIFIANT-DE-REGLE".to_string(), |r| r.def.id.clone()),
        }
    }
}

/// The manifest the skeleton writes: example facts, each marked or commented out below.
fn example_manifest(pack_id: &str, facts: &Facts) -> Manifest {
    Manifest {
        consultation: pack_id.to_string(),
        phase: Some(Phase::Candidature),
        deadline: Some(
            facts
                .deadline
                .clone()
                .unwrap_or_else(|| "2026-01-01T12:00:00+01:00".to_string()),
        ),
        candidate: Some(Candidate {
            name: Some("Nom du candidat ou du groupement".to_string()),
            form: Some(Form::Groupement),
        }),
        lots: Some(facts.lots.first().cloned().into_iter().collect()),
        members: Some(vec![example_member()]),
        hosting: Some(example_hosting()),
        pieces: facts
            .pieces
            .iter()
            .map(|(id, _)| {
                (
                    id.clone(),
                    PieceFiles::One("chemin/vers/le_fichier.pdf".to_string()),
                )
            })
            .collect::<BTreeMap<_, _>>(),
        waivers: vec![Waiver {
            rule: facts.waived.clone(),
            reason: "Validé par l'acheteur (réponse à la question du …)".to_string(),
            expires: Some("2026-12-31".to_string()),
        }],
    }
}

fn example_member() -> Member {
    Member {
        name: "Alpha Numérique SAS".to_string(),
        short: Some("Alpha".to_string()),
        siret: Some(SKELETON_SIRET.to_string()),
        role: Some(Role::Mandataire),
        folder: Some("alpha".to_string()),
        redressement_judiciaire: Some(false),
        hosting: Some(false),
        certifications: Some(Vec::new()),
    }
}

fn example_hosting() -> Hosting {
    Hosting {
        datacenters: Some(vec![Datacenter {
            provider: Some("Hébergeur".to_string()),
            location: Some("Strasbourg".to_string()),
            country: "FR".to_string(),
        }]),
        administration: Some(vec!["FR".to_string()]),
        transfers: None,
    }
}

/// The comments of the skeleton, by YAML path of the manifest.
fn comments(packs: &PackSet, facts: &Facts) -> Comments {
    let mut c = Comments::default();
    header(&mut c, packs);
    for section in [
        "consultation",
        "candidate",
        "lots",
        "members",
        "hosting",
        "pieces",
        "waivers",
    ] {
        c.blank_before(section);
    }
    c.trailing("phase", "candidature | offre");
    match &facts.deadline {
        Some(d) => c.commented_out("deadline").trailing(
            "deadline",
            &format!("date limite ; par défaut celle du pack ({d})"),
        ),
        None => c.trailing(
            "deadline",
            &format!("{EXAMPLE} : date et heure limites de remise (RFC 3339)"),
        ),
    };
    c.trailing("candidate.name", EXAMPLE)
        .trailing("candidate.form", "individuel | groupement");
    if facts.lots.is_empty() {
        c.commented_out("lots")
            .trailing("lots", "consultation non allotie : ne pas renseigner");
    } else {
        let ids: Vec<String> = facts.lots.iter().map(ToString::to_string).collect();
        c.trailing(
            "lots",
            &format!("{EXAMPLE} ; lots de la consultation : {}", ids.join(", ")),
        );
    }
    member_comments(&mut c);
    hosting_comments(&mut c);
    piece_comments(&mut c, facts);
    c.before(
        "waivers",
        "Écarts acceptés : la règle est rapportée « waived » avec la raison.",
    )
    .commented_out("waivers")
    .trailing(
        "waivers[0].rule",
        &format!("{EXAMPLE} : l'identifiant de la règle (bidlint rules)"),
    );
    c
}

fn header(c: &mut Comments, packs: &PackSet) {
    let title = packs.packs.last().map_or("", |p| p.title.as_str());
    c.header("bid.yaml — manifeste de la réponse, lu par bidlint (guide : docs/guide-fr.md).")
        .header(&format!("Consultation : {title}"))
        .header("Remplacez les valeurs d'exemple ; un champ absent rend « skip » les règles qui en ont besoin.")
        .header("Schéma pour l'éditeur : bidlint schema manifest > bid.schema.json");
}

fn member_comments(c: &mut Comments) {
    c.trailing("members", "chaque opérateur de la candidature")
        .trailing("members[0].name", EXAMPLE)
        .trailing("members[0].short", "mot du nom de fichier (…_Alpha.pdf)")
        .trailing("members[0].siret", "14 chiffres, entre guillemets")
        .trailing(
            "members[0].role",
            "individuel | mandataire | cotraitant | sous-traitant",
        )
        .trailing(
            "members[0].folder",
            "sous-dossier de ses pièces (facultatif)",
        )
        .trailing(
            "members[0].hosting",
            "true pour le membre qui fournit l'hébergement",
        )
        .trailing(
            "members[0].certifications",
            "ex. - { scheme: HDS, activities: [1, 2, 3, 4, 5, 6], valid_until: 2027-06-30 }",
        );
}

/// Commented out: example datacenters would make the hosting rules pass before anyone stated
/// the real ones. Missing, they make those rules `skip`, naming the field.
fn hosting_comments(c: &mut Comments) {
    c.before(
        "hosting",
        "Hébergement : à décommenter et compléter ; tant qu'il manque, les règles d'hébergement",
    )
    .before("hosting", "sont « non évaluées » (skip).")
    .commented_out("hosting")
    .trailing(
        "hosting.datacenters[0].country",
        "ISO 3166-1 ; outre-mer : GP MQ GF RE YT MF BL PM PF NC WF TF",
    )
    .trailing(
        "hosting.administration",
        "pays d'où l'hébergement est exploité ou administré",
    );
}

/// Lists are written commented with their key, so that uncommenting the key and the lines
/// wanted gives valid YAML. A pack without piece rules has no piece to name: no section.
fn piece_comments(c: &mut Comments, facts: &Facts) {
    if facts.pieces.is_empty() {
        return;
    }
    c.before(
        "pieces",
        "Pièces que bidlint ne reconnaît pas seul : identifiant de règle -> fichier(s).",
    )
    .before(
        "pieces",
        "Décommentez « pieces: » et les lignes utiles (sans le « # » ni l'espace qui le suit).",
    )
    .commented_out("pieces");
    for (id, title) in &facts.pieces {
        c.trailing(&format!("pieces.{id}"), title);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each built-in pack (with and without lots, deadline, piece rules) gives a skeleton whose
    /// every comment found its field: `skeleton` would not return otherwise.
    #[test]
    fn every_comment_finds_its_field() {
        for id in crate::pack::builtin::ids() {
            let packs = crate::pack::load(&[id.to_string()], std::path::Path::new("."))
                .unwrap_or_else(|e| panic!("{id}: {e:?}"));
            let text = skeleton(id, &packs);
            assert!(text.contains(&format!("consultation: {id}\n")), "{text}");
        }
    }
}
