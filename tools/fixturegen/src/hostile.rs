//! Hostile documents, all in `fixtures/hostile/`: files a document reader must survive —
//! report, not crash, loop, or exhaust memory — next to one good PDF. What each file is and how
//! it is built is in `tools/fixturegen/DOCUMENTS.md`.
//!
//! The decompression bombs are written with a deflate encoder of our own (below), not by
//! compressing gigabytes: a run of one byte repeated is a literal followed by copies of 258
//! bytes at distance 1, two bits each in a dynamic Huffman block, about 1 032 bytes out for
//! every byte in. Nothing depends on a compression library's version or backend, and the
//! bytes never vary.

use std::collections::BTreeMap;

use lopdf::{
    Document, EncryptionState, EncryptionVersion, Object, Permissions, Stream, dictionary,
};

use crate::bids::{Bid, Content, File};
use crate::documents::{self, Doc};
use crate::docx;
use crate::pdf;
use crate::zipfile::{self, RawEntry};

// ---------------------------------------------------------------------------------------------
// Deflate (RFC 1951) and zlib (RFC 1950), for runs of one repeated byte
// ---------------------------------------------------------------------------------------------

/// Bits packed least significant first, as deflate wants them.
struct Bits {
    out: Vec<u8>,
    acc: u64,
    n: u32,
}

impl Bits {
    fn new() -> Bits {
        Bits {
            out: Vec::new(),
            acc: 0,
            n: 0,
        }
    }
    /// `count` bits of `value`, least significant first (header fields, extra bits).
    fn put(&mut self, value: u64, count: u32) {
        self.acc |= value << self.n;
        self.n += count;
        while self.n >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }
    /// A Huffman code of `len` bits: deflate stores codes most significant bit first.
    fn code(&mut self, code: u32, len: u32) {
        let mut reversed = 0u64;
        for i in 0..len {
            reversed |= u64::from((code >> i) & 1) << (len - 1 - i);
        }
        self.put(reversed, len);
    }
    fn align(&mut self) {
        if self.n > 0 {
            self.out.push(self.acc as u8);
            self.acc = 0;
            self.n = 0;
        }
    }
}

/// Stored (uncompressed) blocks holding `data`; the last one final when `last`.
fn stored(bits: &mut Bits, data: &[u8], last: bool) {
    let chunks: Vec<&[u8]> = if data.is_empty() {
        vec![data]
    } else {
        data.chunks(65_535).collect()
    };
    let n = chunks.len();
    for (i, chunk) in chunks.into_iter().enumerate() {
        bits.put(u64::from(last && i + 1 == n), 1);
        bits.put(0, 2);
        bits.align();
        let len = chunk.len() as u16;
        bits.out.extend_from_slice(&len.to_le_bytes());
        bits.out.extend_from_slice(&(!len).to_le_bytes());
        bits.out.extend_from_slice(chunk);
    }
}

/// The code-length symbols for `n` zero lengths: symbol 18 repeats a zero 11 to 138 times.
fn zeros(seq: &mut Vec<(u32, u64)>, mut n: usize) {
    while n > 0 {
        assert!(
            n >= 11,
            "a run of {n} zero code lengths needs symbol 0 or 17"
        );
        let mut take = n.min(138);
        if n - take > 0 && n - take < 11 {
            take = n - 11;
        }
        seq.push((18, (take - 11) as u64));
        n -= take;
    }
}

