//! The commands' pipelines, as library calls: what `bidlint check`, `checklist`, `portfolio`
//! and `validate-pack --sources` do between parsing their arguments and rendering their
//! report. A request is plain data ([`request`]), a failure is a [`RunError`] (French message
//! and help, drawn by the caller), and the reading of documents is told to a
//! [`Progress`] the caller draws — or not: [`Silent`].
//!
//! A bid is a folder or its deposit zip ([`target`]): the zip is laid out in a private
//! temporary folder and never written.

pub mod check;
pub mod checklist;
pub mod error;
pub mod portfolio;
pub mod quotes;
pub mod request;
pub mod target;

pub use crate::documents::pool::{Progress, Silent};
pub use check::{CheckRun, Reading, check_folder};
pub use checklist::checklist;
pub use error::RunError;
pub use portfolio::portfolio;
pub use quotes::{QuoteSource, verify_quotes};
pub use request::{CheckRequest, ChecklistRequest, DocumentOptions, Inputs, PortfolioRequest};
