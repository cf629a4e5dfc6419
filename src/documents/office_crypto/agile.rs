//! Agile encryption (MS-OFFCRYPTO 2.3.4.10–2.3.4.15), what Office 2010 and later write: an
//! XML descriptor names the hash (usually SHA-512) and the cipher (AES-256-CBC); the password,
//! hashed `spinCount` times, unlocks a verifier and the package's own random key; the package
//! is encrypted in 4096-byte segments, each with an IV made from the salt and its index.
//!
//! The descriptor's `dataIntegrity` HMAC is not checked: a damaged package is still caught by
//! its zip's own checks when the workbook is read.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::CryptoError;
use super::primitives::{AES_BLOCK, HashAlg, aes_cbc_decrypt, fit};
use crate::documents::office::attr;

/// The key encryptor of a password (others use a certificate, which we do not hold).
const PASSWORD_URI: &str = "http://schemas.microsoft.com/office/2006/keyEncryptor/password";
/// The block keys that make three keys out of one password hash (MS-OFFCRYPTO 2.3.4.13).
const VERIFIER_INPUT_BLOCK: [u8; 8] = [0xfe, 0xa7, 0xd2, 0x76, 0x3b, 0x4b, 0x9e, 0x79];
const VERIFIER_VALUE_BLOCK: [u8; 8] = [0xd7, 0xaa, 0x0f, 0x6d, 0x30, 0x61, 0x34, 0x4e];
const KEY_VALUE_BLOCK: [u8; 8] = [0x14, 0x6e, 0x0b, 0xe7, 0xab, 0xac, 0xd0, 0xd6];
/// The package is encrypted in segments of this many bytes.
const SEGMENT: usize = 4096;
/// MS-OFFCRYPTO caps the spin count here; a larger one is a hostile file's way to burn time.
const MAX_SPIN: u32 = 10_000_000;
/// The longest salt accepted (Office writes 16 bytes).
const MAX_SALT: usize = 1024;

/// The parameters a `keyData` and a password's `encryptedKey` share.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Params {
    salt: Vec<u8>,
    block_size: usize,
    key_bytes: usize,
    hash: HashAlg,
}

/// The password's key encryptor: how to check a password and recover the package key.
#[derive(Debug, Clone, PartialEq, Eq)]
struct PasswordKey {
    params: Params,
    spin_count: u32,
    encrypted_verifier_hash_input: Vec<u8>,
    encrypted_verifier_hash_value: Vec<u8>,
    encrypted_key_value: Vec<u8>,
}

/// What an Agile EncryptionInfo holds for a password to be tried.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agile {
    key_data: Params,
    password: PasswordKey,
}

impl Agile {
    /// Parse the XML descriptor that follows the version and its reserved field.
    pub fn parse(xml: &[u8]) -> Result<Agile, CryptoError> {
        let mut reader = Reader::from_reader(xml);
        let mut buf = Vec::new();
        let (mut key_data, mut password) = (None, None);
        let mut in_password_encryptor = false;
        loop {
            match reader.read_event_into(&mut buf) {
                Ok(Event::Start(e) | Event::Empty(e)) => match e.local_name().into_inner() {
                    "keyData" => key_data = Some(Params::of(&e)?),
                    "keyEncryptor" => {
                        in_password_encryptor = attr(&e, "uri").as_deref() == Some(PASSWORD_URI);
                    }
                    "encryptedKey" if in_password_encryptor && password.is_none() => {
                        password = Some(PasswordKey::of(&e)?);
                    }
                    _ => {}
                },
                Ok(Event::Eof) => break,
                // quick-xml's reason is in English: the place is enough.
                Err(_) => {
                    return Err(CryptoError::Invalid(format!(
                        "descripteur XML mal formé (octet {})",
                        reader.buffer_position()
                    )));
                }
                Ok(_) => {}
            }
            buf.clear();
        }
        let key_data = key_data.ok_or(CryptoError::Invalid("élément keyData absent".into()))?;
        let password = password.ok_or(CryptoError::Unsupported(
            "aucune clé protégée par mot de passe (certificat seulement)".into(),
        ))?;
        Ok(Agile { key_data, password })
    }

