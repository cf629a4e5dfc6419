//! `hosting`: every datacenter, every administration country and every country the data is
//! transferred to or accessed from lies in the allowed territory (see [`crate::territory`]
//! for the exact sets).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::CompileError;
use super::kind::{BidCheck, CheckKind};
use super::params::yes;
use crate::checks::{Context, Outcome};
use crate::say;
use crate::territory;
use crate::vocabulary::{Scope, Territory};

/// Datacenters (`hosting.datacenters[].country`) and administration countries
/// (`hosting.administration`) lie in the allowed territory.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Hosting {
    pub territory: Territory,
    #[serde(default = "yes")]
    pub datacenters: bool,
    #[serde(default)]
    pub administration: bool,
    /// Also check the manifest's `hosting.transfers` (data transferred or accessed from).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub transfers: bool,
}

impl CheckKind for Hosting {
    type Compiled = Hosting;

    fn compile(&self, _: &mut Vec<CompileError>) -> Hosting {
        self.clone()
    }

    fn describe(&self) -> Vec<String> {
        let territory = match self.territory {
            Territory::Eu => "dans l'Union européenne (régions ultrapériphériques comprises)",
            Territory::FrMetro => "en France métropolitaine (Corse comprise)",
        };
        let mut what = Vec::new();
        if self.datacenters {
            what.push("chaque centre de données");
        }
        if self.administration {
            what.push("chaque pays d'où l'hébergement est administré");
        }
        if self.transfers {
            what.push("chaque pays où les données sont transférées ou consultées");
        }
        vec![format!(
            "D'après le bid.yaml (`hosting:`), {} se trouve {territory}.",
            what.join(", ")
        )]
    }

    fn scope(&self) -> Scope {
        Scope::Hosting
    }
}

impl BidCheck for Hosting {
    fn evaluate(&self, ctx: &Context, _: &str) -> Outcome {
        let Some(h) = &ctx.manifest.hosting else {
            return Outcome::missing(ctx.lang, &["hosting".to_string()]);
        };
        let zone = territory::name(self.territory, ctx.lang);
        let mut findings = Vec::new();
        let mut missing = Vec::new();
        if self.datacenters {
            match h.datacenters.as_deref() {
                None | Some([]) => missing.push("hosting.datacenters".to_string()),
                Some(dcs) => {
                    for dc in dcs
                        .iter()
                        .filter(|dc| !territory::contains(self.territory, &dc.country))
                    {
                        let place = match (&dc.location, &dc.provider) {
                            (Some(l), Some(p)) => format!("{l}, {p}"),
                            (Some(l), None) => l.clone(),
                            (None, Some(p)) => p.clone(),
                            (None, None) => {
                                ctx.lang.t("sans localisation", "no location").to_string()
                            }
                        };
                        let country = dc.country.to_ascii_uppercase();
                        findings.push(ctx.manifest_finding(say!(
                            ctx.lang,
                            "datacenter ({place}) situé en {country} : hors {zone}",
                            "datacenter ({place}) located in {country}: outside {zone}"
                        )));
                    }
                }
            }
        }
        if self.administration {
            match h.administration.as_deref() {
                None | Some([]) => missing.push("hosting.administration".to_string()),
                Some(countries) => {
                    for country in countries
                        .iter()
                        .filter(|x| !territory::contains(self.territory, x))
                    {
                        let country = country.to_ascii_uppercase();
                        findings.push(ctx.manifest_finding(say!(
                            ctx.lang,
                            "administration ou exploitation depuis {country} : hors {zone}",
                            "administration or operation from {country}: outside {zone}"
                        )));
                    }
                }
            }
        }
        if self.transfers {
            match h.transfers.as_deref() {
                // `[]` is an answer (no transfer); an absent field is not.
                None => missing.push("hosting.transfers".to_string()),
                Some(list) => {
                    for t in list
                        .iter()
                        .filter(|t| !territory::contains(self.territory, &t.country))
                    {
                        let who = t
                            .recipient
                            .as_deref()
                            .map(|r| format!(" ({r})"))
                            .unwrap_or_default();
                        let country = t.country.to_ascii_uppercase();
                        findings.push(ctx.manifest_finding(say!(
                            ctx.lang,
                            "transfert des données ou accès depuis {country}{who} : hors {zone}",
                            "data transfer or access from {country}{who}: outside {zone}"
                        )));
                    }
                }
            }
        }
        Outcome::judge(ctx.lang, findings, missing)
    }
}
