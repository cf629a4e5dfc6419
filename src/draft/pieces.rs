//! The pieces of the candidature and of the offer: lines of « pièces à fournir » tables and
//! lists (DC1, DC2, déclaration sur l'honneur, Kbis, attestation d'assurance, références,
//! moyens…), « livrables » (L3 – …), with per-member mentions (« et tous membres du
//! groupement »).

use std::sync::LazyLock;

use regex::Regex;

use super::render::single;
use super::sections::{Doc, clean_line};
use super::{Found, Rule, content_regex, key_words};

/// A kind of piece the drafter knows: how the RC names it, how files are recognised.
struct PieceKind {
    topic: &'static str,
    trigger: &'static str,
    label: &'static str,
    names: &'static [&'static str],
    content: &'static str,
    formats: &'static str,
    offer: bool,
}

const DOCS: &str = "[pdf, docx, doc, odt]";
const SCANS: &str = "[pdf, png, jpeg]";

const KINDS: &[PieceKind] = &[
    PieceKind {
        topic: "CAND-DC1",
        trigger: r"lettre\s+de\s+candidature|\bDC\s?1\b",
        label: "lettre de candidature (DC1)",
        names: &[
            r"(^|[_ .-])dc ?0?1([_ .-]|$)",
            r"lettre[_ .-]*(de[_ .-]*)?candidature",
            r"(^|[_ .-])dume([_ .-]|$)",
        ],
        content: r"lettre de candidature|\bdc ?1\b",
        formats: DOCS,
        offer: false,
    },
    PieceKind {
        topic: "CAND-DC2",
        trigger: r"\bDC\s?2\b|d[ée]claration\s+du\s+candidat\b",
        label: "déclaration du candidat (DC2)",
        names: &[
            r"(^|[_ .-])dc ?0?2([_ .-]|$)",
            r"declaration[_ .-]*(du[_ .-]*)?candidat",
        ],
        content: r"declaration du candidat|\bdc ?2\b",
        formats: DOCS,
        offer: false,
    },
    PieceKind {
        topic: "CAND-DH",
        trigger: r"(?:d[ée]claration|attestation)\s+sur\s+l['’]honneur",
        label: "déclaration sur l'honneur",
        // The DUME holds the sworn statements (its part III); the DC1 does in its part F1,
        // read in its text (`within`, added when the draft asks for the DC1).
        names: &[
            r"(^|[_ .-])ds?h([_ .-]|$)",
            r"(declaration|attestation)[_ .-]*(sur[_ .-]*)?(l[_ .'-]*)?honneur",
            r"(^|[_ .-])dume([_ .-]|$)",
        ],
        content: r"(declarations?|attestations?) sur l'honneur",
        formats: DOCS,
        offer: false,
    },
    PieceKind {
        topic: "CAND-JUGEMENT",
        trigger: r"copie\s+du\s+ou\s+des\s+jugements|jugements?\s+prononc",
        label: "copie du ou des jugements (redressement judiciaire)",
        names: &[r"jugement", r"redressement"],
        content: r"jugement",
        formats: "[pdf, docx, doc, odt, png, jpeg]",
        offer: false,
    },
    PieceKind {
        topic: "CAND-TRAME",
        trigger: r"trame\s+(?:excel|de\s+candidature)|chiffre\s+(?:d['’]\s*)?affaires?\b",
        label: "déclaration de chiffre d'affaires (trame de candidature)",
        // The DC2 (its part D) and the DUME (its part IV) carry the turnover: a bid that gives
        // them has given it, with no file of its own.
        names: &[
            r"trame",
            r"chiffre[_ .-]*(d[_ .-]*)?affaires",
            r"(^|[_ .-])ca([_ .-]|$)",
            r"(^|[_ .-])dc ?0?2([_ .-]|$)",
            r"(^|[_ .-])dume([_ .-]|$)",
        ],
        content: r"chiffre d'affaires",
        formats: "",
        offer: false,
    },
    PieceKind {
        topic: "CAND-EFFECTIFS",
        trigger: r"d[ée]claration\s+des\s+effectifs|effectifs?\s+(?:moyens?\s+annuels?|annuels?\s+moyens?)|moyens\s+en\s+personnel",
        label: "déclaration des effectifs",
        names: &[r"effectif", r"personnel"],
        content: r"effectifs|personnel",
        formats: "",
        offer: false,
    },
    PieceKind {
        topic: "CAND-MOYENS",
        trigger: r"(?:description|d[ée]claration)\s+(?:d[ée]taill[ée]e\s+)?(?:indiquant\s+)?(?:de\s+)?l['’](?:[ée]quipement\s+technique|outillage)|moyens\s+(?:techniques|mat[ée]riels|en\s+mat[ée]riel)",
        label: "description des moyens techniques et organisationnels (outillage, matériel)",
        names: &[
            r"moyens",
            r"equipement[_ .-]*technique",
            r"outillage",
            r"materiel",
        ],
        content: r"moyens techniques|equipement technique|outillage",
        formats: "",
        offer: false,
    },
    PieceKind {
        topic: "CAND-REFERENCES",
        trigger: r"liste\s+(?:de|des)\s+(?:r[ée]f[ée]rences|principa(?:les|ux)\s+(?:prestations|fournitures|livraisons|services|travaux)|(?:services|prestations|fournitures|livraisons)\b[^.;\n]{0,80}?\b(?:ex[ée]cut|effectu|r[ée]alis|fourni))|\bses\s+[«\x22]?\s*r[ée]f[ée]rences|r[ée]f[ée]rences\s+(?:ex[ée]cut|r[ée]alis)[ée]es|\bpr[ée]sent(?:e|era|ent|eront)\s+(?:\S+\s+){0,3}?r[ée]f[ée]rences\b",
        label: "liste des références",
        names: &[
            r"referenc",
            r"(^|[_ .-])refs?([_ .-]|$)",
            r"prestations",
            r"liste[_ .-]*(des[_ .-]*)?(services|fournitures|livraisons)",
        ],
        content: r"references|principales prestations",
        formats: "",
        offer: false,
    },
    PieceKind {
        topic: "CAND-TRAVAUX",
        trigger: r"liste\s+des\s+travaux\b[^.;\n]{0,80}?\bex[ée]cut",
        label: "liste des travaux exécutés (attestations de bonne exécution)",
        names: &[
            r"travaux",
            r"bonne[_ .-]*execution",
            r"referenc",
            r"(^|[_ .-])refs?([_ .-]|$)",
        ],
        content: r"travaux|bonne execution",
        formats: "",
        offer: false,
    },
    PieceKind {
        topic: "CAND-QUALIFICATIONS",
        trigger: r"certificats?\s+de\s+qualifications?(?:\s+professionnelles?)?",
        label: "certificats de qualification professionnelle",
        names: &[r"qualification", r"certificat"],
        content: r"qualification",
        formats: SCANS,
        offer: false,
    },
    PieceKind {
        topic: "CAND-PLAQUETTE",
        trigger: r"plaquettes?\s+de\s+pr[ée]sentation|fiches?\s+de\s+r[ée]f[ée]rences?",
        label: "plaquette de présentation de chaque référence",
        names: &[r"plaq", r"fiche[_ .-]*ref"],
        content: r"plaquette|fiche de reference",
        formats: "[pdf]",
        offer: false,
    },
    PieceKind {
        topic: "CAND-ASSURANCE",
        trigger: r"(?:attestation|d[ée]claration|preuve)\s+d['’](?:une\s+)?assurance|assurance\s+de\s+responsabilit[ée]\s+civile|responsabilit[ée]\s+civile\s+(?:professionnelle\s+)?en\s+cours\s+de\s+validit",
        label: "attestation d'assurance (responsabilité civile)",
        names: &[
            r"assurance",
            r"(^|[_ .-])rc[_ .-]?pro",
            r"responsabilite[_ .-]*civile",
        ],
        content: r"attestation d'assurance|responsabilite civile",
        formats: SCANS,
        offer: false,
    },
    PieceKind {
        topic: "CAND-KBIS",
        trigger: r"\bK\s?-?bis\b|extrait\s+(?:au|du|de\s+l['’]inscription\s+au)\s+registre\s+du\s+commerce",
        label: "extrait Kbis",
        names: &[
            r"k[_ .-]?bis",
            r"registre[_ .-]*(du[_ .-]*)?commerce",
            r"(^|[_ .-])rcs([_ .-]|$)",
        ],
        content: r"extrait k ?bis|registre du commerce",
        formats: SCANS,
        offer: false,
    },
    PieceKind {
        // The notices' standard item: who signs must be empowered to commit the candidate.
        topic: "CAND-POUVOIR",
        trigger: r"pouvoirs?\s+(?:de\s+la\s+personne|du\s+signataire|des\s+personnes)\s+(?:habilit[ée]e?s?|ayant\s+qualit[ée])",
        label: "pouvoir de la personne habilitée à engager le candidat",
        names: &[r"pouvoir", r"habilitation", r"delegation"],
        content: r"pouvoir|habilit|delegation",
        formats: SCANS,
        offer: false,
    },
    PieceKind {
        topic: "CAND-DECENNALE",
        trigger: r"(?:assurance|garantie)\s+(?:de\s+responsabilit[ée]\s+)?d[ée]cennale|\bd[ée]cennale\s+souscrite",
        label: "attestation d'assurance décennale",
        names: &[r"decennale"],
        content: r"decennale",
        formats: SCANS,
        offer: false,
    },
    PieceKind {
        topic: "CAND-FISCAL",
        trigger: r"attestations?\s+(?:de\s+r[ée]gularit[ée]\s+)?fiscales?|certificats?\s+fiscaux|d[ée]livr[ée]es?\s+par\s+l['’]administration\s+fiscale|certificats?\s+d[ée]livr[ée]s\s+par\s+les\s+administrations\s+et\s+organismes\s+comp[ée]tents",
        label: "attestation de régularité fiscale",
        names: &[r"fiscal", r"fiscaux", r"impot", r"dgfip", r"regularite"],
        content: r"fiscal|impots",
        formats: SCANS,
        offer: false,
    },
    PieceKind {
        topic: "CAND-VIGILANCE",
        trigger: r"attestation\s+(?:dite\s+)?de\s+[«\x22]?\s*vigilance|attestation\s+(?:de\s+l['’]\s*)?urssaf|attestation\s+de\s+fourniture\s+des\s+d[ée]clarations\s+sociales",
        label: "attestation de vigilance (URSSAF)",
        names: &[r"vigilance", r"urssaf"],
        content: r"vigilance|urssaf",
        formats: SCANS,
        offer: false,
    },
    PieceKind {
        topic: "CAND-CONGES",
        trigger: r"cong[ée]s\s+pay[ée]s\s+et\s+(?:au\s+)?ch[ôo]mage|ch[ôo]mage[-\s]intemp[ée]ries",
        label: "certificat congés payés et chômage-intempéries",
        names: &[r"conges", r"intemperie", r"cibtp"],
        content: r"conges payes|intemperies",
        formats: SCANS,
        offer: false,
    },
    PieceKind {
        topic: "CAND-TITRES",
        trigger: r"titres\s+d['’][ée]tudes",
        label: "titres d'études et professionnels des cadres",
        names: &[r"titre", r"diplome", r"(^|[_ .-])cv([_ .-]|$)"],
        content: r"titres d'etudes|diplome",
        formats: "",
        offer: false,
    },
    PieceKind {
        topic: "CAND-TECHNICIENS",
        trigger: r"indication\s+des\s+techniciens|organismes\s+techniques",
        label: "techniciens et organismes techniques",
        names: &[r"technicien", r"organisme"],
        content: r"techniciens|organismes techniques",
        formats: "",
        offer: false,
    },
    PieceKind {
        topic: "CAND-QUALITE",
        trigger: r"mesures\s+employ[ée]es\s+(?:par\s+le\s+candidat\s+)?pour\s+s['’]assurer\s+de\s+la\s+qualit[ée]",
        label: "mesures employées pour s'assurer de la qualité",
        names: &[r"qualite", r"mesures"],
        content: r"qualite",
        formats: "",
        offer: false,
    },
    PieceKind {
        topic: "CAND-ETRANGERS",
        trigger: r"liste\s+nominative\s+des\s+salari[ée]s\s+[ée]trangers",
        label: "liste nominative des salariés étrangers",
        names: &[r"etranger", r"liste[_ .-]*nominative"],
        content: r"salaries etrangers",
        formats: "",
        offer: false,
    },
    PieceKind {
        topic: "CAND-ORDRE",
        trigger: r"inscription\s+(?:à\s+|au\s+tableau\s+de\s+)?l['’]ordre\s+des\s+architectes",
        label: "inscription à l'ordre des architectes",
        names: &[r"ordre", r"architecte"],
        content: r"ordre des architectes",
        formats: SCANS,
        offer: false,
    },
    PieceKind {
        topic: "CAND-RUSSIE",
        trigger: r"op[ée]rateurs\s+russes",
        label: "attestation sur l'honneur relative aux sanctions contre les opérateurs russes",
        names: &[r"russ", r"sanction"],
        content: r"russe",
        formats: DOCS,
        offer: false,
    },
    PieceKind {
        topic: "OFFRE-AE",
        trigger: r"acte\s+d['’]engagement|\bATTRI\s?1\b",
        label: "acte d'engagement",
        names: &[
            r"(^|[_ .-])ae([_ .-]|$)",
            r"acte[_ .-]*(d[_ .-]*)?engagement",
            r"attri[_ .-]?1",
        ],
        content: r"acte d'engagement|attri1",
        formats: DOCS,
        offer: true,
    },
    PieceKind {
        topic: "OFFRE-MEMOIRE",
        // « mémoire justificatif » of works on listed monuments too.
        trigger: r"m[ée]moire\s+(?:technique|justificatif)",
        label: "mémoire technique",
        names: &[r"memoire", r"(^|[_ .-])mt([_ .-]|$)"],
        content: r"memoire technique",
        formats: DOCS,
        offer: true,
    },
    PieceKind {
        topic: "OFFRE-DCE-SIGNE",
        // « Le présent D.C.E. est à retourner, après avoir complété la mention ci-dessous »,
        // « Le présent règlement de consultation doit être daté et signé »: a document of the
        // consultation, returned with the offer.
        trigger: r"\bpr[ée]sent\s+(?:D\.?C\.?E\.?|dossier\s+de\s+(?:la\s+)?consultation|r[èe]glement\s+de\s+(?:la\s+)?consultation|CCAP|CCTP|cahier\s+des\s+(?:charges|clauses)[^.;]{0,60}?)\s+(?:est|doit\s+[êe]tre|sera|devra\s+[êe]tre)\s+(?:à\s+)?(?:retourn|joint|joindre|dat[ée]|sign[ée]|paraph)|chaque\s+page\s+(?:sera|doit\s+[êe]tre|devra\s+[êe]tre)\s+paraph[ée]e[^.]{0,120}\bsignature",
        label: "document de la consultation (DCE, RC, CCAP ou CCTP) retourné signé",
        names: &[
            r"(^|[_ .-])d\.?c\.?e([_ .-]|$)",
            r"reglement[_ .-]*(de[_ .-]*)?(la[_ .-]*)?consultation",
            r"(^|[_ .-])ccap([_ .-]|$)",
            r"(^|[_ .-])cctp([_ .-]|$)",
            r"cahier[_ .-]*des[_ .-]*(charges|clauses)",
        ],
        content: r"dossier de consultation|reglement de (la )?consultation|cahier des (charges|clauses)",
        formats: SCANS,
        offer: true,
    },
    PieceKind {
        topic: "OFFRE-PRIX",
        trigger: r"cadre\s+de\s+prix|bordereau\s+(?:des|de)\s+prix|\bBPU\b|\bDPGF\b|d[ée]composition\s+du\s+prix|cadre\s+de\s+r[ée]ponse\s+financi[èe]re",
        label: "cadre de prix (offre financière)",
        names: &[r"(^|[_ .-])(bpu|dpgf)([_ .-]|$)", r"prix", r"financ"],
        content: r"bordereau des prix|decomposition du prix|offre financiere",
        formats: "",
        offer: true,
    },
    PieceKind {
        // The estimate of the quantities, a document of its own beside the BPU (a warning when
        // the same sentence names the BPU: it may be a sheet of the same workbook).
        topic: "OFFRE-DQE",
        trigger: r"\bDQE\b|d[ée]tail\s+quantitatif",
        label: "détail quantitatif estimatif (DQE)",
        names: &[
            r"(^|[_ .-])dqe([_ .-]|$)",
            r"quantitatif",
            r"prix",
            r"financ",
        ],
        content: r"detail quantitatif",
        formats: "",
        offer: true,
    },
    PieceKind {
        // Works and engineering ask a « note méthodologique » where services ask a mémoire
        // technique; an RC may ask both, so it is a piece of its own.
        topic: "OFFRE-NOTE",
        trigger: r"note\s+m[ée]thodologique",
        label: "note méthodologique",
        names: &[r"methodo", r"(^|[_ .-])nm([_ .-]|$)"],
        content: r"note methodologique|methodologie",
        formats: DOCS,
        offer: true,
    },
    PieceKind {
        // A compulsory visit is proved by the certificate the buyer signs on site.
        topic: "OFFRE-VISITE",
        trigger: r"(?:attestation|certificat|r[ée]c[ée]piss[ée])\s+de\s+visite",
        label: "attestation de visite",
        names: &[r"visite", r"recepisse"],
        content: r"visite",
        formats: SCANS,
        offer: true,
    },
];

