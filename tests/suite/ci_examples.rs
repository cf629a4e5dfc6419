//! The CI examples of docs/ci/ are kept honest. Each file is parsed as YAML and its structure
//! checked (triggers, permissions, the order of verdict and reports, `if: always()` on the
//! uploads, GitLab's `artifacts:reports`). Then every `bidlint …` line of the two files is run
//! for real, in document order, on a copy of fixtures/caih-broken/nom-30 laid out as a bid
//! repository (`$BID_DIR/` with its bid.yaml, reports written beside it): the exit code must be
//! the one the flags promise, and each file named by `-o` must exist and parse as its format.
//! An example that uses a flag or a format bidlint does not have fails here.

use std::collections::BTreeMap;
use std::io::Cursor;
use std::iter::Peekable;
use std::path::{Path, PathBuf};
use std::str::Chars;

use crate::common::repo;
use assert_cmd::Command;
use calamine::{Reader, Xlsx, open_workbook_from_rs};
use serde_yaml::Value;

/// The bid folder the examples are run on: one `error` rule fails (CAIH-NOM-30), on this file.
const FIXTURE: &str = "fixtures/caih-broken/nom-30";
const FAILING_FILE: &str = "alpha/26_01_DC_Moyens_techniques_Alpha.pdf";
const FAILING_RULE: &str = "CAIH-NOM-30";

/// The file's text and its YAML.
fn load(rel: &str) -> (String, Value) {
    let text = std::fs::read_to_string(repo(rel)).expect("example readable");
    let yaml: Value =
        serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{rel} is not valid YAML: {e}"));
    (text, yaml)
}

fn str_of<'a>(v: &'a Value, what: &str) -> &'a str {
    v.as_str()
        .unwrap_or_else(|| panic!("{what} should be a string, found {v:?}"))
}

fn seq_of<'a>(v: &'a Value, what: &str) -> &'a Vec<Value> {
    v.as_sequence()
        .unwrap_or_else(|| panic!("{what} should be a list, found {v:?}"))
}

/// `KEY: value` pairs of a mapping of strings (`env:`, `variables:`).
fn string_map(v: &Value, what: &str) -> BTreeMap<String, String> {
    v.as_mapping()
        .unwrap_or_else(|| panic!("{what} should be a mapping"))
        .iter()
        .map(|(k, v)| {
            (
                str_of(k, what).to_string(),
                str_of(v, &format!("{what} value")).to_string(),
            )
        })
        .collect()
}

/// A shell line of an example that the test reproduces.
#[derive(Debug, Clone)]
enum Line {
    /// `mkdir -p DIR`
    Mkdir(String),
    /// `bidlint ARGS…`, the words after `bidlint`, variables expanded.
    Bidlint { text: String, args: Vec<String> },
}

impl Line {
    fn bidlint_args(&self) -> Option<&[String]> {
        match self {
            Line::Bidlint { args, .. } => Some(args),
            Line::Mkdir(_) => None,
        }
    }
}

/// The keys whose values are shell: GitHub's `run`, GitLab's scripts.
const SHELL_KEYS: [&str; 4] = ["run", "before_script", "script", "after_script"];

/// Every `bidlint …` and `mkdir -p …` line of the shell of the YAML, in document order
/// (serde_yaml keeps the order of mappings), shell comments aside.
fn shell_lines(yaml: &Value, vars: &BTreeMap<String, String>) -> Vec<Line> {
    let mut strings = Vec::new();
    collect_shell(yaml, false, &mut strings);
    let mut lines = Vec::new();
    for s in strings {
        for raw in s.lines() {
            let t = raw.trim();
            if t.starts_with("bidlint ") {
                let words = shell_words(t, vars);
                lines.push(Line::Bidlint {
                    text: t.to_string(),
                    args: words[1..].to_vec(),
                });
            } else if let Some(dir) = t.strip_prefix("mkdir -p ") {
                let words = shell_words(dir, vars);
                assert_eq!(words.len(), 1, "one directory per mkdir: {t}");
                lines.push(Line::Mkdir(words[0].clone()));
            }
        }
    }
    lines
}

