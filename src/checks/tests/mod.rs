//! Unit tests of the check kinds, one file per kind: in-memory bids built with
//! [`super::testkit`], judged in this process. The CLI tests (`tests/suite/`) keep the
//! end-to-end behaviour.

mod filename_length;
mod text_regex;
