//! The report formats of SPEC §5, each read back with a real parser of its kind: JUnit with an
//! XML reader, SARIF against the official schema, GitLab and CSV with their parsers, XLSX with
//! calamine, HTML with an HTML5 parser. The bid folder holds hostile file names
//! (`<img src=x onerror=alert(1)>.pdf`, `=HYPERLINK(…).pdf`, `+cmd.pdf`, `@SUM(A1).pdf`) that
//! must stay data in every format, and it must be byte-identical after all of them.

use std::collections::BTreeMap;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use quick_xml::events::{BytesStart, Event};
use serde_json::Value;

const IMG: &str = "<img src=x onerror=alert(1)>.pdf";
const HYPERLINK: &str = "=HYPERLINK(\"http:evil\",\"clic\").pdf";
const PLUS: &str = "+cmd.pdf";
const AT: &str = "@SUM(A1).pdf";
const ACCENTS: &str = "Mémoire technique été.pdf";
const WAIVER: &str = "Fichier vide accepté par l'acheteur <b>(question du 12/02)</b>";

/// The rules of the test packs, in report order.
const RULES: [&str; 8] = [
    "FMT-NOM-29",
    "FMT-PARASITES",
    "FMT-VIDE",
    "FMT-DC1",
    "FMT-MEMOIRE",
    "FMT-GROUPEMENT",
    "FMT-SIGNATURE",
    "FMT-EXT-PRIX",
];

/// A work area: the bid folder `bid/` and, beside it, `out/` for reports.
struct Area {
    tmp: tempfile::TempDir,
}

impl Area {
    fn new() -> Area {
        let tmp = tempfile::tempdir().expect("temp dir");
        let bid = tmp.path().join("bid");
        std::fs::create_dir_all(bid.join("sous-dossier-vide")).expect("mkdir");
        std::fs::create_dir_all(tmp.path().join("out")).expect("mkdir");
        let forty = format!("{}.pdf", "a".repeat(36));
        for name in [
            IMG,
            HYPERLINK,
            PLUS,
            AT,
            ACCENTS,
            forty.as_str(),
            "~$brouillon.docx",
        ] {
            std::fs::write(bid.join(name), b"%PDF-1.4 test\n").expect("write");
        }
        std::fs::write(bid.join("vide.pdf"), b"").expect("write");
        let pack = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/formats/pack-ext.yaml");
        let manifest = format!(
            "consultation: {}\nphase: candidature\ndeadline: 2026-02-19T12:00:00+01:00\n\
             waivers:\n  - rule: FMT-VIDE\n    reason: \"{}\"\n",
            pack.display(),
            WAIVER
        );
        std::fs::write(bid.join("bid.yaml"), manifest).expect("write");
        Area { tmp }
    }

    fn root(&self) -> &Path {
        self.tmp.path()
    }

    fn out(&self, name: &str) -> PathBuf {
        self.root().join("out").join(name)
    }

    /// `bidlint check bid --format F ARGS…`, run from the work area as a CI job would.
    fn check(&self, format: &str, args: &[&str]) -> Output {
        self.command(format, args).output().expect("runs")
    }

    fn command(&self, format: &str, args: &[&str]) -> Command {
        let mut c = Command::cargo_bin("bidlint").expect("binary");
        c.env("NO_COLOR", "1")
            .env_remove("GITHUB_STEP_SUMMARY")
            .current_dir(self.root())
            .args(["check", "bid", "--format", format])
            .args(args);
        c
    }

    /// Every file and folder of the bid folder with its bytes.
    fn snapshot(&self) -> BTreeMap<PathBuf, Option<Vec<u8>>> {
        walk(&self.root().join("bid"))
    }
}

fn walk(dir: &Path) -> BTreeMap<PathBuf, Option<Vec<u8>>> {
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(dir).expect("read dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            out.insert(path.clone(), None);
            out.extend(walk(&path));
        } else {
            out.insert(path.clone(), Some(std::fs::read(&path).expect("read")));
        }
    }
    out
}

/// The report on stdout, after checking that the run reported the failures (exit 1).
fn stdout(out: &Output) -> String {
    assert_eq!(
        out.status.code(),
        Some(1),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).expect("utf-8")
}

fn is_formula_start(s: &str) -> bool {
    s.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

// ---------------------------------------------------------------- junit

/// Declared counts (tests, failures, errors, skipped) and the counts of the children found.
#[derive(Debug, Default, PartialEq)]
struct Counts([usize; 4]);

fn attr(e: &BytesStart, name: &str) -> String {
    e.attributes()
        .map(|a| a.expect("attribute"))
        .find(|a| a.key.as_ref() == name)
        .map(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .expect("value")
                .into_owned()
        })
        .unwrap_or_default()
}

/// Every attribute of an element, values unescaped, in document order.
fn attributes(e: &BytesStart) -> Vec<(String, String)> {
    e.attributes()
        .map(|a| {
            let a = a.expect("attribute");
            (
                a.key.as_ref().to_string(),
                a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .expect("value")
                    .into_owned(),
            )
        })
        .collect()
}

fn declared(e: &BytesStart) -> Counts {
    let n = |k| attr(e, k).parse::<usize>().expect("count");
    Counts([n("tests"), n("failures"), n("errors"), n("skipped")])
}

/// `<testsuites>` carries no `skipped` (junit-10.xsd): its three counts.
fn declared_total(e: &BytesStart) -> [usize; 3] {
    let n = |k| attr(e, k).parse::<usize>().expect("count");
    assert!(attr(e, "skipped").is_empty(), "no skipped on <testsuites>");
    [n("tests"), n("failures"), n("errors")]
}

