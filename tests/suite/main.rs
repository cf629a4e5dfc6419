//! The integration tests, as one test binary: compiled and linked once (thirteen binaries
//! took most of a fresh `cargo test`). Each module is one area (commands, formats, fixtures,
//! documents…); helpers shared between them are in `common`.

mod architecture;
mod bench_inputs;
mod checklist;
mod ci_examples;
mod commands;
mod common;
mod deposit;
mod diagnostics;
mod documents;
mod draft_pack;
mod fixtures_check;
mod formats;
mod golden;
mod holders;
mod hostile_suite;
mod inventory_edges;
mod lang_en;
mod portfolio;
mod quotes;
mod skeletons;
mod verdict;
mod worked_example;
