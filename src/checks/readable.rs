//! `readable`: every document opens on the buyer's side. Here: the file can be read, its
//! content is what its extension claims (an HTML page named `.pdf` will not open as a PDF),
//! its name survives the upload (UTF-8), zip-based documents are not corrupt, and the
//! document reader could open it — not truncated or corrupt, no password needed to open it
//! (a PDF restricted only by an owner password opens fine); links, FIFOs and unreadable
//! entries are reported since they cannot be deposited as they are.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::CompileError;
use super::kind::{BidCheck, CheckKind};
use super::params::Selector;
use super::select::FileSelector;
use crate::checks::{Context, Outcome};
use crate::documents::Encryption;
use crate::inventory::{FileEntry, FileKind};
use crate::say;
use crate::vocabulary::Finding;

/// Every document opens: its content is what its extension says, it is not truncated or
/// corrupt, not password-protected, and can be read.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Readable {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub select: Option<Selector>,
}

#[derive(Debug, Clone)]
pub struct ReadableDocuments {
    select: FileSelector,
}

impl CheckKind for Readable {
    type Compiled = ReadableDocuments;

    fn compile(&self, errors: &mut Vec<CompileError>) -> ReadableDocuments {
        ReadableDocuments {
            select: FileSelector::compile(self.select.as_ref(), errors),
        }
    }

    fn describe(&self) -> Vec<String> {
        vec![format!(
            "Chaque document ({}) s'ouvre : ni tronqué, ni corrompu, ni protégé par mot de passe.",
            super::describe::files(self.select.as_ref())
        )]
    }

    fn selector(&self) -> Option<&Selector> {
        self.select.as_ref()
    }
}

impl BidCheck for ReadableDocuments {
    fn evaluate(&self, ctx: &Context, _: &str) -> Outcome {
        let mut findings = Vec::new();
        // Signed documents are worth knowing about (a signature is accepted, a password is not);
        // the signature is reported, not verified.
        let mut signed = Vec::new();
        for (i, f) in self.select.files(ctx) {
            if let Some(e) = &f.read_error {
                let e = e.get(ctx.lang);
                findings.push(ctx.file_finding(
                    f,
                    say!(
                        ctx.lang,
                        "impossible d'ouvrir le fichier : {e}",
                        "the file cannot be opened: {e}"
                    ),
                ));
                continue;
            }
            findings.extend(name_findings(ctx, f));
            if judged_by_another_rule(f) {
                continue;
            }
            if let Some(finding) = container_finding(ctx, f) {
                findings.push(finding);
                continue;
            }
            findings.extend(reading_finding(ctx, i, f, &mut signed));
        }
        for a in &ctx.inventory.anomalies {
            findings.push(Finding::new(a.describe(ctx.lang)).at(a.rel()));
        }
        Outcome::from_findings(findings).with_evidence(signed)
    }

    fn needs_documents(&self) -> bool {
        true
    }
}

/// A name the buyer's platform or computer will not take intact.
fn name_findings(ctx: &Context, f: &FileEntry) -> Vec<Finding> {
    let mut findings = Vec::new();
    if !f.name_is_utf8 {
        findings.push(
            ctx.file_finding(
                f,
                ctx.lang.t(
                    "nom de fichier non encodé en UTF-8 : il arrivera déformé chez l'acheteur",
                    "file name not encoded in UTF-8: it will reach the buyer garbled",
                ),
            )
            .suggest(ctx.lang.t(
                "renommer le fichier (lettres accentuées retapées)",
                "rename the file (retype its accented letters)",
            )),
        );
    }
    if crate::inventory::has_control_character(&f.path) {
        findings.push(
            ctx.file_finding(
                f,
                ctx.lang.t(
                    "nom de fichier contenant un caractère de contrôle (retour à la ligne, tabulation) : Windows et la plateforme le refusent",
                    "file name with a control character (line break, tab): Windows and the platform refuse it",
                ),
            )
            .suggest(ctx.lang.t(
                "renommer le fichier sur une seule ligne",
                "rename the file on a single line",
            )),
        );
    }
    findings
}

/// An empty file is `empty-entries`' finding, a program or script disguised as a document
/// `forbidden-files`' one: one defect, one line in the report.
fn judged_by_another_rule(f: &FileEntry) -> bool {
    matches!(
        f.kind,
        FileKind::Empty | FileKind::Executable | FileKind::Script
    ) || f.has_macros()
}

