//! What a check kind is: parameters read from a pack (`CheckKind`), compiled once at load
//! time into something that judges one bid (`BidCheck`) or the bids of one consultation
//! together (`CrossBidCheck`). The registry (`registry.rs`) lists the kinds.

use super::cross_bid::CrossBidContext;
use super::params::{Selector, selected_pieces};
use super::{CompileError, Context, Outcome};
use crate::vocabulary::Scope;
use crate::yaml_spans::YamlPath;

/// The parameters of one check kind, as a pack writes them under `check:`.
pub trait CheckKind {
    /// The parameters validated once (regexes compiled, sizes parsed), ready to judge.
    type Compiled;

    /// Validate the parameters; each problem is pushed with its path under `check:`.
    fn compile(&self, errors: &mut Vec<CompileError>) -> Self::Compiled;

    /// What the check verifies, in French sentences, for `bidlint explain`.
    fn describe(&self) -> Vec<String>;

    /// Where the requirement applies, in French, for the checklist's « périmètre » column.
    fn scope(&self) -> Scope {
        Scope::AllFiles
    }

    /// Which files the check looks at, for a kind with a `select:` parameter.
    fn selector(&self) -> Option<&Selector> {
        None
    }

    /// Rule ids the parameters refer to (a certificate's piece, selected pieces), each with
    /// its path under `check:`, so that a dangling reference is reported where it is written.
    fn piece_references(&self) -> Vec<(YamlPath, String)> {
        selected_pieces(self.selector())
    }
}

/// A compiled check that judges one bid folder.
pub trait BidCheck {
    fn evaluate(&self, ctx: &Context, rule_id: &str) -> Outcome;

    /// Does judging need what is inside the documents? When no rule of a run does, no
    /// document is read at all (a name-only pack stays a directory walk).
    fn needs_documents(&self) -> bool {
        false
    }

    /// The cross-bid side of a kind that is judged both on one bid and across bids.
    fn across_bids(&self) -> Option<&dyn CrossBidCheck> {
        None
    }
}

/// A compiled check that only shows across the bids of one consultation (`bidlint
/// portfolio`): one candidacy per lot, one groupement as mandataire.
pub trait CrossBidCheck {
    /// `None` when the parameters ask nothing across bids.
    fn evaluate_bids(&self, cx: &CrossBidContext) -> Option<Outcome>;
}
