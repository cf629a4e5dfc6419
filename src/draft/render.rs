//! The draft as a value of the pack model, written as YAML with its `# à vérifier` comments
//! ([`crate::commented_yaml`]); the scalars the detectors write their check fragments with;
//! and the summary printed on stderr.

use std::collections::BTreeMap;
use std::fmt::Write;

use serde::de::DeserializeOwned;

use super::{Deadline, Found, Rule};
use crate::commented_yaml::{self, Comments, yaml_printable};
use crate::pack::model::{LotDef, LotId, PackFile, RuleDef, SourceDoc, SourceRef};
use crate::vocabulary::Phase;
use crate::yaml_spans::YamlPath;

/// A YAML double-quoted scalar. Every character YAML does not allow raw (C0 and C1 controls,
/// DEL, U+FFFE, U+FFFF: a PDF's text can hold any of them) is written as an escape, so that
/// the draft always loads.
pub fn double(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if !yaml_printable(c) => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A YAML single-quoted scalar: the natural way to write a regex; double-quoted when the text
/// holds a character a single-quoted scalar cannot carry.
pub fn single(s: &str) -> String {
    if s.chars()
        .all(|c| c != '\n' && c != '\t' && yaml_printable(c))
    {
        format!("'{}'", s.replace('\'', "''"))
    } else {
        double(s)
    }
}

/// The draft as a pack file, with its comments: a value of the pack model, so that it loads.
pub fn pack(id: &str, title: &str, found: &Found) -> Result<String, RenderError> {
    let file = pack_file(id, title, found)?;
    Ok(commented_yaml::to_string(&file, &comments(found))?)
}

/// A drafted value the pack model refuses: a defect of a detector, never of the RC.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error(
        "{at} : `{field}` rédigé hors du format des packs ({source}) ; défaut de bidlint, à signaler"
    )]
    Field {
        at: String,
        field: &'static str,
        source: serde_yaml::Error,
    },
    #[error("brouillon impossible à écrire : {0} ; défaut de bidlint, à signaler")]
    Yaml(#[from] commented_yaml::Error),
}

/// The note every draft carries first.
const REVIEW_NOTE: &str = "Brouillon généré automatiquement : relire chaque règle, sa citation et sa sévérité ; ajouter les points à contrôler à la main (kind: manual).";

/// The key of the RC in `sources:`, that every drafted rule cites.
const RC: &str = "rc";

fn pack_file(id: &str, title: &str, found: &Found) -> Result<PackFile, RenderError> {
    Ok(PackFile {
        pack: id.to_string(),
        title: title.to_string(),
        version: "0.1-brouillon".to_string(),
        extends: if found.place {
            vec!["place".to_string()]
        } else {
            Vec::new()
        },
        only: None,
        except: Vec::new(),
        sources: BTreeMap::from([(RC.to_string(), SourceDoc::Title(title.to_string()))]),
        deadlines: deadlines(&found.deadlines)?,
        lots: found.lots.as_ref().map(|lots| {
            lots.iter()
                .map(|(id, title)| LotDef::Titled {
                    id: lot_id(id),
                    title: title.clone(),
                })
                .collect()
        }),
        notes: std::iter::once(REVIEW_NOTE.to_string())
            .chain(found.notes.iter().cloned())
            .collect(),
        overrides: Vec::new(),
        rules: found.rules.iter().map(rule_def).collect::<Result<_, _>>()?,
    })
}

fn deadlines(found: &[Deadline]) -> Result<BTreeMap<Phase, String>, RenderError> {
    found
        .iter()
        .map(|d| Ok((parse("deadlines", "phase", d.phase)?, d.date.clone())))
        .collect()
}

/// A lot number as packs write it: `2`, or `"2a"` when it is not a number.
fn lot_id(id: &str) -> LotId {
    id.parse()
        .map_or_else(|_| LotId::Name(id.to_string()), LotId::Number)
}

