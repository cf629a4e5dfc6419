//! Diagnostics for the YAML files users write (packs and manifests): each problem points at
//! the file, line and column, with a hint on how to fix it.

use std::sync::Arc;

use miette::{Diagnostic, NamedSource, SourceSpan};
use thiserror::Error;

use crate::yaml_spans::{Span, SpanIndex};

/// A YAML source kept for diagnostics: its name (path) and text, with positions of its values.
#[derive(Debug, Clone)]
pub struct YamlSource {
    pub name: String,
    pub text: Arc<str>,
    pub spans: SpanIndex,
}

impl YamlSource {
    pub fn new(name: impl Into<String>, text: impl Into<Arc<str>>) -> YamlSource {
        let text = text.into();
        let spans = SpanIndex::new(&text);
        YamlSource {
            name: name.into(),
            text,
            spans,
        }
    }

    /// A problem with the value at `path`.
    pub fn at_value(&self, path: &str, message: impl Into<String>) -> YamlProblem {
        self.problem(self.spans.value(path), message)
    }

    /// A problem with the key of the entry at `path`.
    pub fn at_key(&self, path: &str, message: impl Into<String>) -> YamlProblem {
        self.problem(self.spans.key(path), message)
    }

    pub fn problem(&self, span: Span, message: impl Into<String>) -> YamlProblem {
        let (offset, len) = self.clamp(span);
        YamlProblem {
            message: message.into(),
            src: NamedSource::new(self.name.clone(), self.text.clone()),
            span: (offset, len).into(),
            label: "ici".to_string(),
            help: None,
        }
    }

    /// The span inside the text, on character boundaries: serde_yaml marks "end of input" one
    /// byte past an empty or truncated text, and miette would not show an outside label.
    fn clamp(&self, span: Span) -> (usize, usize) {
        let text = &*self.text;
        let mut start = span.offset.min(text.len());
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = span
            .offset
            .saturating_add(span.len)
            .clamp(start, text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        (start, end - start)
    }

    /// Line and column (1-based) of a byte offset, for plain-text messages.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let before = &self.text[..offset.min(self.text.len())];
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        (line, col)
    }

    /// serde places errors inside internally tagged enums (`check:`) at the enclosing value;
    /// find the offending key or value below that path instead.
    fn refine(&self, message: &str) -> Option<Span> {
        let (path, rest) = split_path(message);
        let prefix = path.unwrap_or("");
        let quoted = rest.split('`').nth(1)?;
        if rest.starts_with("unknown field ") {
            self.spans.key_named_under(prefix, quoted)
        } else if rest.starts_with("unknown variant ") {
            self.spans.value_text_under(&self.text, prefix, quoted)
        } else {
            None
        }
    }

    /// Turn a serde_yaml error (syntax, unknown field, wrong type…) into a diagnostic, with a
    /// "did you mean" for a misspelt field.
    pub fn from_serde(&self, err: &serde_yaml::Error) -> YamlProblem {
        let full = err.to_string();
        // serde_yaml appends " at line L column C" to its message; the span already says it.
        let message = match full.find(" at line ") {
            Some(cut) => full[..cut].to_string(),
            None => full.clone(),
        };
        let span = match err.location() {
            Some(loc) => Span {
                offset: loc.index(),
                len: 1,
            },
            None => Span { offset: 0, len: 0 },
        };
        let span = self.refine(&message).unwrap_or(span);
        let mut problem = self.problem(span, translate_serde(&message));
        problem.help = did_you_mean(&message);
        problem
    }
}

/// One problem in a YAML file.
#[derive(Debug, Error, Diagnostic)]
#[error("{message}")]
pub struct YamlProblem {
    pub message: String,
    #[source_code]
    pub src: NamedSource<Arc<str>>,
    #[label("{label}")]
    pub span: SourceSpan,
    pub label: String,
    #[help]
    pub help: Option<String>,
}

impl YamlProblem {
    pub fn with_help(mut self, help: impl Into<String>) -> YamlProblem {
        self.help = Some(help.into());
        self
    }
    pub fn with_label(mut self, label: impl Into<String>) -> YamlProblem {
        self.label = label.into();
        self
    }
}

