//! A PDF whose cross-reference table or trailer is wrong, rebuilt as viewers do: the objects
//! are found by scanning the file (`N G obj … endobj`), a stream whose `/Length` lies gets its
//! real length (the bytes up to `endstream`), and a fresh table and trailer are written after
//! them. lopdf then reads the rebuilt bytes like any PDF.
//!
//! Why: lopdf trusts `startxref` to the byte, and refuses the file otherwise. DOMPDF — the
//! generator of many French administrations' notices — writes a `startxref` one byte early;
//! pdftotext, qpdf, Acrobat and every browser read those files. Refusing them would call a
//! readable file « illisible », a false NON CONFORME.
//!
//! Bounded: one linear scan of the bytes; the rebuilt copy is the objects plus 20 bytes per
//! object number, object numbers above [`MAX_OBJECT_NUMBER`] are refused.

use std::collections::BTreeMap;

/// The highest object number a rebuilt table may hold: each number costs 20 bytes of table,
/// and real documents stay far below (a 2,000-page report has about 100,000 objects).
const MAX_OBJECT_NUMBER: u32 = 2_000_000;

/// One object found by the scan: where its bytes are, and the stream data bounds if any.
#[derive(Debug, Clone, Copy)]
struct ScannedObject {
    generation: u16,
    start: usize,
    end: usize,
    /// Data of a stream: the bytes between `stream`+EOL and the EOL before `endstream`.
    data: Option<(usize, usize)>,
    /// Where `endstream` is: a `/Length` that counts the end-of-line before it is right too.
    end_stream: usize,
}

impl ScannedObject {
    /// The bytes before the stream data (the whole object when it is not a stream).
    fn head<'a>(&self, buf: &'a [u8]) -> &'a [u8] {
        &buf[self.start..self.data.map_or(self.end, |(s, _)| s)]
    }
    /// Does the stated `/Length` lead to `endstream`? `None` when it cannot be told: not a
    /// stream, no `/Length`, or a length kept in an object stream (compressed objects are not
    /// scanned) — a file is not taken for damaged on what cannot be seen.
    fn length_holds(&self, buf: &[u8], all: &BTreeMap<u32, ScannedObject>) -> Option<bool> {
        let (data_start, data_end) = self.data?;
        declared_length(self.head(buf), buf, all)
            .map(|n| (data_end - data_start..=self.end_stream - data_start).contains(&n))
    }
}

/// Does a stream of the file state a `/Length` that does not lead to its `endstream`? lopdf
/// then reads that stream as an empty dictionary and its text is lost without an error.
pub fn has_lying_length(pdf: &[u8]) -> bool {
    let Some(start) = find(pdf, b"%PDF-", 0) else {
        return false;
    };
    let buf = &pdf[start..];
    let objects = scan(buf);
    objects
        .values()
        .any(|f| f.length_holds(buf, &objects) == Some(false))
}

/// The bytes of `pdf` rewritten with a table built by scanning, or `None` when no object at
/// all was found (nothing is left to recover).
pub fn rebuild(pdf: &[u8]) -> Option<Vec<u8>> {
    let start = find(pdf, b"%PDF-", 0)?;
    let buf = &pdf[start..];
    let objects = scan(buf);
    if objects.is_empty() {
        return None;
    }
    let header_end = buf
        .iter()
        .position(|&b| b == b'\n' || b == b'\r')
        .unwrap_or(buf.len())
        .min(16);
    let mut out = Vec::with_capacity(buf.len() + objects.len() * 24 + 256);
    out.extend_from_slice(&buf[..header_end]);
    out.extend_from_slice(b"\n%\xE2\xE3\xCF\xD3\n");
    let mut offsets: BTreeMap<u32, (usize, u16)> = BTreeMap::new();
    for (&number, found) in &objects {
        offsets.insert(number, (out.len(), found.generation));
        write_object(&mut out, buf, found, &objects);
        out.push(b'\n');
    }
    let size = objects.keys().next_back().map_or(1, |n| n + 1);
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {size}\n").as_bytes());
    for number in 0..size {
        match offsets.get(&number) {
            Some((offset, generation)) => {
                out.extend_from_slice(format!("{offset:010} {generation:05} n\r\n").as_bytes())
            }
            None => out.extend_from_slice(b"0000000000 65535 f\r\n"),
        }
    }
    out.extend_from_slice(format!("trailer\n<< /Size {size}").as_bytes());
    let exists = |(n, g): &(u32, u16)| objects.get(n).is_some_and(|f| f.generation == *g);
    // Without a trailer, the catalog is found by its type, as pdf.js and Acrobat do.
    let root = last_reference(buf, b"/Root")
        .filter(exists)
        .or_else(|| catalog(buf, &objects));
    if let Some((n, g)) = root {
        out.extend_from_slice(format!(" /Root {n} {g} R").as_bytes());
    }
    for key in [&b"/Info"[..], b"/Encrypt"] {
        if let Some((n, g)) = last_reference(buf, key).filter(exists) {
            out.extend_from_slice(format!(" {} {n} {g} R", ascii(key)).as_bytes());
        }
    }
    if let Some(id) = last_id(buf) {
        out.extend_from_slice(b" /ID ");
        out.extend_from_slice(id);
    }
    out.extend_from_slice(format!(" >>\nstartxref\n{xref}\n%%EOF\n").as_bytes());
    Some(out)
}

