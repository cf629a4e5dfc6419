//! What a cross-bid check sees: the bids of one consultation and the operators in them.
//! Operators are identified by SIREN (the company part of the SIRET), so that « Alpha SAS »
//! and « ALPHA », or two establishments of one company, are one operator.

use std::collections::BTreeMap;

use crate::manifest::{LoadedManifest, Member};

use crate::vocabulary::{Finding, Lang, LotId, Role};
use crate::yaml_spans::YamlPath;

/// What a cross-bid check judges: the bids of one consultation, the operators in them, and
/// the language of the findings.
pub struct CrossBidContext<'a> {
    pub bids: &'a [Bid<'a>],
    pub ops: &'a Operators,
    /// The consultation has lots (a bid's lots are then required to judge it).
    pub has_lots: bool,
    pub lang: Lang,
}

/// One bid of the portfolio: how it is named in findings, and its manifest.
pub struct Bid<'a> {
    pub name: String,
    pub manifest_display: String,
    pub manifest: &'a LoadedManifest,
}

/// An operator's part in one bid.
#[derive(Debug, Clone)]
pub struct Part {
    pub bid: usize,
    pub role: Role,
    pub name: String,
}

/// Who is where: operators by SIREN, with their parts, and the facts that were missing.
pub struct Operators {
    pub by_siren: BTreeMap<String, Vec<Part>>,
    /// (bid index, manifest field) for members without SIRET or role.
    pub missing: Vec<(usize, String)>,
}

/// The operator a SIRET belongs to: its SIREN. Two establishments of one company (same
/// SIREN, different NIC) are one operator for the rules of candidacy.
pub fn operator_key(siret: &str) -> String {
    crate::siret::siren_of(siret)
}

pub fn operators(bids: &[Bid]) -> Operators {
    let mut ops = Operators {
        by_siren: BTreeMap::new(),
        missing: Vec::new(),
    };
    for (b, bid) in bids.iter().enumerate() {
        let members: &[Member] = bid.manifest.manifest.members.as_deref().unwrap_or_default();
        if members.is_empty() {
            ops.missing.push((b, "members".to_string()));
        }
        for (i, m) in members.iter().enumerate() {
            let (Some(siret), Some(role)) = (m.siret.as_deref(), m.role) else {
                if m.siret.is_none() {
                    ops.missing.push((
                        b,
                        YamlPath::from("members").index(i).key("siret").to_string(),
                    ));
                }
                if m.role.is_none() {
                    ops.missing.push((
                        b,
                        YamlPath::from("members").index(i).key("role").to_string(),
                    ));
                }
                continue;
            };
            ops.by_siren
                .entry(operator_key(siret))
                .or_default()
                .push(Part {
                    bid: b,
                    role,
                    name: m.name.clone(),
                });
        }
    }
    ops
}

impl Operators {
    /// The operator's name as first seen, with its SIREN, for findings.
    pub fn label(&self, siren: &str) -> String {
        let name = self
            .by_siren
            .get(siren)
            .and_then(|p| p.first())
            .map_or("?", |p| p.name.as_str());
        format!("{name} (SIREN {siren})")
    }

    /// Missing facts as a skip reason's field list, naming the bid.
    pub fn missing_fields(&self, bids: &[Bid]) -> Vec<String> {
        self.missing
            .iter()
            .map(|(b, f)| format!("{} : {f}", bids[*b].manifest_display))
            .collect()
    }
}

/// The lots a bid applies for; a consultation without lots is one single "lot".
pub fn bid_lots(bid: &Bid, has_lots: bool) -> Option<Vec<LotId>> {
    if has_lots {
        bid.manifest.manifest.lots.clone()
    } else {
        Some(vec![LotId::Name("—".to_string())])
    }
}

/// A finding located at one bid's manifest.
pub fn at_bid(bid: &Bid, message: String) -> Finding {
    Finding::new(message).at(&bid.manifest_display)
}
