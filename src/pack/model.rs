//! The rule-pack file format, exactly as users write it in YAML.
//!
//! This is the *raw* model: what serde reads. Regexes, dates and references between rules are
//! kept as text here and checked by [`crate::pack::compile`], so that every problem can be
//! reported with the line and column of the offending value.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use crate::vocabulary::{Format, LotDef, LotId, Severity, SourceKind, Territory};
use crate::vocabulary::{Form, Phase, Role};

/// A rule pack: the minimum requirements of one consultation (or a shared base such as `place`).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PackFile {
    /// Identifier used on the command line and in `consultation:` (`caih-aos-2026`).
    pub pack: String,
    /// Human title of the consultation.
    pub title: String,
    /// Version of the pack, bumped when a rule changes.
    pub version: String,
    /// Packs whose rules this pack inherits (built-in ids or paths relative to this file).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extends: Vec<String>,
    /// Keep only these inherited rules (ids). Rules defined in this pack are always kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub only: Option<Vec<String>>,
    /// Drop these inherited rules (ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub except: Vec<String>,
    /// Source documents cited by the rules, by key (`rc`, `webinaire-2026`…).
    #[serde(default)]
    pub sources: BTreeMap<String, SourceDoc>,
    /// Deadline of each phase (RFC 3339 date or date-time).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub deadlines: BTreeMap<Phase, String>,
    /// The consultation's lots; empty for a consultation without lots.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lots: Option<Vec<LotDef>>,
    /// What the texts leave open, and how the pack reads it (shown by `bidlint rules`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// Field-by-field changes to inherited rules.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overrides: Vec<RuleOverride>,
    /// The rules this pack defines.
    #[serde(default)]
    pub rules: Vec<RuleDef>,
}

/// A cited document: a plain title, or a title with its kind and reference.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum SourceDoc {
    Title(String),
    Detailed(SourceDocDetail),
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceDocDetail {
    pub title: String,
    /// `consultation` (RC, CCAP…), `webinar` (questions/answers), `case-law`, `guide`.
    #[serde(default)]
    pub kind: SourceKind,
    /// Date, number or address that identifies the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
}

impl SourceDoc {
    pub fn title(&self) -> &str {
        match self {
            SourceDoc::Title(t) => t,
            SourceDoc::Detailed(d) => &d.title,
        }
    }
    pub fn kind(&self) -> SourceKind {
        match self {
            SourceDoc::Title(_) => SourceKind::Consultation,
            SourceDoc::Detailed(d) => d.kind,
        }
    }
    pub fn reference(&self) -> Option<&str> {
        match self {
            SourceDoc::Title(_) => None,
            SourceDoc::Detailed(d) => d.reference.as_deref(),
        }
    }
}

/// One requirement of the consultation.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleDef {
    /// Stable identifier (`CAIH-NOM-30`): scripts, waivers and overrides rely on it.
    pub id: String,
    /// The requirement in one line, in French.
    pub title: String,
    pub severity: Severity,
    /// Phases the rule applies to; every phase when omitted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phases: Option<Vec<Phase>>,
    /// Condition on manifest facts; the rule is `skip` when it does not hold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<When>,
    /// Where the requirement comes from, quoted verbatim.
    pub source: SourceRef,
    /// How to fix a failure, in French; says how an ambiguous text was read.
    pub help: String,
    /// Set to false to ship a rule switched off.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub enabled: bool,
    pub check: Check,
}

fn yes() -> bool {
    true
}
fn is_true(b: &bool) -> bool {
    *b
}

/// The clause a rule comes from.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceRef {
    /// Key in the pack's `sources:`.
    pub doc: String,
    /// Article, section, annex, question number…
    pub section: String,
    /// The words of the clause, verbatim (an ellipsis … marks a cut).
    pub quote: String,
}

/// Field-by-field change to an inherited rule.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleOverride {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phases: Option<Vec<Phase>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// Conditions on the manifest's facts. Every condition given must hold.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct When {
    /// The candidate's form (`candidate.form`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<Form>,
    /// The bid applies for at least one of these lots (`lots`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lots_any: Option<Vec<LotId>>,
}

/// Which members a per-member requirement applies to. Every condition given must hold.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MemberFilter {
    /// The member's role is one of these.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Vec<Role>>,
    /// `hosting: true` selects the member providing the hosting services.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hosting: Option<bool>,
    /// `redressement_judiciaire: true` selects members in receivership.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redressement_judiciaire: Option<bool>,
    /// Leaves out the members declared with one of these roles (`[sous-traitant]`: a
    /// declared subcontractor owes none of the candidate's pieces). A member whose role is
    /// not declared is kept: it is asked for the piece rather than silently excused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub except_roles: Option<Vec<Role>>,
}