/// The object, with its stream's `/Length` corrected when the one written does not lead to
/// `endstream` (a later key wins in lopdf's dictionaries, so the real length is added last).
fn write_object(
    out: &mut Vec<u8>,
    buf: &[u8],
    found: &ScannedObject,
    all: &BTreeMap<u32, ScannedObject>,
) {
    let bytes = &buf[found.start..found.end];
    let Some((data_start, data_end)) = found.data else {
        out.extend_from_slice(bytes);
        return;
    };
    let real = data_end - data_start;
    let dict = found.head(buf);
    if found.length_holds(buf, all) == Some(true) {
        out.extend_from_slice(bytes);
        return;
    }
    // The dictionary ends with the last `>>` before the `stream` keyword.
    let Some(keyword) = rfind(dict, b"stream") else {
        out.extend_from_slice(bytes);
        return;
    };
    let Some(close) = rfind(&dict[..keyword], b">>") else {
        out.extend_from_slice(bytes);
        return;
    };
    out.extend_from_slice(&dict[..close]);
    out.extend_from_slice(format!(" /Length {real} ").as_bytes());
    out.extend_from_slice(&dict[close..]);
    out.extend_from_slice(&buf[data_start..found.end]);
}

/// The last object whose dictionary says `/Type /Catalog`.
fn catalog(buf: &[u8], objects: &BTreeMap<u32, ScannedObject>) -> Option<(u32, u16)> {
    objects
        .iter()
        .rev()
        .find(|(_, f)| {
            let head = f.head(buf);
            find(head, b"/Catalog", 0).is_some_and(|i| rfind(&head[..i], b"/Type").is_some())
        })
        .map(|(n, f)| (*n, f.generation))
}

/// The `/Length` the stream dictionary states: a number, or a reference to an object that is
/// a number.
fn declared_length(dict: &[u8], buf: &[u8], all: &BTreeMap<u32, ScannedObject>) -> Option<usize> {
    let mut at = 0;
    while let Some(i) = find(dict, b"/Length", at) {
        at = i + 7;
        // `/Length1` of an embedded font is another key.
        if dict.get(at).is_some_and(|b| is_regular(*b)) {
            continue;
        }
        let mut tokens = Tokens { bytes: dict, at };
        let first: usize = tokens.number()?;
        if let (Some(g), Some(b"R")) = (tokens.number::<u16>(), tokens.word()) {
            let target = all.get(&u32::try_from(first).ok()?)?;
            if target.generation != g {
                return None;
            }
            let body = &buf[target.start..target.end];
            let obj = find(body, b"obj", 0)? + 3;
            return Tokens {
                bytes: body,
                at: obj,
            }
            .number();
        }
        return Some(first);
    }
    None
}

