//! PDF facts with lopdf (the one pdf-extract re-exports, so one lopdf is built) and text with
//! pdf-extract, page by page so that the first page is known and the total can be capped.
//!
//! Runs inside the worker process: pdf-extract and lopdf may panic, overflow the stack or
//! allocate without bound on hostile files, and the worker's limits contain that. A panic
//! during text extraction alone is caught here so that the structure (pages, sizes) is kept.

use std::panic::{AssertUnwindSafe, catch_unwind};

use pdf_extract::{Dictionary, Document, Object, ObjectId, OutputError, PlainTextOutput};

use super::{DocFacts, Encryption, MAX_FIRST_PAGE_CHARS, MAX_PAGE_SIZES, MAX_TEXT_BYTES, PageSize};

/// How far up the page tree an inherited attribute is looked for; real trees are a few
/// levels deep, and a `/Parent` cycle must not loop.
const MAX_INHERIT_DEPTH: usize = 64;

pub fn read(bytes: &[u8]) -> Result<DocFacts, String> {
    let doc = Document::load_mem(bytes)
        .map_err(|e| format!("PDF illisible (tronqué ou corrompu) : {}", describe(&e)))?;
    let mut facts = DocFacts::default();
    if doc.is_encrypted() {
        // lopdf opens with the empty user password by itself; still encrypted means a user
        // password is needed, and nothing else can be read.
        facts.encryption = Encryption::UserPassword;
        return Ok(facts);
    }
    if doc.was_encrypted() {
        facts.encryption = Encryption::OwnerOnly;
    }
    if let Some(problem) = page_tree_problem(&doc) {
        return Err(format!("PDF corrompu : {problem}"));
    }
    let pages = doc.get_pages();
    if pages.is_empty() {
        return Err("PDF sans aucune page lisible (arbre des pages absent ou corrompu)".into());
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
    match catch_unwind(AssertUnwindSafe(|| text(&doc, pages.len()))) {
        Ok((text, first, truncated)) => {
            facts.text = text;
            facts.first_page = first;
            facts.text_truncated = truncated;
        }
        Err(payload) => {
            facts.text_error = Some(format!(
                "texte non extractible (le lecteur PDF a échoué : {})",
                panic_message(payload.as_ref())
            ));
        }
    }
    Ok(facts)
}

/// A page tree that loops (a `/Kids` or `/Parent` cycle) is corrupt: lopdf stops, but
/// other readers loop or refuse the file, so the buyer may not open it.
fn page_tree_problem(doc: &Document) -> Option<&'static str> {
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
            return Some("l'arbre des pages forme une boucle");
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
                return Some("la chaîne /Parent des pages forme une boucle");
            }
            match doc.get_dictionary(parent) {
                Ok(d) => cur = d,
                Err(_) => break,
            }
        }
    }
    None
}

/// The text of every page, the first page's text, and whether the total was cut.
fn text(doc: &Document, page_count: usize) -> (String, String, bool) {
    let mut all = String::new();
    let mut first = String::new();
    for n in 1..=page_count {
        let Ok(n32) = u32::try_from(n) else { break };
        let mut page = String::new();
        // A page whose content cannot be decoded contributes nothing; the others still count.
        if page_text(doc, n32, &mut page).is_err() {
            page.clear();
        }
        if n == 1 {
            first = super::head_chars(page.trim(), MAX_FIRST_PAGE_CHARS);
        }
        all.push_str(&page);
        all.push('\n');
        if super::cut(&mut all, MAX_TEXT_BYTES) {
            return (all, first, true);
        }
    }
    (all, first, false)
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

fn describe(e: &pdf_extract::Error) -> String {
    let s = e.to_string();
    if s.is_empty() { format!("{e:?}") } else { s }
}

/// The message of a caught panic, for the finding.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "erreur interne".to_string())
}
