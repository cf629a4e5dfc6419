//! `bidlint init`: a commented `bid.yaml` skeleton for a pack.

use std::fmt::Write as _;

use crate::pack::{PackSet, model::Check};

/// The skeleton text. Every fact is commented so that a bid manager knows what to write and
/// which rules use it; nothing is invented (the example values are marked as such).
pub fn skeleton(pack_id: &str, packs: &PackSet) -> String {
    let mut s = String::new();
    let title = packs.packs.last().map_or(pack_id, |p| p.title.as_str());
    let _ = writeln!(
        s,
        "# bid.yaml — manifeste de la réponse, lu par bidlint (guide : docs/guide-fr.md)."
    );
    let _ = writeln!(s, "# Consultation : {title}");
    let _ = writeln!(
        s,
        "# Remplacez les valeurs d'exemple ; un champ absent rend « skip » les règles qui en ont besoin."
    );
    let _ = writeln!(
        s,
        "# Schéma pour l'éditeur : bidlint schema manifest > bid.schema.json"
    );
    let _ = writeln!(s);
    let _ = writeln!(s, "consultation: {pack_id}");
    let _ = writeln!(
        s,
        "phase: candidature                   # candidature | offre"
    );
    match packs.deadline_for(crate::vocabulary::Phase::Candidature) {
        Some(d) => {
            let _ = writeln!(
                s,
                "# deadline: {d}              # date limite ; par défaut celle du pack ({d})"
            );
        }
        None => {
            let _ = writeln!(
                s,
                "deadline: 2026-01-01T12:00:00+01:00  # EXEMPLE : date et heure limites de remise (RFC 3339)"
            );
        }
    }
    let _ = writeln!(s);
    let _ = writeln!(s, "candidate:");
    let _ = writeln!(s, "  name: Nom du candidat ou du groupement   # EXEMPLE");
    let _ = writeln!(
        s,
        "  form: groupement                    # individuel | groupement"
    );
    let _ = writeln!(s);
    match &packs.lots {
        Some(lots) if !lots.is_empty() => {
            let ids: Vec<String> = lots.iter().map(|l| l.id().to_string()).collect();
            let _ = writeln!(
                s,
                "lots: [{}]                            # EXEMPLE ; lots de la consultation : {}",
                ids[0],
                ids.join(", ")
            );
        }
        _ => {
            let _ = writeln!(
                s,
                "# lots: []                           # consultation non allotie : ne pas renseigner"
            );
        }
    }
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "members:                             # chaque opérateur de la candidature"
    );
    let _ = writeln!(s, "  - name: Alpha Numérique SAS         # EXEMPLE");
    let _ = writeln!(
        s,
        "    short: Alpha                      # mot du nom de fichier (…_Alpha.pdf)"
    );
    let _ = writeln!(
        s,
        "    siret: \"12345678900012\"           # 14 chiffres, entre guillemets"
    );
    let _ = writeln!(
        s,
        "    role: mandataire                  # individuel | mandataire | cotraitant | sous-traitant"
    );
    let _ = writeln!(
        s,
        "    folder: alpha                     # sous-dossier de ses pièces (facultatif)"
    );
    let _ = writeln!(s, "    redressement_judiciaire: false");
    let _ = writeln!(
        s,
        "    hosting: false                    # true pour le membre qui fournit l'hébergement"
    );
    let _ = writeln!(
        s,
        "    certifications: []                # ex. - {{ scheme: HDS, activities: [1, 2, 3, 4, 5, 6], valid_until: 2027-06-30 }}"
    );
    let _ = writeln!(s);
    // Commented out: example datacenters would make the hosting rules pass before anyone
    // stated the real ones. Missing, they make those rules `skip`, naming the field.
    let _ = writeln!(
        s,
        "# Hébergement : à décommenter et compléter ; tant qu'il manque, les règles d'hébergement"
    );
    let _ = writeln!(s, "# sont « non évaluées » (skip).");
    let _ = writeln!(s, "# hosting:");
    let _ = writeln!(s, "#   datacenters:");
    let _ = writeln!(s, "#     - provider: Hébergeur");
    let _ = writeln!(s, "#       location: Strasbourg");
    let _ = writeln!(
        s,
        "#       country: FR                   # ISO 3166-1 ; outre-mer : GP MQ GF RE YT MF BL PM PF NC WF TF"
    );
    let _ = writeln!(
        s,
        "#   administration: [FR]             # pays d'où l'hébergement est exploité ou administré"
    );
    let _ = writeln!(s);
    // Lists are written commented with their key, so that uncommenting the key and the lines
    // wanted gives valid YAML (a `pieces: {}` left above uncommented entries would not be).
    let _ = writeln!(
        s,
        "# Pièces que bidlint ne reconnaît pas seul : identifiant de règle -> fichier(s)."
    );
    let _ = writeln!(
        s,
        "# Décommentez « pieces: » et les lignes utiles (sans le « # » ni l'espace qui le suit)."
    );
    let _ = writeln!(s, "# pieces:");
    for rule in packs
        .rules
        .iter()
        .filter(|r| matches!(r.def.check, Check::Piece(_)))
    {
        let _ = writeln!(
            s,
            "#   {}: chemin/vers/le_fichier.pdf   # {}",
            rule.def.id, rule.def.title
        );
    }
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "# Écarts acceptés : la règle est rapportée « waived » avec la raison."
    );
    let _ = writeln!(s, "# waivers:");
    // A real id of the pack, so that the example is valid once uncommented.
    let example = packs
        .rules
        .last()
        .map_or("IDENTIFIANT-DE-REGLE", |r| r.def.id.as_str());
    let _ = writeln!(
        s,
        "#   - rule: {example}   # EXEMPLE : l'identifiant de la règle (bidlint rules)"
    );
    let _ = writeln!(
        s,
        "#     reason: \"Validé par l'acheteur (réponse à la question du …)\""
    );
    let _ = writeln!(s, "#     expires: 2026-12-31");
    s
}
