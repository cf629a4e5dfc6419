//! `--lang en`: a report with no French of bidlint's own. Every fixture is checked in English;
//! what may stay French is not bidlint's: the packs' words (titles, labels, quotes), the bid's
//! (file names, members, what a document says, quoted or as an excerpt).

use std::path::Path;

use regex::Regex;
use serde_json::Value;
use walkdir::WalkDir;

use crate::common::{check_json, fixture_bids, repo, shared_cache};

/// Every string of a YAML document (keys and values).
fn yaml_strings(v: &serde_yaml::Value, out: &mut Vec<String>) {
    match v {
        serde_yaml::Value::String(s) => out.push(s.clone()),
        serde_yaml::Value::Sequence(items) => items.iter().for_each(|i| yaml_strings(i, out)),
        serde_yaml::Value::Mapping(m) => m.iter().for_each(|(k, v)| {
            yaml_strings(k, out);
            yaml_strings(v, out);
        }),
        _ => {}
    }
}

fn yaml_file_strings(path: &Path, out: &mut Vec<String>) {
    let text = std::fs::read_to_string(path).expect("yaml");
    let v: serde_yaml::Value = serde_yaml::from_str(&text).expect("parses");
    yaml_strings(&v, out);
}

/// Words that are not bidlint's: the built-in packs' strings, the bid's names and manifest.
fn others_words(bid: &Path) -> Vec<String> {
    let mut words = Vec::new();
    for e in WalkDir::new(repo("rules")).into_iter().flatten() {
        if e.path().extension().is_some_and(|x| x == "yaml") {
            yaml_file_strings(e.path(), &mut words);
        }
    }
    yaml_file_strings(&bid.join("bid.yaml"), &mut words);
    for e in WalkDir::new(bid).min_depth(1).into_iter().flatten() {
        words.push(e.file_name().to_string_lossy().into_owned());
        if let Ok(rel) = e.path().strip_prefix(bid) {
            words.push(rel.to_string_lossy().into_owned());
        }
    }
    words.retain(|w| w.chars().count() > 3);
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words
}

/// The report's own texts: findings, suggestions, reasons, evidence, notices.
fn own_texts(report: &Value) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let text = |v: &Value| v.as_str().unwrap_or_default().to_string();
    for r in report["results"].as_array().expect("results") {
        let rule = text(&r["rule"]);
        for f in r["findings"].as_array().into_iter().flatten() {
            out.push((rule.clone(), text(&f["message"])));
            out.push((rule.clone(), text(&f["suggestion"])));
        }
        out.push((rule.clone(), text(&r["reason"])));
        out.push((rule.clone(), text(&r["scope"])));
        for e in r["evidence"].as_array().into_iter().flatten() {
            out.push((rule.clone(), text(e)));
        }
    }
    for n in report["notices"].as_array().into_iter().flatten() {
        out.push(("notice".into(), text(&n["message"])));
    }
    out
}

#[test]
fn an_english_report_has_no_french_of_bidlint_s_own() {
    // Quoted words and a document's excerpt (from « … » to the end) are the bid's own.
    let quoted = Regex::new(r#"«[^»]*»|"[^"]*"|….*$| — issued by .*$"#).expect("regex");
    let french = Regex::new(
        r"(?i)[éèàêçôûîùœ]|\b(le|la|les|des|du|est|pas|aucun|aucune|fichiers?|pièces?|membres?|dossier|avec|pour|sur|dans|une|ou|et|sans|ni|par|que|dit|lus?|au|aux|octets?|mo|ko|go)\b",
    )
    .expect("regex");
    let mut left = Vec::new();
    for bid in fixture_bids() {
        let (_, report) = check_json(&bid, shared_cache(), &["--lang", "en"]);
        let words = others_words(&bid);
        for (rule, text) in own_texts(&report) {
            let mut rest = text.clone();
            for w in &words {
                rest = rest.replace(w.as_str(), " ");
            }
            let rest = quoted.replace_all(&rest, " ");
            if let Some(m) = french.find(&rest) {
                left.push(format!(
                    "{} {rule}: « {} » in: {text}",
                    bid.display(),
                    m.as_str()
                ));
            }
        }
    }
    assert!(left.is_empty(), "French left:\n{}", left.join("\n"));
}