/// A drafted rule in the pack model. The detectors write the condition, the phases and the
/// check as YAML fragments; read here, they are held to the model's types.
fn rule_def(r: &Rule) -> Result<RuleDef, RenderError> {
    Ok(RuleDef {
        id: r.id.clone(),
        title: r.title.clone(),
        severity: parse(&r.id, "severity", r.severity)?,
        phases: r.phases.map(|p| parse(&r.id, "phases", p)).transpose()?,
        when: r
            .when
            .as_deref()
            .map(|w| parse(&r.id, "when", w))
            .transpose()?,
        source: SourceRef {
            doc: RC.to_string(),
            section: r.section.clone(),
            quote: r.quote.clone(),
        },
        help: r.help.clone(),
        enabled: true,
        check: parse(&r.id, "check", &r.check.join("\n"))?,
    })
}

fn parse<T: DeserializeOwned>(at: &str, field: &'static str, yaml: &str) -> Result<T, RenderError> {
    serde_yaml::from_str(yaml).map_err(|source| RenderError::Field {
        at: at.to_string(),
        field,
        source,
    })
}

/// What the reviewer reads besides the values: how to prove the draft, where each deadline
/// was read, each family of rules, and every uncertain reading (« à vérifier »).
fn comments(found: &Found) -> Comments {
    let mut c = Comments::default();
    c.header("BROUILLON généré par `bidlint draft-pack` : à relire avant tout usage.")
        .header("Chaque règle cite la phrase du RC dont elle vient ; les lignes « # à vérifier »")
        .header("signalent une lecture incertaine. Prouver les citations :")
        .header("  bidlint validate-pack CE_FICHIER --sources rc=LE_RC");
    for section in ["sources", "deadlines", "lots", "notes", "rules"] {
        c.blank_before(section);
    }
    for d in &found.deadlines {
        let at = YamlPath::from("deadlines").key(d.phase);
        c.before(&at, &format!("{} : « {} »", d.section, d.quote));
        if let Some(why) = &d.doubt {
            c.before(&at, &format!("à vérifier : {why}"));
        }
    }
    let mut family = "";
    for (i, r) in found.rules.iter().enumerate() {
        let at = YamlPath::from("rules").index(i);
        if i > 0 {
            c.blank_before(&at);
        }
        if r.family != family {
            family = r.family;
            c.before(&at, &format!("--- {family} ---"));
        }
        for d in &r.doubts {
            c.before(&at, &format!("à vérifier : {d}"));
        }
    }
    c
}

/// One line per family: how many rules, and which.
pub fn summary(found: &Found) -> Vec<String> {
    let mut out = Vec::new();
    for d in &found.deadlines {
        out.push(format!(
            "date limite ({}) : {}{}",
            d.phase,
            d.date,
            if d.doubt.is_some() {
                " (à vérifier)"
            } else {
                ""
            }
        ));
    }
    if let Some(l) = &found.lots {
        out.push(if l.is_empty() {
            "lots : consultation non allotie".to_string()
        } else {
            format!(
                "lots : {}",
                l.iter()
                    .map(|(i, _)| i.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        });
    }
    let mut families: Vec<(&str, Vec<&str>)> = Vec::new();
    for r in &found.rules {
        match families.iter_mut().find(|(f, _)| *f == r.family) {
            Some((_, ids)) => ids.push(&r.id),
            None => families.push((r.family, vec![&r.id])),
        }
    }
    for (f, ids) in families {
        out.push(format!("{f} : {} règle(s) — {}", ids.len(), ids.join(", ")));
    }
    for n in &found.notes {
        out.push(format!("note : {n}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by the `draft` fuzz target: a control character of the RC's text in a drafted
    /// pattern made the draft unloadable.
    #[test]
    fn every_character_comes_back_from_the_yaml_as_it_was() {
        let nasty = "a'b\"c\\d\u{1}e\u{7f}f\u{85}g\u{9f}h\u{2028}i\u{fffe}j\tk\nl é 😀";
        let plain = "plain ' quote";
        for (scalar, want) in [
            (double(nasty), nasty),
            (single(nasty), nasty),
            (single(plain), plain),
        ] {
            let yaml = format!("k: {scalar}\n");
            let back: std::collections::BTreeMap<String, String> =
                serde_yaml::from_str(&yaml).unwrap_or_else(|e| panic!("{yaml:?}: {e}"));
            assert_eq!(back["k"], want, "{yaml:?}");
        }
        assert!(
            single(plain).starts_with('\''),
            "a plain text stays single-quoted"
        );
    }
}
