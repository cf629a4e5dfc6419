//! Unit tests of the check kinds, one file per kind: in-memory bids built with
//! [`super::testkit`], judged in this process. The CLI tests (`tests/suite/`) keep the
//! end-to-end behaviour.

mod archives;
mod bundle_size;
mod certification;
mod content;
mod declared_members;
mod empty_entries;
mod english;
mod filename_length;
mod filename_pattern;
mod forbidden_files;
mod holder;
mod hosting;
mod language;
mod lots;
mod mandataire_limit;
mod manual;
mod outline;
mod pages;
mod per_reference;
mod piece;
mod readable;
mod text_regex;
mod unique_candidacy;
mod unmatched_files;
mod validity;
