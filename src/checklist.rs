//! The pre-submission checklist: every requirement of the phase, the consultation's own rules
//! first (in the order of its documents), the platform's deposit hygiene after, each with its
//! scope and source. With a folder, the statuses are the check's; without, every line is
//! « à vérifier ».

use crate::checks::Outcome;
use crate::engine::{rule_result, rules_for_phase};
use crate::pack::PackSet;
use crate::report::RuleResult;
use crate::vocabulary::Phase;

/// Lines for a checklist without a folder: nothing judged yet, everything to tick.
pub fn blank(packs: &PackSet, phase: Option<Phase>) -> Vec<RuleResult> {
    rules_for_phase(packs, phase)
        .map(|rule| {
            let reason = match &rule.def.check {
                crate::pack::model::Check::Manual(m) => m.instruction.clone(),
                _ => "à vérifier : lancer bidlint check sur le dossier, ou cocher à la main"
                    .to_string(),
            };
            rule_result(rule, Outcome::manual(reason))
        })
        .collect()
}

/// Consultation rules (those of the packs asked for) before inherited ones, keeping each
/// group in document order.
pub fn order(results: &mut [RuleResult], asked: &[String]) {
    results.sort_by_key(|r| !asked.contains(&r.pack));
}