/// The strings of `v` that are shell (`shell`: `v` is under a shell key).
fn collect_shell<'a>(v: &'a Value, shell: bool, out: &mut Vec<&'a str>) {
    match v {
        Value::String(s) if shell => out.push(s),
        Value::Sequence(items) => items.iter().for_each(|i| collect_shell(i, shell, out)),
        Value::Mapping(m) => {
            for (k, v) in m {
                let key = k.as_str().is_some_and(|k| SHELL_KEYS.contains(&k));
                collect_shell(v, shell || key, out);
            }
        }
        Value::Tagged(t) => collect_shell(&t.value, shell, out),
        _ => {}
    }
}

/// How many lines of the raw file, outside YAML comments, start a `bidlint` command: the YAML
/// walk must have found them all (a command in a place the walk misses would go untested).
fn raw_bidlint_lines(text: &str) -> usize {
    text.lines()
        .map(str::trim_start)
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.strip_prefix("- ").unwrap_or(l))
        .filter(|l| l.starts_with("bidlint "))
        .count()
}

/// Split a shell line into words: blanks separate, `"…"` and `'…'` quote, `$NAME` and
/// `${NAME}` expand from `vars`. Anything the test cannot reproduce faithfully (pipes,
/// redirections, `&&`, `;`, backslashes, command substitution, unknown variables) is refused:
/// the examples keep their bidlint lines plain.
fn shell_words(line: &str, vars: &BTreeMap<String, String>) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut in_word = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            ' ' | '\t' => {
                if in_word {
                    words.push(std::mem::take(&mut cur));
                    in_word = false;
                }
            }
            '\'' => {
                in_word = true;
                loop {
                    match chars.next() {
                        Some('\'') => break,
                        Some(c) => cur.push(c),
                        None => panic!("unterminated quote in `{line}`"),
                    }
                }
            }
            '"' => {
                in_word = true;
                loop {
                    match chars.next() {
                        Some('"') => break,
                        Some('$') => expand(&mut chars, &mut cur, vars, line),
                        Some(c @ ('\\' | '`')) => {
                            panic!("`{line}`: `{c}` inside quotes is not reproduced by the test")
                        }
                        Some(c) => cur.push(c),
                        None => panic!("unterminated quote in `{line}`"),
                    }
                }
            }
            '$' => {
                in_word = true;
                expand(&mut chars, &mut cur, vars, line);
            }
            '|' | ';' | '&' | '<' | '>' | '`' | '\\' | '(' | ')' => panic!(
                "`{line}`: shell syntax `{c}` the test cannot reproduce; keep bidlint lines plain"
            ),
            c => {
                in_word = true;
                cur.push(c);
            }
        }
    }
    if in_word {
        words.push(cur);
    }
    words
}

fn expand(
    chars: &mut Peekable<Chars>,
    out: &mut String,
    vars: &BTreeMap<String, String>,
    line: &str,
) {
    let braced = chars.peek() == Some(&'{');
    if braced {
        chars.next();
    }
    let mut name = String::new();
    while let Some(&c) = chars.peek() {
        if c.is_ascii_alphanumeric() || c == '_' {
            name.push(c);
            chars.next();
        } else {
            break;
        }
    }
    if braced {
        assert_eq!(chars.next(), Some('}'), "`{line}`: unterminated ${{…}}");
    }
    let value = vars
        .get(&name)
        .unwrap_or_else(|| panic!("`{line}`: ${name} is not a variable of the example"));
    out.push_str(value);
}

/// The value of option `name` (`--name VALUE`, `--name=VALUE`, or `-o VALUE` for output).
fn option<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    let short = (name == "--output").then_some("-o");
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == name || Some(a.as_str()) == short {
            return it.next().map(String::as_str);
        }
        if let Some(v) = a.strip_prefix(name).and_then(|r| r.strip_prefix('=')) {
            return Some(v);
        }
    }
    None
}

