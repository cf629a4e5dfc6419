//! Small PDF documents over lopdf: pages of a given size, a title line and body lines in
//! Helvetica with WinAnsiEncoding, so that French accents render and extract as themselves.
//! Nothing varies between runs: no date, no random /ID. [`layout`] and [`render`] set a
//! [`Doc`] instead: blocks wrapped at the margins and flowed onto pages, headings in bold on a
//! line of their own, a footer « page n/N », fixed dates.

use lopdf::content::{Content, Operation};
use lopdf::{Document, Object, Stream, StringFormat, dictionary};

/// Page size in PostScript points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageSize {
    pub width: f32,
    pub height: f32,
}

pub const A4: PageSize = PageSize {
    width: 595.28,
    height: 841.89,
};
/// US Letter, for the page-size cases.
pub const US_LETTER: PageSize = PageSize {
    width: 612.0,
    height: 792.0,
};

/// A document: its title (first line of the first page, and the Info /Title), then the body
/// lines of each page.
#[derive(Debug, Clone)]
pub struct PdfSpec {
    pub title: String,
    pub pages: Vec<Vec<String>>,
    pub size: PageSize,
}

impl PdfSpec {
    /// A one-page A4 document.
    pub fn page(title: &str, lines: &[&str]) -> PdfSpec {
        PdfSpec {
            title: title.to_string(),
            pages: vec![lines.iter().map(|l| l.to_string()).collect()],
            size: A4,
        }
    }
}

/// Text as the bytes a WinAnsiEncoding font shows: Windows-1252. A character outside it is a
/// mistake in the fixture data (encoding_rs would silently write `&#NNNN;`).
pub fn winansi(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(
        !unmappable,
        "not representable in WinAnsiEncoding: {text:?}"
    );
    bytes.into_owned()
}

pub(crate) fn text(s: &str) -> Object {
    Object::String(winansi(s), StringFormat::Literal)
}

fn page_content(title: Option<&str>, lines: &[String], size: PageSize) -> Content {
    let mut ops = vec![
        Operation::new("BT", vec![]),
        Operation::new("TL", vec![16.into()]),
        Operation::new("Td", vec![56.into(), (size.height - 72.0).into()]),
    ];
    if let Some(t) = title {
        ops.push(Operation::new("Tf", vec!["F1".into(), 15.into()]));
        ops.push(Operation::new("Tj", vec![text(t)]));
        ops.push(Operation::new("T*", vec![]));
        ops.push(Operation::new("T*", vec![]));
    }
    ops.push(Operation::new("Tf", vec!["F1".into(), 11.into()]));
    for line in lines {
        ops.push(Operation::new("Tj", vec![text(line)]));
        ops.push(Operation::new("T*", vec![]));
    }
    ops.push(Operation::new("ET", vec![]));
    Content { operations: ops }
}

pub fn build(spec: &PdfSpec) -> Result<Vec<u8>, lopdf::Error> {
    save(&mut document(spec)?)
}

/// The document's bytes, as lopdf writes them.
pub fn save(doc: &mut Document) -> Result<Vec<u8>, lopdf::Error> {
    let mut out = Vec::new();
    doc.save_to(&mut out)?;
    Ok(out)
}

/// The lopdf document of [`build`], for the cases that alter it before saving.
pub fn document(spec: &PdfSpec) -> Result<Document, lopdf::Error> {
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let resources_id = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font_id } });
    let mut kids: Vec<Object> = Vec::new();
    for (i, lines) in spec.pages.iter().enumerate() {
        let title = (i == 0).then_some(spec.title.as_str());
        let content = page_content(title, lines, spec.size).encode()?;
        let content_id = doc.add_object(Stream::new(dictionary! {}, content));
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => content_id,
            "MediaBox" => vec![0.into(), 0.into(), spec.size.width.into(), spec.size.height.into()],
        });
        kids.push(page_id.into());
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => count,
            "Resources" => resources_id,
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    let info_id = doc.add_object(dictionary! {
        "Title" => text(&spec.title),
        "Producer" => text("bidlint-fixturegen"),
    });
    doc.trailer.set("Root", catalog_id);
    doc.trailer.set("Info", info_id);
    Ok(doc)
}

// ---------------------------------------------------------------------------------------------
// Laid-out documents: the blocks of a [`Doc`] flowed onto pages, wrapped at the margins, with
// headings in bold on a line of their own and a footer « page n/N ».
// ---------------------------------------------------------------------------------------------

use crate::documents::{Block, Doc};

const MARGIN_X: f32 = 56.7;
const MARGIN_TOP: f32 = 64.0;
const MARGIN_BOTTOM: f32 = 62.0;
const FOOTER_Y: f32 = 36.0;

/// The fonts of a laid-out document, all Type 1 standard fonts with WinAnsiEncoding.
const FONTS: [(&str, &str); 3] = [
    ("F1", "Helvetica"),
    ("F2", "Helvetica-Bold"),
    ("F3", "Helvetica-Oblique"),
];