static TRIGGERS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    KINDS
        .iter()
        // Proof: constant patterns, every one exercised by the tests on the CAIH and GHT RCs.
        .map(|k| Regex::new(&format!("(?i){}", k.trigger)).expect("valid regex"))
        .collect()
});
static CUES: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(
        r"transmettre|fournir|produi[rt]|joindre|jointe?|remis|remet|depos|renseign|pieces|dument|accompagn",
    )
    .expect("valid regex")
});
static PER_MEMBER: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"(?:tous|chaque)\s+(?:les\s+)?membres?|chaque\s+cotraitant|par\s+membre")
        .expect("valid regex")
});
static JOINT: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"une\s+seule|communes?\s+au\s+groupement|signee?\s+par\s+(?:chacun|tous)|individuel\s+ou\s+en\s+groupement")
        .expect("valid regex")
});
/// A sentence that defers a piece or asks it of the winner only (« seul l'attributaire »,
/// « avant notification », « communiqués ultérieurement »): it names no piece of the bid.
static DEFERRED: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"attributaire|envisage\s+d['’]attribuer|candidats?\s+retenus?|offre\s+(?:a\s+ete\s+|est\s+|sera\s+)?retenue|pressentie?s?\b|\bmieux\s+classee?s?\b|(?:avant|apres)\s+(?:la\s+)?notification|a\s+la\s+signature\s+du\s+marche|ulterieurement|a\s+titre\s+(?:informatif|indicatif)")
        .expect("valid regex")
});
/// A colon followed by a list's first item on the same line.
static INLINE_FIRST_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r":\s*[-–—•]\s").expect("valid regex")
});
/// A condition before the piece, in its sentence: the piece is owed only in that case.
static CONDITION: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(
        r"\ble\s+cas\s+echeant\b|\ben\s+cas\s+de\s+reponse\s+positive|\bs['’]il\s+y\s+a\s+lieu\b",
    )
    .expect("valid regex")
});
/// The lead-in of a list of the documents the buyer provides (« Le dossier de consultation
/// des entreprises (DCE) comprend : », « sont versés au DCE Candidature les documents
/// suivants : »): its items are no pieces to provide.
static DCE_LIST: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(
        r"\bdce\b|dossier\s+de\s+(?:la\s+)?consultation|a\s+titre\s+(?:informatif|indicatif)",
    )
    .expect("valid regex")
});
/// The DUME offered in place of the forms (« peut alternativement compléter le DUME », « ou
/// le DUME », « DUME, ou DC1 et DC2 »).
static DUME_ALTERNATIVE: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"(?:peu(?:t|vent)\s+(?:\S+\s+){0,4}?(?:utiliser|completer|produire|fournir|remettre|transmettre|presenter|repondre)\s+(?:\S+\s+){0,4}?(?:document\s+unique\s+de\s+marche\s+europeen|dume))|\bou\W+(?:le\s+|un\s+)?(?:dume\b|document\s+unique\s+de\s+marche\s+europeen)|\bdume\s*,?\s+ou\b")
        .expect("valid regex")
});
/// A piece given inside a form annexed to the RC (« Cf. trame de candidature jointe en annexe
/// 1 », « Cf Annexe RC_liste_pièces »): a separate file may not be expected.
static IN_FORM: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"\bcf\.?\s+(?:la\s+|l['’]\s*)?(?:trame|annexe|cadre)").expect("valid regex")
});
static TRAME_EXCEL: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"(?i)trame\s+excel").expect("valid regex")
});
static LIVRABLE: LazyLock<Regex> = LazyLock::new(|| {
    // Proof: a constant pattern.
    Regex::new(r"^L(\d{1,2})\s*[–—-]\s*(\S.{2,150})$").expect("valid regex")
});