/// Which files of the folder a check looks at. All files when omitted.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Selector {
    /// Regexes on the path relative to the folder (`/` separated); any may match.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paths: Vec<String>,
    /// Extensions, without the dot, case-insensitive.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extensions: Vec<String>,
    /// Files recognised as the piece of one of these rules.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pieces: Vec<String>,
    /// Regexes on paths to leave out.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclude: Vec<String>,
    /// Leave out the files recognised as the piece of one of these rules.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclude_pieces: Vec<String>,
}

/// Whether a piece is required once for the bid or once per member.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum PieceScope {
    #[default]
    Bid,
    Member,
}

/// What a rule checks. `kind` selects the check; the other fields are its parameters.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Check {
    FilenameLength(FilenameLength),
    FilenamePattern(FilenamePattern),
    ForbiddenFiles(ForbiddenFiles),
    BundleSize(BundleSize),
    EmptyEntries(EmptyEntries),
    Archives(Archives),
    Readable(Readable),
    Piece(Piece),
    Hosting(Hosting),
    Certification(Certification),
    Lots(Lots),
    UniqueCandidacy(UniqueCandidacy),
    MandataireLimit(MandataireLimit),
    Manual(Manual),
    Pages(Pages),
    Content(Content),
    Language(Language),
    Validity(Validity),
    Holder(DocumentHolder),
    DeclaredMembers(DeclaredMembers),
    Outline(Outline),
    UnmatchedFiles(UnmatchedFiles),
    PerReference(PerReference),
}

impl Check {
    pub fn kind(&self) -> &'static str {
        match self {
            Check::FilenameLength(_) => "filename-length",
            Check::FilenamePattern(_) => "filename-pattern",
            Check::ForbiddenFiles(_) => "forbidden-files",
            Check::BundleSize(_) => "bundle-size",
            Check::EmptyEntries(_) => "empty-entries",
            Check::Archives(_) => "archives",
            Check::Readable(_) => "readable",
            Check::Piece(_) => "piece",
            Check::Hosting(_) => "hosting",
            Check::Certification(_) => "certification",
            Check::Lots(_) => "lots",
            Check::UniqueCandidacy(_) => "unique-candidacy",
            Check::MandataireLimit(_) => "mandataire-limit",
            Check::Manual(_) => "manual",
            Check::Pages(_) => "pages",
            Check::Content(_) => "content",
            Check::Language(_) => "language",
            Check::Validity(_) => "validity",
            Check::Holder(_) => "holder",
            Check::DeclaredMembers(_) => "declared-members",
            Check::Outline(_) => "outline",
            Check::UnmatchedFiles(_) => "unmatched-files",
            Check::PerReference(_) => "per-reference",
        }
    }
}

/// File names (with extension) have at most `max` characters, counted after NFC normalisation.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FilenameLength {
    pub max: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub select: Option<Selector>,
}

/// Names of the selected files match `pattern` (or must not, with `must_match: false`).
/// In the pattern, `{short}` stands for the file's member token (any token when the file
/// belongs to no member).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FilenamePattern {
    pub pattern: String,
    #[serde(default = "yes")]
    pub must_match: bool,
    /// The expected form, in words, for the finding (`26_01_DC_<pièce>_<fournisseur>`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub select: Option<Selector>,
}

/// No file matches these names, and (when asked) no hidden, executable or macro-enabled file.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ForbiddenFiles {
    /// Glob-like patterns on file or folder names (`~$*`, `*.tmp`, `__MACOSX`); case-insensitive.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<String>,
    /// Forbid hidden files and folders (names starting with a dot).
    #[serde(default)]
    pub hidden: bool,
    /// Forbid executables and scripts, by content (PE, ELF, Mach-O, `#!`) and by extension.
    #[serde(default)]
    pub executables: bool,
    /// Forbid macro-enabled office files, by content (VBA project inside) and by extension.
    #[serde(default)]
    pub macros: bool,
    /// Extensions forbidden whatever the content (without the dot).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extensions: Vec<String>,
}

/// Size limits, written with units: `1 GB`, `500 MB`, `20 MiB`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BundleSize {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_total: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_file: Option<String>,
}

