//! Which members a per-member requirement applies to (`members:` filters).

use crate::manifest::Member;

use super::params::MemberFilter;
use crate::vocabulary::Role;
use crate::yaml_spans::YamlPath;

pub struct Selection {
    /// Members the filter selects.
    pub selected: Vec<usize>,
    /// Manifest fields the filter needed but that are missing (`members[1].hosting`).
    pub missing: Vec<String>,
}

pub fn select(filter: Option<&MemberFilter>, members: &[Member]) -> Selection {
    let mut sel = Selection {
        selected: Vec::new(),
        missing: Vec::new(),
    };
    for (i, m) in members.iter().enumerate() {
        let Some(f) = filter else {
            sel.selected.push(i);
            continue;
        };
        let mut decided = true;
        let mut keep = true;
        let mut test = |want: Option<bool>, have: Option<bool>, field: &str| {
            if let Some(want) = want {
                match have {
                    Some(h) => keep &= h == want,
                    None => {
                        decided = false;
                        sel.missing
                            .push(YamlPath::from("members").index(i).key(field).to_string());
                    }
                }
            }
        };
        test(f.hosting, m.hosting, "hosting");
        test(
            f.redressement_judiciaire,
            m.redressement_judiciaire,
            "redressement_judiciaire",
        );
        if let Some(roles) = &f.role {
            match m.role {
                Some(r) => keep &= roles.contains(&r),
                None => {
                    decided = false;
                    sel.missing
                        .push(YamlPath::from("members").index(i).key("role").to_string());
                }
            }
        }
        if let (Some(excluded), Some(r)) = (&f.except_roles, m.role) {
            keep &= !excluded.contains(&r);
        }
        if decided && keep {
            sel.selected.push(i);
        }
    }
    sel
}

/// The filter in words, for "no member concerned" messages.
pub fn describe(filter: Option<&MemberFilter>) -> String {
    let Some(f) = filter else {
        return "tous les membres".to_string();
    };
    let mut parts = Vec::new();
    if let Some(h) = f.hosting {
        parts.push(format!("hosting: {h}"));
    }
    if let Some(r) = f.redressement_judiciaire {
        parts.push(format!("redressement_judiciaire: {r}"));
    }
    if let Some(roles) = &f.role {
        parts.push(format!("role: {}", roles_list(roles, "|")));
    }
    if let Some(roles) = &f.except_roles {
        parts.push(format!("sauf {}", roles_list(roles, ", ")));
    }
    parts.join(", ")
}

fn roles_list(roles: &[Role], sep: &str) -> String {
    roles
        .iter()
        .map(|r| r.as_str())
        .collect::<Vec<_>>()
        .join(sep)
}
