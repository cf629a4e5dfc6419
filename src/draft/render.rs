//! The draft as YAML, by hand so that it can carry `# à vérifier` comments; and the summary
//! printed on stderr.

use std::fmt::Write;

use super::Found;

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

/// Text for a `# comment` line: on one line, without what YAML forbids.
pub fn comment(s: &str) -> String {
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
fn yaml_printable(c: char) -> bool {
    (matches!(c, '\t' | ' '..='~' | '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}')
        || c >= '\u{10000}')
        && !matches!(c, '\u{2028}' | '\u{2029}')
}

pub fn pack(id: &str, title: &str, found: &Found) -> String {
    let mut y = String::new();
    let _ = writeln!(
        y,
        "# BROUILLON généré par `bidlint draft-pack` : à relire avant tout usage."
    );
    let _ = writeln!(
        y,
        "# Chaque règle cite la phrase du RC dont elle vient ; les lignes « # à vérifier »"
    );
    let _ = writeln!(
        y,
        "# signalent une lecture incertaine. Prouver les citations :"
    );
    let _ = writeln!(y, "#   bidlint validate-pack CE_FICHIER --sources rc=LE_RC");
    let _ = writeln!(y, "pack: {}", double(id));
    let _ = writeln!(y, "title: {}", double(title));
    let _ = writeln!(y, "version: \"0.1-brouillon\"");
    if found.place {
        let _ = writeln!(y, "extends: [place]");
    }
    let _ = writeln!(y);
    let _ = writeln!(y, "sources:");
    let _ = writeln!(y, "  rc: {}", double(title));
    if !found.deadlines.is_empty() {
        let _ = writeln!(y);
        let _ = writeln!(y, "deadlines:");
        for d in &found.deadlines {
            let _ = writeln!(y, "  # {} : « {} »", comment(&d.section), comment(&d.quote));
            if let Some(why) = &d.doubt {
                let _ = writeln!(y, "  # à vérifier : {}", comment(why));
            }
            let _ = writeln!(y, "  {}: {}", d.phase, double(&d.date));
        }
    }
    if let Some(lots) = &found.lots {
        let _ = writeln!(y);
        if lots.is_empty() {
            let _ = writeln!(y, "lots: []");
        } else {
            let _ = writeln!(y, "lots:");
            for (i, t) in lots {
                let _ = writeln!(y, "  - {{ id: {i}, title: {} }}", double(t));
            }
        }
    }
    let _ = writeln!(y);
    let _ = writeln!(y, "notes:");
    let _ = writeln!(
        y,
        "  - \"Brouillon généré automatiquement : relire chaque règle, sa citation et sa sévérité ; ajouter les points à contrôler à la main (kind: manual).\""
    );
    for n in &found.notes {
        let _ = writeln!(y, "  - {}", double(n));
    }
    let _ = writeln!(y);
    let _ = writeln!(y, "rules:");
    let mut family = "";
    for r in &found.rules {
        if r.family != family {
            family = r.family;
            let _ = writeln!(y, "  # --- {family} ---");
        }
        for d in &r.doubts {
            let _ = writeln!(y, "  # à vérifier : {}", comment(d));
        }
        let _ = writeln!(y, "  - id: {}", r.id);
        let _ = writeln!(y, "    title: {}", double(&r.title));
        let _ = writeln!(y, "    severity: {}", r.severity);
        if let Some(p) = r.phases {
            let _ = writeln!(y, "    phases: {p}");
        }
        if let Some(w) = &r.when {
            let _ = writeln!(y, "    when: {w}");
        }
        let _ = writeln!(y, "    source:");
        let _ = writeln!(y, "      doc: rc");
        let _ = writeln!(y, "      section: {}", double(&r.section));
        let _ = writeln!(y, "      quote: {}", double(&r.quote));
        let _ = writeln!(y, "    help: {}", double(&r.help));
        let _ = writeln!(y, "    check:");
        for l in &r.check {
            let _ = writeln!(y, "      {l}");
        }
        let _ = writeln!(y);
    }
    y
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
        let c = comment("x\ny\u{1}z\u{2028}");
        assert_eq!(c, "x y z ");
    }
}
