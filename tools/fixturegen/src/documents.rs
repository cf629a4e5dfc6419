//! Documents with real contents, for the checks that read them (page count and size, text,
//! dates, headings, language): the model of a document as blocks (rendered as PDF by
//! [`crate::pdf::render`] and as Word by [`crate::docx::build`]), the texts of the CAIH
//! candidature pieces and offer deliverables, and the content variants below
//! `fixtures/documents/`, each the compliant bid with exactly one defect.
//!
//! Every text is French (but the one variant written in English), every page A4 (but the one
//! variant in US Letter), every amount in euros (but the one variant in dollars). Each piece's
//! text names its own kind of piece only (a lettre de candidature never says « déclaration sur
//! l'honneur »), so that recognising pieces by content finds each piece once.

use crate::bids::{self, Bid, Content};
use crate::pdf::{A4, PageSize, PdfSpec, US_LETTER};
use crate::xlsx::{Cell, Sheet, t};

/// One block of a document.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// The document's title (bold, first page).
    Title(String),
    /// A line under the title (italic).
    Subtitle(String),
    /// A chapter heading: Word style `Heading1`; in PDF bold, on a line of its own.
    H1(String),
    /// A section heading: Word style `Heading2`; in PDF bold, on a line of its own.
    H2(String),
    /// A bold run-in heading that is not part of the outline (« Séquence 1 – … », « A – … »).
    Strong(String),
    /// A paragraph, wrapped at the margins.
    P(String),
    /// A bulleted paragraph.
    Bullet(String),
    /// Vertical space.
    Space,
    /// The next block starts a new page.
    PageBreak,
}

/// A document: metadata, page size, an optional footer (« … – page n/N »), its blocks.
#[derive(Debug, Clone)]
pub struct Doc {
    pub title: String,
    pub author: String,
    /// PDF date of creation and modification, fixed: `D:YYYYMMDDHHmmSS+01'00'`.
    pub date: String,
    pub size: PageSize,
    pub footer: Option<String>,
    pub blocks: Vec<Block>,
}

impl Doc {
    /// An empty A4 document whose first block is its title.
    pub fn new(title: &str, author: &str) -> Doc {
        Doc {
            title: title.to_string(),
            author: author.to_string(),
            date: "D:20260210093000+01'00'".to_string(),
            size: A4,
            footer: None,
            blocks: vec![Block::Title(title.to_string())],
        }
    }
    pub fn dated(mut self, pdf_date: &str) -> Doc {
        self.date = pdf_date.to_string();
        self
    }
    pub fn footer(mut self, footer: &str) -> Doc {
        self.footer = Some(footer.to_string());
        self
    }
    pub fn block(mut self, b: Block) -> Doc {
        self.blocks.push(b);
        self
    }
    pub fn subtitle(self, s: &str) -> Doc {
        self.block(Block::Subtitle(s.to_string()))
    }
    pub fn h1(self, s: &str) -> Doc {
        self.block(Block::H1(s.to_string()))
    }
    pub fn h2(self, s: &str) -> Doc {
        self.block(Block::H2(s.to_string()))
    }
    pub fn strong(self, s: &str) -> Doc {
        self.block(Block::Strong(s.to_string()))
    }
    pub fn p(self, s: &str) -> Doc {
        self.block(Block::P(s.to_string()))
    }
    pub fn bullet(self, s: &str) -> Doc {
        self.block(Block::Bullet(s.to_string()))
    }
    pub fn space(self) -> Doc {
        self.block(Block::Space)
    }
    pub fn page_break(self) -> Doc {
        self.block(Block::PageBreak)
    }
    /// The document as PDF.
    pub fn pdf(&self) -> Content {
        Content::Bytes(crate::pdf::render(self).expect("lopdf writes a laid-out document"))
    }
    /// The document as Word (DOCX).
    pub fn docx(&self) -> Content {
        Content::Bytes(crate::docx::build(self))
    }
    /// The outline: (level, heading) of every `H1` (level 1) and `H2` (level 2).
    pub fn headings(&self) -> Vec<(u8, String)> {
        self.blocks
            .iter()
            .filter_map(|b| match b {
                Block::H1(s) => Some((1, s.clone())),
                Block::H2(s) => Some((2, s.clone())),
                _ => None,
            })
            .collect()
    }
}

// ---------------------------------------------------------------------------------------------
// The members of the CAIH groupement
// ---------------------------------------------------------------------------------------------

/// A member of the groupement, as its documents print it.
#[derive(Debug, Clone, Copy)]
pub struct Company {
    pub name: &'static str,
    pub siret: &'static str,
    pub address: &'static str,
    pub city: &'static str,
    pub signatory: &'static str,
}

pub const ALPHA: Company = Company {
    name: "Alpha Numérique SAS",
    siret: "123 456 782 00010",
    address: "12 rue de la République, 69002 Lyon",
    city: "Lyon",
    signatory: "Claire Martin, présidente",
};

pub const BETA: Company = Company {
    name: "Beta Cloud SA",
    siret: "987 654 324 00035",
    address: "4 rue du Dôme, 67000 Strasbourg",
    city: "Strasbourg",
    signatory: "Thomas Keller, directeur général",
};

const CONSULTATION: &str = "Partenariat d'innovation « Alternative Open Source » – CAIH";

fn signed(doc: Doc, c: Company, date: &str) -> Doc {
    doc.space()
        .p(&format!("Fait à {}, le {date}.", c.city))
        .p(&format!(
            "Pour {} : {}, représentant habilité.",
            c.name, c.signatory
        ))
}

// ---------------------------------------------------------------------------------------------
// Candidature pieces (article 6.1.1 of the RC)
// ---------------------------------------------------------------------------------------------

