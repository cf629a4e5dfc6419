//! Across bids: the rules that only show when several responses of one company are looked at
//! together (one candidacy per lot, one groupement as mandataire, lots per operator).
//! Operators are identified by SIREN (the company part of the SIRET), so that « Alpha SAS »
//! and « ALPHA », or two establishments of one company, are one operator.

pub mod run;

pub use crate::checks::cross_bid::{Bid, Operators, operators};
use crate::report::{Notice, NoticeKind};
use crate::say;
use crate::text::fold;
use crate::vocabulary::Lang;

/// The same SIRET under different names across bids: probably a typo in one manifest.
pub fn name_conflicts(ops: &Operators, bids: &[Bid], lang: Lang) -> Vec<Notice> {
    let mut out = Vec::new();
    for (siren, parts) in &ops.by_siren {
        let mut names: Vec<(&str, &str)> = Vec::new();
        for p in parts {
            if !names.iter().any(|(n, _)| fold(n) == fold(&p.name)) {
                names.push((&p.name, &bids[p.bid].name));
            }
        }
        if names.len() > 1 {
            let list: Vec<String> = names
                .iter()
                .map(|(n, b)| say!(lang, "« {n} » ({b})", "\"{n}\" ({b})"))
                .collect();
            out.push(Notice {
                kind: NoticeKind::SiretNames,
                message: {
                    let list = list.join(", ");
                    say!(
                        lang,
                        "le SIREN {siren} porte des noms différents : {list}",
                        "SIREN {siren} bears different names: {list}"
                    )
                },
                path: None,
            });
        }
    }
    out
}
