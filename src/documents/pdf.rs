//! PDF facts with lopdf (the one pdf-extract re-exports, so one lopdf is built) and text with
//! pdf-extract, page by page so that the first page is known and the total can be capped.
//!
//! Runs inside the worker process: pdf-extract and lopdf may panic, overflow the stack or
//! allocate without bound on hostile files, and the worker's limits contain that. A panic
//! during text extraction alone is caught here so that the structure (pages, sizes) is kept.

use std::panic::{AssertUnwindSafe, catch_unwind};

use pdf_extract::{Dictionary, Document, Object, ObjectId, OutputError, PlainTextOutput};

use super::ReadFailure;
use super::pdf_repair;
use super::{DocFacts, Encryption, MAX_FIRST_PAGE_CHARS, MAX_PAGE_SIZES, MAX_TEXT_BYTES, PageSize};
use crate::said;
use crate::vocabulary::Said;

/// How far up the page tree an inherited attribute is looked for; real trees are a few
/// levels deep, and a `/Parent` cycle must not loop.
const MAX_INHERIT_DEPTH: usize = 64;

pub fn read(bytes: &[u8]) -> Result<DocFacts, ReadFailure> {
    let (doc, repaired) = load(bytes).map_err(ReadFailure::corrupt)?;
    let mut facts = DocFacts::default();
    if let Some(Said { fr, en }) = repaired {
        facts.notes.push(Said::new(
            format!("PDF réparé à la lecture comme le font les lecteurs PDF : {fr}, table des objets reconstruite"),
            format!("PDF repaired when read, as PDF viewers do: {en}, object table rebuilt"),
        ));
    }
    if doc.is_encrypted() {
        // lopdf opens with the empty user password by itself; still encrypted means a user
        // password is needed, and nothing else can be read.
        facts.encryption = Encryption::UserPassword;
        return Ok(facts);
    }
    if doc.was_encrypted() {
        facts.encryption = Encryption::OwnerOnly;
    }
    if let Some(Said { fr, en }) = page_tree_problem(&doc) {
        return Err(ReadFailure::corrupt(Said::new(
            format!("PDF corrompu : {fr}"),
            format!("corrupt PDF: {en}"),
        )));
    }
    let pages = doc.get_pages();
    if pages.is_empty() {
        return Err(ReadFailure::corrupt(Said::new(
            "PDF sans aucune page lisible (arbre des pages absent ou corrompu)",
            "PDF without any readable page (page tree missing or corrupt)",
        )));
    }
    facts.pages = Some(u32::try_from(pages.len()).unwrap_or(u32::MAX));
    facts.page_sizes = pages
        .values()
        .take(MAX_PAGE_SIZES)
        .filter_map(|id| page_size(&doc, *id))
        .collect();
    let (title, producer) = info(&doc);
    facts.title = title;
    facts.producer = producer;
    facts.signed = signed(&doc);
    let t = text(&doc, pages.len());
    facts.text = t.text;
    facts.first_page = t.first;
    facts.text_truncated = t.truncated;
    if let Some((failed, cause)) = t.failed {
        let total = pages.len();
        if failed == total {
            facts.text_error = Some(said!(
                "texte non extractible (le lecteur PDF a échoué : {cause})",
                "text not extractable (the PDF reader failed: {cause})"
            ));
        } else {
            facts.notes.push(said!(
                "texte de {failed} page(s) sur {total} non extrait (le lecteur PDF a échoué : {cause})",
                "text of {failed} page(s) out of {total} not extracted (the PDF reader failed: {cause})"
            ));
        }
    }
    Ok(facts)
}