/// No empty file (zero bytes) and no empty folder.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EmptyEntries {
    #[serde(default = "yes")]
    pub files: bool,
    #[serde(default = "yes")]
    pub folders: bool,
}

/// Archives open, are not encrypted, hold no nested archive, and store non-ASCII names as UTF-8.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Archives {
    #[serde(default = "yes")]
    pub forbid_encrypted: bool,
    #[serde(default = "yes")]
    pub forbid_nested: bool,
    #[serde(default = "yes")]
    pub require_utf8_names: bool,
}

/// Every document opens: its content is what its extension says, it is not truncated or
/// corrupt, not password-protected, and can be read.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Readable {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub select: Option<Selector>,
}

/// A required document, recognised by its file name (regexes on the name without extension,
/// case- and accent-insensitive) or by the manifest's `pieces:` mapping.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Piece {
    /// What the piece is, in French (« lettre de candidature »).
    pub label: String,
    #[serde(default)]
    pub per: PieceScope,
    /// With `per: member`, which members must provide it (all when omitted).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub members: Option<MemberFilter>,
    /// With `per: member`: one document for the whole groupement, deposited by the mandataire
    /// or at the root of the folder, satisfies every member.
    #[serde(default)]
    pub joint: bool,
    /// With `per: member`: a document deposited by the mandataire or at the root satisfies
    /// each member it names — a sheet whose name holds the member's token, or a line (a
    /// workbook row) that begins with the member's name or token. One trame or one DC1 for
    /// the whole groupement, listing each member, counts for each of them and no other.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub joint_named: bool,
    /// Other pieces this one may be given inside: the references in a sheet of the Excel
    /// trame, the sworn declarations in section F1 of the DC1. A file recognised as the host
    /// piece also counts for this one when its sheets or its text match.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub within: Vec<Within>,
    /// Regexes on the file name without extension; any may match.
    pub names: Vec<String>,
    /// Allowed formats, read from content; any format when omitted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub formats: Vec<Format>,
    /// Regexes on the top of the first page (its first 600 characters, case- and
    /// accent-insensitive, spaces collapsed, ’ written '): a file no piece rule recognises by
    /// name is this piece when its title matches (« attestation d'assurance », « dc ?1 »);
    /// when several rules match, the earliest match wins.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub content: Vec<String>,
    /// Regexes on a workbook's sheet names (case- and accent-insensitive): a workbook no
    /// piece rule recognises by name is this piece when one of its sheets matches.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sheets: Vec<String>,
    /// How many documents at least (per bid or per member).
    #[serde(default = "one")]
    pub min: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<usize>,
}

fn one() -> usize {
    1
}

/// Where a piece may be given inside another document: the files of a host piece rule
/// (`piece`), or the files whose names match `names` when the pack has no rule for the host
/// (the DC1/DC2 of a pack that does not require them). At least one of `sheets` and `text`;
/// when both are given, both must match.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Within {
    /// Id of the host `piece` rule (`CAIH-CAND-TRAME`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub piece: Option<String>,
    /// Regexes on the host file's name without extension (case- and accent-insensitive), when
    /// no `piece` is given.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<String>,
    /// Regexes on the host workbook's sheet names (case- and accent-insensitive); any may
    /// match.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sheets: Vec<String>,
    /// Regexes on the host document's text (case- and accent-insensitive, spaces collapsed);
    /// any may match.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub text: Vec<String>,
    /// What the host holds, in French, for the report (« onglet des références »).
    pub label: String,
}

/// One document per reference of a list (« Chaque référence du tableau devra être accompagnée
/// d'une plaquette ») and, with `max_pages`, at most that many pages per reference, however
/// the documents are split into files (one PDF may hold three plaquettes on six pages).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PerReference {
    /// The `piece` rule whose files present the references (the plaquettes).
    pub documents: String,
    /// The `piece` rule whose workbook lists the references (the trame), in a table whose
    /// header has a « Référence » column and a « Client » (or « Établissement ») column.
    pub list: String,
    /// Check that every reference listed has a document naming its client.
    #[serde(default = "yes")]
    pub count: bool,
    /// Pages allowed per reference presented in a file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_pages: Option<u32>,
}

/// Datacenters (`hosting.datacenters[].country`) and administration countries
/// (`hosting.administration`) lie in the allowed territory.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Hosting {
    pub territory: Territory,
    #[serde(default = "yes")]
    pub datacenters: bool,
    #[serde(default)]
    pub administration: bool,
    /// Also check the manifest's `hosting.transfers` (data transferred or accessed from).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub transfers: bool,
}

