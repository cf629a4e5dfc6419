//! The hash and cipher steps both encryption schemes share: a hash named by the file, the
//! password hashed again and again (the spin), AES in CBC or ECB mode over whole blocks.

use aes::{Aes128, Aes192, Aes256};
use cbc::cipher::block_padding::NoPadding;
use cbc::cipher::{BlockDecryptMut, KeyInit, KeyIvInit};
use sha1::Digest;

use super::CryptoError;

/// AES's block, in bytes: every encrypted field and segment is a whole number of them.
pub const AES_BLOCK: usize = 16;

/// The hash algorithms MS-OFFCRYPTO names and Office uses (SHA-1 for Standard encryption and
/// old Agile files, SHA-512 for what Office writes today).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HashAlg {
    Sha1,
    Sha256,
    Sha384,
    Sha512,
}

impl HashAlg {
    /// The algorithm of an Agile descriptor's `hashAlgorithm` attribute.
    pub fn parse(name: &str) -> Option<HashAlg> {
        match name {
            "SHA1" | "SHA-1" => Some(HashAlg::Sha1),
            "SHA256" => Some(HashAlg::Sha256),
            "SHA384" => Some(HashAlg::Sha384),
            "SHA512" => Some(HashAlg::Sha512),
            _ => None,
        }
    }

    /// The digest's length in bytes.
    pub fn size(self) -> usize {
        match self {
            HashAlg::Sha1 => 20,
            HashAlg::Sha256 => 32,
            HashAlg::Sha384 => 48,
            HashAlg::Sha512 => 64,
        }
    }

    /// The digest of the parts, in order.
    pub fn digest(self, parts: &[&[u8]]) -> Vec<u8> {
        match self {
            HashAlg::Sha1 => digest::<sha1::Sha1>(parts),
            HashAlg::Sha256 => digest::<sha2::Sha256>(parts),
            HashAlg::Sha384 => digest::<sha2::Sha384>(parts),
            HashAlg::Sha512 => digest::<sha2::Sha512>(parts),
        }
    }

    /// The password's hash after `spin` rounds (MS-OFFCRYPTO 2.3.4.7 and 2.3.4.11):
    /// H0 = H(salt + password), then Hn = H(n as 32-bit little-endian + Hn-1).
    pub fn spun(self, salt: &[u8], password: &str, spin: u32) -> Vec<u8> {
        let password = utf16le(password);
        match self {
            HashAlg::Sha1 => spin_with::<sha1::Sha1>(salt, &password, spin),
            HashAlg::Sha256 => spin_with::<sha2::Sha256>(salt, &password, spin),
            HashAlg::Sha384 => spin_with::<sha2::Sha384>(salt, &password, spin),
            HashAlg::Sha512 => spin_with::<sha2::Sha512>(salt, &password, spin),
        }
    }
}

fn digest<D: Digest>(parts: &[&[u8]]) -> Vec<u8> {
    let mut hasher = D::new();
    for part in parts {
        hasher.update(part);
    }
    hasher.finalize().to_vec()
}

fn spin_with<D: Digest>(salt: &[u8], password: &[u8], spin: u32) -> Vec<u8> {
    let mut hash = D::new()
        .chain_update(salt)
        .chain_update(password)
        .finalize();
    for round in 0..spin {
        hash = D::new()
            .chain_update(round.to_le_bytes())
            .chain_update(&hash)
            .finalize();
    }
    hash.to_vec()
}