/// Words too general to recognise a deliverable by.
const GENERIC: &[&str] = &[
    "note",
    "document",
    "description",
    "relative",
    "plan",
    "livrable",
    "version",
    "initiale",
    "general",
    "generale",
    "projet",
    "strategie",
    "open",
    "source",
];

pub fn detect(doc: &Doc, found: &mut Found) {
    let memoire_livrable = livrables(doc, found);
    for (kind, re) in KINDS.iter().zip(TRIGGERS.iter()) {
        if kind.topic == "OFFRE-MEMOIRE" && memoire_livrable {
            continue;
        }
        let Some((at, window, score)) = best(doc, re) else {
            continue;
        };
        if kind.topic == "CAND-TRAME" && turnover_in_dc2(doc, found, at) {
            continue;
        }
        // « La description de l'équipement technique … ainsi que des mesures employées pour
        // s'assurer de la qualité … »: one document describes the means, however many of
        // them one sentence names.
        if CAPACITIES.contains(&kind.topic) && capacity_drafted_from(doc, found, at) {
            continue;
        }
        // Qualification certificates of a scheme the draft already asks for (Qualibat, FNTP…):
        // that certificate is the piece.
        if kind.topic == "CAND-QUALIFICATIONS"
            && found.rules.iter().any(|r| r.family == "certifications")
        {
            continue;
        }
        piece(doc, found, kind, at, &window, score);
    }
    certificate_of_a_compulsory_visit(doc, found);
}

/// Does `text` name a piece of a kind the drafter knows (its own detector drafts it, or
/// deliberately does not)?
pub(super) fn names_a_known_kind(text: &str) -> bool {
    TRIGGERS.iter().any(|re| re.is_match(text))
}

/// Is the folded `text` about a piece deferred or asked of the winner only?
pub(super) fn deferred(folded: &str) -> bool {
    DEFERRED.is_match(folded)
}

/// The list of references as the RC names it (« liste des principales fournitures ou des
/// principaux services effectués »): « liste des principales fournitures ou services
/// (références) ».
fn references_named(window: &str) -> Option<String> {
    static PRINCIPAL: LazyLock<Regex> = LazyLock::new(|| {
        // Proof: a constant pattern.
        Regex::new(r"principa(?:les|ux)\s+(fournitures|services|prestations|livraisons|travaux)")
            .expect("valid regex")
    });
    let mut what: Vec<String> = Vec::new();
    for c in PRINCIPAL.captures_iter(window) {
        let w = c.get(1)?.as_str();
        let adjective = if matches!(w, "services" | "travaux") {
            "principaux"
        } else {
            "principales"
        };
        let named = format!("{adjective} {w}");
        if !what.contains(&named) {
            what.push(named);
        }
    }
    (!what.is_empty()).then(|| format!("liste des {} (références)", what.join(" ou ")))
}

/// The sworn statements given inside the DC1 (its part F1, « déclare sur l'honneur … »): the
/// `within` lines of the sworn-statement piece.
fn within_dc1(dc1: &str) -> Vec<String> {
    vec![
        "within:".to_string(),
        format!("  - piece: {dc1}"),
        "    label: \"déclarations sur l'honneur (rubrique F1 du DC1)\"".to_string(),
        "    text:".to_string(),
        "      - '(declare|declarent|atteste|attestent) sur l''honneur.{0,400}(l\\. ?2141|exclusion|interdiction)'".to_string(),
    ]
}

/// A line of a table of contents in capitals: « 6.1-ATTESTATIONS FISCALES ET SOCIALES 8 ».
fn ends_with_page_number(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    words.len() >= 3
        && words
            .last()
            .is_some_and(|w| w.len() <= 3 && w.chars().all(|c| c.is_ascii_digit()))
}

/// The descriptions of the candidate's means (art. R. 2142-3 lists): one piece a sentence.
const CAPACITIES: &[&str] = &[
    "CAND-MOYENS",
    "CAND-TITRES",
    "CAND-TECHNICIENS",
    "CAND-QUALITE",
];

/// Has a description of means already been drafted from the sentence at `at`?
fn capacity_drafted_from(doc: &Doc, found: &Found, at: usize) -> bool {
    let quote = doc.sentence_quote(at);
    CAPACITIES
        .iter()
        .filter_map(|c| found.drafted(c))
        .any(|r| r.quote == quote)
}

/// The turnover asked as part of the DC2 or the DUME (« Le chiffre d'affaires … (ou DC2) »,
/// « (e-DUME ou DC2 …) », an item of « une déclaration du candidat (formulaire DC2) précisant
/// les éléments suivants : »), when the draft already asks for the DC2: the form carries it,
/// a rule of its own would ask for a file the RC does not.
fn turnover_in_dc2(doc: &Doc, found: &Found, at: usize) -> bool {
    static OR_FORM: LazyLock<Regex> = LazyLock::new(|| {
        // Proof: a constant pattern.
        Regex::new(r"\bou\s+(?:le\s+|l['’]\s*|e-)?(?:dc\s?2|dume)\b|\b(?:dc\s?2|dume)\s+ou\b")
            .expect("valid regex")
    });
    let dc2_drafted = found.drafted("CAND-DC2").is_some();
    // The lead-in of the item's list, above the item's own line (« — DC2 ou équivalent : … »
    // ends with a colon too, and is an item).
    let (line_start, line_end) = super::sections::line_bounds(doc.text, at);
    let in_dc2_list = lead_in(doc.text, line_start, 800)
        .is_some_and(|(_, l)| crate::text::fold(l).contains("dc2"));
    // The form offered in the item's own line: a sentence may run over several items.
    let item = crate::text::fold(&doc.text[line_start..line_end]);
    dc2_drafted && (OR_FORM.is_match(&item) || in_dc2_list)
}

/// The occurrence that reads most like a requirement: (offset, folded window, score).
fn best(doc: &Doc, re: &Regex) -> Option<(usize, String, isize)> {
    let t = doc.text;
    let mut best: Option<(usize, String, isize)> = None;
    // The end of the last mention named as where something else is: its acronym in
    // parentheses (« sur la base du bordereau des prix unitaires (BPU) ») is the same mention.
    let mut referred_end = None;
    for m in re.find_iter(t).take(30) {
        let (s, e) = doc.sentence(m.start());
        let folded = crate::text::fold(&t[s..e]);
        let acronym_of_referred = referred_end.is_some_and(|end: usize| {
            t.get(end..m.start()).is_some_and(|between| {
                between.len() < 40
                    && between.trim_end().ends_with('(')
                    && !between.contains(['.', ';', '\n'])
            })
        });
        if referred_to(t, m.start()) || acronym_of_referred {
            referred_end = Some(m.end());
            continue;
        }
        if defers(t, (s, e), m.start())
            || (weighted(t, m.start()) && !selects_candidates(t, m.start()))
            || deferred_next(doc, e)
            || super::denies(&folded)
            || in_dce_list(t, s)
            || in_winner_list(t, s)
            || super::sections::is_toc(&t[s..e])
        {
            continue;
        }
        let end = super::sections::floor_boundary(t, (e + 260).min(t.len()));
        // The window stops at the next list item: its words belong to another piece.
        let next_item = t[e..end]
            .match_indices('\n')
            .map(|(i, _)| e + i + 1)
            .find(|&i| super::sections::is_item(&t[i..]));
        let window = crate::text::fold(&t[s..next_item.unwrap_or(end)]);
        let Some(placed) = placement(doc, m, s) else {
            continue;
        };
        let score = CUES.find_iter(&window).count() as isize + placed;
        let score = if crate::text::fold(super::sections::before(t, m.start(), 800))
            .contains("pieces constitutives")
        {
            // The list of the contract's documents (« Les pièces constitutives du marché sont
            // les suivantes ») says what the contract is made of, not what the bid gives: at
            // most a doubt.
            score.min(0)
        } else {
            score
        };
        if best.as_ref().is_none_or(|b| score > b.2) {
            best = Some((m.start(), window, score));
        }
    }
    best
}

/// What where a mention stands adds to its score (`m` the mention, `s` its sentence's start),
/// or `None` for a line of a table of contents.
fn placement(doc: &Doc, m: regex::Match, s: usize) -> Option<isize> {
    let (t, at) = (doc.text, m.start());
    let mut score = 0;
    // « Le cas échéant, la liste … », « En cas de réponse positive, … »: a piece some bids
    // owe; the occurrence that asks it of all is preferred, and alone it is a doubt.
    if CONDITION.is_match(&crate::text::fold(&t[s..at])) {
        score -= 3;
    }
    // A heading in capitals (« TITRE III - ACTE D'ENGAGEMENT », « 6.1-ATTESTATIONS FISCALES
    // ET SOCIALES 8 ») announces a part of the document; it asks for nothing.
    let (line_start, line_end) = super::sections::line_bounds(t, at);
    let line = &t[line_start..line_end];
    let capitals = !line.chars().any(char::is_lowercase);
    if capitals && ends_with_page_number(line) {
        return None;
    }
    // A name of several words in capitals in a line that is not (« ACTE D'ENGAGEMENT ET CAHIER
    // DES CLAUSES PARTICULIÈRES » run into a cover page's text): the title of a document.
    let titled = m.as_str().contains(' ') && !m.as_str().chars().any(char::is_lowercase);
    if (capitals || titled) && !super::sections::is_item(line) {
        score -= 3;
    } else if at - s < 24 {
        // A sentence that starts with the piece is about the piece: a table cell, a list
        // item.
        score += 3;
    } else if doc.on_heading(at) {
        // A heading that ends on the piece (« … Limitation du nombre de pages du mémoire
        // technique ») announces the text; it asks for nothing.
        score -= 3;
    }
    // The list of the documents of the DCE names pieces the buyer provides.
    let before = crate::text::fold(super::sections::before(t, s, 400));
    if before.contains("dossier de consultation")
        || before.contains("dossier de la consultation")
        || before.contains("(dce)")
    {
        score -= 2;
    }
    Some(score)
}

