//! Office files encrypted with a password. Word, Excel and PowerPoint do not encrypt the zip
//! of a `.docx`: they wrap the encrypted package in an OLE compound file (the old `.doc`
//! container) holding the streams `EncryptionInfo` and `EncryptedPackage` (MS-OFFCRYPTO). Such
//! a file is not an old-format document renamed: it opens, after the password. This scan only
//! tells such a file from an old-format one, to classify it; `documents::office_crypto` opens it.

use std::io::Read;

/// The directory entry name of the encrypted package, as stored (UTF-16LE).
const ENCRYPTED_PACKAGE: &str = "EncryptedPackage";

/// The most bytes scanned: the directory of a compound file is in its first sectors for the
/// files Office writes, and anywhere in a hostile one; past this the file is not judged here.
const MAX_SCAN_BYTES: u64 = 64 * 1024 * 1024;

/// Does this compound file hold an `EncryptedPackage` stream (an encrypted OOXML document)?
pub fn is_encrypted_package(reader: impl Read) -> std::io::Result<bool> {
    let needle: Vec<u8> = ENCRYPTED_PACKAGE
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let mut reader = reader.take(MAX_SCAN_BYTES);
    let mut window = Vec::with_capacity(64 * 1024 + needle.len());
    let mut chunk = vec![0u8; 64 * 1024];
    loop {
        let n = reader.read(&mut chunk)?;
        if n == 0 {
            return Ok(false);
        }
        window.extend_from_slice(&chunk[..n]);
        if window.windows(needle.len()).any(|w| w == needle) {
            return Ok(true);
        }
        // Keep the tail: the name may straddle two chunks.
        let keep = window.len().min(needle.len() - 1);
        window.drain(..window.len() - keep);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_encrypted_package_is_found_even_across_chunks() {
        let name: Vec<u8> = "EncryptedPackage"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let mut file = vec![0u8; 64 * 1024 - 7];
        file.extend_from_slice(&name);
        assert!(is_encrypted_package(&file[..]).unwrap());
        assert!(!is_encrypted_package(&vec![0u8; 200_000][..]).unwrap());
        // ASCII is not the directory's UTF-16.
        assert!(!is_encrypted_package(&b"EncryptedPackage"[..]).unwrap());
    }
}
