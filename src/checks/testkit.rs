//! In-memory bids for the check kinds' unit tests: an inventory from (path, size, kind), a
//! manifest parsed from YAML by the crate's own parser, what was read inside the documents,
//! the pieces recognised; then a check compiled from its YAML `check:` snippet and judged,
//! as the engine would, without walking a folder, reading a file or spawning a worker. A test
//! that fails here points at the check kind, not at the walk, the readers or the renderers.
//!
//! ```ignore
//! let outcome = TestBid::new()
//!     .file("26_01_DC_Memoire_technique_Alpha.pdf", 1_000, FileKind::Pdf)
//!     .evaluate("kind: filename-length\nmax: 29");
//! assert_eq!(lines(&outcome), ["26_01_DC_Memoire_technique_Alpha.pdf : 36 caractères (max 29)"]);
//! ```

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::cross_bid::{self, Bid};
use super::piece::RequiredPiece;
use super::{Check, CompileError, CompiledCheck, Context, Outcome, PieceIndex};
use crate::dates::DateSpec;
use crate::documents::pool::{DocResult, Documents};
use crate::documents::{DocFacts, ReadFailure};
use crate::inventory::{Anomaly, DirEntryInfo, FileEntry, FileKind, Inventory};
use crate::manifest::{self, LoadedManifest};
use crate::vocabulary::{Lang, LotDef, Said};

/// How findings on manifest facts name the manifest.
pub(crate) const MANIFEST_NAME: &str = "bid.yaml";
/// The rule id a check is judged under unless a test names one.
pub(crate) const RULE_ID: &str = "TEST-RULE";
/// Where the in-memory files would be: a folder that does not exist, so that a check that
/// tried to open one would find nothing rather than a file of the repository.
const ROOT: &str = "/nonexistent/bidlint-testkit";

/// Two operators with valid SIRETs, for manifests.
pub(crate) const ALPHA_SIRET: &str = "12345678200010";
pub(crate) const BETA_SIRET: &str = "98765432400035";

/// A groupement's `members:`: Alpha Numérique SAS (mandataire, folder `alpha`) and Beta
/// Cloud SA (cotraitant, folder `beta`), with valid SIRETs; `alpha_extra` is added to Alpha's
/// fields (`, hosting: true`).
pub(crate) fn groupement(alpha_extra: &str) -> String {
    format!(
        "members:\n  - {{name: Alpha Numérique SAS, short: Alpha, siret: '{ALPHA_SIRET}', role: mandataire, folder: alpha{alpha_extra}}}\n  - {{name: Beta Cloud SA, short: Beta, siret: '{BETA_SIRET}', role: cotraitant, folder: beta}}\n"
    )
}

/// A regular file of the folder, as the walk would have found it (no read error, no archive
/// facts: set them on the returned value when a test needs them).
pub(crate) fn file(rel: &str, size: u64, kind: FileKind) -> FileEntry {
    let name = rel.rsplit('/').next().unwrap_or(rel).to_string();
    FileEntry {
        rel: rel.to_string(),
        ext: crate::text::extension(&name),
        path: Path::new(ROOT).join(rel),
        name,
        name_is_utf8: true,
        size,
        kind,
        member: None,
        read_error: None,
        archive: None,
    }
}

/// An inventory of these files, with their folders (not empty), in the given order.
pub(crate) fn inventory(files: &[(&str, u64, FileKind)]) -> Inventory {
    let mut inv = Inventory {
        root: PathBuf::from(ROOT),
        ..Inventory::default()
    };
    for &(rel, size, kind) in files {
        push_file(&mut inv, file(rel, size, kind));
    }
    inv
}

fn push_file(inv: &mut Inventory, entry: FileEntry) {
    let mut parent = String::new();
    for part in entry
        .rel
        .split('/')
        .collect::<Vec<_>>()
        .iter()
        .rev()
        .skip(1)
        .rev()
    {
        if !parent.is_empty() {
            parent.push('/');
        }
        parent.push_str(part);
        if !inv.dirs.iter().any(|d| d.rel == parent) {
            inv.dirs.push(DirEntryInfo {
                rel: parent.clone(),
                name: (*part).to_string(),
                empty: false,
            });
        }
    }
    inv.files.push(entry);
}

/// A manifest parsed and validated by the crate's own parser; `consultation: test` is added
/// when the snippet does not say which consultation.
pub(crate) fn manifest(yaml: &str) -> LoadedManifest {
    let text = if yaml.lines().any(|l| l.starts_with("consultation:")) {
        yaml.to_string()
    } else {
        format!("consultation: test\n{yaml}")
    };
    manifest::parse(MANIFEST_NAME, &text, Path::new(MANIFEST_NAME))
        .unwrap_or_else(|e| panic!("test manifest does not load: {e:?}\n{text}"))
}

/// A document whose text (and first page) is `text`, its language detected as the worker
/// would.
pub(crate) fn text_facts(text: &str) -> DocFacts {
    DocFacts {
        text: text.to_string(),
        first_page: text.to_string(),
        language: crate::analysis::language::detect(text),
        ..DocFacts::default()
    }
}