/// The groupement's DC1, filed by the mandataire: its first line is « DC1 – Lettre de
/// candidature ».
pub fn dc1() -> Doc {
    Doc::new("DC1 – Lettre de candidature", ALPHA.name)
        .subtitle("Habilitation du mandataire par ses cotraitants")
        .space()
        .strong("A – Identification de l'acheteur")
        .p("Centrale d'Achat de l'Informatique Hospitalière (CAIH), 83-85 boulevard Vivier Merle, 69003 Lyon.")
        .strong("B – Objet de la consultation")
        .p("Partenariat d'innovation « Alternative Open Source », étape 1 : candidature. La consultation n'est pas allotie : la candidature porte sur l'ensemble du marché.")
        .strong("C – Présentation du candidat")
        .p("Le candidat se présente sous la forme d'un groupement conjoint, dont le mandataire est solidaire de chacun des membres pour ses obligations contractuelles à l'égard de l'acheteur.")
        .strong("D – Membres du groupement")
        .bullet("Alpha Numérique SAS, 12 rue de la République, 69002 Lyon, SIRET 123 456 782 00010, mandataire ; adresse électronique : contact@alpha-numerique.fr ; prestations : développement, intégration, support et pilotage du partenariat.")
        .bullet("Beta Cloud SA, 4 rue du Dôme, 67000 Strasbourg, SIRET 987 654 324 00035, cotraitant ; adresse électronique : contact@beta-cloud.eu ; prestations : hébergement et exploitation des environnements.")
        .strong("E – Désignation du mandataire")
        .p("Les membres du groupement désignent Alpha Numérique SAS comme mandataire et l'habilitent à signer la candidature et l'offre, à les déposer sur le profil d'acheteur et à représenter le groupement auprès de la CAIH pendant toute la procédure.")
        .strong("F – Signature des membres du groupement")
        .p("Fait à Lyon, le 10 février 2026.")
        .bullet("Pour Alpha Numérique SAS : Claire Martin, présidente.")
        .bullet("Pour Beta Cloud SA : Thomas Keller, directeur général.")
}

/// A member's déclaration sur l'honneur.
pub fn dh(c: Company) -> Doc {
    let doc = Doc::new("Déclaration sur l'honneur", c.name)
        .subtitle(CONSULTATION)
        .space()
        .p(&format!(
            "Je soussigné(e), {}, agissant au nom et pour le compte de la société {} (SIRET {}), déclare sur l'honneur :",
            c.signatory, c.name, c.siret
        ))
        .bullet("n'entrer dans aucun des cas d'exclusion mentionnés aux articles L. 2141-1 à L. 2141-5 et L. 2141-7 à L. 2141-11 du Code de la commande publique ;")
        .bullet("être en règle au regard des articles L. 5212-1 à L. 5212-11 du code du travail concernant l'emploi des travailleurs handicapés ;")
        .bullet("avoir souscrit les déclarations fiscales et sociales et acquitté les impôts et cotisations exigibles ;")
        .bullet("ne faire l'objet ni d'une procédure de liquidation judiciaire ni d'un redressement judiciaire.");
    signed(doc, c, "10 février 2026")
}

/// Alpha's description of the groupement's means, in French.
pub fn moyens() -> Doc {
    let doc = Doc::new("Moyens techniques et organisationnels", ALPHA.name)
        .subtitle("Groupement Alpha-Beta – candidature au partenariat d'innovation « Alternative Open Source »")
        .space()
        .strong("Effectifs et organisation")
        .p("Alpha Numérique SAS compte 61 salariés en 2025, dont 9 encadrants, 36 développeurs et 8 ingénieurs de support de niveaux N2 et N3, répartis entre Lyon et Grenoble. Beta Cloud SA exploite ses infrastructures avec une équipe de 24 ingénieurs systèmes et réseaux.")
        .strong("Équipement technique")
        .p("Laboratoire de tests reproduisant un système d'information hospitalier type ; forge logicielle et chaîne d'intégration continue hébergées en France ; deux centres de données exploités par Beta Cloud à Strasbourg et à Francfort.")
        .strong("Qualité, études et recherche")
        .p("Démarche qualité certifiée ISO 9001 depuis 2019 ; 8 % du chiffre d'affaires consacré à la recherche et au développement ; participation active aux communautés des logiciels libres que nous déployons ; veille technologique partagée avec nos clients hospitaliers.");
    signed(doc, ALPHA, "10 février 2026")
}

/// The same description written in English: the one defect of `documents/anglais`.
pub fn moyens_english() -> Doc {
    Doc::new("Technical and organisational resources", ALPHA.name)
        .subtitle("Alpha-Beta consortium – application to the Open Source Alternative innovation partnership")
        .space()
        .strong("Staff and organisation")
        .p("Alpha Numérique SAS employs 61 people in 2025, including 9 managers, 36 software developers and 8 second and third line support engineers, based in Lyon and Grenoble. Beta Cloud SA runs its own infrastructure with a team of 24 system and network engineers.")
        .strong("Technical equipment")
        .p("A test laboratory that mirrors a typical hospital information system; a software forge and a continuous integration pipeline hosted in France; two data centres operated by Beta Cloud in Strasbourg and Frankfurt.")
        .strong("Quality, studies and research")
        .p("Our quality management system has been certified against ISO 9001 since 2019; we spend a significant share of our revenue on research and development and we take an active part in the free software communities whose products we deploy.")
        .space()
        .p("Signed in Lyon on 10 February 2026 by Claire Martin, chief executive officer of Alpha Numérique SAS.")
}

/// Alpha's list of references.
pub fn references() -> Doc {
    let doc = Doc::new("Liste des références significatives", ALPHA.name)
        .subtitle("Alpha Numérique SAS – références des trois dernières années, de 2023 à 2025")
        .space()
        .bullet("Référence 1 – CHU de Rennes (2024) : migration de la messagerie de 9 000 agents vers une suite collaborative libre, en 14 mois, sans interruption de service.")
        .bullet("Référence 2 – GHT Alpes (2025) : annuaire commun et authentification unique interopérable avec Pro Santé Connect pour 12 établissements.")
        .p("Chaque référence peut être confirmée par le client sur demande de l'acheteur.");
    signed(doc, ALPHA, "10 février 2026")
}

