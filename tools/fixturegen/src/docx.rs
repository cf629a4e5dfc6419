//! Word documents (DOCX) written part by part over [`crate::zipfile`]: the smallest package
//! Word and LibreOffice open — `[Content_Types].xml`, `_rels/.rels`, `word/document.xml`,
//! `word/_rels/document.xml.rels`, `word/styles.xml`, plus the core and extended properties
//! (title, author, fixed dates, page count).
//!
//! Headings use Word's built-in heading styles: the style ids `Heading1` and `Heading2`, named
//! `heading 1` and `heading 2` (Word stores the English names whatever the interface
//! language), with outline levels 0 and 1 and no automatic numbering — the numbers are part of
//! the heading text, as the imposed plan writes them. Entries are stored, not compressed, with
//! the fixed date of [`crate::zipfile`]: the same bytes at every run.

use crate::documents::{Block, Doc};
use crate::zipfile::{self, Entry};

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// Text escaped for XML character data and double-quoted attribute values (apostrophes are
/// left as they are, as Word writes them).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

fn run(text: &str, bold: bool) -> String {
    let props = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
    format!(
        "<w:r>{props}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
        escape(text)
    )
}

fn paragraph(style: Option<&str>, body: &str) -> String {
    match style {
        Some(s) => format!("<w:p><w:pPr><w:pStyle w:val=\"{s}\"/></w:pPr>{body}</w:p>"),
        None => format!("<w:p>{body}</w:p>"),
    }
}

/// `word/document.xml`: one paragraph per block, then the A4 section.
pub fn document_xml(doc: &Doc) -> String {
    let mut body = String::new();
    for block in &doc.blocks {
        body.push_str(&match block {
            Block::Title(s) => paragraph(Some("Title"), &run(s, false)),
            Block::Subtitle(s) => paragraph(Some("Subtitle"), &run(s, false)),
            Block::H1(s) => paragraph(Some("Heading1"), &run(s, false)),
            Block::H2(s) => paragraph(Some("Heading2"), &run(s, false)),
            Block::Strong(s) => paragraph(None, &run(s, true)),
            Block::P(s) => paragraph(None, &run(s, false)),
            Block::Bullet(s) => paragraph(Some("ListBullet"), &run(&format!("• {s}"), false)),
            Block::Space => paragraph(None, ""),
            Block::PageBreak => paragraph(None, "<w:r><w:br w:type=\"page\"/></w:r>"),
        });
    }
    // Page size in twentieths of a point: A4 is 11906 × 16838, margins 2 cm.
    let w = (doc.size.width * 20.0).round() as u32;
    let h = (doc.size.height * 20.0).round() as u32;
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<w:document xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\"><w:body>{body}\
<w:sectPr><w:pgSz w:w=\"{w}\" w:h=\"{h}\"/>\
<w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>\
</w:sectPr></w:body></w:document>"
    )
}

/// `word/styles.xml`: French as the default language, Normal, Title, Subtitle, the two heading
/// styles and a bulleted-list style.
pub fn styles_xml() -> String {
    let heading = |id: &str, name: &str, level: u32, size: u32| {
        format!(
            "<w:style w:type=\"paragraph\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/>\
<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/><w:qFormat/>\
<w:pPr><w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\"/><w:outlineLvl w:val=\"{level}\"/></w:pPr>\
<w:rPr><w:b/><w:sz w:val=\"{size}\"/></w:rPr></w:style>"
        )
    };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<w:styles xmlns:w=\"{W_NS}\">\
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:cs=\"Arial\"/>\
<w:sz w:val=\"21\"/><w:lang w:val=\"fr-FR\" w:eastAsia=\"en-US\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>\
<w:pPrDefault><w:pPr><w:spacing w:after=\"120\"/></w:pPr></w:pPrDefault></w:docDefaults>\
<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>\
<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>\
<w:pPr><w:spacing w:after=\"240\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"36\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Subtitle\"><w:name w:val=\"Subtitle\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>\
<w:rPr><w:i/><w:sz w:val=\"22\"/></w:rPr></w:style>\
{}{}\
<w:style w:type=\"paragraph\" w:styleId=\"ListBullet\"><w:name w:val=\"List Bullet\"/><w:basedOn w:val=\"Normal\"/>\
<w:pPr><w:ind w:left=\"360\" w:hanging=\"240\"/></w:pPr></w:style>\
</w:styles>",
        heading("Heading1", "heading 1", 0, 28),
        heading("Heading2", "heading 2", 1, 24),
    )
}

const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>\
</Types>";

const PACKAGE_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>\
</Relationships>";

const DOCUMENT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>\
</Relationships>";

/// The W3C date of a PDF date `D:YYYYMMDDHHmmSS…`, for the core properties.
fn w3c_date(pdf_date: &str) -> String {
    let d = pdf_date.trim_start_matches("D:");
    let part = |a: usize, b: usize| d.get(a..b).unwrap_or("00");
    format!(
        "{}-{}-{}T{}:{}:{}Z",
        part(0, 4),
        part(4, 6),
        part(6, 8),
        part(8, 10),
        part(10, 12),
        part(12, 14)
    )
}

fn core_xml(doc: &Doc) -> String {
    let date = w3c_date(&doc.date);
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
<dc:title>{}</dc:title><dc:creator>{}</dc:creator><dc:language>fr-FR</dc:language>\
<dcterms:created xsi:type=\"dcterms:W3CDTF\">{date}</dcterms:created>\
<dcterms:modified xsi:type=\"dcterms:W3CDTF\">{date}</dcterms:modified>\
</cp:coreProperties>",
        escape(&doc.title),
        escape(&doc.author)
    )
}

/// `docProps/app.xml`, with the page count Word would store: the explicit page breaks + 1.
fn app_xml(doc: &Doc) -> String {
    let pages = 1 + doc
        .blocks
        .iter()
        .filter(|b| **b == Block::PageBreak)
        .count();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">\
<Application>bidlint-fixturegen</Application><Pages>{pages}</Pages></Properties>"
    )
}

/// The parts of the package, in the order they are stored.
pub fn parts(doc: &Doc) -> Vec<(&'static str, String)> {
    vec![
        ("[Content_Types].xml", CONTENT_TYPES.to_string()),
        ("_rels/.rels", PACKAGE_RELS.to_string()),
        ("docProps/core.xml", core_xml(doc)),
        ("docProps/app.xml", app_xml(doc)),
        ("word/document.xml", document_xml(doc)),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.to_string()),
        ("word/styles.xml", styles_xml()),
    ]
}

/// The DOCX file of `doc`.
pub fn build(doc: &Doc) -> Vec<u8> {
    let entries: Vec<Entry> = parts(doc)
        .into_iter()
        .map(|(name, xml)| Entry {
            name: name.as_bytes().to_vec(),
            data: xml.into_bytes(),
            flags: 0,
        })
        .collect();
    zipfile::build(&entries)
}
