//! Text of Word (DOCX) and OpenDocument (ODT) files: the paragraphs of `word/document.xml` or
//! `content.xml`, one per line. Only that entry is read, and at most [`MAX_XML_BYTES`] of it
//! once decompressed: a bomb is cut, not inflated.

use std::io::{Read, Seek};

use quick_xml::Reader;
use quick_xml::events::Event;

/// The largest document body read (decompressed). A 60-page RC is a few megabytes of XML.
pub const MAX_XML_BYTES: u64 = 64 * 1024 * 1024;

pub fn text<R: Read + Seek>(reader: R, ext: &str) -> Result<String, String> {
    let (entry, paragraph, tab, line_break) = match ext {
        "docx" => ("word/document.xml", "p", "tab", "br"),
        _ => ("content.xml", "p", "tab", "line-break"),
    };
    let mut zip = zip::ZipArchive::new(reader).map_err(|e| format!("archive illisible : {e}"))?;
    let file = zip
        .by_name(entry)
        .map_err(|_| format!("{entry} absent : ce n'est pas un document .{ext}"))?;
    if file.encrypted() {
        return Err("document protégé par mot de passe".to_string());
    }
    let mut xml = Vec::new();
    file.take(MAX_XML_BYTES + 1)
        .read_to_end(&mut xml)
        .map_err(|e| format!("lecture impossible : {e}"))?;
    if xml.len() as u64 > MAX_XML_BYTES {
        return Err(format!(
            "contenu de plus de {} Mo une fois décompressé : refusé",
            MAX_XML_BYTES >> 20
        ));
    }
    paragraphs(&xml, paragraph, tab, line_break, ext == "odt")
}

/// Walk the XML: text runs are joined, paragraph ends become new lines. In ODT, headings
/// (`text:h`) are paragraphs too.
fn paragraphs(
    xml: &[u8],
    paragraph: &str,
    tab: &str,
    line_break: &str,
    odt: bool,
) -> Result<String, String> {
    let mut reader = Reader::from_reader(xml);
    let mut out = String::new();
    let mut buf = Vec::new();
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| format!("XML invalide : {e}"))?;
        match event {
            Event::Text(t) => out.push_str(&t.xml10_content()),
            Event::GeneralRef(r) => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    out.push(c);
                } else if let Some(s) =
                    quick_xml::escape::resolve_predefined_entity(&r.xml10_content())
                {
                    out.push_str(s);
                }
            }
            Event::Empty(e) => {
                let name = e.local_name();
                let n = name.as_ref();
                if n == tab {
                    out.push('\t');
                } else if n == line_break {
                    out.push('\n');
                } else if odt && n == "s" {
                    out.push(' ');
                }
            }
            Event::End(e) => {
                let name = e.local_name();
                let n = name.as_ref();
                if n == paragraph || (odt && n == "h") {
                    out.push('\n');
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_runs_join_and_paragraphs_break() {
        let xml = br#"<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>Libell&#233;s de </w:t></w:r><w:r><w:t xml:space="preserve">fichier &amp; contenu</w:t></w:r></w:p><w:p><w:r><w:t>Article 6</w:t></w:r></w:p></w:body></w:document>"#;
        assert_eq!(
            paragraphs(xml, "p", "tab", "br", false).unwrap(),
            "Libellés de fichier & contenu\nArticle 6\n"
        );
    }

    #[test]
    fn odt_headings_and_spaces() {
        let xml = br#"<office:text xmlns:text="t"><text:h>ARTICLE 6</text:h><text:p>moins<text:s/>de 30</text:p></office:text>"#;
        assert_eq!(
            paragraphs(xml, "p", "tab", "line-break", true).unwrap(),
            "ARTICLE 6\nmoins de 30\n"
        );
    }
}
