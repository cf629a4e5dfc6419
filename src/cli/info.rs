//! `packs`, `rules`, `explain`: what the built-in packs contain, for humans.

use std::path::Path;
use std::process::ExitCode;

use comfy_table::{ContentArrangement, Table, presets};
use miette::miette;

use bidlint::engine::source_out;
use bidlint::pack::model::Severity;
use bidlint::pack::{self, CompiledRule, PackSet, builtin};
use bidlint::report::i18n::Lang;

fn phases(r: &CompiledRule) -> String {
    match &r.def.phases {
        None => "toutes".to_string(),
        Some(p) => p.iter().map(|x| x.as_str()).collect::<Vec<_>>().join(", "),
    }
}

fn table() -> Table {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED);
    t.set_content_arrangement(ContentArrangement::Dynamic);
    if !std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        t.set_width(120);
    }
    t
}

pub fn packs() -> Result<ExitCode, miette::Report> {
    let mut t = table();
    t.set_header(vec!["id", "titre", "version", "phases", "règles"]);
    for id in builtin::ids() {
        let set = pack::load(&[id.to_string()], Path::new("."))?;
        let info = set
            .packs
            .iter()
            .find(|p| p.id == id)
            .ok_or_else(|| miette!("pack {id} vide"))?;
        let mut ph: Vec<&str> = set
            .rules
            .iter()
            .flat_map(|r| r.def.phases.iter().flatten().map(|p| p.as_str()))
            .collect();
        ph.sort();
        ph.dedup();
        let phases = if ph.is_empty() {
            "toutes".to_string()
        } else {
            ph.join(", ")
        };
        t.add_row(vec![
            id.to_string(),
            info.title.clone(),
            info.version.clone(),
            phases,
            set.rules.len().to_string(),
        ]);
    }
    println!("{t}");
    Ok(ExitCode::SUCCESS)
}

pub fn rules(spec: Option<&str>) -> Result<ExitCode, miette::Report> {
    let specs: Vec<String> = match spec {
        Some(s) => vec![s.to_string()],
        None => builtin::ids().iter().map(|s| s.to_string()).collect(),
    };
    let set = pack::load(&specs, Path::new("."))?;
    let mut t = table();
    t.set_header(vec!["règle", "gravité", "phases", "exigence", "source"]);
    for r in &set.rules {
        // A rule a pack switched off (`overrides: enabled: false`) is listed, and says so.
        let word = Lang::Fr.severity(r.def.severity);
        let severity = if r.def.enabled {
            word.to_string()
        } else {
            format!("{word} (désactivée)")
        };
        t.add_row(vec![
            r.def.id.clone(),
            severity,
            phases(r),
            r.def.title.clone(),
            format!("{} — {}", r.source_doc.title(), r.def.source.section),
        ]);
    }
    println!("{t}");
    print_notes(&set);
    Ok(ExitCode::SUCCESS)
}

fn print_notes(set: &PackSet) {
    for p in &set.packs {
        for n in &p.notes {
            println!("Note ({}) : {n}", p.id);
        }
    }
}

pub fn explain(rule: &str, spec: Option<&str>) -> Result<ExitCode, miette::Report> {
    let specs: Vec<String> = match spec {
        Some(s) => vec![s.to_string()],
        None => builtin::ids().iter().map(|s| s.to_string()).collect(),
    };
    // Ids are matched whatever their case (`caih-nom-30` is CAIH-NOM-30); an unknown one gets
    // the nearest id of the packs searched.
    let mut found = None;
    let mut ids: Vec<String> = Vec::new();
    for s in &specs {
        let set = pack::load(std::slice::from_ref(s), Path::new("."))?;
        if let Some(r) = set.rule(rule).or_else(|| {
            set.rules
                .iter()
                .find(|r| r.def.id.eq_ignore_ascii_case(rule))
        }) {
            found = Some(r.clone());
            break;
        }
        ids.extend(set.rules.iter().map(|r| r.def.id.clone()));
    }
    let Some(r) = found else {
        let help = match bidlint::text::nearest(rule, ids.iter().map(String::as_str)) {
            Some(id) => format!("vouliez-vous dire `{id}` ? (`bidlint explain {id}`)"),
            None => "`bidlint rules --pack <pack>` liste les identifiants".to_string(),
        };
        return Err(miette!(help = help, "règle inconnue : {rule}"));
    };
    let src = source_out(&r);
    let mut out = String::new();
    out.push_str(&format!("{} — {}\n\n", r.def.id, r.def.title));
    out.push_str(&format!("Pack        : {}\n", r.pack));
    out.push_str(&format!("Gravité     : {}\n", severity_fr(r.def.severity)));
    out.push_str(&format!("Phases      : {}\n", phases(&r)));
    out.push_str(&format!("Source      : {}", src.document));
    if let Some(reference) = &src.reference {
        out.push_str(&format!(" ({reference})"));
    }
    out.push_str(&format!("\nSection     : {}\n\nCitation :\n", src.section));
    for line in src.quote.lines() {
        out.push_str(&format!("  « {} »\n", line.trim()));
    }
    out.push_str(&format!(
        "\nCe qui est vérifié :\n{}\n",
        indent(&describe_check(&r))
    ));
    out.push_str(&format!(
        "\nComment corriger :\n{}\n",
        indent(&r.def.help_for(None))
    ));
    print!("{out}");
    Ok(ExitCode::SUCCESS)
}

fn describe_check(r: &CompiledRule) -> String {
    let mut lines = r.def.check.describe();
    // The kind, for those who write packs (`bidlint rules`, docs/pack-format.md).
    lines.push(format!("(contrôle `{}`)", r.def.check.kind()));
    lines.join("\n")
}

/// A severity as the reports say it: what it means for the bid.
fn severity_fr(s: Severity) -> &'static str {
    match s {
        Severity::Error => "bloquant (cause de rejet ou exigence minimale)",
        Severity::Warning => "avertissement (demande de forme qui n'exclut pas)",
        Severity::Info => "information",
    }
}

fn indent(s: &str) -> String {
    s.lines()
        .map(|l| format!("  {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}
