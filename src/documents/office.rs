//! Word (DOCX) and OpenDocument text (ODT) files: the paragraphs of `word/document.xml` or
//! `content.xml`, one per line, the headings (by style), and the page count, title and
//! producer the file records. Entries are inflated with a cap ([`MAX_XML_BYTES`]) after the
//! archive passed [`crate::inventory::zipguard::check`]: a bomb is refused, not inflated.

use std::collections::HashSet;
use std::io::{Read, Seek};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::layout;
use super::opc;
use super::{DocFacts, DocFormat, MAX_FIRST_PAGE_CHARS, MAX_TEXT_BYTES, ReadFailure};
use crate::inventory::zipguard;
use crate::said;
use crate::vocabulary::Said;

/// The largest document body read (decompressed). A 300-page mémoire is a few megabytes of XML.
pub const MAX_XML_BYTES: u64 = 64 * 1024 * 1024;
/// Styles and metadata entries are small; a large one is a trap.
const MAX_SMALL_XML_BYTES: u64 = 8 * 1024 * 1024;
/// Word heading levels go from 1 to 9 (`w:outlineLvl` 0 to 8).
const MAX_LEVEL: usize = 9;

#[derive(Debug, Clone, PartialEq, Eq)]
struct Paragraph {
    text: String,
    /// 1-based heading level, for a heading.
    level: Option<usize>,
    /// Numbered automatically (Word list numbering), so the number is not in the text.
    auto_numbered: bool,
    /// Starts on a new page (explicit break, or the previous section ended with its page).
    break_before: bool,
}

/// The paragraphs of a body, with what the page count estimate needs.
#[derive(Debug, Default)]
struct Body {
    paragraphs: Vec<Paragraph>,
    geometry: layout::Geometry,
    /// Page breaks the last layout left (`w:lastRenderedPageBreak`, `text:soft-page-break`).
    rendered: u32,
}

/// The facts of a DOCX or ODT (or an ODS read as text); a package the reader refuses is
/// [`ReadFailure::Corrupt`] with the reader's detail.
pub fn read<R: Read + Seek>(reader: R, format: DocFormat) -> Result<DocFacts, ReadFailure> {
    read_package(reader, format).map_err(ReadFailure::corrupt)
}

fn read_package<R: Read + Seek>(reader: R, format: DocFormat) -> Result<DocFacts, Said> {
    let mut zip = zipguard::open(reader)?;
    // An ODS read as text (see `sheets::displayed_strings`) has the same parts as an ODT.
    let odt = matches!(format, DocFormat::Odt | DocFormat::Ods);
    let body_name = if odt {
        "content.xml".to_string()
    } else {
        main_part(&mut zip)?
    };
    let body = zipguard::read_entry(&mut zip, &body_name, MAX_XML_BYTES)?.ok_or_else(|| {
        said!(
            "{body_name} absent : ce n'est pas un document .{}",
            "{body_name} missing: this is not a .{} document",
            format.as_str()
        )
    })?;
    let mut facts = DocFacts::default();
    // Headers, footers and notes: text the rules look for (a date, a name, a link) that is
    // not in the body. Read once each, after the body.
    let mut around: Vec<Paragraph> = Vec::new();
    let body = if odt {
        if let Some(xml) = zipguard::read_entry(&mut zip, "styles.xml", MAX_SMALL_XML_BYTES)? {
            around.extend(odt_paragraphs(&xml)?.paragraphs);
        }
        odt_paragraphs(&body)?
    } else {
        let (folder, rels_name) = opc::rels_of(&body_name);
        let rels = match zipguard::read_entry(&mut zip, &rels_name, MAX_SMALL_XML_BYTES)? {
            Some(xml) => opc::relationships(&xml),
            None => Vec::new(),
        };
        let part = |kind: &str| related_parts(&rels, &folder, kind);
        let styles_name = part("styles")
            .into_iter()
            .next()
            .unwrap_or_else(|| "word/styles.xml".to_string());
        let styles = match zipguard::read_entry(&mut zip, &styles_name, MAX_SMALL_XML_BYTES)? {
            Some(xml) => heading_styles(&xml),
            None => HeadingStyles::default(),
        };
        for kind in ["header", "footer", "footnotes", "endnotes"] {
            for name in part(kind) {
                if let Some(xml) = zipguard::read_entry(&mut zip, &name, MAX_XML_BYTES)? {
                    around.extend(
                        docx_paragraphs(&xml, &HeadingStyles::default())?
                            .paragraphs
                            .into_iter()
                            .filter(|p| !p.text.trim().is_empty()),
                    );
                }
            }
        }
        docx_paragraphs(&body, &styles)?
    };
    facts.headings = numbered_headings(&body.paragraphs);
    let mut text = lines_of(body.paragraphs.iter().chain(&around));
    let estimate = estimate_pages(&body, &text);
    facts.text_truncated = super::cut(&mut text, MAX_TEXT_BYTES);
    facts.first_page = super::head_chars(text.trim(), MAX_FIRST_PAGE_CHARS);
    facts.text = text;
    let meta_name = if odt { "meta.xml" } else { "docProps/app.xml" };
    let mut stored = Metadata::default();
    if let Some(xml) = zipguard::read_entry(&mut zip, meta_name, MAX_SMALL_XML_BYTES)? {
        stored = metadata(&xml);
        facts.producer = stored.producer.clone();
        facts.title = stored.title.clone();
    }
    // The stored count is a claim of the last program that saved the file: kept when
    // plausible, else estimated and said so.
    (facts.pages, facts.page_estimate) = layout::decide(stored.pages, stored.words, estimate);
    if !odt
        && let Some(xml) = zipguard::read_entry(&mut zip, "docProps/core.xml", MAX_SMALL_XML_BYTES)?
    {
        facts.title = metadata(&xml).title;
    }
    Ok(facts)
}

