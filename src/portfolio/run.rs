//! Evaluate the cross-bid rules of one consultation's packs over its bids → a report.

use crate::checks::cross_bid::CrossBidContext;
use crate::engine::rule_result;
use crate::pack::PackSet;
use crate::report::{self, BidInfo, PackRef, Report, RuleResult};
use crate::vocabulary::Lang;

use super::{Bid, operators};

/// The results of the cross-bid rules of `packs` over `bids` (bids of one consultation).
pub fn evaluate(
    packs: &PackSet,
    bids: &[Bid],
    lang: Lang,
) -> (Vec<RuleResult>, Vec<report::Notice>) {
    let ops = operators(bids);
    let cx = CrossBidContext {
        bids,
        ops: &ops,
        has_lots: packs.lots.as_ref().is_some_and(|l| !l.is_empty()),
        lang,
    };
    let mut results = Vec::new();
    for rule in packs.rules.iter().filter(|r| r.def.enabled) {
        let outcome = rule.check.evaluate_bids(&cx);
        if let Some(o) = outcome {
            results.push(rule_result(rule, o));
        }
    }
    (results, super::name_conflicts(&ops, bids, lang))
}

/// One report over several consultations' results.
pub fn report(
    packs: Vec<PackRef>,
    bid_names: &[String],
    results: Vec<RuleResult>,
    notices: Vec<report::Notice>,
) -> Report {
    Report::new(
        report::ReportKind::Portfolio,
        packs,
        BidInfo {
            root: bid_names.join(", "),
            manifest: None,
            phase: None,
            deadline: None,
            deadline_passed: false,
            files: 0,
            bytes: 0,
        },
        results,
        notices,
    )
}