/// `documents/lien-externe`: the list of references replaced by a download link.
pub fn references_link() -> Doc {
    Doc::new("Liste des références significatives", ALPHA.name)
        .subtitle("Alpha Numérique SAS – références des trois dernières années, de 2023 à 2025")
        .space()
        .p("En raison de son volume, la liste complète de nos références n'est pas jointe à ce dépôt.")
        .p("Document téléchargeable à l'adresse https://wetransfer.com/downloads/8f3c2a91d7e4b6f0/5e1d9c")
        .p("Le lien reste actif pendant sept jours à compter de la date de dépôt.")
        .space()
        .p("Fait à Lyon, le 10 février 2026.")
}

/// One page of a plaquette: its lines, wrapped for the 11-point body of [`PdfSpec`].
fn plaquette_lines(paragraphs: &[&str]) -> Vec<String> {
    let max = A4.width - 2.0 * 56.0;
    let mut lines = Vec::new();
    for p in paragraphs {
        if p.is_empty() {
            lines.push(String::new());
        } else {
            lines.extend(crate::pdf::wrap(p, 11.0, false, max));
        }
    }
    lines
}

/// The presentation sheet of reference `n` (1 or 2): one A4 page recto-verso, that is two
/// pages, or `pages` pages of `size` for the variants.
pub fn plaquette(n: u32, size: PageSize, pages: usize) -> Content {
    let (client, subject, body1, body2): (&str, &str, &[&str], &[&str]) = match n {
        1 => (
            "CHU de Rennes (2024)",
            "migration de la messagerie vers une suite collaborative libre",
            &[
                "Client : centre hospitalier universitaire de Rennes, établissement public de santé de 9 000 agents.",
                "Période : janvier 2023 à février 2024, soit 14 mois.",
                "Périmètre : 9 000 boîtes aux lettres, 250 listes de diffusion, agendas et carnets d'adresses partagés.",
                "",
                "Contexte : fin de support de l'ancienne messagerie propriétaire et volonté de l'établissement de garder la maîtrise de ses données.",
                "Solution : suite collaborative libre (messagerie, agenda, contacts), annuaire existant conservé, hébergement en France.",
            ],
            &[
                "Déroulement : pilote de trois mois avec la direction du numérique, puis bascule par pôles cliniques, le week-end, pour ne pas gêner les soins.",
                "Résultats : aucune perte de message, 97 % des agents migrés dans le calendrier prévu, coûts de licences supprimés.",
                "Contact : direction du numérique du CHU de Rennes, coordonnées communiquées sur demande de l'acheteur.",
            ],
        ),
        _ => (
            "GHT Alpes (2025)",
            "annuaire commun et authentification unique",
            &[
                "Client : groupement hospitalier de territoire Alpes, 12 établissements et 14 000 professionnels.",
                "Période : mars 2024 à juin 2025, soit 16 mois.",
                "Périmètre : annuaire commun, authentification unique de 40 applications, fédération avec Pro Santé Connect.",
                "",
                "Contexte : un annuaire par établissement, des comptes en double et des accès révoqués trop tard.",
                "Solution : annuaire et fournisseur d'identité libres, synchronisés avec les logiciels de gestion administrative.",
            ],
            &[
                "Déroulement : trois vagues de raccordement, établissement par établissement, avec une cellule d'accompagnement sur site.",
                "Résultats : délai de création d'un compte ramené de trois jours à une heure, accès fermés le jour du départ.",
                "Contact : direction des systèmes d'information du GHT Alpes, coordonnées communiquées sur demande.",
            ],
        ),
    };
    let mut out = Vec::new();
    for k in 1..=pages {
        let mut paragraphs: Vec<String> = vec![
            format!("Référence {n} — {client} : {subject} — page {k}/{pages}"),
            String::new(),
        ];
        let body: &[&str] = match k {
            1 => body1,
            2 => body2,
            _ => &[
                "Annexe : planning détaillé du projet, comptes rendus des comités de pilotage et indicateurs mensuels de suivi.",
                "Cette page supplémentaire dépasse la limite d'une page A4 recto-verso fixée par le règlement de la consultation.",
            ],
        };
        paragraphs.extend(body.iter().map(|s| s.to_string()));
        let refs: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
        out.push(plaquette_lines(&refs));
    }
    Content::Pdf(PdfSpec {
        title: format!("Plaquette de présentation — Référence {n}"),
        pages: out,
        size,
    })
}

/// A member's insurance attestation, valid for the calendar year `year`.
pub fn assurance(c: Company, year: u32) -> Doc {
    let contract = if c.name == ALPHA.name { "0412" } else { "0587" };
    Doc::new(
        "Attestation d'assurance responsabilité civile professionnelle",
        "Mutuelle des Services Numériques",
    )
    .dated(&format!("D:{year}0105100000+01'00'"))
    .subtitle("Mutuelle des Services Numériques – 25 rue de Londres, 75009 Paris")
    .space()
    .p("Nous soussignés, Mutuelle des Services Numériques, attestons que la société :")
    .bullet(&format!("{}, {}, SIRET {}", c.name, c.address, c.siret))
    .p(&format!(
        "est titulaire d'un contrat d'assurance responsabilité civile professionnelle n° RC-{year}-{contract} garantissant les conséquences pécuniaires de sa responsabilité dans l'exercice de ses activités : conseil, développement, intégration, hébergement et maintenance de systèmes d'information."
    ))
    .p("Montant des garanties : 5 000 000,00 € par sinistre et par année d'assurance, dont 1 500 000,00 € pour les dommages immatériels non consécutifs.")
    .p(&format!(
        "La présente attestation est valable du 01/01/{year} au 31/12/{year}."
    ))
    .p("Elle ne peut engager l'assureur au-delà des conditions du contrat auquel elle se réfère.")
    .space()
    .p(&format!("Fait à Paris, le 5 janvier {year}."))
    .p("Pour l'assureur : Sophie Durand, responsable des contrats professionnels.")
}