/// The parts of kind `kind` (« header », « styles »…) among the relationships of the part in
/// `folder`, as names in the package.
fn related_parts(relationships: &[(String, String)], folder: &str, kind: &str) -> Vec<String> {
    relationships
        .iter()
        .filter(|(k, _)| k == kind)
        .map(|(_, t)| opc::resolve(folder, t))
        .collect()
}

/// The text of paragraphs, one a line.
fn lines_of<'a>(paragraphs: impl Iterator<Item = &'a Paragraph>) -> String {
    let mut text = String::new();
    for p in paragraphs {
        text.push_str(&p.text);
        text.push('\n');
    }
    text
}

/// The page count a body would have, from its paragraphs' shapes, its page geometry and the
/// breaks its last layout left; `text` is everything the document says, for its word count.
fn estimate_pages(body: &Body, text: &str) -> layout::PageEstimate {
    let shapes: Vec<layout::Shape> = body
        .paragraphs
        .iter()
        .map(|p| layout::Shape {
            chars: p.text.chars().count(),
            heading: p.level.is_some(),
            break_before: p.break_before,
        })
        .collect();
    layout::estimate(
        &shapes,
        body.geometry,
        body.rendered,
        layout::count_words(text),
    )
}

/// A part whose XML does not parse.
fn invalid_xml() -> Said {
    Said::new(
        "XML invalide (contenu endommagé)",
        "invalid XML (damaged content)",
    )
}

/// The main part of an OOXML package: the `officeDocument` relationship of `_rels/.rels`, as
/// Office finds it, else the usual `word/document.xml`.
fn main_part<R: Read + Seek>(zip: &mut zip::ZipArchive<R>) -> Result<String, Said> {
    let named = zipguard::read_entry(zip, "_rels/.rels", MAX_SMALL_XML_BYTES)?.and_then(|xml| {
        opc::relationships(&xml)
            .into_iter()
            .find(|(kind, _)| kind == opc::MAIN)
            .map(|(_, target)| opc::resolve("", &target))
    });
    Ok(named.unwrap_or_else(|| "word/document.xml".to_string()))
}

/// Plain text of a DOCX or ODT, for source documents.
pub fn text<R: Read + Seek>(reader: R, format: DocFormat) -> Result<String, ReadFailure> {
    read(reader, format).map(|f| f.text)
}

