//! Workbooks that Excel encrypted (MS-OFFCRYPTO): the `.xlsx` zip, encrypted, inside an OLE
//! compound file with its `EncryptionInfo`. Excel opens a workbook encrypted with its built-in
//! default password, « VelvetSweatshop », without asking anything: the buyer reads it, so it
//! must not be called password-protected. That password, and only that one, is tried; a
//! workbook it opens is read as the `.xlsx` it holds, under the same limits (the decrypted zip
//! passes the bomb checks, the worker's memory and time limits hold). Any other password is
//! the buyer's problem too: the workbook is password-protected.
//!
//! Both schemes Office writes for OOXML are read: Standard (Excel 2007: AES-ECB, SHA-1) and
//! Agile (Office 2010 and later: AES-CBC in segments, usually SHA-512). The Extensible scheme
//! (a third-party provider) and RC4 (the binary formats') are not: such a workbook stays
//! password-protected, as before.

mod agile;
mod primitives;
mod standard;

use std::io::{Read, Seek};

use super::{DocFacts, DocFormat, Encryption, ReadFailure};
use crate::said;
use crate::vocabulary::Said;

/// The password Excel tries by itself before asking.
pub const DEFAULT_PASSWORD: &str = "VelvetSweatshop";
/// An EncryptionInfo stream is about a kilobyte; past this it is not one.
const MAX_INFO_BYTES: u64 = 1024 * 1024;
/// The first bytes of every OLE compound file.
const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
/// Said of a workbook the default password opened.
pub const DEFAULT_PASSWORD_NOTE: (&str, &str) = (
    "classeur chiffré avec le mot de passe par défaut d'Excel (VelvetSweatshop) : Excel l'ouvre \
     sans demander de mot de passe",
    "workbook encrypted with Excel's default password (VelvetSweatshop): Excel opens it without \
     asking for a password",
);

/// Why an encrypted workbook could not be opened, in French for the finding.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CryptoError {
    #[error("conteneur OLE {0}")]
    Container(&'static str),
    #[error("flux « {0} » absent")]
    MissingStream(&'static str),
    #[error("paquet chiffré tronqué : {declared} octets annoncés, {present} présents")]
    Truncated { declared: u64, present: u64 },
    #[error("description du chiffrement invalide : {0}")]
    Invalid(String),
    /// A scheme or algorithm we do not decrypt: the default password cannot be tried.
    #[error("chiffrement non pris en charge : {0}")]
    Unsupported(String),
}

impl CryptoError {
    /// The error in English; a field's or algorithm's own detail stays as written.
    fn english(&self) -> String {
        match self {
            CryptoError::Container(how) => {
                let how = match *how {
                    "tronqué" => "truncated",
                    "corrompu" => "corrupt",
                    other => other,
                };
                format!("{how} OLE container")
            }
            CryptoError::MissingStream(name) => format!("stream \"{name}\" missing"),
            CryptoError::Truncated { declared, present } => {
                format!("truncated encrypted package: {declared} bytes declared, {present} present")
            }
            CryptoError::Invalid(detail) => format!("invalid encryption description: {detail}"),
            CryptoError::Unsupported(detail) => format!("unsupported encryption: {detail}"),
        }
    }
}

/// What the default password gave.
#[derive(Debug, PartialEq, Eq)]
pub enum Unlocked {
    /// The decrypted package: the workbook's zip.
    Package(Vec<u8>),
    /// Another password is needed.
    NeedsPassword,
}

/// The schemes of an EncryptionInfo stream.
enum Scheme {
    Standard(standard::Standard),
    Agile(agile::Agile),
}

impl Scheme {
    /// The stream starts with its version: 2.2, 3.2 or 4.2 is Standard, 4.4 Agile (followed
    /// by a reserved field, then the XML), 3.3 or 4.3 Extensible.
    fn parse(info: &[u8]) -> Result<Scheme, CryptoError> {
        let (Some(major), Some(minor)) = (u16_at(info, 0), u16_at(info, 2)) else {
            return Err(CryptoError::Invalid("version absente".into()));
        };
        // Both reads succeeded, so `info` has its 4 bytes of version and `info[4..]` exists.
        match (major, minor) {
            (2..=4, 2) => standard::Standard::parse(&info[4..]).map(Scheme::Standard),
            (4, 4) => agile::Agile::parse(info.get(8..).unwrap_or_default()).map(Scheme::Agile),
            (3 | 4, 3) => Err(CryptoError::Unsupported("chiffrement extensible".into())),
            _ => Err(CryptoError::Invalid(format!("version {major}.{minor}"))),
        }
    }

    fn unlock(&self, password: &str) -> Result<Option<Vec<u8>>, CryptoError> {
        match self {
            Scheme::Standard(s) => s.unlock(password),
            Scheme::Agile(a) => a.unlock(password),
        }
    }

    fn decrypt(&self, key: &[u8], data: &mut Vec<u8>, size: usize) -> Result<(), CryptoError> {
        match self {
            Scheme::Standard(s) => s.decrypt(key, data, size),
            Scheme::Agile(a) => a.decrypt(key, data, size),
        }
    }
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes([*bytes.get(at)?, *bytes.get(at + 1)?]))
}