/// A member's attestation on the sanctions against Russian operators.
pub fn russie(c: Company) -> Doc {
    let doc = Doc::new(
        "Attestation sur l'honneur relative aux sanctions prises contre les opérateurs russes",
        c.name,
    )
    .subtitle(CONSULTATION)
    .space()
    .p("Objet : sanctions contre les opérateurs russes.")
    .p(&format!(
        "Je soussigné(e), {}, agissant au nom et pour le compte de la société {} (SIRET {}), atteste sur l'honneur que cette société, ainsi que ses sous-traitants, fournisseurs ou entités dont les capacités sont utilisées et qui représentent plus de 10 % de la valeur du marché, ne relèvent d'aucun des cas mentionnés à l'article 5 duodecies du règlement (UE) n° 833/2014 du Conseil du 31 juillet 2014 modifié :",
        c.signatory, c.name, c.siret
    ))
    .bullet("ressortissant russe, personne physique résidant en Russie ou personne morale établie en Russie ;")
    .bullet("personne morale détenue à plus de 50 % par une entité mentionnée ci-dessus ;")
    .bullet("personne agissant au nom ou sur instruction d'une entité mentionnée ci-dessus.");
    signed(doc, c, "10 février 2026")
}

const HDS_ACTIVITIES: [&str; 6] = [
    "Activité 1 : mise à disposition et maintien en condition opérationnelle des sites physiques permettant d'héberger l'infrastructure matérielle ;",
    "Activité 2 : mise à disposition et maintien en condition opérationnelle de l'infrastructure matérielle ;",
    "Activité 3 : mise à disposition et maintien en condition opérationnelle de l'infrastructure virtuelle ;",
    "Activité 4 : mise à disposition et maintien en condition opérationnelle de la plateforme d'hébergement d'applications ;",
    "Activité 5 : administration et exploitation du système d'information contenant les données de santé ;",
    "Activité 6 : sauvegarde externalisée des données de santé.",
];

/// Beta's HDS certificate for `activities` (1 to 6), valid until 30/06/2027.
pub fn hds(c: Company, activities: usize) -> Doc {
    let list = match activities {
        6 => "1, 2, 3, 4, 5 et 6",
        4 => "1, 2, 3 et 4",
        n => panic!("no HDS certificate text for {n} activities"),
    };
    let mut doc = Doc::new(
        "Certificat de conformité HDS – Hébergeur de données de santé",
        "Certification Santé Numérique",
    )
    .dated("D:20240701100000+02'00'")
    .subtitle("Certification Santé Numérique – organisme certificateur accrédité par le COFRAC")
    .space()
    .p("Certification Santé Numérique certifie que le système de management de la société :")
    .bullet(&format!("{}, {}, SIRET {}", c.name, c.address, c.siret))
    .p(&format!(
        "est conforme au référentiel de certification des hébergeurs de données de santé (HDS) en vigueur, pour les activités {list} :"
    ));
    for a in &HDS_ACTIVITIES[..activities] {
        let a = if activities == 4 && a.starts_with("Activité 4") {
            a.replace(" ;", ".")
        } else {
            a.to_string()
        };
        doc = doc.bullet(&a);
    }
    doc.p("Sites couverts : Strasbourg (France) et Francfort (Allemagne).")
        .p("Certificat n° HDS-2024-118 délivré le 01/07/2024.")
        .p("Ce certificat est valable jusqu'au 30/06/2027.")
        .p("Son maintien est subordonné aux audits de surveillance annuels.")
        .space()
        .p("Fait à Paris, le 1er juillet 2024.")
        .p("Pour Certification Santé Numérique : Marc Lefèvre, directeur de la certification.")
}

// ---------------------------------------------------------------------------------------------
// Offer phase: the mémoire technique (annexe 2), deliverables (annexe 3), acte d'engagement
// and financial answer (article 5.3)
// ---------------------------------------------------------------------------------------------