/// A check as a pack writes it under `check:` (`kind: filename-length\nmax: 29`).
pub(crate) fn check(yaml: &str) -> Check {
    serde_yaml::from_str(yaml).unwrap_or_else(|e| panic!("test check does not parse: {e}\n{yaml}"))
}

/// The check's parameters validated, as at pack load time.
pub(crate) fn compile(yaml: &str) -> Result<CompiledCheck, Vec<CompileError>> {
    check(yaml).compile()
}

/// The compile errors of a check, as `path : message`.
pub(crate) fn compile_errors(yaml: &str) -> Vec<String> {
    match compile(yaml) {
        Ok(_) => Vec::new(),
        Err(errors) => errors
            .iter()
            .map(|e| format!("{} : {}", e.path, e.message))
            .collect(),
    }
}

fn compiled(yaml: &str) -> CompiledCheck {
    compile(yaml).unwrap_or_else(|e| panic!("test check does not compile: {e:?}\n{yaml}"))
}

/// An outcome's findings as `path : message` (`-` for a finding on the bid as a whole), the
/// form of the CLI tests' `finding_lines`.
pub(crate) fn lines(o: &Outcome) -> Vec<String> {
    o.findings
        .iter()
        .map(|f| format!("{} : {}", f.path.as_deref().unwrap_or("-"), f.message))
        .collect()
}

/// An outcome's findings as `member : message` (`-` for a finding on no member).
pub(crate) fn member_lines(o: &Outcome) -> Vec<String> {
    o.findings
        .iter()
        .map(|f| format!("{} : {}", f.member.as_deref().unwrap_or("-"), f.message))
        .collect()
}

/// An outcome's manifest notes as `path : message`.
pub(crate) fn note_lines(o: &Outcome) -> Vec<String> {
    o.manifest_notes
        .iter()
        .map(|f| format!("{} : {}", f.path.as_deref().unwrap_or("-"), f.message))
        .collect()
}

/// A bid in memory: its manifest, its files, what was read inside them, the deadline, the
/// pack's lots and the pieces recognised.
#[derive(Clone)]
pub(crate) struct TestBid {
    manifest: LoadedManifest,
    inventory: Inventory,
    documents: HashMap<String, DocResult>,
    deadline: Option<DateSpec>,
    pack_lots: Option<Vec<LotDef>>,
    /// Files recognised as a piece by the test's say-so, by rule id.
    pieces: Vec<(String, Vec<String>)>,
    /// Piece rules recognised as the engine does (by name, `pieces:`, content).
    piece_rules: Vec<(String, RequiredPiece)>,
    /// The language of the findings (French unless a test asks for English).
    lang: Lang,
}

impl Default for TestBid {
    fn default() -> Self {
        TestBid::new()
    }
}

impl TestBid {
    /// No file, a manifest that names only its consultation, no phase, no deadline.
    pub(crate) fn new() -> TestBid {
        TestBid {
            manifest: manifest(""),
            inventory: inventory(&[]),
            documents: HashMap::new(),
            deadline: None,
            pack_lots: None,
            pieces: Vec::new(),
            piece_rules: Vec::new(),
            lang: Lang::Fr,
        }
    }

    /// Findings, reasons and evidence in `lang`.
    pub(crate) fn lang(mut self, lang: Lang) -> TestBid {
        self.lang = lang;
        self
    }

    /// The manifest's YAML (see [`manifest`]).
    pub(crate) fn manifest(mut self, yaml: &str) -> TestBid {
        self.manifest = manifest(yaml);
        self
    }

    pub(crate) fn file(self, rel: &str, size: u64, kind: FileKind) -> TestBid {
        self.entry(file(rel, size, kind))
    }

    /// A file built by the test (a read error, archive facts, a name that is not UTF-8).
    pub(crate) fn entry(mut self, entry: FileEntry) -> TestBid {
        push_file(&mut self.inventory, entry);
        self
    }

    pub(crate) fn empty_dir(mut self, rel: &str) -> TestBid {
        let name = rel.rsplit('/').next().unwrap_or(rel).to_string();
        self.inventory.dirs.push(DirEntryInfo {
            rel: rel.to_string(),
            name,
            empty: true,
        });
        self
    }

    pub(crate) fn anomaly(mut self, anomaly: Anomaly) -> TestBid {
        self.inventory.anomalies.push(anomaly);
        self
    }

    /// What the reader found in the file at `rel`.
    pub(crate) fn document(mut self, rel: &str, facts: DocFacts) -> TestBid {
        self.documents.insert(rel.to_string(), Ok(Arc::new(facts)));
        self
    }

    /// The file at `rel` read as this text (see [`text_facts`]).
    pub(crate) fn text(self, rel: &str, text: &str) -> TestBid {
        self.document(rel, text_facts(text))
    }

    /// The reader could not read the file at `rel`, for this cause.
    pub(crate) fn unreadable(mut self, rel: &str, cause: &str) -> TestBid {
        self.documents.insert(
            rel.to_string(),
            Err(ReadFailure::corrupt(Said::same(cause))),
        );
        self
    }