/// Office hashes passwords as UTF-16 little-endian, without a terminator.
fn utf16le(text: &str) -> Vec<u8> {
    text.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

/// `bytes` cut or padded to `len`, as MS-OFFCRYPTO sizes a derived key or an IV: padding with
/// 0x36 bytes when the hash is shorter.
pub fn fit(mut bytes: Vec<u8>, len: usize) -> Vec<u8> {
    bytes.resize(len, 0x36);
    bytes
}

/// Decrypt `data` in place with AES-CBC: a key of 16, 24 or 32 bytes, a 16-byte IV, whole
/// blocks only (Office pads before encrypting).
pub fn aes_cbc_decrypt(key: &[u8], iv: &[u8], data: &mut [u8]) -> Result<(), CryptoError> {
    match key.len() {
        16 => cbc_with::<cbc::Decryptor<Aes128>>(key, iv, data),
        24 => cbc_with::<cbc::Decryptor<Aes192>>(key, iv, data),
        32 => cbc_with::<cbc::Decryptor<Aes256>>(key, iv, data),
        n => Err(CryptoError::Unsupported(format!("clé AES de {n} octets"))),
    }
}

/// Decrypt `data` in place with AES-ECB (Standard encryption), whole blocks only.
pub fn aes_ecb_decrypt(key: &[u8], data: &mut [u8]) -> Result<(), CryptoError> {
    match key.len() {
        16 => ecb_with::<ecb::Decryptor<Aes128>>(key, data),
        24 => ecb_with::<ecb::Decryptor<Aes192>>(key, data),
        32 => ecb_with::<ecb::Decryptor<Aes256>>(key, data),
        n => Err(CryptoError::Unsupported(format!("clé AES de {n} octets"))),
    }
}

fn cbc_with<D: KeyIvInit + BlockDecryptMut>(
    key: &[u8],
    iv: &[u8],
    data: &mut [u8],
) -> Result<(), CryptoError> {
    let decryptor = D::new_from_slices(key, iv).map_err(|_| {
        CryptoError::Invalid(format!("vecteur d'initialisation de {} octets", iv.len()))
    })?;
    whole_blocks(decryptor.decrypt_padded_mut::<NoPadding>(data).map(|_| ()))
}

fn ecb_with<D: KeyInit + BlockDecryptMut>(key: &[u8], data: &mut [u8]) -> Result<(), CryptoError> {
    let decryptor = D::new_from_slice(key)
        .map_err(|_| CryptoError::Unsupported(format!("clé AES de {} octets", key.len())))?;
    whole_blocks(decryptor.decrypt_padded_mut::<NoPadding>(data).map(|_| ()))
}

/// Without padding, the only refusal is data that is not a whole number of blocks.
fn whole_blocks<E>(result: Result<(), E>) -> Result<(), CryptoError> {
    result.map_err(|_| {
        CryptoError::Invalid("donnée chiffrée qui n'est pas faite de blocs AES entiers".into())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_the_standard_ones() {
        // FIPS 180 test vector « abc ».
        assert_eq!(
            hex(&HashAlg::Sha1.digest(&[b"a", b"bc"])),
            "a9993e364706816aba3e25717850c26c9cd0d89d"
        );
        assert_eq!(
            HashAlg::Sha512.digest(&[b"abc"]).len(),
            HashAlg::Sha512.size()
        );
        assert_eq!(HashAlg::parse("SHA512"), Some(HashAlg::Sha512));
        assert_eq!(HashAlg::parse("MD5"), None);
    }

    #[test]
    fn zero_spins_is_the_salted_password_s_hash() {
        let salt = [7u8; 16];
        let mut expected = salt.to_vec();
        expected.extend(utf16le("VelvetSweatshop"));
        assert_eq!(
            HashAlg::Sha1.spun(&salt, "VelvetSweatshop", 0),
            HashAlg::Sha1.digest(&[&expected])
        );
        let once =
            HashAlg::Sha1.digest(&[&0u32.to_le_bytes(), &HashAlg::Sha1.digest(&[&expected])]);
        assert_eq!(HashAlg::Sha1.spun(&salt, "VelvetSweatshop", 1), once);
    }

    #[test]
    fn keys_are_cut_or_padded() {
        assert_eq!(fit(vec![1, 2, 3], 2), [1, 2]);
        assert_eq!(fit(vec![1], 3), [1, 0x36, 0x36]);
    }

    #[test]
    fn aes_decrypts_the_fips_197_vector_and_refuses_partial_blocks() {
        // FIPS 197, appendix C.1 (AES-128): one block, where ECB and CBC with a zero IV agree.
        let key: Vec<u8> = (0u8..16).collect();
        let cipher = unhex("69c4e0d86a7b0430d8cdb78070b4c55a");
        let plain = unhex("00112233445566778899aabbccddeeff");
        let mut block = cipher.clone();
        aes_ecb_decrypt(&key, &mut block).unwrap();
        assert_eq!(block, plain);
        let mut block = cipher.clone();
        aes_cbc_decrypt(&key, &[0; 16], &mut block).unwrap();
        assert_eq!(block, plain);
        assert!(matches!(
            aes_ecb_decrypt(&key, &mut [0u8; 15]),
            Err(CryptoError::Invalid(_))
        ));
        assert!(matches!(
            aes_cbc_decrypt(&[0; 20], &[0; 16], &mut [0u8; 16]),
            Err(CryptoError::Unsupported(_))
        ));
    }

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    fn unhex(text: &str) -> Vec<u8> {
        (0..text.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap())
            .collect()
    }
}