/// A dynamic Huffman block writing `byte` `count` times: the literal once, then copies of 258
/// bytes at distance 1, then literals for the rest. Three literal/length symbols are used —
/// `byte` (code 10), end of block (11) and length 258 (0) — and one distance, 1 (code 0).
fn run_block(bits: &mut Bits, byte: u8, count: u64) {
    assert!(count >= 1);
    let c = usize::from(byte);
    assert!(
        c == 0 || c >= 11,
        "byte {c}: its zero-length gap needs symbol 0 or 17"
    );
    bits.put(0, 1); // not the final block
    bits.put(2, 2); // dynamic Huffman codes
    bits.put(29, 5); // HLIT: 286 literal/length codes
    bits.put(0, 5); // HDIST: 1 distance code
    bits.put(14, 4); // HCLEN: 18 code-length codes
    // Code-length code lengths, in the order of RFC 1951 3.2.7: symbol 18 has length 1, symbols
    // 1 and 2 length 2, every other symbol 0.
    const ORDER: [usize; 18] = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1];
    for sym in ORDER {
        let len = match sym {
            18 => 1,
            1 | 2 => 2,
            _ => 0,
        };
        bits.put(len, 3);
    }
    // The literal/length code lengths (286) then the distance code length (1).
    let mut seq: Vec<(u32, u64)> = Vec::new();
    zeros(&mut seq, c);
    seq.push((2, 0)); // `byte`: 2 bits
    zeros(&mut seq, 256 - c - 1);
    seq.push((2, 0)); // end of block: 2 bits
    zeros(&mut seq, 285 - 256 - 1);
    seq.push((1, 0)); // length 258: 1 bit
    seq.push((1, 0)); // distance 1: 1 bit
    for (sym, extra) in seq {
        match sym {
            18 => {
                bits.code(0, 1);
                bits.put(extra, 7);
            }
            1 => bits.code(2, 2),
            2 => bits.code(3, 2),
            _ => unreachable!(),
        }
    }
    // The data.
    bits.code(2, 2);
    let copies = (count - 1) / 258;
    let rest = (count - 1) % 258;
    for _ in 0..copies {
        bits.code(0, 1); // length 258
        bits.code(0, 1); // distance 1
    }
    for _ in 0..rest {
        bits.code(2, 2);
    }
    bits.code(3, 2); // end of block
}

/// Raw deflate of `prefix`, then `byte` repeated `count` times, then `suffix`.
pub fn deflate_run(prefix: &[u8], byte: u8, count: u64, suffix: &[u8]) -> Vec<u8> {
    let mut bits = Bits::new();
    if !prefix.is_empty() {
        stored(&mut bits, prefix, false);
    }
    run_block(&mut bits, byte, count);
    stored(&mut bits, suffix, true);
    bits.align();
    bits.out
}

/// Adler-32 (RFC 1950), with runs of one byte added in closed form.
struct Adler {
    a: u64,
    b: u64,
}

const ADLER_MOD: u64 = 65_521;

impl Adler {
    fn new() -> Adler {
        Adler { a: 1, b: 0 }
    }
    fn update(&mut self, data: &[u8]) {
        for &x in data {
            self.a = (self.a + u64::from(x)) % ADLER_MOD;
            self.b = (self.b + self.a) % ADLER_MOD;
        }
    }
    /// `byte` `n` times: a grows by n·byte, b by n·a + byte·n(n+1)/2.
    fn run(&mut self, byte: u8, n: u64) {
        let m = u128::from(ADLER_MOD);
        let (a, b, c, n) = (
            u128::from(self.a),
            u128::from(self.b),
            u128::from(byte),
            u128::from(n),
        );
        let b = (b + n % m * a + c * (n * (n + 1) / 2 % m)) % m;
        let a = (a + n % m * c) % m;
        self.a = a as u64;
        self.b = b as u64;
    }
    fn value(&self) -> u32 {
        ((self.b << 16) | self.a) as u32
    }
}

/// A zlib stream: header, raw deflate, Adler-32 of the uncompressed data.
fn zlib(raw: Vec<u8>, adler: &Adler) -> Vec<u8> {
    let mut out = vec![0x78, 0xDA];
    out.extend(raw);
    out.extend_from_slice(&adler.value().to_be_bytes());
    out
}

/// The zlib stream of `prefix` + `byte` × `count` + `suffix`.
pub fn zlib_run(prefix: &[u8], byte: u8, count: u64, suffix: &[u8]) -> Vec<u8> {
    let mut adler = Adler::new();
    adler.update(prefix);
    adler.run(byte, count);
    adler.update(suffix);
    zlib(deflate_run(prefix, byte, count, suffix), &adler)
}

