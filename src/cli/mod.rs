//! Command-line interface: argument definitions and one file per command.

mod args_error;
mod check;
mod checklist;
mod draft;
mod info;
mod init;
mod output;
mod portfolio;
mod progress;
mod schema;
mod validate;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum};

use bidlint::documents::worker::{DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_SECS};
use bidlint::manifest::Phase;
use bidlint::pack::model::Severity;
use bidlint::render::Format;
use bidlint::report::i18n::Lang;
use bidlint::run::{DocumentOptions, Inputs};

/// Check a response to a French public tender for formal defects before upload.
///
/// bidlint reads the bid folder and its manifest (bid.yaml), applies the consultation's rule
/// pack, and prints a pass/fail report citing each requirement's clause. It never changes
/// anything in the folder.
#[derive(Debug, Parser)]
#[command(name = "bidlint", version, about, long_about, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a bid folder, or its deposit zip, and print the report
    Check(CheckArgs),
    /// The pre-submission checklist of a pack and phase; statuses filled in when DIR is given
    Checklist(ChecklistArgs),
    /// Cross-bid checks over several bid folders (one candidacy per lot, mandataire limits, lots per operator)
    Portfolio(PortfolioArgs),
    /// List the built-in rule packs (id, title, version, phases)
    Packs,
    /// List the rules of a pack (id, severity, phases, title, source)
    Rules {
        /// Built-in pack id or path to a pack file (default: every built-in pack)
        #[arg(long)]
        pack: Option<String>,
    },
    /// Show a rule in full: source and verbatim quote, what is checked, how to fix
    Explain {
        /// Rule id, e.g. CAIH-NOM-30
        rule: String,
        /// Look the rule up in this pack (default: every built-in pack)
        #[arg(long)]
        pack: Option<String>,
    },
    /// Write a commented bid.yaml skeleton for a pack, creating the folder (never overwrites)
    Init {
        /// Bid folder where bid.yaml is written (created if missing)
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Built-in pack id or path to a pack file
        #[arg(long)]
        pack: String,
    },
    /// Load and validate a rule-pack YAML file; diagnostics with line and column
    ValidatePack {
        /// The pack file
        file: PathBuf,
        /// Also check that each quote of the pack's rules is in its source (text, DOCX or ODT),
        /// as KEY=PATH (KEY a key of the pack's `sources:`) or PATH (searched for every rule)
        #[arg(long, num_args = 1.., value_name = "[KEY=]DOC")]
        sources: Vec<String>,
    },
    /// Draft a rule pack from a règlement de la consultation (PDF, DOCX, ODT or text), for review
    DraftPack {
        /// The règlement de la consultation
        rc: PathBuf,
        /// Pack id of the draft; its first segment, uppercased, prefixes rule ids [default: draft-<file>]
        #[arg(long)]
        id: Option<String>,
        /// Write the draft to FILE instead of stdout (never overwrites)
        #[arg(long, short = 'o')]
        output: Option<PathBuf>,
    },
    /// Print the JSON Schema of bid.yaml or of the pack format
    Schema {
        #[arg(value_enum)]
        what: SchemaKind,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SchemaKind {
    Manifest,
    Pack,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Never,
}

impl FailOn {
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Never => None,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    Fr,
    En,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum PhaseArg {
    Candidature,
    Offre,
}

impl From<PhaseArg> for Phase {
    fn from(p: PhaseArg) -> Phase {
        match p {
            PhaseArg::Candidature => Phase::Candidature,
            PhaseArg::Offre => Phase::Offre,
        }
    }
}

/// How a report is written: shared by `check` and `portfolio`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Report format (default: table)
    #[arg(long, default_value = "table", value_parser = format_parser())]
    pub format: Format,
    /// Write the report to FILE instead of stdout (never inside a bid folder)
    #[arg(long, short = 'o')]
    pub output: Option<PathBuf>,
    /// Which failures make the exit code 1 (the verdict shown does not depend on it)
    #[arg(long, value_enum, default_value = "error")]
    pub fail_on: FailOn,
    /// Exit 0 even when blocking rules could not be judged (verdict « INCOMPLET »: a fact
    /// missing from bid.yaml, no phase, a document not found); the report still says so
    #[arg(long)]
    pub allow_incomplete: bool,
    /// Table format: show every rule with its source and evidence, not only what is left to do
    #[arg(long)]
    pub all: bool,
    /// Language of the report's own words (rule texts stay in French)
    #[arg(long, value_enum, default_value = "fr")]
    pub lang: LangArg,
    /// CSV separator: one ASCII character, or `tab` [default: `;` with --lang fr, `,` with --lang en]
    #[arg(long, value_name = "CHAR", value_parser = parse_separator)]
    pub csv_separator: Option<u8>,
}

/// `--format`: the library's [`Format`] names, parsed by its `FromStr`, each listed in
/// `--help` with its description.
fn format_parser() -> impl TypedValueParser<Value = Format> {
    PossibleValuesParser::new(
        Format::ALL.map(|f| PossibleValue::new(f.name()).help(f.description())),
    )
    .try_map(|name| name.parse::<Format>())
}

/// `--csv-separator`: one ASCII character that cannot be part of a quoted field, or `tab`.
fn parse_separator(s: &str) -> Result<u8, String> {
    match s {
        "tab" | "\\t" => Ok(b'\t'),
        _ => match s.as_bytes() {
            [b] if b.is_ascii()
                && !b.is_ascii_alphanumeric()
                && !matches!(b, b'"' | b'\n' | b'\r') =>
            {
                Ok(*b)
            }
            _ => Err(format!(
                "séparateur CSV invalide « {s} » : un seul caractère ASCII (; , | …) ou tab"
            )),
        },
    }
}

#[derive(Debug, Args)]
pub struct ChecklistArgs {
    /// The bid folder or its deposit zip; without it, every line is « à vérifier »
    pub dir: Option<PathBuf>,
    /// Print nothing on stderr but errors (no progress bar)
    #[arg(long, short = 'q')]
    pub quiet: bool,
    #[command(flatten)]
    pub inputs: InputArgs,
    #[command(flatten)]
    pub documents: DocumentArgs,
    #[command(flatten)]
    pub report: ReportArgs,
}

/// How documents are read: shared by `check` and `checklist`.
#[derive(Debug, Args)]
pub struct DocumentArgs {
    /// Documents read in parallel, each by its own worker process, and threads judging the
    /// rules [default: number of cores]
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
    /// Neither use nor fill the cache of document facts (kept in the user's cache folder)
    #[arg(long)]
    pub no_cache: bool,
    /// Seconds a document may take to read before it is abandoned as an error
    #[arg(long, value_name = "SECONDS", default_value_t = DEFAULT_TIMEOUT_SECS,
          value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub doc_timeout: u64,
    /// Memory (address space, MB) a document's reader may use before it is abandoned as an error
    #[arg(long, value_name = "MB", default_value_t = DEFAULT_MEMORY_MB,
          value_parser = clap::value_parser!(u64).range(64..=65536))]
    pub doc_memory: u64,
}