fn format_of(args: &[String]) -> &str {
    option(args, "--format").unwrap_or("table")
}

fn fails_never(args: &[String]) -> bool {
    option(args, "--fail-on") == Some("never")
}

fn is_report_run(args: &[String]) -> bool {
    matches!(
        args.first().map(String::as_str),
        Some("check" | "checklist")
    )
}

/// The output file of the one command writing `format`.
fn output_for(lines: &[Line], command: &str, format: &str) -> String {
    let found: Vec<&str> = lines
        .iter()
        .filter_map(Line::bidlint_args)
        .filter(|a| a.first().map(String::as_str) == Some(command) && format_of(a) == format)
        .filter_map(|a| option(a, "--output"))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "expected one `bidlint {command} --format {format} -o FILE`, found {found:?}"
    );
    found[0].to_string()
}

/// The report runs that decide the verdict (no `--fail-on never`): exactly one, gating on
/// `error`, as the README promises.
fn verdicts(lines: &[Line]) -> Vec<&[String]> {
    let v: Vec<&[String]> = lines
        .iter()
        .filter_map(Line::bidlint_args)
        .filter(|a| is_report_run(a) && !fails_never(a))
        .collect();
    assert_eq!(v.len(), 1, "one verdict command expected, found {v:?}");
    assert_eq!(option(v[0], "--fail-on").unwrap_or("error"), "error");
    v
}

// ---------------------------------------------------------------------------------------------
// Running the lines

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read fixture") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// Every file under `dir`, relative path → bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).expect("read dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let rel = path.strip_prefix(root).expect("under root").to_path_buf();
                out.insert(rel, std::fs::read(&path).expect("read"));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// Run the example's lines, in order, in a fresh bid repository: `repo/` holding the fixture
/// as `repo/<bid_dir>/`, the working directory of every command, as the CI checkout is.
fn run_lines(example: &str, lines: &[Line], bid_dir: &str) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let work = tmp.path().join("repo");
    let bid = work.join(bid_dir);
    copy_dir(&repo(FIXTURE), &bid);
    let before = snapshot(&bid);
    let summary = tmp.path().join("step-summary.md");
    let failing_path = format!("{bid_dir}/{FAILING_FILE}");
    let mut ran = 0;
    for line in lines {
        let (text, args) = match line {
            Line::Mkdir(dir) => {
                std::fs::create_dir_all(work.join(dir)).expect("mkdir");
                continue;
            }
            Line::Bidlint { text, args } => (text, args),
        };
        ran += 1;
        let mut cmd = Command::cargo_bin("bidlint").expect("binary");
        cmd.args(args)
            .current_dir(&work)
            .env("NO_COLOR", "1")
            .env_remove("GITHUB_STEP_SUMMARY");
        let github = format_of(args) == "github";
        if github {
            cmd.env("GITHUB_STEP_SUMMARY", &summary);
        }
        let out = cmd.output().expect("bidlint runs");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let expected = if !is_report_run(args) || fails_never(args) {
            0
        } else {
            1
        };
        assert_eq!(
            out.status.code(),
            Some(expected),
            "{example}: `{text}` exited {:?}, expected {expected}\nstdout:\n{stdout}\nstderr:\n{stderr}",
            out.status.code()
        );
        if !is_report_run(args) {
            continue;
        }
        match option(args, "--output") {
            Some(file) => check_output(
                example,
                text,
                &work.join(file),
                format_of(args),
                &failing_path,
            ),
            None if github => {
                assert!(
                    stdout.contains(&format!(
                        "::error file={failing_path},title={FAILING_RULE}::"
                    )),
                    "{example}: `{text}` should annotate {failing_path}:\n{stdout}"
                );
                let md = std::fs::read_to_string(&summary).expect("step summary written");
                assert!(md.contains(FAILING_RULE), "step summary: {md}");
            }
            None => assert!(
                stdout.contains(FAILING_RULE),
                "{example}: `{text}`:\n{stdout}"
            ),
        }
    }
    assert!(ran > 0, "{example}: no bidlint line run");
    assert_eq!(
        before,
        snapshot(&bid),
        "{example}: the bid folder changed (a report written inside it?)"
    );
}