/// The zlib stream of `data`, compressing its longest run of one byte.
fn zlib_longest_run(data: &[u8]) -> Vec<u8> {
    let (mut best, mut start) = ((0, 0), 0);
    for i in 1..=data.len() {
        if i == data.len() || data[i] != data[start] {
            if i - start > best.1 - best.0 {
                best = (start, i);
            }
            start = i;
        }
    }
    let (s, e) = best;
    let mut adler = Adler::new();
    adler.update(data);
    zlib(
        deflate_run(&data[..s], data[s], (e - s) as u64, &data[e..]),
        &adler,
    )
}

/// CRC-32 of `byte` repeated `n` times, by combining the CRCs of doubling blocks.
fn crc_run(byte: u8, n: u64) -> crc32fast::Hasher {
    let chunk = vec![byte; 1 << 16];
    let mut power = crc32fast::Hasher::new();
    power.update(&chunk);
    let mut out = crc32fast::Hasher::new();
    let mut m = n >> 16;
    while m > 0 {
        if m & 1 == 1 {
            out.combine(&power);
        }
        let p = power.clone();
        power.combine(&p);
        m >>= 1;
    }
    let mut rest = crc32fast::Hasher::new();
    rest.update(&chunk[..(n & 0xFFFF) as usize]);
    out.combine(&rest);
    out
}

// ---------------------------------------------------------------------------------------------
// The hostile files
// ---------------------------------------------------------------------------------------------

/// Sizes of the bombs' expanded contents.
pub const FLATE_BOMB_SPACES: u64 = 1 << 31;
pub const ZIP_BOMB_BYTES: u64 = 1 << 30;
pub const ZIP_LIAR_BYTES: u64 = 1 << 28;
pub const ZIP_LIAR_DECLARED: u32 = 16_384;

/// The user password of `user-password.pdf`, the owner password of both encrypted files.
pub const USER_PASSWORD: &str = "ouverture-2026";
pub const OWNER_PASSWORD: &str = "proprietaire-2026";

fn note(title: &str, lines: &[&str]) -> Doc {
    let mut doc = Doc::new(title, documents::ALPHA.name)
        .subtitle("Dossier de test de bidlint : documents hostiles")
        .space();
    for l in lines {
        doc = doc.p(l);
    }
    doc
}

fn save(doc: &mut Document) -> Vec<u8> {
    pdf::save(doc).expect("lopdf writes the document")
}

fn layout(doc: &Doc) -> Document {
    pdf::layout(doc).expect("lopdf lays the document out")
}

/// The good PDF of the folder.
pub fn good() -> Doc {
    note(
        "Note de présentation du candidat",
        &[
            "Alpha Numérique SAS conçoit, intègre et maintient des solutions libres pour les établissements de santé depuis 2012.",
            "Ce document s'ouvre normalement : il sert de témoin parmi les fichiers hostiles de ce dossier.",
        ],
    )
}

/// A valid PDF of several pages, cut in the middle: no cross-reference table, no trailer.
pub fn truncated() -> Vec<u8> {
    let mut full = pdf::render(&documents::memoire(documents::Deviation::None))
        .expect("lopdf writes the mémoire");
    full.truncate(full.len() / 2);
    full
}

/// A fixed file identifier: the encryption keys depend on it, and nothing must vary.
fn fixed_id(doc: &mut Document) {
    let id = Object::String(
        b"bidlint-fixture!".to_vec(),
        lopdf::StringFormat::Hexadecimal,
    );
    doc.trailer.set("ID", vec![id.clone(), id]);
}

