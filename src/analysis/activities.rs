//! The HDS activities a certificate lists. The decree of 2018 numbers the six activities of
//! health-data hosting 1 to 6, and certificates write them as a list (« Activités
//! certifiées : 1, 2, 3, 4, 5 et 6 », « activités 1 à 6 ») or one per line (« Activité 5 :
//! administration et exploitation du système d'information… »). Every mention is collected.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use regex::Regex;

use crate::vocabulary::Lang;

/// « activité(s) », a short gap on the same line (« certifiées : », « n° »), then a list of
/// activity numbers 1–6 joined by commas, « et », « à », dashes or slashes.
static MENTION: LazyLock<Regex> = LazyLock::new(|| {
    // Constant patterns, exercised by the tests below: they cannot fail to compile.
    Regex::new(
        r"(?i)activit[ée]s?\b[^0-9\n]{0,40}?((?:\b[1-6]\b\s*(?:,|;|\bet\b|\bà\b|\bau\b|-|–|/)?\s*)+)",
    )
    .expect("constant regex")
});
static ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b([1-6])\b|(\bà\b|\bau\b|-|–)").expect("constant regex"));

/// The activities mentioned, or `None` when the text names none.
pub fn activities_in(text: &str) -> Option<BTreeSet<u8>> {
    let mut found = BTreeSet::new();
    for m in MENTION.captures_iter(text) {
        let Some(list) = m.get(1) else { continue };
        let mut previous: Option<u8> = None;
        let mut range = false;
        for item in ITEM.captures_iter(list.as_str()) {
            if item.get(2).is_some() {
                range = previous.is_some();
                continue;
            }
            let Some(n) = item.get(1).and_then(|d| d.as_str().parse::<u8>().ok()) else {
                continue;
            };
            match previous {
                Some(p) if range && p <= n => found.extend(p..=n),
                _ => {
                    found.insert(n);
                }
            }
            previous = Some(n);
            range = false;
        }
    }
    (!found.is_empty()).then_some(found)
}

/// « 1, 2, 3 et 5 » ("1, 2, 3 and 5") for a finding.
pub fn list_in(set: &BTreeSet<u8>, lang: Lang) -> String {
    let items: Vec<String> = set.iter().map(u8::to_string).collect();
    lang.and_list(&items)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(v: &[u8]) -> Option<BTreeSet<u8>> {
        Some(v.iter().copied().collect())
    }

    #[test]
    fn lists_ranges_and_lines() {
        assert_eq!(
            activities_in("Activités certifiées : 1, 2, 3, 4, 5 et 6"),
            set(&[1, 2, 3, 4, 5, 6])
        );
        assert_eq!(
            activities_in("pour les activités 1 à 4"),
            set(&[1, 2, 3, 4])
        );
        assert_eq!(activities_in("ACTIVITES n° 1-3 et 5"), set(&[1, 2, 3, 5]));
        assert_eq!(
            activities_in("Activité 1 : mise à disposition des sites\nActivité 5 : administration"),
            set(&[1, 5])
        );
    }

    #[test]
    fn dates_and_other_numbers_are_not_activities() {
        assert_eq!(activities_in("activité depuis 2026, valable 3 ans"), None);
        assert_eq!(activities_in("Certificat n° 12345"), None);
        assert_eq!(activities_in(""), None);
    }

    #[test]
    fn french_list() {
        let set = [1, 2, 5].into_iter().collect();
        assert_eq!(list_in(&set, Lang::Fr), "1, 2 et 5");
        assert_eq!(list_in(&set, Lang::En), "1, 2 and 5");
        assert_eq!(list_in(&[4].into_iter().collect(), Lang::Fr), "4");
    }
}