/// The file exists and parses as `format`.
fn check_output(example: &str, text: &str, path: &Path, format: &str, failing_path: &str) {
    let bytes = std::fs::read(path)
        .unwrap_or_else(|e| panic!("{example}: `{text}` did not write {}: {e}", path.display()));
    assert!(!bytes.is_empty(), "{example}: `{text}` wrote an empty file");
    let what = format!("{example}: `{text}`");
    match format {
        "gitlab" => {
            let v: serde_json::Value = serde_json::from_slice(&bytes).expect("gitlab JSON");
            let issues = v.as_array().expect("Code Quality is a JSON array");
            // GitLab places an issue by a path from the repository root.
            assert!(
                issues.iter().any(|i| i["location"]["path"] == failing_path
                    && i["check_name"] == FAILING_RULE
                    && i["fingerprint"].as_str().is_some_and(|f| !f.is_empty())),
                "{what}: no issue on {failing_path}: {v}"
            );
        }
        "sarif" => {
            let v: serde_json::Value = serde_json::from_slice(&bytes).expect("SARIF JSON");
            assert_eq!(v["version"], "2.1.0", "{what}");
            let results = v["runs"][0]["results"].as_array().expect("SARIF results");
            assert!(
                results.iter().any(|r| r["ruleId"] == FAILING_RULE),
                "{what}: no {FAILING_RULE} result"
            );
        }
        "json" => {
            let v: serde_json::Value = serde_json::from_slice(&bytes).expect("JSON report");
            assert_eq!(v["schema"], "bidlint.report/2", "{what}");
        }
        "junit" => {
            let xml = String::from_utf8(bytes).expect("UTF-8 XML");
            assert!(xml.starts_with("<?xml"), "{what}: {xml}");
            assert!(
                xml.contains("<testsuites") && xml.contains(FAILING_RULE),
                "{what}"
            );
            assert!(
                xml.contains("<failure"),
                "{what}: the failing rule is a <failure>"
            );
        }
        "html" => {
            let html = String::from_utf8(bytes).expect("UTF-8 HTML");
            assert!(html.starts_with("<!DOCTYPE html>"), "{what}");
            assert!(html.contains(FAILING_RULE), "{what}");
        }
        "xlsx" => {
            assert!(bytes.starts_with(b"PK\x03\x04"), "{what}: not a zip");
            let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).expect("workbook");
            let names = book.sheet_names();
            assert!(!names.is_empty(), "{what}: no sheet");
            let found = names.iter().any(|n| {
                book.worksheet_range(n)
                    .map(|r| r.cells().any(|(_, _, c)| *c == FAILING_RULE))
                    .unwrap_or(false)
            });
            assert!(found, "{what}: {FAILING_RULE} in no sheet");
        }
        other => panic!("{what}: no check written for format {other}"),
    }
}

// ---------------------------------------------------------------------------------------------
// GitHub Actions

const GITHUB: &str = "docs/ci/github-actions.yml";

fn steps_of(wf: &Value) -> (&Value, &Vec<Value>) {
    let jobs = wf["jobs"].as_mapping().expect("jobs");
    assert_eq!(jobs.len(), 1, "one job");
    let job = jobs.values().next().expect("a job");
    (job, seq_of(&job["steps"], "steps"))
}

fn uses(step: &Value) -> &str {
    step["uses"].as_str().unwrap_or("")
}

fn run_of(step: &Value) -> &str {
    step["run"].as_str().unwrap_or("")
}

fn if_of(step: &Value) -> &str {
    step["if"].as_str().unwrap_or("")
}