/// `doc` encrypted with the standard security handler, revision 3: RC4 with a 128-bit key (RC4
/// is deterministic, where AES would draw a random initialisation vector).
fn encrypt(mut doc: Document, user: &str, owner: &str, permissions: Permissions) -> Vec<u8> {
    fixed_id(&mut doc);
    let state = EncryptionState::try_from(EncryptionVersion::V2 {
        document: &doc,
        owner_password: owner,
        user_password: user,
        key_length: 128,
        permissions,
    })
    .expect("encryption parameters");
    doc.encrypt(&state).expect("lopdf encrypts the document");
    // Revision 3 checks the first 16 bytes of /U; lopdf fills the other 16 with random bytes
    // (« arbitrary padding »). Zeros instead, so that the file never varies.
    let encrypt_id = doc
        .trailer
        .get(b"Encrypt")
        .and_then(Object::as_reference)
        .expect("the /Encrypt dictionary");
    if let Ok(Object::String(u, _)) = doc
        .get_dictionary_mut(encrypt_id)
        .and_then(|d| d.get_mut(b"U"))
    {
        assert_eq!(u.len(), 32, "/U of revision 3");
        u[16..].fill(0);
    }
    save(&mut doc)
}

/// Opens only with the user password [`USER_PASSWORD`].
pub fn user_password() -> Vec<u8> {
    let doc = layout(&note(
        "Mémoire technique – version protégée",
        &[
            "Ce document ne s'ouvre qu'avec un mot de passe : l'acheteur ne pourra pas le lire, et la pièce sera réputée absente.",
        ],
    ));
    encrypt(doc, USER_PASSWORD, OWNER_PASSWORD, Permissions::all())
}

/// Encrypted with an empty user password and an owner password: it opens without a password,
/// but modifying, annotating, filling forms and assembling are reserved to the owner.
pub fn owner_password_only() -> Vec<u8> {
    let doc = layout(&note(
        "Attestation protégée contre la modification",
        &[
            "Ce document s'ouvre sans mot de passe ; seul son propriétaire peut le modifier ou l'annoter.",
            "Son texte reste lisible et peut être copié : l'acheteur le lira sans difficulté.",
        ],
    ));
    encrypt(
        doc,
        "",
        OWNER_PASSWORD,
        Permissions::PRINTABLE
            | Permissions::COPYABLE
            | Permissions::COPYABLE_FOR_ACCESSIBILITY
            | Permissions::PRINTABLE_IN_HIGH_QUALITY,
    )
}

fn font(doc: &mut Document) -> lopdf::ObjectId {
    doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    })
}

fn text_stream(doc: &mut Document, line: &str) -> lopdf::ObjectId {
    let mut content = b"BT /F1 12 Tf 56.7 770 Td (".to_vec();
    content.extend(pdf::winansi(line));
    content.extend_from_slice(b") Tj ET\n");
    doc.add_object(Stream::new(dictionary! {}, content))
}

fn finish(mut doc: Document, pages_id: lopdf::ObjectId, title: &str) -> Vec<u8> {
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    let info = doc.add_object(dictionary! {
        "Title" => pdf::text(title),
        "Producer" => pdf::text("bidlint-fixturegen"),
    });
    doc.trailer.set("Root", catalog);
    doc.trailer.set("Info", info);
    save(&mut doc)
}

fn a4() -> Object {
    vec![0.into(), 0.into(), 595.28.into(), 841.89.into()].into()
}

/// A page tree that loops: the root lists a real page and node B; B's only kid is C, C's kids
/// are B (a /Kids cycle) and a page Q; B's /Parent is C and C's /Parent is B (a /Parent cycle),
/// and Q has neither /MediaBox nor /Resources, so looking them up the /Parent chain never ends.
pub fn parent_loop() -> Vec<u8> {
    let mut doc = Document::with_version("1.7");
    let f1 = font(&mut doc);
    let root = doc.new_object_id();
    let b = doc.new_object_id();
    let c = doc.new_object_id();
    let p_content = text_stream(&mut doc, "Page 1 : arbre des pages en boucle");
    let p = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => root,
        "MediaBox" => a4(),
        "Resources" => dictionary! { "Font" => dictionary! { "F1" => f1 } },
        "Contents" => p_content,
    });
    let q_content = text_stream(&mut doc, "Page sans MediaBox ni ressources");
    let q = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => c,
        "Contents" => q_content,
    });
    doc.objects.insert(
        root,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => vec![p.into(), b.into()],
            "Count" => 3,
        }),
    );
    doc.objects.insert(
        b,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Parent" => c,
            "Kids" => vec![c.into()],
            "Count" => 2,
        }),
    );
    doc.objects.insert(
        c,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Parent" => b,
            "Kids" => vec![b.into(), q.into()],
            "Count" => 2,
        }),
    );
    finish(doc, root, "Arbre des pages en boucle")
}