/// Does the file start as an OLE compound file? (Then it is read as encrypted, not as a zip.)
pub fn is_compound_file(mut file: impl Read + Seek) -> std::io::Result<bool> {
    let mut head = [0u8; 8];
    let n = file.read(&mut head)?;
    file.rewind()?;
    Ok(n == head.len() && head == OLE_MAGIC)
}

/// Try Excel's default password on an encrypted OOXML file.
pub fn open_with_default_password<F: Read + Seek>(file: F) -> Result<Unlocked, CryptoError> {
    let mut container = cfb::CompoundFile::open(file).map_err(container_error)?;
    let info = read_stream(&mut container, "EncryptionInfo", MAX_INFO_BYTES)?;
    let scheme = Scheme::parse(&info)?;
    let Some(key) = scheme.unlock(DEFAULT_PASSWORD)? else {
        return Ok(Unlocked::NeedsPassword);
    };
    // The package is as large as the file at most, which the reader's limits already bound.
    let mut package = read_stream(&mut container, "EncryptedPackage", u64::MAX)?;
    let size = take_declared_size(&mut package)?;
    scheme.decrypt(&key, &mut package, size)?;
    Ok(Unlocked::Package(package))
}

/// The package starts with its decrypted size (8 bytes); the encrypted bytes must cover it.
fn take_declared_size(package: &mut Vec<u8>) -> Result<usize, CryptoError> {
    let Some(head) = package.get(..8) else {
        return Err(CryptoError::Truncated {
            declared: 8,
            present: package.len() as u64,
        });
    };
    let declared = u64::from_le_bytes([
        head[0], head[1], head[2], head[3], head[4], head[5], head[6], head[7],
    ]);
    package.drain(..8);
    let present = package.len() as u64;
    if declared > present {
        return Err(CryptoError::Truncated { declared, present });
    }
    // `declared` ≤ the bytes in memory, so it fits in a usize.
    Ok(declared as usize)
}

fn read_stream<F: Read + Seek>(
    container: &mut cfb::CompoundFile<F>,
    name: &'static str,
    max: u64,
) -> Result<Vec<u8>, CryptoError> {
    if !container.is_stream(name) {
        return Err(CryptoError::MissingStream(name));
    }
    let mut stream = container.open_stream(name).map_err(container_error)?;
    if stream.len() > max {
        return Err(CryptoError::Invalid(format!(
            "flux « {name} » de {} octets",
            stream.len()
        )));
    }
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes).map_err(container_error)?;
    Ok(bytes)
}

