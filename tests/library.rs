//! The pipeline called in-process through `bidlint::run`, as another program would: no
//! argument parsing, no rendering. Documents are still read by worker processes, which are
//! the `bidlint` executable (this test executable is not one).

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use bidlint::report::{ReportKind, Status};
use bidlint::run::{
    self, CheckRequest, ChecklistRequest, DocumentOptions, Inputs, PortfolioRequest, Progress,
    RunError, Silent,
};

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(rel)
}

/// Two reading threads, the `bidlint` executable as worker, no cache (a test must neither
/// fill the user's cache nor depend on it).
fn documents() -> DocumentOptions {
    DocumentOptions {
        jobs: 2,
        cache: false,
        worker: Some(PathBuf::from(env!("CARGO_BIN_EXE_bidlint"))),
        ..DocumentOptions::default()
    }
}

fn check(dir: &Path, inputs: Inputs) -> Result<run::CheckRun, RunError> {
    run::check_folder(
        &CheckRequest {
            target: dir.to_path_buf(),
            inputs,
            documents: documents(),
        },
        &Silent,
    )
}

/// What a progress was told.
#[derive(Default)]
struct Recorded {
    total: Option<usize>,
    names: Vec<String>,
    advanced: usize,
    finished: bool,
}

#[derive(Default)]
struct Recorder(Mutex<Recorded>);

impl Progress for Recorder {
    fn start(&self, total: usize) {
        self.0.lock().unwrap().total = Some(total);
    }
    fn reading(&self, name: &str) {
        self.0.lock().unwrap().names.push(name.to_string());
    }
    fn advance(&self) {
        self.0.lock().unwrap().advanced += 1;
    }
    fn finish(&self) {
        self.0.lock().unwrap().finished = true;
    }
}

#[test]
fn a_compliant_groupement_passes_and_its_documents_are_read() {
    let recorder = Recorder::default();
    let run = run::check_folder(
        &CheckRequest {
            target: fixture("caih-groupement-ok"),
            inputs: Inputs::default(),
            documents: documents(),
        },
        &recorder,
    )
    .expect("the check runs");
    let report = &run.report;
    assert_eq!(report.bid.files, 15);
    assert_eq!(report.bid.phase.as_deref(), Some("candidature"));
    for r in &report.results {
        assert!(
            !matches!(r.status, Status::Fail | Status::Error),
            "{}: {:?} {:?}",
            r.rule,
            r.status,
            r.findings
        );
    }
    let status = |id: &str| {
        report
            .results
            .iter()
            .find(|r| r.rule == id)
            .map(|r| r.status)
    };
    assert_eq!(status("CAIH-CAND-DC1"), Some(Status::Pass));
    assert_eq!(status("PLACE-LISIBLE"), Some(Status::Pass));
    // Every document was read by a worker (no cache), and the progress was told so.
    assert!(run.reading.read > 0);
    assert_eq!(run.reading.cached, 0);
    let seen = recorder.0.lock().unwrap();
    assert_eq!(seen.total, Some(run.reading.read));
    assert_eq!(seen.advanced, run.reading.read);
    assert_eq!(seen.names.len(), run.reading.read);
    assert!(seen.finished);
}

#[test]
fn a_name_too_long_fails_its_rule() {
    let run = check(&fixture("caih-broken/nom-30"), Inputs::default()).expect("runs");
    let nom = run
        .report
        .results
        .iter()
        .find(|r| r.rule == "CAIH-NOM-30")
        .expect("rule");
    assert_eq!(nom.status, Status::Fail);
    assert!(!nom.findings.is_empty());
}

#[test]
fn what_cannot_run_is_a_typed_error_in_french() {
    let missing = check(Path::new("no/such/folder"), Inputs::default()).unwrap_err();
    assert!(
        matches!(missing, RunError::FolderMissing { .. }),
        "{missing:?}"
    );
    assert_eq!(missing.to_string(), "dossier introuvable : no/such/folder");

    let deadline = check(
        &fixture("caih-groupement-ok"),
        Inputs {
            deadline: Some("demain".into()),
            ..Inputs::default()
        },
    )
    .unwrap_err();
    assert!(matches!(deadline, RunError::Deadline(_)), "{deadline:?}");
    assert!(deadline.to_string().starts_with("--deadline : "));

    let pack = check(
        &fixture("caih-groupement-ok"),
        Inputs {
            packs: vec!["no-such-pack".into()],
            ..Inputs::default()
        },
    )
    .unwrap_err();
    assert!(matches!(pack, RunError::Pack(_)), "{pack:?}");

    let pdf = std::fs::read_dir(fixture("caih-groupement-ok/alpha"))
        .expect("folder")
        .flatten()
        .map(|e| e.path())
        .find(|p| p.is_file())
        .expect("a file");
    let file = check(&pdf, Inputs::default()).unwrap_err();
    assert!(matches!(file, RunError::FileNotFolder { .. }), "{file:?}");
}

#[test]
fn a_checklist_without_a_folder_is_all_to_verify() {
    let report = run::checklist(
        &ChecklistRequest {
            target: None,
            inputs: Inputs {
                packs: vec!["caih-aos-2026".into()],
                phase: Some(bidlint::manifest::Phase::Candidature),
                ..Inputs::default()
            },
            documents: documents(),
        },
        &Silent,
    )
    .expect("runs");
    assert_eq!(report.kind, ReportKind::Checklist);
    assert!(!report.results.is_empty());
    assert!(report.results.iter().all(|r| r.status == Status::Manual));
}

#[test]
fn a_portfolio_of_one_groupement_is_a_portfolio_report() {
    let report = run::portfolio(&PortfolioRequest {
        bids: vec![fixture("caih-groupement-ok")],
        packs: Vec::new(),
        lang: bidlint::report::i18n::Lang::Fr,
    })
    .expect("runs");
    assert_eq!(report.kind, ReportKind::Portfolio);
    assert_eq!(report.bid.files, 15);
    assert_eq!(report.bid.phase.as_deref(), Some("candidature"));
}