/// A page that draws form XObject /X1, whose own resources name /X1 as itself and whose
/// content draws /X1 again: endless recursion for a renderer or text extractor that follows it.
pub fn xobject_self() -> Vec<u8> {
    let mut doc = Document::with_version("1.7");
    let f1 = font(&mut doc);
    let pages = doc.new_object_id();
    let x1 = doc.new_object_id();
    let mut form = b"BT /F1 12 Tf 56.7 700 Td (".to_vec();
    form.extend(pdf::winansi("Formulaire qui se dessine lui-même"));
    form.extend_from_slice(b") Tj ET\n/X1 Do\n");
    doc.objects.insert(
        x1,
        Object::Stream(Stream::new(
            dictionary! {
                "Type" => "XObject",
                "Subtype" => "Form",
                "BBox" => a4(),
                "Resources" => dictionary! {
                    "Font" => dictionary! { "F1" => f1 },
                    "XObject" => dictionary! { "X1" => x1 },
                },
            },
            form,
        )),
    );
    let content = doc.add_object(Stream::new(dictionary! {}, b"/X1 Do\n".to_vec()));
    let page = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages,
        "MediaBox" => a4(),
        "Resources" => dictionary! {
            "Font" => dictionary! { "F1" => f1 },
            "XObject" => dictionary! { "X1" => x1 },
        },
        "Contents" => content,
    });
    doc.objects.insert(
        pages,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => vec![page.into()],
            "Count" => 1,
        }),
    );
    finish(doc, pages, "XObject récursif")
}

/// The page content of `flate-bomb.pdf` once decoded: a line of text, then 2 GiB of spaces.
const FLATE_BOMB_TEXT: &str = "BT /F1 12 Tf 56.7 770 Td (Bombe de decompression) Tj ET\n";

/// One A4 page whose content stream is filtered by `[/FlateDecode /FlateDecode]`: the first
/// decoding gives a zlib stream of about 2 MB (the 2 GiB of spaces, compressed once), the
/// second gives the 2 GiB. On disk, a few kilobytes.
pub fn flate_bomb() -> Vec<u8> {
    let inner = zlib_run(FLATE_BOMB_TEXT.as_bytes(), b' ', FLATE_BOMB_SPACES, b"\n");
    let outer = zlib_longest_run(&inner);
    let mut doc = Document::with_version("1.7");
    let f1 = font(&mut doc);
    let pages = doc.new_object_id();
    let mut stream = Stream::new(
        dictionary! { "Filter" => vec![Object::from("FlateDecode"), Object::from("FlateDecode")] },
        outer,
    );
    stream.allows_compression = false;
    let content = doc.add_object(stream);
    let page = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages,
        "MediaBox" => a4(),
        "Resources" => dictionary! { "Font" => dictionary! { "F1" => f1 } },
        "Contents" => content,
    });
    doc.objects.insert(
        pages,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => vec![page.into()],
            "Count" => 1,
        }),
    );
    finish(doc, pages, "Bombe de décompression")
}

/// `word/document.xml` of the zip bombs: a paragraph whose text is `n` letters A.
fn bomb_document(n: u64) -> (Vec<u8>, u32, u64) {
    let prefix = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"{}\"><w:body><w:p><w:r><w:t>",
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    );
    let suffix = "</w:t></w:r></w:p></w:body></w:document>";
    let mut crc = crc32fast::Hasher::new();
    crc.update(prefix.as_bytes());
    crc.combine(&crc_run(b'A', n));
    let mut tail = crc32fast::Hasher::new();
    tail.update(suffix.as_bytes());
    crc.combine(&tail);
    let raw = deflate_run(prefix.as_bytes(), b'A', n, suffix.as_bytes());
    let size = prefix.len() as u64 + n + suffix.len() as u64;
    (raw, crc.finalize(), size)
}

