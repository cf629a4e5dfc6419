//! The one list of check kinds. A kind is a module of `checks/` (its parameters, `compile`,
//! `evaluate`, its words; declared in `checks/mod.rs`) plus one line below; the macro derives
//! the pack format's `Check` enum (serde and JSON schema), the kind's name, the compiled form
//! and the dispatch.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::cross_bid::CrossBidContext;
use super::kind::{BidCheck, CheckKind, CrossBidCheck};
use super::{CompileError, Context, Outcome};
use crate::vocabulary::Scope;
use crate::yaml_spans::YamlPath;

macro_rules! registry {
    ( $( $kind:ident = $name:literal => $on:ident $module:ident :: $params:ident, )* ) => {
        /// What a rule checks. `kind` selects the check; the other fields are its parameters.
        #[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
        #[serde(tag = "kind")]
        pub enum Check {
            $( #[serde(rename = $name)] $kind(super::$module::$params), )*
        }

        /// A rule's check, its parameters validated.
        #[derive(Debug, Clone)]
        pub enum CompiledCheck {
            $( $kind(<super::$module::$params as CheckKind>::Compiled), )*
        }

        impl Check {
            /// The name packs write: `kind: filename-length`.
            pub fn kind(&self) -> &'static str {
                match self {
                    $( Check::$kind(_) => $name, )*
                }
            }

            fn params(&self) -> &dyn Words {
                match self {
                    $( Check::$kind(p) => p, )*
                }
            }

            /// Validate the parameters once, at load time.
            pub fn compile(&self) -> Result<CompiledCheck, Vec<CompileError>> {
                let mut errors = Vec::new();
                let compiled = match self {
                    $( Check::$kind(p) => CompiledCheck::$kind(p.compile(&mut errors)), )*
                };
                if errors.is_empty() { Ok(compiled) } else { Err(errors) }
            }
        }

        impl CompiledCheck {
            /// Judge one bid. A cross-bid kind does not apply to one bid on its own.
            pub fn evaluate(&self, ctx: &Context, rule_id: &str) -> Outcome {
                match self {
                    $( CompiledCheck::$kind(c) => on!($on, c,
                        bid => c.evaluate(ctx, rule_id),
                        cross => { let (fr, en) = CROSS_BID_ONLY; Outcome::not_applicable(ctx.lang.t(fr, en)) }), )*
                }
            }

            pub fn needs_documents(&self) -> bool {
                match self {
                    $( CompiledCheck::$kind(c) => on!($on, c,
                        bid => c.needs_documents(),
                        cross => false), )*
                }
            }

            /// Judge the bids of one consultation together; `None` for a kind (or parameters)
            /// that asks nothing across bids.
            pub fn evaluate_bids(&self, cx: &CrossBidContext) -> Option<Outcome> {
                match self {
                    $( CompiledCheck::$kind(c) => on!($on, c,
                        bid => c.across_bids()?.evaluate_bids(cx),
                        cross => c.evaluate_bids(cx)), )*
                }
            }
        }
    };
}

/// Picks the arm for a kind judged on one bid (`bid`: a `BidCheck`) or only across bids
/// (`cross`: a `CrossBidCheck`).
macro_rules! on {
    (bid, $c:ident, bid => $b:expr, cross => $x:expr) => {
        $b
    };
    (cross, $c:ident, bid => $b:expr, cross => $x:expr) => {{
        let _ = $c;
        $x
    }};
}

/// Why a cross-bid rule has no status on one bid.
const CROSS_BID_ONLY: (&str, &str) = (
    "règle inter-dossiers : vérifiée par `bidlint portfolio` sur l'ensemble des réponses",
    "cross-bid rule: checked by `bidlint portfolio` over all the bids",
);

/// The parts of `CheckKind` that do not depend on the compiled type, usable as `dyn`.
trait Words {
    fn describe(&self) -> Vec<String>;
    fn scope(&self) -> Scope;
    fn piece_references(&self) -> Vec<(YamlPath, String)>;
}

impl<K: CheckKind> Words for K {
    fn describe(&self) -> Vec<String> {
        CheckKind::describe(self)
    }

    fn scope(&self) -> Scope {
        CheckKind::scope(self)
    }

    fn piece_references(&self) -> Vec<(YamlPath, String)> {
        CheckKind::piece_references(self)
    }
}

impl Check {
    /// What the check verifies, in French sentences, for `bidlint explain`.
    pub fn describe(&self) -> Vec<String> {
        self.params().describe()
    }

    /// Where the requirement applies (the checklist's « périmètre »).
    pub fn scope(&self) -> Scope {
        self.params().scope()
    }

    /// Rule ids the check refers to, with their path under `check:`.
    pub fn piece_references(&self) -> Vec<(YamlPath, String)> {
        self.params().piece_references()
    }
}

registry! {
    FilenameLength = "filename-length" => bid filename_length::FilenameLength,
    FilenamePattern = "filename-pattern" => bid filename_pattern::FilenamePattern,
    ForbiddenFiles = "forbidden-files" => bid forbidden_files::ForbiddenFiles,
    BundleSize = "bundle-size" => bid bundle_size::BundleSize,
    EmptyEntries = "empty-entries" => bid empty_entries::EmptyEntries,
    Archives = "archives" => bid archives::Archives,
    Readable = "readable" => bid readable::Readable,
    Piece = "piece" => bid piece::Piece,
    Hosting = "hosting" => bid hosting::Hosting,
    Certification = "certification" => bid certification::Certification,
    Lots = "lots" => bid lots::Lots,
    UniqueCandidacy = "unique-candidacy" => cross unique_candidacy::UniqueCandidacy,
    MandataireLimit = "mandataire-limit" => cross mandataire_limit::MandataireLimit,
    Manual = "manual" => bid manual::Manual,
    Pages = "pages" => bid pages::Pages,
    Content = "content" => bid content::Content,
    Language = "language" => bid language::Language,
    Validity = "validity" => bid validity::Validity,
    Holder = "holder" => bid holder::DocumentHolder,
    DeclaredMembers = "declared-members" => bid declared_members::DeclaredMembers,
    Outline = "outline" => bid outline::Outline,
    UnmatchedFiles = "unmatched-files" => bid unmatched_files::UnmatchedFiles,
    PerReference = "per-reference" => bid per_reference::PerReference,
}