/// A piece named as where something else is found (« la déclaration sur l'honneur conforme au
/// modèle joint en annexe à l'acte d'engagement », « figurant dans le mémoire technique »), or
/// as what the contract is priced on (« accord-cadre à bons de commande sur bordereau de prix
/// unitaires », « sur la base du BPU »), or as what a party refers to (« elle se borne à
/// renvoyer aux formulaires DC1, DC2 et DC4 »), itself or after the other items of the same
/// list: the sentence asks for the other thing.
fn referred_to(t: &str, at: usize) -> bool {
    static WHERE: LazyLock<Regex> = LazyLock::new(|| {
        // Proof: a constant pattern.
        Regex::new(r"(?:(?:annexee?s?|jointe?s?|conforme|prevue?s?|figurant|contenue?s?|indiquee?s?|inclu(?:s|se|ses)?|integree?s?)\s+(?:en\s+annexe\s+)?(?:a|au|dans)|\bannexes?\s+(?:n[°º]\s*)?\d{0,2}\s*(?:a|au|de|du)|commande\s+sur|sur\s+la\s+base\s+d[ue]s?|par\s+application\s+d[ue]s?|renvo(?:yer|ie|ient|yait|yant)\s+(?:aux?|à)(?:\s+(?:formulaires?|documents?|pi[eè]ces?))?|remplac[ée]e?s?\s+par|justifiant\s+d[eu]s?|a\s+l['’]appui\s+d[eu]s?)\s+(?:l['’]\s*|le\s+|la\s+|une?\s+)?(?:[\w.-]+\s*(?:,|\bet\b)\s*){0,3}$")
            .expect("valid regex")
    });
    WHERE.is_match(&crate::text::fold(super::sections::before(t, at, 60)))
}

/// Is the line at `at` an award criterion with its weight (« — SC3 moyens matériels dédiés à
/// l'exécution des prestations (20 %), », « Valeur technique : 60 % »)? It rates, it asks for
/// no piece.
fn weighted(t: &str, at: usize) -> bool {
    static WEIGHT: LazyLock<Regex> = LazyLock::new(|| {
        // Proof: a constant pattern.
        Regex::new(r"\(\s*\d{1,3}(?:[.,]\d+)?\s?%\s*\)|\d{1,3}(?:[.,]\d+)?\s?%\s*[,.;]?\s*$")
            .expect("valid regex")
    });
    let (start, end) = super::sections::line_bounds(t, at);
    WEIGHT.is_match(t[start..end].trim_end())
}

/// Does the sentence `(s, e)` defer the piece named at `at` to the winner? A deferral before
/// the piece bears on it; one after it too (« L'extrait Kbis sera demandé au seul
/// attributaire »), unless a new subject comes between: « … produit une attestation d'assurance
/// et un extrait Kbis, le candidat dont l'offre sera la mieux classée devant ensuite remettre … »
/// defers what follows, not the Kbis.
fn defers(t: &str, (s, e): (usize, usize), at: usize) -> bool {
    static NEW_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
        // Proof: a constant pattern.
        Regex::new(r"[,;]\s*(?:le|les|chaque|tout)\s+(?:candidats?|soumissionnaires?)\b")
            .expect("valid regex")
    });
    let (Some(before), Some(after)) = (t.get(s..at), t.get(at..e.max(at))) else {
        return false;
    };
    if DEFERRED.is_match(&crate::text::fold(before)) {
        return true;
    }
    let after = crate::text::fold(after);
    DEFERRED
        .find(&after)
        .is_some_and(|d| !NEW_SUBJECT.is_match(&after[..d.start()]))
}

/// Is the text at `at` just under a heading that weighs it (« 3.EFFECTIFS (critère pondéré à
/// 30% de la note totale) » on the line above it or above its list's lead-in)?
fn under_a_weight(t: &str, at: usize) -> bool {
    static WEIGHT: LazyLock<Regex> = LazyLock::new(|| {
        // Proof: a constant pattern.
        Regex::new(r"\bcriteres?\s+ponderes?\b|\bponderee?s?\s+a\s+\d{1,3}\s*%")
            .expect("valid regex")
    });
    let (start, _) = super::sections::line_bounds(t, at);
    // The item's heading, or its list's: « 3.EFFECTIFS (critère pondéré à 30% …) » then « le
    // candidat indiquera : » then « - l'effectif moyen annuel ».
    let headings = [Some(start), lead_in(t, start, 400).map(|(s, _)| s)];
    headings
        .into_iter()
        .flatten()
        .any(|s| WEIGHT.is_match(&crate::text::fold(super::sections::line_above(t, s))))
}

/// Is the text at `at` under a heading of the candidates' selection criteria (« Liste et brève
/// description des critères de sélection »), with no award criteria since? A weighted item there
/// rates what the candidature gives: the piece is asked, its absence costs marks.
fn selects_candidates(t: &str, at: usize) -> bool {
    let before = crate::text::fold(super::sections::before(t, at, 2500));
    // « Critères de sélection des offres » are award criteria.
    before.rfind("criteres de selection").is_some_and(|s| {
        !before[s..].starts_with("criteres de selection des offres")
            && before.rfind("attribution").is_none_or(|a| a < s)
    })
}

/// Does the sentence after the one ending at `e` defer what it names (« Le cas échéant, preuve
/// d'une assurance … » then « Cette attestation devra être communiquée … 15 jours après la
/// notification du marché »)?
fn deferred_next(doc: &Doc, e: usize) -> bool {
    static SAME: LazyLock<Regex> = LazyLock::new(|| {
        // Proof: a constant pattern.
        Regex::new(r"^\W*(?:cette|ce|ces|celle-ci|celui-ci)\s+(?:attestations?|documents?|pieces?|justificatifs?|certificats?|preuves?)\b")
            .expect("valid regex")
    });
    let t = doc.text;
    let next = t[e..].char_indices().find(|(_, c)| c.is_alphanumeric());
    let Some((i, _)) = next else {
        return false;
    };
    let (s2, e2) = doc.sentence(e + i);
    let following = crate::text::fold(&t[s2.max(e)..e2]);
    SAME.is_match(&following) && DEFERRED.is_match(&following)
}

/// Is the sentence at `s` an item of a list whose lead-in (the nearest line before it that
/// ends with a colon, within a few lines) introduces the documents of the DCE?
fn in_dce_list(t: &str, s: usize) -> bool {
    lead_in(t, s, 800).is_some_and(|(_, l)| DCE_LIST.is_match(&crate::text::fold(l)))
}

/// Is the sentence at `s` an item of a list of what the winner alone will produce: its lead-in
/// defers, or refers back (« il lui sera demandé de produire les documents énumérés ci-après : »)
/// to a line that does (« Le soumissionnaire auquel il sera envisagé d'attribuer le marché … »)?
fn in_winner_list(t: &str, s: usize) -> bool {
    static BACK: LazyLock<Regex> = LazyLock::new(|| {
        // Proof: a constant pattern.
        Regex::new(r"\b(?:lui|leur|celui-ci|ce\s+dernier|a\s+ce\s+titre)\b").expect("valid regex")
    });
    // Only a list's item has a lead-in: a sentence of prose is read on its own.
    let (line_start, _) = super::sections::line_bounds(t, s);
    if !super::sections::is_item(&t[line_start..]) {
        return false;
    }
    // A winner's list may hold long items (a Kbis and its foreign equivalents).
    let Some((at, l)) = lead_in(t, line_start, 3000) else {
        return false;
    };
    let lead = crate::text::fold(l);
    if DEFERRED.is_match(&lead) {
        return true;
    }
    let previous = t[..at]
        .trim_end()
        .rsplit('\n')
        .next()
        .map(crate::text::fold)
        .unwrap_or_default();
    BACK.is_match(&lead) && DEFERRED.is_match(&previous)
}

/// The nearest line before `s` (within `reach` bytes) that ends with a colon, and where it
/// starts.
fn lead_in(t: &str, s: usize, reach: usize) -> Option<(usize, &str)> {
    let from = super::sections::floor_boundary(t, s.saturating_sub(reach));
    let mut end = s;
    loop {
        let start = t[from..end].rfind('\n').map_or(from, |i| from + i + 1);
        let line = t[start..end].trim_end();
        if line.ends_with(':') {
            return Some((start, line));
        }
        // « Pièces du dossier de consultation : - Le présent avis … »: the first item on the
        // lead-in's own line.
        if let Some(colon) = INLINE_FIRST_ITEM.find(line).map(|m| m.start()) {
            return Some((start, &line[..=colon]));
        }
        if start == from {
            return None;
        }
        // Before this line's break.
        end = start - 1;
    }
}

/// The rule for a piece asked for in the sentence at `at` (per lot when the offer asks it
/// lot by lot), and the validity rule of an insurance certificate « en cours de validité ».
fn piece(doc: &Doc, found: &mut Found, kind: &PieceKind, at: usize, window: &str, score: isize) {
    let quote = doc.sentence_quote(at);
    let demand = Demand::read(doc, kind, at, window);
    let doubts = demand.doubts(score);
    let mut check = piece_check(doc, kind, window, &demand);
    if kind.topic == "CAND-DH"
        && let Some(dc1) = found.drafted("CAND-DC1")
    {
        check.extend(within_dc1(&dc1.id));
    }
    // A piece named without a requirement (score 0) is a doubt, never a rejection.
    let severity = if demand.alternative
        || demand.in_form
        || demand.any_proof
        || demand.fallback
        || demand.optional_visit
        || demand.signatory_power
        || demand.dqe_beside_bpu
        || demand.rated
        || score <= 0
    {
        "warning"
    } else {
        "error"
    };
    let lots = lots_of(doc, found, kind, at, window);
    if !lots.is_empty() {
        // Lot by lot, with the same severity and doubts: a piece that is a doubt for the bid
        // is a doubt for each lot.
        for n in lots {
            per_lot(
                doc,
                found,
                kind,
                (at, &quote),
                &check,
                &n,
                (severity, &doubts),
            );
        }
        return;
    }
    let label = named(kind, window);
    if let Some(l) = check.iter_mut().find(|l| l.starts_with("label: ")) {
        *l = format!("label: {}", super::render::double(&label));
    }
    let id = found.id(kind.topic);
    let who = if demand.per_member {
        ", par membre"
    } else {
        ""
    };
    let phase = if kind.offer { "offre" } else { "candidature" };
    found.push(Rule {
        when: None,
        id: id.clone(),
        family: if kind.offer { "pièces de l'offre" } else { "pièces de la candidature" },
        title: format!("{} : {}{who}", capitalise(phase), label),
        severity,
        phases: Some(if kind.offer { "[offre]" } else { "[candidature]" }),
        section: doc.section(at),
        quote: quote.clone(),
        help: format!(
            "Joindre la pièce « {} »{}. Si le fichier porte un autre nom, le déclarer dans `pieces:` du bid.yaml.",
            label,
            if demand.per_member { " pour chaque membre du groupement" } else { "" }
        ),
        check,
        doubts,
    });
    if kind.topic == "CAND-ASSURANCE" && window.contains("en cours de validite") {
        push_insurance_validity(doc, found, at, quote, &id);
    }
}