/// A DOCX whose `word/document.xml` (deflated) expands to `n` bytes and more, declaring
/// `declared` as its uncompressed size (the truth when `None`). The other parts are those of
/// [`docx`], stored.
fn zip_bomb(n: u64, declared: Option<u32>) -> Vec<u8> {
    let (raw, crc, size) = bomb_document(n);
    let declared = declared.unwrap_or_else(|| u32::try_from(size).expect("under 4 GiB"));
    let doc = Doc::new("Bombe", documents::ALPHA.name);
    let others: BTreeMap<&str, Vec<u8>> = docx::parts(&doc)
        .into_iter()
        .filter(|(name, _)| *name != "word/document.xml")
        .map(|(name, xml)| (name, xml.into_bytes()))
        .collect();
    let mut entries: Vec<RawEntry> = Vec::new();
    for name in [
        "[Content_Types].xml",
        "_rels/.rels",
        "docProps/core.xml",
        "docProps/app.xml",
    ] {
        let data = &others[name];
        entries.push(RawEntry {
            name: name.as_bytes(),
            flags: 0,
            method: 0,
            crc: crc32fast::hash(data),
            data,
            uncompressed_size: data.len() as u32,
        });
    }
    entries.push(RawEntry {
        name: b"word/document.xml",
        flags: 0,
        method: 8,
        crc,
        data: &raw,
        uncompressed_size: declared,
    });
    for name in ["word/_rels/document.xml.rels", "word/styles.xml"] {
        let data = &others[name];
        entries.push(RawEntry {
            name: name.as_bytes(),
            flags: 0,
            method: 0,
            crc: crc32fast::hash(data),
            data,
            uncompressed_size: data.len() as u32,
        });
    }
    zipfile::build_raw(&entries)
}

/// A valid workbook whose sheet declares `<dimension ref="A1:XFD1048576"/>` (every cell of the
/// largest sheet Excel allows, 17 billion) while it holds a few real cells.
pub fn huge_dimension() -> Vec<u8> {
    const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const PKG: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
    const HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
    let text = |r: &str, s: &str| {
        format!(
            "<c r=\"{r}\" t=\"inlineStr\"><is><t>{}</t></is></c>",
            docx::escape(s)
        )
    };
    let num = |r: &str, v: u32| format!("<c r=\"{r}\"><v>{v}</v></c>");
    let rows = [
        format!(
            "<row r=\"1\">{}{}</row>",
            text("A1", "Poste"),
            text("B1", "Montant HT (€)")
        ),
        format!(
            "<row r=\"2\">{}{}</row>",
            text("A2", "Séquence 1 – Conception & développement"),
            num("B2", 125_000)
        ),
        format!(
            "<row r=\"3\">{}{}</row>",
            text("A3", "Séquence 2 – Prototypage & expérimentation"),
            num("B3", 85_000)
        ),
    ]
    .concat();
    let parts: [(&str, String); 6] = [
        (
            "[Content_Types].xml",
            format!(
                "{HEAD}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>\
<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>\
<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>\
</Types>"
            ),
        ),
        (
            "_rels/.rels",
            format!(
                "{HEAD}<Relationships xmlns=\"{PKG}\"><Relationship Id=\"rId1\" Type=\"{REL}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
            ),
        ),
        (
            "xl/workbook.xml",
            format!(
                "{HEAD}<workbook xmlns=\"{MAIN}\" xmlns:r=\"{REL}\"><sheets><sheet name=\"Offre financière\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
            ),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            format!(
                "{HEAD}<Relationships xmlns=\"{PKG}\">\
<Relationship Id=\"rId1\" Type=\"{REL}/worksheet\" Target=\"worksheets/sheet1.xml\"/>\
<Relationship Id=\"rId2\" Type=\"{REL}/styles\" Target=\"styles.xml\"/></Relationships>"
            ),
        ),
        (
            "xl/styles.xml",
            format!(
                "{HEAD}<styleSheet xmlns=\"{MAIN}\"><fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>\
<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>\
<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>\
<cellXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/></cellXfs></styleSheet>"
            ),
        ),
        (
            "xl/worksheets/sheet1.xml",
            format!(
                "{HEAD}<worksheet xmlns=\"{MAIN}\"><dimension ref=\"A1:XFD1048576\"/><sheetData>{rows}</sheetData></worksheet>"
            ),
        ),
    ];
    let entries: Vec<zipfile::Entry> = parts
        .into_iter()
        .map(|(name, xml)| zipfile::Entry {
            name: name.as_bytes().to_vec(),
            data: xml.into_bytes(),
            flags: zipfile::UTF8_NAME,
        })
        .collect();
    zipfile::build(&entries)
}