    /// The deadline, as a manifest or a pack writes it (`2026-03-31`).
    pub(crate) fn deadline(mut self, raw: &str) -> TestBid {
        self.deadline = Some(DateSpec::parse(raw).unwrap_or_else(|e| panic!("test deadline: {e}")));
        self
    }

    /// The consultation's lots, as a pack's `lots:` writes them (`[1, 2, {id: 3, title: …}]`).
    pub(crate) fn pack_lots(mut self, yaml: &str) -> TestBid {
        self.pack_lots =
            Some(serde_yaml::from_str(yaml).unwrap_or_else(|e| panic!("test lots: {e}")));
        self
    }

    /// These files are recognised as the piece of `rule_id`, whatever their names.
    pub(crate) fn piece(mut self, rule_id: &str, rels: &[&str]) -> TestBid {
        self.pieces.push((
            rule_id.to_string(),
            rels.iter().map(|r| r.to_string()).collect(),
        ));
        self
    }

    /// A piece rule of the pack (its `check:` YAML, `kind: piece` implied), whose files are
    /// recognised as the engine does before any rule is judged.
    pub(crate) fn piece_rule(mut self, rule_id: &str, yaml: &str) -> TestBid {
        let yaml = format!("kind: piece\n{yaml}");
        let CompiledCheck::Piece(rule) = compiled(&yaml) else {
            panic!("not a piece rule: {yaml}");
        };
        self.piece_rules.push((rule_id.to_string(), rule));
        self
    }

    /// Compile the check and judge the bid with it, under [`RULE_ID`].
    pub(crate) fn evaluate(&self, check_yaml: &str) -> Outcome {
        self.evaluate_as(RULE_ID, check_yaml)
    }

    /// Compile the check and judge the bid with it, under `rule_id`. A piece rule judged this
    /// way is also recognised, as it would be in its pack.
    pub(crate) fn evaluate_as(&self, rule_id: &str, check_yaml: &str) -> Outcome {
        let check = compiled(check_yaml);
        let mut inventory = self.inventory.clone();
        crate::inventory::members::attribute(&mut inventory.files, &self.manifest.manifest);
        let documents = self.documents(&inventory);
        let pieces = self.pieces(rule_id, &check, &inventory, &documents);
        let ctx = Context {
            manifest: &self.manifest.manifest,
            manifest_name: MANIFEST_NAME,
            inventory: &inventory,
            // No check kind reads the phase: the engine applies `phases:` and `when:`.
            phase: None,
            deadline: self.deadline.as_ref(),
            pack_lots: self.pack_lots.as_deref(),
            pieces: &pieces,
            documents: &documents,
            lang: self.lang,
        };
        check.evaluate(&ctx, rule_id)
    }

    fn documents(&self, inventory: &Inventory) -> Documents {
        for rel in self.documents.keys() {
            assert!(
                inventory.file(rel).is_some(),
                "document for a file not in the bid: {rel}"
            );
        }
        Documents::from_results(
            inventory
                .files
                .iter()
                .map(|f| self.documents.get(&f.rel).cloned())
                .collect(),
        )
    }

    fn pieces(
        &self,
        rule_id: &str,
        check: &CompiledCheck,
        inventory: &Inventory,
        documents: &Documents,
    ) -> PieceIndex {
        let mut rules: Vec<(&str, &RequiredPiece)> = self
            .piece_rules
            .iter()
            .map(|(id, r)| (id.as_str(), r))
            .collect();
        if let CompiledCheck::Piece(judged) = check {
            rules.push((rule_id, judged));
        }
        let mut index = super::piece::recognize_all(
            rules.into_iter(),
            &self.manifest.manifest,
            inventory,
            documents,
        );
        for (id, rels) in &self.pieces {
            let rec = index.entry(id.clone()).or_default();
            for rel in rels {
                let Some((i, _)) = inventory.file(rel) else {
                    panic!("piece {id}: no file {rel} in the bid");
                };
                if !rec.files.contains(&i) {
                    rec.files.push(i);
                }
            }
        }
        index
    }
}

/// Judge bids of one consultation together, each given as (folder name, manifest YAML), as
/// `bidlint portfolio` does; `None` when the check asks nothing across bids.
pub(crate) fn evaluate_bids(
    check_yaml: &str,
    bids: &[(&str, &str)],
    has_lots: bool,
) -> Option<Outcome> {
    let check = compiled(check_yaml);
    let manifests: Vec<LoadedManifest> = bids.iter().map(|(_, yaml)| manifest(yaml)).collect();
    let bids: Vec<Bid> = bids
        .iter()
        .zip(&manifests)
        .map(|((name, _), m)| Bid {
            name: name.to_string(),
            manifest_display: format!("{name}/{MANIFEST_NAME}"),
            manifest: m,
        })
        .collect();
    let ops = cross_bid::operators(&bids);
    check.evaluate_bids(&cross_bid::CrossBidContext {
        bids: &bids,
        ops: &ops,
        has_lots,
        lang: Lang::Fr,
    })
}
