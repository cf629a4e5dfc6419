//! Zip archives written byte by byte, for the hostile cases a zip library refuses to write:
//! an entry flagged as encrypted, an entry name in Latin-1 without the UTF-8 flag (the
//! « Mémoire technique » that arrives garbled), a nested archive. Entries are stored
//! (uncompressed) with a fixed date, so the bytes never vary; [`build_raw`] writes entries
//! compressed elsewhere, with the sizes the headers should declare.

/// One entry: its name as raw bytes, its content, and the general-purpose flags to set.
pub struct Entry {
    pub name: Vec<u8>,
    pub data: Vec<u8>,
    /// Bit 0: encrypted. Bit 11: the name is UTF-8.
    pub flags: u16,
}

pub const ENCRYPTED: u16 = 1;
pub const UTF8_NAME: u16 = 1 << 11;

/// 1 January 2026, 00:00, in MS-DOS date/time form.
const DOS_TIME: u16 = 0;
const DOS_DATE: u16 = ((2026 - 1980) << 9) | (1 << 5) | 1;

fn u16le(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}
fn u32le(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// An entry as it is written: compression method, CRC-32 and the two sizes given as they should
/// appear in the headers, true or not (the zip bombs of [`crate::hostile`]).
pub struct RawEntry<'a> {
    pub name: &'a [u8],
    pub flags: u16,
    /// 0 stored, 8 deflated.
    pub method: u16,
    pub crc: u32,
    /// The bytes stored in the archive (compressed, for method 8).
    pub data: &'a [u8],
    /// The uncompressed size the headers declare.
    pub uncompressed_size: u32,
}

/// The archive's bytes. Sizes are small fixtures: they fit the 32-bit fields.
pub fn build(entries: &[Entry]) -> Vec<u8> {
    let raw: Vec<RawEntry> = entries
        .iter()
        .map(|e| RawEntry {
            name: &e.name,
            flags: e.flags,
            method: 0,
            crc: crc32fast::hash(&e.data),
            data: &e.data,
            uncompressed_size: e.data.len() as u32,
        })
        .collect();
    build_raw(&raw)
}

/// The archive of entries written as given.
pub fn build_raw(entries: &[RawEntry]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for e in entries {
        let offset = out.len() as u32;
        let crc = e.crc;
        let csize = e.data.len() as u32;
        let declared = e.uncompressed_size;
        let name_len = e.name.len() as u16;
        // Local file header.
        u32le(&mut out, 0x0403_4b50);
        u16le(&mut out, 20);
        u16le(&mut out, e.flags);
        u16le(&mut out, e.method);
        u16le(&mut out, DOS_TIME);
        u16le(&mut out, DOS_DATE);
        u32le(&mut out, crc);
        u32le(&mut out, csize);
        u32le(&mut out, declared);
        u16le(&mut out, name_len);
        u16le(&mut out, 0);
        out.extend_from_slice(e.name);
        out.extend_from_slice(e.data);
        // Central directory record.
        u32le(&mut central, 0x0201_4b50);
        u16le(&mut central, 20);
        u16le(&mut central, 20);
        u16le(&mut central, e.flags);
        u16le(&mut central, e.method);
        u16le(&mut central, DOS_TIME);
        u16le(&mut central, DOS_DATE);
        u32le(&mut central, crc);
        u32le(&mut central, csize);
        u32le(&mut central, declared);
        u16le(&mut central, name_len);
        u16le(&mut central, 0);
        u16le(&mut central, 0);
        u16le(&mut central, 0);
        u16le(&mut central, 0);
        u32le(&mut central, 0);
        u32le(&mut central, offset);
        central.extend_from_slice(e.name);
    }
    let cd_offset = out.len() as u32;
    let cd_size = central.len() as u32;
    out.extend_from_slice(&central);
    // End of central directory.
    u32le(&mut out, 0x0605_4b50);
    u16le(&mut out, 0);
    u16le(&mut out, 0);
    u16le(&mut out, entries.len() as u16);
    u16le(&mut out, entries.len() as u16);
    u32le(&mut out, cd_size);
    u32le(&mut out, cd_offset);
    u16le(&mut out, 0);
    out
}