/// Does the text make a visit compulsory (« La visite du site est obligatoire », « visite
/// obligatoire », « la visite … constituait une obligation », « imposait une visite »), not
/// merely possible (« n'est pas obligatoire », « facultative »)?
fn visit_compulsory(t: &str) -> bool {
    compulsory_visit_at(t).is_some()
}

/// Where the text first makes a visit compulsory.
fn compulsory_visit_at(t: &str) -> Option<usize> {
    static FIELD_NO: LazyLock<Regex> = LazyLock::new(|| {
        // Proof: a constant pattern.
        Regex::new(r"^(?:\(s\))?\s*:\s*non\b").expect("valid regex")
    });
    static COMPULSORY: LazyLock<Regex> = LazyLock::new(|| {
        // Proof: a constant pattern.
        Regex::new(r"(?i)visite[^.;]{0,80}\bobligat(?:oire|ion)|\bobligatoire[^.;]{0,30}\bvisite|\bimpos\w*\s+(?:une\s+|la\s+)?visite")
            .expect("valid regex")
    });
    COMPULSORY
        .find_iter(t)
        .find(|m| {
            let said = crate::text::fold(m.as_str());
            // A notice's field « Visite(s) obligatoire(s) : NON ».
            let rest = &t[m.end()..];
            let answer = crate::text::fold(
                &rest[..super::sections::floor_boundary(rest, rest.len().min(16))],
            );
            !(said.contains("pas obligatoire")
                || FIELD_NO.is_match(&answer)
                || said.contains("non obligatoire")
                || said.contains("pas une obligation")
                || said.contains("facultati"))
        })
        .map(|m| m.start())
}

/// A compulsory visit whose certificate the text does not name: the buyer's certificate is
/// the usual proof a bid carries, a warning to confirm (some buyers keep a register instead).
fn certificate_of_a_compulsory_visit(doc: &Doc, found: &mut Found) {
    if found.drafted("OFFRE-VISITE").is_some() {
        return;
    }
    let (Some(at), Some(kind)) = (
        compulsory_visit_at(doc.text),
        KINDS.iter().find(|k| k.topic == "OFFRE-VISITE"),
    ) else {
        return;
    };
    let window = crate::text::fold(&doc.sentence_quote(at));
    let before = found.rules.len();
    piece(doc, found, kind, at, &window, 0);
    // Every rule it drafted (one a lot when the offer is asked lot by lot) says why.
    for rule in &mut found.rules[before..] {
        rule.doubts = vec![
            "visite obligatoire : l'attestation de visite remise par l'acheteur est d'ordinaire à joindre à l'offre ; vérifier ce que le RC demande (avertissement seulement)"
                .to_string(),
        ];
    }
}

/// The piece's name for the bid manager: a price schedule says which form the RC asks (« cadre
/// de prix (DPGF) », « cadre de prix (BPU) »), any other piece its kind's label.
fn named(kind: &PieceKind, window: &str) -> String {
    const FORMS: [(&str, &[&str]); 2] = [
        ("DPGF", &["dpgf", "decomposition du prix global"]),
        ("BPU", &["bpu", "bordereau des prix", "bordereau de prix"]),
    ];
    if kind.topic == "CAND-REFERENCES" {
        return references_named(window).unwrap_or_else(|| kind.label.to_string());
    }
    if kind.topic != "OFFRE-PRIX" {
        return kind.label.to_string();
    }
    let forms: Vec<&str> = FORMS
        .iter()
        .filter(|(_, words)| words.iter().any(|w| window.contains(w)))
        .map(|(form, _)| *form)
        .collect();
    if forms.is_empty() {
        kind.label.to_string()
    } else {
        format!("cadre de prix ({})", forms.join(", "))
    }
}

/// What the sentence that asks for a piece says of it beyond its name.
struct Demand {
    /// Asked of every member of a group (candidature pieces only).
    per_member: bool,
    /// One piece may serve the whole group (« une seule », « signée par tous »).
    joint: bool,
    /// The DUME may replace it (the DC2 only).
    alternative: bool,
    /// Given inside a form annexed to the RC: a separate file may not be expected.
    in_form: bool,
    /// A qualification certificate, which an equivalent proof may replace.
    any_proof: bool,
    /// An item of a list given « à défaut » of another proof.
    fallback: bool,
    /// The certificate of a visit the text does not make compulsory.
    optional_visit: bool,
    /// A signatory's power, owed only when the signatory is not the candidate's legal
    /// representative.
    signatory_power: bool,
    /// A DQE named with the BPU: maybe a sheet of the same workbook.
    dqe_beside_bpu: bool,
    /// A weighted criterion of the candidates' selection: its absence lowers a candidature's
    /// mark, it does not by itself set the candidature aside.
    rated: bool,
}

impl Demand {
    fn read(doc: &Doc, kind: &PieceKind, at: usize, window: &str) -> Demand {
        let per_member = !kind.offer && PER_MEMBER.is_match(window);
        // « À défaut d'avoir les qualifications ci-dessous : » then a list: another route to
        // the same proof, not a piece every bid gives.
        let (line_start, _) = super::sections::line_bounds(doc.text, at);
        let fallback = super::sections::is_item(&doc.text[line_start..])
            && lead_in(doc.text, line_start, 1500)
                .is_some_and(|(_, l)| crate::text::fold(l).contains("a defaut"));
        Demand {
            fallback,
            optional_visit: kind.topic == "OFFRE-VISITE" && !visit_compulsory(doc.text),
            signatory_power: kind.topic == "CAND-POUVOIR",
            dqe_beside_bpu: kind.topic == "OFFRE-DQE"
                && (window.contains("bpu") || window.contains("bordereau")),
            per_member,
            joint: per_member && JOINT.is_match(window),
            // « DUME, ou DC1 et DC2 » offers a choice: a missing DC2 is then not a rejection.
            alternative: kind.topic == "CAND-DC2"
                && (window.contains("dume")
                    || DUME_ALTERNATIVE.is_match(&crate::text::fold(doc.text))),
            in_form: kind.topic != "CAND-TRAME" && IN_FORM.is_match(window),
            // A qualification certificate is the usual proof of a capacity, rarely the only
            // one the buyer may accept (« ou tout moyen de preuve équivalent », often in a
            // sentence the excerpt cuts): a file-name check cannot judge an equivalent proof.
            any_proof: kind.topic == "CAND-QUALIFICATIONS",
            rated: !kind.offer
                && selects_candidates(doc.text, at)
                && (weighted(doc.text, at) || under_a_weight(doc.text, at)),
        }
    }

    /// What the reviewer should verify, given how strongly the sentence asks for the piece.
    fn doubts(&self, score: isize) -> Vec<String> {
        let mut doubts = Vec::new();
        if score <= 0 {
            doubts.push(
                "pièce citée sans exigence explicite : vérifier qu'elle est demandée".to_string(),
            );
        }
        if self.alternative {
            doubts.push(
                "DC2 ou DUME au choix : un DUME peut remplacer cette pièce (avertissement seulement)"
                    .to_string(),
            );
        }
        if self.dqe_beside_bpu {
            doubts.push(
                "DQE nommé avec le BPU : il peut en être une feuille du même classeur (avertissement seulement)"
                    .to_string(),
            );
        }
        if self.signatory_power {
            doubts.push(
                "pouvoir dû seulement si le signataire n'est pas le représentant légal du candidat (avertissement seulement)"
                    .to_string(),
            );
        }
        if self.optional_visit {
            doubts.push(
                "visite que le texte ne dit pas obligatoire : l'attestation n'est due que si elle l'est (avertissement seulement)"
                    .to_string(),
            );
        }
        if self.fallback {
            doubts.push(
                "pièce demandée « à défaut » d'une autre preuve : avertissement seulement"
                    .to_string(),
            );
        }
        if self.any_proof {
            doubts.push(
                "certificat de qualification : une preuve équivalente peut le remplacer ; vérifier si le RC l'exige sans équivalent (avertissement seulement)"
                    .to_string(),
            );
        }
        if self.in_form {
            doubts.push(
                "pièce renseignée dans une trame ou une annexe du RC : vérifier qu'un fichier séparé est attendu (avertissement seulement)"
                    .to_string(),
            );
        }
        if self.per_member {
            doubts.push("pièce demandée à chaque membre du groupement : vérifier".to_string());
        }
        if self.rated {
            doubts.push(
                "critère de sélection pondéré : son absence baisse la note de la candidature ; vérifier si le RC l'écarte (avertissement seulement)"
                    .to_string(),
            );
        }
        doubts
    }
}

/// The YAML lines of a piece check: label, per member, names, formats (a spreadsheet when
/// the RC says Excel), content, and the sheets of an Excel candidature form.
fn piece_check(doc: &Doc, kind: &PieceKind, window: &str, demand: &Demand) -> Vec<String> {
    let mut check = vec![
        "kind: piece".to_string(),
        format!("label: {}", super::render::double(kind.label)),
    ];
    if demand.per_member {
        check.push("per: member".into());
        if demand.joint {
            check.push("joint: true".into());
        }
    }
    if kind.topic == "CAND-JUGEMENT" {
        if !demand.per_member {
            check.push("per: member".into());
        }
        check.push("members: { redressement_judiciaire: true }".into());
    }
    check.push("names:".into());
    check.extend(kind.names.iter().map(|n| format!("  - {}", single(n))));
    let excel =
        window.contains("excel") || (kind.topic == "CAND-TRAME" && TRAME_EXCEL.is_match(doc.text));
    let formats = if !kind.formats.is_empty() {
        kind.formats
    } else if excel {
        "[xlsx, xls, ods]"
    } else {
        ""
    };
    if !formats.is_empty() {
        check.push(format!("formats: {formats}"));
    }
    check.push("content:".into());
    check.push(format!("  - {}", single(kind.content)));
    if kind.topic == "CAND-TRAME" && excel {
        check.push("sheets:".into());
        check.push(r"  - 'chiffre|^ca\b'".into());
        check.push("  - 'effectif'".into());
    }
    check
}

