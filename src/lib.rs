//! bidlint: checks a response to a French public tender against the consultation's formal
//! requirements before upload.
//!
//! Data flows one way: [`inventory`] (walk the folder) and [`manifest`] (the bid's facts) →
//! [`pack`] (the rules) → [`engine`] (each rule's status and findings, through [`checks`]) →
//! [`report`] (the model) → [`render`] (table, JSON…). [`run`] chains them for each command
//! (`check_folder`, `checklist`, `portfolio`, `verify_quotes`). The library never prints and
//! never writes inside the bid folder.

pub mod analysis;
pub mod checklist;
pub mod checks;
pub mod commented_yaml;
pub mod dates;
pub mod diagnostics;
pub mod documents;
pub mod draft;
pub mod engine;
pub mod inventory;
pub mod manifest;
pub mod naming;
pub mod pack;
pub mod portfolio;
pub mod quotes;
pub mod render;
pub mod report;
pub mod run;
pub mod schema;
pub mod siret;
pub mod skeleton;
pub mod territory;
pub mod text;
pub mod vocabulary;
pub mod yaml_spans;