impl DocumentArgs {
    /// How the library reads documents: `--jobs` or the number of cores, the limits, the cache.
    pub fn options(&self) -> DocumentOptions {
        let defaults = DocumentOptions::default();
        DocumentOptions {
            jobs: self.jobs.map_or(defaults.jobs, usize::from),
            timeout: Duration::from_secs(self.doc_timeout),
            memory: self.doc_memory.saturating_mul(1024 * 1024),
            cache: !self.no_cache,
            worker: None,
        }
    }
}

/// What a check or checklist is run against: shared by both commands.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Built-in pack id or path to a YAML pack (repeatable); default: `consultation:` of the manifest
    #[arg(long = "pack")]
    pub packs: Vec<String>,
    /// Phase of the procedure; default: `phase:` of the manifest
    #[arg(long, value_enum)]
    pub phase: Option<PhaseArg>,
    /// The manifest; default: DIR/bid.yaml, or bid.yaml at the zip's root (never checked as a deposited file)
    #[arg(long)]
    pub manifest: Option<PathBuf>,
    /// Deadline, RFC 3339 date or date-time; default: the manifest's, else the pack's
    #[arg(long)]
    pub deadline: Option<String>,
}

impl InputArgs {
    /// What to run with, the report in `lang`.
    pub fn inputs(&self, lang: Lang) -> Inputs {
        Inputs {
            lang,
            packs: self.packs.clone(),
            phase: self.phase.map(Into::into),
            manifest: self.manifest.clone(),
            deadline: self.deadline.clone(),
        }
    }
}

#[derive(Debug, Args)]
pub struct PortfolioArgs {
    /// Bid folders (or deposit zips) of the same company, each with its bid.yaml
    #[arg(required = true, num_args = 1..)]
    pub dirs: Vec<PathBuf>,
    /// Built-in pack id or path to a YAML pack (repeatable); default: each bid's `consultation:`
    #[arg(long = "pack")]
    pub packs: Vec<String>,
    #[command(flatten)]
    pub report: ReportArgs,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The bid folder, or the deposit zip (read in place): exactly what will be uploaded
    #[arg(default_value = ".", value_name = "DIR|ZIP")]
    pub dir: PathBuf,
    #[command(flatten)]
    pub inputs: InputArgs,
    #[command(flatten)]
    pub documents: DocumentArgs,
    #[command(flatten)]
    pub report: ReportArgs,
    /// Print nothing on stderr but errors
    #[arg(long, short = 'q', conflicts_with = "verbose")]
    pub quiet: bool,
    /// Print what was read and how long it took on stderr
    #[arg(long, short = 'v')]
    pub verbose: bool,
}

impl LangArg {
    pub fn lang(self) -> Lang {
        match self {
            LangArg::Fr => Lang::Fr,
            LangArg::En => Lang::En,
        }
    }
}

pub fn run() -> Result<ExitCode, miette::Report> {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if args_error::is_clap_output(&e) => {
            // Help and version: clap prints them, on stdout, and says how to exit.
            let _ = e.print();
            return Ok(ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2)));
        }
        Err(e) => {
            eprintln!("{}", args_error::french(&e));
            return Ok(ExitCode::from(2));
        }
    };
    match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Checklist(args) => checklist::run(&args),
        Command::Portfolio(args) => portfolio::run(&args),
        Command::Packs => info::packs(),
        Command::Rules { pack } => info::rules(pack.as_deref()),
        Command::Explain { rule, pack } => info::explain(&rule, pack.as_deref()),
        Command::Init { dir, pack } => init::run(&dir, &pack),
        Command::ValidatePack { file, sources } => validate::run(&file, &sources),
        Command::DraftPack { rc, id, output } => draft::run(&rc, id.as_deref(), output.as_deref()),
        Command::Schema { what } => schema::run(what),
    }
}