/// « Attestation d'assurance en cours de validité »: the certificate of the piece rule `piece`
/// must cover the deadline.
fn push_insurance_validity(doc: &Doc, found: &mut Found, at: usize, quote: String, piece: &str) {
    let id = found.id("CAND-ASSURANCE-VALIDE");
    found.push(Rule {
        when: None,
        id,
        family: "pièces de la candidature",
        title: "Attestation d'assurance valable à la date limite".to_string(),
        severity: "error",
        phases: Some("[candidature]"),
        section: doc.section(at),
        quote,
        help:
            "Joindre une attestation d'assurance dont la période de validité couvre la date limite."
                .to_string(),
        check: vec![
            "kind: validity".into(),
            format!("select: {{ pieces: [{piece}] }}"),
        ],
        doubts: Vec::new(),
    });
}

/// A « L3 – MEMOIRE TECHNIQUE GENERAL » line.
struct Livrable {
    at: usize,
    number: u32,
    title: String,
    quote: String,
}

/// « L3 – MEMOIRE TECHNIQUE GENERAL » lines: one offer piece each. True when one of them is
/// the mémoire technique.
fn livrables(doc: &Doc, found: &mut Found) -> bool {
    let items = livrable_lines(doc);
    if items.len() < 2 {
        return false;
    }
    let all_words: Vec<Vec<String>> = items.iter().map(|i| livrable_words(&i.title)).collect();
    let mut memoire = false;
    for (k, item) in items.into_iter().enumerate() {
        let words = &all_words[k];
        memoire |= words.iter().any(|w| w == "memoire");
        let distinctive = distinctive_words(&all_words, k);
        push_livrable(doc, found, item, words, &distinctive);
    }
    memoire
}

/// The numbered deliverables of the text, the first line of each number only.
fn livrable_lines(doc: &Doc) -> Vec<Livrable> {
    let mut items: Vec<Livrable> = Vec::new();
    for (at, line) in doc.lines() {
        let l = clean_line(line);
        if let Some(c) = LIVRABLE.captures(&l) {
            let Ok(number) = c[1].parse::<u32>() else {
                continue;
            };
            if items.iter().any(|i| i.number == number) {
                continue;
            }
            let raw = line.trim().trim_start_matches(['•', '-', '*', ' ']);
            items.push(Livrable {
                at,
                number,
                title: c[2].trim().to_string(),
                quote: super::sections::quote(raw),
            });
        }
    }
    items
}

/// The key words of a deliverable's title, without those too general to recognise it by.
fn livrable_words(title: &str) -> Vec<String> {
    key_words(title)
        .into_iter()
        .filter(|w| !GENERIC.contains(&w.as_str()))
        .collect()
}

/// The words of deliverable `k` that no other deliverable's title shares, longest first: a
/// word alone names a file only then (« technique » would take « L15_References_techniques »
/// for the mémoire).
pub(super) fn distinctive_words(all_words: &[Vec<String>], k: usize) -> Vec<String> {
    let distinctive = |w: &String| {
        all_words
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != k)
            .all(|(_, other)| {
                other
                    .iter()
                    .all(|o| !o.contains(w.as_str()) && !w.contains(o.as_str()))
            })
    };
    let mut sorted: Vec<String> = all_words[k]
        .iter()
        .filter(|w| distinctive(w))
        .cloned()
        .collect();
    sorted.sort_by_key(|w| std::cmp::Reverse(w.len()));
    sorted
}

/// The file-name patterns of deliverable `n`: its number (« L03 »), its first two key words,
/// and its two longest distinctive words (a short one as a whole word).
fn livrable_names(n: u32, words: &[String], distinctive: &[String]) -> Vec<String> {
    let mut names = vec![if n < 10 {
        format!(r"(^|[_ .-])l0?{n}([_ .-]|$)")
    } else {
        format!(r"(^|[_ .-])l{n}([_ .-]|$)")
    }];
    if words.len() >= 2 {
        names.push(super::name_regex(&words[..2]));
    }
    for w in distinctive.iter().take(2) {
        names.push(if w.len() <= 4 {
            format!(r"(^|[_ .-]){w}([_ .-]|$)")
        } else {
            w.clone()
        });
    }
    names
}

/// The offer piece rule of one deliverable.
fn push_livrable(
    doc: &Doc,
    found: &mut Found,
    item: Livrable,
    words: &[String],
    distinctive: &[String],
) {
    let n = item.number;
    let label = format!("L{n} — {}", sentence_case(&item.title));
    let mut check = vec![
        "kind: piece".to_string(),
        format!("label: {}", super::render::double(&label)),
        "names:".into(),
    ];
    check.extend(
        livrable_names(n, words, distinctive)
            .iter()
            .map(|n| format!("  - {}", single(n))),
    );
    check.push("content:".into());
    check.push(format!("  - {}", single(&content_regex(&item.title))));
    let id = found.id(&format!("OFFRE-L{n:02}"));
    found.push(Rule {
        when: None,
        id,
        family: "livrables de l'offre",
        title: format!("Offre : {label}"),
        severity: "error",
        phases: Some("[offre]"),
        section: doc.section(item.at),
        quote: item.quote,
        help: format!(
            "Joindre le livrable L{n}, nommé avec son numéro et un mot-clé (par exemple « L{n:02}_{}_<candidat>.pdf »).",
            distinctive.first().map_or("Livrable".to_string(), |w| capitalise(w))
        ),
        check,
        doubts: Vec::new(),
    });
}

/// The lots an offer piece is asked for one by one (« Pour chaque lot auquel il répond, le
/// candidat produit : … l'acte d'engagement du lot »): every lot of the RC; none when the piece
/// is asked once for the bid or the RC has a single lot.
fn lots_of(doc: &Doc, found: &Found, kind: &PieceKind, at: usize, window: &str) -> Vec<String> {
    let Some(lots) = found.lots.as_ref().filter(|l| l.len() >= 2) else {
        return Vec::new();
    };
    if !kind.offer {
        return Vec::new();
    }
    let t = doc.text;
    let before = crate::text::fold(super::sections::before(t, at, 600));
    let each = window.contains("du lot")
        || window.contains("chaque lot")
        || before.contains("pour chaque lot")
        || before.contains("par lot");
    if each {
        lots.iter().map(|(n, _)| n.clone()).collect()
    } else {
        Vec::new()
    }
}

