//! Outline matching: any plan against any heading lines gives problems that name plan entries
//! and lines that exist.
#![no_main]

use arbitrary::Arbitrary;
use bidlint::analysis::outline::{OutlineProblem, PlanEntry, check_outline};
use bidlint::vocabulary::Lang;
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
struct Input {
    plan: Vec<(String, String)>,
    lines: Vec<String>,
    allow_extra: bool,
}

fuzz_target!(|input: Input| {
    let plan: Vec<PlanEntry> = input
        .plan
        .into_iter()
        .take(64)
        .map(|(number, title)| PlanEntry { number, title })
        .collect();
    let lines: Vec<String> = input.lines.into_iter().take(512).collect();
    for p in check_outline(&plan, &lines, input.allow_extra) {
        // Every problem is said in both languages (the message cannot panic on any title).
        assert!(!p.message(Lang::Fr).is_empty() && !p.message(Lang::En).is_empty());
        match &p {
            OutlineProblem::Missing { entry } => assert!(plan.contains(entry)),
            OutlineProblem::Extra { heading } => assert!(heading.line < lines.len()),
            _ => {}
        }
    }
});
