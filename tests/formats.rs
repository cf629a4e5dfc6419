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

fn declared(e: &BytesStart) -> Counts {
    let n = |k| attr(e, k).parse::<usize>().expect("count");
    Counts([n("tests"), n("failures"), n("errors"), n("skipped")])
}

#[test]
fn junit_has_one_suite_per_pack_with_counts_that_add_up() {
    let area = Area::new();
    let xml = stdout(&area.check("junit", &[]));
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut total = Counts::default();
    let mut suites: Vec<(String, Counts, Counts)> = Vec::new();
    let mut names = Vec::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                "testsuites" => total = declared(&e),
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
    // formats: 4 failures (NOM-29, PARASITES, DC1, and GROUPEMENT: a blocking rule left
    // unjudged, `candidate.form` missing, fails the run as INCOMPLET); skipped: waived VIDE,
    // manual SIGNATURE. formats-ext: one manual rule.
    assert_eq!(
        by_name["formats"],
        (&Counts([7, 4, 0, 2]), &Counts([7, 4, 0, 2]))
    );
    assert_eq!(
        by_name["formats-ext"],
        (&Counts([1, 0, 0, 1]), &Counts([1, 0, 0, 1]))
    );
    assert_eq!(total, Counts([8, 4, 0, 3]));
    // The waived rule's skip message is the waiver's reason; hostile names stay text.
    assert!(xml.contains("&lt;img src=x onerror=alert(1)&gt;.pdf"));
    assert!(!xml.contains("<img"));
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
        }
    }
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

// ---------------------------------------------------------------- csv

#[test]
fn csv_rows_are_quoted_and_formula_safe() {
    let area = Area::new();
    let out = area.check("csv", &[]);
    assert_eq!(out.status.code(), Some(1));
    let bytes = out.stdout;
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 BOM for Excel");
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
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
    // One row per finding (3 + 4 + 2 + 1), one per rule without findings (4), and the
    // verdict's, last.
    assert_eq!(rows.len(), 15);
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
    assert!(flat.contains(&"2026-02-19T12:00:00+01:00"));

    let rules = sheet_rows(&mut wb, "Règles");
    assert_eq!(rules[0][0], "Règle", "header row");
    assert_eq!(rules[0].len(), 13);
    assert_eq!(rules.len(), 15, "header + one row per finding or rule");
    for cell in rules.iter().flatten() {
        assert!(!is_formula_start(cell), "unsafe cell {cell:?}");
    }
    let paths: Vec<&str> = rules.iter().map(|r| r[9].as_str()).collect();
    for hostile in [HYPERLINK, PLUS, AT] {
        assert!(
            paths.contains(&format!("'{hostile}").as_str()),
            "{hostile}: {paths:?}"
        );
    }
    assert!(
        rules.iter().any(|r| r[4] == "Mémoire technique"),
        "accents survive"
    );

    // Same report, same bytes: no timestamp in the workbook.
    let again = area.out("encore.xlsx");
    area.check("xlsx", &["-o", again.to_str().expect("utf-8")]);
    assert_eq!(std::fs::read(&again).expect("second workbook"), bytes);
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
