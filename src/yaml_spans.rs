//! Where each value of a YAML document stands, by path (`rules[3].check.names[0]`).
//!
//! serde tells us *what* is wrong with a value only while it deserializes; checks made after
//! that (an invalid regex, a duplicate id, an unknown rule in an override) need the value's
//! position to point the user at the right line and column. We get it from a second,
//! event-level parse with yaml-rust2, which marks every event with its byte offset.

use std::collections::HashMap;

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;

/// A path to a value of a YAML document, as the index keys it and diagnostics name it:
/// `rules[3].check.names[0]`. Built with [`YamlPath::key`] and [`YamlPath::index`], so that
/// every layer (this index, the diagnostics, the commented writer) spells paths alike.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct YamlPath(String);

impl YamlPath {
    /// The document itself.
    pub fn root() -> YamlPath {
        YamlPath::default()
    }

    /// The value of mapping key `key` below this path.
    pub fn key(&self, key: &str) -> YamlPath {
        if self.0.is_empty() {
            YamlPath(key.to_string())
        } else {
            YamlPath(format!("{}.{key}", self.0))
        }
    }

    /// Item `i` of the sequence at this path.
    pub fn index(&self, i: usize) -> YamlPath {
        YamlPath(format!("{}[{i}]", self.0))
    }

    /// `rel`, a path relative to this one, below it.
    pub fn join(&self, rel: &YamlPath) -> YamlPath {
        if rel.0.is_empty() {
            self.clone()
        } else if rel.0.starts_with('[') || self.0.is_empty() {
            YamlPath(format!("{}{}", self.0, rel.0))
        } else {
            YamlPath(format!("{}.{}", self.0, rel.0))
        }
    }

