//! YAML written from a model value, with comments for the human who edits it.
//!
//! `draft-pack` and `init` write files that people read and complete, so they carry comments
//! (`# à vérifier`, `# EXEMPLE`, what a field means). serde_yaml writes no comments; this module
//! walks the value serde_yaml made of the model and lays it out in block style, adding the
//! comments of [`Comments`], each keyed by the YAML path of the entry it documents
//! (`rules[3]`, `members[0].siret`). Keys and values come from the model alone, and every
//! scalar is written by serde_yaml, so the text loads back as the value it was made from.
//! A comment whose path the value does not hold is an error ([`Error::Unplaced`]): a field
//! renamed in the model breaks a test, not the user's file.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use serde_yaml::{Mapping, Value};

use crate::yaml_spans::YamlPath;

/// Column where trailing comments start, so that they line up down the file.
const TRAILING_COLUMN: usize = 37;

/// Longest `[a, b]` written on one line; a longer list of scalars is written one item a line.
const FLOW_WIDTH: usize = 60;

/// What goes around the serialised entries, by YAML path.
#[derive(Debug, Default, Clone)]
pub struct Comments {
    header: Vec<String>,
    before: BTreeMap<String, Vec<String>>,
    trailing: BTreeMap<String, String>,
    commented_out: BTreeSet<String>,
    blank_before: BTreeSet<String>,
}

impl Comments {
    /// Comment lines at the top of the file.
    pub fn header(&mut self, line: &str) -> &mut Self {
        self.header.push(line.to_string());
        self
    }

    /// A comment line above the entry at `path`, at its indentation.
    pub fn before(&mut self, path: &str, line: &str) -> &mut Self {
        self.before
            .entry(path.to_string())
            .or_default()
            .push(line.to_string());
        self
    }

    /// A comment at the end of the entry's first line.
    pub fn trailing(&mut self, path: &str, text: &str) -> &mut Self {
        self.trailing.insert(path.to_string(), text.to_string());
        self
    }

    /// The entry is written, but commented out: an example to uncomment.
    pub fn commented_out(&mut self, path: &str) -> &mut Self {
        self.commented_out.insert(path.to_string());
        self
    }

    /// An empty line above the entry (and its comments), when the entry is there: layout only.
    pub fn blank_before(&mut self, path: &str) -> &mut Self {
        self.blank_before.insert(path.to_string());
        self
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("valeur impossible à écrire en YAML : {0}")]
    Serialise(#[from] serde_yaml::Error),
    /// Comments keyed by paths the value does not hold.
    #[error("commentaires sans champ correspondant : {}", .0.join(", "))]
    Unplaced(Vec<String>),
}

/// `value` as block YAML with `comments`.
pub fn to_string<T: Serialize>(value: &T, comments: &Comments) -> Result<String, Error> {
    let value = serde_yaml::to_value(value)?;
    let mut w = Writer {
        comments,
        lines: comments
            .header
            .iter()
            .map(|l| format!("# {}", one_line(l)))
            .collect(),
        placed: BTreeSet::new(),
        commenting: false,
    };
    match &value {
        Value::Mapping(m) => w.mapping(m, &YamlPath::root(), 0, None)?,
        other => w.lines.push(scalar(other)?.join("\n")),
    }
    let wanted = comments
        .before
        .keys()
        .chain(comments.trailing.keys())
        .chain(&comments.commented_out);
    let unplaced: BTreeSet<&String> = wanted.filter(|p| !w.placed.contains(*p)).collect();
    if !unplaced.is_empty() {
        return Err(Error::Unplaced(unplaced.into_iter().cloned().collect()));
    }
    let mut text = w.lines.join("\n");
    text.push('\n');
    Ok(text)
}

struct Writer<'a> {
    comments: &'a Comments,
    lines: Vec<String>,
    /// Paths whose entry was written.
    placed: BTreeSet<String>,
    /// Inside a commented-out entry: every line is written behind `# `.
    commenting: bool,
}