/// The document as lopdf reads it, or as rebuilt by [`pdf_repair`] when lopdf refuses it, finds
/// no page, loses objects its table lists, or has a stream whose length lies: the rebuilt
/// copy is kept only when it gives at least as many pages and objects, with why it was needed.
fn load(bytes: &[u8]) -> Result<(Document, Option<Said>), Said> {
    let first = Document::load_mem(bytes);
    let (fr, en) = match &first {
        // Encrypted: lopdf drops the encryption dictionary and, without the password, finds no
        // page; a rebuilt copy would be no better, and the password is the finding.
        Ok(doc) if doc.is_encrypted() || doc.was_encrypted() => {
            return first.map(|doc| (doc, None)).map_err(|_| Said::same(""));
        }
        Err(_) => (
            "table des références croisées ou trailer illisible",
            "unreadable cross-reference table or trailer",
        ),
        Ok(doc) if doc.get_pages().is_empty() => (
            "aucune page trouvée par la table des objets",
            "no page found through the object table",
        ),
        Ok(doc) if lost_objects(doc) => (
            "objets illisibles à l'adresse indiquée par la table",
            "objects unreadable at the offset the table gives",
        ),
        Ok(_) if pdf_repair::has_lying_length(bytes) => {
            ("longueur de flux erronée", "wrong stream length")
        }
        Ok(_) => return first.map(|doc| (doc, None)).map_err(|_| Said::same("")),
    };
    let why = Said::new(fr, en);
    let rebuilt = pdf_repair::rebuild(bytes).and_then(|b| Document::load_mem(&b).ok());
    match (first, rebuilt) {
        (Ok(doc), Some(fixed))
            if !fixed.get_pages().is_empty()
                && fixed.get_pages().len() >= doc.get_pages().len()
                && fixed.objects.len() >= doc.objects.len() =>
        {
            Ok((fixed, Some(why)))
        }
        (Ok(doc), _) => Ok((doc, None)),
        (Err(_), Some(fixed)) if !fixed.get_pages().is_empty() => Ok((fixed, Some(why))),
        (Err(e), _) => {
            let Said { fr, en } = describe(&e);
            Err(Said::new(
                format!("PDF illisible (tronqué ou corrompu) : {fr}"),
                format!("unreadable PDF (truncated or corrupt): {en}"),
            ))
        }
    }
}

/// An object the cross-reference table places in the file that could not be read there.
fn lost_objects(doc: &Document) -> bool {
    doc.reference_table.entries.iter().any(|(n, entry)| {
        matches!(entry, pdf_extract::xref::XrefEntry::Normal { generation, .. }
            if !doc.objects.contains_key(&(*n, *generation)))
    })
}

/// A page tree that loops (a `/Kids` or `/Parent` cycle) is corrupt: lopdf stops, but
/// other readers loop or refuse the file, so the buyer may not open it.
fn page_tree_problem(doc: &Document) -> Option<Said> {
    let root = doc
        .catalog()
        .ok()?
        .get(b"Pages")
        .and_then(Object::as_reference)
        .ok()?;
    let mut seen = std::collections::HashSet::new();
    let mut stack = vec![root];
    while let Some(id) = stack.pop() {
        if !seen.insert(id) {
            return Some(Said::new(
                "l'arbre des pages forme une boucle",
                "the page tree forms a loop",
            ));
        }
        let Ok(node) = doc.get_dictionary(id) else {
            continue;
        };
        if let Ok(kids) = node.get(b"Kids").and_then(Object::as_array) {
            stack.extend(kids.iter().filter_map(|k| k.as_reference().ok()));
        }
        // Each node's `/Parent` chain must reach the root without coming back.
        let mut chain = std::collections::HashSet::new();
        let mut cur = node;
        while let Ok(parent) = cur.get(b"Parent").and_then(Object::as_reference) {
            if !chain.insert(parent) || chain.len() > MAX_INHERIT_DEPTH {
                return Some(Said::new(
                    "la chaîne /Parent des pages forme une boucle",
                    "the pages' /Parent chain forms a loop",
                ));
            }
            match doc.get_dictionary(parent) {
                Ok(d) => cur = d,
                Err(_) => break,
            }
        }
    }
    None
}

/// The text of a document, page by page.
struct Text {
    text: String,
    first: String,
    /// The total was longer than [`MAX_TEXT_BYTES`] and was cut.
    truncated: bool,
    /// How many pages lost their text, and the first cause.
    failed: Option<(usize, String)>,
}

/// The text of every page. A page whose content or font the extractor cannot decode (it
/// panics on some fonts: « missing unicode map and encoding ») loses its own text only.
fn text(doc: &Document, page_count: usize) -> Text {
    let mut out = Text {
        text: String::new(),
        first: String::new(),
        truncated: false,
        failed: None,
    };
    for n in 1..=page_count {
        let Ok(n32) = u32::try_from(n) else { break };
        let mut page = String::new();
        let result = catch_unwind(AssertUnwindSafe(|| page_text(doc, n32, &mut page)));
        let cause = match result {
            Ok(Ok(())) => None,
            Ok(Err(e)) => Some(format!("{e:?}")),
            Err(payload) => Some(panic_message(payload.as_ref())),
        };
        if let Some(cause) = cause {
            page.clear();
            let failed = out.failed.get_or_insert((0, cause));
            failed.0 += 1;
        }
        if n == 1 {
            out.first = super::head_chars(page.trim(), MAX_FIRST_PAGE_CHARS);
        }
        out.text.push_str(&page);
        out.text.push('\n');
        if super::cut(&mut out.text, MAX_TEXT_BYTES) {
            out.truncated = true;
            return out;
        }
    }
    out
}

