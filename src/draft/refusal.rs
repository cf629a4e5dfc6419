//! Why `draft-pack` writes nothing: a text it cannot draft from is refused with its cause, and
//! what the user can do about it, rather than given an empty or invented pack.

use super::render::RenderError;

/// A text from which no draft is made.
#[derive(Debug, thiserror::Error)]
pub enum Refusal {
    #[error("le texte du règlement est vide (document scanné, ou sans texte)")]
    Empty,
    #[error(
        "le règlement semble rédigé en {language} : bidlint ne rédige un pack que d'un règlement en français"
    )]
    Foreign { language: &'static str },
    #[error(
        "aucune exigence reconnue dans ce texte ; la date limite « {line} » n'a pas d'année : rien n'est inventé"
    )]
    Yearless { line: String },
    #[error(
        "aucune exigence reconnue dans ce texte : est-ce bien un règlement de la consultation ?"
    )]
    NothingRecognised,
    #[error(transparent)]
    Render(#[from] RenderError),
}

impl Refusal {
    /// What the user can do next.
    pub fn help(&self) -> &'static str {
        match self {
            Refusal::Empty => {
                "un scan n'a pas de texte : demandez à l'acheteur la version PDF texte du règlement, ou passez-le à la reconnaissance de caractères (OCR)"
            }
            Refusal::Foreign { .. } => {
                "donnez la version française du règlement ; un pack peut aussi s'écrire à la main (docs/pack-format.md)"
            }
            Refusal::Yearless { .. } => {
                "cherchez l'année dans l'avis de publicité ou sur la plateforme, puis écrivez la date dans `deadlines:` à la main (docs/pack-format.md)"
            }
            Refusal::NothingRecognised => {
                "vérifiez que le fichier est le règlement de la consultation (et non le CCAP, le CCTP ou un avis sans clauses) et qu'il contient du texte"
            }
            Refusal::Render(_) => {
                "un défaut de bidlint : signalez-le avec le règlement qui l'a produit"
            }
        }
    }
}
