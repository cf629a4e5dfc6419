//! Territories of the hosting rules, exactly as SPEC §3 defines them.
//!
//! `EU`: the 27 member states. French outermost regions (GP, MQ, GF, RE, YT, MF) are part of
//! the EU and carry their own ISO codes, so they are listed; the Azores, Madeira and the
//! Canaries are written PT and ES. The overseas countries and territories (PM, PF, NC, WF, BL,
//! TF) are *not* in the EU, nor are the non-EU EEA states, Switzerland, Monaco or the UK.
//! `FR-METRO`: metropolitan France, Corsica included, i.e. country `FR` and nothing else.

use crate::vocabulary::{Lang, Territory};

/// The 27 member states (ISO 3166-1 alpha-2; Greece is `GR`, the ISO code, not `EL`).
pub const EU_MEMBER_STATES: [&str; 27] = [
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
    "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
];

/// French outermost regions, part of the EU, with their own ISO codes.
pub const EU_OUTERMOST_FR: [&str; 6] = ["GP", "MQ", "GF", "RE", "YT", "MF"];

/// Is `country` (ISO alpha-2, any case) inside `territory`?
pub fn contains(territory: Territory, country: &str) -> bool {
    let c = country.trim().to_ascii_uppercase();
    match territory {
        Territory::Eu => {
            EU_MEMBER_STATES.contains(&c.as_str()) || EU_OUTERMOST_FR.contains(&c.as_str())
        }
        Territory::FrMetro => c == "FR",
    }
}

pub fn name(territory: Territory, lang: Lang) -> &'static str {
    match territory {
        Territory::Eu => lang.t("Union européenne", "the European Union"),
        Territory::FrMetro => lang.t("France métropolitaine", "metropolitan France"),
    }
}

/// ISO 3166-1 alpha-2 shape: two ASCII letters.
pub fn is_country_code(code: &str) -> bool {
    code.len() == 2 && code.bytes().all(|b| b.is_ascii_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eu_has_the_27_member_states() {
        for c in EU_MEMBER_STATES {
            assert!(contains(Territory::Eu, c), "{c}");
        }
        assert_eq!(EU_MEMBER_STATES.len(), 27);
    }

    #[test]
    fn eu_includes_french_outermost_regions() {
        for c in ["GP", "MQ", "GF", "RE", "YT", "MF", "gp"] {
            assert!(contains(Territory::Eu, c), "{c}");
        }
    }

    #[test]
    fn eu_excludes_overseas_territories_and_non_members() {
        for c in [
            "PM", "PF", "NC", "WF", "BL", "TF", "CH", "GB", "NO", "IS", "LI", "MC", "US", "EL",
        ] {
            assert!(!contains(Territory::Eu, c), "{c}");
        }
    }

    #[test]
    fn fr_metro_is_fr_only() {
        assert!(contains(Territory::FrMetro, "FR"));
        assert!(contains(Territory::FrMetro, " fr "));
        for c in [
            "GP", "MQ", "GF", "RE", "YT", "MF", "PM", "NC", "MC", "DE", "BE",
        ] {
            assert!(!contains(Territory::FrMetro, c), "{c}");
        }
    }
}
