//! Variants of the compliant CAIH groupement whose certificates, attestations and
//! declarations were issued to the wrong company, or to nobody the text names: the pieces are
//! all there, but one does not belong to the member it is filed for.

use crate::bids::{Bid, caih_groupement};
use crate::documents::{self, Company, Doc};

/// A company that is no member of the groupement.
pub const OMEGA: Company = Company {
    name: "Omega Hébergement SAS",
    siret: "444 555 668 00011",
    address: "8 place du Théâtre, 59000 Lille",
    city: "Lille",
    signatory: "Nadia Benali, présidente",
};

/// An insurance attestation that names no insured company (a page cut from a longer one).
fn anonymous_attestation() -> Doc {
    Doc::new(
        "Attestation d'assurance responsabilité civile professionnelle",
        "Mutuelle des Services Numériques",
    )
    .subtitle("Mutuelle des Services Numériques – 25 rue de Londres, 75009 Paris")
    .space()
    .p("Nous soussignés, Mutuelle des Services Numériques, attestons que notre assuré est titulaire d'un contrat d'assurance responsabilité civile professionnelle n° RC-2026-0587.")
    .p("Montant des garanties : 5 000 000,00 € par sinistre et par année d'assurance.")
    .p("La présente attestation est valable du 01/01/2026 au 31/12/2026.")
    .space()
    .p("Fait à Paris, le 5 janvier 2026.")
}

/// A groupement's candidature letter naming `members`, the first as mandataire.
fn dc1_naming(members: &[Company]) -> Doc {
    let mut doc = Doc::new("DC1 – Lettre de candidature", members[0].name)
        .subtitle("Habilitation du mandataire par ses cotraitants")
        .space()
        .strong("C – Présentation du candidat")
        .p("Le candidat se présente sous la forme d'un groupement conjoint.")
        .strong("D – Membres du groupement");
    for (i, m) in members.iter().enumerate() {
        let role = if i == 0 { "mandataire" } else { "cotraitant" };
        doc = doc.bullet(&format!(
            "{}, {}, SIRET {}, {role}.",
            m.name, m.address, m.siret
        ));
    }
    doc.strong("F – Signature des membres du groupement")
        .p("Fait à Lyon, le 10 février 2026.")
}

pub fn variants() -> Vec<Bid> {
    let ok = caih_groupement();
    let v = |name: &str, what: &str| ok.variant_in("titulaires", name, what);
    vec![
        v(
            "hds-autre-societe",
            "le certificat HDS de Beta est celui d'Omega",
        )
        .replace("beta/26_01_DC_HDS_Beta.pdf", documents::hds(OMEGA, 6).pdf()),
        v(
            "assurance-autre-societe",
            "l'attestation d'assurance d'Alpha est celle d'Omega",
        )
        .replace(
            "alpha/26_01_DC_Assurance_Alpha.pdf",
            documents::assurance(OMEGA, 2026).pdf(),
        ),
        v(
            "dh-autre-societe",
            "la déclaration sur l'honneur de Beta est celle d'Omega",
        )
        .replace("beta/26_01_DC_DH_Beta.pdf", documents::dh(OMEGA).pdf()),
        v(
            "hds-date-manifeste",
            "bid.yaml donne au certificat HDS une autre date que le certificat",
        )
        .manifest_edit("valid_until: 2027-06-30", "valid_until: 2027-03-31"),
        v(
            "dc1-membre-en-plus",
            "la lettre de candidature nomme Omega, que bid.yaml ne déclare pas",
        )
        .replace(
            "alpha/26_01_DC_DC1_Alpha.pdf",
            dc1_naming(&[documents::ALPHA, documents::BETA, OMEGA]).pdf(),
        ),
        v(
            "dc1-membre-oublie",
            "la lettre de candidature ne nomme pas Beta",
        )
        .replace(
            "alpha/26_01_DC_DC1_Alpha.pdf",
            dc1_naming(&[documents::ALPHA]).pdf(),
        ),
        v(
            "titulaire-illisible",
            "l'attestation d'assurance de Beta ne nomme pas l'assuré",
        )
        .replace(
            "beta/26_01_DC_Assurance_Beta.pdf",
            anonymous_attestation().pdf(),
        ),
    ]
}