/// Members matching `members` hold `scheme` (with `activities`), valid on the deadline when
/// `valid_on_deadline`, backed by a certificate document whose name matches `document`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Certification {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub members: Option<MemberFilter>,
    /// Certification scheme, compared case-insensitively (`HDS`, `SecNumCloud`, `ISO27001`).
    pub scheme: String,
    /// Activities the certificate must cover (HDS activities 1 to 6).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<u8>,
    #[serde(default)]
    pub valid_on_deadline: bool,
    /// Accept a commitment to obtain the certification (`status: committed` in the manifest).
    #[serde(default)]
    pub accept_commitment: bool,
    /// Rule id of the `piece` rule that finds the certificate document (checked per member).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    /// With several members matching: `any` one of them holding it is enough, or `all`.
    #[serde(default)]
    pub quantifier: Quantifier,
    /// Also read the certificate document (`document`): the activities it lists must cover
    /// `activities`, and its validity date must agree with the manifest's `valid_until`.
    #[serde(default)]
    pub verify_document: bool,
}

impl Certification {
    pub fn reads_document(&self) -> bool {
        self.verify_document && self.document.is_some()
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Quantifier {
    #[default]
    All,
    Any,
}

/// The lots applied for (`lots:` of the manifest) against the consultation's lots.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Lots {
    /// Every lot applied for is one of the pack's lots; a consultation without lots
    /// accepts no `lots:`.
    #[serde(default)]
    pub known: bool,
    /// At most this many lots (the finding says what the limit means: `message`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<usize>,
    /// What going over `max` means, in French (« au plus trois lots attribués »).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// (portfolio) One operator (SIRET) holds at most one candidacy per lot in `roles`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UniqueCandidacy {
    pub roles: Vec<Role>,
}

/// (portfolio) One operator (SIRET) is mandataire of at most `max` groupements.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MandataireLimit {
    pub max: usize,
}

/// An item a human must check: listed with status `manual`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Manual {
    /// What to check, in French.
    pub instruction: String,
}

/// Page count bounds and page size of the selected documents.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Pages {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u32>,
    /// Every page of this size, portrait or landscape (PDF only: other formats do not record
    /// their page size reliably).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<PaperSize>,
    /// Accepted difference with the size, in points (1 pt = 0.35 mm).
    #[serde(default = "default_tolerance_pt")]
    pub tolerance_pt: f32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub select: Option<Selector>,
}

fn default_tolerance_pt() -> f32 {
    5.0
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
pub enum PaperSize {
    /// 210 × 297 mm.
    A4,
    /// 297 × 420 mm.
    A3,
}

/// The selected documents contain (`must`) or do not contain (`must_not`) patterns.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Content {
    /// Each pattern must be found in each selected document.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub must: Vec<TextPattern>,
    /// No pattern may be found in any selected document.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub must_not: Vec<TextPattern>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub select: Option<Selector>,
}

/// A regex on a document's text (case-insensitive), with what it stands for in French.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TextPattern {
    pub pattern: String,
    /// What the pattern finds, for the finding (« une adresse e-mail »).
    pub label: String,
}

/// The selected documents are written in `language` (ISO 639-1 code, `fr`).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Language {
    pub language: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub select: Option<Selector>,
}

/// A dated document is valid on the deadline: its dates of validity are read from its
/// text; with `certification`, they are compared with the manifest's `valid_until` for that
/// scheme of the file's member.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Validity {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certification: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub select: Option<Selector>,
}

/// The selected documents (sworn declarations, attestations, Kbis) were issued to the member
/// they are filed for: its name or SIREN is in their text. A document of another company fails;
/// one whose holder cannot be read is left to a human.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentHolder {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub select: Option<Selector>,
}

/// The groupement's candidature letter names every operator of the manifest, and the
/// manifest declares every company the letter names (by SIREN).
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DeclaredMembers {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub select: Option<Selector>,
}

/// A document's headings follow an imposed plan: every entry present, in order, with its
/// numbering.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Outline {
    pub plan: Vec<PlanItem>,
    /// Chapters or sections that are not in the plan are accepted.
    #[serde(default)]
    pub allow_extra: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub select: Option<Selector>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanItem {
    /// `1`, `2.3`…
    pub number: String,
    pub title: String,
}

/// Files that no piece rule of the phase recognises, listed so that the bid manager sees
/// what will be deposited without being expected.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UnmatchedFiles {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub select: Option<Selector>,
}