/// The compound-file reader's errors are in English: say the kind in French.
fn container_error(e: std::io::Error) -> CryptoError {
    CryptoError::Container(match e.kind() {
        std::io::ErrorKind::UnexpectedEof => "tronqué",
        std::io::ErrorKind::InvalidData | std::io::ErrorKind::InvalidInput => "corrompu",
        std::io::ErrorKind::NotFound => "incomplet",
        _ => "illisible",
    })
}

/// Read a workbook Excel encrypted: with the default password, the workbook it holds (and a
/// note saying so); with another, a document needing a password; a damaged container is
/// corrupt.
pub fn read_workbook<F: Read + Seek>(file: F) -> Result<DocFacts, ReadFailure> {
    match open_with_default_password(file) {
        Ok(Unlocked::Package(zip)) => {
            let mut facts = super::sheets::read(std::io::Cursor::new(zip), DocFormat::Xlsx)?;
            facts.encryption = Encryption::OwnerOnly;
            let (fr, en) = DEFAULT_PASSWORD_NOTE;
            facts.notes.push(Said::new(fr, en));
            Ok(facts)
        }
        Ok(Unlocked::NeedsPassword) | Err(CryptoError::Unsupported(_)) => Ok(DocFacts {
            encryption: Encryption::UserPassword,
            ..DocFacts::default()
        }),
        Err(e) => {
            let en = e.english();
            Err(ReadFailure::corrupt(said!(
                "classeur chiffré corrompu ou tronqué ({e}) : il ne s'ouvrira pas",
                "corrupt or truncated encrypted workbook ({en}): it will not open"
            )))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repo_file(rel: &str) -> Vec<u8> {
        std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)).unwrap()
    }

    fn open(bytes: &[u8]) -> Result<Unlocked, CryptoError> {
        open_with_default_password(std::io::Cursor::new(bytes))
    }

    /// The workbook msoffcrypto-tool encrypted (tests/data/office-crypto/make.py).
    fn plain() -> Vec<u8> {
        repo_file("fixtures/caih-offre-docx-ok/CRF_Offre_financiere.xlsx")
    }

    #[test]
    fn the_default_password_gives_back_the_very_workbook() {
        for name in ["velvet-agile.xlsx", "velvet-standard.xlsx"] {
            let encrypted = repo_file(&format!("tests/data/office-crypto/{name}"));
            assert_eq!(open(&encrypted), Ok(Unlocked::Package(plain())), "{name}");
        }
    }

    #[test]
    fn another_password_is_asked_for() {
        let encrypted = repo_file("tests/data/office-crypto/autre-mot-de-passe.xlsx");
        assert_eq!(open(&encrypted), Ok(Unlocked::NeedsPassword));
    }

    #[test]
    fn a_cut_container_is_damaged_not_protected() {
        let encrypted = repo_file("tests/data/office-crypto/velvet-agile.xlsx");
        assert_eq!(
            open(&encrypted[..1000]),
            Err(CryptoError::Container("tronqué"))
        );
        assert_eq!(
            open(&encrypted[..encrypted.len() / 2]),
            Err(CryptoError::Container("corrompu"))
        );
        assert_eq!(
            open(b"not a compound file"),
            Err(CryptoError::Container("corrompu"))
        );
    }

    #[test]
    fn a_package_shorter_than_it_says_is_truncated() {
        let mut package = 5000u64.to_le_bytes().to_vec();
        package.extend([0u8; 4096]);
        assert_eq!(
            take_declared_size(&mut package),
            Err(CryptoError::Truncated {
                declared: 5000,
                present: 4096
            })
        );
        let mut package = 4000u64.to_le_bytes().to_vec();
        package.extend([0u8; 4096]);
        assert_eq!(take_declared_size(&mut package), Ok(4000));
        assert_eq!(package.len(), 4096);
        assert!(matches!(
            take_declared_size(&mut vec![1, 2]),
            Err(CryptoError::Truncated { .. })
        ));
    }

    fn agile_info(spin: &str, cipher: &str) -> Vec<u8> {
        let mut info = vec![4, 0, 4, 0, 0x40, 0, 0, 0];
        let params = format!(
            r#"saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="{cipher}" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA==""#
        );
        info.extend(format!(
            r#"<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password"><keyData {params}/><keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password"><p:encryptedKey spinCount="{spin}" {params} encryptedVerifierHashInput="AAAAAAAAAAAAAAAAAAAAAA==" encryptedVerifierHashValue="AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==" encryptedKeyValue="AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="/></keyEncryptor></keyEncryptors></encryption>"#
        ).bytes());
        info
    }

    #[test]
    fn descriptors_are_checked_before_any_work() {
        // An endless spin count would keep the reader busy until its time limit.
        assert!(matches!(
            Scheme::parse(&agile_info("4000000000", "AES")),
            Err(CryptoError::Invalid(m)) if m.contains("itérations")
        ));
        assert!(matches!(
            Scheme::parse(&agile_info("100000", "DES")),
            Err(CryptoError::Unsupported(_))
        ));
        let scheme = Scheme::parse(&agile_info("10", "AES")).unwrap();
        // Zeros are not the verifier of any password.
        assert_eq!(scheme.unlock(DEFAULT_PASSWORD), Ok(None));
        assert!(matches!(
            Scheme::parse(b"\x04\x00\x04\x00\x40\x00\x00\x00<a/>"),
            Err(CryptoError::Invalid(m)) if m.contains("keyData")
        ));
        assert!(matches!(
            Scheme::parse(b"\x04\x00\x04\x00\x40\x00\x00\x00<a><b></a>"),
            Err(CryptoError::Invalid(m)) if m.starts_with("descripteur XML mal formé")
        ));
        assert!(matches!(
            Scheme::parse(&[4, 0, 3, 0]),
            Err(CryptoError::Unsupported(_))
        ));
        assert!(matches!(
            Scheme::parse(&[9, 0, 9, 0]),
            Err(CryptoError::Invalid(_))
        ));
        assert!(matches!(Scheme::parse(&[4]), Err(CryptoError::Invalid(_))));
    }

    #[test]
    fn standard_rc4_is_not_aes_standard_encryption() {
        let mut info = vec![3, 0, 2, 0, 0x04, 0, 0, 0, 32, 0, 0, 0];
        // fCryptoAPI without fAES, RC4 (0x6801), SHA-1, 128 bits.
        for v in [0x04u32, 0, 0x6801, 0x8004, 128, 1, 0, 0] {
            info.extend(v.to_le_bytes());
        }
        assert!(matches!(
            Scheme::parse(&info),
            Err(CryptoError::Unsupported(_))
        ));
        // A header cut short.
        assert!(matches!(
            Scheme::parse(&info[..20]),
            Err(CryptoError::Invalid(m)) if m.contains("tronqué")
        ));
    }

    #[test]
    fn the_reader_reads_the_workbook_and_says_how_it_opened() {
        let encrypted = repo_file("tests/data/office-crypto/velvet-agile.xlsx");
        let facts = read_workbook(std::io::Cursor::new(encrypted)).unwrap();
        assert_eq!(facts.encryption, Encryption::OwnerOnly);
        let (fr, en) = DEFAULT_PASSWORD_NOTE;
        assert_eq!(facts.notes, [Said::new(fr, en)]);
        assert!(facts.text.contains("Alternative Open Source"));
        let other = repo_file("tests/data/office-crypto/autre-mot-de-passe.xlsx");
        let facts = read_workbook(std::io::Cursor::new(other)).unwrap();
        assert_eq!(facts.encryption, Encryption::UserPassword);
        assert!(facts.text.is_empty());
        assert_eq!(
            read_workbook(std::io::Cursor::new(b"\xD0\xCF\x11\xE0".to_vec())),
            Err(ReadFailure::corrupt(Said::new(
                "classeur chiffré corrompu ou tronqué (conteneur OLE corrompu) : il ne s'ouvrira pas",
                "corrupt or truncated encrypted workbook (corrupt OLE container): it will not open"
            )))
        );
    }
}