/// Every object of the file, the last definition of each number winning (that is how an
/// incremental update replaces an object).
fn scan(buf: &[u8]) -> BTreeMap<u32, ScannedObject> {
    let mut objects = BTreeMap::new();
    let mut at = 0;
    while let Some(i) = find(buf, b"obj", at) {
        at = i + 3;
        let Some((number, generation, start)) = header_before(buf, i) else {
            continue;
        };
        if buf.get(i + 3).is_some_and(|b| is_regular(*b)) || number > MAX_OBJECT_NUMBER {
            continue;
        }
        let Some((end, data, end_stream)) = body_end(buf, i + 3) else {
            // A truncated last object: nothing after it can be found either.
            break;
        };
        objects.insert(
            number,
            ScannedObject {
                generation,
                start,
                end,
                data,
                end_stream,
            },
        );
        at = end;
    }
    objects
}

/// `N G ` right before `obj` at `i`: the object number, generation and where `N` starts.
fn header_before(buf: &[u8], i: usize) -> Option<(u32, u16, usize)> {
    let mut j = i;
    let skip_space = |j: &mut usize| {
        let before = *j;
        while *j > 0 && is_space(buf[*j - 1]) {
            *j -= 1;
        }
        *j < before
    };
    let digits = |j: &mut usize| {
        let end = *j;
        while *j > 0 && buf[*j - 1].is_ascii_digit() && end - *j < 10 {
            *j -= 1;
        }
        (*j < end).then_some((*j, end))
    };
    if !skip_space(&mut j) {
        return None;
    }
    let (g0, g1) = digits(&mut j)?;
    if !skip_space(&mut j) {
        return None;
    }
    let (n0, n1) = digits(&mut j)?;
    if n0 > 0 && is_regular(buf[n0 - 1]) {
        return None;
    }
    let number = std::str::from_utf8(&buf[n0..n1]).ok()?.parse().ok()?;
    let generation = std::str::from_utf8(&buf[g0..g1]).ok()?.parse().ok()?;
    Some((number, generation, n0))
}

/// Where an object ends (after `endobj`), its stream data, and where `endstream` is (0 for
/// an object that is not a stream).
type Body = (usize, Option<(usize, usize)>, usize);

/// Where the object that starts after `obj` at `from` ends (after `endobj`), and its stream
/// data if it is a stream. A stream's data is skipped up to `endstream`, so binary data that
/// happens to hold `obj` is not taken for an object.
fn body_end(buf: &[u8], from: usize) -> Option<Body> {
    let endobj = find(buf, b"endobj", from);
    let stream = find(buf, b"stream", from).filter(|s| endobj.is_none_or(|e| *s < e));
    let Some(s) = stream else {
        return endobj.map(|e| (e + 6, None, 0));
    };
    let mut data_start = s + 6;
    if buf.get(data_start) == Some(&b'\r') {
        data_start += 1;
    }
    if buf.get(data_start) == Some(&b'\n') {
        data_start += 1;
    }
    let end_stream = find(buf, b"endstream", data_start)?;
    let mut data_end = end_stream;
    if data_end > data_start && buf[data_end - 1] == b'\n' {
        data_end -= 1;
    }
    if data_end > data_start && buf[data_end - 1] == b'\r' {
        data_end -= 1;
    }
    let endobj = find(buf, b"endobj", end_stream + 9)?;
    Some((endobj + 6, Some((data_start, data_end)), end_stream))
}

/// The last `KEY N G R` of the file (trailers and cross-reference streams alike).
fn last_reference(buf: &[u8], key: &[u8]) -> Option<(u32, u16)> {
    let mut end = buf.len();
    while let Some(i) = rfind(&buf[..end], key) {
        end = i;
        let mut t = Tokens {
            bytes: buf,
            at: i + key.len(),
        };
        if buf.get(t.at).is_some_and(|b| is_regular(*b)) {
            continue;
        }
        if let (Some(n), Some(g), Some(b"R")) = (t.number(), t.number(), t.word()) {
            return Some((n, g));
        }
    }
    None
}

/// The last `/ID [ … ]` of the file, the brackets included (the decryption key depends on it).
fn last_id(buf: &[u8]) -> Option<&[u8]> {
    let i = rfind(buf, b"/ID")?;
    let open = i + 3 + buf[i + 3..].iter().take(16).position(|&b| b == b'[')?;
    let close = open + buf[open..].iter().take(512).position(|&b| b == b']')?;
    Some(&buf[open..=close])
}