/// A block of a section body, as static data.
enum B {
    P(&'static str),
    S(&'static str),
}

/// A section of the imposed plan: heading exactly as annexe 2 writes it, then our answer.
pub struct Section {
    pub heading: &'static str,
    body: &'static [B],
}

/// A chapter of the imposed plan.
pub struct Chapter {
    pub heading: &'static str,
    pub sections: &'static [Section],
}

/// The imposed plan of annexe 2 (chapters 1 to 6 and their sub-sections, numbered and titled as
/// the RC writes them), each sub-section with a few lines of answer.
pub const PLAN: [Chapter; 6] = [
    Chapter {
        heading: "CHAPITRE 1 – COHÉRENCE, ADÉQUATION ET ROBUSTESSE DE LA SOLUTION",
        sections: &[
            Section {
                heading: "1.1 COMPREHENSION DU PROGRAMME FONCTIONNEL",
                body: &[
                    B::P(
                        "Le programme « Alternative Open Source » vise à doter les établissements adhérents de la CAIH d'un environnement de travail collaboratif, d'une gestion des identités et d'une infrastructure souveraine, bâtis sur des logiciels libres et exploitables par les équipes hospitalières.",
                    ),
                    B::P(
                        "Nous retenons trois contraintes propres au secteur sanitaire : la continuité des soins, qui interdit toute interruption non planifiée ; la confidentialité des données de santé ; l'hétérogénéité des systèmes d'information existants, souvent anciens et fortement interconnectés. Chaque exigence du programme fonctionnel est reprise dans la matrice de conformité jointe en annexe.",
                    ),
                ],
            },
            Section {
                heading: "1.2 ARCHITECTURE TECHNIQUE CIBLE",
                body: &[
                    B::P(
                        "L'architecture cible s'organise en quatre briques : l'espace de travail (messagerie, agenda, bureautique en ligne, visioconférence), l'identité (annuaire, authentification unique, fédération avec Pro Santé Connect), l'infrastructure (virtualisation, stockage, sauvegarde) et la sécurité (journalisation, détection, gestion des secrets).",
                    ),
                    B::P(
                        "Sa mise en œuvre sépare strictement les environnements de production, de secours et d'administration : réseaux distincts, comptes d'administration dédiés et bastion d'accès. Les schémas d'architecture générale et détaillée accompagnent le livrable L4.",
                    ),
                ],
            },
            Section {
                heading: "1.3 CHOIX OPEN SOURCE ET JUSTIFICATION",
                body: &[
                    B::P(
                        "Chaque composant retenu répond à quatre critères : maturité, avec des versions stables publiées depuis plusieurs années ; gouvernance ouverte ; communauté active ; licence compatible avec une diffusion à tous les adhérents (GPL, LGPL, Apache, MPL).",
                    ),
                    B::P(
                        "Les dépendances critiques sont inventoriées dans une nomenclature logicielle tenue à jour à chaque livraison ; le tableau des composants et de leurs licences figure en annexe.",
                    ),
                ],
            },
            Section {
                heading: "1.4 SECURITE, SOUVERAINETE ET CONTINUITE (VUE INTEGREE)",
                body: &[
                    B::P(
                        "La sécurité est intégrée dès la conception : chiffrement des flux et des données au repos, authentification forte des administrateurs, cloisonnement des services et revue de code systématique.",
                    ),
                    B::P(
                        "L'hébergement est assuré par Beta Cloud dans deux centres de données situés dans l'Union européenne, à Strasbourg et à Francfort. Les principes du plan de continuité et du plan de reprise sont intégrés à l'architecture : réplication des données entre les deux sites et bascule testée deux fois par an.",
                    ),
                ],
            },
        ],
    },
    Chapter {
        heading: "CHAPITRE 2 – MÉTHODOLOGIE OPÉRATIONNELLE DU PARTENARIAT D’INNOVATION",
        sections: &[
            Section {
                heading: "2.1 GOUVERNANCE GLOBALE DU PARTENARIAT",
                body: &[
                    B::P(
                        "La gouvernance repose sur trois instances : un comité de pilotage trimestriel présidé par la CAIH, un comité technique mensuel et un comité sécurité réuni avant chaque mise en production.",
                    ),
                    B::P(
                        "Le mandataire, Alpha Numérique, porte la responsabilité d'ensemble du partenariat ; Beta Cloud pilote l'hébergement et l'exploitation. Un directeur de projet unique est l'interlocuteur de la CAIH et rend compte à chaque comité de pilotage.",
                    ),
                ],
            },
            Section {
                heading: "2.2 PHASE R&D – SEQUENCE PAR SEQUENCE",
                body: &[
                    B::S("Séquence 1 – Conception & développement"),
                    B::P(
                        "Objectifs : concevoir et développer le socle commun. Livrables : dossier de conception, code source publié, documentation d'installation. Jalon : revue de conception au quatrième mois, admission sur démonstration.",
                    ),
                    B::S("Séquence 2 – Prototypage & expérimentation"),
                    B::P(
                        "Trois établissements pilotes expérimentent la solution pendant six mois auprès de trois cents utilisateurs. La validation porte sur la disponibilité, la satisfaction des utilisateurs et le coût d'exploitation.",
                    ),
                    B::S("Séquence 3 – Pré-industrialisation"),
                    B::P(
                        "Stabilisation des versions, documentation d'exploitation complète et préparation de la généralisation : procédures de déploiement automatisées et dossier d'accueil des nouveaux établissements.",
                    ),
                ],
            },
            Section {
                heading: "2.3 PHASE D’ACQUISITION",
                body: &[B::P(
                    "À l'issue de la phase de recherche et développement, la solution est industrialisée et mise à disposition des adhérents par la centrale d'achat de la CAIH. La montée en charge suit un rythme de cinq à dix établissements par trimestre, ajusté selon les décisions du comité de pilotage.",
                )],
            },
        ],
    },
    Chapter {
        heading: "CHAPITRE 3 – MAÎTRISE DES CYCLES DE DÉVELOPPEMENT OPEN SOURCE",
        sections: &[
            Section {
                heading: "3.1 ORGANISATION DES CYCLES DE DEVELOPPEMENT",
                body: &[B::P(
                    "Les développements suivent une méthode agile par itérations de trois semaines. Le carnet de produit est priorisé avec la CAIH à chaque revue d'itération, en distinguant les évolutions, les corrections et la dette technique.",
                )],
            },
            Section {
                heading: "3.2 GOUVERNANCE OPEN SOURCE",
                body: &[B::P(
                    "Le code produit est publié sous licence libre sur une forge publique dès la première itération. Les contributions sont reversées en priorité aux projets d'origine ; une divergence n'est créée qu'en dernier recours, avec un plan de retour. Les contributions externes sont relues par deux mainteneurs.",
                )],
            },
            Section {
                heading: "3.3 DEVSECOPS ET QUALITE LOGICIELLE",
                body: &[B::P(
                    "Chaque modification passe par une chaîne d'intégration et de déploiement continus : tests unitaires et d'intégration automatisés, analyse statique, analyse de composition logicielle et recherche de secrets. Les vulnérabilités critiques sont corrigées sous deux jours ouvrés.",
                )],
            },
            Section {
                heading: "3.4 PERENNITE DES COMPOSANTS",
                body: &[B::P(
                    "Nous privilégions les versions maintenues à long terme et tenons un calendrier de fin de support de chaque composant. Les montées de version majeures sont planifiées un an à l'avance afin d'anticiper les obsolescences sans interrompre le service.",
                )],
            },
        ],
    },
    Chapter {
        heading: "CHAPITRE 4 – GÉNÉRALISATION, PROMOTION ET FINANCEMENTS PUBLICS",
        sections: &[
            Section {
                heading: "4.1 STRATEGIE DE GENERALISATION AUPRES DES ADHERENTS CAIH",
                body: &[B::P(
                    "La généralisation s'appuie sur des dispositifs d'appropriation éprouvés : ateliers de démonstration régionaux, établissements ambassadeurs et documentation en français. La communauté des utilisateurs est animée par un forum, une lettre trimestrielle et une rencontre annuelle des adhérents.",
                )],
            },
            Section {
                heading: "4.2 APPUI A L’OBTENTION DE FINANCEMENTS",
                body: &[B::P(
                    "Le titulaire aide les établissements à mobiliser les financements nationaux, notamment ceux de la feuille de route du numérique en santé, et les financements européens. Son rôle se limite au montage des dossiers et au partage des retours d'expérience, dans une logique d'intérêt général et non commerciale.",
                )],
            },
        ],
    },
    Chapter {
        heading: "CHAPITRE 5 – SUPPORT, MCO ET EXPLOITATION EN ENVIRONNEMENT HOSPITALIER",
        sections: &[
            Section {
                heading: "5.1 ORGANISATION DU SUPPORT",
                body: &[B::P(
                    "Le support de niveau N2 est assuré par Alpha Numérique depuis Lyon, le niveau N3 par les équipes de développement et par Beta Cloud pour l'infrastructure. Un incident bloquant est pris en charge en moins de trente minutes, jour et nuit.",
                )],
            },
            Section {
                heading: "5.2 MCO ET EXPLOITATION",
                body: &[B::P(
                    "La supervision couvre les services applicatifs, l'infrastructure et la sécurité, avec des tableaux de bord partagés avec les établissements. Les incidents sont gérés selon les pratiques ITIL ; une astreinte est proposée aux établissements qui le souhaitent.",
                )],
            },
            Section {
                heading: "5.3 CONTINUITE D’ACTIVITE",
                body: &[B::P(
                    "Le plan de continuité et le plan de reprise d'activité couvrent la perte d'un centre de données, une cyberattaque et la défaillance d'un fournisseur. Des modes dégradés sont définis pour chaque service : consultation en lecture seule, messagerie de secours et procédures papier.",
                )],
            },
        ],
    },
    Chapter {
        heading: "CHAPITRE 6 – APPROCHE RSE APPLIQUÉE AU PROJET",
        sections: &[
            Section {
                heading: "6.1 SOBRIETE NUMERIQUE",
                body: &[B::P(
                    "L'architecture est dimensionnée au plus juste : mutualisation des ressources, mise en veille des environnements hors production et mesure de la consommation électrique de chaque service. Les choix d'architecture prolongent la durée de vie du matériel.",
                )],
            },
            Section {
                heading: "6.2 CONTRIBUTION A L’ECOSYSTEME OPEN SOURCE",
                body: &[B::P(
                    "Le groupement consacre une part de son temps de développement aux projets d'origine, partage son code et participe à la gouvernance ouverte des communautés concernées, afin que les travaux financés profitent à tous.",
                )],
            },
            Section {
                heading: "6.3 IMPACT SOCIAL ET TERRITORIAL",
                body: &[B::P(
                    "Le projet mobilise des équipes implantées en région, forme des alternants et s'appuie sur un écosystème de petites et moyennes entreprises françaises et européennes, au service de la souveraineté numérique des établissements de santé.",
                )],
            },
        ],
    },
];

/// An additional chapter after chapter 6, which annexe 2 allows (« des chapitres
/// supplémentaires pourront être ajoutés »).
pub const EXTRA_CHAPTER: Chapter = Chapter {
    heading: "CHAPITRE 7 – INNOVATIONS COMPLÉMENTAIRES PROPOSÉES",
    sections: &[
        Section {
            heading: "7.1 ASSISTANT DE MIGRATION DES POSTES DE TRAVAIL",
            body: &[B::P(
                "Un assistant libre inventorie les postes de travail, propose un ordre de migration et prépare les profils des utilisateurs, afin de réduire la charge des équipes informatiques des établissements.",
            )],
        },
        Section {
            heading: "7.2 OBSERVATOIRE DES USAGES",
            body: &[B::P(
                "Un observatoire partagé mesure l'adoption des outils par les adhérents et publie chaque trimestre des indicateurs anonymisés, utiles au comité de pilotage comme aux établissements.",
            )],
        },
    ],
};

/// How a mémoire departs from the plan.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Deviation {
    /// Chapters 1 to 6, every sub-section, in order.
    None,
    /// Chapters 3 and 4 swapped.
    SwapChapters3And4,
    /// A sub-section missing (its heading and its text).
    MissingSection(&'static str),
    /// Chapter 7 added after chapter 6.
    ExtraChapter7,
}

/// The mémoire technique (livrable L3): a cover page, then each chapter on a new page.
pub fn memoire(deviation: Deviation) -> Doc {
    let mut chapters: Vec<&Chapter> = PLAN.iter().collect();
    match deviation {
        Deviation::SwapChapters3And4 => chapters.swap(2, 3),
        Deviation::ExtraChapter7 => chapters.push(&EXTRA_CHAPTER),
        Deviation::MissingSection(s) => assert!(
            PLAN.iter().flat_map(|c| c.sections).any(|x| x.heading == s),
            "no section {s} in the plan"
        ),
        Deviation::None => {}
    }
    let mut doc = Doc::new("L3 – Mémoire technique général", ALPHA.name)
        .dated("D:20260410090000+02'00'")
        .footer("Groupement Alpha-Beta – L3 Mémoire technique général")
        .subtitle(CONSULTATION)
        .subtitle("Offre initiale du groupement Alpha-Beta – mandataire : Alpha Numérique SAS")
        .subtitle("Version du 10 avril 2026")
        .space()
        .p("Le présent mémoire technique suit le plan imposé de l'annexe 2 du règlement de la consultation : l'ordre, la numérotation et l'intitulé des chapitres et des sous-parties y sont repris à l'identique. Il distingue, pour chaque sous-partie, ce qui existe déjà, ce qui sera développé dans le cadre du partenariat et la cible généralisable.")
        .p("Les schémas, fiches techniques et tableaux de conformité cités sont joints en annexes techniques.");
    for chapter in chapters {
        doc = doc.page_break().h1(chapter.heading);
        for section in chapter.sections {
            if deviation == Deviation::MissingSection(section.heading) {
                continue;
            }
            doc = doc.h2(section.heading);
            for b in section.body {
                doc = match b {
                    B::P(s) => doc.p(s),
                    B::S(s) => doc.strong(s),
                };
            }
        }
    }
    doc
}

/// The other deliverables of annexe 3 (L4 to L16): file, title, what the deliverable covers.
pub const DELIVERABLES: [(&str, &str, &[&str]); 13] = [
    (
        "L04_Architecture_cible.pdf",
        "L4 – Description de l’architecture cible Open Source",
        &[
            "l'architecture fonctionnelle et technique cible ;",
            "les briques Open Source proposées ;",
            "les principes d'interopérabilité avec les systèmes d'information hospitaliers existants ;",
            "la séparation des environnements et la résilience de l'ensemble.",
        ],
    ),
    (
        "L05_Hebergement_souverain.pdf",
        "L5 – Note relative à l’hébergement souverain",
        &[
            "le modèle d'hébergement proposé ;",
            "la localisation des centres de données dans l'Union européenne ;",
            "la conformité à la réglementation applicable aux données de santé ;",
            "les garanties capitalistiques et de gouvernance.",
        ],
    ),
    (
        "L06_Note_PCA_PRA.pdf",
        "L6 – Note PCA / PRA",
        &[
            "la stratégie de continuité d'activité ;",
            "les scénarios de défaillance couverts ;",
            "la diversification technologique ;",
            "les objectifs de durée et de perte de données maximales et les modes dégradés.",
        ],
    ),
    (
        "L07_PAS_initial.pdf",
        "L7 – Plan d’assurance sécurité (PAS) – version initiale",
        &[
            "la gouvernance de la sécurité du projet ;",
            "l'analyse de risques ;",
            "les mesures de protection techniques et organisationnelles ;",
            "l'alignement avec le RGPD, la directive NIS 2 et les guides de l'ANSSI.",
        ],
    ),
    (
        "L08_Conformite_regl.pdf",
        "L8 – Note de conformité réglementaire",
        &[
            "la conformité de la solution au RGPD ;",
            "la conformité à la réglementation sur l'hébergement des données de santé ;",
            "les exigences de sécurité applicables aux établissements de santé.",
        ],
    ),
    (
        "L09_Strategie_crypto_PQC.pdf",
        "L9 – Stratégie cryptographique et post-quantique",
        &[
            "la prise en compte des enjeux post-quantiques ;",
            "les orientations retenues : veille, hybridation, trajectoire de migration ;",
            "l'alignement avec les recommandations de l'ANSSI.",
        ],
    ),
    (
        "L10_Methodologie_RD.pdf",
        "L10 – Méthodologie de conduite de la phase R&D",
        &[
            "le découpage en séquences : conception, prototypage, pré-industrialisation ;",
            "les livrables attendus par séquence ;",
            "les modalités de validation et d'admission, avec leurs indicateurs.",
        ],
    ),
    (
        "L11_Organisation_projet.pdf",
        "L11 – Organisation projet et gouvernance",
        &[
            "l'organisation du groupement ;",
            "les rôles et responsabilités ;",
            "la gouvernance du partenariat d'innovation.",
        ],
    ),
    (
        "L12_Accompagnement.pdf",
        "L12 – Plan d’accompagnement, formation et transfert et réversibilité",
        &[
            "la stratégie d'acculturation aux logiciels libres ;",
            "la formation des équipes informatiques hospitalières ;",
            "le transfert de compétences et d'autonomie ;",
            "les modalités de réversibilité.",
        ],
    ),
    (
        "L13_Modele_economique.pdf",
        "L13 – Modèle économique du partenariat",
        &[
            "les hypothèses économiques ;",
            "la soutenabilité financière du modèle ;",
            "la trajectoire de généralisation ;",
            "les bénéfices économiques pour les établissements.",
        ],
    ),
    (
        "L14_Projection_TCO.pdf",
        "L14 – Projection TCO et comparaison",
        &[
            "une projection du coût total de possession en exploitation ;",
            "une comparaison avec les solutions propriétaires dominantes ;",
            "les leviers d'optimisation économique.",
        ],
    ),
    (
        "L15_References_techniques.pdf",
        "L15 – Références techniques et cas d’usage illustratifs",
        &[
            "des projets Open Source comparables ;",
            "des déploiements à grande échelle ;",
            "des expériences en environnement critique ou souverain.",
        ],
    ),
    (
        "L16_Certificats.pdf",
        "L16 – Certificats et attestations techniques",
        &[
            "la certification de l'hébergeur pour les données de santé ;",
            "les éléments relatifs à la qualification SecNumCloud, le cas échéant ;",
            "les attestations d'assurance professionnelle en cours de validité.",
        ],
    ),
];

/// One deliverable of annexe 3, a page in French.
pub fn deliverable(title: &str, covers: &[&str]) -> Doc {
    let mut doc = Doc::new(title, ALPHA.name)
        .dated("D:20260410090000+02'00'")
        .subtitle(CONSULTATION)
        .subtitle("Offre initiale du groupement Alpha-Beta")
        .space()
        .p("Ce livrable de l'offre initiale présente :");
    for c in covers {
        doc = doc.bullet(c);
    }
    doc.p("Il est établi conjointement par Alpha Numérique et Beta Cloud, et sera mis à jour à chaque jalon de la phase de recherche et développement.")
}

/// The acte d'engagement: prices in euros and, unless `email` is false, the e-mail address
/// article 5.3 requires.
pub fn acte_engagement(email: bool) -> Doc {
    let doc = Doc::new("Acte d'engagement", ALPHA.name)
        .dated("D:20260410090000+02'00'")
        .subtitle(CONSULTATION)
        .space()
        .strong("A – Objet de l'acte d'engagement")
        .p("Le présent acte d'engagement concerne le partenariat d'innovation « Alternative Open Source » passé par la Centrale d'Achat de l'Informatique Hospitalière (CAIH), 83-85 boulevard Vivier Merle, 69003 Lyon.")
        .strong("B – Engagement du titulaire")
        .p("Après avoir pris connaissance des pièces du marché, le groupement conjoint Alpha-Beta, dont le mandataire solidaire est Alpha Numérique SAS (SIRET 123 456 782 00010), s'engage à exécuter les prestations aux prix indiqués ci-dessous.")
        .strong("C – Prix de la phase de recherche et développement")
        .bullet("Séquence 1 – Conception & développement : 125 000,00 € HT")
        .bullet("Séquence 2 – Prototypage & expérimentation : 85 000,00 € HT")
        .bullet("Séquence 3 – Pré-industrialisation : 60 000,00 € HT")
        .p("Montant total : 270 000,00 € HT, soit 324 000,00 € TTC (TVA à 20 %).")
        .strong("D – Adresse électronique du titulaire (article 5.3 du règlement de la consultation)");
    let doc = if email {
        doc.p("Adresse électronique valide pendant toute la durée du marché : contact@alpha-numerique.fr")
    } else {
        doc.p("Adresse électronique valide pendant toute la durée du marché : à compléter.")
    };
    doc.strong("E – Compte à créditer")
        .p("Alpha Numérique SAS, IBAN FR76 3000 4000 0312 3456 7890 143, BIC BNPAFRPPXXX.")
        .space()
        .p("Fait à Lyon, le 10 avril 2026.")
        .p("Pour le groupement, le mandataire : Claire Martin, présidente d'Alpha Numérique SAS.")
}

/// Currency of the financial answer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Currency {
    Euro,
    Dollar,
}

/// The cadre de réponse financière: the e-mail address, the prices with a currency number
/// format, the total written out.
pub fn offre_financiere(currency: Currency) -> Content {
    let (unit, format, total) = match currency {
        Currency::Euro => (
            "€",
            "#,##0.00\\ \"€\"",
            "Montant total de la phase de R&D : 270 000,00 € HT, soit 324 000,00 € TTC.",
        ),
        Currency::Dollar => (
            "USD",
            "[$$-409]#,##0.00",
            "Montant total de la phase de R&D : $270,000.00 HT, soit $324,000.00 TTC (USD).",
        ),
    };
    let money = |v: f64| Cell::Formatted(v, format.to_string());
    let row = |label: &str, ht: f64| vec![t(label), money(ht), money(ht * 1.2)];
    Content::Xlsx {
        title: "Cadre de réponse financière".into(),
        sheets: vec![Sheet {
            name: "Offre financière".into(),
            rows: vec![
                vec![t(
                    "Cadre de réponse financière – partenariat d'innovation « Alternative Open Source »",
                )],
                vec![
                    t("Candidat"),
                    t("Groupement Alpha-Beta (mandataire : Alpha Numérique SAS)"),
                ],
                vec![t("Adresse électronique"), t("contact@alpha-numerique.fr")],
                vec![],
                vec![
                    t("Poste"),
                    t(&format!("Montant HT ({unit})")),
                    t(&format!("Montant TTC ({unit})")),
                ],
                row("Séquence 1 – Conception & développement", 125_000.0),
                row("Séquence 2 – Prototypage & expérimentation", 85_000.0),
                row("Séquence 3 – Pré-industrialisation", 60_000.0),
                row("Total de la phase de R&D", 270_000.0),
                row("Redevance annuelle de MCO (phase d'acquisition)", 48_000.0),
                vec![],
                vec![t(total)],
            ],
        }],
    }
}

// ---------------------------------------------------------------------------------------------
// The content variants: fixtures/documents/<variant>
// ---------------------------------------------------------------------------------------------

/// Each variant changes one thing of the compliant CAIH candidature or offer.
pub fn variants() -> Vec<Bid> {
    let cand = bids::caih_groupement();
    let offre = bids::caih_offre();
    let offre_docx = bids::caih_offre_docx();
    let v = |base: &Bid, name: &str, what: &str| base.variant_in("documents", name, what);
    vec![
        v(
            &cand,
            "assurance-expiree",
            "attestation d'assurance de Beta expirée le 31/12/2025",
        )
        .replace(
            "beta/26_01_DC_Assurance_Beta.pdf",
            assurance(BETA, 2025).pdf(),
        ),
        v(
            &cand,
            "anglais",
            "description des moyens rédigée en anglais",
        )
        .replace("alpha/26_01_DC_Moyens_Alpha.pdf", moyens_english().pdf()),
        v(&cand, "plaquette-3-pages", "une plaquette de 3 pages")
            .replace("alpha/26_01_DC_Plaq1_Alpha.pdf", plaquette(1, A4, 3)),
        v(
            &cand,
            "plaquette-letter",
            "une plaquette au format US Letter",
        )
        .replace("alpha/26_01_DC_Plaq2_Alpha.pdf", plaquette(2, US_LETTER, 2)),
        v(
            &cand,
            "piece-par-contenu",
            "attestation d'assurance de Beta sous un nom quelconque",
        )
        .rename(
            "beta/26_01_DC_Assurance_Beta.pdf",
            "beta/26_01_DC_Piece7_Beta.pdf",
        ),
        v(
            &cand,
            "hds-activites",
            "certificat HDS limité aux activités 1 à 4",
        )
        .replace("beta/26_01_DC_HDS_Beta.pdf", hds(BETA, 4).pdf()),
        v(
            &cand,
            "lien-externe",
            "liste des références remplacée par un lien WeTransfer",
        )
        .replace("alpha/26_01_DC_Refs_Alpha.pdf", references_link().pdf()),
        v(
            &offre,
            "memoire-ordre",
            "chapitres 3 et 4 du mémoire intervertis",
        )
        .replace(
            "L03_Memoire_technique.pdf",
            memoire(Deviation::SwapChapters3And4).pdf(),
        ),
        v(
            &offre,
            "memoire-manquant",
            "sous-partie 3.3 absente du mémoire",
        )
        .replace(
            "L03_Memoire_technique.pdf",
            memoire(Deviation::MissingSection(
                "3.3 DEVSECOPS ET QUALITE LOGICIELLE",
            ))
            .pdf(),
        ),
        v(
            &offre,
            "memoire-extra",
            "chapitre 7 ajouté après le chapitre 6 (permis)",
        )
        .replace(
            "L03_Memoire_technique.pdf",
            memoire(Deviation::ExtraChapter7).pdf(),
        ),
        v(
            &offre_docx,
            "memoire-docx-manquant",
            "sous-partie 5.2 absente du mémoire Word",
        )
        .replace(
            "L03_Memoire_technique.docx",
            memoire(Deviation::MissingSection("5.2 MCO ET EXPLOITATION")).docx(),
        ),
        v(
            &offre,
            "offre-sans-email",
            "acte d'engagement sans adresse électronique",
        )
        .replace("AE_Acte_engagement.pdf", acte_engagement(false).pdf()),
        v(&offre, "montant-dollars", "offre financière en dollars US").replace(
            "CRF_Offre_financiere.xlsx",
            offre_financiere(Currency::Dollar),
        ),
    ]
}