/// All the problems found in one file (or in a pack and the packs it extends).
#[derive(Debug, Error, Diagnostic)]
#[error("{summary}")]
pub struct YamlProblems {
    pub summary: String,
    #[related]
    pub problems: Vec<YamlProblem>,
}

impl YamlProblems {
    pub fn new(what: &str, problems: Vec<YamlProblem>) -> YamlProblems {
        let n = problems.len();
        let summary = if n == 1 {
            format!("{what} : 1 problème")
        } else {
            format!("{what} : {n} problèmes")
        };
        YamlProblems { summary, problems }
    }
}

/// Users read these messages: keep serde's facts, say them in French.
fn translate_serde(message: &str) -> String {
    let (path, rest) = split_path(message);
    let fr = if let Some(r) = rest.strip_prefix("unknown field ") {
        let field = r.split(',').next().unwrap_or(r);
        format!("champ inconnu {field}")
    } else if let Some(r) = rest.strip_prefix("unknown variant ") {
        let (value, expected) = r.split_once(", expected").unwrap_or((r, ""));
        let expected = expected
            .trim()
            .replace("one of ", "l'une de ")
            .replace("expected ", "");
        format!("valeur inconnue {value} (attendu : {expected})")
    } else if let Some(r) = rest.strip_prefix("missing field ") {
        format!("champ obligatoire manquant : {r}")
    } else if let Some(r) = rest.strip_prefix("invalid type: ") {
        let (found, expected) = r.split_once(", expected ").unwrap_or((r, ""));
        format!(
            "type invalide : {} trouvé, {} attendu",
            value_fr(found),
            expected_fr(expected)
        )
    } else if let Some(r) = rest.strip_prefix("invalid value: ") {
        let (found, expected) = r.split_once(", expected ").unwrap_or((r, ""));
        format!(
            "valeur invalide : {}, {} attendu",
            value_fr(found),
            expected_fr(expected)
        )
    } else if let Some(r) = rest.strip_prefix("duplicate field ") {
        format!("champ en double : {r}")
    } else if let Some(fr) = syntax_fr(rest) {
        fr.to_string()
    } else {
        rest.to_string()
    };
    match path {
        Some(p) => format!("{p} : {fr}"),
        None => fr,
    }
}

/// A value as serde describes it (« string "oui" », « integer `5` », « map »), in French.
fn value_fr(v: &str) -> String {
    let v = v.trim();
    for (en, fr) in [
        ("string ", "le texte "),
        ("integer ", "le nombre "),
        ("floating point ", "le nombre "),
        ("boolean ", "le booléen "),
        ("character ", "le caractère "),
    ] {
        if let Some(rest) = v.strip_prefix(en) {
            return format!("{fr}{rest}");
        }
    }
    match v {
        "map" => "une table (clé: valeur)".to_string(),
        "sequence" => "une liste".to_string(),
        "unit value" | "null" => "une valeur vide".to_string(),
        other => other.to_string(),
    }
}

/// What serde expected (« a boolean », « a sequence », « u8 »), in French.
fn expected_fr(e: &str) -> String {
    let e = e.trim();
    match e {
        "a boolean" => "un booléen (true ou false)".to_string(),
        "a string" => "un texte".to_string(),
        "a sequence" => "une liste ([a, b] ou des lignes « - »)".to_string(),
        "a map" => "une table (clé: valeur)".to_string(),
        "u8" | "u16" | "u32" | "u64" | "usize" | "i64" | "an integer" => {
            "un nombre entier".to_string()
        }
        "a string or a list of strings" => "un texte ou une liste de textes".to_string(),
        _ if e.starts_with("struct ") => "une table de champs".to_string(),
        _ if e.contains("enum") => "l'une des valeurs permises".to_string(),
        other => other.to_string(),
    }
}