#[test]
fn junit_has_one_suite_per_pack_with_counts_that_add_up() {
    let area = Area::new();
    let xml = stdout(&area.check("junit", &[]));
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut total = [0; 3];
    let mut suites: Vec<(String, Counts, Counts)> = Vec::new();
    let mut names = Vec::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                "testsuites" => total = declared_total(&e),
                "testsuite" => suites.push((attr(&e, "name"), declared(&e), Counts::default())),
                "testcase" => {
                    let (pack, _, found) = suites.last_mut().expect("inside a suite");
                    assert_eq!(attr(&e, "classname"), *pack);
                    names.push(attr(&e, "name"));
                    found.0[0] += 1;
                }
                tag @ ("failure" | "error" | "skipped") => {
                    let slot = match tag {
                        "failure" => 1,
                        "error" => 2,
                        _ => 3,
                    };
                    assert!(
                        !attr(&e, "message").is_empty(),
                        "a message on every outcome"
                    );
                    suites.last_mut().expect("inside a suite").2.0[slot] += 1;
                }
                _ => {}
            },
            _ => {}
        }
    }
    assert_eq!(names, RULES, "one test case per rule, named by its id");
    let by_name: BTreeMap<&str, (&Counts, &Counts)> = suites
        .iter()
        .map(|(n, d, f)| (n.as_str(), (d, f)))
        .collect();
    assert_eq!(by_name.len(), 2, "one suite per pack: {suites:?}");
    // formats: 3 failures (NOM-29, DC1, and GROUPEMENT: a blocking rule left unjudged,
    // `candidate.form` missing, fails the run as INCOMPLET); skipped: the failing warning
    // PARASITES (it does not fail the run), waived VIDE, manual SIGNATURE. formats-ext: one
    // manual rule.
    assert_eq!(
        by_name["formats"],
        (&Counts([7, 3, 0, 3]), &Counts([7, 3, 0, 3]))
    );
    assert_eq!(
        by_name["formats-ext"],
        (&Counts([1, 0, 0, 1]), &Counts([1, 0, 0, 1]))
    );
    assert_eq!(total, [8, 3, 0]);
    // The waived rule's skip message is the waiver's reason; hostile names stay text.
    assert!(xml.contains("&lt;img src=x onerror=alert(1)&gt;.pdf"));
    assert!(!xml.contains("<img"));
}

/// The rules of an XML Schema, read from the XSD file itself, for the constructs
/// `junit-10.xsd` uses: global elements with an inline or named complex type (attributes,
/// `use="required"`, child elements by `ref` or by name, `mixed` content), elements of type
/// `xs:string`, and simple types restricted by a `pattern`. Enough to judge a JUnit file the
/// way Jenkins does, without a C library: no crate on crates.io validates XSD in Rust.
#[derive(Debug, Default)]
struct Xsd {
    elements: BTreeMap<String, ElementRule>,
    types: BTreeMap<String, ElementRule>,
    patterns: BTreeMap<String, regex::Regex>,
}

#[derive(Debug, Default, Clone)]
struct ElementRule {
    /// name → (required, type)
    attributes: BTreeMap<String, (bool, String)>,
    children: std::collections::BTreeSet<String>,
    text: bool,
    /// A named complex type, resolved once the file is read.
    of_type: Option<String>,
}

impl Xsd {
    fn parse(text: &str) -> Xsd {
        let mut xsd = Xsd::default();
        let mut reader = quick_xml::Reader::from_str(text);
        // The global declaration being read: (is a named type, its name).
        let mut current: Option<(bool, String)> = None;
        let mut depth = 0usize;
        let mut simple: Option<String> = None;
        loop {
            let event = reader.read_event().expect("well-formed XSD");
            let (e, empty) = match &event {
                Event::Eof => break,
                Event::End(_) => {
                    depth -= 1;
                    if depth == 1 {
                        current = None;
                        simple = None;
                    }
                    continue;
                }
                Event::Start(e) => (e.clone(), false),
                Event::Empty(e) => (e.clone(), true),
                _ => continue,
            };
            let tag = e.name().as_ref().to_string();
            let global = depth == 1;
            match (tag.as_str(), global) {
                ("xs:element", true) => {
                    let name = attr(&e, "name");
                    let mut rule = ElementRule::default();
                    match attr(&e, "type").as_str() {
                        "" => {}
                        "xs:string" => rule.text = true,
                        named => rule.of_type = Some(named.to_string()),
                    }
                    xsd.elements.insert(name.clone(), rule);
                    current = Some((false, name));
                }
                ("xs:complexType", true) => {
                    let name = attr(&e, "name");
                    let rule = ElementRule {
                        text: attr(&e, "mixed") == "true",
                        ..ElementRule::default()
                    };
                    xsd.types.insert(name.clone(), rule);
                    current = Some((true, name));
                }
                ("xs:simpleType", true) => simple = Some(attr(&e, "name")),
                ("xs:pattern", false) => {
                    let name = simple.clone().expect("pattern inside a simple type");
                    let re = regex::Regex::new(&format!("^(?:{})$", attr(&e, "value")))
                        .expect("XSD pattern as a regex");
                    xsd.patterns.insert(name, re);
                }
                (_, false) => {
                    if let Some((is_type, name)) = &current {
                        let rule = if *is_type {
                            xsd.types.get_mut(name)
                        } else {
                            xsd.elements.get_mut(name)
                        }
                        .expect("declared");
                        match tag.as_str() {
                            "xs:complexType" => rule.text |= attr(&e, "mixed") == "true",
                            "xs:element" => {
                                let child = match attr(&e, "ref") {
                                    r if r.is_empty() => attr(&e, "name"),
                                    r => r,
                                };
                                rule.children.insert(child);
                            }
                            "xs:attribute" => {
                                rule.attributes.insert(
                                    attr(&e, "name"),
                                    (attr(&e, "use") == "required", attr(&e, "type")),
                                );
                            }
                            _ => {}
                        }
                    }
                }
                _ => {}
            }
            if !empty {
                depth += 1;
            }
        }
        let types = xsd.types.clone();
        for rule in xsd.elements.values_mut() {
            if let Some(t) = &rule.of_type {
                *rule = types.get(t).cloned().expect("named type declared");
            }
        }
        xsd
    }

