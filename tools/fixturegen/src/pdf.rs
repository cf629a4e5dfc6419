//! Small PDF documents over lopdf: pages of a given size, a title line and body lines in
//! Helvetica with WinAnsiEncoding, so that French accents render and extract as themselves.
//! Nothing varies between runs: no date, no random /ID.

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

/// Text as the bytes a WinAnsiEncoding font shows: Windows-1252.
fn winansi(text: &str) -> Vec<u8> {
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
    bytes.into_owned()
}

fn text(s: &str) -> Object {
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
    let mut out = Vec::new();
    doc.save_to(&mut out)?;
    Ok(out)
}