#[test]
fn github_workflow_structure() {
    let (_, wf) = load(GITHUB);
    // serde_yaml reads YAML 1.2: `on` is a key, not `true`.
    let on = wf["on"].as_mapping().expect("`on:` triggers");
    for trigger in ["push", "pull_request"] {
        assert!(on.contains_key(trigger), "on: {trigger}");
    }
    let env = string_map(&wf["env"], "env");
    assert!(
        env["BIDLINT_GIT"].ends_with("bidlint.git"),
        "BIDLINT_GIT: {env:?}"
    );
    assert!(!env["BID_DIR"].is_empty());

    let (job, steps) = steps_of(&wf);
    assert_eq!(job["permissions"]["security-events"], "write");
    assert!(job["runs-on"].as_str().is_some());

    let checkout = steps
        .iter()
        .find(|s| uses(s).starts_with("actions/checkout@"))
        .expect("checkout step");
    assert_eq!(
        checkout["with"]["lfs"], true,
        "LFS pointers would be checked"
    );

    // Install from the bidlint repository, skipped when the cache has the binary.
    let cache = steps
        .iter()
        .find(|s| uses(s).starts_with("actions/cache@"))
        .expect("cache step");
    let cache_id = str_of(&cache["id"], "cache id");
    assert!(str_of(&cache["with"]["path"], "cache path").contains(".cargo/bin"));
    let install = steps
        .iter()
        .find(|s| run_of(s).contains("cargo +stable install --locked --git \"$BIDLINT_GIT\""))
        .expect("install step");
    assert!(
        if_of(install).contains(&format!("steps.{cache_id}.outputs.cache-hit")),
        "install skipped on a cache hit: {install:?}"
    );

    // The verdict step: `--format github`, runs normally, fails the job by its exit code.
    let check_at = steps
        .iter()
        .position(|s| run_of(s).contains("--format github"))
        .expect("a `--format github` step");
    let check = &steps[check_at];
    assert!(
        check["continue-on-error"].is_null(),
        "the verdict must fail the job"
    );
    assert!(check["if"].is_null());
    let check_id = str_of(&check["id"], "check step id");
    assert!(run_of(check).contains("--fail-on error"));

    // Every step after it still runs when it failed.
    for step in &steps[check_at + 1..] {
        assert!(
            if_of(step).starts_with("always()"),
            "step after the verdict without `if: always()`: {step:?}"
        );
    }
    let reports = &steps[check_at + 1];
    assert!(
        if_of(reports).contains(&format!("steps.{check_id}.outcome")),
        "reports only when the check ran: {reports:?}"
    );

    let lines = shell_lines(&wf, &env);
    verdicts(&lines);
    let sarif = steps
        .iter()
        .find(|s| uses(s).starts_with("github/codeql-action/upload-sarif@"))
        .expect("upload-sarif step");
    assert!(if_of(sarif).starts_with("always()"));
    assert_eq!(
        str_of(&sarif["with"]["sarif_file"], "sarif_file"),
        output_for(&lines, "check", "sarif")
    );
    let artifact = steps
        .iter()
        .find(|s| uses(s).starts_with("actions/upload-artifact@"))
        .expect("upload-artifact step");
    assert!(if_of(artifact).starts_with("always()"));
    let uploaded = str_of(&artifact["with"]["path"], "artifact path");
    for (command, format) in [("check", "junit"), ("check", "html"), ("checklist", "xlsx")] {
        let file = output_for(&lines, command, format);
        assert!(
            uploaded.lines().any(|p| file.starts_with(p.trim())),
            "{file} is not in the uploaded artifact ({uploaded})"
        );
    }
}

#[test]
fn github_workflow_commands_run() {
    let (text, wf) = load(GITHUB);
    let env = string_map(&wf["env"], "env");
    let lines = shell_lines(&wf, &env);
    assert_eq!(
        lines.iter().filter_map(Line::bidlint_args).count(),
        raw_bidlint_lines(&text),
        "every bidlint line of {GITHUB} is run"
    );
    run_lines(GITHUB, &lines, &env["BID_DIR"]);
}

// ---------------------------------------------------------------------------------------------
// GitLab CI

const GITLAB: &str = "docs/ci/gitlab-ci.yml";