    /// Every way `xml` breaks the schema; empty when it is valid.
    fn errors(&self, xml: &str) -> Vec<String> {
        let mut errors = Vec::new();
        let mut reader = quick_xml::Reader::from_str(xml);
        let mut stack: Vec<String> = Vec::new();
        loop {
            let event = match reader.read_event() {
                Ok(e) => e,
                Err(e) => {
                    errors.push(format!("XML mal formé : {e}"));
                    break;
                }
            };
            let (e, empty) = match &event {
                Event::Eof => break,
                Event::End(_) => {
                    stack.pop();
                    continue;
                }
                Event::Text(t) => {
                    let parent = stack.last().cloned().unwrap_or_default();
                    let allowed = self.elements.get(&parent).is_some_and(|r| r.text);
                    if !allowed && !t.trim().is_empty() {
                        errors.push(format!("text not allowed in <{parent}>"));
                    }
                    continue;
                }
                Event::Start(e) => (e.clone(), false),
                Event::Empty(e) => (e.clone(), true),
                _ => continue,
            };
            let name = e.name().as_ref().to_string();
            match stack.last() {
                None if !self.elements.contains_key(&name) => {
                    errors.push(format!("root <{name}> is not declared"))
                }
                Some(parent) => {
                    let allowed = self
                        .elements
                        .get(parent)
                        .is_some_and(|r| r.children.contains(&name));
                    if !allowed {
                        errors.push(format!("<{name}> not allowed in <{parent}>"));
                    }
                }
                None => {}
            }
            if let Some(rule) = self.elements.get(&name) {
                let present = attributes(&e);
                for (key, value) in &present {
                    match rule.attributes.get(key) {
                        None => errors.push(format!("attribute {key} not allowed on <{name}>")),
                        Some((_, ty)) => {
                            if let Some(re) = self.patterns.get(ty)
                                && !re.is_match(value)
                            {
                                errors.push(format!("{key}={value:?} on <{name}> is not a {ty}"));
                            }
                        }
                    }
                }
                for (key, (required, _)) in &rule.attributes {
                    if *required && !present.iter().any(|(k, _)| k == key) {
                        errors.push(format!("<{name}> lacks its required attribute {key}"));
                    }
                }
            }
            if !empty {
                stack.push(name);
            }
        }
        errors
    }
}

fn junit_xsd() -> Xsd {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/formats/junit-10.xsd"),
    )
    .expect("committed XSD");
    Xsd::parse(&text)
}

#[test]
fn junit_is_valid_against_jenkins_junit_10_xsd() {
    let xsd = junit_xsd();
    // The schema was read: the rules Jenkins applies are there.
    assert!(xsd.elements["testsuite"].attributes["tests"].0, "{xsd:?}");
    assert!(
        !xsd.elements["testsuites"]
            .attributes
            .contains_key("skipped")
    );
    assert!(xsd.elements["failure"].text);
    let area = Area::new();
    for args in [&[][..], &["--fail-on", "warning"], &["--lang", "en"]] {
        let xml = stdout(&area.check("junit", args));
        let errors = xsd.errors(&xml);
        assert!(errors.is_empty(), "{args:?}: {errors:#?}\n{xml}");
        // The check bites: what bidlint wrote before (skipped on <testsuites>), an unknown
        // child, a test case without its name are each refused.
        let skipped = xml.replacen("<testsuites ", "<testsuites skipped=\"4\" ", 1);
        assert_eq!(
            xsd.errors(&skipped),
            ["attribute skipped not allowed on <testsuites>"]
        );
        let child = xml.replacen("<testcase ", "<testcase><warning/></testcase><testcase ", 1);
        assert!(
            xsd.errors(&child)
                .iter()
                .any(|e| e.contains("<warning> not allowed"))
        );
        let time = xml.replacen("<testsuite ", "<testsuite time=\"1 s\" ", 1);
        assert!(
            xsd.errors(&time)
                .iter()
                .any(|e| e.contains("SUREFIRE_TIME"))
        );
    }
}

#[test]
fn junit_warnings_are_failed_tests_only_when_they_fail_the_run() {
    let area = Area::new();
    let parasites = |xml: &str| -> String {
        let start = xml.find("name=\"FMT-PARASITES\"").expect("test case");
        let end = start + xml[start..].find("</testcase>").expect("closed");
        xml[start..end].to_string()
    };
    let default = stdout(&area.check("junit", &[]));
    let case = parasites(&default);
    assert!(
        case.contains("<skipped message=\"avertissement, sans effet sur le résultat :"),
        "{case}"
    );
    assert!(!case.contains("<failure"), "{case}");
    let strict = stdout(&area.check("junit", &["--fail-on", "warning"]));
    let case = parasites(&strict);
    assert!(case.contains("<failure message="), "{case}");
    // --fail-on never sets the exit code only: the blocking failures (NOM-29, DC1) and the
    // blocking rule left unjudged (GROUPEMENT) stay failed tests.
    let out = area.check("junit", &["--fail-on", "never"]);
    assert_eq!(out.status.code(), Some(0));
    let never = String::from_utf8(out.stdout).expect("utf-8");
    assert_eq!(never.matches("<failure ").count(), 3, "{never}");
    assert!(parasites(&never).contains("<skipped message=\"avertissement"));
}

// ---------------------------------------------------------------- sarif