impl Writer<'_> {
    /// The entries of a mapping at `indent`; with `dash`, the first one follows `- ` at that
    /// column (a mapping as a list item).
    fn mapping(
        &mut self,
        map: &Mapping,
        path: &YamlPath,
        indent: usize,
        dash: Option<usize>,
    ) -> Result<(), Error> {
        if map.is_empty() {
            return Ok(());
        }
        for (i, (key, value)) in map.iter().enumerate() {
            let key = key_text(key)?;
            let at = path.key(&key);
            let lead = match dash {
                Some(col) if i == 0 => format!("{}- ", " ".repeat(col)),
                _ => " ".repeat(indent),
            };
            self.entry(&at, lead, &format!("{key}:"), value, indent)?;
        }
        Ok(())
    }

    fn sequence(&mut self, items: &[Value], path: &YamlPath, indent: usize) -> Result<(), Error> {
        for (i, item) in items.iter().enumerate() {
            let at = path.index(i);
            match item {
                Value::Mapping(m) if !m.is_empty() => {
                    self.open(&at, indent);
                    let start = self.lines.len();
                    self.mapping(m, &at, indent + 2, Some(indent))?;
                    self.close(&at, start);
                }
                _ => self.entry(&at, format!("{}- ", " ".repeat(indent)), "", item, indent)?,
            }
        }
        Ok(())
    }

    /// One entry: `lead` (indentation or `- `), then `key:` (empty for a list item), then the
    /// value inline (scalar, `[]`, `[a, b]`) or as a block below at `indent + 2`.
    fn entry(
        &mut self,
        path: &YamlPath,
        lead: String,
        key: &str,
        value: &Value,
        indent: usize,
    ) -> Result<(), Error> {
        self.open(path, indent);
        let start = self.lines.len();
        let head = format!("{lead}{key}");
        let space = if key.is_empty() { "" } else { " " };
        match value {
            Value::Mapping(m) if !m.is_empty() => {
                self.push(head);
                self.mapping(m, path, indent + 2, None)?;
            }
            Value::Mapping(_) => self.push(format!("{head}{space}{{}}")),
            Value::Sequence(items) => match flow(items)? {
                Some(inline) => self.push(format!("{head}{space}{inline}")),
                None => {
                    self.push(head.trim_end().to_string());
                    // Under a key, items sit two columns in; a list in a list, likewise.
                    self.sequence(items, path, indent + 2)?;
                }
            },
            other => {
                let mut text = scalar(other)?.into_iter();
                let first = text.next().unwrap_or_default();
                self.push(format!("{head}{space}{first}"));
                // A block scalar's lines are indented from column 0 by serde_yaml: shift them
                // under this entry, deeper than its key.
                let shift = " ".repeat(indent);
                for line in text {
                    self.push(format!("{shift}{line}"));
                }
            }
        }
        self.close(path, start);
        Ok(())
    }

    /// Before an entry: its blank line, its comment lines; from here on, commented out if asked.
    fn open(&mut self, path: &str, indent: usize) {
        if self.comments.blank_before.contains(path) {
            self.lines.push(String::new());
        }
        if let Some(lines) = self.comments.before.get(path) {
            for l in lines {
                let line = format!("{}# {}", " ".repeat(indent), one_line(l));
                self.push(line);
            }
        }
        if self.comments.commented_out.contains(path) {
            self.commenting = true;
        }
        self.placed.insert(path.to_string());
    }

    /// After an entry written from line `start`: its trailing comment; commenting out ends.
    fn close(&mut self, path: &str, start: usize) {
        if let Some(text) = self.comments.trailing.get(path)
            && let Some(line) = self.lines.get_mut(start)
        {
            let pad = TRAILING_COLUMN.saturating_sub(line.chars().count()).max(2);
            line.push_str(&" ".repeat(pad));
            line.push_str("# ");
            line.push_str(&one_line(text));
        }
        if self.comments.commented_out.contains(path) {
            self.commenting = false;
        }
    }

    fn push(&mut self, line: String) {
        if self.commenting {
            self.lines.push(format!("# {line}"));
        } else {
            self.lines.push(line);
        }
    }
}

/// A mapping key as written: the model's keys are strings (field names, rule ids, phases).
fn key_text(key: &Value) -> Result<String, Error> {
    let lines = scalar(key)?;
    match lines.as_slice() {
        [one] => Ok(one.clone()),
        _ => Err(Error::Serialise(serde::ser::Error::custom(
            "clé sur plusieurs lignes",
        ))),
    }
}

/// A scalar as serde_yaml writes it: one line, or a block scalar's header and lines.
fn scalar(value: &Value) -> Result<Vec<String>, Error> {
    let text = serde_yaml::to_string(value)?;
    Ok(text
        .trim_end_matches('\n')
        .lines()
        .map(str::to_string)
        .collect())
}