/// The byte length of the placeholder signature: 4 KiB, written as 8 192 hexadecimal digits.
const SIGNATURE_LEN: usize = 4096;
/// The start of a CMS SignedData (SEQUENCE, then the OID 1.2.840.113549.1.7.2), then zeros:
/// shaped like a signature, verifying nothing.
const FAKE_CMS: [u8; 15] = [
    0x30, 0x82, 0x0F, 0xFC, 0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x02,
];

/// An acte d'engagement with a signature field: an AcroForm /Sig field whose value is a
/// signature dictionary (/Filter /Adobe.PPKLite, /SubFilter /adbe.pkcs7.detached, a /ByteRange
/// that covers the whole file but the /Contents hole, signer, date, reason) and a /Contents
/// that is not a valid signature.
pub fn signed() -> Vec<u8> {
    let mut doc = layout(
        &documents::acte_engagement(true)
            .p("Document signé électroniquement par Claire Martin le 10 avril 2026."),
    );
    let page = *doc.get_pages().get(&1).expect("page 1");
    let mut contents = vec![0u8; SIGNATURE_LEN];
    contents[..FAKE_CMS.len()].copy_from_slice(&FAKE_CMS);
    let placeholder = 9_999_999_999i64;
    let sig = doc.add_object(dictionary! {
        "Type" => "Sig",
        "Filter" => "Adobe.PPKLite",
        "SubFilter" => "adbe.pkcs7.detached",
        "Name" => pdf::text("Claire Martin"),
        "Reason" => pdf::text("Signature de l'acte d'engagement"),
        "Location" => pdf::text("Lyon"),
        "M" => Object::string_literal(b"D:20260410093000+02'00'".to_vec()),
        "ByteRange" => vec![0.into(), placeholder.into(), placeholder.into(), placeholder.into()],
        "Contents" => Object::String(contents, lopdf::StringFormat::Hexadecimal),
    });
    let field = doc.add_object(dictionary! {
        "Type" => "Annot",
        "Subtype" => "Widget",
        "FT" => "Sig",
        "T" => pdf::text("Signature1"),
        "V" => sig,
        "F" => 132,
        "Rect" => vec![0.into(), 0.into(), 0.into(), 0.into()],
        "P" => page,
    });
    doc.get_dictionary_mut(page)
        .expect("page")
        .set("Annots", vec![Object::from(field)]);
    let catalog = doc.catalog().expect("catalog").clone();
    let catalog_id = doc
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .expect("root");
    let mut catalog = catalog;
    catalog.set(
        "AcroForm",
        dictionary! { "Fields" => vec![Object::from(field)], "SigFlags" => 3 },
    );
    doc.objects.insert(catalog_id, Object::Dictionary(catalog));
    let mut bytes = save(&mut doc);
    // Fill in the /ByteRange: everything before the '<' of /Contents and after its '>'.
    let find = |hay: &[u8], needle: &[u8]| hay.windows(needle.len()).position(|w| w == needle);
    let hex: String = FAKE_CMS.iter().map(|b| format!("{b:02X}")).collect();
    let start = find(&bytes, format!("<{hex}").as_bytes())
        .or_else(|| find(&bytes, format!("<{}", hex.to_lowercase()).as_bytes()))
        .expect("the /Contents hex string");
    let end = start
        + bytes[start..]
            .iter()
            .position(|&b| b == b'>')
            .expect("end of /Contents")
        + 1;
    let br = find(&bytes, b"/ByteRange").expect("/ByteRange");
    let open = br + bytes[br..].iter().position(|&b| b == b'[').expect("[");
    let close = open + bytes[open..].iter().position(|&b| b == b']').expect("]");
    let total = bytes.len();
    let mut values = format!("0 {start} {end} {}", total - end);
    let room = close - open - 1;
    assert!(values.len() <= room, "byte range placeholder too short");
    while values.len() < room {
        values.push(' ');
    }
    bytes[open + 1..close].copy_from_slice(values.as_bytes());
    bytes
}