fn page_text(doc: &Document, n: u32, out: &mut String) -> Result<(), OutputError> {
    let mut output = PlainTextOutput::new(out);
    pdf_extract::output_doc_page(doc, &mut output, n)
}

/// The displayed size: the crop box (else the media box), inherited through the page tree,
/// turned by `/Rotate`.
fn page_size(doc: &Document, page: ObjectId) -> Option<PageSize> {
    let dict = doc.get_dictionary(page).ok()?;
    let rect = inherited(doc, dict, b"CropBox").or_else(|| inherited(doc, dict, b"MediaBox"))?;
    let nums: Vec<f32> = rect
        .as_array()
        .ok()?
        .iter()
        .filter_map(|o| number(doc, o))
        .collect();
    let [x0, y0, x1, y1] = nums.as_slice() else {
        return None;
    };
    let (mut width, mut height) = ((x1 - x0).abs(), (y1 - y0).abs());
    let rotate = inherited(doc, dict, b"Rotate")
        .and_then(|o| number(doc, o))
        .unwrap_or(0.0) as i64;
    if rotate.rem_euclid(180) == 90 {
        std::mem::swap(&mut width, &mut height);
    }
    Some(PageSize { width, height })
}

fn inherited<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let mut current = dict;
    for _ in 0..MAX_INHERIT_DEPTH {
        if let Ok(v) = current.get_deref(key, doc) {
            return Some(v);
        }
        current = current
            .get(b"Parent")
            .and_then(Object::as_reference)
            .and_then(|id| doc.get_dictionary(id))
            .ok()?;
    }
    None
}

fn number(doc: &Document, o: &Object) -> Option<f32> {
    let o = doc.dereference(o).ok()?.1;
    match o {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) => Some(*r),
        _ => None,
    }
}

fn info(doc: &Document) -> (Option<String>, Option<String>) {
    let Ok(info) = doc
        .trailer
        .get(b"Info")
        .and_then(|o| doc.dereference(o))
        .and_then(|(_, o)| o.as_dict())
    else {
        return (None, None);
    };
    let field = |key: &[u8]| {
        info.get_deref(key, doc)
            .ok()
            .and_then(|o| pdf_extract::decode_text_string(o).ok())
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    };
    (field(b"Title"), field(b"Producer"))
}

/// A signature dictionary (`/ByteRange`) or a signature field (`/FT /Sig`) anywhere.
fn signed(doc: &Document) -> bool {
    doc.objects.values().any(|o| {
        let dict = match o {
            Object::Dictionary(d) => d,
            Object::Stream(s) => &s.dict,
            _ => return false,
        };
        dict.has(b"ByteRange")
            || dict
                .get(b"FT")
                .and_then(Object::as_name)
                .is_ok_and(|n| n == b"Sig")
    })
}

/// Why the PDF parser refused the file, in French: the part of the file that is damaged,
/// not the parser's English.
fn describe(e: &pdf_extract::Error) -> Said {
    let s = format!("{e} {e:?}").to_lowercase();
    let part = |words: &[&str]| words.iter().any(|w| s.contains(w));
    let (fr, en) = if part(&["cross reference", "xref", "startxref"]) {
        (
            "table des références croisées illisible",
            "unreadable cross-reference table",
        )
    } else if part(&["trailer"]) {
        ("trailer illisible", "unreadable trailer")
    } else if part(&["header", "version"]) {
        (
            "en-tête PDF absent ou invalide",
            "PDF header missing or invalid",
        )
    } else if part(&["decrypt", "encrypt"]) {
        (
            "chiffrement illisible ou non pris en charge",
            "unreadable or unsupported encryption",
        )
    } else if part(&["unexpected end", "eof", "io error", "io("]) {
        ("fichier coupé avant la fin", "file cut before its end")
    } else if part(&["object", "reference"]) {
        (
            "objet introuvable ou illisible",
            "object missing or unreadable",
        )
    } else {
        ("structure PDF endommagée", "damaged PDF structure")
    };
    Said::new(fr, en)
}

/// The message of a caught panic, for the finding.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "erreur interne".to_string())
}