/// The job: the one top-level entry with a `script`.
fn gitlab_job(ci: &Value) -> &Value {
    let jobs: Vec<&Value> = ci
        .as_mapping()
        .expect("mapping")
        .values()
        .filter(|v| v.get("script").is_some())
        .collect();
    assert_eq!(jobs.len(), 1, "one job");
    jobs[0]
}

#[test]
fn gitlab_job_structure() {
    let (_, ci) = load(GITLAB);
    let vars = string_map(&ci["variables"], "variables");
    assert!(
        vars["BIDLINT_GIT"].ends_with("bidlint.git"),
        "BIDLINT_GIT: {vars:?}"
    );
    let job = gitlab_job(&ci);
    assert!(str_of(&job["image"], "image").starts_with("rust:1"));

    // Installed with cargo, into a cached directory.
    let before: Vec<&str> = seq_of(&job["before_script"], "before_script")
        .iter()
        .map(|s| str_of(s, "before_script line"))
        .collect();
    let install = before
        .iter()
        .find(|s| s.contains("cargo install --locked"))
        .expect("cargo install");
    assert!(install.contains("--git \"$BIDLINT_GIT\""));
    let cached: Vec<&str> = seq_of(&job["cache"]["paths"], "cache paths")
        .iter()
        .map(|p| str_of(p, "cache path").trim_end_matches('/'))
        .collect();
    assert!(
        cached
            .iter()
            .any(|p| install.contains(&format!("--root \"$CI_PROJECT_DIR/{p}\""))),
        "the install root {install} is not cached ({cached:?})"
    );

    // The script's lines alone (before_script has `bidlint --version`).
    let mut only_script = serde_yaml::Mapping::new();
    only_script.insert("script".into(), job["script"].clone());
    let lines = shell_lines(&Value::Mapping(only_script), &vars);
    // Reports first, verdict last: GitLab stops at the first failing command.
    let verdict = verdicts(&lines)[0].to_vec();
    let last = lines
        .last()
        .and_then(Line::bidlint_args)
        .expect("last line is bidlint");
    assert_eq!(last, verdict.as_slice(), "the verdict comes last");

    let artifacts = &job["artifacts"];
    assert_eq!(artifacts["when"], "always");
    assert_eq!(
        str_of(&artifacts["reports"]["codequality"], "codequality"),
        output_for(&lines, "check", "gitlab")
    );
    assert_eq!(
        str_of(&artifacts["reports"]["junit"], "junit"),
        output_for(&lines, "check", "junit")
    );
    let paths: Vec<&str> = seq_of(&artifacts["paths"], "artifacts paths")
        .iter()
        .map(|p| str_of(p, "artifact path"))
        .collect();
    for (command, format) in [("check", "html"), ("checklist", "xlsx")] {
        let file = output_for(&lines, command, format);
        assert!(
            paths.contains(&file.as_str()),
            "{file} not in artifacts {paths:?}"
        );
    }
}

#[test]
fn gitlab_job_commands_run() {
    let (text, ci) = load(GITLAB);
    let vars = string_map(&ci["variables"], "variables");
    let lines = shell_lines(&ci, &vars);
    assert_eq!(
        lines.iter().filter_map(Line::bidlint_args).count(),
        raw_bidlint_lines(&text),
        "every bidlint line of {GITLAB} is run"
    );
    run_lines(GITLAB, &lines, &vars["BID_DIR"]);
}

#[test]
fn shell_words_expand_and_refuse() {
    let vars = BTreeMap::from([("BID_DIR".to_string(), "reponse".to_string())]);
    assert_eq!(
        shell_words(r#"bidlint check "$BID_DIR" -o 'a b' ${BID_DIR}/x"#, &vars),
        ["bidlint", "check", "reponse", "-o", "a b", "reponse/x"]
    );
    for bad in [
        "bidlint check | tee x",
        "bidlint $UNKNOWN",
        "bidlint check > x",
    ] {
        let r = std::panic::catch_unwind(|| shell_words(bad, &vars));
        assert!(r.is_err(), "{bad} accepted");
    }
}