#[test]
fn sarif_is_valid_against_the_official_schema_and_locates_every_result() {
    let area = Area::new();
    let text = stdout(&area.check("sarif", &[]));
    let log: Value = serde_json::from_str(&text).expect("json");
    let schema_text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/formats/sarif-schema-2.1.0.json"),
    )
    .expect("schema");
    let schema: Value = serde_json::from_str(&schema_text).expect("schema json");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "SARIF schema errors: {errors:#?}");
    // The schema does bite: a level outside its enum is refused.
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["level"] = Value::from("fatal");
    assert!(!validator.is_valid(&broken));

    let run = &log["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "bidlint");
    let rules: Vec<&str> = run["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .map(|r| r["id"].as_str().expect("id"))
        .collect();
    assert_eq!(rules, RULES, "every rule of the report is described");
    for r in run["tool"]["driver"]["rules"].as_array().expect("rules") {
        assert!(!r["help"]["text"].as_str().expect("help").is_empty());
        assert!(
            r["fullDescription"]["text"]
                .as_str()
                .expect("full")
                .contains('«')
        );
    }
    assert!(run["originalUriBaseIds"]["BIDROOT"].is_object());

    let results = run["results"].as_array().expect("results");
    // 3 + 4 findings of the failed rules, 2 waived, 1 missing piece located at the manifest.
    assert_eq!(results.len(), 10);
    for res in results {
        let loc = &res["locations"][0]["physicalLocation"]["artifactLocation"];
        let uri = loc["uri"].as_str().expect("every result has a location");
        assert!(
            !uri.is_empty() && !uri.contains('<') && !uri.contains(' '),
            "{uri}"
        );
        let waived = res["ruleId"] == "FMT-VIDE";
        assert_eq!(waived, res.get("suppressions").is_some(), "{res}");
        if waived {
            assert_eq!(res["suppressions"][0]["kind"], "external");
            assert_eq!(res["suppressions"][0]["justification"], WAIVER);
            // GitHub ignores suppressions: the result itself says it is no alert.
            assert_eq!(res["kind"], "informational");
            assert_eq!(res["level"], "none");
            let text = res["message"]["text"].as_str().expect("message");
            assert!(text.starts_with("Dérogation acceptée ("), "{text}");
        } else {
            assert!(res.get("kind").is_none(), "a failure is the default kind");
            assert_ne!(res["level"], "none");
        }
        // GitHub's own fingerprint, in its `hash:occurrence` form.
        let hash = res["partialFingerprints"]["primaryLocationLineHash"]
            .as_str()
            .expect("primaryLocationLineHash");
        let (hex, n) = hash.split_once(':').expect("hash:occurrence");
        assert!(
            hex.len() == 16 && hex.bytes().all(|b| b.is_ascii_hexdigit()),
            "{hash}"
        );
        assert!(n.parse::<usize>().expect("occurrence") >= 1);
        // Every base id used is declared.
        let base = loc["uriBaseId"].as_str().expect("relative to a base");
        assert!(run["originalUriBaseIds"][base].is_object(), "{base}");
    }
    for r in run["tool"]["driver"]["rules"].as_array().expect("rules") {
        let (id, name) = (
            r["id"].as_str().expect("id"),
            r["name"].as_str().expect("name"),
        );
        assert!(!name.is_empty() && name != id, "{id} / {name}");
        assert!(name.bytes().all(|b| b.is_ascii_alphanumeric()), "{name}");
        let markdown = r["help"]["markdown"].as_str().expect("help.markdown");
        assert!(markdown.starts_with("**À faire :** ") && markdown.contains("\n\n> "));
        assert!(
            ["very-high", "high", "medium", "low"]
                .contains(&r["properties"]["precision"].as_str().expect("precision"))
        );
        let expected = match r["properties"]["severity"].as_str().expect("severity") {
            "error" => "error",
            "warning" => "warning",
            _ => "recommendation",
        };
        assert_eq!(r["properties"]["problem.severity"], expected);
    }
    let names: Vec<&str> = run["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .map(|r| r["name"].as_str().expect("name"))
        .collect();
    assert_eq!(names[0], "NomsDeFichierDe29CaracteresAuPlus");
    assert_eq!(
        run["originalUriBaseIds"]["BIDROOT"]["uri"], "bid/",
        "the bid folder, from SRCROOT"
    );
    assert_eq!(
        run["originalUriBaseIds"]["BIDROOT"]["uriBaseId"],
        "%SRCROOT%"
    );
    let missing = results
        .iter()
        .find(|r| r["ruleId"] == "FMT-DC1")
        .expect("the missing piece is a result");
    // Paths are written from the directory bidlint ran in (GitHub ignores base ids).
    assert_eq!(
        missing["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "bid/bid.yaml"
    );
    assert_eq!(
        missing["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"],
        "%SRCROOT%"
    );
    assert!(results.iter().any(
        |r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            == "bid/%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E.pdf"
    ));
}

// ---------------------------------------------------------------- gitlab

#[test]
fn gitlab_issues_have_unique_fingerprints_stable_across_runs() {
    let area = Area::new();
    let first = stdout(&area.check("gitlab", &[]));
    let second = stdout(&area.check("gitlab", &[]));
    assert_eq!(first, second, "nothing run-specific in the report");
    let issues: Vec<Value> = serde_json::from_str(&first).expect("json array");
    // Only failing findings: 3 + 4 + the missing piece; the waived rule is not an issue.
    assert_eq!(issues.len(), 8);
    let mut fingerprints: Vec<&str> = issues
        .iter()
        .map(|i| i["fingerprint"].as_str().expect("fingerprint"))
        .collect();
    fingerprints.sort_unstable();
    fingerprints.dedup();
    assert_eq!(fingerprints.len(), issues.len(), "fingerprints are unique");
    for i in &issues {
        assert!(
            ["blocker", "critical", "major", "minor", "info"]
                .contains(&i["severity"].as_str().expect("severity"))
        );
        assert!(RULES.contains(&i["check_name"].as_str().expect("check_name")));
        assert_ne!(i["check_name"], "FMT-VIDE");
        assert!(
            i["location"]["path"]
                .as_str()
                .expect("path")
                .starts_with("bid/")
        );
        assert_eq!(i["location"]["lines"]["begin"], 1);
        assert!(!i["description"].as_str().expect("description").is_empty());
    }
}

/// `bidlint check DIR --format F` run from the work area, DIR as typed.
fn check_dir(area: &Area, dir: &str, format: &str) -> Value {
    let out = Command::cargo_bin("bidlint")
        .expect("binary")
        .env("NO_COLOR", "1")
        .current_dir(area.root())
        .args(["check", dir, "--format", format])
        .output()
        .expect("runs");
    serde_json::from_str(&stdout(&out)).expect("json")
}

#[test]
fn fingerprints_survive_renaming_the_folder_and_paths_are_repository_relative() {
    let area = Area::new();
    let abs = area.root().join("bid").to_str().expect("utf-8").to_string();
    let mut by_spelling: Vec<(Vec<String>, Vec<String>)> = Vec::new();
    for dir in ["bid", "./bid", abs.as_str(), "renamed"] {
        if dir == "renamed" {
            std::fs::rename(area.root().join("bid"), area.root().join("renamed")).expect("mv");
        }
        let gitlab = check_dir(&area, dir, "gitlab");
        let mut prints = Vec::new();
        for i in gitlab.as_array().expect("issues") {
            let path = i["location"]["path"].as_str().expect("path");
            let folder = if dir == "renamed" { "renamed/" } else { "bid/" };
            assert!(path.starts_with(folder), "{dir}: {path}");
            assert!(
                !path.starts_with('/') && !path.contains("./"),
                "{dir}: {path}"
            );
            prints.push(i["fingerprint"].as_str().expect("fp").to_string());
        }
        let sarif = check_dir(&area, dir, "sarif");
        let mut hashes = Vec::new();
        for r in sarif["runs"][0]["results"].as_array().expect("results") {
            let uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .expect("uri");
            assert!(!uri.starts_with('/') && !uri.contains("./") && !uri.starts_with("file:"));
            hashes.push(
                r["partialFingerprints"]["primaryLocationLineHash"]
                    .as_str()
                    .expect("hash")
                    .to_string(),
            );
        }
        prints.sort();
        hashes.sort();
        assert_eq!(prints.len(), 8);
        by_spelling.push((prints, hashes));
    }
    for other in &by_spelling[1..] {
        assert_eq!(
            other, &by_spelling[0],
            "same identities whatever the folder is called"
        );
    }
}

#[test]
fn a_deposit_zip_is_located_at_the_zip_with_the_same_identities_as_its_folder() {
    use bidlint_fixturegen::zipfile::{Entry, UTF8_NAME, build};
    let area = Area::new();
    let mut entries = Vec::new();
    for (path, bytes) in area.snapshot() {
        let rel = path
            .strip_prefix(area.root().join("bid"))
            .expect("inside")
            .to_str()
            .expect("utf-8")
            .to_string();
        entries.push(match bytes {
            Some(data) => Entry {
                name: rel.into_bytes(),
                data,
                flags: UTF8_NAME,
            },
            None => Entry {
                name: format!("{rel}/").into_bytes(),
                data: Vec::new(),
                flags: UTF8_NAME,
            },
        });
    }
    std::fs::write(area.root().join("bid.zip"), build(&entries)).expect("zip");
    let ids = |v: &Value, pointer: &str| -> Vec<String> {
        let mut ids: Vec<String> = v
            .as_array()
            .expect("array")
            .iter()
            .map(|x| x.pointer(pointer).expect("id").to_string())
            .collect();
        ids.sort();
        ids
    };
    let folder = check_dir(&area, "bid", "gitlab");
    let zip = check_dir(&area, "bid.zip", "gitlab");
    assert_eq!(ids(&zip, "/fingerprint"), ids(&folder, "/fingerprint"));
    for i in zip.as_array().expect("issues") {
        assert_eq!(i["location"]["path"], "bid.zip", "{i}");
    }
    let described: Vec<&str> = zip
        .as_array()
        .expect("issues")
        .iter()
        .map(|i| i["description"].as_str().expect("description"))
        .collect();
    assert!(
        described.iter().any(|d| d.contains(&format!("{IMG} : "))),
        "{described:#?}"
    );
    let folder = check_dir(&area, "bid", "sarif");
    let zip = check_dir(&area, "bid.zip", "sarif");
    let hash = "/partialFingerprints/primaryLocationLineHash";
    assert_eq!(
        ids(&zip["runs"][0]["results"], hash),
        ids(&folder["runs"][0]["results"], hash)
    );
    for r in zip["runs"][0]["results"].as_array().expect("results") {
        let loc = &r["locations"][0]["physicalLocation"]["artifactLocation"];
        assert_eq!(loc["uri"], "bid.zip", "{r}");
    }
    let out = Command::cargo_bin("bidlint")
        .expect("binary")
        .env("NO_COLOR", "1")
        .env_remove("GITHUB_STEP_SUMMARY")
        .current_dir(area.root())
        .args(["check", "bid.zip", "--format", "github"])
        .output()
        .expect("runs");
    let text = stdout(&out);
    assert!(
        text.contains("::error file=bid.zip,title=FMT-NOM-29::"),
        "{text}"
    );
}

// ---------------------------------------------------------------- csv

#[test]
fn csv_rows_are_quoted_and_formula_safe() {
    let area = Area::new();
    let out = area.check("csv", &[]);
    assert_eq!(out.status.code(), Some(1));
    let bytes = out.stdout;
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 BOM for Excel");
    // A French report is split on `;`, what a French Excel expects.
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(&bytes[3..]);
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    assert_eq!(header.len(), 13);
    assert_eq!(header[0], "Règle");
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.expect("RFC 4180 row").iter().map(String::from).collect())
        .collect();
    // One row per finding (3 + 4 + 2 + 1), one per rule without findings (4), the past
    // deadline's, and the verdict's, last.
    assert_eq!(rows.len(), 16);
    let alert = &rows[rows.len() - 2];
    assert_eq!(alert[0], "ALERTE");
    assert!(
        alert[11].starts_with("ATTENTION : la date limite"),
        "{alert:?}"
    );
    let last = rows.last().expect("verdict row");
    assert_eq!(last[0], "VERDICT");
    assert!(last[11].starts_with("NON CONFORME — "), "{last:?}");
    for cell in rows.iter().flatten() {
        assert!(!is_formula_start(cell), "unsafe cell {cell:?}");
    }
    let paths: Vec<&str> = rows.iter().map(|r| r[9].as_str()).collect();
    for hostile in [HYPERLINK, PLUS, AT] {
        assert!(
            paths.contains(&format!("'{hostile}").as_str()),
            "{hostile} neutralised: {paths:?}"
        );
    }
    assert!(paths.contains(&IMG));
    let waived: Vec<&Vec<String>> = rows.iter().filter(|r| r[0] == "FMT-VIDE").collect();
    assert!(
        waived
            .iter()
            .all(|r| r[3] == "dérogation" && r[11].contains(WAIVER))
    );
}

#[test]
fn csv_separator_follows_the_language_unless_chosen() {
    let area = Area::new();
    let header_line = |args: &[&str]| -> String {
        let out = area.check("csv", args);
        let text = String::from_utf8(out.stdout[3..].to_vec()).expect("utf-8");
        text.lines().next().expect("header").to_string()
    };
    assert!(header_line(&[]).starts_with("Règle;Pack;Gravité;"));
    assert!(header_line(&["--lang", "en"]).starts_with("Rule,Pack,Severity,"));
    assert!(header_line(&["--csv-separator", ","]).starts_with("Règle,Pack,"));
    assert!(header_line(&["--csv-separator", "tab"]).starts_with("Règle\tPack\t"));
    let out = area.check("csv", &["--csv-separator", "ab"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("séparateur CSV invalide"));
}

// ---------------------------------------------------------------- xlsx

fn sheet_rows(wb: &mut Xlsx<Cursor<Vec<u8>>>, name: &str) -> Vec<Vec<String>> {
    let range = wb.worksheet_range(name).expect("sheet");
    range
        .rows()
        .map(|row| {
            row.iter()
                .map(|c| match c {
                    Data::String(s) => s.clone(),
                    Data::Empty => String::new(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

#[test]
fn xlsx_has_a_summary_and_a_rules_sheet_with_safe_cells_and_is_reproducible() {
    let area = Area::new();
    let path = area.out("rapport.xlsx");
    let out = area.check("xlsx", &["-o", path.to_str().expect("utf-8")]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty());
    let bytes = std::fs::read(&path).expect("workbook written");
    let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.clone())).expect("xlsx");
    assert_eq!(wb.sheet_names(), ["Synthèse", "Règles"]);

    let summary = sheet_rows(&mut wb, "Synthèse");
    let flat: Vec<&str> = summary.iter().flatten().map(String::as_str).collect();
    assert!(flat.contains(&"bid"), "folder in the summary: {flat:?}");
    assert!(
        flat.iter().any(|c| c.contains("NON CONFORME")),
        "verdict in the summary"
    );
    assert!(flat.contains(&"19 février 2026 à 12 h 00"));

    let rules = sheet_rows(&mut wb, "Règles");
    assert_eq!(rules[0][0], "Règle", "header row");
    assert_eq!(rules[0].len(), 13);
    assert_eq!(rules.len(), 15, "header + one row per finding or rule");
    let paths: Vec<&str> = rules.iter().map(|r| r[9].as_str()).collect();
    for hostile in [HYPERLINK, PLUS, AT] {
        // A string cell is never a formula: the name is kept exactly, no apostrophe added.
        assert!(paths.contains(&hostile), "{hostile}: {paths:?}");
    }
    assert!(!rules.iter().flatten().any(|c| c.starts_with('\'')));
    assert!(
        rules.iter().any(|r| r[4] == "Mémoire technique"),
        "accents survive"
    );

    // Same report, same bytes: no timestamp in the workbook.
    let again = area.out("encore.xlsx");
    area.check("xlsx", &["-o", again.to_str().expect("utf-8")]);
    assert_eq!(std::fs::read(&again).expect("second workbook"), bytes);
}

/// The XML part `name` of a workbook.
fn xlsx_part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("xlsx is a zip");
    let mut text = String::new();
    std::io::Read::read_to_string(&mut zip.by_name(name).expect("part"), &mut text)
        .expect("utf-8 part");
    text
}

/// The attributes of the first `<tag …>` of an XML part.
fn first_tag(xml: &str, tag: &str) -> BTreeMap<String, String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    loop {
        match reader.read_event().expect("xml") {
            Event::Eof => return BTreeMap::new(),
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == tag => {
                return attributes(&e).into_iter().collect();
            }
            _ => {}
        }
    }
}

#[test]
fn xlsx_prints_fitted_with_repeated_titles_and_formula_like_cells_as_styled_text() {
    let area = Area::new();
    let path = area.out("rapport.xlsx");
    area.check("xlsx", &["-o", path.to_str().expect("utf-8")]);
    let bytes = std::fs::read(&path).expect("workbook");
    let summary = xlsx_part(&bytes, "xl/worksheets/sheet1.xml");
    let rules = xlsx_part(&bytes, "xl/worksheets/sheet2.xml");
    // The summary: one page, both ways.
    assert_eq!(first_tag(&summary, "pageSetUpPr")["fitToPage"], "1");
    let setup = first_tag(&summary, "pageSetup");
    assert_eq!(setup["paperSize"], "9", "A4");
    assert!(!setup.contains_key("fitToWidth") || setup["fitToWidth"] == "1");
    assert!(!setup.contains_key("fitToHeight") || setup["fitToHeight"] == "1");
    // The rules: as wide as one landscape page, as many pages down as needed.
    assert_eq!(first_tag(&rules, "pageSetUpPr")["fitToPage"], "1");
    let setup = first_tag(&rules, "pageSetup");
    assert_eq!(setup["orientation"], "landscape");
    assert_eq!(setup["fitToHeight"], "0", "{setup:?}");
    assert!(!setup.contains_key("fitToWidth") || setup["fitToWidth"] == "1");
    // Header row and rule column on every page.
    let workbook = xlsx_part(&bytes, "xl/workbook.xml");
    assert!(
        workbook.contains(">Règles!$A:$A,Règles!$1:$1</definedName>"),
        "{workbook}"
    );
    assert!(workbook.contains("name=\"_xlnm.Print_Titles\" localSheetId=\"1\""));
    // Each rule row has a height that fits its wrapped text: taller for the longer texts.
    let heights: Vec<f64> = rules
        .split("<row ")
        .skip(2)
        .map(|row| {
            let tag = format!("<row {}", &row[..row.find('>').expect("tag")]);
            let attrs = first_tag(&format!("{tag}/>"), "row");
            assert_eq!(attrs["customHeight"], "1", "{tag}");
            attrs["ht"].parse().expect("height")
        })
        .collect();
    assert_eq!(heights.len(), 14);
    assert!(heights.iter().all(|h| *h >= 15.0 && *h <= 409.0));
    assert!(heights.iter().any(|h| *h > 15.0), "{heights:?}");
    // A formula-like name is a string cell with the quote-prefix style, not a formula.
    let styles = xlsx_part(&bytes, "xl/styles.xml");
    assert!(styles.contains("quotePrefix=\"1\""));
    assert!(!rules.contains("<f>"), "no formula anywhere");
}

#[test]
fn xlsx_without_output_file_is_refused() {
    let area = Area::new();
    let out = area.check("xlsx", &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("-o"));
}

// ---------------------------------------------------------------- html

#[test]
fn html_is_self_contained_and_shows_hostile_names_as_text() {
    let area = Area::new();
    let page = stdout(&area.check("html", &[]));
    let doc = scraper::Html::parse_document(&page);
    let count = |css: &str| {
        doc.select(&scraper::Selector::parse(css).expect("selector"))
            .count()
    };
    assert_eq!(count("img"), 0, "a file name became an element");
    assert_eq!(count("script"), 0);
    assert_eq!(count("link"), 0);
    assert_eq!(count("[src]"), 0, "no external asset");
    assert_eq!(count("[onerror]"), 0);
    for a in doc.select(&scraper::Selector::parse("[href]").expect("selector")) {
        let href = a.value().attr("href").unwrap_or_default();
        assert!(href.starts_with('#'), "only in-page links: {href}");
    }
    let text: String = doc.root_element().text().collect();
    assert!(text.contains(IMG), "the hostile name is shown as text");
    assert!(text.contains(HYPERLINK));
    assert!(
        text.contains(ACCENTS),
        "the recognised piece, accents intact"
    );
    assert!(text.contains(WAIVER), "the waiver's reason, as text");
    assert!(page.contains("@page") && page.contains("size: A4") && page.contains("@media print"));
    // A restrictive Content-Security-Policy, first thing in the head.
    let csp: Vec<&str> = doc
        .select(
            &scraper::Selector::parse("head meta[http-equiv=\"Content-Security-Policy\"]")
                .expect("selector"),
        )
        .filter_map(|m| m.value().attr("content"))
        .collect();
    assert_eq!(csp.len(), 1, "one CSP meta tag");
    let directives: BTreeMap<&str, &str> = csp[0]
        .split(';')
        .filter_map(|d| d.trim().split_once(' '))
        .collect();
    assert_eq!(directives["default-src"], "'none'");
    assert_eq!(directives["script-src"], "'none'");
    assert_eq!(directives["img-src"], "'none'");
    assert_eq!(directives["base-uri"], "'none'");
    assert_eq!(directives["form-action"], "'none'");
    assert_eq!(directives["style-src"], "'unsafe-inline'");
    assert_eq!(count("section.rule"), RULES.len());
    assert_eq!(
        count("blockquote"),
        RULES.len(),
        "each rule quotes its source"
    );
}

// ---------------------------------------------------------------- markdown

#[test]
fn markdown_is_french_by_default_and_english_on_request() {
    let area = Area::new();
    let fr = stdout(&area.check("markdown", &[]));
    assert!(fr.starts_with("# bidlint — rapport de conformité"));
    assert!(fr.contains("| Statut | Règle | Exigence | Périmètre | Source |"));
    assert!(fr.contains(&format!("`{IMG}`")), "file names in code spans");
    assert!(!fr.contains("<b>"), "raw HTML from the waiver is escaped");
    let en = stdout(&area.check("markdown", &["--lang", "en"]));
    assert!(en.starts_with("# bidlint — compliance report"));
    assert!(en.contains("| Status | Rule | Requirement | Scope | Source |"));
    assert!(en.contains("Waiver:"));
}

// ---------------------------------------------------------------- github

#[test]
fn github_annotations_are_well_formed_and_escaped() {
    let area = Area::new();
    let text = stdout(&area.check("github", &[]));
    let lines: Vec<&str> = text.lines().collect();
    let (summary, annotations) = lines.split_last().expect("lines");
    assert!(summary.starts_with("bidlint : "), "{summary}");
    // The deadline of the test pack is past: said first, once.
    let (alert, annotations) = annotations.split_first().expect("annotations");
    assert!(
        alert.starts_with("::warning title=bidlint::ATTENTION : la date limite"),
        "{alert}"
    );
    assert_eq!(annotations.len(), 8, "one per failing finding: {text}");
    for line in annotations {
        let rest = ["::error ", "::warning ", "::notice "]
            .iter()
            .find_map(|p| line.strip_prefix(p))
            .unwrap_or_else(|| panic!("not a workflow command: {line}"));
        let (props, message) = rest.split_once("::").expect("properties::message");
        assert!(!message.is_empty());
        let props: Vec<&str> = props.split(',').collect();
        assert_eq!(props.len(), 2, "file and title only: {line}");
        assert!(props[0].starts_with("file=bid/") && props[1].starts_with("title=FMT-"));
        assert!(
            !props
                .iter()
                .any(|p| p.split_once('=').expect("k=v").1.contains(':'))
        );
    }
    assert!(text.contains("file=bid/=HYPERLINK(\"http%3Aevil\"%2C\"clic\").pdf"));
    assert!(text.contains("::warning file=bid/+cmd.pdf,title=FMT-PARASITES::"));
    assert!(text.contains("::error file=bid/bid.yaml,title=FMT-DC1::"));
}

#[test]
fn github_past_ten_annotations_of_a_kind_gives_one_per_rule_with_its_count() {
    let area = Area::new();
    // 12 more names over 29 characters: 15 findings of FMT-NOM-29 and the missing DC1 make
    // 16 error annotations, more than GitHub keeps; the 4 warnings stay one per finding.
    for i in 0..12 {
        let name = format!("{}{i:02}.pdf", "b".repeat(30));
        std::fs::write(area.root().join("bid").join(name), b"%PDF-1.4 test\n").expect("write");
    }
    let text = stdout(&area.check("github", &[]));
    let errors: Vec<&str> = text.lines().filter(|l| l.starts_with("::error ")).collect();
    assert_eq!(errors.len(), 2, "{text}");
    assert!(errors[0].starts_with("::error file=bid/"), "{}", errors[0]);
    assert!(
        errors[0].contains(",title=FMT-NOM-29 (15)::"),
        "{}",
        errors[0]
    );
    // The message lists every finding of the rule, one per (encoded) line.
    assert!(errors[0].contains("::Noms de fichier de 29 caractères au plus : 15 constat(s)%0A- "));
    assert_eq!(errors[0].matches("%0A- ").count(), 15);
    assert!(errors[1].starts_with("::error file=bid/bid.yaml,title=FMT-DC1 (1)::"));
    let warnings = text.lines().filter(|l| l.starts_with("::warning ")).count();
    // Four findings, under the limit: one per finding; and, first, the past deadline.
    assert_eq!(warnings, 5, "under the limit: one per finding");
}

#[test]
fn github_past_ten_rules_of_a_kind_names_the_rest_in_one_last_annotation() {
    let area = Area::new();
    let pack = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/formats/many-rules.yaml");
    let text = stdout(&area.check("github", &["--pack", pack.to_str().expect("utf-8")]));
    let errors: Vec<&str> = text.lines().filter(|l| l.starts_with("::error ")).collect();
    // 13 failing error rules (the 11, FMT-NOM-29, FMT-DC1): 9 annotated with their count,
    // the last 4 named in a tenth.
    assert_eq!(errors.len(), 10, "what GitHub keeps: {text}");
    for line in &errors[..9] {
        let title = line.split(",title=").nth(1).expect("title");
        assert!(
            title.starts_with("FMT-") || title.starts_with("NOMBREUX-"),
            "{line}"
        );
        assert!(
            title.split("::").next().expect("title").ends_with(')'),
            "{line}"
        );
    }
    assert!(
        errors[9].starts_with("::error file=bid/bid.yaml,title=bidlint::4 autre(s) règle(s), "),
        "{}",
        errors[9]
    );
    assert!(errors[9].contains("NOMBREUX-11"), "{}", errors[9]);
}

#[test]
fn github_appends_the_markdown_report_to_the_step_summary() {
    let area = Area::new();
    let summary = area.out("step-summary.md");
    std::fs::write(&summary, "résumé d'une étape précédente\n").expect("write");
    for _ in 0..2 {
        let out = area
            .command("github", &[])
            .env("GITHUB_STEP_SUMMARY", &summary)
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(1));
    }
    let text = std::fs::read_to_string(&summary).expect("summary");
    assert!(
        text.starts_with("résumé d'une étape précédente\n"),
        "appended, never truncated"
    );
    assert_eq!(text.matches("# bidlint — rapport de conformité").count(), 2);
}

#[test]
fn github_step_summary_inside_the_bid_folder_is_refused() {
    let area = Area::new();
    let before = area.snapshot();
    let out = area
        .command("github", &[])
        .env("GITHUB_STEP_SUMMARY", area.root().join("bid/summary.md"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(area.snapshot(), before);
}

// ---------------------------------------------------------------- all

#[test]
fn no_format_changes_the_bid_folder() {
    let area = Area::new();
    let before = area.snapshot();
    let formats = [
        "table", "json", "junit", "sarif", "github", "gitlab", "markdown", "csv", "html",
    ];
    for f in formats {
        let out = area.check(f, &[]);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{f}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!out.stdout.is_empty(), "{f} printed nothing");
        let file = area.out(&format!("rapport.{f}"));
        let out = area.check(f, &["-o", file.to_str().expect("utf-8")]);
        assert_eq!(out.status.code(), Some(1), "{f} -o");
        assert!(file.exists());
    }
    let xlsx = area.out("rapport.xlsx");
    area.check("xlsx", &["-o", xlsx.to_str().expect("utf-8")]);
    let summary = area.out("summary.md");
    area.command("github", &[])
        .env("GITHUB_STEP_SUMMARY", &summary)
        .output()
        .expect("runs");
    assert_eq!(area.snapshot(), before, "the bid folder is byte-identical");
}
