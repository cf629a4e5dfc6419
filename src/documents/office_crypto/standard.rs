//! Standard encryption (MS-OFFCRYPTO 2.3.4.5–2.3.4.9), as Excel 2007 writes it: a binary
//! header naming AES and SHA-1, a password verifier, and the package encrypted with AES-ECB
//! under a key derived from the password by 50,000 rounds of SHA-1.

use super::CryptoError;
use super::primitives::{AES_BLOCK, HashAlg, aes_ecb_decrypt};

/// The header's flags: the CryptoAPI is used, with AES; an external provider is not ours.
const F_CRYPTO_API: u32 = 0x04;
const F_EXTERNAL: u32 = 0x10;
const F_AES: u32 = 0x20;
/// The spin count Standard encryption fixes.
const SPIN: u32 = 50_000;
/// The verifier's hash (SHA-1) and its encrypted form, padded to whole AES blocks.
const VERIFIER_HASH: usize = 20;
const ENCRYPTED_VERIFIER_HASH: usize = 32;

/// What a Standard EncryptionInfo holds for a password to be tried.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standard {
    key_bytes: usize,
    salt: Vec<u8>,
    encrypted_verifier: Vec<u8>,
    encrypted_verifier_hash: Vec<u8>,
}

/// A little-endian reader over the stream's bytes that says where it ran out.
struct Fields<'a> {
    bytes: &'a [u8],
}

impl<'a> Fields<'a> {
    fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8], CryptoError> {
        if self.bytes.len() < n {
            return Err(CryptoError::Invalid(format!("{what} tronqué")));
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Ok(head)
    }

    fn u32(&mut self, what: &str) -> Result<u32, CryptoError> {
        let b = self.take(4, what)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

impl Standard {
    /// Parse what follows the version: flags, the header, the verifier.
    pub fn parse(after_version: &[u8]) -> Result<Standard, CryptoError> {
        let mut fields = Fields {
            bytes: after_version,
        };
        let _flags = fields.u32("en-tête")?;
        let header_size = fields.u32("en-tête")? as usize;
        let header = fields.take(header_size, "en-tête")?;
        let key_bytes = Self::aes_key_bytes(&mut Fields { bytes: header })?;
        let salt_size = fields.u32("vérificateur")? as usize;
        if salt_size != 16 {
            return Err(CryptoError::Invalid(format!("sel de {salt_size} octets")));
        }
        let salt = fields.take(salt_size, "vérificateur")?.to_vec();
        let encrypted_verifier = fields.take(16, "vérificateur")?.to_vec();
        let _hash_size = fields.u32("vérificateur")?;
        let encrypted_verifier_hash = fields.take(ENCRYPTED_VERIFIER_HASH, "vérificateur")?;
        Ok(Standard {
            key_bytes,
            salt,
            encrypted_verifier,
            encrypted_verifier_hash: encrypted_verifier_hash.to_vec(),
        })
    }

    /// The AES key length the header names; RC4 (the binary formats' cipher) and external
    /// providers are not AES Standard encryption.
    fn aes_key_bytes(header: &mut Fields) -> Result<usize, CryptoError> {
        let flags = header.u32("en-tête")?;
        let _size_extra = header.u32("en-tête")?;
        let alg = header.u32("en-tête")?;
        let hash = header.u32("en-tête")?;
        let key_bits = header.u32("en-tête")?;
        if flags & F_EXTERNAL != 0 || flags & (F_CRYPTO_API | F_AES) != F_CRYPTO_API | F_AES {
            return Err(CryptoError::Unsupported(format!(
                "chiffrement standard sans AES (drapeaux {flags:#x})"
            )));
        }
        // 0 means « the flags say »: AES-128 with SHA-1.
        let expected_bits = match alg {
            0 | 0x660E => 128,
            0x660F => 192,
            0x6610 => 256,
            other => {
                return Err(CryptoError::Unsupported(format!(
                    "algorithme {other:#x} en chiffrement standard"
                )));
            }
        };
        if !matches!(hash, 0 | 0x8004) {
            return Err(CryptoError::Unsupported(format!(
                "empreinte {hash:#x} en chiffrement standard"
            )));
        }
        if key_bits != expected_bits {
            return Err(CryptoError::Invalid(format!(
                "clé de {key_bits} bits pour un AES-{expected_bits}"
            )));
        }
        Ok(key_bits as usize / 8)
    }

    /// The package key when `password` is the right one (its verifier matches), else `None`.
    pub fn unlock(&self, password: &str) -> Result<Option<Vec<u8>>, CryptoError> {
        let key = self.derive_key(password);
        let mut verifier = self.encrypted_verifier.clone();
        aes_ecb_decrypt(&key, &mut verifier)?;
        let mut hash = self.encrypted_verifier_hash.clone();
        aes_ecb_decrypt(&key, &mut hash)?;
        let right = HashAlg::Sha1.digest(&[&verifier]) == hash[..VERIFIER_HASH];
        Ok(right.then_some(key))
    }

    /// MS-OFFCRYPTO 2.3.4.7: the spun hash, a final round with block number 0, then the
    /// CryptoAPI's key derivation (the hash XORed into a 64-byte block of 0x36, hashed).
    fn derive_key(&self, password: &str) -> Vec<u8> {
        let spun = HashAlg::Sha1.spun(&self.salt, password, SPIN);
        let last = HashAlg::Sha1.digest(&[&spun, &0u32.to_le_bytes()]);
        let derived = |pad: u8| {
            let mut block = [pad; 64];
            for (b, h) in block.iter_mut().zip(&last) {
                *b ^= h;
            }
            HashAlg::Sha1.digest(&[&block])
        };
        let mut key = derived(0x36);
        key.extend(derived(0x5C));
        key.truncate(self.key_bytes);
        key
    }

    /// Decrypt the package's encrypted bytes (after its size) in place and cut them to `size`.
    pub fn decrypt(&self, key: &[u8], data: &mut Vec<u8>, size: usize) -> Result<(), CryptoError> {
        data.truncate(size.div_ceil(AES_BLOCK) * AES_BLOCK);
        aes_ecb_decrypt(key, data)?;
        data.truncate(size);
        Ok(())
    }
}