/// An estimate of a character's advance in Helvetica, in thousandths of the font size. A rough
/// grading of our own (narrow, digits, lower case, upper case, wide), on the generous side, so
/// that a line judged to fit does fit.
fn advance(c: char, bold: bool) -> f32 {
    let w = match c {
        ' ' | '.' | ',' | ';' | ':' | '\'' | '’' | '‘' | 'i' | 'j' | 'l' | 'í' | 'ì' | 'î'
        | 'ï' | '!' | '|' => 290.0,
        'f' | 't' | 'r' | '(' | ')' | '/' | '-' | 'I' | '[' | ']' => 350.0,
        '0'..='9' | '€' | '«' | '»' | '–' | '$' | '#' | '*' | '•' | '°' => 560.0,
        'm' | 'w' | 'M' | 'W' | '%' | '@' | 'œ' | 'Œ' | 'æ' | '—' | '…' => 950.0,
        c if c.is_uppercase() => 740.0,
        _ => 580.0,
    };
    if bold { w * 1.08 } else { w }
}

pub(crate) fn width(text: &str, size: f32, bold: bool) -> f32 {
    text.chars().map(|c| advance(c, bold)).sum::<f32>() * size / 1000.0
}

/// Words of `text` gathered into lines of at most `max` points. As French typesetting does, a
/// number, a unit and the punctuation that takes a space before it (`:` `;` `!` `?` `»` `€`
/// `%`) stay with the word before, and `«` with the word after: no line starts with a digit
/// (which would look like a numbered heading) or with a colon.
pub fn wrap(text: &str, size: f32, bold: bool, max: f32) -> Vec<String> {
    let mut units: Vec<String> = Vec::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let glued = word
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || ":;!?»€%".contains(c));
        match units.last_mut() {
            Some(last) if glued || last == "«" => {
                last.push(' ');
                last.push_str(word);
            }
            _ => units.push(word.to_string()),
        }
    }
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in units {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if width(&candidate, size, bold) > max && !line.is_empty() {
            lines.push(std::mem::replace(&mut line, word));
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// The largest size from `size` down to `min`, by half points, at which `text` fits on one line.
fn fit(text: &str, size: f32, min: f32, max: f32) -> Option<f32> {
    let mut s = size;
    while s >= min {
        if width(text, s, true) <= max {
            return Some(s);
        }
        s -= 0.5;
    }
    None
}

/// One line of text placed on a page.
struct Placed {
    font: &'static str,
    size: f32,
    x: f32,
    y: f32,
    text: String,
}

/// How a block is set: font, size, leading, space before and after, indent, its lines.
struct Set {
    font: &'static str,
    size: f32,
    leading: f32,
    before: f32,
    after: f32,
    indent: f32,
    lines: Vec<String>,
    /// Lines of the next block that must stay on the same page (headings).
    keep: f32,
}

fn set(block: &Block, max: f32) -> Option<Set> {
    // A heading stays on one line: it is shrunk to fit, never wrapped.
    let heading = |s: &str, size: f32, min: f32| -> f32 {
        fit(s, size, min, max).unwrap_or_else(|| panic!("heading too long for one line: {s:?}"))
    };
    Some(match block {
        Block::Title(s) => {
            let size = fit(s, 14.0, 11.0, max).unwrap_or(14.0);
            Set {
                font: "F2",
                size,
                leading: size + 5.0,
                before: 0.0,
                after: 4.0,
                indent: 0.0,
                lines: wrap(s, size, true, max),
                keep: 2.0,
            }
        }
        Block::Subtitle(s) => Set {
            font: "F3",
            size: 10.5,
            leading: 14.0,
            before: 0.0,
            after: 2.0,
            indent: 0.0,
            lines: wrap(s, 10.5, false, max),
            keep: 0.0,
        },
        Block::H1(s) => {
            let size = heading(s, 12.0, 8.5);
            Set {
                font: "F2",
                size,
                leading: 17.0,
                before: 12.0,
                after: 4.0,
                indent: 0.0,
                lines: vec![s.clone()],
                keep: 3.0,
            }
        }
        Block::H2(s) => {
            let size = heading(s, 10.5, 8.0);
            Set {
                font: "F2",
                size,
                leading: 15.0,
                before: 8.0,
                after: 2.0,
                indent: 0.0,
                lines: vec![s.clone()],
                keep: 2.0,
            }
        }
        Block::Strong(s) => Set {
            font: "F2",
            size: 10.0,
            leading: 14.0,
            before: 4.0,
            after: 0.0,
            indent: 0.0,
            lines: wrap(s, 10.0, true, max),
            keep: 1.0,
        },
        Block::P(s) => Set {
            font: "F1",
            size: 10.0,
            leading: 13.5,
            before: 0.0,
            after: 4.0,
            indent: 0.0,
            lines: wrap(s, 10.0, false, max),
            keep: 0.0,
        },
        Block::Bullet(s) => {
            let mut lines = wrap(&format!("• {s}"), 10.0, false, max - 14.0);
            for l in lines.iter_mut().skip(1) {
                *l = format!("   {l}");
            }
            Set {
                font: "F1",
                size: 10.0,
                leading: 13.5,
                before: 0.0,
                after: 1.0,
                indent: 14.0,
                lines,
                keep: 0.0,
            }
        }
        Block::Space | Block::PageBreak => return None,
    })
}

/// The pages of `doc`: each a list of placed lines.
fn flow(doc: &Doc) -> Vec<Vec<Placed>> {
    let (w, h) = (doc.size.width, doc.size.height);
    let max = w - 2.0 * MARGIN_X;
    let top = h - MARGIN_TOP;
    let mut pages: Vec<Vec<Placed>> = vec![Vec::new()];
    let mut y = top;
    for (i, block) in doc.blocks.iter().enumerate() {
        match block {
            Block::PageBreak => {
                pages.push(Vec::new());
                y = top;
                continue;
            }
            Block::Space => {
                y -= 10.0;
                continue;
            }
            _ => {}
        }
        let Some(s) = set(block, max) else { continue };
        let at_top = pages.last().is_some_and(|p| p.is_empty());
        let before = if at_top { 0.0 } else { s.before };
        let next_lines = doc.blocks.get(i + 1).map_or(0.0, |_| s.keep);
        let need = before + s.leading * (s.lines.len() as f32 + next_lines);
        if !at_top && y - need < MARGIN_BOTTOM {
            pages.push(Vec::new());
            y = top;
        } else {
            y -= before;
        }
        for line in s.lines {
            if y - s.leading < MARGIN_BOTTOM {
                pages.push(Vec::new());
                y = top;
            }
            y -= s.leading;
            let page = pages.last_mut().expect("a page");
            page.push(Placed {
                font: s.font,
                size: s.size,
                x: MARGIN_X
                    + if line.starts_with("   ") {
                        s.indent
                    } else {
                        0.0
                    },
                y,
                text: line.trim_start().to_string(),
            });
        }
        y -= s.after;
    }
    pages.retain(|p| !p.is_empty());
    let n = pages.len();
    if let Some(footer) = &doc.footer {
        for (k, page) in pages.iter_mut().enumerate() {
            page.push(Placed {
                font: "F1",
                size: 8.0,
                x: MARGIN_X,
                y: FOOTER_Y,
                text: format!("{footer} – page {}/{n}", k + 1),
            });
        }
    }
    pages
}

fn real(v: f32) -> Object {
    // Two decimals at most: the same text whatever the float noise of the layout.
    Object::Real((v * 100.0).round() / 100.0)
}

/// The lopdf document of a laid-out [`Doc`].
pub fn layout(doc: &Doc) -> Result<Document, lopdf::Error> {
    let mut pdf = Document::with_version("1.7");
    let pages_id = pdf.new_object_id();
    let mut fonts = lopdf::Dictionary::new();
    for (name, base) in FONTS {
        let id = pdf.add_object(dictionary! {
            "Type" => "Font",
            "Subtype" => "Type1",
            "BaseFont" => base,
            "Encoding" => "WinAnsiEncoding",
        });
        fonts.set(name, id);
    }
    let resources_id = pdf.add_object(dictionary! { "Font" => fonts });
    let mut kids: Vec<Object> = Vec::new();
    for page in flow(doc) {
        let mut ops = vec![Operation::new("BT", vec![])];
        for p in &page {
            ops.push(Operation::new("Tf", vec![p.font.into(), real(p.size)]));
            ops.push(Operation::new(
                "Tm",
                vec![1.into(), 0.into(), 0.into(), 1.into(), real(p.x), real(p.y)],
            ));
            ops.push(Operation::new("Tj", vec![text(&p.text)]));
        }
        ops.push(Operation::new("ET", vec![]));
        let content = Content { operations: ops }.encode()?;
        let content_id = pdf.add_object(Stream::new(dictionary! {}, content));
        let page_id = pdf.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => content_id,
            "MediaBox" => vec![0.into(), 0.into(), real(doc.size.width), real(doc.size.height)],
        });
        kids.push(page_id.into());
    }
    let count = kids.len() as i64;
    pdf.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => count,
            "Resources" => resources_id,
        }),
    );
    let catalog_id = pdf.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    let info_id = pdf.add_object(dictionary! {
        "Title" => text(&doc.title),
        "Author" => text(&doc.author),
        "Producer" => text("bidlint-fixturegen"),
        "CreationDate" => Object::string_literal(doc.date.as_bytes().to_vec()),
        "ModDate" => Object::string_literal(doc.date.as_bytes().to_vec()),
    });
    pdf.trailer.set("Root", catalog_id);
    pdf.trailer.set("Info", info_id);
    Ok(pdf)
}

/// The bytes of a laid-out [`Doc`].
pub fn render(doc: &Doc) -> Result<Vec<u8>, lopdf::Error> {
    save(&mut layout(doc)?)
}
