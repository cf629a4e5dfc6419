//! The draft as YAML, by hand so that it can carry `# à vérifier` comments; and the summary
//! printed on stderr.

use std::fmt::Write;

use super::Found;

/// A YAML double-quoted scalar (JSON string syntax is valid YAML).
pub fn double(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string())
}

/// A YAML single-quoted scalar: the natural way to write a regex.
pub fn single(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
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
    let _ = writeln!(y, "extends: [place]");
    let _ = writeln!(y);
    let _ = writeln!(y, "sources:");
    let _ = writeln!(y, "  rc: {}", double(title));
    if !found.deadlines.is_empty() {
        let _ = writeln!(y);
        let _ = writeln!(y, "deadlines:");
        for d in &found.deadlines {
            let _ = writeln!(y, "  # {} : « {} »", d.section, d.quote.replace('\n', " "));
            if let Some(why) = &d.doubt {
                let _ = writeln!(y, "  # à vérifier : {why}");
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
            let _ = writeln!(y, "  # à vérifier : {d}");
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