/// serde_yaml's syntax errors, in French, with what usually causes them.
fn syntax_fr(message: &str) -> Option<&'static str> {
    const SYNTAX: [(&str, &str); 8] = [
        (
            "did not find expected key",
            "clé attendue introuvable : vérifiez l'indentation (espaces, pas de tabulation) et les deux-points",
        ),
        (
            "mapping values are not allowed in this context",
            "deux-points inattendu : une valeur qui contient « : » doit être entre guillemets",
        ),
        (
            "found character that cannot start any token",
            "caractère inattendu (tabulation, @ ou ` en début de valeur ?) : mettez la valeur entre guillemets",
        ),
        (
            "did not find expected '-' indicator",
            "élément de liste attendu (« - ») : vérifiez l'indentation de la liste",
        ),
        (
            "could not find expected ':'",
            "deux-points attendu après la clé",
        ),
        (
            "found unexpected end of stream",
            "fin de fichier inattendue : guillemet ou crochet non refermé ?",
        ),
        (
            "did not find expected node content",
            "valeur attendue introuvable : vérifiez l'indentation et les crochets",
        ),
        (
            "found duplicate key",
            "clé en double : chaque clé ne doit apparaître qu'une fois à ce niveau",
        ),
    ];
    SYNTAX
        .iter()
        .find(|(en, _)| message.contains(en))
        .map(|(_, fr)| *fr)
}

/// serde_yaml prefixes messages with the path (`rules[2].check: unknown field …`).
fn split_path(message: &str) -> (Option<&str>, &str) {
    match message.split_once(": ") {
        Some((p, rest)) if !p.contains(' ') && !p.is_empty() => (Some(p), rest),
        _ => (None, message),
    }
}

/// For `unknown field `x`, expected one of `a`, `b``: the closest expected name.
fn did_you_mean(message: &str) -> Option<String> {
    let (_, rest) = split_path(message);
    let r = rest
        .strip_prefix("unknown field ")
        .or_else(|| rest.strip_prefix("unknown variant "))?;
    let mut quoted = r.split('`').skip(1).step_by(2);
    let given = quoted.next()?;
    let best = quoted
        .map(|cand| (strsim::jaro_winkler(given, cand), cand))
        .filter(|(score, _)| *score > 0.75)
        .max_by(|a, b| a.0.total_cmp(&b.0))?;
    Some(format!("vouliez-vous dire `{}` ?", best.1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_closest_field() {
        let m = "members[0]: unknown field `shrot`, expected one of `name`, `short`, `siret`";
        assert_eq!(
            did_you_mean(m).as_deref(),
            Some("vouliez-vous dire `short` ?")
        );
        assert_eq!(translate_serde(m), "members[0] : champ inconnu `shrot`");
        assert!(did_you_mean("unknown field `zzzzzz`, expected `name`").is_none());
    }

    /// Found by the `manifest` fuzz target: serde_yaml places "end of input" one byte past an
    /// empty text, and a span may end inside a multi-byte character.
    #[test]
    fn labels_stay_inside_the_text_on_character_boundaries() {
        let empty = YamlSource::new("bid.yaml", "");
        assert_eq!(empty.clamp(Span { offset: 0, len: 1 }), (0, 0));
        let accent = YamlSource::new("bid.yaml", "a: é");
        // « é » is bytes 3..5: a span from 4 widens to the whole character, one past the end
        // comes back to the end.
        assert_eq!(accent.clamp(Span { offset: 4, len: 1 }), (3, 2));
        assert_eq!(accent.clamp(Span { offset: 9, len: 3 }), (5, 0));
        let e: serde_yaml::Error =
            serde_yaml::from_str::<serde_yaml::Value>("a: [").expect_err("truncated");
        let p = accent.from_serde(&e);
        assert!(p.span.offset() + p.span.len() <= accent.text.len());
    }

    #[test]
    fn serde_messages_are_said_in_french() {
        assert_eq!(
            translate_serde("members[0].hosting: invalid type: string \"oui\", expected a boolean"),
            "members[0].hosting : type invalide : le texte \"oui\" trouvé, un booléen (true ou false) attendu"
        );
        assert!(
            translate_serde("did not find expected key while parsing a block mapping")
                .starts_with("clé attendue introuvable")
        );
        let e: serde_yaml::Error =
            serde_yaml::from_str::<serde_yaml::Value>("a: b: c").expect_err("syntax");
        assert!(
            translate_serde(&e.to_string()).starts_with("deux-points inattendu"),
            "{e}"
        );
    }

    #[test]
    fn line_and_column_are_one_based_and_count_characters() {
        let s = YamlSource::new("x.yaml", "a: é\nbb: 1\n");
        assert_eq!(s.line_col(0), (1, 1));
        assert_eq!(s.line_col(6), (2, 1));
        assert_eq!(s.line_col(8), (2, 3));
    }
}