/// What the file's container shows before any reading: content of another kind than its
/// extension, a damaged or password-protected office archive.
fn container_finding(ctx: &Context, f: &FileEntry) -> Option<Finding> {
    if let Some(ext) = &f.ext
        && f.kind.matches_extension(ext) == Some(false)
    {
        // An office document that does not look like one is usually a damaged or an
        // encrypted one, not a file of another kind renamed: say that, once.
        return Some(office_container_problem(ctx, f, ext).unwrap_or_else(|| {
            let kind = f.kind.label(ctx.lang);
            ctx.file_finding(
                f,
                say!(
                    ctx.lang,
                    "le contenu est un(e) {kind}, pas un fichier .{ext} : il ne s'ouvrira pas",
                    "the content is a(n) {kind}, not a .{ext} file: it will not open"
                ),
            )
        }));
    }
    let office = matches!(
        f.kind,
        FileKind::Docx
            | FileKind::Xlsx
            | FileKind::Pptx
            | FileKind::Odt
            | FileKind::Ods
            | FileKind::Odp
    );
    if !office {
        return None;
    }
    if let Some(e) = f.archive.as_ref().and_then(|a| a.error.as_ref()) {
        let e = e.get(ctx.lang);
        return Some(ctx.file_finding(
            f,
            say!(
                ctx.lang,
                "document corrompu ({e})",
                "corrupt document ({e})"
            ),
        ));
    }
    if f.archive.as_ref().is_some_and(|a| !a.encrypted.is_empty()) {
        return Some(ctx.file_finding(
            f,
            ctx.lang.t(
                "document protégé par mot de passe",
                "password-protected document",
            ),
        ));
    }
    None
}

/// What reading the document showed: the reader's failure, an opening password; a signature
/// or a defect worked around goes to `notes`.
fn reading_finding(
    ctx: &Context,
    i: usize,
    f: &FileEntry,
    notes: &mut Vec<String>,
) -> Option<Finding> {
    match ctx.documents.get(i)? {
        Err(cause) => Some(ctx.file_finding(f, cause.said(ctx.lang))),
        Ok(facts) if facts.encryption == Encryption::UserPassword => Some(password_finding(ctx, f)),
        Ok(facts) => {
            if facts.signed {
                notes.push(say!(
                    ctx.lang,
                    "{} (signature électronique présente, non vérifiée)",
                    "{} (electronic signature present, not verified)",
                    f.rel
                ));
            }
            // Read despite a defect a viewer also works around: worth knowing, not a reason
            // to refuse the file.
            let n = |n: &crate::vocabulary::Said| format!("{} ({})", f.rel, n.get(ctx.lang));
            notes.extend(facts.notes.iter().map(n));
            None
        }
    }
}

/// A `.docx` (or other office extension) whose zip cannot be read is « corrompu ou tronqué »;
/// one that is an OLE compound file holding an `EncryptedPackage` is password-protected.
fn office_container_problem(ctx: &Context, f: &FileEntry, ext: &str) -> Option<Finding> {
    if !crate::documents::is_office_extension(ext) {
        return None;
    }
    if f.kind == FileKind::Zip
        && let Some(e) = f.archive.as_ref().and_then(|a| a.error.as_ref())
    {
        let e = e.get(ctx.lang);
        return Some(
            ctx.file_finding(
                f,
                say!(
                    ctx.lang,
                    "document corrompu ou tronqué ({e}) : il ne s'ouvrira pas",
                    "corrupt or truncated document ({e}): it will not open"
                ),
            )
            .suggest(ctx.lang.t(
                "l'enregistrer de nouveau depuis l'original, puis le redéposer",
                "save it again from the original, then deposit it again",
            )),
        );
    }
    if f.kind == FileKind::Ole
        && crate::documents::is_ooxml_extension(ext)
        && std::fs::File::open(&f.path)
            .and_then(crate::documents::ole::is_encrypted_package)
            .unwrap_or(false)
    {
        return Some(password_finding(ctx, f));
    }
    None
}

/// A document that asks for a password before it opens: the buyer cannot read it.
fn password_finding(ctx: &Context, f: &FileEntry) -> Finding {
    ctx.file_finding(
        f,
        ctx.lang.t(
            "document protégé par un mot de passe d'ouverture : l'acheteur ne pourra pas le lire",
            "document protected by an opening password: the buyer will not be able to read it",
        ),
    )
    .suggest(ctx.lang.t(
        "déposer une version sans mot de passe",
        "deposit a version without a password",
    ))
}