/// One offer piece for one lot: applies to the bids for that lot (`when: { lots_any: [N] }`),
/// and a file counts only when its name carries the lot (`_L1_`, `Lot 1`) and the piece.
fn per_lot(
    doc: &Doc,
    found: &mut Found,
    kind: &PieceKind,
    (at, quote): (usize, &str),
    check: &[String],
    lot: &str,
    (severity, doubts): (&'static str, &[String]),
) {
    let n = lot.trim_start_matches('0');
    // The lot token (« L1 », « Lot_1 », never « L12 ») before or after the piece's own pattern.
    // The regex crate has no look-around, and the piece's patterns take their separators:
    // each order is written so that one separator serves both sides.
    let lot = format!(r"(l|lot)[_ .-]?0?{n}");
    let mut in_names = false;
    let mut lines = Vec::new();
    for line in check {
        if line == "names:" {
            in_names = true;
            lines.push(line.clone());
            continue;
        }
        match line.strip_prefix("  - ") {
            Some(quoted) if in_names => {
                let p = unquote(quoted);
                let before = format!(r"(^|[^a-z0-9]){lot}(?:[^0-9].*)?(?:{p})");
                let after = format!(r"(?:{p})(?:.*[^0-9a-z])?{lot}([^0-9]|$)");
                lines.push(format!("  - {}", single(&before)));
                lines.push(format!("  - {}", single(&after)));
            }
            _ => {
                in_names = false;
                lines.push(line.clone());
            }
        }
    }
    if let Some(l) = lines.iter_mut().find(|l| l.starts_with("label: ")) {
        *l = format!(
            "label: {}",
            super::render::double(&format!("{} du lot {n}", kind.label))
        );
    }
    let id = found.id(&format!("{}-L{n}", kind.topic));
    found.push(Rule {
        when: Some(format!("{{ lots_any: [{n}] }}")),
        id,
        family: "pièces de l'offre",
        title: format!("Lot {n} : {}", kind.label),
        severity,
        phases: Some("[offre]"),
        section: doc.section(at),
        quote: quote.to_string(),
        help: format!(
            "Joindre la pièce « {} » du lot {n}, le lot dans le nom du fichier (« _L{n}_ »). Si le fichier porte un autre nom, le déclarer dans `pieces:` du bid.yaml.",
            kind.label
        ),
        check: lines,
        doubts: doubts.to_vec(),
    });
}

/// The pattern inside a single-quoted YAML scalar written by [`single`].
fn unquote(quoted: &str) -> String {
    quoted
        .strip_prefix('\'')
        .and_then(|q| q.strip_suffix('\''))
        .map_or_else(|| quoted.to_string(), |q| q.replace("''", "'"))
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// « MEMOIRE TECHNIQUE GENERAL » → « Memoire technique general ».
fn sentence_case(s: &str) -> String {
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().filter(|c| c.is_lowercase()).count() > 0 {
        return flat;
    }
    capitalise(&flat.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<(String, &'static str)> {
        let found = crate::draft::detected(detect, text);
        found
            .rules
            .into_iter()
            .map(|r| (r.id, r.severity))
            .collect()
    }

    #[test]
    fn weighted_criteria_of_the_candidates_selection_ask_for_pieces_that_rate() {
        // Under the selection criteria, a weighted item names what the candidature gives: a
        // piece whose absence costs marks, a warning.
        let selection = pieces(
            "Liste et brève description des critères de sélection\n1) déclaration indiquant les effectifs moyens annuels du candidat (40 %) sur les trois dernières années ;\n2) la liste des principaux services fournis au cours des trois dernières années (40 %).\n",
        );
        assert_eq!(
            selection,
            vec![
                ("T-CAND-EFFECTIFS".to_string(), "warning"),
                ("T-CAND-REFERENCES".to_string(), "warning"),
            ]
        );
        // Under a weighted heading, in the candidate's own words.
        let headed = pieces(
            "Liste et brève description des critères de sélection\n5.REFERENCES CLIENTS (critère pondéré à 40% de la note totale)\nLe candidat présentera trois (3) références clients de moins de trois (3) ans.\n",
        );
        assert_eq!(headed, vec![("T-CAND-REFERENCES".to_string(), "warning")]);
        // Award weights above the candidature's article do not soften its pieces.
        let award_above = pieces(
            "Critères de jugement des offres : prix pondéré à 60 %, valeur technique pondérée à 40 %.\nARTICLE 5 - CANDIDATURE\nLe candidat doit fournir un extrait Kbis.\n",
        );
        assert_eq!(award_above, vec![("T-CAND-KBIS".to_string(), "error")]);
        // Award criteria still ask for nothing.
        assert!(
            pieces(
                "Critères d'attribution :\n— la liste des principaux services fournis (40 %),\n"
            )
            .is_empty()
        );
    }

    #[test]
    fn capacity_and_regularity_pieces_of_the_usual_lists() {
        let text = "Les candidats devront fournir :\n— une attestation fiscale, qui permet de justifier de la régularité de sa situation fiscale ;\n— l'attestation de vigilance, datant de moins de six mois ;\n— un extrait au registre du commerce datant de moins de trois mois ;\n— le certificat attestant le respect des obligations relatives aux congés payés et au chômage-intempéries ;\n— l'attestation d'assurance décennale en cours de validité ;\n— l'indication des titres d'études et professionnels des cadres de l'entreprise ;\n— l'indication des techniciens ou des organismes techniques ;\n— une description des mesures employées par le candidat pour s'assurer de la qualité ;\n— une description détaillée de l'outillage et des moyens matériels ;\n— une liste des travaux, en lien avec l'objet du marché, exécutés au cours des 5 dernières années ;\n— présentation d'une liste des prestations fournies au cours des 3 dernières années ;\n— certificats de qualifications professionnelles.\n";
        let ids: Vec<String> = pieces(text).into_iter().map(|(id, _)| id).collect();
        for want in [
            "T-CAND-FISCAL",
            "T-CAND-VIGILANCE",
            "T-CAND-KBIS",
            "T-CAND-CONGES",
            "T-CAND-DECENNALE",
            "T-CAND-TITRES",
            "T-CAND-TECHNICIENS",
            "T-CAND-QUALITE",
            "T-CAND-MOYENS",
            "T-CAND-REFERENCES",
            "T-CAND-TRAVAUX",
            "T-CAND-QUALIFICATIONS",
        ] {
            assert!(ids.iter().any(|i| i == want), "{want}: {ids:?}");
        }
        // Qualifications that may be proved « par tout moyen »: a warning.
        let any = pieces(
            "Les candidats fournissent :\n— certificats de qualifications professionnelles. La preuve de la capacité peut être apportée par tout moyen.\n",
        );
        assert_eq!(any, vec![("T-CAND-QUALIFICATIONS".to_string(), "warning")]);
    }

    #[test]
    fn a_document_of_the_consultation_to_return_signed_is_an_offer_piece() {
        for text in [
            "Le présent D.C.E. est à retourner, après avoir complété la mention ci-dessous.\n",
            "Le présent règlement de consultation doit être daté et signé par le candidat.\n",
            "Le présent document comprend 19 pages. Chaque page sera paraphée et la dernière portera la mention « Lu et approuvé », avec la signature du candidat.\n",
        ] {
            assert_eq!(
                pieces(text),
                vec![("T-OFFRE-DCE-SIGNE".to_string(), "error")],
                "{text}"
            );
        }
        // The DCE named as what the buyer provides is no piece.
        assert!(
            pieces("Le présent dossier de consultation est remis gratuitement aux candidats.\n")
                .is_empty()
        );
    }

    #[test]
    fn notices_standard_phrases_and_what_only_some_bids_owe() {
        let ids = |text: &str| -> Vec<(String, &'static str)> { pieces(text) };
        let text = "Les candidats fournissent :\n— les certificats délivrés par les administrations et organismes compétents prouvant qu'il a satisfait à ses obligations fiscales et sociales ;\n— une attestation de fourniture des déclarations sociales et de paiement des cotisations ;\n— la liste nominative des salariés étrangers soumis à autorisation de travail ;\n— pour l'architecte, copie de l'inscription à l'ordre des architectes ;\n— ses références exécutées au cours des cinq dernières années.\n";
        let got = ids(text);
        for want in [
            "T-CAND-FISCAL",
            "T-CAND-VIGILANCE",
            "T-CAND-ETRANGERS",
            "T-CAND-ORDRE",
            "T-CAND-REFERENCES",
        ] {
            assert!(got.iter().any(|(id, _)| id == want), "{want}: {got:?}");
        }
        // Owed only in a case: a doubt, not a rejection.
        assert_eq!(
            ids(
                "Le cas échéant, la liste nominative des salariés étrangers employés par l'entreprise.\n"
            ),
            vec![("T-CAND-ETRANGERS".to_string(), "warning")]
        );
        // Given « à défaut » of qualifications: another route to the same proof.
        assert_eq!(
            ids(
                "Les candidats justifient des qualifications Qualibat demandées.\nÀ défaut d'avoir les qualifications ci-dessous:\n— une description de l'outillage, du matériel et de l'équipement technique du candidat ;\n"
            ),
            vec![("T-CAND-MOYENS".to_string(), "warning")]
        );
        // A heading in capitals, a line of a table of contents, the contract's documents.
        assert_eq!(
            ids("TITRE III - ACTE D'ENGAGEMENT\nLe titre précise les engagements.\n"),
            vec![("T-OFFRE-AE".to_string(), "warning")]
        );
        assert!(ids("6.1-ATTESTATIONS FISCALES ET SOCIALES 8\n").is_empty());
        // The annexes of the acte d'engagement, the DCE's documents listed from its lead-in's line.
        assert!(ids("La durée correspond aux délais indiqués dans l'annexe 1 à l'ATTRI1 pour l'offre de base.\n").is_empty());
        assert!(ids("Pièces du dossier de consultation : - Le présent avis\n- l'annexe relative aux mobiliers\n- l'Acte d'engagement (un acte d'engagement par lot)\n").is_empty());
        assert_eq!(
            ids(
                "Les pièces constitutives du marché sont les suivantes : l'acte d'engagement, le cahier des charges. Le bordereau des prix unitaires à fournir.\n"
            ),
            vec![
                ("T-OFFRE-AE".to_string(), "warning"),
                ("T-OFFRE-PRIX".to_string(), "warning")
            ]
        );
    }

    #[test]
    fn the_sworn_statement_may_be_read_in_the_dc1_the_draft_asks_for() {
        let found = crate::draft::detected(
            detect,
            "Les candidats fournissent :\n— la lettre de candidature (DC1) ;\n— une déclaration sur l'honneur attestant qu'il n'entre dans aucun cas d'exclusion.\n",
        );
        let dh = found
            .rules
            .iter()
            .find(|r| r.id == "T-CAND-DH")
            .expect("DH drafted");
        assert!(
            dh.check.iter().any(|l| l == "  - piece: T-CAND-DC1"),
            "{:?}",
            dh.check
        );
    }

    #[test]
    fn pieces_named_as_a_place_for_the_winner_or_inside_the_dc2_are_no_pieces() {
        // The acte d'engagement named as where the model is.
        assert!(
            !pieces("La déclaration sur l'honneur conforme au modèle joint en annexe à l'acte d'engagement.\n")
                .iter()
                .any(|(id, _)| id == "T-OFFRE-AE")
        );
        // A list asked of the winner, announced by the line before its lead-in.
        assert!(pieces("Le soumissionnaire auquel il sera envisagé d'attribuer le marché devra justifier ne pas être exclu.\nÀ ce titre, il lui sera demandé de produire les documents énumérés ci-après:\n— un extrait Kbis datant de moins de trois mois;\n").is_empty());
        // The next sentence defers the piece.
        assert!(pieces("Le cas échéant, preuve d'une assurance des risques professionnels pertinents à jour. Cette attestation devra être communiquée au plus tard 15 jours après la notification du marché.\n").is_empty());
        // The turnover offered through the DC2, which the draft asks for: no file of its own.
        let ids: Vec<String> = pieces("Les candidats fournissent :\n1. La déclaration du candidat (DC2).\n2. Le chiffre d'affaires global du candidat sur les trois dernières années (ou DC2).\n")
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        assert_eq!(ids, vec!["T-CAND-DC2".to_string()]);
    }

    #[test]
    fn a_heading_that_names_the_piece_is_not_the_clause_quoted() {
        let found = crate::draft::detected(
            detect,
            "TA Orléans, 9 juillet 2025 - Limitation du nombre de pages du mémoire technique\nLa société avait présenté un mémoire technique de 74 pages alors que le règlement limitait ce document à 12 pages maximum.\n",
        );
        let memoire = found.rules.iter().find(|r| r.id == "T-OFFRE-MEMOIRE");
        assert!(
            memoire.is_some_and(|r| r.quote.starts_with("La société avait présenté")),
            "{memoire:?}"
        );
    }

    #[test]
    fn deferred_winner_only_and_dce_documents_are_no_pieces() {
        assert!(
            pieces(
                "Seul l'acte d'engagement, uniquement transmis à l'attributaire, sera à signer.\n"
            )
            .is_empty()
        );
        assert!(
            pieces(
                "L'extrait Kbis sera demandé au seul attributaire avant notification du marché.\n"
            )
            .is_empty()
        );
        // The winner is « le candidat le mieux classé » too.
        assert!(
            pieces(
                "Les pièces suivantes seront demandées au candidat le mieux classé :\n- une attestation d'assurance responsabilité civile professionnelle ;\n- un extrait Kbis.\n"
            )
            .is_empty()
        );
        // A deferral after a new subject bears on what follows it, not on the Kbis before.
        let before_winner = pieces(
            "À l'appui de sa candidature, le candidat produit un extrait Kbis, le candidat dont l'offre sera la mieux classée devant ensuite remettre les attestations fiscales et sociales.\n",
        );
        assert!(
            before_winner.contains(&("T-CAND-KBIS".to_string(), "error")),
            "{before_winner:?}"
        );
        // Said not required: « n'est pas exigé », « ne seront pas demandés ».
        assert!(pieces("L'extrait Kbis n'est pas exigé au stade de la candidature.\n").is_empty());
        assert!(pieces("Les références ne seront pas demandées aux candidats.\n").is_empty());
        assert!(pieces("Le dossier de consultation des entreprises (DCE) comprend :\n- l'acte d'engagement ;\n- le bordereau des prix unitaires (BPU).\n").is_empty());
        // The same pieces asked of every candidate are drafted.
        let asked = pieces(
            "Chaque candidat doit fournir les pièces suivantes :\n- l'acte d'engagement complété ;\n- un extrait Kbis.\n",
        );
        assert!(
            asked.contains(&("T-OFFRE-AE".to_string(), "error")),
            "{asked:?}"
        );
        assert!(
            asked.contains(&("T-CAND-KBIS".to_string(), "error")),
            "{asked:?}"
        );
    }

    #[test]
    fn the_dume_offered_anywhere_makes_the_dc2_a_warning() {
        let text = "Les candidats fournissent la déclaration du candidat (DC2) renseignée.\nConformément à l'article R. 2143-4, le candidat peut alternativement compléter le document unique de marché européen.\n";
        assert!(pieces(text).contains(&("T-CAND-DC2".to_string(), "warning")));
    }

    #[test]
    fn offer_pieces_of_works_and_supplies() {
        let got = pieces(
            "La visite du site est obligatoire.\nLe dossier de l'offre comprendra :\n- l'acte d'engagement ;\n- le détail quantitatif estimatif (DQE) complété ;\n- une note méthodologique ;\n- l'attestation de visite signée par le représentant du maître d'ouvrage.\n",
        );
        assert_eq!(
            got,
            vec![
                ("T-OFFRE-AE".to_string(), "error"),
                ("T-OFFRE-DQE".to_string(), "error"),
                ("T-OFFRE-NOTE".to_string(), "error"),
                ("T-OFFRE-VISITE".to_string(), "error"),
            ]
        );
        // The BPU and the DQE: two pieces, the DQE a warning (maybe a sheet of the same
        // workbook).
        assert_eq!(
            pieces(
                "L'offre comprend le bordereau des prix unitaires (BPU) et le détail quantitatif estimatif (DQE) complétés.\n"
            ),
            vec![
                ("T-OFFRE-PRIX".to_string(), "error"),
                ("T-OFFRE-DQE".to_string(), "warning"),
            ]
        );
        // The certificate of a visit the text does not make compulsory is a doubt.
        assert_eq!(
            pieces(
                "La visite du site est facultative. Une attestation de visite sera remise aux candidats qui l'effectuent.\n"
            ),
            vec![("T-OFFRE-VISITE".to_string(), "warning")]
        );
        assert_eq!(
            pieces("La visite n'est pas obligatoire. L'offre comprend l'attestation de visite.\n"),
            vec![("T-OFFRE-VISITE".to_string(), "warning")]
        );
    }

    #[test]
    fn the_price_schedule_a_contract_is_priced_on_is_no_piece_named() {
        for text in [
            "Le présent marché est un accord-cadre à bons de commande sur bordereau de prix unitaires, sans minimum ni maximum.\n",
            "Il donnera lieu à la conclusion d'un marché à prix unitaires sur la base du bordereau des prix unitaires (BPU).\n",
        ] {
            assert!(pieces(text).is_empty(), "{text}");
        }
        assert_eq!(
            pieces("Le candidat remet le bordereau des prix unitaires (BPU) complété.\n"),
            vec![("T-OFFRE-PRIX".to_string(), "error")]
        );
    }

    #[test]
    fn the_price_form_named_and_pieces_owed_only_in_some_cases() {
        let found = crate::draft::detected(
            detect,
            "L'offre comprend la décomposition du prix global et forfaitaire (DPGF) complétée.\n",
        );
        let titles: Vec<&str> = found.rules.iter().map(|r| r.title.as_str()).collect();
        assert_eq!(titles, ["Offre : cadre de prix (DPGF)"]);
        // A power of the signatory, a qualification certificate: warnings.
        let got = pieces(
            "Les candidats fournissent :\n— le pouvoir de la personne habilitée à engager le candidat ;\n— des certificats de qualification ;\n— moyens en personnel ;\n— moyens en matériel.\n",
        );
        assert_eq!(
            got,
            vec![
                ("T-CAND-EFFECTIFS".to_string(), "error"),
                ("T-CAND-MOYENS".to_string(), "error"),
                ("T-CAND-QUALIFICATIONS".to_string(), "warning"),
                ("T-CAND-POUVOIR".to_string(), "warning"),
            ]
        );
        // A compulsory visit whose certificate is not named: the certificate, to confirm.
        assert_eq!(
            pieces("La visite du site est obligatoire pour tous les candidats.\n"),
            vec![("T-OFFRE-VISITE".to_string(), "warning")]
        );
        assert!(pieces("La visite du site n'est pas obligatoire.\n").is_empty());
        for text in [
            "La visite du site d'implantation constituait, pour les candidats, une obligation.\n",
            "Le délai était trop court pour une consultation qui imposait une visite du site.\n",
        ] {
            assert_eq!(
                pieces(text),
                vec![("T-OFFRE-VISITE".to_string(), "warning")],
                "{text}"
            );
        }
        // The récépissé of a compulsory visit.
        assert_eq!(
            pieces(
                "Le règlement fixe une visite obligatoire sur les lieux. Le candidat joint le récépissé de visite.\n"
            ),
            vec![("T-OFFRE-VISITE".to_string(), "error")]
        );
    }

    #[test]
    fn pieces_referred_to_replaced_by_or_proved_by_another_are_not_asked() {
        for text in [
            "Elle se borne à renvoyer aux formulaires DC1, DC2 et DC4 qu'elle a produits.\n",
            "Les attestations de bonne exécution pourront être remplacées par une attestation sur l'honneur du candidat.\n",
        ] {
            let ids: Vec<String> = pieces(text).into_iter().map(|(id, _)| id).collect();
            assert!(
                !ids.iter()
                    .any(|id| id.contains("DC1") || id.contains("DC2") || id.contains("-DH")),
                "{text}: {ids:?}"
            );
        }
        // The letter « justifiant des pouvoirs »: the letter is the piece, not a power.
        let ids: Vec<String> = pieces(
            "1. La lettre de candidature justifiant des pouvoirs de la personne habilitée à engager le candidat (ou DC1).\n",
        )
        .into_iter()
        .map(|(id, _)| id)
        .collect();
        assert_eq!(ids, ["T-CAND-DC1"]);
    }

    #[test]
    fn award_criteria_and_what_a_contract_includes_ask_for_no_piece() {
        for text in [
            "Critères d'attribution :\n— SC2 les moyens humains dédiés à l'exécution des prestations (30 %),\n— SC3 moyens matériels dédiés à l'exécution des prestations (20 %),\n",
            "Le portage de repas sera inclus dans l’acte d’engagement de Selles-sur-Cher, gestionnaire du service.\n",
        ] {
            assert!(pieces(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_visit_field_answered_no_a_chosen_offer_and_a_piece_in_support_of_another() {
        assert!(pieces("Visite(s) obligatoire(s) : NON\n").is_empty());
        assert!(pieces("Si le candidat dont l’offre a été retenue ne peut produire l'attestation d'assurance, son offre est rejetée.\n").is_empty());
        // The mémoire is where the copies go: the copies are asked, not a mémoire of its own.
        let got = pieces(
            "Devaient être fournis à l’appui du mémoire technique la photocopie des permis de conduire.\n",
        );
        assert!(got.iter().all(|(id, _)| id != "T-OFFRE-MEMOIRE"), "{got:?}");
    }

    #[test]
    fn a_list_of_references_is_named_as_the_rc_names_it() {
        let found = crate::draft::detected(
            detect,
            "Pièces de la candidature :\n— présentation d'une liste des principales fournitures ou des principaux services effectués au cours des 3 dernières années, indiquant le montant ;\n",
        );
        let titles: Vec<&str> = found.rules.iter().map(|r| r.title.as_str()).collect();
        assert_eq!(
            titles,
            ["Candidature : liste des principales fournitures ou principaux services (références)"]
        );
        let found = crate::draft::detected(
            detect,
            "Pièces de la candidature :\n— une liste des références de moins de 3 ans ;\n",
        );
        let titles: Vec<&str> = found.rules.iter().map(|r| r.title.as_str()).collect();
        assert_eq!(titles, ["Candidature : liste des références"]);
    }

    #[test]
    fn a_documents_own_title_in_capitals_asks_for_nothing() {
        let got = pieces(
            "DATE LIMITE DE REMISE DES OFFRES Le jeudi 16 juillet 2015 à 12 heures ACTE D'ENGAGEMENT ET CAHIER DES CLAUSES PARTICULIÈRES N 2015-06 AE et CCP 1 / 22\nACTE D'ENGAGEMENT ET CAHIER DES CLAUSES PARTICULIÈRES PERSONNE PUBLIQUE CONTRACTANTE : Commune de Valmont\n",
        );
        assert_eq!(got, vec![("T-OFFRE-AE".to_string(), "warning")]);
    }

    #[test]
    fn a_piece_asked_lot_by_lot_keeps_its_severity_and_doubts_for_each_lot() {
        let mut found = Found::new("T".to_string());
        found.lots = Some(vec![
            ("1".to_string(), String::new()),
            ("2".to_string(), String::new()),
        ]);
        let doc = Doc::new("Une visite du site est obligatoire pour chaque lot.\n");
        detect(&doc, &mut found);
        let got: Vec<(&str, &str, usize)> = found
            .rules
            .iter()
            .map(|r| (r.id.as_str(), r.severity, r.doubts.len()))
            .collect();
        assert_eq!(
            got,
            [
                ("T-OFFRE-VISITE-L1", "warning", 1),
                ("T-OFFRE-VISITE-L2", "warning", 1)
            ]
        );
    }
}
