//! The library's layers, checked from its sources: data flows one way (walk → facts → rules →
//! results → renderers), so the top-level modules of `src/` must not import each other in a
//! cycle, the shared vocabulary imports nothing from the crate, and the library never prints.
//! Read from the text of the sources (a `crate::module` path outside comments and test
//! modules is a dependency), so that a cycle fails here with the path that closes it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use regex::Regex;
use walkdir::WalkDir;

use crate::common::repo;

/// Top-level module → the top-level modules its non-test code names.
fn module_graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = repo("src");
    let uses = Regex::new(r"crate::(\w+)|use crate::\{([^}]*)\}").expect("valid regex");
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for entry in WalkDir::new(&src).into_iter().filter_map(Result::ok) {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let Some(module) = top_module(&src, path) else {
            continue;
        };
        let text = std::fs::read_to_string(path).expect("readable source");
        let deps = graph.entry(module.clone()).or_default();
        for line in production_lines(&text) {
            for c in uses.captures_iter(line) {
                let names: Vec<&str> = match (c.get(1), c.get(2)) {
                    (Some(one), _) => vec![one.as_str()],
                    (None, Some(list)) => list
                        .as_str()
                        .split(',')
                        .filter_map(|n| n.split("::").next())
                        .map(str::trim)
                        .collect(),
                    _ => Vec::new(),
                };
                deps.extend(
                    names
                        .into_iter()
                        .filter(|n| !n.is_empty() && *n != module)
                        .map(str::to_string),
                );
            }
        }
    }
    graph
}

/// `src/checks/piece.rs` → `checks`; the binary's own modules (`main.rs`, `cli/`) are not
/// part of the library.
fn top_module(src: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(src).ok()?;
    let first = rel.components().next()?.as_os_str().to_str()?;
    let name = first.trim_end_matches(".rs");
    (!matches!(name, "main" | "lib" | "cli")).then(|| name.to_string())
}

/// The lines of a source before its test module, without comments.
fn production_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .take_while(|l| !l.trim_start().starts_with("#[cfg(test)]"))
        .filter(|l| !l.trim_start().starts_with("//"))
}

/// A cycle through `start`, as the list of modules that close it.
fn cycle_from(graph: &BTreeMap<String, BTreeSet<String>>, start: &str) -> Option<Vec<String>> {
    let mut stack = vec![(start.to_string(), vec![start.to_string()])];
    let mut seen = BTreeSet::new();
    while let Some((node, path)) = stack.pop() {
        for next in graph.get(&node).into_iter().flatten() {
            if next == start {
                let mut cycle = path.clone();
                cycle.push(start.to_string());
                return Some(cycle);
            }
            if seen.insert(next.clone()) {
                let mut p = path.clone();
                p.push(next.clone());
                stack.push((next.clone(), p));
            }
        }
    }
    None
}

#[test]
fn no_module_of_the_library_depends_on_itself_through_others() {
    let graph = module_graph();
    assert!(graph.contains_key("checks") && graph.contains_key("engine"));
    let cycles: Vec<String> = graph
        .keys()
        .filter_map(|m| cycle_from(&graph, m))
        .map(|c| c.join(" → "))
        .collect();
    assert!(cycles.is_empty(), "module cycles:\n{}", cycles.join("\n"));
}

#[test]
fn the_vocabulary_imports_nothing_from_the_crate() {
    let graph = module_graph();
    assert_eq!(graph.get("vocabulary"), Some(&BTreeSet::new()));
}

#[test]
fn the_cycle_finder_finds_a_cycle() {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    graph.entry("a".into()).or_default().insert("b".into());
    graph.entry("b".into()).or_default().insert("c".into());
    graph.entry("c".into()).or_default().insert("a".into());
    assert_eq!(
        cycle_from(&graph, "a"),
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
    graph.get_mut("c").expect("c").clear();
    assert_eq!(cycle_from(&graph, "a"), None);
}

/// The library returns values; printing, progress bars, argument parsing and the process's
/// exit are the binary's (`src/main.rs`, `src/cli/`). The document worker is the one place that
/// starts a process (`std::process::Command`, to isolate the parsers), and its child writes its
/// reply to stdout with `writeln!` on a locked handle, which this does not forbid.
#[test]
fn the_library_never_prints_nor_parses_arguments() {
    let src = repo("src");
    let forbidden =
        Regex::new(r"\b(println!|eprintln!|print!|eprint!|dbg!|indicatif::|clap::|std::process)")
            .expect("valid regex");
    let worker = src.join("documents").join("worker.rs");
    let mut found = Vec::new();
    for entry in WalkDir::new(&src).into_iter().filter_map(Result::ok) {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") || top_module(&src, path).is_none() {
            continue;
        }
        let text = std::fs::read_to_string(path).expect("readable source");
        for (n, line) in production_lines(&text).enumerate() {
            if path == worker && line.contains("std::") && line.contains("process") {
                continue;
            }
            if forbidden.is_match(line) {
                found.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "printing in the library:\n{}",
        found.join("\n")
    );
}

/// Functions a reader can hold: none of `src/` runs over 80 lines, from its `fn` line to the
/// closing brace at its own indentation (a declaration without a body is not one).
#[test]
fn no_function_is_longer_than_a_reader_can_hold() {
    const LIMIT: usize = 80;
    let fn_line = Regex::new(r"^(\s*)(pub(\([^)]*\))? )?fn (\w+)").expect("valid regex");
    let src = repo("src");
    let mut long = Vec::new();
    for entry in WalkDir::new(&src).into_iter().filter_map(Result::ok) {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(path).expect("readable source");
        let lines: Vec<&str> = text.split('\n').collect();
        for (i, line) in lines.iter().enumerate() {
            let Some(m) = fn_line.captures(line) else {
                continue;
            };
            if line.trim_end().ends_with(';') {
                continue;
            }
            let close = format!("{}}}", &m[1]);
            let end = (i + 1..lines.len())
                .find(|&j| lines[j] == close)
                .unwrap_or(lines.len());
            if end - i > LIMIT {
                long.push(format!("{} lines: {} {}", end - i, path.display(), &m[4]));
            }
        }
    }
    assert!(
        long.is_empty(),
        "functions over {LIMIT} lines:\n{}",
        long.join("\n")
    );
}