const MANIFEST: &str = "# Généré par bidlint-fixturegen : ne pas modifier à la main\n# (cargo run -p bidlint-fixturegen -- fixtures).\n# Documents hostiles : chaque fichier doit être signalé (PLACE-LISIBLE) sans que bidlint plante,\n# boucle ou épuise la mémoire ; good.pdf et owner-password-only.pdf s'ouvrent normalement.\n# Voir tools/fixturegen/DOCUMENTS.md.\nconsultation: place\nphase: candidature\ndeadline: 2026-02-19T12:00:00+01:00\ncandidate:\n  name: Alpha Numérique SAS\n  form: individuel\nmembers:\n  - name: Alpha Numérique SAS\n    short: Alpha\n    siret: \"12345678200010\"\n    role: individuel\n";

/// The folder `fixtures/hostile/`.
pub fn bid() -> Bid {
    let html = "<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Attestation d'assurance</title></head>\n<body><h1>Attestation d'assurance</h1><p>Page enregistrée depuis le navigateur, puis renommée en .pdf.</p></body></html>\n";
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("good.pdf", pdf::render(&good()).expect("good.pdf")),
        ("truncated.pdf", truncated()),
        ("user-password.pdf", user_password()),
        ("owner-password-only.pdf", owner_password_only()),
        ("empty.pdf", Vec::new()),
        ("html-renamed.pdf", html.as_bytes().to_vec()),
        ("parent-loop.pdf", parent_loop()),
        ("xobject-self.pdf", xobject_self()),
        ("flate-bomb.pdf", flate_bomb()),
        ("zip-bomb.docx", zip_bomb(ZIP_BOMB_BYTES, None)),
        (
            "zip-bomb-lying-sizes.docx",
            zip_bomb(ZIP_LIAR_BYTES, Some(ZIP_LIAR_DECLARED)),
        ),
        ("huge-dimension.xlsx", huge_dimension()),
        ("signed.pdf", signed()),
    ];
    of_bytes("hostile", MANIFEST, files)
}

/// A bid folder of ready-made files.
pub(crate) fn of_bytes(name: &str, manifest: &str, files: Vec<(&str, Vec<u8>)>) -> Bid {
    Bid {
        name: name.into(),
        manifest: manifest.to_string(),
        files: files
            .into_iter()
            .map(|(path, bytes)| File {
                path: path.to_string(),
                content: Content::Bytes(bytes),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adler_of_a_run_matches_byte_by_byte() {
        let mut a = Adler::new();
        a.update(b"xyz");
        a.run(b' ', 100_000);
        let mut b = Adler::new();
        b.update(b"xyz");
        b.update(&vec![b' '; 100_000]);
        assert_eq!(a.value(), b.value());
    }

    #[test]
    fn crc_of_a_run_matches_byte_by_byte() {
        let n = 3 * 65_536 + 123;
        assert_eq!(
            crc_run(b'A', n).finalize(),
            crc32fast::hash(&vec![b'A'; n as usize])
        );
    }
}
