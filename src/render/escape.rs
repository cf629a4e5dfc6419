//! Escaping shared by several formats. File names and extracted text come from the bid
//! folder and are hostile: `<img src=x onerror=alert(1)>.pdf` must stay text in HTML, and
//! `=HYPERLINK(…)` must stay text in a spreadsheet.

use std::borrow::Cow;

/// Text for HTML element content or a quoted attribute value: the five significant
/// characters become entities, and characters XML/HTML forbid become U+FFFD.
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in xml_safe(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Replace the characters XML 1.0 forbids even escaped (C0 controls but tab, CR and LF; the
/// non-characters U+FFFE and U+FFFF) by U+FFFD, so that a strange file name cannot make the
/// report unparseable.
pub fn xml_safe(s: &str) -> Cow<'_, str> {
    let bad = |c: char| {
        (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
    };
    if !s.chars().any(bad) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| if bad(c) { '\u{FFFD}' } else { c })
            .collect(),
    )
}

/// A spreadsheet cell that cannot be taken for a formula: a leading `=`, `+`, `-`, `@`, tab
/// or carriage return gets a `'` in front (the OWASP advice for CSV injection). Applied to
/// every cell, in CSV and in XLSX, so that a copy-paste into another tool stays safe too.
pub fn spreadsheet(s: &str) -> Cow<'_, str> {
    if looks_like_formula(s) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// Does a spreadsheet take this text, typed in a cell, for a formula?
pub fn looks_like_formula(s: &str) -> bool {
    s.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_markup_and_quotes() {
        assert_eq!(
            html("<img src=x onerror=\"alert('1')\">&"),
            "&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;"
        );
        assert_eq!(html("a\u{1}b"), "a\u{FFFD}b");
    }

    #[test]
    fn formulas_are_neutralised() {
        for s in ["=1+1", "+cmd", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert!(spreadsheet(s).starts_with('\''), "{s:?}");
        }
        assert_eq!(spreadsheet("Mémoire.pdf"), "Mémoire.pdf");
        assert_eq!(spreadsheet(""), "");
    }
}