/// Word heading styles: ids whose name is « heading N » (Word stores the English name
/// whatever the interface language: the French « Titre 1 » is `heading 1`) or that carry an
/// outline level, and which of them are numbered.
#[derive(Debug, Default)]
struct HeadingStyles {
    levels: Vec<(String, usize)>,
    numbered: HashSet<String>,
}

impl HeadingStyles {
    fn level(&self, id: &str) -> Option<usize> {
        self.levels.iter().find(|(s, _)| s == id).map(|(_, l)| *l)
    }
}

fn heading_styles(xml: &[u8]) -> HeadingStyles {
    let mut out = HeadingStyles::default();
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut current: Option<String> = None;
    let mut level: Option<usize> = None;
    let mut numbered = false;
    while let Ok(event) = reader.read_event_into(&mut buf) {
        match event {
            Event::Start(e) | Event::Empty(e) => match e.local_name().into_inner() {
                "style" => {
                    current = attr(&e, "styleId");
                    level = None;
                    numbered = false;
                }
                "name" if current.is_some() => {
                    if let Some(n) = attr(&e, "val") {
                        level = level.or_else(|| heading_level_of_name(&n));
                    }
                }
                "outlineLvl" if current.is_some() => {
                    if let Some(l) = attr(&e, "val").and_then(|v| v.parse::<usize>().ok())
                        && l < MAX_LEVEL
                    {
                        level = Some(l + 1);
                    }
                }
                "numPr" if current.is_some() => numbered = true,
                _ => {}
            },
            Event::End(e) if e.local_name().into_inner() == "style" => {
                if let (Some(id), Some(l)) = (current.take(), level) {
                    if numbered {
                        out.numbered.insert(id.clone());
                    }
                    out.levels.push((id, l));
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    out
}

fn heading_level_of_name(name: &str) -> Option<usize> {
    let lower = name.to_lowercase();
    let rest = lower
        .strip_prefix("heading")
        .or_else(|| lower.strip_prefix("titre"))?;
    let n: usize = rest.trim().parse().ok()?;
    (1..=MAX_LEVEL).contains(&n).then_some(n)
}

/// A paragraph being read: a text box inside a paragraph holds paragraphs of its own, and the
/// text before the box must not be lost.
#[derive(Debug, Default)]
struct Open {
    text: String,
    level: Option<usize>,
    auto_numbered: bool,
    break_before: bool,
}

impl Open {
    fn close(self) -> Paragraph {
        Paragraph {
            text: self.text,
            level: self.level,
            auto_numbered: self.auto_numbered && self.level.is_some(),
            break_before: self.break_before,
        }
    }
}

/// Twentieths of a point (Word's unit for page sizes and margins) to points.
fn twips(e: &BytesStart, key: &str) -> Option<f32> {
    attr(e, key)
        .and_then(|v| v.parse::<f32>().ok())
        .map(|v| v / 20.0)
}

/// The paragraphs of a WordprocessingML part: the body, a header, a footer, the notes.
fn docx_paragraphs(xml: &[u8], styles: &HeadingStyles) -> Result<Body, Said> {
    let mut reader = Reader::from_reader(xml);
    let mut body = Body::default();
    let mut buf = Vec::new();
    let mut part = WordPart::new();
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|_| invalid_xml())?;
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(e) | Event::Empty(e) => part.start(&e, empty, styles, &mut body),
            Event::Text(t) if part.in_text && part.fallback == 0 => {
                push_text(&mut part.stack, &t.xml10_content())
            }
            Event::GeneralRef(r) if part.in_text && part.fallback == 0 => {
                if let Some(p) = part.stack.last_mut() {
                    push_ref(&mut p.text, &r);
                }
            }
            Event::End(e) => part.end(e.local_name().into_inner(), &mut body),
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    body.geometry = layout::Geometry::from_page(part.page.0, part.page.1, part.margins);
    Ok(body)
}

/// Where the reading of a WordprocessingML part stands.
struct WordPart {
    /// The paragraphs open, innermost last (a text box's inside its anchor's).
    stack: Vec<Open>,
    /// Inside `w:t`: its characters are text.
    in_text: bool,
    /// Word writes a text box twice: as DrawingML (`mc:Choice`) and as VML for older readers
    /// (`mc:Fallback`); the copy is skipped.
    fallback: usize,
    /// A section ends with its paragraph and, unless continuous, the next one starts a page.
    in_section: bool,
    section_continuous: bool,
    next_on_new_page: bool,
    /// Page size and margins (top, right, bottom, left) in points; A4 and Word's default
    /// margins until a section says otherwise.
    page: (f32, f32),
    margins: [f32; 4],
}

impl WordPart {
    fn new() -> WordPart {
        WordPart {
            stack: Vec::new(),
            in_text: false,
            fallback: 0,
            in_section: false,
            section_continuous: false,
            next_on_new_page: false,
            page: (595.3, 841.9),
            margins: [70.9; 4],
        }
    }

    /// An element opens (or is empty).
    fn start(&mut self, e: &BytesStart, empty: bool, styles: &HeadingStyles, body: &mut Body) {
        let stack = &mut self.stack;
        match e.local_name().into_inner() {
            "Fallback" if !empty => self.fallback += 1,
            _ if self.fallback > 0 => {}
            "p" if !empty => stack.push(Open {
                break_before: std::mem::take(&mut self.next_on_new_page),
                ..Open::default()
            }),
            "t" if !empty => self.in_text = true,
            "tab" if empty => push_text(stack, "\t"),
            "br" | "cr" => {
                if attr(e, "type").as_deref() == Some("page") {
                    if let Some(p) = stack.last_mut() {
                        p.break_before = true;
                    }
                } else if attr(e, "type").as_deref() != Some("column") {
                    push_text(stack, "\n");
                }
            }
            "noBreakHyphen" => push_text(stack, "-"),
            "sym" => {
                if let Some(c) = attr(e, "char").and_then(|v| symbol(&v)) {
                    push_text(stack, c.encode_utf8(&mut [0; 4]));
                }
            }
            "lastRenderedPageBreak" => body.rendered = body.rendered.saturating_add(1),
            "pageBreakBefore" => {
                if !matches!(attr(e, "val").as_deref(), Some("0" | "false" | "off"))
                    && let Some(p) = stack.last_mut()
                {
                    p.break_before = true;
                }
            }
            "sectPr" if !empty => {
                self.in_section = true;
                self.section_continuous = false;
            }
            "type" | "pgSz" | "pgMar" if self.in_section => self.section_property(e),
            _ => {
                if let Some(p) = stack.last_mut() {
                    paragraph_property(e, styles, &mut p.level, &mut p.auto_numbered);
                }
            }
        }
    }

    /// A section's type, page size or margins (inside `w:sectPr`).
    fn section_property(&mut self, e: &BytesStart) {
        match e.local_name().into_inner() {
            "type" => {
                self.section_continuous = attr(e, "val").as_deref() == Some("continuous");
            }
            "pgSz" => {
                self.page = (
                    twips(e, "w").unwrap_or(self.page.0),
                    twips(e, "h").unwrap_or(self.page.1),
                );
            }
            "pgMar" => {
                self.margins = [
                    twips(e, "top").unwrap_or(self.margins[0]).abs(),
                    twips(e, "right").unwrap_or(self.margins[1]),
                    twips(e, "bottom").unwrap_or(self.margins[2]).abs(),
                    twips(e, "left").unwrap_or(self.margins[3]),
                ];
            }
            _ => {}
        }
    }

    /// An element closes.
    fn end(&mut self, local_name: &str, body: &mut Body) {
        match local_name {
            "Fallback" => self.fallback = self.fallback.saturating_sub(1),
            _ if self.fallback > 0 => {}
            "t" => self.in_text = false,
            "sectPr" => {
                self.in_section = false;
                // Inside a paragraph's properties, the section ends with that paragraph.
                if !self.stack.is_empty() && !self.section_continuous {
                    self.next_on_new_page = true;
                }
            }
            "p" => {
                if let Some(p) = self.stack.pop() {
                    body.paragraphs.push(p.close());
                }
            }
            _ => {}
        }
    }
}

fn push_text(stack: &mut [Open], s: &str) {
    if let Some(p) = stack.last_mut() {
        p.text.push_str(s);
    }
}

/// The character of a `w:sym`: fonts such as Symbol and Wingdings map their glyphs to
/// U+F020–U+F0FF, whose low byte is the ASCII-like code; anything that is not a printable
/// character is dropped.
fn symbol(hex: &str) -> Option<char> {
    let code = u32::from_str_radix(hex, 16).ok()?;
    let code = if (0xF020..=0xF0FF).contains(&code) {
        code - 0xF000
    } else {
        code
    };
    char::from_u32(code).filter(|c| !c.is_control())
}

/// `w:pStyle`, `w:outlineLvl` and `w:numPr` inside a paragraph's properties.
fn paragraph_property(
    e: &BytesStart,
    styles: &HeadingStyles,
    level: &mut Option<usize>,
    auto_numbered: &mut bool,
) {
    match e.local_name().into_inner() {
        "pStyle" => {
            if let Some(id) = attr(e, "val") {
                if let Some(l) = styles.level(&id) {
                    *level = Some(l);
                }
                if styles.numbered.contains(&id) {
                    *auto_numbered = true;
                }
            }
        }
        "outlineLvl" => {
            if let Some(l) = attr(e, "val").and_then(|v| v.parse::<usize>().ok())
                && l < MAX_LEVEL
            {
                *level = Some(l + 1);
            }
        }
        "numPr" => *auto_numbered = true,
        _ => {}
    }
}

/// The paragraphs of an ODF text part (`content.xml`, or the headers and footers of
/// `styles.xml`). A note's or a comment's paragraphs are paragraphs of their own, after the
/// sentence that cites them; the note's number, a comment's author and date are not text.
fn odt_paragraphs(xml: &[u8]) -> Result<Body, Said> {
    let mut reader = Reader::from_reader(xml);
    let mut body = Body::default();
    let mut buf = Vec::new();
    let mut part = OdfPart::default();
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|_| invalid_xml())?;
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(e) | Event::Empty(e) => part.start(&e, empty, &mut body),
            Event::Text(t) if part.skip == 0 => push_text(&mut part.stack, &t.xml10_content()),
            Event::GeneralRef(r) if part.skip == 0 => {
                if let Some(p) = part.stack.last_mut() {
                    push_ref(&mut p.text, &r);
                }
            }
            Event::End(e) => part.end(&e, &mut body),
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(body)
}

/// Where the reading of an ODF text part stands.
#[derive(Default)]
struct OdfPart {
    /// The paragraphs open, innermost last (a note's inside the one that cites it).
    stack: Vec<Open>,
    /// Inside a note citation, a comment's author or date: text that is not the document's.
    skip: usize,
    /// Paragraph styles that start a new page (`fo:break-before="page"`), from the automatic
    /// styles that precede the body.
    page_styles: HashSet<String>,
    /// The style being read.
    style: Option<String>,
}

impl OdfPart {
    /// An element opens (or is empty).
    fn start(&mut self, e: &BytesStart, empty: bool, body: &mut Body) {
        let stack = &mut self.stack;
        let skip = self.skip;
        match e.local_name().into_inner() {
            _ if !empty && not_text(e.name().as_ref()) => self.skip += 1,
            _ if !empty && is_alt_text(e.name().as_ref()) => stack.push(Open::default()),
            "style" if !empty => self.style = attr(e, "name"),
            "paragraph-properties" => {
                if attr(e, "break-before").as_deref() == Some("page")
                    && let Some(name) = &self.style
                {
                    self.page_styles.insert(name.clone());
                }
            }
            name @ ("p" | "h") => {
                let level = (name == "h").then(|| {
                    attr(e, "outline-level")
                        .and_then(|v| v.parse::<usize>().ok())
                        .unwrap_or(1)
                        .clamp(1, MAX_LEVEL)
                });
                let break_before =
                    attr(e, "style-name").is_some_and(|n| self.page_styles.contains(&n));
                let open = Open {
                    level,
                    break_before,
                    ..Open::default()
                };
                if empty {
                    body.paragraphs.push(open.close());
                } else {
                    stack.push(open);
                }
            }
            "soft-page-break" => body.rendered = body.rendered.saturating_add(1),
            "tab" if skip == 0 => push_text(stack, "\t"),
            "line-break" if skip == 0 => push_text(stack, "\n"),
            "s" if skip == 0 => {
                let n = attr(e, "c")
                    .and_then(|v| v.parse::<usize>().ok())
                    .unwrap_or(1)
                    .min(64);
                push_text(stack, &" ".repeat(n));
            }
            _ => {}
        }
    }

    /// An element closes.
    fn end(&mut self, e: &quick_xml::events::BytesEnd, body: &mut Body) {
        match e.local_name().into_inner() {
            _ if not_text(e.name().as_ref()) => self.skip = self.skip.saturating_sub(1),
            "style" => self.style = None,
            _ if is_alt_text(e.name().as_ref()) => {
                if let Some(p) = self.stack.pop() {
                    body.paragraphs.push(p.close());
                }
            }
            "p" | "h" => {
                if let Some(p) = self.stack.pop() {
                    body.paragraphs.push(p.close());
                }
            }
            _ => {}
        }
    }
}

/// A note's number and a comment's author and date (`dc:creator`, `dc:date`; a `text:date`
/// field is text).
fn not_text(name: &str) -> bool {
    matches!(name, "text:note-citation" | "dc:creator" | "dc:date")
}

/// An image's or a frame's title and description (its alternative text): a line of their own,
/// not glued to the caption or to the sentence the image is anchored in (« chairFigure 1 »).
fn is_alt_text(name: &str) -> bool {
    matches!(name, "svg:title" | "svg:desc")
}

/// The headings, in order. A heading Word numbers automatically does not carry its number in
/// the text: it is rebuilt from the heading levels (1, 1.1, 1.2, 2…), which is what the
/// usual « numbered headings » list does.
fn numbered_headings(paragraphs: &[Paragraph]) -> Vec<String> {
    let mut counters = [0usize; MAX_LEVEL];
    let mut out = Vec::new();
    for p in paragraphs {
        let Some(level) = p.level else { continue };
        let title = p.text.trim();
        if title.is_empty() {
            continue;
        }
        let i = level.clamp(1, MAX_LEVEL) - 1;
        counters[i] += 1;
        counters[i + 1..].iter_mut().for_each(|c| *c = 0);
        if p.auto_numbered {
            let number = counters[..=i]
                .iter()
                .map(|c| c.to_string())
                .collect::<Vec<_>>()
                .join(".");
            out.push(format!("{number} {title}"));
        } else {
            out.push(title.to_string());
        }
    }
    out
}

#[derive(Debug, Default)]
struct Metadata {
    pages: Option<u32>,
    words: Option<u32>,
    producer: Option<String>,
    title: Option<String>,
}

/// `docProps/app.xml` (`Pages`, `Application`), `docProps/core.xml` (`dc:title`) or ODT's
/// `meta.xml` (`meta:document-statistic/@meta:page-count`, `meta:generator`, `dc:title`).
fn metadata(xml: &[u8]) -> Metadata {
    let mut m = Metadata::default();
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut field: Option<&'static str> = None;
    let mut value = String::new();
    while let Ok(event) = reader.read_event_into(&mut buf) {
        match event {
            Event::Start(e) => {
                field = match e.local_name().into_inner() {
                    "Pages" => Some("pages"),
                    "Words" => Some("words"),
                    "Application" | "generator" => Some("producer"),
                    "title" => Some("title"),
                    _ => None,
                };
                value.clear();
            }
            Event::Empty(e) if e.local_name().into_inner() == "document-statistic" => {
                m.pages = attr(&e, "page-count").and_then(|v| v.parse().ok());
                m.words = attr(&e, "word-count").and_then(|v| v.parse().ok());
            }
            Event::Text(t) if field.is_some() => value.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if field.is_some() => push_ref(&mut value, &r),
            Event::End(_) => {
                let v = value.trim();
                match field.take() {
                    Some(_) if v.is_empty() => {}
                    Some("pages") => m.pages = v.parse().ok(),
                    Some("words") => m.words = v.parse().ok(),
                    Some("producer") => m.producer = Some(v.to_string()),
                    Some(_) => m.title = Some(v.to_string()),
                    None => {}
                }
                value.clear();
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    m
}

/// An attribute's unescaped value by its local name (the encryption descriptor reads its
/// attributes the same way).
pub(super) fn attr(e: &BytesStart, local: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().into_inner() == local)
        .and_then(|a| {
            quick_xml::escape::unescape(&a.value)
                .ok()
                .map(|v| v.into_owned())
        })
}

fn push_ref(out: &mut String, r: &quick_xml::events::BytesRef) {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        out.push(c);
    } else if let Some(s) = quick_xml::escape::resolve_predefined_entity(&r.xml10_content()) {
        out.push_str(s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(text: &str, level: Option<usize>, auto: bool) -> Paragraph {
        Paragraph {
            text: text.into(),
            level,
            auto_numbered: auto,
            break_before: false,
        }
    }

    #[test]
    fn word_runs_join_and_paragraphs_break() {
        let xml = br#"<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>Libell&#233;s de </w:t></w:r><w:r><w:t xml:space="preserve">fichier &amp; contenu</w:t></w:r></w:p><w:p><w:r><w:t>Article 6</w:t></w:r></w:p></w:body></w:document>"#;
        let ps = docx_paragraphs(xml, &HeadingStyles::default())
            .unwrap()
            .paragraphs;
        assert_eq!(
            ps,
            vec![
                para("Libellés de fichier & contenu", None, false),
                para("Article 6", None, false)
            ]
        );
    }

    #[test]
    fn word_headings_by_style_name_outline_level_and_numbering() {
        let styles = br#"<w:styles xmlns:w="w">
            <w:style w:styleId="Titre1"><w:name w:val="heading 1"/><w:pPr><w:numPr/></w:pPr></w:style>
            <w:style w:styleId="Perso2"><w:name w:val="Mon titre"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
            <w:style w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>"#;
        let s = heading_styles(styles);
        assert_eq!(s.level("Titre1"), Some(1));
        assert_eq!(s.level("Perso2"), Some(2));
        assert_eq!(s.level("Normal"), None);
        let body = br#"<w:document xmlns:w="w"><w:body>
            <w:p><w:pPr><w:pStyle w:val="Titre1"/></w:pPr><w:r><w:t>Contexte</w:t></w:r></w:p>
            <w:p><w:r><w:t>Texte.</w:t></w:r></w:p>
            <w:p><w:pPr><w:pStyle w:val="Perso2"/></w:pPr><w:r><w:t>1.1 Enjeux</w:t></w:r></w:p>
            <w:p><w:pPr><w:pStyle w:val="Titre1"/></w:pPr><w:r><w:t>Architecture</w:t></w:r></w:p>
            </w:body></w:document>"#;
        let ps = docx_paragraphs(body, &s).unwrap().paragraphs;
        assert_eq!(
            numbered_headings(&ps),
            vec!["1 Contexte", "1.1 Enjeux", "2 Architecture"]
        );
    }

    #[test]
    fn odt_headings_and_spaces() {
        let xml = br#"<office:text xmlns:text="t"><text:h text:outline-level="2">ARTICLE 6</text:h><text:p>moins<text:s/>de<text:s text:c="2"/>30</text:p></office:text>"#;
        let ps = odt_paragraphs(xml).unwrap().paragraphs;
        assert_eq!(
            ps,
            vec![
                para("ARTICLE 6", Some(2), false),
                para("moins de  30", None, false)
            ]
        );
        assert_eq!(numbered_headings(&ps), vec!["ARTICLE 6"]);
    }

    /// Each paragraph's text, and whether it starts a page.
    fn texts(body: &Body) -> Vec<(&str, bool)> {
        body.paragraphs
            .iter()
            .map(|p| (p.text.as_str(), p.break_before))
            .collect()
    }

    #[test]
    fn word_text_boxes_once_text_before_them_kept_symbols_and_breaks() {
        let xml = br#"<w:document xmlns:w="w" xmlns:mc="mc"><w:body><w:p><w:r><w:t>Avant la zone</w:t></w:r><w:r><mc:AlternateContent><mc:Choice><w:txbxContent><w:p><w:r><w:t>Encadr&#233;</w:t></w:r></w:p></w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent><w:p><w:r><w:t>Encadr&#233;</w:t></w:r></w:p></w:txbxContent></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t xml:space="preserve"> et apr&#232;s</w:t><w:noBreakHyphen/><w:t>fin</w:t><w:sym w:font="Symbol" w:char="F0B7"/></w:r></w:p><w:p><w:r><w:br w:type="page"/><w:t>Page 2</w:t></w:r></w:p><w:p><w:pPr><w:sectPr><w:pgSz w:w="16838" w:h="11906"/></w:sectPr></w:pPr></w:p><w:p><w:r><w:lastRenderedPageBreak/><w:t>Page 3</w:t></w:r></w:p></w:body></w:document>"#;
        let body = docx_paragraphs(xml, &HeadingStyles::default()).unwrap();
        assert_eq!(
            texts(&body),
            vec![
                ("Encadré", false),
                ("Avant la zone et après-fin\u{b7}", false),
                ("Page 2", true),
                ("", false),
                ("Page 3", true)
            ]
        );
        assert_eq!(body.rendered, 1);
        // The landscape page of the section, 2.5 cm margins by default.
        assert_eq!(
            body.geometry,
            layout::Geometry::from_page(841.9, 595.3, [70.9; 4])
        );
    }

    #[test]
    fn odt_notes_apart_comments_without_author_and_page_styles() {
        let xml = br#"<office:document-content xmlns:office="o" xmlns:text="t" xmlns:style="s" xmlns:fo="f" xmlns:dc="d"><office:automatic-styles><style:style style:name="P1" style:family="paragraph"><style:paragraph-properties fo:break-before="page"/></style:style></office:automatic-styles><office:body><office:text><text:p>Offre valable<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Jusqu'au 30/06/2027.</text:p></text:note-body></text:note> six mois.<office:annotation><dc:creator>Jean</dc:creator><dc:date>2026-01-02</dc:date><text:p>Relire</text:p></office:annotation></text:p><text:soft-page-break/><text:p text:style-name="P1">Annexe</text:p></office:text></office:body></office:document-content>"#;
        let body = odt_paragraphs(xml).unwrap();
        assert_eq!(
            texts(&body),
            vec![
                ("Jusqu'au 30/06/2027.", false),
                ("Relire", false),
                ("Offre valable six mois.", false),
                ("Annexe", true)
            ]
        );
        assert_eq!(body.rendered, 1);
    }

    #[test]
    fn odt_image_titles_and_descriptions_are_lines_of_their_own() {
        let xml = br#"<office:text xmlns:text="t" xmlns:draw="d" xmlns:svg="s"><text:p>Vue<draw:frame><draw:image/><svg:title>Spitfire, vue g&#233;n&#233;rale</svg:title><svg:desc>Dans un hangar.</svg:desc></draw:frame> du hall</text:p><text:p><draw:frame><draw:text-box><text:p>Figure <text:sequence>1</text:sequence> chaise</text:p></draw:text-box></draw:frame></text:p></office:text>"#;
        let body = odt_paragraphs(xml).unwrap();
        assert_eq!(
            texts(&body),
            vec![
                ("Spitfire, vue générale", false),
                ("Dans un hangar.", false),
                ("Vue du hall", false),
                ("Figure 1 chaise", false),
                ("", false)
            ]
        );
    }

    #[test]
    fn metadata_of_word_and_odt() {
        let app = b"<Properties><Pages>12</Pages><Application>Microsoft Office Word</Application></Properties>";
        let m = metadata(app);
        assert_eq!(m.pages, Some(12));
        assert_eq!(m.producer.as_deref(), Some("Microsoft Office Word"));
        let meta = br#"<office:meta xmlns:meta="m" xmlns:dc="d"><meta:generator>LibreOffice/7.4</meta:generator><dc:title>M&#233;moire</dc:title><meta:document-statistic meta:page-count="3"/></office:meta>"#;
        let m = metadata(meta);
        assert_eq!(m.pages, Some(3));
        assert_eq!(m.title.as_deref(), Some("Mémoire"));
    }
}