/// `[a, b]` when every item is a one-line scalar that reads the same inside brackets, and the
/// whole is short; `None` for a list to write one item a line.
fn flow(items: &[Value]) -> Result<Option<String>, Error> {
    let mut parts = Vec::with_capacity(items.len());
    for item in items {
        if matches!(
            item,
            Value::Mapping(_) | Value::Sequence(_) | Value::Tagged(_)
        ) {
            return Ok(None);
        }
        let lines = scalar(item)?;
        let [text] = lines.as_slice() else {
            return Ok(None);
        };
        // A plain scalar may hold what brackets give a meaning to; a quoted one is whole. `?`,
        // `:` and `#` are read inside brackets by some parsers (PyYAML, yamllint) as a key or a
        // comment, where serde_yaml reads text: the block form reads the same in all of them.
        let quoted = text.starts_with(['\'', '"']);
        if !quoted && text.contains([',', '[', ']', '{', '}', '?', ':', '#']) {
            return Ok(None);
        }
        parts.push(text.clone());
    }
    let inline = format!("[{}]", parts.join(", "));
    Ok((items.is_empty() || inline.chars().count() <= FLOW_WIDTH).then_some(inline))
}

/// Text for a `# comment` line: on one line, without what YAML forbids.
pub fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| {
            if yaml_printable(c) && c != '\t' {
                c
            } else {
                ' '
            }
        })
        .collect()
}

/// The characters YAML allows as they are (its « printable » set), without the ones YAML 1.1
/// (serde_yaml's parser) reads as line breaks: NEL, U+2028, U+2029.
pub fn yaml_printable(c: char) -> bool {
    (matches!(c, '\t' | ' '..='~' | '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}')
        || c >= '\u{10000}')
        && !matches!(c, '\u{2028}' | '\u{2029}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize, serde::Deserialize, Debug, PartialEq)]
    struct Doc {
        title: String,
        tags: Vec<String>,
        items: Vec<Item>,
        empty: Vec<String>,
    }

    #[derive(Serialize, serde::Deserialize, Debug, PartialEq)]
    struct Item {
        quote: String,
        nested: Vec<Vec<String>>,
    }

    fn tricky() -> Vec<String> {
        [
            "une ligne\npuis une autre\n",
            "  indentée\nsuite",
            "clé : valeur: oui # pas un commentaire",
            "« guillemets » et 'apostrophes' et \"doubles\"",
            "a, b [c] {d}",
            "- tiret",
            "#dièse",
            "yes",
            "123",
            "",
            "a'b\"c\\d\u{1}e\u{7f}f\u{85}g\u{9f}h\u{2028}i\u{fffe}j\tk\nl é 😀",
            "fin d'une ligne \nsuite",
        ]
        .into_iter()
        .map(str::to_string)
        .collect()
    }

    #[test]
    fn every_value_comes_back_as_it_was() {
        let items: Vec<Item> = tricky()
            .into_iter()
            .map(|q| Item {
                quote: q.clone(),
                nested: vec![vec![q.clone()], vec![]],
            })
            .collect();
        let doc = Doc {
            title: "titre\nsur deux lignes".to_string(),
            tags: tricky(),
            items,
            empty: vec![],
        };
        let mut c = Comments::default();
        c.header("en-tête")
            .before("items[0]", "avant le premier")
            .trailing("items[1].quote", "après\nla citation")
            .blank_before("items[2]");
        let text = to_string(&doc, &c).expect("writes");
        let back: Doc = serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        assert_eq!(back, doc, "{text}");
        assert!(text.starts_with("# en-tête\n"), "{text}");
        assert!(text.contains("  # avant le premier\n  - quote:"), "{text}");
        assert!(text.contains("# après la citation\n"), "{text}");
    }

    #[test]
    fn commented_out_entries_and_flow_lists() {
        #[derive(Serialize)]
        struct S {
            short: Vec<u32>,
            hidden: BTreeMap<String, Vec<String>>,
        }
        let s = S {
            short: vec![1, 2],
            hidden: BTreeMap::from([("k".to_string(), vec!["v".to_string(); 30])]),
        };
        let mut c = Comments::default();
        c.commented_out("hidden").trailing("short", "note");
        let text = to_string(&s, &c).expect("writes");
        assert_eq!(
            text,
            format!(
                "short: [1, 2]{}# note\n# hidden:\n#   k:\n{}",
                " ".repeat(TRAILING_COLUMN - 13),
                "#     - v\n".repeat(30)
            )
        );
    }

    #[test]
    fn a_comment_on_a_missing_path_is_an_error() {
        let mut c = Comments::default();
        c.trailing("nowhere", "x");
        let err = to_string(&BTreeMap::from([("a", 1)]), &c).expect_err("unplaced");
        assert!(matches!(err, Error::Unplaced(p) if p == ["nowhere"]));
    }

    #[test]
    fn comments_stay_on_one_line() {
        assert_eq!(one_line("x\ny\u{1}z\u{2028}"), "x y z ");
    }
}
