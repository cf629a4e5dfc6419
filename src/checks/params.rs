//! Parameters several check kinds share: which files a check looks at, which members a
//! per-member requirement applies to.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::vocabulary::{MemberCriteria, Role};
use crate::yaml_spans::YamlPath;

/// serde default for the boolean parameters that are on unless a pack turns them off.
pub(crate) fn yes() -> bool {
    true
}

/// Which members a per-member requirement applies to. Every condition given must hold.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MemberFilter {
    /// The member's role is one of these.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Vec<Role>>,
    /// `hosting: true` selects the member providing the hosting services.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hosting: Option<bool>,
    /// `redressement_judiciaire: true` selects members in receivership.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redressement_judiciaire: Option<bool>,
    /// Leaves out the members declared with one of these roles (`[sous-traitant]`: a
    /// declared subcontractor owes none of the candidate's pieces). A member whose role is
    /// not declared is kept: it is asked for the piece rather than silently excused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub except_roles: Option<Vec<Role>>,
}

/// Which files of the folder a check looks at. All files when omitted.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Selector {
    /// Regexes on the path relative to the folder (`/` separated); any may match.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paths: Vec<String>,
    /// Extensions, without the dot, case-insensitive.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extensions: Vec<String>,
    /// Files recognised as the piece of one of these rules.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pieces: Vec<String>,
    /// Regexes on paths to leave out.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclude: Vec<String>,
    /// Leave out the files recognised as the piece of one of these rules.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclude_pieces: Vec<String>,
}

/// The pieces a selector names (`pieces`, `exclude_pieces`), with their path under `check:`.
pub(crate) fn selected_pieces(sel: Option<&Selector>) -> Vec<(YamlPath, String)> {
    let Some(s) = sel else {
        return Vec::new();
    };
    let listed = |list: &[String], field: &str| {
        list.iter()
            .enumerate()
            .map(|(i, p)| (YamlPath::from("select").key(field).index(i), p.clone()))
            .collect::<Vec<_>>()
    };
    let mut refs = listed(&s.pieces, "pieces");
    refs.extend(listed(&s.exclude_pieces, "exclude_pieces"));
    refs
}

impl MemberFilter {
    /// The filter as the report says it (`Scope::Members`).
    pub fn criteria(&self) -> MemberCriteria {
        MemberCriteria {
            roles: self.role.clone().unwrap_or_default(),
            hosting: self.hosting,
            redressement_judiciaire: self.redressement_judiciaire,
            except_roles: self.except_roles.clone().unwrap_or_default(),
        }
    }
}