    /// The package key when `password` is the right one (its verifier matches), else `None`.
    pub fn unlock(&self, password: &str) -> Result<Option<Vec<u8>>, CryptoError> {
        let p = &self.password;
        let spun = p.params.hash.spun(&p.params.salt, password, p.spin_count);
        let key_for = |block: &[u8]| fit(p.params.hash.digest(&[&spun, block]), p.params.key_bytes);
        let iv = fit(p.params.salt.clone(), p.params.block_size);
        let decrypted = |block: &[u8], data: &[u8]| -> Result<Vec<u8>, CryptoError> {
            let mut data = data.to_vec();
            aes_cbc_decrypt(&key_for(block), &iv, &mut data)?;
            Ok(data)
        };
        let mut input = decrypted(&VERIFIER_INPUT_BLOCK, &p.encrypted_verifier_hash_input)?;
        input.truncate(p.params.salt.len());
        let expected = p.params.hash.digest(&[&input]);
        let value = decrypted(&VERIFIER_VALUE_BLOCK, &p.encrypted_verifier_hash_value)?;
        if value.get(..expected.len()) != Some(&expected[..]) {
            return Ok(None);
        }
        let mut secret = decrypted(&KEY_VALUE_BLOCK, &p.encrypted_key_value)?;
        if secret.len() < self.key_data.key_bytes {
            return Err(CryptoError::Invalid("clé du paquet trop courte".into()));
        }
        secret.truncate(self.key_data.key_bytes);
        Ok(Some(secret))
    }

    /// Decrypt the package's encrypted bytes (after its size) in place, segment by segment,
    /// and cut them to `size`.
    pub fn decrypt(&self, key: &[u8], data: &mut Vec<u8>, size: usize) -> Result<(), CryptoError> {
        let kd = &self.key_data;
        data.truncate(size.div_ceil(AES_BLOCK) * AES_BLOCK);
        for (index, segment) in data.chunks_mut(SEGMENT).enumerate() {
            // Within the 1 GiB a document may weigh, the index fits in 32 bits.
            let index = u32::try_from(index)
                .map_err(|_| CryptoError::Invalid("paquet de plus de 2^32 segments".into()))?;
            let iv = fit(
                kd.hash.digest(&[&kd.salt, &index.to_le_bytes()]),
                kd.block_size,
            );
            aes_cbc_decrypt(key, &iv, segment)?;
        }
        data.truncate(size);
        Ok(())
    }
}

impl Params {
    fn of(e: &BytesStart) -> Result<Params, CryptoError> {
        let cipher = required(e, "cipherAlgorithm")?;
        let chaining = required(e, "cipherChaining")?;
        if cipher != "AES" || chaining != "ChainingModeCBC" {
            return Err(CryptoError::Unsupported(format!(
                "chiffrement {cipher} en {chaining}"
            )));
        }
        let hash_name = required(e, "hashAlgorithm")?;
        let hash = HashAlg::parse(&hash_name)
            .ok_or_else(|| CryptoError::Unsupported(format!("empreinte {hash_name}")))?;
        if number(e, "hashSize")? != hash.size() {
            return Err(CryptoError::Invalid(format!(
                "taille d'empreinte fausse pour {hash_name}"
            )));
        }
        let block_size = number(e, "blockSize")?;
        let key_bits = number(e, "keyBits")?;
        if block_size != AES_BLOCK || !matches!(key_bits, 128 | 192 | 256) {
            return Err(CryptoError::Invalid(format!(
                "AES à blocs de {block_size} octets et clé de {key_bits} bits"
            )));
        }
        let salt = bytes(e, "saltValue")?;
        if salt.is_empty() || salt.len() > MAX_SALT || salt.len() != number(e, "saltSize")? {
            return Err(CryptoError::Invalid(format!(
                "sel de {} octets",
                salt.len()
            )));
        }
        Ok(Params {
            salt,
            block_size,
            key_bytes: key_bits / 8,
            hash,
        })
    }
}

impl PasswordKey {
    fn of(e: &BytesStart) -> Result<PasswordKey, CryptoError> {
        let spin_count = u32::try_from(number(e, "spinCount")?)
            .ok()
            .filter(|n| *n <= MAX_SPIN)
            .ok_or_else(|| {
                CryptoError::Invalid("nombre d'itérations au-delà de 10 000 000".into())
            })?;
        Ok(PasswordKey {
            params: Params::of(e)?,
            spin_count,
            encrypted_verifier_hash_input: bytes(e, "encryptedVerifierHashInput")?,
            encrypted_verifier_hash_value: bytes(e, "encryptedVerifierHashValue")?,
            encrypted_key_value: bytes(e, "encryptedKeyValue")?,
        })
    }
}

fn required(e: &BytesStart, local: &str) -> Result<String, CryptoError> {
    attr(e, local).ok_or_else(|| CryptoError::Invalid(format!("attribut {local} absent")))
}

fn number(e: &BytesStart, local: &str) -> Result<usize, CryptoError> {
    let text = required(e, local)?;
    text.trim()
        .parse()
        .map_err(|_| CryptoError::Invalid(format!("attribut {local} non numérique ({text})")))
}

fn bytes(e: &BytesStart, local: &str) -> Result<Vec<u8>, CryptoError> {
    let text = required(e, local)?;
    BASE64
        .decode(text.trim())
        .map_err(|_| CryptoError::Invalid(format!("attribut {local} qui n'est pas du base64")))
}