/// A minimal tokenizer for `N G R` and numbers after a key.
struct Tokens<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Tokens<'_> {
    fn skip_space(&mut self) {
        while self.bytes.get(self.at).is_some_and(|b| is_space(*b)) {
            self.at += 1;
        }
    }
    fn word(&mut self) -> Option<&[u8]> {
        self.skip_space();
        let start = self.at;
        while self.bytes.get(self.at).is_some_and(|b| is_regular(*b)) {
            self.at += 1;
        }
        (self.at > start).then(|| &self.bytes[start..self.at])
    }
    fn number<T: std::str::FromStr>(&mut self) -> Option<T> {
        let save = self.at;
        let word = self.word()?;
        let parsed = std::str::from_utf8(word).ok().and_then(|s| s.parse().ok());
        if parsed.is_none() {
            self.at = save;
        }
        parsed
    }
}

fn ascii(b: &[u8]) -> &str {
    std::str::from_utf8(b).unwrap_or_default()
}

/// PDF white space (ISO 32000-1, 7.2.2).
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\r' | b'\t' | b'\x0C' | b'\0')
}

/// A regular character: neither white space nor a delimiter.
fn is_regular(b: u8) -> bool {
    !is_space(b) && !b"()<>[]{}/%".contains(&b)
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    let first = *needle.first()?;
    let mut at = from;
    while at + needle.len() <= hay.len() {
        let i = at
            + hay[at..=hay.len() - needle.len()]
                .iter()
                .position(|&b| b == first)?;
        if hay[i..].starts_with(needle) {
            return Some(i);
        }
        at = i + 1;
    }
    None
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn objects_are_found_and_streams_skipped() {
        let pdf = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj<< /Length 99 >>stream\n3 0 obj fake\nendstream\nendobj\n";
        let found = scan(pdf);
        assert_eq!(found.keys().copied().collect::<Vec<_>>(), vec![1, 2]);
        let (s, e) = found[&2].data.unwrap();
        assert_eq!(&pdf[s..e], b"3 0 obj fake");
    }

    #[test]
    fn a_lying_length_is_replaced_and_a_true_one_kept() {
        let pdf = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n2 0 obj\n<< /Length 3 >>\nstream\nabcdef\nendstream\nendobj\n3 0 obj\n<< /Length 4 0 R /Length1 9 >>\nstream\nxyz\nendstream\nendobj\n4 0 obj 3 endobj\ntrailer << /Root 1 0 R >>";
        let out = rebuild(pdf).unwrap();
        let text = String::from_utf8_lossy(&out);
        assert!(text.contains("<< /Length 3  /Length 6 >>"), "{text}");
        assert!(text.contains("<< /Length 4 0 R /Length1 9 >>"), "{text}");
        assert!(
            text.contains("trailer\n<< /Size 5 /Root 1 0 R >>"),
            "{text}"
        );
    }

    #[test]
    fn without_trailer_the_catalog_is_found_by_its_type() {
        let pdf = b"%PDF-1.4\n1 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n2 0 obj\n<</Type/Catalog/Pages 1 0 R>>\nendobj\n";
        let out = String::from_utf8_lossy(&rebuild(pdf).unwrap()).to_string();
        assert!(out.contains("<< /Size 3 /Root 2 0 R >>"), "{out}");
        assert!(!has_lying_length(pdf));
        assert!(has_lying_length(
            b"%PDF-1.4\n1 0 obj<</Length 2>>stream\nabc\nendstream endobj"
        ));
        // A length that cannot be seen (in an object stream) is not a lie.
        assert!(!has_lying_length(
            b"%PDF-1.4\n1 0 obj<</Length 9 0 R>>stream\nabc\nendstream endobj"
        ));
        // The end-of-line before `endstream` may be counted, or not.
        assert!(!has_lying_length(
            b"%PDF-1.4\n1 0 obj<</Length 4>>stream\nabc\nendstream endobj"
        ));
    }

    #[test]
    fn numbers_glued_to_names_are_not_headers() {
        assert_eq!(header_before(b"x/A1 0 obj", 7), None);
        assert_eq!(header_before(b"\n12 0 obj", 6), Some((12, 0, 1)));
        assert_eq!(header_before(b"endobj", 3), None);
    }

    #[test]
    fn nothing_to_recover_without_objects() {
        assert!(rebuild(b"%PDF-1.4\nnothing here").is_none());
        assert!(rebuild(b"no header").is_none());
    }
}
