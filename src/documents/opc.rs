//! The Open Packaging Conventions of OOXML files, as Office follows them: the main part is
//! the one `_rels/.rels` names (not always `word/document.xml`: `word/document2.xml`, a root
//! `document.xml`), and a part's headers, footers and notes are those its relationships name.

use quick_xml::Reader;
use quick_xml::events::Event;

/// The relationship type of the main part (`officeDocument`, in the transitional and the
/// strict namespaces alike: only the last path segment is compared).
pub const MAIN: &str = "officeDocument";

/// `(type, target)` of each relationship of a `.rels` part; the type is its last path
/// segment (`header`, `footer`, `footnotes`…). External targets (hyperlinks) are left out.
pub fn relationships(xml: &[u8]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    while let Ok(event) = reader.read_event_into(&mut buf) {
        match event {
            Event::Start(e) | Event::Empty(e) if e.local_name().into_inner() == "Relationship" => {
                let mut kind = None;
                let mut target = None;
                let mut external = false;
                for a in e.attributes().flatten() {
                    let value = quick_xml::escape::unescape(&a.value)
                        .map(|v| v.into_owned())
                        .unwrap_or_default();
                    match a.key.local_name().into_inner() {
                        "Type" => kind = value.rsplit('/').next().map(str::to_string),
                        "Target" => target = Some(value),
                        "TargetMode" => external = value.eq_ignore_ascii_case("External"),
                        _ => {}
                    }
                }
                if let (Some(k), Some(t), false) = (kind, target, external) {
                    out.push((k, t));
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    out
}

/// The part a relationship target names, from the folder of the part that holds it
/// (`word` for `word/document.xml`): `/x` is from the root, `../x` goes up, `%20` decoded.
pub fn resolve(folder: &str, target: &str) -> String {
    let target = target.replace('\\', "/").replace("%20", " ");
    let mut segments: Vec<&str> = if target.starts_with('/') {
        Vec::new()
    } else {
        folder.split('/').filter(|s| !s.is_empty()).collect()
    };
    for s in target.split('/') {
        match s {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            s => segments.push(s),
        }
    }
    segments.join("/")
}

/// The folder of a part and its relationships part: `word/document.xml` →
/// (`word`, `word/_rels/document.xml.rels`).
pub fn rels_of(part: &str) -> (String, String) {
    match part.rsplit_once('/') {
        Some((folder, name)) => (folder.to_string(), format!("{folder}/_rels/{name}.rels")),
        None => (String::new(), format!("_rels/{part}.rels")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relationships_and_targets_as_office_reads_them() {
        let rels = br#"<Relationships xmlns="r"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/><Relationship Id="rId9" Type="http://x/hyperlink" Target="https://example.org" TargetMode="External"/><Relationship Id="rId2" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/header" Target="header1.xml"/></Relationships>"#;
        assert_eq!(
            relationships(rels),
            vec![
                (MAIN.to_string(), "/word/document2.xml".to_string()),
                ("header".to_string(), "header1.xml".to_string())
            ]
        );
        assert_eq!(resolve("", "/word/document2.xml"), "word/document2.xml");
        assert_eq!(resolve("word", "header1.xml"), "word/header1.xml");
        assert_eq!(resolve("word", "../media/a%20b.png"), "media/a b.png");
        assert_eq!(resolve("", "document.xml"), "document.xml");
        assert_eq!(
            rels_of("word/document.xml"),
            (
                "word".to_string(),
                "word/_rels/document.xml.rels".to_string()
            )
        );
        assert_eq!(
            rels_of("document.xml"),
            (String::new(), "_rels/document.xml.rels".to_string())
        );
    }
}
