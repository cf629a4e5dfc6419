//! Word (DOCX) and OpenDocument text (ODT) files: the paragraphs of `word/document.xml` or
//! `content.xml`, one per line, the headings (by style), and the page count, title and
//! producer the file records. Entries are inflated with a cap ([`MAX_XML_BYTES`]) after the
//! archive passed [`super::zipguard::check`]: a bomb is refused, not inflated.

use std::collections::HashSet;
use std::io::{Read, Seek};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::zipguard;
use super::{DocFacts, DocFormat, MAX_FIRST_PAGE_CHARS, MAX_TEXT_BYTES};

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
}

pub fn read<R: Read + Seek>(reader: R, format: DocFormat) -> Result<DocFacts, String> {
    let mut zip = zip::ZipArchive::new(reader).map_err(|e| format!("archive illisible : {e}"))?;
    zipguard::check(&mut zip)?;
    let odt = format == DocFormat::Odt;
    let body_name = if odt {
        "content.xml"
    } else {
        "word/document.xml"
    };
    let body = zipguard::read_entry(&mut zip, body_name, MAX_XML_BYTES)?.ok_or_else(|| {
        format!(
            "{body_name} absent : ce n'est pas un document .{}",
            format.as_str()
        )
    })?;
    let mut facts = DocFacts::default();
    let paragraphs = if odt {
        odt_paragraphs(&body)?
    } else {
        let styles = match zipguard::read_entry(&mut zip, "word/styles.xml", MAX_SMALL_XML_BYTES)? {
            Some(xml) => heading_styles(&xml),
            None => HeadingStyles::default(),
        };
        docx_paragraphs(&body, &styles)?
    };
    facts.headings = numbered_headings(&paragraphs);
    let mut text = String::new();
    for p in &paragraphs {
        text.push_str(&p.text);
        text.push('\n');
    }
    facts.text_truncated = super::cut(&mut text, MAX_TEXT_BYTES);
    facts.first_page = super::head_chars(text.trim(), MAX_FIRST_PAGE_CHARS);
    facts.text = text;
    let meta_name = if odt { "meta.xml" } else { "docProps/app.xml" };
    if let Some(xml) = zipguard::read_entry(&mut zip, meta_name, MAX_SMALL_XML_BYTES)? {
        let m = metadata(&xml);
        facts.pages = m.pages;
        facts.producer = m.producer;
        facts.title = m.title;
    }
    if !odt
        && let Some(xml) = zipguard::read_entry(&mut zip, "docProps/core.xml", MAX_SMALL_XML_BYTES)?
    {
        facts.title = metadata(&xml).title;
    }
    Ok(facts)
}

/// Plain text of a DOCX or ODT, for source documents.
pub fn text<R: Read + Seek>(reader: R, format: DocFormat) -> Result<String, String> {
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

fn docx_paragraphs(xml: &[u8], styles: &HeadingStyles) -> Result<Vec<Paragraph>, String> {
    let mut reader = Reader::from_reader(xml);
    let mut out = Vec::new();
    let mut buf = Vec::new();
    let mut text = String::new();
    let mut level: Option<usize> = None;
    let mut auto_numbered = false;
    let mut in_text = false;
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| format!("XML invalide : {e}"))?;
        match event {
            Event::Start(e) => match e.local_name().into_inner() {
                "p" => {
                    text.clear();
                    level = None;
                    auto_numbered = false;
                }
                "t" => in_text = true,
                _ => paragraph_property(&e, styles, &mut level, &mut auto_numbered),
            },
            Event::Empty(e) => match e.local_name().into_inner() {
                "tab" => text.push('\t'),
                "br" | "cr" => text.push('\n'),
                _ => paragraph_property(&e, styles, &mut level, &mut auto_numbered),
            },
            Event::Text(t) if in_text => text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if in_text => push_ref(&mut text, &r),
            Event::End(e) => match e.local_name().into_inner() {
                "t" => in_text = false,
                "p" => out.push(Paragraph {
                    text: std::mem::take(&mut text),
                    level,
                    auto_numbered: auto_numbered && level.is_some(),
                }),
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(out)
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

fn odt_paragraphs(xml: &[u8]) -> Result<Vec<Paragraph>, String> {
    let mut reader = Reader::from_reader(xml);
    let mut out = Vec::new();
    let mut buf = Vec::new();
    let mut text = String::new();
    // Depth of `text:p` / `text:h` elements: a note inside a paragraph is a paragraph too.
    let mut level: Option<usize> = None;
    let mut inside = 0usize;
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| format!("XML invalide : {e}"))?;
        match event {
            Event::Start(e) => match e.local_name().into_inner() {
                "h" => {
                    inside += 1;
                    level = Some(
                        attr(&e, "outline-level")
                            .and_then(|v| v.parse::<usize>().ok())
                            .unwrap_or(1)
                            .clamp(1, MAX_LEVEL),
                    );
                }
                "p" => inside += 1,
                _ => {}
            },
            Event::Empty(e) => match e.local_name().into_inner() {
                "tab" => text.push('\t'),
                "line-break" => text.push('\n'),
                "s" => {
                    let n = attr(&e, "c")
                        .and_then(|v| v.parse::<usize>().ok())
                        .unwrap_or(1)
                        .min(64);
                    text.extend(std::iter::repeat_n(' ', n));
                }
                _ => {}
            },
            Event::Text(t) if inside > 0 => text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if inside > 0 => push_ref(&mut text, &r),
            Event::End(e) if matches!(e.local_name().into_inner(), "p" | "h") => {
                inside = inside.saturating_sub(1);
                out.push(Paragraph {
                    text: std::mem::take(&mut text),
                    level: level.take(),
                    auto_numbered: false,
                });
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(out)
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
                    "Application" | "generator" => Some("producer"),
                    "title" => Some("title"),
                    _ => None,
                };
                value.clear();
            }
            Event::Empty(e) if e.local_name().into_inner() == "document-statistic" => {
                m.pages = attr(&e, "page-count").and_then(|v| v.parse().ok());
            }
            Event::Text(t) if field.is_some() => value.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if field.is_some() => push_ref(&mut value, &r),
            Event::End(_) => {
                let v = value.trim();
                match field.take() {
                    Some(_) if v.is_empty() => {}
                    Some("pages") => m.pages = v.parse().ok(),
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

fn attr(e: &BytesStart, local: &str) -> Option<String> {
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
        }
    }

    #[test]
    fn word_runs_join_and_paragraphs_break() {
        let xml = br#"<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>Libell&#233;s de </w:t></w:r><w:r><w:t xml:space="preserve">fichier &amp; contenu</w:t></w:r></w:p><w:p><w:r><w:t>Article 6</w:t></w:r></w:p></w:body></w:document>"#;
        let ps = docx_paragraphs(xml, &HeadingStyles::default()).unwrap();
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
        let ps = docx_paragraphs(body, &s).unwrap();
        assert_eq!(
            numbered_headings(&ps),
            vec!["1 Contexte", "1.1 Enjeux", "2 Architecture"]
        );
    }

    #[test]
    fn odt_headings_and_spaces() {
        let xml = br#"<office:text xmlns:text="t"><text:h text:outline-level="2">ARTICLE 6</text:h><text:p>moins<text:s/>de<text:s text:c="2"/>30</text:p></office:text>"#;
        let ps = odt_paragraphs(xml).unwrap();
        assert_eq!(
            ps,
            vec![
                para("ARTICLE 6", Some(2), false),
                para("moins de  30", None, false)
            ]
        );
        assert_eq!(numbered_headings(&ps), vec!["ARTICLE 6"]);
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