    /// `a.b[2].c` → `a.b[2]` → `a.b` → `a` → `` → None.
    pub fn parent(&self) -> Option<YamlPath> {
        if self.0.is_empty() {
            return None;
        }
        let cut = self.0.rfind(['.', '[']).unwrap_or(0);
        Some(YamlPath(self.0[..cut].to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A path written out whole (`"candidate.form"`, `"max_total"`).
impl From<&str> for YamlPath {
    fn from(path: &str) -> YamlPath {
        YamlPath(path.to_string())
    }
}

impl std::ops::Deref for YamlPath {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for YamlPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A byte range in the source, for miette labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub offset: usize,
    pub len: usize,
}

/// Positions of the values (and of the mapping keys) of one YAML document.
#[derive(Debug, Default, Clone)]
pub struct SpanIndex {
    values: HashMap<String, Span>,
    keys: HashMap<String, Span>,
}

impl SpanIndex {
    /// Index `source`. A document that does not parse yields an empty index: serde reports
    /// the syntax error itself, with its own position.
    pub fn new(source: &str) -> SpanIndex {
        let mut builder = Builder::default();
        let mut parser = Parser::new_from_str(source);
        if parser.load(&mut builder, false).is_err() {
            return SpanIndex::default();
        }
        // yaml-rust2 counts characters; miette (and slicing) needs byte offsets.
        let bytes_at: Vec<usize> = source
            .char_indices()
            .map(|(b, _)| b)
            .chain([source.len()])
            .collect();
        let to_bytes = |span: Span| {
            let start = bytes_at.get(span.offset).copied().unwrap_or(source.len());
            let end = bytes_at
                .get(span.offset + span.len)
                .copied()
                .unwrap_or(source.len());
            Span {
                offset: start,
                len: end.saturating_sub(start),
            }
        };
        let convert =
            |m: HashMap<String, Span>| m.into_iter().map(|(k, v)| (k, to_bytes(v))).collect();
        SpanIndex {
            values: convert(builder.values),
            keys: convert(builder.keys),
        }
    }

    /// The value at `path`, or the closest enclosing value that has a position.
    pub fn value(&self, path: &str) -> Span {
        let mut p = YamlPath::from(path);
        loop {
            if let Some(s) = self.values.get(p.as_str()) {
                return *s;
            }
            match p.parent() {
                Some(up) => p = up,
                None => return Span { offset: 0, len: 0 },
            }
        }
    }

    /// The first key below `prefix` named `key` (for an "unknown field" that serde could only
    /// place at an enclosing value, as with internally tagged enums).
    pub fn key_named_under(&self, prefix: &str, key: &str) -> Option<Span> {
        let suffix = format!(".{key}");
        self.keys
            .iter()
            .filter(|(p, _)| {
                (prefix.is_empty() || p.starts_with(prefix))
                    && (p.ends_with(&suffix) || p.as_str() == key)
            })
            .map(|(_, s)| *s)
            .min_by_key(|s| s.offset)
    }

    /// The first value below `prefix` whose text is `text` (for an "unknown variant").
    pub fn value_text_under(&self, source: &str, prefix: &str, text: &str) -> Option<Span> {
        self.values
            .iter()
            .filter(|(p, s)| {
                (prefix.is_empty() || p.starts_with(prefix))
                    && source
                        .get(s.offset..s.offset + s.len)
                        .is_some_and(|t| t.trim_matches(['"', '\'']) == text)
            })
            .map(|(_, s)| *s)
            .min_by_key(|s| s.offset)
    }

    /// The key of the mapping entry at `path` (for "unknown field" errors), else its value.
    pub fn key(&self, path: &str) -> Span {
        self.keys
            .get(path)
            .copied()
            .unwrap_or_else(|| self.value(path))
    }
}

enum Frame {
    Mapping { key: Option<String> },
    Sequence { index: usize },
}

#[derive(Default)]
struct Builder {
    stack: Vec<(YamlPath, Frame)>,
    values: HashMap<String, Span>,
    keys: HashMap<String, Span>,
}

impl Builder {
    /// Path of the value the next event describes.
    fn current_path(&self) -> YamlPath {
        match self.stack.last() {
            None => YamlPath::root(),
            Some((base, Frame::Mapping { key: Some(k) })) => base.key(k),
            Some((base, Frame::Mapping { key: None })) => base.clone(),
            Some((base, Frame::Sequence { index })) => base.index(*index),
        }
    }

    /// After a complete value: a mapping waits for its next key, a sequence moves on.
    fn value_done(&mut self) {
        match self.stack.last_mut() {
            Some((_, Frame::Mapping { key })) => *key = None,
            Some((_, Frame::Sequence { index })) => *index += 1,
            None => {}
        }
    }

    fn expecting_key(&self) -> bool {
        matches!(self.stack.last(), Some((_, Frame::Mapping { key: None })))
    }
}

impl MarkedEventReceiver for Builder {
    fn on_event(&mut self, ev: Event, mark: Marker) {
        let at = |len: usize| Span {
            offset: mark.index(),
            len,
        };
        match ev {
            Event::Scalar(text, ..) => {
                if self.expecting_key() {
                    let base = self
                        .stack
                        .last()
                        .map(|(b, _)| b.clone())
                        .unwrap_or_default();
                    self.keys
                        .insert(base.key(&text).0, at(text.chars().count()));
                    if let Some((_, Frame::Mapping { key })) = self.stack.last_mut() {
                        *key = Some(text);
                    }
                } else {
                    self.values
                        .insert(self.current_path().0, at(text.chars().count().max(1)));
                    self.value_done();
                }
            }
            Event::Alias(_) if !self.expecting_key() => {
                self.values.insert(self.current_path().0, at(1));
                self.value_done();
            }
            Event::MappingStart(..) => {
                let path = self.current_path();
                self.values.insert(path.0.clone(), at(1));
                self.stack.push((path, Frame::Mapping { key: None }));
            }
            Event::SequenceStart(..) => {
                let path = self.current_path();
                self.values.insert(path.0.clone(), at(1));
                self.stack.push((path, Frame::Sequence { index: 0 }));
            }
            Event::MappingEnd | Event::SequenceEnd => {
                self.stack.pop();
                self.value_done();
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_values_and_keys() {
        let src = "pack: é\nrules:\n  - id: A\n    check: { kind: piece, names: [a, bé] }\n";
        let idx = SpanIndex::new(src);
        let names1 = idx.value("rules[0].check.names[1]");
        assert_eq!(&src[names1.offset..names1.offset + names1.len], "bé");
        let id = idx.value("rules[0].id");
        assert_eq!(&src[id.offset..id.offset + id.len], "A");
        let key = idx.key("rules[0].check");
        assert_eq!(&src[key.offset..key.offset + key.len], "check");
        // Unknown paths fall back to the closest known ancestor.
        assert_eq!(idx.value("rules[0].id.nothing"), id);
    }

    #[test]
    fn paths_are_built_as_the_index_keys_them() {
        let rule = YamlPath::root().key("rules").index(3);
        assert_eq!(
            rule.key("check").key("names").index(0).as_str(),
            "rules[3].check.names[0]"
        );
        assert_eq!(
            rule.join(&"check.select".into()).as_str(),
            "rules[3].check.select"
        );
        assert_eq!(rule.join(&YamlPath::root()).as_str(), "rules[3]");
        assert_eq!(YamlPath::root().join(&"max".into()).as_str(), "max");
        assert_eq!(
            rule.parent().map(|p| p.to_string()),
            Some("rules".to_string())
        );
        let src = "rules:\n  - id: A\n    check: { names: [x] }\n";
        let idx = SpanIndex::new(src);
        let at = idx.value(
            &YamlPath::from("rules")
                .index(0)
                .key("check")
                .key("names")
                .index(0),
        );
        assert_eq!(&src[at.offset..at.offset + at.len], "x");
    }
}
